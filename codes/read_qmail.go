package codes

import (
	"bytes"
	"strings"
)

// qmail-send's log (qmail, netqmail, notqmail; the mail log of Plesk),
// after a TAI64N stamp or a syslog prefix:
//
//	@4000000065f1a2b30a1b2c3d starting delivery 42: msg 1234 to remote bob@example.org
//	@4000000065f1a2b40b2c3d4e delivery 42: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_<bob@example.org>..._User_unknown/Giving_up_on_192.0.2.1./
//
// A delivery line names no recipient: the "starting delivery" line with
// the same number, written before it, does (qmail-send reuses the numbers,
// so the latest such line counts). The report after "success:",
// "deferral:" or "failure:" is qmail-remote's (or qmail-local's), with its
// spaces written as underscores and its line breaks as slashes.

// qmailOutcomes maps the word after "delivery N: " to an action.
var qmailOutcomes = [...]struct{ word, action string }{
	{"deferral: ", "delayed"},
	{"failure: ", "failed"},
	{"success: ", "delivered"},
}

// qmailHosts are the phrases of qmail-remote's reports next to the remote
// server's address, sorted by phrase.
var qmailHosts = [...]struct {
	phrase string
	before bool // the host comes before the phrase
}{
	{" accepted message.", true},
	{" does not like recipient.", true},
	{" failed after i sent the message.", true},
	{" failed on data command.", true},
	{"connected to ", false},
	{"giving up on ", false},
}

// qmailDelivery finds "delivery N: " in line. It returns N and the offset
// after the colon's space, and whether "starting " stands before it.
func qmailDelivery(line string) (id string, rest int, starting bool) {
	for from := 0; ; {
		k := strings.Index(line[from:], "delivery ")
		if k < 0 {
			return "", -1, false
		}
		k += from
		n := k + len("delivery ")
		e := blRun(line, n, blDigit)
		if e > n && strings.HasPrefix(line[e:], ": ") {
			return line[n:e], e + 2, strings.HasSuffix(line[:k], "starting ")
		}
		from = n
	}
}

// qmailStart reads a "starting delivery N: msg M to remote|local ADDR"
// line: the delivery number, the message number and the recipient with its
// offset in line.
func qmailStart(line string) (id, msg, rcpt string, rcptAt int, ok bool) {
	id, rest, starting := qmailDelivery(line)
	if !starting || !strings.HasPrefix(line[rest:], "msg ") {
		return "", "", "", -1, false
	}
	m := rest + len("msg ")
	e := blRun(line, m, blDigit)
	t := strings.Index(line[e:], " to ")
	if t < 0 {
		return "", "", "", -1, false
	}
	sp := findAddr(line, e+t+4, len(line))
	if !sp.ok() {
		return "", "", "", -1, false
	}
	return id, line[m:e], line[sp.start:sp.end], sp.start, true
}

// blQmail reads a qmail-send delivery line. The event names the recipient
// only when the remote server's reply to RCPT TO echoes it: qmailStarts
// gives the one of the "starting delivery" line.
func blQmail(line string) []blEvent {
	id, rest, starting := qmailDelivery(line)
	if rest < 0 || starting {
		return nil
	}
	ev := blEvent{reader: "qmail", delivery: id, rcptAt: -1, diagAt: -1, dsnAt: -1, mtaAt: -1, replyAt: -1}
	for _, o := range qmailOutcomes {
		if strings.HasPrefix(line[rest:], o.word) {
			ev.action = o.action
			rest += len(o.word)
			break
		}
	}
	if ev.action == "" {
		return nil
	}
	raw := strings.TrimRight(line[rest:], "/ \t\r")
	t := qmailSpaces(raw) // as long as raw: offsets in t are offsets in line from rest
	ev.diag, ev.diagAt = t, rest
	lt := strings.ToLower(t)
	// The step that failed, in qmail-remote's words ("does not like
	// recipient"): the classifier's command tokens know them.
	if ev.cmd = clueCommandIn(lt); ev.cmd == "HELO" {
		ev.cmd = "EHLO" // Recipient.Command's name for the step
	}
	for _, h := range qmailHosts {
		i := strings.Index(lt, h.phrase)
		if i < 0 {
			continue
		}
		var a, b int
		if h.before {
			a, b = strings.LastIndexAny(t[:i], " /")+1, i
		} else {
			a = i + len(h.phrase)
			b = a + strings.IndexAny(t[a:]+" ", " /")
		}
		if host := strings.TrimSuffix(t[a:b], "."); strings.ContainsAny(host, ".:") {
			ev.mta, ev.mtaAt = host, rest+a
			break
		}
	}
	if ev.cmd == "RCPT" || ev.cmd == "" {
		// After MAIL FROM, an address in the reply is the sender's.
		if sp := findAddr(line, rest, rest+len(raw)); sp.ok() {
			ev.rcpt, ev.rcptAt = line[sp.start:sp.end], sp.start
		}
	}
	return []blEvent{ev}
}

// qmailSpaces returns s with the underscores qmail-send wrote for spaces
// turned back into spaces, except inside angle brackets, where they are
// part of an address. The result is as long as s.
func qmailSpaces(s string) string {
	if strings.IndexByte(s, '_') < 0 {
		return s
	}
	b := []byte(s)
	in := false
	for i, c := range b {
		switch c {
		case '<':
			in = true
		case '>':
			in = false
		case '_':
			if !in {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// qmailStarts remembers the "starting delivery" lines of a log read in
// order: the message number and recipient of each delivery number, and
// where the recipient stands (an offset in the whole input).
type qmailStarts map[string]qmailStarted

type qmailStarted struct {
	msg, rcpt string
	at        int
}

// note records line, which starts at offset base of the input, if it is
// a "starting delivery" line.
func (q *qmailStarts) note(line string, base int) {
	if !strings.Contains(line, "starting delivery ") {
		return
	}
	if id, msg, rcpt, at, ok := qmailStart(line); ok {
		if *q == nil {
			*q = qmailStarts{}
		}
		(*q)[id] = qmailStarted{msg, rcpt, base + at}
	}
}

// fill gives a qmail event the message number and recipient of its
// delivery's starting line, if one was noted. It returns the offset of
// the recipient in the input, or -1.
func (q qmailStarts) fill(ev *blEvent) int {
	st, ok := q[ev.delivery]
	if ev.reader != "qmail" || !ok {
		return -1
	}
	ev.id, ev.rcpt, ev.rcptAt = st.msg, st.rcpt, -1
	return st.at
}

// qmailStartBefore finds the latest "starting delivery" line of delivery
// id in data, as a log read in order up to there would have noted it.
func qmailStartBefore(data []byte, id string) qmailStarts {
	needle := []byte("starting delivery " + id + ": ")
	for end := len(data); end > 0; {
		k := bytes.LastIndex(data[:end], needle)
		if k < 0 {
			break
		}
		ls := bytes.LastIndexByte(data[:k], '\n') + 1
		le := len(data)
		if e := bytes.IndexByte(data[k:], '\n'); e >= 0 {
			le = k + e
		}
		var q qmailStarts
		if q.note(string(bytes.TrimRight(data[ls:le], "\r")), ls); q != nil {
			return q
		}
		end = k
	}
	return nil
}
