package codes

import (
	"math/bits"
	"strconv"
	"strings"
)

// Provider rules of the reason classifier: a mailbox provider's own codes and
// wording (see the provider sections of the knowledge base). They run before
// the generic phrase families, because a provider often uses a code against
// its registry meaning (Microsoft's 5.1.10 is "recipient not found", not
// "null MX") or words a common refusal in its own way.

// providerOf returns the provider id the rules know, from the id the decoder
// found or, failing that, from tokens in the diagnostic itself.
func providerOf(id, d, ctx string) string {
	switch strings.ToLower(id) {
	case "googlegroups", "google-groups":
		return "googlegroups"
	case "google", "gmail", "gsuite", "googleworkspace", "google-workspace":
		if strings.Contains(d, "groups.google.com") || strings.Contains(ctx, "groups.google.com") {
			return "googlegroups"
		}
		return "google"
	case "microsoft", "outlook", "hotmail", "office365", "microsoft365", "exchangeonline", "exchange-online":
		return "microsoft"
	case "yahoo", "yahooinc", "aol", "verizon", "att":
		return "yahoo"
	case "cox":
		return "cox"
	case "spectrum", "charter":
		return "spectrum"
	case "orange", "franceptt", "wanadoo", "laposte":
		return "orange"
	case "mimecast":
		return "mimecast"
	case "messagelabs", "symantec", "broadcom":
		return "messagelabs"
	case "nttdocomo", "docomo":
		return "nttdocomo"
	case "facebook", "meta":
		return "facebook"
	case "godaddy", "secureserver":
		return "godaddy"
	case "amazonses", "ses":
		return "amazonses"
	}
	if p := providerIn(d); p != "" {
		return p
	}
	return providerIn(ctx)
}

// docomoMTA reports whether s names an NTT docomo mail server as the
// remote host. It matches as the regular expression
//
//	(?:remote-mta: dns; ?|host )[a-z0-9.-]*\bdocomo\.ne\.jp
func docomoMTA(s string) bool {
	const name = "docomo.ne.jp"
	for from := 0; ; {
		k := strings.Index(s[from:], name)
		if k < 0 {
			return false
		}
		q := from + k
		from = q + 1
		if q > 0 && isWordByte(s[q-1]) {
			continue // no \b before "docomo"
		}
		// Neither ' ' nor ';' is in [a-z0-9.-]: the host name starts
		// where the run of such bytes before the name does.
		p := q
		for p > 0 && (isAlnum(s[p-1]) || s[p-1] == '.' || s[p-1] == '-') {
			p--
		}
		if h := s[:p]; strings.HasSuffix(h, "host ") || strings.HasSuffix(h, "remote-mta: dns;") || strings.HasSuffix(h, "remote-mta: dns; ") {
			return true
		}
	}
}

// isWordByte reports whether b is an ASCII word byte ([0-9A-Za-z_]), as
// the \b of a regular expression tells them.
func isWordByte(b byte) bool {
	return isAlnum(b) || b >= 'A' && b <= 'Z' || b == '_'
}

// providerTokens are the tokens providerIn recognises a provider by, in
// the order it tries them: the first provider with a token in the text wins
// (the tokens of Orange and NTT docomo only when orangeCode and docomoMTA
// confirm them).
var providerTokens = [...]struct{ token, provider string }{
	{"groups.google.com", "googlegroups"},
	{"gsmtp", "google"}, {"support.google.com", "google"},
	{".outlook.com", "microsoft"}, {"sender.office.com", "microsoft"}, {"postmaster.live.com", "microsoft"}, {"go.microsoft.com", "microsoft"},
	{"yahooinc.com", "yahoo"}, {"yahoo.com account", "yahoo"}, {"postmaster.verizonmedia.com", "yahoo"}, {"postmaster.yahoo.com", "yahoo"},
	{"cox.com", "cox"}, {"cox.net", "cox"},
	{"spectrum.net", "spectrum"}, {"charter.net", "spectrum"},
	{"ofr", "orange"}, {"lpn", "orange"},
	{"mimecast", "mimecast"}, {"mcspamsignature", "mimecast"},
	{"facebook.com", "facebook"},
	{"docomo.ne.jp", "nttdocomo"},
}

// providerTokenSet finds the providerTokens in a text.
var providerTokenSet = func() *substrSet {
	var strs []string
	for _, t := range providerTokens {
		strs = append(strs, t.token)
	}
	return newSubstrSet(strs...)
}()

// providerIn recognises a provider from tokens in a text.
func providerIn(d string) string {
	if d == "" {
		return ""
	}
	for found := providerTokenSet.find(d, 0); found != 0; found &= found - 1 {
		switch p := providerTokens[bits.TrailingZeros32(found)].provider; p {
		case "orange":
			if orangeCode(d) != "" {
				return p
			}
		case "nttdocomo":
			if docomoMTA(d) {
				return p
			}
		default:
			return p
		}
	}
	return ""
}

// substrSet finds which of up to 32 strings of 2 bytes or more occur in a
// text, in one pass over it: the first two bytes of each string tell the
// places where it may start.
type substrSet struct {
	strs          []string
	first, second [256]uint32 // bit k of [c]: strs[k] has c as its first (second) byte
}

func newSubstrSet(strs ...string) *substrSet {
	if len(strs) > 32 {
		panic("codes: more than 32 strings in a substrSet")
	}
	t := &substrSet{strs: strs}
	for k, s := range strs {
		t.first[s[0]] |= 1 << k
		t.second[s[1]] |= 1 << k
	}
	return t
}

// find returns the strings in s, bit k for strs[k]. It stops as soon as
// it finds one in stop.
func (t *substrSet) find(s string, stop uint32) uint32 {
	var found uint32
	for i := 0; i+1 < len(s); i++ {
		for m := t.first[s[i]] & t.second[s[i+1]] &^ found; m != 0; m &= m - 1 {
			k := bits.TrailingZeros32(m)
			if w := t.strs[k]; len(s)-i >= len(w) && s[i:i+len(w)] == w {
				if found |= 1 << k; found&stop != 0 {
					return found
				}
			}
		}
	}
	return found
}

// orangeCode finds an Orange / La Poste code: OFR_416, OFR004_104,
// LPN007_426. It returns the group of the first match in d of the regular
// expression
//
//	\b(?:ofr|lpn)[0-9]{0,3}_([0-9]{3})\b
//
// or "".
func orangeCode(d string) string {
	for i := 0; i+7 <= len(d); i++ {
		if (d[i] != 'o' || d[i+1] != 'f' || d[i+2] != 'r') && (d[i] != 'l' || d[i+1] != 'p' || d[i+2] != 'n') ||
			i > 0 && isWordByte(d[i-1]) {
			continue
		}
		j := i + 3
		for j < len(d) && isDigit(d[j]) {
			j++
		}
		if j-i-3 > 3 || j+4 > len(d) || d[j] != '_' {
			continue
		}
		j++
		if !isDigit(d[j]) || !isDigit(d[j+1]) || !isDigit(d[j+2]) || j+3 < len(d) && isWordByte(d[j+3]) {
			continue
		}
		return d[j : j+3]
	}
	return ""
}

// aupCode finds a Cloudmark-style AUP code (Cox, Spectrum): AUP#CXBL,
// AUP#In-1310. It returns the second group of the first match in d of the
// regular expression
//
//	aup#([a-z]+-)?([a-z0-9]+)
//
// and whether there is one.
func aupCode(d string) (string, bool) {
	const mark = "aup#"
	for from := 0; ; {
		k := strings.Index(d[from:], mark)
		if k < 0 {
			return "", false
		}
		i := from + k + len(mark)
		from = from + k + 1
		// "[a-z]+-" is the whole run of letters and its '-', if a code
		// follows; else the code starts right after "aup#".
		j := i
		for j < len(d) && d[j] >= 'a' && d[j] <= 'z' {
			j++
		}
		if j > i && j < len(d) && d[j] == '-' {
			if e := alnumEnd(d, j+1); e > j+1 {
				return d[j+1 : e], true
			}
		}
		if e := alnumEnd(d, i); e > i {
			return d[i:e], true
		}
	}
}

// alnumEnd returns the end of the run of [a-z0-9] bytes at s[i:].
func alnumEnd(s string, i int) int {
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	return i
}

// messageLabsReject reports whether d is MessageLabs' short refusal of a
// recipient: "542 bob@example.com Rejected". It matches as the regular
// expression
//
//	^[45][0-9][0-9] <?[^ <>@]+@[^ <>]+>? rejected$
func messageLabsReject(d string) bool {
	const tail = " rejected"
	if len(d) < 4+len(tail) || d[0] != '4' && d[0] != '5' || !replyCodeAt(d, 0) || d[3] != ' ' || !strings.HasSuffix(d, tail) {
		return false
	}
	// No byte of the address is '<' or '>': these are the optional ones.
	a := strings.TrimSuffix(strings.TrimPrefix(d[4:len(d)-len(tail)], "<"), ">")
	at := strings.IndexByte(a, '@')
	return at > 0 && at < len(a)-1 && !strings.ContainsAny(a, " <>")
}

// providerReason applies the rules of provider p, or returns "".
func providerReason(p string, sd *scan, ctx string, s EnhancedCode, reply ReplyCode, cmd string) Reason {
	d := sd.s
	switch p {
	case "google":
		return googleReason(d, s)
	case "microsoft":
		return microsoftReason(d, s)
	case "yahoo":
		return yahooReason(d)
	case "cox":
		return coxReason(d)
	case "spectrum":
		return spectrumReason(d)
	case "orange":
		return orangeReason(d)
	case "googlegroups":
		// Google Groups: the group does not exist or the sender may not
		// post to it.
		return ReasonRejected
	case "mimecast":
		// Mimecast's "email rejected due to security policies" names a
		// content signature (MCSpamSignature, virus signatures ...).
		if strings.Contains(d, "rejected due to security policies") || strings.Contains(d, "signature") {
			return ReasonVirusDetected
		}
	case "messagelabs":
		// MessageLabs refuses unknown recipients with "550 ... No such user"
		// or "542 ... Rejected" at RCPT.
		if phrases[ReasonUserUnknown].in(sd) || messageLabsReject(d) {
			return ReasonUserUnknown
		}
	case "nttdocomo":
		// docomo refuses mail after DATA with "550 Unknown user": its
		// per-recipient filter rejected the sender. With no command known,
		// a reply from docomo's own MX (not a relay) is read the same way.
		if (cmd == "DATA" || (cmd == "" && docomoMTA(ctx))) && phrases[ReasonUserUnknown].in(sd) {
			return ReasonRejected
		}
	case "facebook":
		if strings.Contains(d, "rcp-p") || strings.Contains(d, "recipient preferences") {
			return ReasonFiltered
		}
	case "amazonses":
		// An SES notification names its own bounce type when the remote
		// reply says nothing.
		switch {
		case strings.Contains(d, "onaccountsuppressionlist") || strings.Contains(d, `"bouncesubtype":"suppressed"`):
			return ReasonSuppressed
		case !startsWithReply(d) && strings.Contains(d, `"bouncesubtype":"noemail"`):
			return ReasonUserUnknown
		}
	case "godaddy":
		if strings.Contains(d, "ib212") || strings.Contains(d, "judged to be spam") {
			return ReasonSpamDetected
		}
	}
	return ""
}

// googleReason: Gmail and Google Workspace replies.
func googleReason(d string, s EnhancedCode) Reason {
	switch {
	case strings.Contains(d, "is inactive") || strings.Contains(d, "disableduser") ||
		strings.Contains(d, "account that you tried to reach is disabled"):
		return ReasonSuspend
	case strings.Contains(d, "unusual rate of unsolicited"):
		return ReasonSpamDetected
	case strings.Contains(d, "timeout - closing connection") || strings.Contains(d, "temporary system problem"):
		return ReasonSystemError
	case strings.Contains(d, "receiving mail at a rate") || strings.Contains(d, "receiving email too quickly") ||
		strings.Contains(d, "unsolicitedratelimiterror") || strings.Contains(d, "has been rate limited") ||
		strings.Contains(d, "sending limit exceeded"):
		return ReasonSpeeding
	case strings.Contains(d, "content presents a potential security issue") ||
		strings.Contains(d, "policy that prohibits"):
		return ReasonPolicyViolation
	case strings.Contains(d, "likely unsolicited") || strings.Contains(d, "unsolicitedmessageerror"):
		return ReasonSpamDetected
	case strings.Contains(d, "not authorized to send email directly") ||
		strings.Contains(d, "ip not in whitelist"):
		return ReasonBlocked
	case strings.Contains(d, "exceeded google's message size") || strings.Contains(d, "message size limit"):
		return ReasonMesgTooBig
	case strings.Contains(d, "out of storage space") || strings.Contains(d, "over quota"):
		return ReasonMailboxFull
	case strings.Contains(d, "nosuchuser") || strings.Contains(d, "account that you tried to reach does not exist"):
		return ReasonUserUnknown
	}
	switch s {
	case EnhancedCode{5, 7, 26}, EnhancedCode{4, 7, 26}, EnhancedCode{5, 7, 27}, EnhancedCode{4, 7, 27},
		EnhancedCode{5, 7, 30}, EnhancedCode{4, 7, 30}, EnhancedCode{4, 7, 32}, EnhancedCode{5, 7, 32},
		EnhancedCode{4, 7, 40}, EnhancedCode{5, 7, 40}, EnhancedCode{4, 7, 24}, EnhancedCode{5, 7, 24}:
		return ReasonAuthFailure
	case EnhancedCode{4, 7, 23}, EnhancedCode{5, 7, 25}, EnhancedCode{4, 7, 25}:
		return ReasonRequirePTR
	case EnhancedCode{4, 7, 29}, EnhancedCode{5, 7, 29}:
		return ReasonFailedSTARTTLS
	case EnhancedCode{4, 7, 28}, EnhancedCode{5, 7, 28}:
		return ReasonSpamDetected // unusual rate of unsolicited mail
	}
	return ""
}

// microsoftReason: Exchange Online, Microsoft 365 and Outlook.com replies,
// whose private X.7.5xx-X.7.7xx codes are not in the registry.
func microsoftReason(d string, s EnhancedCode) Reason {
	switch {
	case strings.Contains(d, "recipientnotfound") || strings.Contains(d, "recipnotfound"):
		return ReasonUserUnknown
	case strings.Contains(d, "submission quota exceeded"):
		return ReasonSpeeding
	case strings.Contains(d, "requested action not taken: mailbox unavailable"):
		return ReasonUserUnknown // Outlook.com 550 5.5.0: no such mailbox
	}
	if s.Subject() == 1 && s.Detail() == 10 && !strings.Contains(d, "accept mail") && !strings.Contains(d, "null mx") {
		return ReasonUserUnknown // 5.1.10: recipient not found
	}
	if s.Subject() != 7 {
		return ""
	}
	switch n := s.Detail(); {
	case n == 509 || n == 515 || n == 23:
		return ReasonAuthFailure
	case n == 512:
		return ReasonNotCompliantRFC
	case n == 510:
		return ReasonNotAccept
	case n == 505:
		return ReasonUserUnknown
	case n == 506:
		return ReasonBlocked // bad HELO
	case n == 508:
		return ReasonSpeeding
	case n == 501 || n == 502 || n == 503 || n == 511 || n == 513 || n == 507:
		return ReasonBlocked
	case n >= 606 && n <= 649:
		return ReasonBlocked // banned sending IP
	case n >= 650 && n <= 699:
		return ReasonBadReputation // rate limited on IP reputation
	case n >= 700 && n <= 749:
		return ReasonBlocked // tenant or IP pool banned
	case n == 12 || (n >= 133 && n <= 136):
		return ReasonSecurityError // recipient accepts authenticated senders only
	}
	return ""
}

// yahooReason: Yahoo, AOL and partner mailboxes, with bracket codes.
func yahooReason(d string) Reason {
	switch {
	case strings.Contains(d, "[tss04]") || strings.Contains(d, "[ts01]") || strings.Contains(d, "[ts02]") ||
		strings.Contains(d, "[ts03]") || strings.Contains(d, "[tss09]") || strings.Contains(d, "[tss11]") ||
		strings.Contains(d, "permanently deferred"):
		return ReasonBadReputation
	case strings.Contains(d, "[bl21]") || strings.Contains(d, "[bl23]") || strings.Contains(d, "spamhaus"):
		return ReasonBlocked
	case strings.Contains(d, "headers are not rfc compliant"):
		return ReasonNotCompliantRFC
	case strings.Contains(d, "mailbox is disabled"):
		return ReasonSuspend
	case strings.Contains(d, "doesn't have a yahoo") || strings.Contains(d, "does not have a yahoo"):
		return ReasonUserUnknown // "dd This user doesn't have a yahoo.com account", even after DATA
	case strings.Contains(d, "not accepted for policy reasons") || strings.Contains(d, "[ph01]"):
		return ReasonPolicyViolation
	}
	return ""
}

// coxReason: Cox's AUP# codes.
func coxReason(d string) Reason {
	code, ok := aupCode(d)
	if !ok {
		return ""
	}
	switch {
	case code == "cxbl" || code == "cdrbl" || strings.HasPrefix(code, "ipbl") || code == "rbl":
		return ReasonBlocked
	case strings.HasPrefix(code, "urlbl"):
		return ReasonSpamDetected
	case code == "cxsndr":
		return ReasonRejected
	case code == "cxdns":
		return ReasonRequirePTR
	case code == "cxcnct" || code == "cnct":
		return ReasonTooManyConn
	case code == "cxmxrt" || code == "mxrt":
		return ReasonSpeeding
	case code == "cxmj" || code == "cxthrt":
		return ReasonSecurityError
	case code == "cxsmtp":
		return ReasonSyntaxError
	}
	return ""
}

// spectrumReason: Charter/Spectrum's AUP#nnnn and AUP#In-nnnn codes.
func spectrumReason(d string) Reason {
	code, ok := aupCode(d)
	if !ok {
		return ""
	}
	n, err := strconv.Atoi(code)
	if err != nil {
		return coxReason(d)
	}
	switch {
	case n >= 1000 && n < 1100:
		return ReasonBlocked
	case n >= 1300 && n < 1400:
		return ReasonTooManyConn
	}
	return ""
}

// orangeReason: Orange / Wanadoo / La Poste codes, by their 3-digit number.
func orangeReason(d string) Reason {
	switch orangeCode(d) {
	case "104":
		return ReasonTooManyConn
	case "100", "102", "103", "105", "107", "108", "510", "999":
		return ReasonBlocked // "Service refuse. Veuillez essayer plus tard", "Adresse IP source bloquee"
	case "416":
		return ReasonUserUnknown
	case "417":
		return ReasonMailboxFull
	case "426":
		return ReasonSuspend
	case "506":
		return ReasonSpamDetected
	case "630":
		return ReasonPolicyViolation
	}
	return ""
}
