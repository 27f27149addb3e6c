package codes

// Reason names why a message bounced, in the vocabulary shared with other
// bounce tools (sisimai's reason names), so results are comparable.
type Reason string

// The bounce reasons, one line each.
const (
	ReasonAuthFailure     Reason = "authfailure"     // the message failed sender authentication: SPF, DKIM or DMARC (incl. alignment)
	ReasonBadReputation   Reason = "badreputation"   // refused for the low reputation of the sending IP or domain
	ReasonBlocked         Reason = "blocked"         // the sending IP address or host (HELO/EHLO) was refused, e.g. on a blocklist or by a connection policy
	ReasonContentError    Reason = "contenterror"    // the message's header or content format was refused
	ReasonDelivered       Reason = "delivered"       // delivered successfully (a DSN with Action: delivered)
	ReasonExceedLimit     Reason = "exceedlimit"     // the message exceeded a per-mailbox limit (X.2.3: message length exceeds administrative limit)
	ReasonExpired         Reason = "expired"         // delivery time expired: the sending server kept failing to deliver and gave up
	ReasonFailedSTARTTLS  Reason = "failedstarttls"  // STARTTLS, DANE or MTA-STS failed or TLS was required
	ReasonFeedback        Reason = "feedback"        // a complaint (ARF feedback report) forwarded by a mailbox provider
	ReasonFiltered        Reason = "filtered"        // refused after DATA by a content or header filter, or by a per-recipient rule
	ReasonHasMoved        Reason = "hasmoved"        // the mailbox has moved and mail is not forwarded
	ReasonHostUnknown     Reason = "hostunknown"     // the domain part of the recipient address does not exist or has no mail host
	ReasonMailboxFull     Reason = "mailboxfull"     // the recipient's mailbox is full (over quota)
	ReasonMailerError     Reason = "mailererror"     // the receiving mailer program exited with an error
	ReasonMesgTooBig      Reason = "mesgtoobig"      // the message is too big for the destination system
	ReasonNetworkError    Reason = "networkerror"    // dNS or other network or routing failure (incl. mail loops)
	ReasonNoRelaying      Reason = "norelaying"      // relaying denied
	ReasonNotAccept       Reason = "notaccept"       // the destination accepts no mail (e.g. null MX, no SMTP service)
	ReasonNotCompliantRFC Reason = "notcompliantrfc" // the message does not comply with the RFCs (e.g. bad From header)
	ReasonOnHold          Reason = "onhold"          // too little information to decide the reason
	ReasonPolicyViolation Reason = "policyviolation" // refused under the receiving site's policy, with no more specific reason
	ReasonRejected        Reason = "rejected"        // the envelope sender (MAIL FROM) was refused
	ReasonRequirePTR      Reason = "requireptr"      // the sending IP has no valid reverse DNS (PTR) record
	ReasonSecurityError   Reason = "securityerror"   // a security check failed (e.g. authentication credentials, access denied for security reasons)
	ReasonSpamDetected    Reason = "spamdetected"    // the content was judged to be spam
	ReasonSpeeding        Reason = "speeding"        // rate limited: sending too fast or too many messages
	ReasonSuppressed      Reason = "suppressed"      // the address is on a suppression list at the sending service (e.g. Amazon SES)
	ReasonSuspend         Reason = "suspend"         // the recipient's mailbox is disabled or suspended
	ReasonSyntaxError     Reason = "syntaxerror"     // an SMTP command had a syntax error
	ReasonSystemError     Reason = "systemerror"     // the remote system reported an error of its own
	ReasonSystemFull      Reason = "systemfull"      // the destination system's storage is full
	ReasonTooManyConn     Reason = "toomanyconn"     // too many concurrent connections
	ReasonUndefined       Reason = "undefined"       // the reason could not be determined
	ReasonUserUnknown     Reason = "userunknown"     // the local part of the recipient address does not exist
	ReasonVacation        Reason = "vacation"        // an automatic reply (out of office), not a failure
	ReasonVirusDetected   Reason = "virusdetected"   // a virus was found in the message
)

// Reasons lists every reason name, sorted.
func Reasons() []Reason {
	return []Reason{
		ReasonAuthFailure, ReasonBadReputation, ReasonBlocked, ReasonContentError, ReasonDelivered, ReasonExceedLimit, ReasonExpired, ReasonFailedSTARTTLS, ReasonFeedback, ReasonFiltered, ReasonHasMoved, ReasonHostUnknown, ReasonMailboxFull, ReasonMailerError, ReasonMesgTooBig, ReasonNetworkError, ReasonNoRelaying, ReasonNotAccept, ReasonNotCompliantRFC, ReasonOnHold, ReasonPolicyViolation, ReasonRejected, ReasonRequirePTR, ReasonSecurityError, ReasonSpamDetected, ReasonSpeeding, ReasonSuppressed, ReasonSuspend, ReasonSyntaxError, ReasonSystemError, ReasonSystemFull, ReasonTooManyConn, ReasonUndefined, ReasonUserUnknown, ReasonVacation, ReasonVirusDetected,
	}
}

// HardBounce reports whether a failure with this reason and code class means
// the address itself is bad and should be removed from lists: userunknown,
// hostunknown and hasmoved always, notaccept only when permanent.
func (r Reason) HardBounce(permanent bool) bool {
	switch r {
	case ReasonUserUnknown, ReasonHostUnknown, ReasonHasMoved:
		return true
	case ReasonNotAccept:
		return permanent
	}
	return false
}
