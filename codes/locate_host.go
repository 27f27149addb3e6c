package codes

import "strings"

// hostMarks are the phrases after which the text of a bounce names the
// server that refused a message, in the order they are tried, with what
// must follow the host name:
//
//	Postfix  "<a@b>: host mx.example.org[192.0.2.5] said: 550 ..."
//	         "connect to mx.example.org[192.0.2.5]:25: Connection refused"
//	Exim     "    host mx.example.org [192.0.2.5]"
//	         "SMTP error from remote mail server after RCPT TO:<a@b>: host mx.example.org [192.0.2.5]: 550 ..."
//	Sendmail "... while talking to mx.example.org.:"
//	         "Deferred: Connection refused by mx.example.org."
//	         "Deferred: Connection timed out with mx.example.org."
//	Exchange "Remote Server at mx.example.org (192.0.2.5) returned '550 ...'"
//	GMX      "host: mx.example.org" on a line of its own
//	Gmail    "[mx.example.org. 192.0.2.5: timed out]"
//
// The local server names itself with the same words but no address
// ("This is the mail system at host mail.example.com."), so each phrase
// needs the address (or the colon) after the name, unless the phrase
// itself says the server is remote (a connection refused or timed out).
var hostMarks = [...]struct {
	mark  string
	after byte // '[': "[address]", '(': "(address)", ':': a colon, '\n': the end of the line, '.': a dot, a space and an IPv4 address, 0: anything
}{
	{"host", '['},
	{"connect to", '['},
	{"while talking to", ':'},
	{"remote server at", '('},
	{"host:", '\n'},
	{"[", '.'},
	{"connection refused by", 0},
	{"connection timed out with", 0},
}

// qmailMarks are qmail's phrases around the address of the server it
// talked to ("192.0.2.25 does not like recipient.", "Giving up on
// 192.0.2.25.", "Connected to 192.0.2.25 but sender was rejected."), with
// whether the address comes before the phrase.
var qmailMarks = [...]struct {
	mark   string
	before bool
}{
	{" does not like recipient", true},
	{"giving up on ", false},
	{"connected to ", false},
}

// hostIn returns the span of the name of the remote server that the text
// s[lo:hi] names, or a zero span. The name is a dotted host name; the
// trailing dot of a fully qualified name is left out.
func hostIn(s string, lo, hi int) span {
	if lo < 0 || hi > len(s) || lo >= hi {
		return span{}
	}
	t := s[lo:hi]
	for _, m := range hostMarks {
		for p, n := 0, 0; n < 8; n++ {
			k := indexFold(t[p:], m.mark)
			if k < 0 {
				break
			}
			p += k + len(m.mark)
			// One or more blanks, maybe a line break ("host\n    mx...").
			q := p
			for q < len(t) && q-p < 8 && (t[q] == ' ' || t[q] == '\t' || t[q] == '\n') {
				q++
			}
			if q == p && m.mark != "[" {
				continue
			}
			if sp := hostAt(t, q, m.after); sp.ok() {
				return span{lo + sp.start, lo + sp.end}
			}
		}
	}
	for _, m := range qmailMarks {
		k := indexFold(t, m.mark)
		if k < 0 {
			continue
		}
		if m.before {
			i := k
			for i > 0 && (locDigit(t[i-1]) || t[i-1] == '.') {
				i--
			}
			if ipv4(t[i:k]) {
				return span{lo + i, lo + k}
			}
			continue
		}
		i := k + len(m.mark)
		j := i
		for j < len(t) && (locDigit(t[j]) || t[j] == '.') {
			j++
		}
		for j > i && t[j-1] == '.' {
			j--
		}
		if ipv4(t[i:j]) {
			return span{lo + i, lo + j}
		}
	}
	return span{}
}

// ipv4 reports whether v is a dotted-quad IPv4 address. (net/netip would
// add 21 KB of brotli to the JavaScript API's wasm, for these lines.)
func ipv4(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 {
			return false
		}
		n := 0
		for k := 0; k < len(p); k++ {
			if !locDigit(p[k]) {
				return false
			}
			n = n*10 + int(p[k]-'0')
		}
		if n > 255 {
			return false
		}
	}
	return true
}

// hostAt reads a host name at t[i] followed by what after asks for, with
// at most one space between.
func hostAt(t string, i int, after byte) span {
	j := i
	for j < len(t) && j-i <= 253 && isDomainChar(t[j]) {
		j++
	}
	name := t[i:j]
	rest := t[j:]
	if strings.HasPrefix(rest, " ") {
		rest = rest[1:]
	}
	switch after {
	case '[':
		if !strings.HasPrefix(rest, "[") || !strings.Contains(rest[:min(len(rest), 48)], "]") {
			return span{}
		}
	case '(':
		if !strings.HasPrefix(rest, "(") {
			return span{}
		}
	case ':':
		if !strings.HasPrefix(rest, ":") {
			return span{}
		}
	case '\n':
		if rest != "" && rest[0] != '\n' && rest[0] != '\r' {
			return span{}
		}
	case '.':
		ip := rest
		if k := strings.IndexAny(ip, ":]"); k >= 0 {
			ip = ip[:k]
		}
		if !strings.HasSuffix(name, ".") || !strings.HasPrefix(t[j:], " ") || !ipv4(ip) {
			return span{}
		}
	}
	name = strings.TrimSuffix(name, ".")
	if !hostName(name) {
		return span{}
	}
	return span{i, i + len(name)}
}

// hostName reports whether v looks like a DNS host name with a dot:
// labels of letters, digits, '-' and '_', not starting or ending with '-'.
func hostName(v string) bool {
	if len(v) < 3 || !strings.Contains(v, ".") {
		return false
	}
	letter := false
	for _, l := range strings.Split(v, ".") {
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for k := 0; k < len(l); k++ {
			if c := l[k]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				letter = true
			}
		}
	}
	return letter
}

// transcriptCommand returns the SMTP command of a session transcript in
// s[lo:hi] (Sendmail, Courier: ">>> RCPT To:<a>" sent, "<<< 550 ..."
// received) that the failure answered: the last command sent before the
// first 4yz or 5yz reply that names rcpt, or else has the code reply, or
// else the first such reply. It returns "" when there is no transcript.
func transcriptCommand(s string, lo, hi int, rcpt string, reply ReplyCode) string {
	return transcriptCmd(s, lo, hi, rcpt, reply, true)
}

// transcriptCommandOf is transcriptCommand for a text that may be about
// other recipients too: only a reply that names rcpt counts.
func transcriptCommandOf(s string, lo, hi int, rcpt string) string {
	if rcpt == "" {
		return ""
	}
	return transcriptCmd(s, lo, hi, rcpt, 0, false)
}

func transcriptCmd(s string, lo, hi int, rcpt string, reply ReplyCode, loose bool) string {
	if lo < 0 || hi > len(s) || lo >= hi || !strings.Contains(s[lo:hi], "<<<") {
		return ""
	}
	last, byCode, first := "", "", ""
	for i := lo; i < hi; {
		l, next := line(s[:hi], i)
		i = next
		t := strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(t, ">>>"):
			last = commandAt(strings.TrimLeft(t[3:], " "))
		case strings.HasPrefix(t, "<<<"):
			t = strings.TrimLeft(t[3:], " ")
			if len(t) < 3 || t[0] != '4' && t[0] != '5' || !locDigit(t[1]) || !locDigit(t[2]) || last == "" {
				continue
			}
			if rcpt != "" && indexFold(t, strings.ToLower(rcpt)) >= 0 {
				return last
			}
			if byCode == "" && !reply.IsZero() && t[:3] == reply.String() {
				byCode = last
			}
			if first == "" {
				first = last
			}
		}
	}
	if !loose {
		return ""
	}
	if byCode != "" {
		return byCode
	}
	return first
}

// sessionMark starts a Sendmail session transcript: "... while talking to
// mx.example.org.:" and the commands and replies of that session.
const sessionMark = "while talking to "

// sessionEnd returns the end of the transcript of the session whose
// server name starts at i: the next session's start, at most 4 KB on.
func sessionEnd(s string, i int) int {
	hi := min(len(s), i+4<<10)
	if k := indexFold(s[i:hi], sessionMark); k >= 0 {
		return i + k
	}
	return hi
}

// otherSession reports whether the server name at sp is that of a Sendmail
// session whose transcript is about other recipients than rcpt: it sends
// RCPT commands, none of them for rcpt.
func otherSession(s string, sp span, rcpt string) bool {
	if rcpt == "" || sp.start < len(sessionMark) || !strings.EqualFold(s[sp.start-len(sessionMark):sp.start], sessionMark) {
		return false
	}
	t := s[sp.end:sessionEnd(s, sp.end)]
	return indexFold(t, "rcpt to:") >= 0 && indexFold(t, rcpt) < 0
}

// sessionHostOf returns the server of the first Sendmail session in
// s[lo:hi] whose transcript names rcpt, or a zero span.
func sessionHostOf(s string, lo, hi int, rcpt string) span {
	for p, n := lo, 0; p < hi && n < 8; n++ {
		k := indexFold(s[p:hi], sessionMark)
		if k < 0 {
			break
		}
		i := p + k + len(sessionMark)
		p = i
		sp := hostAt(s[:hi], i, ':')
		if sp.ok() && indexFold(s[sp.end:min(hi, sessionEnd(s, sp.end))], rcpt) >= 0 {
			return sp
		}
	}
	return span{}
}
