package codes

import (
	"bytes"
	"regexp"
	"strings"
)

// Mail-server log lines read by a Batch, one delivery event each:
//
//	Postfix:  ... postfix/smtp[123]: 4F1A2: to=<a@example.com>, relay=..., dsn=5.1.1, status=bounced (host ... said: 550 5.1.1 ... (in reply to RCPT TO command))
//	Exim:     2026-11-27 10:00:00 1tGxyz-0001AB-Cd ** a@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@example.com>: 550 5.1.1 ...
//	Sendmail: ... sm-mta[123]: 5ARA0001: to=<a@example.com>, delay=00:00:01, mailer=esmtp, relay=mx.example.com. [192.0.2.1], dsn=5.1.1, stat=User unknown
//
// Postfix status=bounced, Exim "**" and a Sendmail stat other than Sent or
// Deferred are failures; Postfix status=deferred, Exim "==" and Sendmail
// "Deferred" are delays; Postfix status=sent, Exim "=>" and "->" and
// Sendmail "Sent" are deliveries. Other lines are skipped.

var (
	blEximRE     = regexp.MustCompile(`(?:^|\s)([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) (\*\*|==|=>|->) (\S+)(.*)$`)
	blSendmailRE = regexp.MustCompile(`(?:sendmail|sm-mta|sm-msp-queue)[\w.-]*\[\d+\]: (\w+): to=(.*?), (.*?)\bstat=(.*?)\s*$`)
	blDSNRE      = regexp.MustCompile(`(?:^|[ ,])dsn=([245]\.\d{1,3}\.\d{1,3})`)
	blRelayRE    = regexp.MustCompile(`(?:^|[ ,])relay=([^,\s\[]+)`)
	blEximHostRE = regexp.MustCompile(` H=([^\s\[]+)`)
	blReplyRE    = regexp.MustCompile(`(?:^|[\s(\[{;"'=])([245][0-5][0-9])(?:[ -]|$)`)
	blStatusRE   = regexp.MustCompile(`(?:^|[^\w.])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?:[^\w.]|$)`)
	blAddrRE     = regexp.MustCompile(`[^\s<>,;"'()\[\]]+@[^\s<>,;"'()\[\]]+`)
	blCommandRE  = regexp.MustCompile(`(?i)(?:in reply to|after|error from remote mail server after) (?:pipelined )?(RCPT TO|MAIL FROM|end of data|DATA|HELO|EHLO|STARTTLS|initial connection|initial protocol greeting)`)
)

// blEvent is one delivery event read from a log line or trace row. The
// *At fields are byte offsets in the item text, or -1.
type blEvent struct {
	reader string // postfix, exim, sendmail, trace
	id     string // queue or message id, "" if none
	action string // failed, delayed, delivered
	rcpt   string
	rcptAt int
	diag   string
	diagAt int
	diagN  int    // how many bytes of diag stand verbatim at diagAt (CSV quoting may differ after); 0 means all
	dsn    string // status given in a field of its own (Postfix and Sendmail dsn=)
	dsnAt  int
	mta    string
	mtaAt  int
	hint   Reason
}

// batchLogKind tells which mail server wrote line ("postfix", "exim",
// "sendmail"), or "" when it is none of them. It is a quick test used for
// sniffing; lines it accepts need not be delivery events.
func batchLogKind(line []byte) string {
	switch {
	case bytes.Contains(line, []byte("postfix")) && bytes.Contains(line, []byte("]: ")):
		return "postfix"
	case (bytes.Contains(line, []byte("sendmail[")) || bytes.Contains(line, []byte("sm-mta["))) && bytes.Contains(line, []byte("]: ")):
		return "sendmail"
	case blEximLine(line):
		return "exim"
	}
	return ""
}

// blParse reads the delivery events of one log line (several for a
// Sendmail line with several recipients).
func blParse(line string) []blEvent {
	switch {
	case strings.Contains(line, "postfix") && strings.Contains(line, " status="):
		return blPostfix(line)
	case strings.Contains(line, " stat=") && (strings.Contains(line, "sendmail") || strings.Contains(line, "sm-m")):
		return blSendmail(line)
	case strings.Contains(line, "** ") || strings.Contains(line, "== ") || strings.Contains(line, "=> ") || strings.Contains(line, "-> "):
		return blExim(line)
	}
	return nil
}

// blPostfixMatch finds the parts of a Postfix delivery line, as the
// regular expression
//
//	postfix[\w.-]*/[\w./-]+\[\d+\]: (\w+): to=<([^>]*)>,(.*?) status=(\w+)(?: \((.*)\))?\s*$
//
// would (its submatch indexes), but without backtracking: most lines of a
// mail log go through it.
func blPostfixMatch(line string) []int {
	e := strings.Index(line, "]: ")
	if e < 0 {
		return nil
	}
	p := strings.LastIndex(line[:e], "postfix") // a host may be named postfix-mx too
	if p < 0 {
		return nil
	}
	k := e - p
	prog := line[p : p+k+1] // postfix.../smtp[123]
	b := strings.LastIndexByte(prog, '[')
	slash := strings.IndexByte(prog, '/')
	if b < 0 || slash < 0 || slash > b || !blAll(prog[b+1:len(prog)-1], blDigit) || !blAll(prog[len("postfix"):slash], blWordDotDash) || !blAll(prog[slash+1:b], blPathChar) || slash+1 == b || b+2 == len(prog) {
		return nil
	}
	qs := p + k + 3
	j := strings.Index(line[qs:], ": to=<")
	if j <= 0 || !blAll(line[qs:qs+j], blWord) {
		return nil
	}
	rs := qs + j + len(": to=<")
	re := strings.IndexByte(line[rs:], '>')
	if re < 0 || !strings.HasPrefix(line[rs+re:], ">,") {
		return nil
	}
	ms := rs + re + 2
	st := strings.Index(line[ms:], " status=")
	if st < 0 {
		return nil
	}
	ws := ms + st + len(" status=")
	we := ws
	for we < len(line) && blWord(line[we]) {
		we++
	}
	if we == ws {
		return nil
	}
	m := []int{p, len(line), qs, qs + j, rs, rs + re, ms, ms + st, ws, we, -1, -1}
	rest := strings.TrimRight(line[we:], " \t\r\n\v\f")
	switch {
	case rest == "":
	case strings.HasPrefix(rest, " (") && strings.HasSuffix(rest, ")"):
		m[10], m[11] = we+2, we+len(rest)-1
	default:
		return nil
	}
	return m
}

func blDigit(c byte) bool { return c >= '0' && c <= '9' }

func blWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func blWordDotDash(c byte) bool { return blWord(c) || c == '.' || c == '-' }

func blPathChar(c byte) bool { return blWordDotDash(c) || c == '/' }

// blAll reports whether every byte of s satisfies f.
func blAll(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

func blPostfix(line string) []blEvent {
	m := blPostfixMatch(line)
	if m == nil {
		return nil
	}
	ev := blEvent{reader: "postfix", id: line[m[2]:m[3]], rcptAt: m[4], rcpt: line[m[4]:m[5]], diagAt: -1, dsnAt: -1, mtaAt: -1}
	switch line[m[8]:m[9]] {
	case "bounced", "undeliverable":
		ev.action = "failed"
	case "deferred":
		ev.action = "delayed"
	case "sent", "delivered":
		ev.action = "delivered"
	default:
		return nil
	}
	if m[10] >= 0 {
		ev.diag, ev.diagAt = line[m[10]:m[11]], m[10]
	}
	mid := line[m[6]:m[7]]
	if ds, de := blDSNField(mid); ds >= 0 {
		ev.dsn, ev.dsnAt = mid[ds:de], m[6]+ds
	}
	if rs, re := blRelayField(mid); rs >= 0 && mid[rs:re] != "none" {
		ev.mta, ev.mtaAt = mid[rs:re], m[6]+rs
	}
	return []blEvent{ev}
}

func blExim(line string) []blEvent {
	m, ok := blEximMatch(line)
	if !ok {
		return nil
	}
	ev := blEvent{reader: "exim", id: line[m[0]:m[1]], diagAt: -1, dsnAt: -1, mtaAt: -1}
	switch line[m[2]:m[3]] {
	case "**":
		ev.action = "failed"
	case "==":
		ev.action = "delayed"
	default:
		ev.action = "delivered"
	}
	addr := line[m[4]:m[5]]
	if ev.action == "delivered" {
		ev.rcpt, ev.rcptAt = addr, m[4]
		return []blEvent{ev}
	}
	rest, restAt := line[m[6]:m[7]], m[6]
	ev.rcpt, ev.rcptAt = strings.TrimSuffix(addr, ":"), m[4]
	if strings.HasSuffix(addr, ":") {
		ev.diag, ev.diagAt = strings.TrimLeft(rest, " "), restAt+len(rest)-len(strings.TrimLeft(rest, " "))
	} else if i := strings.Index(rest, "SMTP error from remote mail server"); i >= 0 {
		ev.diag, ev.diagAt = rest[i:], restAt+i
	} else if i := strings.Index(rest, ": "); i >= 0 {
		ev.diag, ev.diagAt = rest[i+2:], restAt+i+2
	}
	if hs, he := blEximHost(rest); hs >= 0 {
		ev.mta, ev.mtaAt = rest[hs:he], restAt+hs
	}
	return []blEvent{ev}
}

func blSendmail(line string) []blEvent {
	m, ok := blSendmailMatch(line)
	if !ok {
		return nil
	}
	stat, statAt := line[m[6]:m[7]], m[6]
	mid := line[m[4]:m[5]]
	base := blEvent{reader: "sendmail", id: line[m[0]:m[1]], diag: stat, diagAt: statAt, dsnAt: -1, mtaAt: -1}
	if ds, de := blDSNField(mid); ds >= 0 {
		base.dsn, base.dsnAt = mid[ds:de], m[4]+ds
	}
	if rs, re := blRelayField(mid); rs >= 0 {
		base.mta, base.mtaAt = strings.TrimSuffix(mid[rs:re], "."), m[4]+rs
	}
	switch {
	case strings.HasPrefix(stat, "Sent"):
		base.action = "delivered"
	case strings.HasPrefix(stat, "Deferred"), strings.HasPrefix(base.dsn, "4."):
		base.action = "delayed"
	default:
		base.action = "failed"
	}
	to, toAt := line[m[2]:m[3]], m[2]
	var evs []blEvent
	for as, ae := blNextAddr(to, 0); as >= 0; as, ae = blNextAddr(to, ae) {
		ev := base
		ev.rcpt, ev.rcptAt = to[as:ae], toAt+as
		evs = append(evs, ev)
	}
	if len(evs) == 0 { // a program or file recipient
		ev := base
		ev.rcpt, ev.rcptAt = strings.Trim(to, "<>\""), -1
		evs = append(evs, ev)
	}
	return evs
}

// nextLog returns the item of the next log line with delivery events.
func (b *Batch) nextLog() (Item, bool) {
	for b.off < len(b.data) {
		start := b.off
		end := len(b.data)
		if i := bytes.IndexByte(b.data[start:], '\n'); i >= 0 {
			end = start + i
			b.off = end + 1
		} else {
			b.off = end
		}
		text := string(bytes.TrimRight(b.data[start:end], "\r"))
		evs := blParse(text)
		if len(evs) == 0 {
			continue
		}
		r := blReport(text, evs)
		return Item{Start: start, End: start + len(text), Source: evs[0].reader, Report: r, Keys: blKeys(evs)}, true
	}
	return Item{}, false
}

// blKeys returns the keys of events: reader, message id and lower-case
// recipient, or "" for an event without a message id.
func blKeys(evs []blEvent) []string {
	keys := make([]string, len(evs))
	for i, ev := range evs {
		if ev.id != "" {
			keys[i] = ev.reader + "\x00" + ev.id + "\x00" + strings.ToLower(ev.rcpt)
		}
	}
	return keys
}

// blReport builds the report of one log line or trace row.
func blReport(text string, evs []blEvent) Report {
	r := Report{Format: FormatLog, Text: text, Problems: []string{}, Recipients: make([]Recipient, 0, len(evs))}
	for _, ev := range evs {
		rc := blRecipient(text, ev)
		if rc.Action != "delivered" {
			r.Bounce = true
		}
		r.Recipients = append(r.Recipients, rc)
	}
	return r
}

// blRecipient explains one event as the decoder explains a failure read
// from a bounce mail (see finish), so batch rows and the decoder view agree.
func blRecipient(text string, ev blEvent) Recipient {
	r := record{
		rcpt:   ev.rcpt,
		action: ev.action,
		diag:   strings.TrimSpace(ev.diag),
		mta:    strings.TrimSuffix(ev.mta, "."),
		hint:   ev.hint,
		reader: ev.reader,
		block:  span{0, len(text)},
	}
	at := func(pos, n int) span {
		if pos < 0 || n <= 0 || pos+n > len(text) {
			return span{}
		}
		return span{pos, pos + n}
	}
	verbatim := len(ev.diag)
	if ev.diagN > 0 {
		verbatim = ev.diagN
	}
	inDiag := func(end int) bool { return ev.diagAt >= 0 && end <= verbatim }
	if i := blReplyAt(ev.diag); i >= 0 {
		r.reply, _ = ParseReplyCode(ev.diag[i : i+3])
		if inDiag(i + 3) {
			r.replyAt = at(ev.diagAt+i, 3)
		}
	}
	if ss, se := blStatusAt(ev.diag); ss >= 0 {
		if r.status, _ = ParseEnhancedCode(ev.diag[ss:se]); !r.status.IsZero() && inDiag(se) {
			r.stAt = at(ev.diagAt+ss, se-ss)
		}
	}
	if r.status.IsZero() && ev.dsn != "" {
		if r.status, _ = ParseEnhancedCode(ev.dsn); !r.status.IsZero() {
			r.stAt = at(ev.dsnAt, len(ev.dsn))
		}
	}
	if ev.diagAt >= 0 {
		r.diagAt = at(ev.diagAt, verbatim)
	}
	r.rcptAt = at(ev.rcptAt, len(ev.rcpt))
	r.mtaAt = at(ev.mtaAt, len(r.mta))
	if cs, ce := blCommandAt(ev.diag); cs >= 0 {
		r.command = blCommandName(ev.diag[cs:ce])
	}
	if ev.action == "delivered" {
		r.hint = ReasonDelivered
	}
	return finish(text, &r)
}

// blCommandName returns the SMTP command name for a phrase of a log line.
func blCommandName(s string) string {
	switch strings.ToUpper(s) {
	case "RCPT TO":
		return "RCPT"
	case "MAIL FROM":
		return "MAIL"
	case "END OF DATA", "DATA":
		return "DATA"
	case "HELO", "EHLO":
		return "EHLO"
	case "STARTTLS":
		return "STARTTLS"
	}
	return "CONN"
}

// Interim regexp-backed matchers (replaced by hand-written ones next).

func blEximLine(line []byte) bool { return blEximRE.Match(line) }

func blEximMatch(line string) (m [8]int, ok bool) {
	x := blEximRE.FindStringSubmatchIndex(line)
	if x == nil {
		return m, false
	}
	copy(m[:], x[2:])
	return m, true
}

func blSendmailMatch(line string) (m [8]int, ok bool) {
	x := blSendmailRE.FindStringSubmatchIndex(line)
	if x == nil {
		return m, false
	}
	copy(m[:], x[2:])
	return m, true
}

func blGroup(re *regexp.Regexp, s string) (int, int) {
	x := re.FindStringSubmatchIndex(s)
	if x == nil {
		return -1, -1
	}
	return x[2], x[3]
}

func blDSNField(s string) (int, int)   { return blGroup(blDSNRE, s) }
func blRelayField(s string) (int, int) { return blGroup(blRelayRE, s) }
func blEximHost(s string) (int, int)   { return blGroup(blEximHostRE, s) }
func blStatusAt(s string) (int, int)   { return blGroup(blStatusRE, s) }
func blCommandAt(s string) (int, int)  { return blGroup(blCommandRE, s) }
func blReplyAt(s string) int {
	i, _ := blGroup(blReplyRE, s)
	return i
}

func blNextAddr(s string, from int) (int, int) {
	x := blAddrRE.FindStringIndex(s[from:])
	if x == nil {
		return -1, -1
	}
	return from + x[0], from + x[1]
}
