package codes

import (
	"bytes"
	"strings"
)

// Mail-server log lines read by a Batch, one delivery event each:
//
//	Postfix:  ... postfix/smtp[123]: 4F1A2: to=<a@example.com>, relay=..., dsn=5.1.1, status=bounced (host ... said: 550 5.1.1 ... (in reply to RCPT TO command))
//	Exim:     2026-11-27 10:00:00 1tGxyz-0001AB-Cd ** a@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.1]: SMTP error from remote mail server after RCPT TO:<a@example.com>: 550 5.1.1 ...
//	Sendmail: ... sm-mta[123]: 5ARA0001: to=<a@example.com>, delay=00:00:01, mailer=esmtp, relay=mx.example.com. [192.0.2.1], dsn=5.1.1, stat=User unknown
//
//	qmail:    @4000000065f1a2b40b2c3d4e delivery 42: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_...
//
// Postfix status=bounced, Exim "**", qmail "failure:" and a Sendmail stat
// other than Sent or Deferred are failures; Postfix status=deferred, Exim
// "==", qmail "deferral:" and Sendmail "Deferred" are delays; Postfix
// status=sent, Exim "=>" and "->", qmail "success:" and Sendmail "Sent"
// are deliveries. Other lines are skipped. A qmail delivery line takes its
// recipient from the "starting delivery" line before it (read_qmail.go).

// blEvent is one delivery event read from a log line or trace row. The
// *At fields are byte offsets in the item text, or -1.
type blEvent struct {
	reader   string // postfix, exim, sendmail, qmail, trace
	id       string // queue or message id, "" if none
	delivery string // qmail's delivery number, "" if none
	cmd      string // the SMTP command the reader knows failed, "" if none
	action   string // failed, delayed, delivered
	rcpt     string
	rcptAt   int
	diag     string
	diagAt   int
	diagN    int    // how many bytes of diag stand verbatim at diagAt (CSV quoting may differ after); 0 means all
	dsn      string // status given in a field of its own (Postfix and Sendmail dsn=)
	dsnAt    int
	reply    string // reply code given in a field of its own (a CSV column), "" if none
	replyAt  int
	mta      string
	mtaAt    int
	hint     Reason
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
	case bytes.Contains(line, []byte("delivery ")):
		if _, rest, _ := qmailDelivery(string(line)); rest >= 0 {
			return "qmail"
		}
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
	case strings.Contains(line, "delivery "):
		return blQmail(line)
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

// The matchers below read the fields of log lines without the package of
// regular expressions (which would add to the size of the WebAssembly
// module and compile its expressions at start-up). Each one finds what the
// regular expression quoted in its comment finds, with RE2 semantics (\s
// is [\t\n\f\r ], \w is [0-9A-Za-z_], '.' stops at a line end, '$' is
// the end of the text); batch_match_test.go pins what they find.

// blSpace reports whether c is a space as \s: [\t\n\f\r ] (not \v).
func blSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func blAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// blRun returns the end of the run of bytes of s from i that satisfy f.
func blRun[T string | []byte](s T, i int, f func(byte) bool) int {
	for i < len(s) && f(s[i]) {
		i++
	}
	return i
}

// blEximLine reports whether line holds an Exim delivery event (see
// blEximMatch). It is used to sniff the format of an input.
func blEximLine(line []byte) bool {
	_, ok := blEximAt(line)
	return ok
}

// blEximMatch finds an Exim delivery event in line, as
//
//	(?:^|\s)([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) (\*\*|==|=>|->) (\S+)(.*)$
//
// would. It returns the bounds of the message id, the arrow, the address
// and the rest of the line, as in
//
//	2026-11-27 10:00:02 1tGxyA-0001AB-Cd ** nobody@example.org R=dnslookup ...
func blEximMatch(line string) ([8]int, bool) { return blEximAt(line) }

func blEximAt[T string | []byte](line T) (m [8]int, ok bool) {
	// (.*)$ stops at a line end: only an id on the last line can match,
	// and the line end before it is the space before the id.
	from := 0
	for i := len(line) - 1; i >= 0; i-- {
		if line[i] == '\n' {
			from = i + 1
			break
		}
	}
	for i := from; i < len(line); i++ {
		if i > 0 && !blSpace(line[i-1]) {
			continue
		}
		a := blRun(line, i, blAlnum) // 6 characters
		if a-i != 6 || a == len(line) || line[a] != '-' {
			continue
		}
		b := blRun(line, a+1, blAlnum) // 6 to 11
		if n := b - a - 1; n < 6 || n > 11 || b == len(line) || line[b] != '-' {
			continue
		}
		c := blRun(line, b+1, blAlnum) // 2 to 4
		if n := c - b - 1; n < 2 || n > 4 || c+4 >= len(line) || line[c] != ' ' || line[c+3] != ' ' {
			continue
		}
		switch string(line[c+1 : c+3]) {
		case "**", "==", "=>", "->":
		default:
			continue
		}
		d := blRun(line, c+4, func(c byte) bool { return !blSpace(c) })
		if d == c+4 {
			continue
		}
		return [8]int{i, c, c + 1, c + 3, c + 4, d, d, len(line)}, true
	}
	return m, false
}

// blSendmailMatch finds a Sendmail delivery event in line, as
//
//	(?:sendmail|sm-mta|sm-msp-queue)[\w.-]*\[\d+\]: (\w+): to=(.*?), (.*?)\bstat=(.*?)\s*$
//
// would. It returns the bounds of the queue id, the recipients, the fields
// between them and stat=, and the status, as in
//
//	... sm-mta[4412]: 5ARAA0001234: to=<nobody@example.org>, delay=00:00:02, ..., dsn=5.1.1, stat=User unknown
func blSendmailMatch(line string) (m [8]int, ok bool) {
	// \s*$ drops the spaces at the end; '.' stops at a line end, so the
	// event stands on the last line before them.
	end := len(line)
	for end > 0 && blSpace(line[end-1]) {
		end--
	}
	from := strings.LastIndexByte(line[:end], '\n') + 1
	for i := from; i < end; i++ {
		j := strings.IndexByte(line[i:end], 's')
		if j < 0 {
			break
		}
		i += j
		var p int
		switch {
		case strings.HasPrefix(line[i:end], "sendmail"):
			p = i + len("sendmail")
		case strings.HasPrefix(line[i:end], "sm-mta"):
			p = i + len("sm-mta")
		case strings.HasPrefix(line[i:end], "sm-msp-queue"):
			p = i + len("sm-msp-queue")
		default:
			continue
		}
		p = blRun(line[:end], p, blWordDotDash)
		if p == end || line[p] != '[' {
			continue
		}
		d := blRun(line[:end], p+1, blDigit)
		if d == p+1 || !strings.HasPrefix(line[d:end], "]: ") {
			continue
		}
		ids := d + len("]: ")
		ide := blRun(line[:end], ids, blWord)
		if ide == ids || !strings.HasPrefix(line[ide:end], ": to=") {
			continue
		}
		to := ide + len(": to=")
		comma := strings.Index(line[to:end], ", ") // the first ", ": (.*?) is lazy
		if comma < 0 {
			continue
		}
		mid := to + comma + 2
		st := -1 // the first "stat=" at a word boundary
		for k := mid; st < 0; {
			j := strings.Index(line[k:end], "stat=")
			if j < 0 {
				break
			}
			if k+j == 0 || !blWord(line[k+j-1]) {
				st = k + j
			}
			k += j + 1
		}
		if st < 0 {
			continue
		}
		return [8]int{ids, ide, to, to + comma, mid, st, st + len("stat="), end}, true
	}
	return m, false
}

// blField finds the value of a field name ("dsn=", "relay=") at the start
// of s or after a space or a comma, as in Postfix and Sendmail lines
// ("..., relay=mx.example.com. [192.0.2.10], dsn=5.1.1, stat=..."). It
// returns the offset of the value of the first such field for which ok
// gives the end of a value (> the offset), or -1, -1.
func blField(s, name string, ok func(s string, i int) int) (int, int) {
	for k := 0; ; {
		j := strings.Index(s[k:], name)
		if j < 0 {
			return -1, -1
		}
		at := k + j
		if at == 0 || s[at-1] == ' ' || s[at-1] == ',' {
			v := at + len(name)
			if e := ok(s, v); e > v {
				return v, e
			}
		}
		k = at + 1
	}
}

// blDSNField finds the status of a dsn= field, as
//
//	(?:^|[ ,])dsn=([245]\.\d{1,3}\.\d{1,3})
//
// would ("dsn=5.1.1"): the last number is cut after 3 digits.
func blDSNField(s string) (int, int) {
	return blField(s, "dsn=", func(s string, i int) int {
		e, _ := blStatusEnd(s, i)
		return e
	})
}

// blStatusEnd reads [245]\.\d{1,3}\.\d{1,3} at s[i:]. It returns the
// end of the code, whose last number is cut after 3 digits, and the end of
// the digits of that number; -1, -1 when s[i:] does not start with a code.
func blStatusEnd(s string, i int) (end, digits int) {
	if i+5 > len(s) || s[i] != '2' && s[i] != '4' && s[i] != '5' || s[i+1] != '.' {
		return -1, -1
	}
	a := blRun(s, i+2, blDigit)
	if a == i+2 || a-i-2 > 3 || a == len(s) || s[a] != '.' {
		return -1, -1
	}
	b := blRun(s, a+1, blDigit)
	if b == a+1 {
		return -1, -1
	}
	return min(b, a+4), b
}

// blRelayField finds the host of a relay= field, as
//
//	(?:^|[ ,])relay=([^,\s\[]+)
//
// would ("relay=mx.example.com. [192.0.2.10]" gives "mx.example.com.").
func blRelayField(s string) (int, int) {
	return blField(s, "relay=", func(s string, i int) int {
		return blRun(s, i, func(c byte) bool { return c != ',' && c != '[' && !blSpace(c) })
	})
}

// blEximHost finds the host of the H= field of an Exim line, as
// ` H=([^\s\[]+)` (with its leading space) would: "H=mx1.example.org
// [192.0.2.20]" gives "mx1.example.org".
func blEximHost(s string) (int, int) {
	for k := 0; ; {
		j := strings.Index(s[k:], " H=")
		if j < 0 {
			return -1, -1
		}
		v := k + j + len(" H=")
		if e := blRun(s, v, func(c byte) bool { return c != '[' && !blSpace(c) }); e > v {
			return v, e
		}
		k = v
	}
}

// blReplyAt finds an SMTP reply code in a diagnostic text, as
//
//	(?:^|[\s(\[{;"'=])([245][0-5][0-9])(?:[ -]|$)
//
// would ("said: 550 5.1.1 ...", "said: 550-5.1.1 ...", "'550 ..."). It
// returns the offset of the code, which is 3 bytes long, or -1.
func blReplyAt(s string) int {
	for i := 0; i+3 <= len(s); i++ {
		if c := s[i]; c != '2' && c != '4' && c != '5' || s[i+1] < '0' || s[i+1] > '5' || !blDigit(s[i+2]) {
			continue
		}
		if i+3 < len(s) && s[i+3] != ' ' && s[i+3] != '-' {
			continue
		}
		if i == 0 || blSpace(s[i-1]) || strings.IndexByte(`([{;"'=`, s[i-1]) >= 0 {
			return i
		}
	}
	return -1
}

// blStatusAt finds an enhanced status code in a diagnostic text, as
//
//	(?:^|[^\w.])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?:[^\w.]|$)
//
// would ("550 5.1.1 <a@example.com>", "(5.7.1)"; not "5.1.1." or "x5.1.1").
func blStatusAt(s string) (int, int) {
	notWordDot := func(c byte) bool { return !blWord(c) && c != '.' }
	for i := 0; i+5 <= len(s); i++ {
		if i > 0 && !notWordDot(s[i-1]) {
			continue
		}
		if e, d := blStatusEnd(s, i); e >= 0 && e == d && (e == len(s) || notWordDot(s[e])) {
			return i, e
		}
	}
	return -1, -1
}

// blAddrStop reports whether c ends an address for blNextAddr: a space as
// \s or one of <>,;"'()[].
func blAddrStop(c byte) bool {
	return blSpace(c) || strings.IndexByte(`<>,;"'()[]`, c) >= 0
}

// blNextAddr finds the next address of a list of recipients from offset
// from, as the next match of
//
//	[^\s<>,;"'()\[\]]+@[^\s<>,;"'()\[\]]+
//
// would ("<a@example.com>,<b@example.com>", "alice@example.com;bob@example.com"):
// a run of bytes without those stops with an '@' after its first byte and
// before its last. It returns its bounds, or -1, -1.
func blNextAddr(s string, from int) (int, int) {
	for i := from; i < len(s); {
		if blAddrStop(s[i]) {
			i++
			continue
		}
		e := blRun(s, i, func(c byte) bool { return !blAddrStop(c) })
		if e-i >= 3 && strings.IndexByte(s[i+1:e-1], '@') >= 0 {
			return i, e
		}
		i = e
	}
	return -1, -1
}

// blCommandAt finds the SMTP command a diagnostic text names, as
//
//	(?i)(?:in reply to|after|error from remote mail server after) (?:pipelined )?(RCPT TO|MAIL FROM|end of data|DATA|HELO|EHLO|STARTTLS|initial connection|initial protocol greeting)
//
// would (Postfix "(in reply to RCPT TO command)", Exim "SMTP error from
// remote mail server after pipelined end of data: ..."). It returns the
// bounds of the command phrase, or -1, -1.
func blCommandAt(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		n := -1
		switch s[i] | 0x20 {
		case 'i':
			n = blFoldPrefix(s[i:], "in reply to ")
		case 'a':
			n = blFoldPrefix(s[i:], "after ")
		case 'e':
			n = blFoldPrefix(s[i:], "error from remote mail server after ")
		}
		if n < 0 {
			continue
		}
		c := i + n
		if p := blFoldPrefix(s[c:], "pipelined "); p > 0 {
			if e := blCommandEnd(s, c+p); e > 0 {
				return c + p, e
			}
		}
		if e := blCommandEnd(s, c); e > 0 {
			return c, e
		}
	}
	return -1, -1
}

// blCommandEnd returns the end of the command phrase of blCommands that
// s[i:] starts with, or -1.
func blCommandEnd(s string, i int) int {
	for _, c := range blCommands {
		if n := blFoldPrefix(s[i:], c.phrase); n > 0 {
			return i + n
		}
	}
	return -1
}

// blFoldPrefix returns how many bytes of s match p (lower-case ASCII)
// ignoring case as (?i) does, or -1. Besides ASCII case, (?i) folds the
// long s (U+017F) to s and the Kelvin sign (U+212A) to k (Unicode simple
// case folding).
func blFoldPrefix(s, p string) int {
	j := 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case j < len(s) && (s[j] == c || 'a' <= c && c <= 'z' && s[j] == c-0x20):
			j++
		case c == 's' && strings.HasPrefix(s[j:], "\u017f"):
			j += len("\u017f")
		case c == 'k' && strings.HasPrefix(s[j:], "\u212a"):
			j += len("\u212a")
		default:
			return -1
		}
	}
	return j
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
		b.qmail.note(text, start)
		evs := blParse(text)
		if len(evs) == 0 {
			continue
		}
		for i := range evs {
			b.qmail.fill(&evs[i]) // the recipient stands on another line
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
	r := blRecord(text, ev)
	return finish(text, &r)
}

// blRecord is the record of one event of text, with spans into text. The
// decoder's log reader (readLog) uses it too.
func blRecord(text string, ev blEvent) record {
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
	if r.reply.IsZero() && ev.reply != "" {
		if r.reply, _ = ParseReplyCode(ev.reply); !r.reply.IsZero() {
			r.replyAt = at(ev.replyAt, 3)
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
	} else {
		r.command = ev.cmd
	}
	if ev.action == "delivered" {
		r.hint = ReasonDelivered
	}
	return r
}

// blCommands maps the command phrases blCommandAt finds to SMTP command
// names, sorted by phrase. No phrase matches where another one does, so
// the order does not change what blCommandAt finds.
var blCommands = [...]struct{ phrase, name string }{
	{"data", "DATA"},
	{"ehlo", "EHLO"},
	{"end of data", "DATA"},
	{"helo", "EHLO"},
	{"initial connection", "CONN"},
	{"initial protocol greeting", "CONN"},
	{"mail from", "MAIL"},
	{"rcpt to", "RCPT"},
	{"starttls", "STARTTLS"},
}

// blCommandName returns the SMTP command name for a phrase of a log line.
func blCommandName(s string) string {
	for _, c := range blCommands {
		if strings.EqualFold(s, c.phrase) {
			return c.name
		}
	}
	return "CONN"
}
