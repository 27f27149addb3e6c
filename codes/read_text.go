package codes

import (
	"strings"
	"unicode/utf8"
)

// returnMarkers start the copy of the returned message that text bounces
// append after their explanation (qmail, Exim, Sendmail, Exchange, Domino
// and many others write a line like these); the text after it is the
// sender's own message and is not searched for failures. Lower case.
var returnMarkers = [...]string{
	"below this line is a copy of the message",
	"this is a copy of the message",
	"original message follows",
	"original message header",
	"unsent message follows",
	"returned message",
	"header of the original message",
	"headers of the original message",
	"content-type: message/rfc822",
	"original message ---",
	"original message --",
	"-----original message-----",
	"message headers follow",
	"text of the original message",
	"original mail follows",
	"following is a copy of",
	"received: from",
	"return-path: <",
}

// returnMarkerHints are the words isReturnMarker looks for first, in
// one pass over each line: every marker has one of them.
var returnMarkerHints = newSubstrSet("essage", "ESSAGE", "opy", "OPY", "rigina", "RIGINA", "eceived: ", "ECEIVED: ",
	"eturn-", "ETURN-", "eturned", "ETURNED")

// returnMarkerKeys are parts of the returnMarkers: each marker has one or
// more, and a line without them has no marker. returnMarkerNeeds has, for
// each marker, the bit 1<<k of each key k it has.
var returnMarkerKeys = [...]string{"ssage", "rigina", "copy", ": "}

var returnMarkerNeeds = func() (needs [len(returnMarkers)]uint8) {
	for i, m := range returnMarkers {
		for k, key := range returnMarkerKeys {
			if strings.Contains(m, key) {
				needs[i] |= 1 << k
			}
		}
	}
	return needs
}()

// isReturnMarker reports whether a line starts the returned message.
func isReturnMarker(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) < 10 || len(t) > 120 {
		return false
	}
	if strings.HasPrefix(l, "From ") && strings.Count(l, ":") >= 2 && strings.Count(l, " ") >= 4 {
		// An mbox separator line: a copy of the mail follows.
		return true
	}
	// Cheap test first, this runs for every line: every marker has one of
	// these words.
	if returnMarkerHints.find(t, ^uint32(0)) == 0 {
		return false
	}
	var buf [120]byte
	lt := buf[:len(t)]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lt[i] = c
	}
	var has uint8 // the returnMarkerKeys in lt
	for k, key := range returnMarkerKeys {
		if hasBytes(lt, key) {
			has |= 1 << k
		}
	}
	if has == 0 {
		return false
	}
	for i, m := range returnMarkers {
		if need := returnMarkerNeeds[i]; has&need == need && hasBytes(lt, m) {
			if m == "returned message" && hasBytes(lt, "attached returned message") {
				// Postfix: "You can delete your own text from the
				// attached returned message." refers to another part,
				// above the recipient lines.
				continue
			}
			if m == "received: from" || m == "return-path: <" {
				// A header line of the returned message shown inline.
				return len(lt) >= len(m) && string(lt[:len(m)]) == m && l == t
			}
			return true
		}
	}
	return false
}

// hasBytes is bytes.Contains for a string needle, without allocating.
func hasBytes(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if b[i] == s[0] && string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

// returnMarkAt returns the start of the line of the text section sec,
// after its first, that starts the returned message (isReturnMarker), and
// the start of the next line; -1, -1 when there is none.
func returnMarkAt(s string, sec section) (int, int) {
	for i := sec.start; i < sec.end; {
		l, next := line(s[:sec.end], i)
		if i > sec.start && isReturnMarker(l) {
			return i, next
		}
		i = next
	}
	return -1, -1
}

// returnMarks returns the return mark of each text section of d (see
// returnMarkAt), [-1, -1] for the other sections, looking for them once
// for textRegions and inlineMail.
func (d *doc) returnMarks(s string) [][2]int {
	if d.marks == nil {
		d.marks = make([][2]int, len(d.secs))
		for k, sec := range d.secs {
			d.marks[k] = [2]int{-1, -1}
			if sec.kind == secText {
				d.marks[k][0], d.marks[k][1] = returnMarkAt(s, sec)
			}
		}
	}
	return d.marks
}

// textRegions returns the parts of the text sections of d that hold the
// notification itself, each cut at the start of the returned message.
func textRegions(s string, d *doc) []span {
	var out []span
	marks := d.returnMarks(s)
	for k, sec := range d.secs {
		if sec.kind != secText {
			continue
		}
		end := sec.end
		if at := marks[k][0]; at >= 0 {
			end = at
		}
		if end > sec.start {
			out = append(out, span{sec.start, end})
		}
	}
	return out
}

// inlineOrig returns the header fields of a returned message that a text
// part of d shows after a return marker ("----- Unsent message follows
// -----"), or nil.
func inlineOrig(s string, d *doc) []hfield {
	f, _, _ := inlineMail(s, d)
	return f
}

// inlineMail finds a mail shown inline after a return marker in a text
// section of d: its header fields, and the span of its body (to the end of
// the section).
func inlineMail(s string, d *doc) ([]hfield, span, bool) {
	marks := d.returnMarks(s)
	for k, sec := range d.secs {
		if sec.kind != secText {
			continue
		}
		at, next := marks[k][0], marks[k][1]
		if at < 0 {
			continue
		}
		if !looksLikeHeader(s[at:sec.end]) {
			at = next
			for at < sec.end && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n') {
				at++
			}
		}
		if strings.HasPrefix(s[at:sec.end], "From ") {
			_, at = line(s[:sec.end], at)
		}
		if !looksLikeHeader(s[at:sec.end]) {
			return nil, span{}, false
		}
		f, body := parseHeader(s[at:sec.end])
		return f, span{sec.end - len(body), sec.end}, true
	}
	return nil, span{}, false
}

// rcptLine reports the address a line starts with, as a recipient list
// entry does in the text bounces of most mail servers: Postfix
// "<a@b>: host ...", qmail "<a@b>:", Exim "  a@b", Sendmail "<a@b>... User
// unknown", Exchange "a@b on 1/2/2010", Gmail "     a@b".
func rcptLine(s string, lo, hi int) span {
	i := lo
	for i < hi && (s[i] == ' ' || s[i] == '\t' || s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'' || s[i] == '*' || s[i] == '-' && i+1 < hi && s[i+1] == ' ') {
		i++
	}
	// Old Sendmail lists failures as "554 <a@b>... 550 Host unknown".
	if i+4 < hi && replyAt(s[:hi], i, false) != 0 && s[i+3] == ' ' {
		i += 4
		for i < hi && (s[i] == ' ' || s[i] == '<') {
			i++
		}
	}
	// Some servers prefix the address with a label.
	for _, p := range [...]string{"recipient address: ", "recipient: ", "original-recipient: ", "address: ", "rcpt to:", "user ", "mailbox "} {
		if hasFoldPrefix(s[i:hi], p) {
			i += len(p)
			for i < hi && (s[i] == ' ' || s[i] == '<') {
				i++
			}
			break
		}
	}
	at := strings.IndexByte(s[i:hi], '@')
	if at <= 0 {
		return span{}
	}
	sp := addrAt(s[:hi], i+at)
	if sp.ok() && sp.start < i && strings.Trim(s[sp.start:i], "'") == "" {
		// Exchange: "'a@b' on 11/27/2026": a quote may start a local part
		// (RFC 5322 atext), but here it quotes the address.
		sp.start = i
	}
	if !sp.ok() || sp.start != i {
		return span{}
	}
	rest := s[sp.end:hi]
	rest = strings.TrimLeft(rest, ">\"'")
	if rest == "" || strings.TrimSpace(rest) == "" {
		return sp
	}
	switch rest[0] {
	case ':', ',', ';', '(', '[', '.':
		return sp
	case ' ', '\t':
		t := strings.TrimLeft(rest, " \t")
		if t == "" || t[0] == '(' || t[0] == '[' || t[0] == '<' || t[0] == '-' || t[0] == '.' || t[0] == ':' || hasFoldPrefix(t, "on ") || hasFoldPrefix(t, "is ") || hasFoldPrefix(t, "was ") || hasFoldPrefix(t, "user ") || hasFoldPrefix(t, "unknown") || hasFoldPrefix(t, "does ") || hasFoldPrefix(t, "mailbox") || hasFoldPrefix(t, "recipient") || hasFoldPrefix(t, "smtp") || hasFoldPrefix(t, "host ") || t[0] >= '0' && t[0] <= '9' {
			return sp
		}
		// "a@b Invalid Address, ERROR_CODE :550 ..." (Zoho and others).
		lt := strings.ToLower(t)
		for _, w := range failPhrases {
			if strings.Contains(lt, w) {
				return sp
			}
		}
	}
	return span{}
}

// skipAddr reports addresses that are contacts named in a notification,
// not recipients.
func skipAddr(a string) bool {
	l := strings.ToLower(a)
	for _, p := range [...]string{"postmaster@", "mailer-daemon@", "abuse@", "support@", "help@", "helpdesk@", "noreply@", "no-reply@", "hostmaster@"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// readText finds failures in the human-readable text of a bounce.
// strict requires SMTP codes in the text before anything is reported.
func readText(s string, regions []span, fb textFallback) []record {
	var recs []record
	seen := map[string]int{}
	type hit struct {
		at   span
		line int
	}
	var hits []hit
	for _, rg := range regions {
		for i := rg.start; i < rg.end; {
			l, next := line(s[:rg.end], i)
			if sp := rcptLine(s, i, i+len(l)); sp.ok() && !skipAddr(s[sp.start:sp.end]) && len(hits) < maxRecipients {
				hits = append(hits, hit{sp, i})
			}
			i = next
		}
	}
	regionEnd := func(pos int) int {
		for _, rg := range regions {
			if pos >= rg.start && pos < rg.end {
				return rg.end
			}
		}
		return pos
	}
	// The block of a listed address ends at the next line listing another
	// address (a server may repeat the address inside its reply).
	nextDiff := make([]int, len(hits))
	for k := len(hits) - 1; k >= 0; k-- {
		switch {
		case k == len(hits)-1:
			nextDiff[k] = len(hits)
		case !strings.EqualFold(s[hits[k].at.start:hits[k].at.end], s[hits[k+1].at.start:hits[k+1].at.end]) &&
			// The bounce's own recipient, the sender of the failed
			// message, named in a reply ("553 5.1.8 <sender>... Domain
			// of sender address does not exist") does not end the block.
			!strings.EqualFold(s[hits[k+1].at.start:hits[k+1].at.end], fb.sender):
			nextDiff[k] = k + 1
		default:
			nextDiff[k] = nextDiff[k+1]
		}
	}
	for k, h := range hits {
		a := strings.ToLower(s[h.at.start:h.at.end])
		end := regionEnd(h.line)
		if n := nextDiff[k]; n < len(hits) && hits[n].line < end {
			end = hits[n].line
		}
		if idx, ok := seen[a]; ok {
			// A later mention of a listed address: fill what is missing.
			r := &recs[idx]
			if r.reply.IsZero() && r.status.IsZero() {
				// Only up to the next listed line: the first mention's
				// block already covered the rest.
				if k+1 < len(hits) && hits[k+1].line < end {
					end = hits[k+1].line
				}
				fillFromBlock(s, r, h.at.end, end)
			}
			continue
		}
		r := record{reader: "text", rcpt: s[h.at.start:h.at.end], rcptAt: h.at, action: "failed", block: span{h.line, end}}
		fillFromBlock(s, &r, h.at.end, end)
		seen[a] = len(recs)
		recs = append(recs, r)
	}
	// The sender named in a reply is not a failed recipient beside others
	// (it is one when a message to oneself bounced).
	if len(recs) > 1 && fb.sender != "" {
		kept := make([]record, 0, len(recs))
		for _, r := range recs {
			if !strings.EqualFold(r.rcpt, fb.sender) {
				kept = append(kept, r)
			}
		}
		if len(kept) > 0 {
			recs = kept
		}
	}
	// Addresses listed without codes: look at other mentions (Sendmail
	// transcripts ">>> RCPT To:<a>" / "<<< 550 ...").
	for i := range recs {
		r := &recs[i]
		if !r.reply.IsZero() || !r.status.IsZero() || i >= 50 {
			continue
		}
		needle := strings.ToLower(r.rcpt)
		for _, rg := range regions {
			for p, n := rg.start, 0; p < rg.end && n < 20; n++ {
				k := indexFold(s[p:rg.end], needle)
				if k < 0 {
					break
				}
				m := p + k
				ls := lineStart(s, m)
				we := nthLineEnd(s, m, 3, rg.end)
				if h := findCodes(s, ls, we); !h.reply.IsZero() || !h.status.IsZero() {
					applyHit(s, r, h, we)
					break
				}
				p = m + len(r.rcpt)
			}
			if !r.reply.IsZero() || !r.status.IsZero() {
				break
			}
		}
	}
	// One recipient and no code near it: the codes anywhere in the
	// notification are its own ("Error message below: 550 ..." above a
	// "RCPT TO: a" summary).
	if len(recs) == 1 && recs[0].reply.IsZero() && recs[0].status.IsZero() {
		for _, g := range regions {
			if h := findCodes(s, g.start, g.end); !h.reply.IsZero() || !h.status.IsZero() {
				r := &recs[0]
				block := r.block
				r.block = g
				applyHit(s, r, h, g.end)
				r.block = span{min(block.start, g.start), max(block.end, r.diagAt.end)}
				break
			}
		}
	}
	if len(recs) > 0 {
		return recs
	}
	return readTextLoose(s, regions, fb)
}

// textFallback is what the headers of a mail say about its recipients.
type textFallback struct {
	failed []string // X-Failed-Recipients (Exim, Google)
	origTo string   // To of the returned message
	sender string   // To of the bounce: the sender of the failed message, never a failed recipient
	loose  bool     // the mail's From or Subject says it is a bounce: accept failures with no SMTP code
}

// failPhrases are words that a line naming a failed recipient in running
// text carries ("Could not be delivered to: <a>", "Unknown user: a",
// "Unable to deliver message to <a>"). Lower case.
var failPhrases = [...]string{"unknown", "no such", "not found", "invalid", "not exist", "n't exist", "failed", "failure", "undeliver", "could not", "couldn't", "unable", "rejected", "refused", "denied", "duplicated", "generated by", "not delivered", "quota", "full", "disabled", "error", "expired", "delivery to", "returned", "not reach", "giving up", "no mailbox", "not allowed", "blocked", "wasn't delivered", "problem delivering", "has been blocked"}

// readTextLoose reads a notification that lists no recipient lines: the
// codes anywhere in its text, the recipient from a transcript, the headers,
// or a sentence naming it.
func readTextLoose(s string, regions []span, fb textFallback) []record {
	var h codeHit
	var rg span
	for _, g := range regions {
		if h = findCodes(s, g.start, g.end); !h.reply.IsZero() || !h.status.IsZero() {
			rg = g
			break
		}
	}
	coded := !h.reply.IsZero() || !h.status.IsZero()
	r := record{reader: "text", action: "failed", block: rg}
	if coded {
		applyHit(s, &r, h, rg.end)
	}
	setRcpt := func(sp span) {
		r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
	}
	// "RCPT TO:<a>" in a transcript names the recipient.
	for _, g := range regions {
		if k := indexFold(s[g.start:g.end], "rcpt to:"); k >= 0 {
			if sp := findAddr(s, g.start+k, min(g.end, g.start+k+300)); sp.ok() {
				setRcpt(sp)
				break
			}
		}
	}
	named := r.rcpt != ""
	if r.rcpt == "" && len(fb.failed) > 0 {
		r.rcpt = fb.failed[0]
		named = true
		for _, g := range regions {
			if k := strings.Index(s[g.start:g.end], r.rcpt); k >= 0 {
				r.rcptAt = span{g.start + k, g.start + k + len(r.rcpt)}
				break
			}
		}
		if k := strings.Index(s, r.rcpt); !r.rcptAt.ok() && k >= 0 {
			r.rcptAt = span{k, k + len(r.rcpt)} // in the header field
		}
	}
	if r.rcpt == "" {
		// A sentence naming the recipient.
	mention:
		for _, g := range regions {
			for p := g.start; p < g.end; {
				sp := findAddr(s, p, g.end)
				if !sp.ok() {
					break
				}
				p = sp.end
				a := s[sp.start:sp.end]
				if strings.EqualFold(a, fb.sender) {
					continue
				}
				// The failure words come before the address on its line
				// ("Could not be delivered to: <a>"), or right after it
				// ("Your message to a couldn't be delivered").
				ls := lineStart(s, sp.start)
				l := strings.ToLower(s[ls:sp.start])
				if !skipAddr(a) {
					after := s[sp.end:min(g.end, sp.end+40)]
					if k := strings.IndexByte(after, '\n'); k >= 0 {
						after = after[:k]
					}
					l += " " + strings.ToLower(after)
				}
				for _, w := range failPhrases {
					if strings.Contains(l, w) {
						setRcpt(sp)
						named = true
						if !coded {
							r.block = g
							r.diagAt = trimSpan(s, span{ls, paragraphEnd(s, ls, g.end)})
							r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
							if r.command == "" {
								r.command = commandIn(r.diag)
							}
						}
						break mention
					}
				}
			}
		}
	}
	if r.rcpt == "" && fb.origTo != "" {
		r.rcpt = fb.origTo
		if k := strings.Index(s, r.rcpt); k >= 0 {
			r.rcptAt = span{k, k + len(r.rcpt)}
		}
	}
	// With no code, a sentence must name the recipient of a mail that says
	// it is a bounce, or the recipient of the returned message.
	if !coded && !(named && (fb.loose || strings.EqualFold(r.rcpt, fb.origTo))) {
		return nil
	}
	r.confirmed = named && strings.EqualFold(r.rcpt, fb.origTo)
	if !coded && r.diag == "" && len(regions) > 0 {
		// The notification's first paragraphs are all it says.
		g := regions[0]
		r.block = g
		r.diagAt = trimSpan(s, span{g.start, runeStart(s, min(g.end, g.start+600))})
		r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
	}
	return []record{r}
}

// lineStart returns the start of the line holding s[i], looking back at
// most 512 bytes so that one huge line cannot make scans quadratic.
func lineStart(s string, i int) int {
	lo := max(0, i-512)
	return runeStart(s, lo+strings.LastIndexByte(s[lo:i], '\n')+1)
}

// runeStart moves i back to the start of the UTF-8 sequence it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// nthLineEnd returns the end of the n-th line from pos, at most hi.
func nthLineEnd(s string, pos, n, hi int) int {
	for ; n > 0 && pos < hi; n-- {
		k := strings.IndexByte(s[pos:hi], '\n')
		if k < 0 {
			return hi
		}
		pos += k + 1
	}
	return pos
}

// fillFromBlock reads codes and the diagnostic from s[from:end].
func fillFromBlock(s string, r *record, from, end int) {
	h := findCodes(s, from, end)
	if !h.reply.IsZero() || !h.status.IsZero() {
		applyHit(s, r, h, end)
		return
	}
	// No code: the text after the address, up to the block's end, is the
	// diagnostic (separator lines of '=' or '-' left out).
	ds := from
	for ds < end && (s[ds] == '>' || s[ds] == ':' || s[ds] == ' ' || s[ds] == '.' || s[ds] == '\t' || s[ds] == '"') {
		ds++
	}
	var b strings.Builder
	de := ds
	for i := ds; i < end && b.Len() < 600; {
		l, next := line(s[:end], i)
		t := strings.TrimSpace(l)
		if t != "" && strings.Trim(t, "=-*_#~ ") != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			} else {
				ds = i // the span starts at the first line shown
			}
			b.WriteString(collapse(t))
			de = i + len(l)
		}
		i = next
	}
	if b.Len() == 0 {
		// Nothing after the address: some servers (Lotus Notes) write the
		// reason on the lines above it, in the same paragraph.
		ls := lineStart(s, from)
		ps := ls
		for ps > r.block.start-200 && ps > 0 {
			p := lineStart(s, ps-1)
			t := strings.TrimSpace(s[p : ps-1])
			if t == "" || strings.Trim(t, "=-*_#~ ") == "" || ps-p > 300 {
				break
			}
			ps = p
		}
		if ps < ls {
			b.WriteString(collapse(s[ps:ls]))
			ds, de = ps, ls
		}
	}
	if b.Len() > 0 {
		r.diag = b.String()
		r.diagAt = trimSpan(s, span{ds, de})
	}
	if r.command == "" {
		r.command = commandIn(s[max(r.block.start, from-300):min(end, from+4096)])
	}
}

// applyHit sets codes from h and the diagnostic: the paragraph from the
// first code on.
func applyHit(s string, r *record, h codeHit, end int) {
	start := h.replyAt.start
	if !h.replyAt.ok() || (h.stAt.ok() && h.stAt.start < start) {
		start = h.stAt.start
	}
	if !h.reply.IsZero() {
		r.reply, r.replyAt = h.reply, h.replyAt
	}
	if !h.status.IsZero() {
		r.status, r.stAt = h.status, h.stAt
	}
	// The diagnostic starts at its line (servers write "host x said: 550 ...").
	ls := lineStart(s, start)
	if ls < r.block.start {
		ls = r.block.start
	}
	de := paragraphEnd(s, start, end)
	r.diagAt = trimSpan(s, span{ls, de})
	r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
	if r.command == "" {
		r.command = commandIn(s[max(r.block.start, ls-300):min(de, ls+4096)])
	}
}

// paragraphEnd returns the index of the first blank line at or after i.
func paragraphEnd(s string, i, hi int) int {
	for i < hi {
		k := strings.IndexByte(s[i:hi], '\n')
		if k < 0 {
			return hi
		}
		j := i + k + 1
		// blank line?
		e := j
		for e < hi && (s[e] == ' ' || s[e] == '\t') {
			e++
		}
		if e >= hi || s[e] == '\n' {
			return i + k
		}
		i = j
	}
	return hi
}

func trimSpan(s string, sp span) span {
	for sp.start < sp.end && (s[sp.start] == ' ' || s[sp.start] == '\t' || s[sp.start] == '\n') {
		sp.start++
	}
	for sp.end > sp.start && (s[sp.end-1] == ' ' || s[sp.end-1] == '\t' || s[sp.end-1] == '\n') {
		sp.end--
	}
	return sp
}
