package codes

import (
	"errors"
	"slices"
	"strings"
)

// MaxInputSize is the largest input Decode accepts: 16 MiB, far above any
// bounce (which carries at most the headers of the returned message, or a
// copy truncated by the reporting server).
const MaxInputSize = 16 << 20

// ErrTooLarge is returned by Decode for inputs over MaxInputSize.
var ErrTooLarge = errors.New("codes: input too large")

// maxRecipients bounds the recipients of one report.
const maxRecipients = 500

// noteNone is the Report.Note for inputs with no bounce in them.
const noteNone = "No bounce found. Paste a bounce message (the whole mail, with headers), an SMTP reply such as \"550 5.1.1 ...\", a Diagnostic-Code line, a mail log line, a mail queue listing (mailq) or the rows of a CSV export with their header row."

// Decode reads a bounce and reports on each recipient it names.
//
// The input may be a whole mail (RFC 5322) with any line endings: an RFC
// 3464 or RFC 6533 delivery status notification, the text bounce of a mail
// server, an RFC 5965 feedback report or an RFC 3834 auto-reply. It may also
// be a pasted SMTP reply (RFC 5321 section 4.2), a Diagnostic-Code line,
// mail server log lines or a mail queue listing. Anything else gives a
// Report with Bounce false and a Note. Decode never fails on malformed
// input: it returns what it could read and lists the rest in
// Report.Problems. The only error is ErrTooLarge.
func Decode(input []byte) (Report, error) {
	if len(input) > MaxInputSize {
		return Report{Problems: []string{ErrTooLarge.Error() + ": over 16 MiB"}, Recipients: []Recipient{}}, ErrTooLarge
	}
	d := normalize(input)
	s := d.buf.String()
	rep := Report{Text: s, Problems: d.problems, Recipients: []Recipient{}}
	if rep.Problems == nil {
		rep.Problems = []string{}
	}
	var recs []record
	format := FormatNone
	for _, m := range d.msgs {
		r, f := locate(d.view(m), s)
		if len(r) > 0 && format == FormatNone {
			format = f
		}
		recs = append(recs, r...)
	}
	if len(recs) == 0 {
		rep.Note = noteNone
		return rep, nil
	}
	rep.Bounce, rep.Format = true, format
	if len(recs) > maxRecipients {
		rep.Problems = append(rep.Problems, "more than 500 recipients: only the first 500 are reported")
		recs = recs[:maxRecipients]
	}
	for i := range recs {
		rep.Recipients = append(rep.Recipients, finish(s, &recs[i]))
	}
	return rep, nil
}

// locate runs the readers that fit the input and returns its failures.
func locate(d *doc, s string) ([]record, Format) {
	recs, f := locateMail(d, s)
	if len(recs) > 0 || !d.mail || d.inline {
		return recs, f
	}
	// Nothing in the mail itself: it may quote a whole bounce as text (a
	// provider's notice that forwards the bounce it received).
	if top, sp, ok := inlineMail(s, d); ok && mailHeader(top) {
		v := &doc{secs: []section{{secText, sp.start, sp.end}}, top: decodeFields(top), mail: true, inline: true}
		return locate(v, s)
	}
	return nil, f
}

// locateMail runs the readers on one mail.
func locateMail(d *doc, s string) ([]record, Format) {
	var dsnSecs, fbSecs []section
	for _, sec := range d.secs {
		switch sec.kind {
		case secDSN:
			dsnSecs = append(dsnSecs, sec)
		case secFeedback:
			fbSecs = append(fbSecs, sec)
		}
	}
	if !d.mail {
		return locatePasted(d, s)
	}
	if len(fbSecs) > 0 {
		if recs := readARF(d, s, fbSecs); len(recs) > 0 {
			return recs, FormatARF
		}
	}
	regions := textRegions(s, d)
	recs := readDSN(s, dsnSecs)
	if len(recs) == 0 {
		// Some servers print the DSN fields in the text part.
		recs = readDSN(s, dsnInText(s, regions))
	}
	if len(recs) > 0 {
		mergeText(s, recs, regions, fallbackRecipients(d, true))
		return recs, FormatDSN
	}
	if recs := readUnsubscribe(d, s); len(recs) > 0 {
		return recs, FormatARF
	}
	if len(dsnSecs) > 0 {
		// A report whose delivery-status part lists no recipient ("Delivery
		// report unavailable"): the returned message names it.
		if fb := fallbackRecipients(d, true); fb.origTo != "" {
			r := record{reader: "dsn", rcpt: fb.origTo, action: "failed"}
			if k := strings.Index(s, fb.origTo); k >= 0 {
				r.rcptAt = span{k, k + len(fb.origTo)}
			}
			if len(regions) > 0 {
				g := regions[0]
				r.block = g
				r.diagAt = trimSpan(s, span{g.start, runeStart(s, min(g.end, g.start+600))})
				r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
			}
			return []record{r}, FormatDSN
		}
	}
	if recs := readSES(s, regions); len(recs) > 0 {
		return recs, FormatText
	}
	sig := bounceSignature(d)
	if !sig && autoReply(d) {
		return readAutoReply(d, s), FormatAutoReply
	}
	fb := fallbackRecipients(d, sig)
	if fb.origTo == "" && d.orig == nil {
		if v := field(inlineOrig(s, d), "To"); v != "" {
			if sp := findAddr(v, 0, len(v)); sp.ok() {
				fb.origTo = v[sp.start:sp.end]
			}
		}
	}
	recs = readText(s, regions, fb)
	if !sig {
		// Without a bounce's sender or subject, only failures with an
		// enhanced status code count: an ordinary mail may list
		// addresses, or mention a number like 550.
		recs = withStatus(recs)
	}
	deferIfWarning(s, regions, recs)
	return recs, FormatText
}

// locatePasted reads input that is not a whole mail.
func locatePasted(d *doc, s string) ([]record, Format) {
	if recs := readLog(s); len(recs) > 0 {
		return recs, FormatLog
	}
	if recs := readQueue(s); len(recs) > 0 {
		return recs, FormatLog
	}
	if recs := readTrace(s); len(recs) > 0 {
		return recs, FormatLog
	}
	if recs := readSES(s, []span{{0, len(s)}}); len(recs) > 0 {
		return recs, FormatText
	}
	if recs := readWebhook(s); len(recs) > 0 {
		return recs, FormatText
	}
	all := []span{{0, len(s)}}
	if recs := readDSN(s, dsnInText(s, all)); len(recs) > 0 {
		// Pasted fields without an Action field ("Diagnostic-Code: smtp;
		// 451 4.7.1 ...") say no more than a pasted reply.
		bare := 0
		for i := range recs {
			if recs[i].action == "" {
				recs[i].action = "failed"
				bare++
			}
		}
		if bare == len(recs) {
			settlePasted(s, recs)
		}
		return recs, FormatReply
	}
	// The text of a bounce, pasted without its headers: a mail server's
	// ("This is the mail system at host ...", "This message was created
	// automatically by mail delivery software.") or a notice as a mail
	// client shows it, often without any code (Gmail: "Your message wasn't
	// delivered to a@b because the address couldn't be found ... The
	// response was: The email account that you tried to reach does not
	// exist."). Read it as a bounce mail's text, so that a recipient
	// listed without a code ("Unrouteable address") is kept too.
	if pastedNotice(s) {
		if recs := readText(s, all, textFallback{loose: true}); len(recs) > 0 &&
			!slices.ContainsFunc(recs, func(r record) bool { return r.rcpt == "" }) {
			mark, words := response(s)
			for i := range recs {
				r := &recs[i]
				r.reader = "notice"
				if words.ok() && r.reply.IsZero() && r.status.IsZero() {
					// The receiving server's words, not the notice's own
					// explanation, are the diagnostic.
					r.diagAt, r.diag = words, collapse(s[words.start:words.end])
					r.block = span{min(r.block.start, mark), max(r.block.end, words.end)}
				}
			}
			settlePasted(s, recs)
			return recs, FormatText
		}
	}
	if recs := readReply(s); len(recs) > 0 {
		// A pasted bounce body names recipients where its reply lines do not.
		if recs[0].rcpt == "" {
			if t := readText(s, all, textFallback{}); len(t) > 0 && t[0].rcpt != "" {
				settlePasted(s, t)
				return t, FormatText
			}
		}
		settlePasted(s, recs)
		return recs, FormatReply
	}
	if recs := withStatus(readText(s, all, textFallback{})); len(recs) > 0 {
		settlePasted(s, recs)
		return recs, FormatText
	}
	return nil, FormatNone
}

// noticeStarts start a line of the text of a bounce (after blanks and
// '*'): a mail server's, or a notice as a mail client shows one. Sorted,
// lower case. "there was a" and "your message" count only with "deliver"
// later on the line.
var noticeStarts = [...]string{
	"----- the following addresses had permanent fatal errors", // Sendmail
	"a message that you sent could not be delivered",           // Exim
	"address not found", // Gmail
	"an error occurred while trying to deliver the mail to the following recipients", // Amazon SES
	"could not be delivered",
	"couldn't be delivered",
	"delivery has failed",                  // Exchange "Delivery has failed to these recipients or groups:"
	"delivery incomplete",                  // Gmail, a delay
	"delivery to the following recipient",  // Gmail, older
	"hi. this is the qmail-send program",   // qmail
	"i'm sorry to have to inform you",      // Postfix
	"message blocked",                      // Gmail
	"message not delivered",                // Gmail
	"sorry, we were unable to deliver",     // Yahoo
	"the original message was received at", // Sendmail
	"there was a",                          // Gmail "There was a (temporary) problem delivering your message to a@b."
	"this is the mail system at host",      // Postfix
	"this message was created automatically by mail delivery software", // Exim
	"unable to deliver",
	"undeliverable", // Outlook "Undeliverable: <subject>"
	"your message",  // Gmail "Your message wasn't delivered to a@b", Microsoft "Your message to a@b couldn't be delivered."
	"your message did not reach some or all of the intended recipients", // Exchange
}

// pastedNotice reports whether a line of the first part of pasted text
// starts as a delivery failure notice does (noticeStarts). A sentence
// that only mentions a failure ("the newsletter was undeliverable for
// some") does not.
func pastedNotice(s string) bool {
	head := s[:runeStart(s, min(len(s), 2048))]
	for i := 0; i < len(head); {
		l, next := line(head, i)
		t := strings.TrimLeft(l, " \t*")
		for _, p := range noticeStarts {
			if hasFoldPrefix(t, p) && (p != "your message" && p != "there was a" || indexFold(t, "deliver") > 0) {
				return true
			}
		}
		i = next
	}
	return false
}

// responseMarks introduce the receiving server's own words in a notice.
// Lower case.
var responseMarks = [...]string{
	"the response was:",                             // Gmail
	"the response from the remote server was:",      // Gmail
	"the error that the other server returned was:", // Gmail, older
}

// response returns where a notice's responseMarks start and the span of
// the paragraph after them: the receiving server's own words. The span is
// zero when there is none.
func response(s string) (int, span) {
	for _, m := range responseMarks {
		k := indexFold(s, m)
		if k < 0 {
			continue
		}
		i := k + len(m)
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
			i++
		}
		return k, trimSpan(s, span{i, paragraphEnd(s, i, len(s))})
	}
	return -1, span{}
}

// delayPhrases are what the text of a delay warning says: the message is
// still queued and will be retried. Lower case.
var delayPhrases = [...]string{
	"this is a warning only",                 // Postfix
	"this is a warning message only",         // Sendmail
	"you do not need to resend",              // Postfix, Sendmail
	"will be retried until",                  // Postfix
	"still being retried",                    // Postfix subject, quoted
	"will keep trying",                       // Sendmail "Will keep trying until message is 5 days old"
	"has not yet been delivered",             // Exim delay warning
	"delivery attempts will continue",        // Exim
	"delivery will continue to be attempted", // Microsoft "Delivery has been delayed"
	"delivery has been delayed",              // Microsoft
	"will retry for",                         // Gmail "Gmail will retry for 47 more hours"
	"delivery incomplete",                    // Gmail
}

// deferIfWarning marks the failures of a text notification as delayed when
// the text says it is a warning and the message is still being retried
// (RFC 3464 section 2.3.3 calls that Action: delayed), unless a code says
// the failure is permanent.
func deferIfWarning(s string, regions []span, recs []record) {
	if !slices.ContainsFunc(recs, func(r record) bool { return mayDefer(&r) }) {
		return // nothing to change: do not read the text
	}
	warning := false
	for _, g := range regions {
		t := s[g.start:g.end]
		for _, p := range delayPhrases {
			if indexFold(t, p) >= 0 {
				warning = true
				break
			}
		}
	}
	if !warning {
		return
	}
	for i := range recs {
		if mayDefer(&recs[i]) {
			recs[i].action = "delayed"
		}
	}
}

// mayDefer reports whether a failure has no permanent code, so that what
// the text says can make it a delay.
func mayDefer(r *record) bool {
	return r.action == "failed" && !r.reply.Permanent() && r.status.Class() != 5
}

// settlePasted sets the action of the failures read from pasted text (not
// a whole mail), which says less than a bounce: a delay warning makes
// them delays (deferIfWarning), and so do temporary codes in text that
// does not say the message was given up on (deferFragment).
func settlePasted(s string, recs []record) {
	all := []span{{0, len(s)}}
	deferIfWarning(s, all, recs)
	deferFragment(s, recs)
}

// gaveUpPhrases are what a notification says when the sending server has
// given up on a message. Lower case.
var gaveUpPhrases = [...]string{
	"could not be delivered", "couldn't be delivered", // Postfix, Exim, Microsoft ("Your message to a couldn't be delivered.")
	"message not delivered", "delivery failed", // Gmail, many
	"permanent error",                  // Exim, qmail
	"given up", "giving up", "gave up", // qmail, Sendmail, Exim
	"not going to try again", // qmail
	"retry timeout exceeded", // Exim
	"delivery has failed",    // Microsoft
	"undeliverable",
	"wasn't delivered", "was not delivered", "not delivered to", // Gmail, Microsoft
	"failed permanently",
	"returned to sender",
}

// deferFragment marks as delayed the failures of pasted text that has only
// temporary codes and does not say that the sending server gave up: a
// piece of a bounce, a queue listing or a log, where a 4yz reply on its own
// is a deferral (RFC 5321 section 4.2.1), not a message given up on.
func deferFragment(s string, recs []record) {
	temporary := func(r *record) bool { return mayDefer(r) && (r.reply.Temporary() || r.status.Class() == 4) }
	if !slices.ContainsFunc(recs, func(r record) bool { return temporary(&r) }) {
		return
	}
	flat := collapse(s) // the phrases may be cut by line breaks
	for _, p := range gaveUpPhrases {
		if indexFold(flat, p) >= 0 {
			return
		}
	}
	for i := range recs {
		if temporary(&recs[i]) {
			recs[i].action = "delayed"
		}
	}
}

// withStatus keeps the records that have an enhanced status code, or
// whose recipient the text names as failed and the returned message
// confirms.
func withStatus(recs []record) []record {
	out := recs[:0]
	for _, r := range recs {
		if !r.status.IsZero() || r.confirmed {
			out = append(out, r)
		}
	}
	return out
}

// dsnInText returns the parts of regions that hold DSN fields
// ("Final-Recipient:", "Diagnostic-Code:") at the start of a line.
func dsnInText(s string, regions []span) []section {
	var out []section
	for _, rg := range regions {
		t := s[rg.start:rg.end]
		if indexFold(t, "diagnostic-code:") < 0 && indexFold(t, "final-recipient:") < 0 {
			continue
		}
		out = append(out, section{secDSN, rg.start, rg.end})
	}
	return out
}

// mergeText completes DSN records with what the text part says about the
// same recipient: many servers put the SMTP reply only there.
func mergeText(s string, recs []record, regions []span, fb textFallback) {
	if len(regions) == 0 {
		return
	}
	var texts []record
	var transcripts []span // the regions with a transcript, found once
	done := false
	for i := range recs {
		r := &recs[i]
		// A complete record takes only the SMTP command from the text.
		full := !r.reply.IsZero() && r.diag != "" && !r.status.IsZero() && !r.weakRcpt
		if full && r.command != "" && r.mta != "" {
			continue
		}
		if !done {
			texts = readText(s, regions, fb)
			done = true
		}
		for _, t := range texts {
			if !strings.EqualFold(t.rcpt, r.rcpt) && !(len(texts) == 1 && len(recs) == 1) {
				continue
			}
			if !r.status.IsZero() && !t.status.IsZero() && r.status.Class() != t.status.Class() {
				continue
			}
			t.findContext(s)
			if r.mta == "" {
				r.mta, r.mtaAt = t.mta, t.mtaAt
			}
			if full {
				if r.command == "" {
					r.command = t.command
				}
				break
			}
			if r.reply.IsZero() && !t.reply.IsZero() {
				r.reply, r.replyAt = t.reply, t.replyAt
			}
			if !t.status.IsZero() {
				preferStatus(r, t.status, t.stAt)
			}
			if r.diag == "" && t.diag != "" {
				r.diag, r.diagAt = t.diag, t.diagAt
			}
			if r.weakRcpt && t.rcpt != "" {
				r.rcpt, r.rcptAt, r.weakRcpt = t.rcpt, t.rcptAt, false
			}
			if r.command == "" {
				r.command = t.command
			}
			break
		}
		// A transcript below the list of recipients ("----- Transcript of
		// session follows -----") names the command for each of them.
		if r.command == "" && transcripts == nil {
			transcripts = []span{}
			for _, g := range regions {
				if strings.Contains(s[g.start:g.end], "<<<") {
					transcripts = append(transcripts, g)
				}
			}
		}
		for _, g := range transcripts {
			if r.command != "" {
				break
			}
			r.command = transcriptCommandOf(s, g.start, g.end, r.rcpt)
		}
	}
}

// bounceSignature reports whether the mail's sender or subject says it is a
// delivery failure notification.
func bounceSignature(d *doc) bool {
	from := strings.ToLower(field(d.top, "From"))
	for _, w := range [...]string{"mailer-daemon", "postmaster", "mail delivery", "mail-daemon", "maildaemon", "post_master", "mailerdaemon", "mail administrator", "mail system", "delivery subsystem", "microsoftexchange", "mmdf", "delivery status"} {
		if strings.Contains(from, w) {
			return true
		}
	}
	subj := strings.ToLower(field(d.top, "Subject"))
	if strings.HasPrefix(subj, "re:") || strings.HasPrefix(subj, "aw:") {
		return false // a person's reply, whatever it quotes
	}
	for _, w := range [...]string{"undeliver", "delivery fail", "delivery status", "returned mail", "failure notice", "failure delivery", "delivery notification", "non remis", "not delivered", "could not be delivered", "mail delivery", "returned to sender", "nondeliverable", "non-deliverable", "delivery problem", "unzustellbar", "loop alert", "message rejected", "mail rejected", "delivery error", "mail error", "mail failure", "bounced mail", "permanent error", "temporary error", "warning: message"} {
		if strings.Contains(subj, w) {
			return true
		}
	}
	return false
}

// fallbackRecipients returns what the mail's headers say about failed
// recipients: Exim's and Google's X-Failed-Recipients, the To of the
// returned message.
func fallbackRecipients(d *doc, sig bool) textFallback {
	fb := textFallback{loose: sig}
	if v := field(d.top, "X-Failed-Recipients"); v != "" {
		for _, a := range strings.Split(v, ",") {
			if sp := findAddr(a, 0, len(a)); sp.ok() {
				fb.failed = append(fb.failed, a[sp.start:sp.end])
			}
		}
	}
	for _, n := range [...]string{"To", "Delivered-To", "X-Original-To"} {
		if v := field(d.orig, n); v != "" {
			if sp := findAddr(v, 0, len(v)); sp.ok() {
				fb.origTo = v[sp.start:sp.end]
				break
			}
		}
	}
	if v := field(d.top, "To"); v != "" {
		if sp := findAddr(v, 0, len(v)); sp.ok() {
			fb.sender = v[sp.start:sp.end]
		}
	}
	return fb
}

// findContext sets what a record lacks and its text says: the remote
// server (no Remote-MTA field, no relay: "host mx.example.org[192.0.2.5]
// said: 550 ...") and the SMTP command (a Sendmail transcript's ">>> RCPT
// To:<a>" before the "<<< 550 ..." that refused it).
func (r *record) findContext(s string) {
	if r.mta != "" && r.command != "" {
		return
	}
	lo, hi := r.block.start, r.block.end
	if r.diagAt.ok() {
		lo, hi = min(lo, r.diagAt.start), max(hi, r.diagAt.end)
	}
	if r.mta == "" {
		// The server is named near the failure, not pages away (a pasted
		// log of a megabyte can be one record's block).
		hlo, hhi := lo, min(hi, lo+hostWindow)
		if r.diagAt.ok() {
			hlo, hhi = max(lo, r.diagAt.start-hostWindow), min(hi, r.diagAt.end+hostWindow)
		}
		if sp := hostIn(s, hlo, hhi); sp.ok() && !otherSession(s, sp, r.rcpt) {
			r.mta, r.mtaAt = s[sp.start:sp.end], sp
		}
	}
	if r.command == "" {
		r.command = transcriptCommand(s, lo, hi, r.rcpt, r.reply)
	}
	// A Sendmail bounce lists its recipients first and the transcript of
	// the session after them ("... while talking to mx.example.org.:",
	// ">>> RCPT To:<a>", "<<< 550 ..."): a session that names the
	// recipient gives its server and command.
	if (r.mta == "" || r.command == "") && r.rcpt != "" && r.block.ok() {
		tlo, thi := r.block.end, min(len(s), r.block.end+2*hostWindow)
		if r.mta == "" {
			if sp := sessionHostOf(s, tlo, thi, r.rcpt); sp.ok() {
				r.mta, r.mtaAt = s[sp.start:sp.end], sp
			}
		}
		if r.command == "" {
			r.command = transcriptCommandOf(s, tlo, thi, r.rcpt)
		}
	}
}

// hostWindow is how far from a failure's diagnostic findContext looks for
// the name of the remote server.
const hostWindow = 2048

// finish classifies a record and turns it into a Recipient.
func finish(s string, r *record) Recipient {
	r.findContext(s)
	rc := Recipient{
		Recipient:  r.rcpt,
		Action:     r.action,
		ReplyCode:  r.reply.String(),
		Status:     r.status.String(),
		Diagnostic: r.diag,
		Command:    r.command,
		RemoteMTA:  r.mta,
		Fix:        []string{},
		Links:      []Link{},
		Spans:      make([]Span, 0, 6),
	}
	if rc.Action == "" {
		rc.Action = "failed"
	}
	provider, ps, pe := "", -1, -1
	// A notice as a mail client shows it is written by the sender's
	// provider, help links included ("Gmail will retry for 46 more hours
	// ... [mx.example.net. 192.0.2.44: timed out]"): with the remote server
	// named, the provider is the server's, or none.
	notice := r.reader == "notice" && r.mta != ""
	if notice {
		provider, _, _ = DetectProvider(r.mta)
	} else if r.block.ok() && r.block.end <= len(s) {
		if id, a, b := DetectProvider(s[r.block.start:r.block.end]); id != "" {
			provider = id
			if a >= 0 && b > a {
				ps, pe = r.block.start+a, r.block.start+b
			}
		}
	}
	if provider == "" && r.mta != "" {
		provider, _, _ = DetectProvider(r.mta)
	}
	ctx := ""
	if r.block.ok() {
		ctx = s[r.block.start:runeStart(s, min(r.block.end, r.block.start+4096))]
	}
	reason := r.hint
	if reason != ReasonFeedback && reason != ReasonVacation {
		cmd := r.command
		if cmd == "" {
			// A DSN names the SMTP command only in its human-readable part
			// ("in reply to RCPT TO command"): read it from there.
			// The human-readable part precedes the delivery-status part
			// (RFC 3464 section 2): look in the 16 KiB before the record
			// and the record itself, not in the returned message after it;
			// bounded, so that many records in a large input stay linear.
			cmd = commandFor(s[runeStart(s, max(0, r.block.start-16<<10)):runeStart(s, min(len(s), r.block.end+1<<10))], r.rcpt)
		}
		reason = classifyReason(clue{
			Diagnostic: r.diag, Reply: r.reply, Status: r.status, Provider: provider,
			Action: rc.Action, Command: cmd, Reader: r.reader, Hint: r.hint, Context: ctx,
		})
	}
	q := Query{Provider: provider, Reply: r.reply, Status: r.status, Text: r.diag, Reason: reason, Delayed: rc.Action == "delayed", NoGuess: notice}
	ex := Explain(q)
	rc.Entry = ex.Entry
	if (reason == "" || reason == ReasonUndefined) && ex.Reason != "" {
		reason = ex.Reason
	}
	if ex.Blocklist != "" && ex.Reason != "" && reason.HardBounce(true) {
		// "550 Requested action not taken: mailbox unavailable (Mail from
		// 192.0.2.1 refused: IP listed by Spamhaus)": the words of a
		// refused mailbox, but the named blocklist is the cause, and the
		// address is not to be removed.
		reason = ex.Reason
	}
	if reason == "" {
		reason = ReasonUndefined
	}
	if provider == "" {
		provider = ex.Provider
	}
	rc.Provider, rc.Reason = provider, reason
	switch {
	case reason == ReasonVacation || reason == ReasonFeedback || reason == ReasonDelivered || rc.Action == "delivered":
		rc.Permanent = false
	case !r.status.IsZero():
		rc.Permanent = r.status.Permanent()
	case !r.reply.IsZero():
		rc.Permanent = r.reply.Permanent()
	default:
		rc.Permanent = rc.Action == "failed"
	}
	rc.HardBounce = reason.HardBounce(rc.Permanent) && rc.Action != "delayed"
	if ex.HardBounce != rc.HardBounce && rc.Action != "delivered" {
		// The summary says "remove the address" exactly when the record is
		// a hard bounce: Gmail's disabled account (reason suspend) is not
		// one, a 553 "user unknown" is.
		ex.HardBounce = rc.HardBounce
		ex.Summary = kbSummary(ex, q)
	}
	rc.Summary, rc.Explanation = ex.Summary, ex.Meaning
	if ex.Fix != nil {
		rc.Fix = ex.Fix
	}
	if ex.Links != nil {
		rc.Links = ex.Links
	}
	rc.Retry = ex.Retry
	switch {
	case reason == ReasonFeedback:
		rc.Retry = RetryNo // a complaint: stop mailing this address
	case reason == ReasonVacation || reason == ReasonDelivered:
		rc.Retry = "" // the message was delivered: nothing to retry
	case rc.HardBounce:
		rc.Retry = RetryNo
	case !rc.Permanent && rc.Retry == "":
		rc.Retry = RetryLater
	case rc.Retry == "":
		rc.Retry = RetryAfterFix
	}
	if r.status.IsZero() {
		if e, ok := statusForReason(reason, rc.Permanent); ok {
			rc.Status, rc.StatusDerived = e.String(), true
			note := "The bounce states no enhanced status code; " + rc.Status + " is derived from the reason (" + string(reason) + ")."
			if rc.Explanation == "" {
				rc.Explanation = note
			} else {
				rc.Explanation += " " + note
			}
		}
	}
	add := func(k SpanKind, sp span) {
		if sp.ok() && sp.end <= len(s) {
			rc.Spans = append(rc.Spans, Span{Kind: k, Start: sp.start, End: sp.end})
		}
	}
	add(SpanRecipient, r.rcptAt)
	add(SpanDiagnostic, r.diagAt)
	add(SpanReplyCode, r.replyAt)
	add(SpanStatus, r.stAt)
	add(SpanRemoteMTA, r.mtaAt)
	add(SpanProviderToken, span{ps, pe})
	return rc
}

// statusForReason derives an enhanced status code (RFC 3463) for a failure
// whose bounce states none, from its reason: only where one code is the
// standard way to say it.
func statusForReason(r Reason, permanent bool) (EnhancedCode, bool) {
	var e EnhancedCode
	switch r {
	case ReasonUserUnknown:
		e = EnhancedCode{5, 1, 1}
	case ReasonHostUnknown:
		e = EnhancedCode{5, 1, 2}
	case ReasonHasMoved:
		e = EnhancedCode{5, 1, 6}
	case ReasonMailboxFull:
		e = EnhancedCode{5, 2, 2}
	case ReasonSuspend:
		e = EnhancedCode{5, 2, 1}
	case ReasonMesgTooBig:
		e = EnhancedCode{5, 3, 4}
	case ReasonExceedLimit:
		e = EnhancedCode{5, 2, 3}
	case ReasonNoRelaying:
		e = EnhancedCode{5, 7, 1}
	case ReasonExpired:
		e = EnhancedCode{5, 4, 7}
	case ReasonNetworkError:
		e = EnhancedCode{5, 4, 0}
	case ReasonSystemFull:
		e = EnhancedCode{5, 3, 1}
	case ReasonVirusDetected:
		e = EnhancedCode{5, 7, 1}
	default:
		return e, false
	}
	if !permanent {
		e[0] = 4
	}
	return e, true
}
