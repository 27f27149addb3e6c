package codes

import (
	"regexp"
	"strings"
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
//  1. delivery (2.X.X) and a reader's own firm verdict (Hint) win;
//  2. provider rules: a provider's own codes and wording (classify_rhost.go);
//  3. strong phrases that no code can contradict (DMARC, reverse DNS, ...);
//  4. the ordered "true" tests: each of mailboxfull, mesgtoobig, exceedlimit,
//     suspend, userunknown, filtered, rejected, hostunknown, spamdetected,
//     toomanyconn and blocked holds when the status code says so or the
//     diagnostic matches its phrases, refined by the SMTP command (a "user
//     unknown" after DATA is a filter, not a missing mailbox);
//  5. the reason of the status code, unless it is too vague to trust
//     (securityerror, systemerror, ...), then the other phrase families;
//  6. the SMTP command (connection → blocked, MAIL FROM → rejected),
//     Action: delayed → expired, and at last onhold (a diagnostic we could not
//     read) or undefined (nothing to read).

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
	} else if m := statusCommentRE.FindStringSubmatch(ctx); m != nil && !strings.Contains(d, m[1]) {
		// "Status: 5.2.1 (mailbox disabled, not accepting messages)": the
		// reporting MTA's own words for the code.
		d += " (" + m[1] + ")"
	}
	if c.Status.IsZero() || (c.Status.Subject() == 0 && c.Status.Detail() == 0) {
		// No code, or only X.0.0: a more precise code in the text says more.
		if s := statusIn(d); !s.IsZero() && (c.Status.IsZero() || s.Class() == c.Status.Class()) {
			c.Status = s
		}
	}
	cmd := commandOf(c, d, ctx)
	tmp := statusReason(c.Status)

	prov := providerOf(c.Provider, d, ctx)
	if r := providerReason(prov, d, c.Status, c.Reply, cmd); r != "" {
		return r
	}
	if r := strongPhrases.find(d); r != "" {
		return r
	}
	if unknownStrong.any(d) {
		return ReasonUserUnknown
	}
	switch cmd {
	case "CONN", "HELO", "EHLO":
		// Refused before any address was given: the sending host itself.
		if phrases[ReasonTooManyConn].any(d) {
			return ReasonTooManyConn
		}
		return ReasonBlocked
	}
	if c.Status.Subject() == 7 && (tmp == ReasonAuthFailure || tmp == ReasonRequirePTR ||
		tmp == ReasonFailedSTARTTLS || tmp == ReasonNotAccept || tmp == ReasonPolicyViolation) {
		return tmp // codes made for one cause (RFC 7372, RFC 8689, ...)
	}
	if r := trueTests(d, tmp, cmd); r != "" {
		return r
	}
	if c.Hint != "" && c.Hint != ReasonUndefined && c.Hint != ReasonOnHold {
		return c.Hint
	}
	if tmp != "" && !vagueReason(tmp) {
		return tmp
	}
	if r := otherPhrases.find(d); r != "" {
		return r
	}
	if ctx != "" && ctx != d && c.Reply.IsZero() && !startsWithReply(d) {
		// The reader's diagnostic said nothing we know and is no SMTP
		// reply: the text around the failure may say more.
		if r := contextReason(ctx, tmp, cmd); r != "" {
			return r
		}
	}
	if tmp != "" {
		return tmp
	}
	switch cmd {
	case "CONN", "HELO", "EHLO":
		return ReasonBlocked
	case "MAIL":
		return ReasonRejected
	}
	if r := replyReason(c.Reply); r != "" {
		return r
	}
	if action == "delayed" {
		return ReasonExpired
	}
	if vacationPhrases.any(d) {
		return ReasonVacation
	}
	if c.Hint == ReasonOnHold || d != "" {
		return ReasonOnHold
	}
	return ReasonUndefined
}

// contextReason runs the phrase families over the text around a failure.
func contextReason(ctx string, tmp Reason, cmd string) Reason {
	if r := strongPhrases.find(ctx); r != "" {
		return r
	}
	if unknownStrong.any(ctx) {
		return ReasonUserUnknown
	}
	if r := trueTests(ctx, tmp, cmd); r != "" {
		return r
	}
	return otherPhrases.find(ctx)
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
	if cmd == "" && rcptEchoRE.MatchString(d) {
		return "RCPT"
	}
	if cmd == "" && ctx != "" {
		cmd = clueCommandIn(ctx)
	}
	if cmd == "" && c.Reader == "reply" {
		return "RCPT"
	}
	return cmd
}

// rcptEchoRE matches a reply that starts by echoing the recipient address
// followed by a colon, the form Postfix-like servers give at RCPT:
// "550 5.1.1 <bob@example.org>: Recipient address rejected: ...".
var rcptEchoRE = regexp.MustCompile(`^[245][0-9][0-9](?:[ -]|: ?)(?:[245]\.[0-9]{1,3}\.[0-9]{1,3} )?<[^<>@ ]+@[^<>@ ]+>: `)

// clueCommandRE finds the SMTP command a report says a reply answered: Postfix
// "(in reply to RCPT TO command)", Exim "after RCPT TO:", Sendmail ">>> DATA",
// Yahoo "[RCPT_TO]", qmail's "does not like recipient" and "my name was
// rejected", SendGrid "... in RCPT TO".
var clueCommandRE = regexp.MustCompile(`in reply to (rcpt to|mail from|end of data|data|helo|ehlo)|after (rcpt to|mail from|end of data|data|initial connection|helo|ehlo|rcpt|mail)\b|>>> (rcpt to|mail from|data|helo|ehlo)|\[(rcpt_to|mail_from|data)\]|(does not like recipient|does not like sender|my name was rejected|failed after i sent the message|refused to talk to me)| in (rcpt to|mail from)$`)

// clueCommandIn returns the command clueCommandRE finds in d, or "".
func clueCommandIn(d string) string {
	m := clueCommandRE.FindStringSubmatch(d)
	if m == nil {
		return ""
	}
	for _, g := range m[1:] {
		switch g {
		case "":
			continue
		case "rcpt to", "rcpt", "rcpt_to", "does not like recipient":
			return "RCPT"
		case "mail from", "mail", "mail_from", "does not like sender":
			return "MAIL"
		case "data", "end of data", "failed after i sent the message":
			return "DATA"
		case "helo", "ehlo", "my name was rejected":
			return "HELO"
		case "initial connection", "refused to talk to me":
			return "CONN"
		}
	}
	return ""
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
func trueTests(d string, tmp Reason, cmd string) Reason {
	if tmp == ReasonMailboxFull || phrases[ReasonMailboxFull].any(d) {
		return ReasonMailboxFull
	}
	if tmp == ReasonMesgTooBig || (tmp != ReasonExceedLimit && phrases[ReasonMesgTooBig].any(d)) {
		return ReasonMesgTooBig
	}
	if tmp == ReasonExceedLimit || phrases[ReasonExceedLimit].any(d) {
		return ReasonExceedLimit
	}
	if tmp == ReasonSuspend || phrases[ReasonSuspend].any(d) {
		return ReasonSuspend
	}
	if tmp == ReasonHasMoved {
		return ReasonHasMoved
	}
	unknown := phrases[ReasonUserUnknown].any(d)
	if tmp == ReasonUserUnknown {
		if !userUnknownPrematch.any(d) {
			return ReasonUserUnknown
		}
	} else if cmd == "RCPT" && unknown {
		return ReasonUserUnknown
	}
	filtered := phrases[ReasonFiltered].any(d)
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
		if phrases[ReasonRejected].any(d) {
			return ReasonRejected
		}
	case "DATA":
		if tmp != ReasonUserUnknown && phrases[ReasonRejected].any(d) {
			return ReasonRejected
		}
	default:
		if (tmp == "" || vagueReason(tmp)) && phrases[ReasonRejected].any(d) {
			return ReasonRejected
		}
	}
	if tmp == ReasonHostUnknown || phrases[ReasonHostUnknown].any(d) || hostMissingRE.MatchString(d) {
		return ReasonHostUnknown
	}
	for _, r := range [...]Reason{ReasonSpamDetected, ReasonTooManyConn, ReasonBlocked} {
		if phrases[r].any(d) {
			return r
		}
	}
	return ""
}

// hostMissingRE matches a host name said not to exist: "553 mx.example.com
// does not exist" (an address "bob@example.com does not exist" does not match).
var hostMissingRE = regexp.MustCompile(`(?:^|[ <(\[])[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?>? does not exist`)

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

// sesPrefixRE matches the summary Amazon SES puts before the remote reply:
// "5.1.0 - Unknown address error 550-'5.2.2 <bob@example.jp>... Mailbox Full'".
var sesPrefixRE = regexp.MustCompile(`^[245]\.[0-9]{1,3}\.[0-9]{1,3} - [a-z ]+ ([245][0-9][0-9])-'`)

// continuationRE matches the reply code that each line of a multi-line reply
// repeats ("550-5.7.1 "), left inside the text when the lines are joined.
var continuationRE = regexp.MustCompile(` [245][0-9][0-9][ -][245]\.[0-9]{1,3}\.[0-9]{1,3} `)

// statusCommentRE finds the comment of a DSN Status field.
var statusCommentRE = regexp.MustCompile(`status: [245]\.[0-9]{1,3}\.[0-9]{1,3} \(([^()]{3,80})\)`)

// statusRE finds an enhanced status code near the start of a diagnostic.
var statusRE = regexp.MustCompile(`(?:^|[ (#\[])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?:$|[ ),;:\]])`)

// normalizeDiagnostic lower-cases a diagnostic, joins its lines with single
// spaces and removes the wrapping a reader may have left: Amazon SES's
// summary prefix and repeated reply codes of multi-line replies.
func normalizeDiagnostic(s string) string {
	d := lowerASCII(strings.Join(strings.Fields(s), " "))
	if m := sesPrefixRE.FindStringSubmatchIndex(d); m != nil {
		d = d[m[2]:m[3]] + " " + strings.TrimSuffix(strings.TrimRight(d[m[1]:], " "), "'")
	}
	if strings.Count(d, " ") > 3 && continuationRE.MatchString(d[3:]) {
		d = d[:3] + continuationRE.ReplaceAllString(d[3:], " ")
	}
	return d
}

// statusIn returns the first enhanced status code in the first 40 bytes of a
// diagnostic, for readers that found none in a field of its own.
func statusIn(d string) EnhancedCode {
	head := d
	if len(head) > 40 {
		head = head[:40]
	}
	m := statusRE.FindStringSubmatch(head)
	if m == nil {
		return EnhancedCode{}
	}
	e, err := ParseEnhancedCode(m[1])
	if err != nil {
		return EnhancedCode{}
	}
	return e
}

// lowerASCII lower-cases ASCII letters only, so that byte offsets and
// non-ASCII text stay as they are.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
