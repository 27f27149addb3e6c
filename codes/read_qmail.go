package codes

import "strings"

// qmail-send's log (qmail, netqmail, notqmail; the mail log of Plesk),
// after a TAI64N stamp or a syslog prefix:
//
//	@4000000065f1a2b30a1b2c3d starting delivery 42: msg 1234 to remote bob@example.org
//	@4000000065f1a2b40b2c3d4e delivery 42: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_<bob@example.org>..._User_unknown/Giving_up_on_192.0.2.1./
//
// A delivery line names no recipient: the "starting delivery" line with
// the same number does. The report after "success:", "deferral:" or
// "failure:" is qmail-remote's, with its spaces written as underscores and
// its line breaks as slashes (qmail-send's log format).

// qmailLog reads qmail-send log lines, remembering the recipient of each
// delivery number from its "starting delivery" line.
type qmailLog struct {
	started map[string]span // delivery number: the recipient's span in the text
}

// qmailOutcomes maps the word after "delivery N: " to an action.
var qmailOutcomes = [...]struct{ word, action string }{
	{"deferral: ", "delayed"},
	{"failure: ", "failed"},
	{"success: ", "delivered"},
}

// qmailCommands are the phrases of qmail-remote's reports that name the
// SMTP step that failed (qmail-remote.c), sorted by phrase.
var qmailCommands = [...]struct{ phrase, cmd string }{
	{"but greeting failed", "CONN"},
	{"but my name was rejected", "EHLO"},
	{"but sender was rejected", "MAIL"},
	{"does not like recipient", "RCPT"},
	{"failed after i sent the message", "DATA"},
	{"failed on data command", "DATA"},
}

// qmailHosts are the phrases of qmail-remote's reports that stand before
// or after the remote server's address, sorted by phrase.
var qmailHosts = [...]struct {
	phrase string
	before bool // the host comes before the phrase
}{
	{" accepted message.", true},
	{" does not like recipient.", true},
	{"connected to ", false},
	{"giving up on ", false},
}

// line reads the log line s[lo:hi]. It returns a record for a delivery
// line, without a recipient when neither its "starting delivery" line nor
// the reply names one, and false for any other line (after noting a
// "starting delivery" line's recipient).
func (q *qmailLog) line(s string, lo, hi int) (record, bool) {
	l := s[lo:hi]
	k := strings.Index(l, "delivery ")
	if k < 0 {
		return record{}, false
	}
	n := k + len("delivery ")
	e := n
	for e < len(l) && isDigit(l[e]) {
		e++
	}
	if e == n || !strings.HasPrefix(l[e:], ": ") {
		return record{}, false
	}
	id, rest := l[n:e], e+2
	if strings.HasSuffix(l[:k], "starting ") {
		// "msg 1234 to remote bob@example.org" (or "to local").
		if t := strings.Index(l[rest:], " to "); t >= 0 {
			if sp := findAddr(s, lo+rest+t+4, hi); sp.ok() {
				if q.started == nil {
					q.started = map[string]span{}
				}
				q.started[id] = sp
			}
		}
		return record{}, false
	}
	r := record{reader: "log", block: span{lo, hi}}
	for _, o := range qmailOutcomes {
		if strings.HasPrefix(l[rest:], o.word) {
			r.action = o.action
			rest += len(o.word)
			break
		}
	}
	if r.action == "" {
		return record{}, false
	}
	r.diagAt = trimSpan(s, span{lo + rest, hi})
	for r.diagAt.end > r.diagAt.start && s[r.diagAt.end-1] == '/' {
		r.diagAt.end--
	}
	raw := s[r.diagAt.start:r.diagAt.end]
	t := qmailSpaces(raw) // as long as raw: offsets in t are offsets in raw
	r.diag = collapse(t)
	lt := strings.ToLower(t)

	if i := strings.Index(lt, "remote host said: "); i >= 0 {
		p := i + len("remote host said: ")
		if replyCodeAt(t, p) && (p+3 == len(t) || t[p+3] == ' ' || t[p+3] == '-') {
			r.reply, _ = ParseReplyCode(t[p : p+3])
			r.replyAt = span{r.diagAt.start + p, r.diagAt.start + p + 3}
			if st, j := statusAt(t, p+4); !st.IsZero() {
				r.status, r.stAt = st, span{r.diagAt.start + p + 4, r.diagAt.start + j}
			}
		}
	}
	if r.status.IsZero() {
		// qmail's own reports end with a code: "Sorry, I couldn't find any
		// host named example.org. (#5.1.2)".
		if i := strings.Index(t, "(#"); i >= 0 {
			if st, j := statusAt(t, i+2); !st.IsZero() {
				r.status, r.stAt = st, span{r.diagAt.start + i + 2, r.diagAt.start + j}
			}
		}
	}
	for _, c := range qmailCommands {
		if strings.Contains(lt, c.phrase) {
			r.command = c.cmd
			break
		}
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
		host := strings.TrimSuffix(t[a:b], ".")
		if host != "" && strings.ContainsAny(host, ".:") {
			r.mta, r.mtaAt = host, span{r.diagAt.start + a, r.diagAt.start + a + len(host)}
			break
		}
	}
	if sp, ok := q.started[id]; ok {
		r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
	} else if r.command == "RCPT" || r.command == "" {
		// No "starting delivery" line pasted: the address the remote
		// server echoes in its reply, unless the reply is to another
		// command (after MAIL FROM, the echo is the sender's address).
		if sp := findAddr(s, r.diagAt.start, r.diagAt.end); sp.ok() {
			r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
		}
	}
	if r.action == "delivered" {
		r.hint = ReasonDelivered
	}
	return r, true
}

// qmailSpaces returns s with the underscores qmail-send wrote for spaces
// turned back into spaces, except inside angle brackets, where they are
// part of an address. The result is as long as s.
func qmailSpaces(s string) string {
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
