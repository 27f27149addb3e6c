package codes

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// clue is what a reader found about one failure, as given to the reason
// classifier.
type clue struct {
	Diagnostic string       // the diagnostic text, unfolded and joined
	Reply      ReplyCode    // zero if none
	Status     EnhancedCode // zero if none
	Provider   string       // provider id from DetectProvider or the remote MTA, "" if unknown
	Action     string       // DSN Action (failed, delayed, delivered, ...), "" if none
	Command    string       // SMTP command the failure answered (CONN, EHLO, MAIL, RCPT, DATA), "" if unknown
	Reader     string       // which reader produced the clue ("dsn", "postfix", "exim", "reply", ...)
	Hint       Reason       // a reason the reader knows from its own format, "" if none
	Context    string       // other text of the bounce near the failure, for phrases outside the diagnostic
}

// The classifier follows the order of decisions that other bounce tools
// (sisimai) use, so that its reason names mean the same thing:
//
//  1. delivery (2.X.X) and a reader's own firm verdict (Hint) win; a vague
//     hint (expired, systemerror, userunknown, ...) is only a fallback;
//  2. provider rules: a provider's own codes and wording (classify_rhost.go);
//  3. strong phrases that no code can contradict (DMARC, reverse DNS, ...),
//     then refusals at connection or HELO time (blocked, or toomanyconn), then
//     status codes made for one cause (X.7.25 requireptr, X.7.26 ...);
//  4. the ordered "true" tests: each of mailboxfull, mesgtoobig, exceedlimit,
//     suspend, userunknown, filtered, rejected, hostunknown, spamdetected,
//     toomanyconn and blocked holds when the status code says so or the
//     diagnostic matches its phrases, refined by the SMTP command (a "user
//     unknown" after DATA is a filter, not a missing mailbox);
//  5. the reason of the status code, unless it is too vague to trust
//     (securityerror, systemerror, ...), then the other phrase families, then
//     the text around the failure when the diagnostic is no SMTP reply, then
//     Action: delayed → expired, then the vague reason of the status code;
//  6. MAIL FROM → rejected, a bare reply code (50x syntaxerror, 551
//     hasmoved), and at last onhold (a diagnostic we could not read) or
//     undefined (no diagnostic at all).
//
// The SMTP command comes from the reader, else from the text itself
// ("(in reply to RCPT TO command)", ">>> DATA", ...): a reply that echoes the
// recipient ("550 5.1.1 <bob@example.org>: ...") answers RCPT, one that names
// no address ("550 : User unknown") answers DATA.

// classifyReason decides the bounce reason of one failure.
func classifyReason(c clue) Reason {
	if c.Hint == ReasonFeedback || c.Hint == ReasonVacation || c.Hint == ReasonDelivered {
		return c.Hint
	}
	action := strings.ToLower(strings.TrimSpace(c.Action))
	if c.Status.Class() == 2 || (c.Status.IsZero() && action == "delivered") {
		return ReasonDelivered
	}
	if c.Hint != "" && !vagueReason(c.Hint) {
		return c.Hint
	}

	d := normalizeDiagnostic(c.Diagnostic)
	ctx := ""
	if c.Context != "" {
		ctx = normalizeDiagnostic(c.Context)
	}
	if d == "" {
		d = ctx
	} else if m, ok := statusComment(ctx); ok && !strings.Contains(d, m) {
		// "Status: 5.2.1 (mailbox disabled, not accepting messages)": the
		// reporting MTA's own words for the code.
		d += " (" + m + ")"
	}
	if c.Status.IsZero() || (c.Status.Subject() == 0 && c.Status.Detail() == 0) {
		// No code, or only X.0.0: a more precise code in the text says more.
		if s := statusIn(d); !s.IsZero() && (c.Status.IsZero() || s.Class() == c.Status.Class()) {
			c.Status = s
		}
	}
	cmd := commandOf(c, d, ctx)
	tmp := statusReason(c.Status)

	sd := newScan(d)
	prov := providerOf(c.Provider, d, ctx)
	if r := providerReason(prov, &sd, ctx, c.Status, c.Reply, cmd); r != "" {
		return r
	}
	if r := strongPhrases.find(&sd); r != "" {
		return r
	}
	if unknownStrong.in(&sd) {
		return ReasonUserUnknown
	}
	switch cmd {
	case "CONN", "HELO", "EHLO":
		// Refused before any address was given: the sending host itself.
		if phrases[ReasonTooManyConn].in(&sd) {
			return ReasonTooManyConn
		}
		return ReasonBlocked
	}
	if c.Status.Subject() == 7 && (tmp == ReasonAuthFailure || tmp == ReasonRequirePTR ||
		tmp == ReasonFailedSTARTTLS || tmp == ReasonNotAccept || tmp == ReasonPolicyViolation) {
		return tmp // codes made for one cause (RFC 7372, RFC 8689, ...)
	}
	if r := trueTests(&sd, tmp, cmd); r != "" {
		return r
	}
	if c.Hint != "" && c.Hint != ReasonUndefined && c.Hint != ReasonOnHold {
		return c.Hint
	}
	if tmp != "" && !vagueReason(tmp) {
		return tmp
	}
	if r := otherPhrases.find(&sd); r != "" {
		return r
	}
	if ctx != "" && ctx != d && !startsWithReply(d) {
		// The reader's diagnostic said nothing we know and is no SMTP
		// reply: the text around the failure may say more.
		if r := contextReason(ctx, tmp, cmd); r != "" {
			return r
		}
	}
	if action == "delayed" {
		return ReasonExpired // still queued: the sender's server keeps trying
	}
	if tmp != "" {
		return tmp
	}
	if cmd == "MAIL" {
		return ReasonRejected // the envelope sender was refused
	}
	if r := replyReason(c.Reply); r != "" {
		return r
	}
	if vacationPhrases.in(&sd) {
		return ReasonVacation
	}
	if c.Hint == ReasonOnHold || (strings.TrimSpace(c.Diagnostic) != "" && !boilerplatePhrases.in(&sd)) {
		return ReasonOnHold // a diagnostic we could not read
	}
	return ReasonUndefined
}

// contextReason runs the phrase families over the text around a failure.
func contextReason(ctx string, tmp Reason, cmd string) Reason {
	sc := newScan(ctx)
	if r := strongPhrases.find(&sc); r != "" {
		return r
	}
	if unknownStrong.in(&sc) {
		return ReasonUserUnknown
	}
	if r := trueTests(&sc, tmp, cmd); r != "" {
		return r
	}
	return otherPhrases.find(&sc)
}

// vagueReason reports whether r, when it comes from a status code or a
// reader's guess, should still be checked against the diagnostic text: these
// reasons are what a code says when it cannot say more.
func vagueReason(r Reason) bool {
	switch r {
	case ReasonUndefined, ReasonOnHold, ReasonSystemError, ReasonSecurityError,
		ReasonExpired, ReasonNetworkError, ReasonHostUnknown, ReasonUserUnknown:
		return true
	}
	return false
}

// commandOf returns the SMTP command the failure answered, upper case, or "".
// A reply that names no address (`550 : User unknown`) is the form a server
// gives after DATA, when it refuses the message for a recipient it accepted
// at RCPT; a pasted reply with no command is read as an answer to RCPT, the
// common case for a reply a person pastes.
func commandOf(c clue, d, ctx string) string {
	cmd := strings.ToUpper(strings.TrimSpace(c.Command))
	switch cmd {
	case "HELO", "EHLO", "CONN", "MAIL", "RCPT", "DATA":
	case "CONNECT", "CONNECTION", "BANNER", "GREETING":
		cmd = "CONN"
	case "MAIL FROM", "MAIL FROM:":
		cmd = "MAIL"
	case "RCPT TO", "RCPT TO:":
		cmd = "RCPT"
	case "BDAT", "END OF DATA", "DATA END", ".":
		cmd = "DATA"
	default:
		cmd = ""
	}
	if cmd == "" {
		cmd = clueCommandIn(d)
	}
	if cmd == "" && noAddressReply(d) {
		return "DATA"
	}
	if cmd == "" && rcptEcho(d) {
		return "RCPT"
	}
	if cmd == "" && ctx != "" {
		cmd = clueCommandIn(ctx)
	}
	if cmd == "" && (c.Reader == "reply" || c.Reader == "notice") {
		return "RCPT" // a reply or notice about one recipient: refused at RCPT TO
	}
	return cmd
}

// rcptEcho reports whether d starts with a reply that echoes the recipient
// address followed by a colon, the form Postfix-like servers give at RCPT:
// "550 5.1.1 <bob@example.org>: Recipient address rejected: ...". It
// matches as the regular expression (ending with a space)
//
//	^[245][0-9][0-9](?:[ -]|: ?)(?:[245]\.[0-9]{1,3}\.[0-9]{1,3} )?<[^<>@ ]+@[^<>@ ]+>:[ ]
func rcptEcho(d string) bool {
	if !replyCodeAt(d, 0) || len(d) < 4 {
		return false
	}
	i := 4
	switch d[3] {
	case ' ', '-':
	case ':':
		// ": ?" then '<' or a digit: a space here is always the optional one.
		if i < len(d) && d[i] == ' ' {
			i++
		}
	default:
		return false
	}
	if j := enhancedAt(d, i); j >= 0 && j < len(d) && d[j] == ' ' {
		i = j + 1
	}
	if i >= len(d) || d[i] != '<' {
		return false
	}
	j := echoAddrEnd(d, i+1)
	if j == i+1 || j >= len(d) || d[j] != '@' {
		return false
	}
	k := echoAddrEnd(d, j+1)
	return k > j+1 && strings.HasPrefix(d[k:], ">: ")
}

// echoAddrEnd returns the end of the run of bytes other than "<>@ " at
// s[i:] ([^<>@ ]*).
func echoAddrEnd(s string, i int) int {
	for i < len(s) && s[i] != '<' && s[i] != '>' && s[i] != '@' && s[i] != ' ' {
		i++
	}
	return i
}

// replyCodeAt reports whether s[i:] starts with a reply code of class 2, 4
// or 5 ([245][0-9][0-9]).
func replyCodeAt(s string, i int) bool {
	return i+3 <= len(s) && (s[i] == '2' || s[i] == '4' || s[i] == '5') && isDigit(s[i+1]) && isDigit(s[i+2])
}

// enhancedAt returns the end of the enhanced status code at s[i:], as
// `[245]\.[0-9]{1,3}\.[0-9]{1,3}` followed by no further digit, or -1.
// Each caller's pattern wants a byte other than a digit (or the end) after
// the code, so that a longer run of digits matches in no other way.
func enhancedAt(s string, i int) int {
	if i+5 > len(s) || (s[i] != '2' && s[i] != '4' && s[i] != '5') || s[i+1] != '.' {
		return -1
	}
	j := digitsEnd(s, i+2)
	if j < 0 || j >= len(s) || s[j] != '.' {
		return -1
	}
	return digitsEnd(s, j+1)
}

// digitsEnd returns the end of a run of 1 to 3 digits at s[i:] that no
// further digit follows, or -1.
func digitsEnd(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i || j-i > 3 {
		return -1
	}
	return j
}

// commandMarks are the words a report puts before the SMTP command a reply
// answered: Postfix "(in reply to RCPT TO command)", Exim "after RCPT TO:",
// Sendmail ">>> DATA".
var commandMarks = [...]string{"in reply to ", "after ", ">>> "}

// commandWords are the commands after a mark, longest first.
var commandWords = [...]struct{ word, cmd string }{
	{"initial connection", "CONN"}, {"end of data", "DATA"}, {"mail from", "MAIL"},
	{"rcpt to", "RCPT"}, {"data", "DATA"}, {"helo", "HELO"}, {"ehlo", "HELO"},
	{"rcpt", "RCPT"}, {"mail", "MAIL"},
}

// commandTokens name the command on their own: Yahoo "[RCPT_TO]", qmail's
// "does not like recipient" and "my name was rejected" (qmail-remote.c; the
// qmail log reader uses them too), Postfix's "refused to talk to me".
var commandTokens = [...]struct{ token, cmd string }{
	{"[rcpt_to]", "RCPT"}, {"[mail_from]", "MAIL"}, {"[data]", "DATA"},
	{"does not like recipient", "RCPT"}, {"does not like sender", "MAIL"}, {"my name was rejected", "HELO"},
	{"failed after i sent the message", "DATA"}, {"failed on data command", "DATA"},
	{"but sender was rejected", "MAIL"}, {"but greeting failed", "CONN"},
	{"refused to talk to me", "CONN"}, {" in rcpt to", "RCPT"}, {" in mail from", "MAIL"},
}

// clueBigrams select the places where a clue may start: bit k of
// clueBigrams[0][c] is set when clue k (commandMarks, then commandTokens)
// starts with the byte c, bit k of clueBigrams[1][c] when its second byte is
// c.
var clueBigrams = func() (t [2][256]uint16) {
	for k, m := range commandMarks {
		t[0][m[0]] |= 1 << k
		t[1][m[1]] |= 1 << k
	}
	for k, tk := range commandTokens {
		t[0][tk.token[0]] |= 1 << (len(commandMarks) + k)
		t[1][tk.token[1]] |= 1 << (len(commandMarks) + k)
	}
	return t
}()

// The clues must fit the bits of clueBigrams.
const _ = uint16(1 << (len(commandMarks) + len(commandTokens) - 1))

// clueCommandIn returns the command named first in the lower-cased text d,
// or "": the first place in d where one of commandMarks is followed by one
// of commandWords, or one of commandTokens is, names it (a mark before a
// token at the same place, the tokens in their order). One pass over d,
// where the first two bytes of each clue tell the places to look at
// closely; it takes the normalized text of commandFor as it is, without a
// copy.
func clueCommandIn[T string | []byte](d T) string {
	for i := 0; i+1 < len(d); i++ {
		for m := clueBigrams[0][d[i]] & clueBigrams[1][d[i+1]]; m != 0; m &= m - 1 {
			if cmd := clueAt(d, i, bits.TrailingZeros16(m)); cmd != "" {
				return cmd
			}
		}
	}
	return ""
}

// clueAt returns the command that clue k names at d[i:], or "".
func clueAt[T string | []byte](d T, i, k int) string {
	if k >= len(commandMarks) {
		if t := &commandTokens[k-len(commandMarks)]; hasAt(d, i, t.token) {
			return t.cmd
		}
		return ""
	}
	if !hasAt(d, i, commandMarks[k]) {
		return ""
	}
	j := i + len(commandMarks[k])
	for _, w := range commandWords {
		if e := j + len(w.word); hasAt(d, j, w.word) && (e == len(d) || !isAlnum(d[e])) {
			return w.cmd
		}
	}
	return ""
}

// hasAt reports whether d[i:] starts with p.
func hasAt[T string | []byte](d T, i int, p string) bool {
	if len(d)-i < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if d[i+k] != p[k] {
			return false
		}
	}
	return true
}

// noAddressReply reports whether d starts with a reply code followed directly
// by a colon, as in "550 : user unknown".
func noAddressReply(d string) bool {
	if len(d) < 5 || d[0] < '2' || d[0] > '5' || !isDigit(d[1]) || !isDigit(d[2]) {
		return false
	}
	if d[3] != ' ' && d[3] != '-' {
		return false
	}
	rest := strings.TrimLeft(d[3:], " -")
	return strings.HasPrefix(rest, ": ")
}

// startsWithReply reports whether d starts with a reply code.
func startsWithReply(d string) bool {
	return len(d) >= 4 && d[0] >= '2' && d[0] <= '5' && isDigit(d[1]) && isDigit(d[2]) &&
		(d[3] == ' ' || d[3] == '-' || d[3] == ':')
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// trueTests runs the ordered tests of step 4 (see the top of this file).
func trueTests(sd *scan, tmp Reason, cmd string) Reason {
	if tmp == ReasonMailboxFull || phrases[ReasonMailboxFull].in(sd) {
		return ReasonMailboxFull
	}
	if tmp == ReasonMesgTooBig || (tmp != ReasonExceedLimit && phrases[ReasonMesgTooBig].in(sd)) {
		return ReasonMesgTooBig
	}
	if tmp == ReasonExceedLimit || phrases[ReasonExceedLimit].in(sd) {
		return ReasonExceedLimit
	}
	if tmp == ReasonSuspend || phrases[ReasonSuspend].in(sd) {
		return ReasonSuspend
	}
	if tmp == ReasonHasMoved {
		return ReasonHasMoved
	}
	unknown := phrases[ReasonUserUnknown].in(sd)
	if tmp == ReasonUserUnknown {
		if !userUnknownPrematch.in(sd) {
			return ReasonUserUnknown
		}
	} else if cmd == "RCPT" && unknown {
		return ReasonUserUnknown
	}
	filtered := phrases[ReasonFiltered].in(sd)
	switch {
	case filtered:
		return ReasonFiltered // the recipient's own filter, whatever the command
	case unknown && (tmp == ReasonFiltered || (cmd != "RCPT" && cmd != "MAIL")):
		return ReasonFiltered // "user unknown" after DATA or with a X.2.0/X.2.1 code
	}
	if tmp == ReasonRejected {
		return ReasonRejected
	}
	switch cmd {
	case "MAIL":
		if phrases[ReasonRejected].in(sd) {
			return ReasonRejected
		}
	case "DATA":
		if tmp != ReasonUserUnknown && phrases[ReasonRejected].in(sd) {
			return ReasonRejected
		}
	default:
		if (tmp == "" || vagueReason(tmp)) && phrases[ReasonRejected].in(sd) {
			return ReasonRejected
		}
	}
	if tmp == ReasonHostUnknown || phrases[ReasonHostUnknown].in(sd) ||
		hostMissing(sd.s) {
		return ReasonHostUnknown
	}
	for _, r := range [...]Reason{ReasonSpamDetected, ReasonTooManyConn, ReasonBlocked} {
		if phrases[r].in(sd) {
			return r
		}
	}
	return ""
}

// hostMissing reports whether s says a host name does not exist: "553
// mx.example.com does not exist" (an address "bob@example.com does not
// exist" does not match). It matches as the regular expression
//
//	(?:^|[ <(\[])[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?>? does not exist
func hostMissing(s string) bool {
	const tail = " does not exist"
	for from := 0; ; {
		k := strings.Index(s[from:], tail)
		if k < 0 {
			return false
		}
		e := from + k
		from = e + 1
		// A host name ends with a label: a '>' and a '.' just before
		// the tail are the optional ones.
		if e > 0 && s[e-1] == '>' {
			e--
		}
		if e > 0 && s[e-1] == '.' {
			e--
		}
		// None of " <([" is a byte of a host name: the name starts
		// where the run of such bytes does.
		p := e
		for p > 0 && (isAlnum(s[p-1]) || s[p-1] == '-' || s[p-1] == '.') {
			p--
		}
		if p > 0 && s[p-1] != ' ' && s[p-1] != '<' && s[p-1] != '(' && s[p-1] != '[' {
			continue
		}
		if h := s[p:e]; strings.IndexByte(h, '.') > 0 && h[len(h)-1] != '.' && !strings.Contains(h, "..") {
			return true
		}
	}
}

// statusReason maps an enhanced status code (RFC 3463 and its updates) to
// the reason it names, or "" when the code names none (X.0.0, X.5.0, ...).
func statusReason(s EnhancedCode) Reason {
	if s.IsZero() {
		return ""
	}
	switch s.Class() {
	case 2:
		return ReasonDelivered
	case 4, 5:
	default:
		return ""
	}
	switch s.Subject() {
	case 1: // addressing
		switch s.Detail() {
		case 0, 1, 3, 4, 5:
			return ReasonUserUnknown
		case 2:
			return ReasonHostUnknown
		case 6:
			return ReasonHasMoved
		case 7, 8:
			return ReasonRejected
		case 9:
			return ReasonSystemError
		case 10:
			return ReasonNotAccept // RFC 7505: recipient address has null MX
		}
	case 2: // mailbox
		switch s.Detail() {
		case 0, 1:
			return ReasonFiltered
		case 2:
			return ReasonMailboxFull
		case 3:
			return ReasonExceedLimit
		case 4:
			return ReasonSystemError
		}
	case 3: // mail system
		switch s.Detail() {
		case 0, 3, 5:
			return ReasonSystemError
		case 1:
			return ReasonSystemFull
		case 2:
			return ReasonNotAccept
		case 4:
			return ReasonMesgTooBig
		}
	case 4: // network and routing
		switch s.Detail() {
		case 0, 1, 2, 4, 5, 6:
			return ReasonNetworkError
		case 3:
			return ReasonSystemError
		case 7:
			return ReasonExpired
		}
	case 5: // mail delivery protocol
		switch s.Detail() {
		case 1, 2, 4:
			return ReasonSyntaxError
		case 3:
			return ReasonTooManyConn
		}
	case 6: // message content
		return ReasonContentError
	case 7: // security or policy
		switch s.Detail() {
		case 9:
			return ReasonPolicyViolation
		case 10, 11, 29, 30:
			return ReasonFailedSTARTTLS
		case 13:
			return ReasonSuspend
		case 20, 21, 22, 23, 24, 26:
			return ReasonAuthFailure
		case 25:
			return ReasonRequirePTR
		case 27:
			return ReasonNotAccept
		}
		return ReasonSecurityError
	}
	return ""
}

// replyReason is the last hint a bare reply code gives.
func replyReason(r ReplyCode) Reason {
	switch r {
	case 500, 501, 502, 503, 504:
		return ReasonSyntaxError
	case 551:
		return ReasonHasMoved
	}
	return ""
}

// sesPrefix finds the summary Amazon SES puts before the remote reply:
// "5.1.0 - Unknown address error 550-'5.2.2 <bob@example.jp>... Mailbox
// Full'". It matches d as the regular expression
//
//	^[245]\.[0-9]{1,3}\.[0-9]{1,3} - [a-z ]+ ([245][0-9][0-9])-'
//
// and returns where the reply code starts and where the match ends, or
// -1, -1.
func sesPrefix(d string) (code, end int) {
	i := enhancedAt(d, 0)
	if i < 0 || !strings.HasPrefix(d[i:], " - ") {
		return -1, -1
	}
	i += 3
	j := i
	for j < len(d) && (d[j] == ' ' || d[j] >= 'a' && d[j] <= 'z') {
		j++
	}
	// "[a-z ]+ " is the whole run, ending with its space: a digit
	// follows, and none is in the run.
	if j-i < 2 || d[j-1] != ' ' || !replyCodeAt(d, j) || !strings.HasPrefix(d[j+3:], "-'") {
		return -1, -1
	}
	return j, j + 5
}

// normalizeDiagnostic lower-cases a diagnostic (ASCII letters only), joins
// its lines with single spaces and removes the wrapping a reader may have
// left: Amazon SES's summary prefix and the reply code that each line of a
// multi-line reply repeats ("550-5.7.1 "), left inside the text when the
// lines are joined.
func normalizeDiagnostic(s string) string {
	bp := commandBufs.Get().(*[]byte)
	n := diagNorm{s: s, b: (*bp)[:0], space: true}
	n.run(len(s), len(s))
	d := string(n.b)
	if cap(n.b) <= commandBufMax {
		*bp = n.b[:0]
		commandBufs.Put(bp)
	}
	if len(d) > 8 && d[1] == '.' && d[0] >= '2' && d[0] <= '5' {
		if c, e := sesPrefix(d); c >= 0 {
			d = d[c:c+3] + " " + strings.TrimSuffix(d[e:], "'")
		}
	}
	return d
}

// diagNorm is normalizeDiagnostic's loop, resumable so that a caller can
// normalize a long text only as far as it reads it (see commandFor). After
// each run, b is a prefix of the normalized text, before the rewriting of
// Amazon SES's summary prefix; once i reaches len(s), b is all of it.
type diagNorm struct {
	s     string
	i     int    // next byte of s to read
	b     []byte // normalized so far
	space bool   // the last byte written is a space, or none was written
	long  bool   // more than 3 bytes were written before s (see run)
}

// run reads s until i reaches rawEnd or b holds outLen bytes, or to the end
// of s, where it drops a trailing space.
func (n *diagNorm) run(rawEnd, outLen int) {
	s, b, space := n.s, n.b, n.space
	i := n.i
	for ; i < len(s) && i < rawEnd && len(b) < outLen; i++ {
		if !space {
			// Inside a word: copy the run of bytes that stay as they are.
			j := i
			for j < len(s) && diagPlain[s[j]] {
				j++
			}
			b = append(b, s[i:j]...)
			if i = j; i == len(s) {
				break
			}
		}
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			if !space {
				b = append(b, ' ')
				space = true
			}
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && (n.long || len(b) > 3) && c >= '2' && c <= '5' {
			// "550-5.7.1 " or "550 5.7.1 " inside the text: skip it.
			if k := continuationAt(s, i); k > 0 {
				i += k - 1
				continue
			}
		}
		b = append(b, c)
		space = false
	}
	if i >= len(s) && n.i < len(s) {
		i = len(s)
		if k := len(b); k > 0 && b[k-1] == ' ' {
			b = b[:k-1]
		}
	}
	n.b, n.space, n.i = b, space, i
}

// diagPlain tells the bytes that normalizeDiagnostic copies as they are
// inside a word: all but ASCII white space and upper-case letters.
var diagPlain = func() (t [256]bool) {
	for i := range t {
		c := byte(i)
		t[i] = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c >= 'A' && c <= 'Z')
	}
	return t
}()

// continuationAt returns the length of a reply code with an enhanced
// status code and the space after them at s[i:] ("550-5.7.1 "), or 0.
func continuationAt(s string, i int) int {
	if i+6 > len(s) || !isDigit(s[i+1]) || !isDigit(s[i+2]) || (s[i+3] != '-' && s[i+3] != ' ') {
		return 0
	}
	j := i + 4
	k := j
	for k < len(s) && (isDigit(s[k]) || s[k] == '.') {
		k++
	}
	if k == j || (k < len(s) && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r') {
		return 0
	}
	if _, err := ParseEnhancedCode(s[j:k]); err != nil {
		return 0
	}
	return k - i
}

// statusComment finds the comment of a DSN Status field: the first match in
// s of the regular expression
//
//	status: [245]\.[0-9]{1,3}\.[0-9]{1,3} \(([^()]{3,80})\)
//
// and its group.
func statusComment(s string) (string, bool) {
	for from := 0; ; {
		// From the colons, rarer than the 's' that "status: " starts with.
		k := strings.IndexByte(s[from:], ':')
		if k < 0 {
			return "", false
		}
		c := from + k
		from = c + 1
		if c < len("status") || s[c-len("status"):c] != "status" || !strings.HasPrefix(s[c:], ": ") {
			continue
		}
		i := c + 2
		j := enhancedAt(s, i)
		if j < 0 || !strings.HasPrefix(s[j:], " (") {
			continue
		}
		// 3 to 80 characters (not bytes) other than parentheses, then ')'.
		c, e, n := j+2, j+2, 0
		for e < len(s) && s[e] != '(' && s[e] != ')' && n <= 80 {
			_, w := utf8.DecodeRuneInString(s[e:])
			e += w
			n++
		}
		if e < len(s) && s[e] == ')' && n >= 3 && n <= 80 {
			return s[c:e], true
		}
	}
}

// statusFirst returns the group of the first match in s of the regular
// expression
//
//	(?:^|[ (#\[])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?:$|[ ),;:\]])
//
// or "".
func statusFirst(s string) string {
	for c := 0; c+5 <= len(s); c++ {
		if c > 0 && s[c-1] != ' ' && s[c-1] != '(' && s[c-1] != '#' && s[c-1] != '[' {
			continue
		}
		j := enhancedAt(s, c)
		if j < 0 {
			continue
		}
		if j == len(s) {
			return s[c:j]
		}
		switch s[j] {
		case ' ', ')', ',', ';', ':', ']':
			return s[c:j]
		}
	}
	return ""
}

// statusIn returns the first enhanced status code in the first 40 bytes of a
// diagnostic, for readers that found none in a field of its own.
func statusIn(d string) EnhancedCode {
	head := d
	if len(head) > 40 {
		head = head[:40]
	}
	m := statusFirst(head)
	if m == "" {
		return EnhancedCode{}
	}
	e, err := ParseEnhancedCode(m)
	if err != nil {
		return EnhancedCode{}
	}
	return e
}
