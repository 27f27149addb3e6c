package codes

import (
	"strings"
	"unicode/utf8"
)

// span is a half-open byte range of the normalized text; the zero value
// (0, 0) means "none".
type span struct{ start, end int }

func (s span) ok() bool { return s.end > s.start }

// record is one failure found by a reader, before classification.
type record struct {
	rcpt      string
	rcptAt    span
	weakRcpt  bool // rcpt is not a plain address
	confirmed bool // the text names rcpt as failed and it is the returned message's recipient
	action    string
	reply     ReplyCode
	replyAt   span
	status    EnhancedCode
	stAt      span
	diag      string
	diagAt    span
	command   string
	mta       string
	mtaAt     span
	block     span // the text the record was read from (for provider detection and context)
	hint      Reason
	reader    string
}

// line returns the line of s that starts at i (without its newline) and the
// offset of the next line.
func line(s string, i int) (string, int) {
	j := strings.IndexByte(s[i:], '\n')
	if j < 0 {
		return s[i:], len(s)
	}
	return s[i : i+j], i + j + 1
}

func locDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLocalChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || locDigit(c) || strings.IndexByte("!#$%&'*+/=?^_`{|}~.-", c) >= 0
}

func isDomainChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || locDigit(c) || c == '.' || c == '-' || c == '_'
}

// addrAt reports the address (local@domain) around the '@' at index at in
// s, as a span, or a zero span when there is none.
func addrAt(s string, at int) span {
	i := at
	for i > 0 && isLocalChar(s[i-1]) {
		i--
	}
	j := at + 1
	for j < len(s) && isDomainChar(s[j]) {
		j++
	}
	for j > at+1 && (s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	for i < at && s[i] == '.' {
		i++
	}
	if i == at || j <= at+1 || !strings.Contains(s[at+1:j], ".") && !strings.EqualFold(s[at+1:j], "localhost") {
		return span{}
	}
	return span{i, j}
}

// findAddr returns the first address in s[lo:hi], or a zero span.
func findAddr(s string, lo, hi int) span {
	for i := lo; i < hi; {
		k := strings.IndexByte(s[i:hi], '@')
		if k < 0 {
			return span{}
		}
		at := i + k
		if sp := addrAt(s[:hi], at); sp.ok() {
			return sp
		}
		i = at + 1
	}
	return span{}
}

// codeHit is a reply code or enhanced status code found in text.
type codeHit struct {
	reply   ReplyCode
	replyAt span
	status  EnhancedCode
	stAt    span
}

// statusAt parses an enhanced status code starting at s[i], checking its
// boundaries so that IP addresses and version numbers do not match.
func statusAt(s string, i int) (EnhancedCode, int) {
	if i > 0 {
		p := s[i-1]
		if locDigit(p) || p == '.' || p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' {
			return EnhancedCode{}, 0
		}
	}
	if i >= len(s) || (s[i] != '2' && s[i] != '4' && s[i] != '5') || i+1 >= len(s) || s[i+1] != '.' {
		return EnhancedCode{}, 0
	}
	j := i + 2
	n := 0
	for j < len(s) && locDigit(s[j]) && n < 4 {
		j++
		n++
	}
	if n == 0 || n > 3 || j >= len(s) || s[j] != '.' {
		return EnhancedCode{}, 0
	}
	j++
	n = 0
	for j < len(s) && locDigit(s[j]) && n < 4 {
		j++
		n++
	}
	if n == 0 || n > 3 {
		return EnhancedCode{}, 0
	}
	if j < len(s) && (locDigit(s[j]) || s[j] == '.' && j+1 < len(s) && locDigit(s[j+1])) {
		return EnhancedCode{}, 0
	}
	e, err := ParseEnhancedCode(s[i:j])
	if err != nil {
		return EnhancedCode{}, 0
	}
	return e, j
}

// knownReply holds the reply codes of RFC 5321, RFC 3207, RFC 4954 and RFC
// 7504 (the IANA SMTP reply code registry). Three digits that are not one
// of these (a port, a size, a count) are not taken for a reply code.
var knownReply = [...]ReplyCode{211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 422, 432, 450, 451, 452, 453, 454, 455, 500, 501, 502, 503, 504, 521, 523, 524, 525, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556}

func isKnownReply(c ReplyCode) bool {
	for _, k := range knownReply {
		if k == c {
			return true
		}
	}
	return false
}

// replyAt parses an SMTP reply code (RFC 5321 section 4.2) starting at
// s[i]: three digits standing alone, followed by a space, a hyphen
// (multi-line reply), a colon or the end of the line. Success codes (2yz)
// count only when ok2 is set.
func replyAt(s string, i int, ok2 bool) ReplyCode {
	if i+3 > len(s) {
		return 0
	}
	if i > 0 {
		p := s[i-1]
		// "=" stands before a reply only in Exchange Online's message trace
		// ("Reason: [{LED=550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...};{MSG=};...]").
		led := p == '=' && i >= 4 && s[i-4:i] == "LED="
		if locDigit(p) || p == '.' || p == '-' || p == '/' || p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p == '+' || p == '_' || p == '=' && !led || p == '$' || p == '#' && i > 1 && s[i-2] != ' ' && s[i-2] != '<' && s[i-2] != '\n' {
			return 0
		}
	}
	if s[i] != '4' && s[i] != '5' && !(ok2 && s[i] == '2') {
		return 0
	}
	if !locDigit(s[i+1]) || !locDigit(s[i+2]) {
		return 0
	}
	if i+3 < len(s) {
		n := s[i+3]
		if n != ' ' && n != '-' && n != '\n' && n != '\t' && n != ',' && n != ')' && n != '"' && n != '\'' && n != ']' && n != ':' && n != '>' {
			return 0
		}
		if n == '-' && i+4 < len(s) && !(locDigit(s[i+4]) || s[i+4] >= 'A' && s[i+4] <= 'z' || s[i+4] == ' ' || s[i+4] == '<' || s[i+4] == '\'' || s[i+4] == '"') {
			return 0
		}
		if n == ':' && i+4 < len(s) && locDigit(s[i+4]) {
			return 0 // a time of day
		}
	}
	c := ReplyCode(int(s[i]-'0')*100 + int(s[i+1]-'0')*10 + int(s[i+2]-'0'))
	if !isKnownReply(c) {
		return 0
	}
	return c
}

// findCodes scans s[lo:hi] for an SMTP reply code and an enhanced status
// code. A reply code directly followed by a status ("550 5.1.1") wins over
// codes standing alone; otherwise the first of each is taken.
func findCodes(s string, lo, hi int) codeHit { return findCodes2(s, lo, hi, false) }

// findCodes2 is findCodes that also takes success codes (2yz, X.Y.Z with
// class 2) when ok2 is set: a DSN for a delivered message carries them.
func findCodes2(s string, lo, hi int, ok2 bool) codeHit {
	var h codeHit
	if hi > len(s) {
		hi = len(s)
	}
	for i := lo; i < hi; i++ {
		c := s[i]
		if c != '4' && c != '5' && c != '2' {
			continue
		}
		if h.status.IsZero() {
			if e, j := statusAt(s[:hi], i); !e.IsZero() && (ok2 || e.Class() != 2) {
				h.status, h.stAt = e, span{i, j}
				if !h.reply.IsZero() {
					return h
				}
				i = j - 1
				continue
			}
		}
		if r := replyAt(s[:hi], i, ok2); r != 0 {
			// "550 5.1.1", "550-5.1.1", "550: 5.1.1", "550-'5.1.1": take the pair.
			k := i + 4
			for k < hi && k < i+6 && (s[k] == ' ' || s[k] == '\'' || s[k] == '"') {
				k++
			}
			if k < hi {
				if e, j := statusAt(s[:hi], k); !e.IsZero() && e.Class() == r.Class() {
					return codeHit{r, span{i, i + 3}, e, span{k, j}}
				}
			}
			if h.reply.IsZero() {
				h.reply, h.replyAt = r, span{i, i + 3}
			}
			i += 2
		}
	}
	return h
}

// collapse joins the lines of s with single spaces. As writing each rune
// of s would, it writes U+FFFD for each byte that is not UTF-8.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = b.Len() > 0
			i++
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		// The word up to the next blank or byte that is not UTF-8, as it is.
		j := i
		for j < len(s) {
			c := s[j]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				break
			}
			if c < utf8.RuneSelf {
				j++
				continue
			}
			r, w := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && w == 1 {
				break
			}
			j += w
		}
		b.WriteString(s[i:j])
		if j < len(s) && j == i {
			b.WriteString("\uFFFD") // s[j] is not UTF-8
			j++
		}
		i = j
	}
	return b.String()
}

// foldAnchor returns the index of the byte of an ASCII lower-case needle
// that indexFold looks for: the rarest in text by foldRarity, the first of
// equals. It is 0 for another needle, which indexFold looks for from its
// first byte as it is.
func foldAnchor(needle string) int {
	best := 0
	for i := 0; i < len(needle); i++ {
		if needle[i] >= 0x80 || needle[i] >= 'A' && needle[i] <= 'Z' {
			return 0
		}
		if foldRarity[needle[i]] < foldRarity[needle[best]] {
			best = i
		}
	}
	return best
}

// foldRarity ranks bytes by how often mail text has them, in either case
// for letters (lower is rarer): English letter frequencies, then blanks,
// digits and the punctuation of addresses and header fields.
var foldRarity = func() (r [256]uint8) {
	for i := range r {
		r[i] = 8 // other ASCII punctuation: "@", "<", ">", "[", "#", ...
	}
	const byFrequency = "zqxjkvbpygfwmucldrhsnioate" // rarest first
	for k := 0; k < len(byFrequency); k++ {
		r[byFrequency[k]] = uint8(20 + 2*k) // both cases: counted double
		r[byFrequency[k]-'a'+'A'] = uint8(20 + 2*k)
	}
	for c := '0'; c <= '9'; c++ {
		r[c] = 30
	}
	for _, c := range ":-.,;/=_" {
		r[c] = 24
	}
	r['@'] = 1
	for _, c := range " \t\n\r" {
		r[c] = 100
	}
	return r
}()

// hasFoldPrefix reports whether s starts with prefix, ignoring ASCII case.
func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// indexFold returns the index of the ASCII-lower-case needle in s,
// ignoring case, or -1. Linear: the next lower- and upper-case candidate
// positions are remembered between steps.
func indexFold(s, needle string) int {
	n := len(needle)
	if n == 0 {
		return 0
	}
	// A match of an ASCII needle is n ASCII bytes too (no other n bytes
	// fold to n ASCII characters), with the needle's byte at a, in either
	// case, at a: look for the rarest byte of the needle, in both cases,
	// and compare the needle at each place.
	a := foldAnchor(needle)
	lo := needle[a]
	up := lo
	if lo >= 'a' && lo <= 'z' {
		up = lo - 32
	}
	nextLo, nextUp := -2, -2 // -2: not looked up yet, -1: none left
	for i := a; i+n-a <= len(s); {
		if nextLo != -1 && nextLo < i {
			if k := strings.IndexByte(s[i:], lo); k >= 0 {
				nextLo = i + k
			} else {
				nextLo = -1
			}
		}
		if up == lo {
			nextUp = nextLo
		} else if nextUp != -1 && nextUp < i {
			if k := strings.IndexByte(s[i:], up); k >= 0 {
				nextUp = i + k
			} else {
				nextUp = -1
			}
		}
		q := nextLo
		if q < 0 || nextUp >= 0 && nextUp < q {
			q = nextUp
		}
		c := q - a
		if q < 0 || c+n > len(s) {
			return -1
		}
		if strings.EqualFold(s[c:c+n], needle) {
			return c
		}
		i = q + 1
	}
	return -1
}

// commandIn returns the SMTP command a failure text says it answered
// ("in reply to RCPT TO command", "after RCPT TO:", ">>> DATA").
func commandIn(s string) string {
	for _, m := range [...]string{"in reply to", "after", ">>>", "during"} {
		for p, n := 0, 0; n < 8; n++ {
			i := indexFold(s[p:], m)
			if i < 0 {
				break
			}
			p += i + len(m)
			// The command may be on the next line of a folded reply.
			if c := commandAt(strings.TrimLeft(s[p:], " \t\n")); c != "" {
				return c
			}
		}
	}
	return ""
}

// commandAt names the SMTP command that rest starts with, or "".
func commandAt(rest string) string {
	switch {
	case hasFoldPrefix(rest, "rcpt"):
		return "RCPT"
	case hasFoldPrefix(rest, "mail"):
		return "MAIL"
	case hasFoldPrefix(rest, "end of data"), hasFoldPrefix(rest, "data"), hasFoldPrefix(rest, "end of "), hasFoldPrefix(rest, "."):
		return "DATA"
	case hasFoldPrefix(rest, "ehlo"), hasFoldPrefix(rest, "helo"):
		return "EHLO"
	case hasFoldPrefix(rest, "starttls"):
		return "STARTTLS"
	case hasFoldPrefix(rest, "initial connection"), hasFoldPrefix(rest, "connect"):
		return "CONN"
	}
	return ""
}
