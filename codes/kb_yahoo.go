package codes

// Yahoo and AOL (also Verizon, AT&T and Comcast consumer mail hosted by
// Yahoo). Yahoo's replies carry bracket codes such as [TSS04].

const (
	kbSrcYahoo     = "Yahoo Sender Hub, \"SMTP Error Codes\" (senders.yahooinc.com/smtp-error-codes); bracket codes and wording from real Yahoo bounces"
	kbSrcYahooTS03 = "Yahoo help article SLN3436 (help.yahoo.com) on [TS03]; Yahoo Sender Hub (senders.yahooinc.com/smtp-error-codes)"
)

var (
	kbLinkYahooErrors  = Link{"Yahoo Sender Hub: SMTP error codes", "https://senders.yahooinc.com/smtp-error-codes"}
	kbLinkYahooBest    = Link{"Yahoo Sender Hub: best practices", "https://senders.yahooinc.com/best-practices/"}
	kbLinkYahooCFL     = Link{"Yahoo complaint feedback loop", "https://senders.yahooinc.com/complaint-feedback-loop/"}
	kbLinkYahooSupport = Link{"Yahoo Sender Hub (support requests)", "https://senders.yahooinc.com/"}
)

var kbFixYahooDeferral = []string{
	"Slow down sending to Yahoo/AOL: fewer connections and messages per minute; let deferred mail retry with backoff.",
	"Look at complaints (sign up for Yahoo's complaint feedback loop) and remove complainers and unengaged recipients.",
	"Make sure SPF, DKIM and DMARC pass, and bulk mail has one-click unsubscribe.",
	"If deferrals persist for days with clean practices, open a case with Yahoo sender support.",
}

// kbYahoo is Yahoo's entry table.
var kbYahoo = kbTable{"yahoo", kbSrcYahoo, []Entry{
	{ID: "yahoo-421-resources", Reply: 421, Source: kbSrcYahoo + "; secondary: smtp.codes",
		Match: []string{"resources temporarily unavailable"},
		Title: "Yahoo busy", Meaning: "Yahoo's servers are busy and deferred the connection.",
		Actor: ActorNobody, Retry: RetryLater, Reason: ReasonSystemError, Fix: []string{kbFixRetryBackoff}, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-451-max-messages", Reply: 451, Source: kbSrcYahoo + "; secondary: smtp.codes",
		Match: []string{"max message per connection reached", "max message per connection"},
		Title: "Too many messages per connection (Yahoo)", Meaning: "Your server sent more messages in one connection than Yahoo allows; the rest are deferred.",
		Actor: ActorSender, Retry: RetryLater, Reason: ReasonSpeeding,
		Fix: []string{"Send fewer messages per connection to Yahoo (open a new connection after a few messages).", kbFixRetryBackoff}, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-451-unresolvable", Reply: 451,
		Match: []string{"unresolvable rfc.5321 from domain", "unresolvable rfc"},
		Title: "Sender domain does not resolve (Yahoo, temporary)", Meaning: "The domain of your MAIL FROM or From address did not resolve in DNS (Yahoo checks its SOA record).",
		Actor: ActorSender, Retry: RetryLater, Reason: ReasonRejected,
		Fix: []string{"Check that your sending domain's DNS answers from outside: SOA, and A or MX records.", "Fix the name servers if lookups fail, then let the mail retry."}, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-554-disabled", Reply: 554, Source: kbSrcYahoo + " (AOL wording unverified)",
		Match: []string{"this mailbox is disabled", "mailbox is disabled"},
		Title: "Mailbox disabled (AOL/Yahoo)", Meaning: "The recipient's AOL or Yahoo mailbox is disabled.",
		Actor: ActorSender, Retry: RetryNo, Reason: ReasonSuspend, HardBounce: true,
		Fix: []string{"Remove the address from your lists.", "Ask the person for a current address."}, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-554-no-account", Reply: 554,
		Match: []string{"this user doesn't have a yahoo.com account", "doesn't have a yahoo.com account", "doesn't have a yahoo", "doesn't have an aol.com account"},
		Title: "No such Yahoo account", Meaning: "The Yahoo (or AOL) address does not exist.",
		Actor: ActorSender, Retry: RetryNo, Reason: ReasonUserUnknown, Fix: kbFixRemoveAddress, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-554-ph01", Reply: 554, Token: "[PH01]",
		Match: []string{"email not accepted for policy reasons"},
		Title: "Content refused (Yahoo [PH01])", Meaning: "Yahoo refused the message for its content, for example links to malware or phishing pages (\"PH\" codes are content-based).",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonSpamDetected,
		Fix: []string{"Check every linked URL and domain in the message (including tracking domains) against blocklists such as Spamhaus DBL and Google Safe Browsing.", "Remove or replace bad links and attachments, then resend."}, Links: []Link{kbLinkYahooErrors, kbLinkSpamhausCheck}},
	{ID: "yahoo-554-unresolvable", Reply: 554,
		Match: []string{"unresolvable rfc.5321 from domain", "unresolvable rfc"},
		Title: "Sender domain does not resolve (Yahoo)", Meaning: "The domain of your MAIL FROM or From address does not exist in DNS (Yahoo checks its SOA), so the message was refused.",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonRejected,
		Fix: []string{"Use a sending domain that exists and publishes DNS (SOA, A or MX).", "Resend."}, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-421-4.7.0-ts01", Reply: 421, Status: EnhancedCode{4, 7, 0}, Token: "[TS01]",
		Match: []string{"temporarily deferred due to user complaints"},
		Title: "Deferred for user complaints (Yahoo [TS01])", Meaning: "Yahoo defers mail from your IP because of user complaints (older form of [TSS04]).",
		Actor: ActorSender, Retry: RetryLater, Reason: ReasonBadReputation, Fix: kbFixYahooDeferral, Links: []Link{kbLinkYahooErrors, kbLinkYahooCFL}},
	{ID: "yahoo-421-4.7.0-ts02", Reply: 421, Status: EnhancedCode{4, 7, 0}, Token: "[TS02]", Source: kbSrcYahoo + " (meaning of [TS02] unverified)",
		Match: []string{"temporarily deferred"},
		Title: "Temporarily deferred (Yahoo [TS02])", Meaning: "Yahoo deferred mail from your IP; [TS02] is in the same family as [TSS04] (volume or complaints).",
		Actor: ActorSender, Retry: RetryLater, Reason: ReasonBadReputation, Fix: kbFixYahooDeferral, Links: []Link{kbLinkYahooErrors}},
	{ID: "yahoo-421-4.7.0-tss04", Reply: 421, Status: EnhancedCode{4, 7, 0}, Token: "[TSS04]",
		Match: []string{"temporarily deferred due to unexpected volume or user complaints", "unexpected volume or user complaints"},
		Title: "Deferred for volume or complaints (Yahoo [TSS04])", Meaning: "Yahoo temporarily defers mail from your IP because of unexpected volume or user complaints. It is a reputation signal: a deferral that persists means slow down and investigate, not retry harder.",
		Actor: ActorSender, Retry: RetryLater, Reason: ReasonBadReputation, Fix: kbFixYahooDeferral, Links: []Link{kbLinkYahooErrors, kbLinkYahooCFL}},
	{ID: "yahoo-421-4.7.1-ts03", Reply: 421, Status: EnhancedCode{4, 7, 1}, Token: "[TS03]", Source: kbSrcYahooTS03,
		Match: []string{"will be permanently deferred", "permanently deferred"},
		Title: "Permanently deferred (Yahoo [TS03])", Meaning: "Yahoo sees volume typical of unsolicited bulk mail from your IP and will keep deferring it. Although the reply is 4xx, Yahoo advises not to resend until your lists and practices are fixed.",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
		Fix: []string{"Stop sending to Yahoo/AOL from this IP for now.", "Clean the lists: only opted-in, engaged recipients; remove unknown users.", "Make sure SPF, DKIM and DMARC pass, then contact Yahoo sender support if deferrals continue."}, Links: []Link{kbLinkYahooErrors, kbLinkYahooSupport}},
	{ID: "yahoo-553-5.7.1-bl21", Reply: 553, Status: EnhancedCode{5, 7, 1}, Token: "[BL21]",
		Match: []string{"not accepted from ip addresses on spamhaus pbl", "spamhaus pbl"},
		Title: "IP on Spamhaus PBL (Yahoo [BL21])", Meaning: "Yahoo refused your IP because it is on the Spamhaus PBL: end-user address space that should not send mail directly.",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
		Fix: []string{"Send through your provider's authenticated relay (smart host) instead of directly.", "If it is a genuine static mail server, remove the IP from the PBL at check.spamhaus.org, then resend."}, Links: []Link{kbLinkSpamhausCheck, kbLinkYahooErrors}},
	{ID: "yahoo-553-5.7.1-bl23", Reply: 553, Status: EnhancedCode{5, 7, 1}, Token: "[BL23]", Source: kbSrcYahoo + " (meaning of [BL23] unverified)",
		Match: []string{"spamhaus xbl"},
		Title: "IP on a Spamhaus list (Yahoo [BL23])", Meaning: "Yahoo refused your IP because of a Spamhaus listing, reported to be the XBL (exploited hosts).",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
		Fix: []string{"Look up the IP at check.spamhaus.org.", "Clean any infected or compromised machine behind the IP, then self-remove there and resend."}, Links: []Link{kbLinkSpamhausCheck}},
	{ID: "yahoo-553-5.7.2-tss09", Reply: 553, Status: EnhancedCode{5, 7, 2}, Token: "[TSS09]",
		Match: []string{"retrying will not succeed", "permanently deferred"},
		Title: "IP permanently deferred (Yahoo [TSS09])", Meaning: "Yahoo permanently refuses your IP for its reputation (causes named by Yahoo include a Spamhaus listing and policy). Retrying will not succeed.",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
		Fix: []string{"Do not retry.", "Check the IP at check.spamhaus.org and fix the reputation problem (lists, complaints, authentication).", "Then ask Yahoo sender support to review the IP."}, Links: []Link{kbLinkYahooSupport, kbLinkSpamhausCheck}},
	{ID: "yahoo-553-5.7.2-tss11", Reply: 553, Status: EnhancedCode{5, 7, 2}, Token: "[TSS11]",
		Match: []string{"retrying will not succeed", "permanently deferred"},
		Title: "IP permanently deferred (Yahoo [TSS11])", Meaning: "Yahoo permanently refuses your IP for its reputation. Retrying will not succeed.",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
		Fix: []string{"Do not retry.", "Fix the reputation problem (lists, complaints, authentication, blocklists).", "Then ask Yahoo sender support to review the IP."}, Links: []Link{kbLinkYahooSupport}},
	{ID: "yahoo-554-5.7.9", Reply: 554, Status: EnhancedCode{5, 7, 9}, Default: true, AgainstIANA: true,
		Match: []string{"message not accepted for policy reasons"},
		Title: "Not accepted for policy reasons (Yahoo)", Meaning: "Yahoo refused the message under its policy: content or authentication (texts like \"Yahoo requires all senders to authenticate\" mean an SPF/DKIM failure).",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonPolicyViolation,
		Fix: []string{"Read the rest of the text: if it mentions authentication, fix SPF, DKIM and DMARC.", "Otherwise review content and links (see Yahoo's best practices).", "Resend after the fix."}, Links: []Link{kbLinkYahooErrors, kbLinkYahooBest}},
	{ID: "yahoo-554-5.7.9-auth", Reply: 554, Status: EnhancedCode{5, 7, 9},
		Match: []string{"yahoo requires all senders to authenticate with", "requires all senders to authenticate"},
		Title: "Unauthenticated mail refused (Yahoo)", Meaning: "Yahoo requires every sender to authenticate with SPF or DKIM (bulk senders: both, plus DMARC); this message failed.",
		Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonAuthFailure, Fix: kbFixAuth, Links: []Link{kbLinkYahooBest}},
}}
