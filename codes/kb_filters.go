package codes

// Filtering gateways and security services (Mimecast, Proofpoint, Barracuda,
// Cisco, Trend Micro, Broadcom/Symantec MessageLabs, Cloudflare Email
// Routing) and sending platforms whose bounce notifications carry their own
// classification (Amazon SES, SendGrid).

const (
	kbSrcMimecast    = "Real Mimecast bounces and the Mimecast community page they link (community.mimecast.com/docs/DOC-1369); secondary: Suped write-ups"
	kbSrcProofpoint  = "Real Proofpoint bounces and the lookup pages they link (ipcheck.proofpoint.com, support.proofpoint.com/dnsbl-lookup.cgi)"
	kbSrcBarracuda   = "Real Barracuda bounces; Barracuda Central (barracudacentral.org/lookups, /rbl/removal-request)"
	kbSrcCisco       = "Real bounces from Cisco Secure Email (IronPort) gateways; Cisco's documentation not read (attribution partly unverified)"
	kbSrcTrend       = "Real Trend Micro bounces and the lookup page they link (mail-abuse.com)"
	kbSrcMessageLabs = "One real reply text; Broadcom knowledge base not read (attribution unverified)"
	kbSrcCloudflare  = "Cloudflare, \"Email Routing postmaster\" (developers.cloudflare.com/email-routing/postmaster/)"
	kbSrcSES         = "Amazon SES, \"Contents of notifications for Amazon SES\" (docs.aws.amazon.com/ses/latest/dg/notification-contents.html)"
	kbSrcSendGrid    = "Twilio SendGrid Bounces API, \"Retrieve bounces by specific classification\" (twilio.com/docs/sendgrid/api-reference/bounces-api)"
)

var (
	kbLinkMimecast   = Link{"Mimecast: SMTP error codes", "https://community.mimecast.com/docs/DOC-1369"}
	kbLinkPPCheck    = Link{"Proofpoint IP reputation check and removal", "https://ipcheck.proofpoint.com/"}
	kbLinkBarracuda  = Link{"Barracuda Central lookup", "https://www.barracudacentral.org/lookups"}
	kbLinkBarracudaR = Link{"Barracuda removal request", "https://www.barracudacentral.org/rbl/removal-request"}
	kbLinkTrend      = Link{"Trend Micro reputation lookup (mail-abuse.com)", "http://www.mail-abuse.com/cgi-bin/lookup"}
	kbLinkCloudflare = Link{"Cloudflare Email Routing postmaster", "https://developers.cloudflare.com/email-routing/postmaster/"}
	kbLinkSES        = Link{"Amazon SES notification contents", "https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html"}
	kbLinkSESSupp    = Link{"Amazon SES account-level suppression list", "https://docs.aws.amazon.com/ses/latest/dg/sending-email-suppression-list.html"}
	kbLinkSendGrid   = Link{"SendGrid Bounces API", "https://www.twilio.com/docs/sendgrid/api-reference/bounces-api"}
)

var kbFixSESDiag = "Read the receiving server's own text in bouncedRecipients[].diagnosticCode and decode it too: it names the real cause."

// kbFilters holds the tables of filtering services and sending services,
// sorted by provider id.
var kbFilters = []kbTable{
	{"amazonses", kbSrcSES, []Entry{
		{ID: "amazonses-permanent-general",
			Match: []string{`"bouncetype":"permanent","bouncesubtype":"general"`},
			Title: "Hard bounce (Amazon SES: Permanent/General)", Meaning: "Amazon SES reports a permanent bounce, typically an address that does not exist.",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonUserUnknown, HardBounce: true,
			Fix: []string{"Remove the address from your lists (SES may suppress it for you).", kbFixSESDiag}, Links: []Link{kbLinkSES}},
		{ID: "amazonses-permanent-noemail",
			Match: []string{`"bouncetype":"permanent","bouncesubtype":"noemail"`},
			Title: "Address does not exist (Amazon SES: Permanent/NoEmail)", Meaning: "Amazon SES reports that the target address does not exist.",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonUserUnknown, Fix: kbFixRemoveAddress, Links: []Link{kbLinkSES}},
		{ID: "amazonses-permanent-onaccountsuppressionlist",
			Match: []string{`"bouncetype":"permanent","bouncesubtype":"onaccountsuppressionlist"`},
			Title: "On your account's suppression list (Amazon SES)", Meaning: "SES did not even try to deliver: the address is on your account-level suppression list (it bounced or complained before).",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonSuppressed,
			Fix: []string{"Stop sending to it; it is already suppressed.", "Only if you are sure the address works again, remove it from the suppression list in the SES console."}, Links: []Link{kbLinkSESSupp}},
		{ID: "amazonses-permanent-suppressed",
			Match: []string{`"bouncetype":"permanent","bouncesubtype":"suppressed"`},
			Title: "On Amazon SES's global suppression list", Meaning: "SES did not deliver: the address recently hard-bounced for SES senders and is on SES's global suppression list.",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonSuppressed,
			Fix: []string{"Remove the address from your lists.", "Do not try to get around the suppression: the address bounced recently."}, Links: []Link{kbLinkSES}},
		{ID: "amazonses-permanent-unsubscribedrecipient", Source: kbSrcSES + " (newer value, secondary)",
			Match: []string{`"bouncetype":"permanent","bouncesubtype":"unsubscribedrecipient"`},
			Title: "Recipient unsubscribed (Amazon SES)", Meaning: "The recipient unsubscribed, so SES did not send.",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonSuppressed,
			Fix: []string{"Remove the address from the list it unsubscribed from.", "Honour unsubscribes in your own system so this does not recur."}, Links: []Link{kbLinkSES}},
		{ID: "amazonses-transient-attachmentrejected",
			Match: []string{`"bouncetype":"transient","bouncesubtype":"attachmentrejected"`},
			Title: "Attachment rejected (Amazon SES: Transient)", Meaning: "The receiver refused an attachment of the message.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonSecurityError,
			Fix: []string{"Remove or change the attachment (type, size) or share it by link.", "Resend."}, Links: []Link{kbLinkSES}},
		{ID: "amazonses-transient-contentrejected",
			Match: []string{`"bouncetype":"transient","bouncesubtype":"contentrejected"`},
			Title: "Content rejected (Amazon SES: Transient)", Meaning: "The receiver refused the content of the message.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonSpamDetected, Fix: kbSteps([]string{kbFixSESDiag}, kbFixContent), Links: []Link{kbLinkSES}},
		{ID: "amazonses-transient-general",
			Match: []string{`"bouncetype":"transient","bouncesubtype":"general"`},
			Title: "Soft bounce (Amazon SES: Transient/General)", Meaning: "Amazon SES reports a temporary failure.",
			Actor: ActorNobody, Retry: RetryLater, Reason: ReasonOnHold, Fix: []string{"Retry later; do not remove the address for a soft bounce alone.", kbFixSESDiag}, Links: []Link{kbLinkSES}},
		{ID: "amazonses-transient-mailboxfull",
			Match: []string{`"bouncetype":"transient","bouncesubtype":"mailboxfull"`},
			Title: "Mailbox full (Amazon SES: Transient)", Meaning: "The recipient's mailbox is full.",
			Actor: ActorRecipient, Retry: RetryLater, Reason: ReasonMailboxFull, Fix: []string{"Retry in a few days.", "Remove the address if it stays full for weeks."}, Links: []Link{kbLinkSES}},
		{ID: "amazonses-transient-messagetoolarge",
			Match: []string{`"bouncetype":"transient","bouncesubtype":"messagetoolarge"`},
			Title: "Message too large (Amazon SES: Transient)", Meaning: "The message was too large for the receiver.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonMesgTooBig, Fix: kbFixSize, Links: []Link{kbLinkSES}},
		{ID: "amazonses-undetermined",
			Match: []string{`"bouncetype":"undetermined"`},
			Title: "Undetermined bounce (Amazon SES)", Meaning: "Amazon SES could not classify the bounce; treat it as temporary.",
			Actor: ActorNobody, Retry: RetryLater, Reason: ReasonOnHold, Fix: []string{kbFixSESDiag, "Treat it as transient unless the diagnostic says otherwise."}, Links: []Link{kbLinkSES}},
	}},
	{"barracuda", kbSrcBarracuda, []Entry{
		{ID: "barracuda-554", Reply: 554,
			Match: []string{"blocked using barracuda reputation", "barracuda reputation"},
			Title: "Connection refused: Barracuda reputation", Meaning: "A Barracuda gateway refused the connection from your IP because it is on the Barracuda Reputation Block List.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Look up the IP at barracudacentral.org/lookups.", "Fix the cause, then request removal at barracudacentral.org/rbl/removal-request.", "Resend once removed."}, Links: []Link{kbLinkBarracuda, kbLinkBarracudaR}},
		{ID: "barracuda-550-5.7.1", Reply: 550, Status: EnhancedCode{5, 7, 1},
			Match: []string{"blocked using barracuda reputation"},
			Title: "IP on the Barracuda Reputation Block List", Meaning: "A Barracuda gateway refused your IP because it is on the Barracuda Reputation Block List (BRBL).",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Look up the IP at barracudacentral.org/lookups.", "Fix the cause, then request removal at barracudacentral.org/rbl/removal-request.", "Resend once removed."}, Links: []Link{kbLinkBarracuda, kbLinkBarracudaR}},
	}},
	{"cisco", kbSrcCisco, []Entry{
		{ID: "cisco-554-reputation", Reply: 554,
			Match: []string{"rejected due to the sending mta's poor reputation", "poor reputation"},
			Title: "Rejected for poor sender reputation (Cisco)", Meaning: "The recipient's gateway refused your server because of its poor reputation (SenderBase / Talos reputation).",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBadReputation,
			Fix: []string{"Find and fix the cause of the poor reputation (spam complaints, compromised accounts, blocklist listings: check.spamhaus.org).", "Ask the recipient's admin to allow your IP on their gateway if the mail is wanted, then resend."}, Links: []Link{kbLinkSpamhausCheck}},
		{ID: "cisco-550-5.1.0", Reply: 550, Status: EnhancedCode{5, 1, 0}, Default: true,
			Match: []string{"address rejected"},
			Title: "Recipient rejected by the gateway (Cisco)", Meaning: "The recipient's email security gateway refused the address (\"#5.1.0 Address rejected\"): it does not exist at the organisation.",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonUserUnknown, Fix: kbFixRemoveAddress, Links: []Link{}},
	}},
	{"cloudflare", kbSrcCloudflare, []Entry{
		{ID: "cloudflare-550-auth", Reply: 550,
			Match: []string{"email routing requires", "does not pass spf or dkim", "spf or dkim"},
			Title: "Unauthenticated mail refused (Cloudflare Email Routing)", Meaning: "Cloudflare Email Routing only forwards mail that passes SPF or DKIM, and enforces the sender's DMARC policy.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonAuthFailure, Fix: kbFixAuth, Links: []Link{kbLinkCloudflare}},
		{ID: "cloudflare-554-rbl", Reply: 554,
			Match: []string{"found on one or more rbls", "one or more rbls"},
			Title: "Sender IP on a blocklist (Cloudflare Email Routing)", Meaning: "Cloudflare Email Routing refused your IP because it is on one or more realtime blocklists.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Check the IP on the common blocklists (check.spamhaus.org, barracudacentral.org/lookups, spamcop.net).", "Delist and resend."}, Links: []Link{kbLinkSpamhausCheck, kbLinkCloudflare}},
		{ID: "cloudflare-421-4.3.0", Reply: 421, Status: EnhancedCode{4, 3, 0}, Default: true,
			Match: []string{"upstream error"},
			Title: "Forwarding target failed temporarily (Cloudflare Email Routing)", Meaning: "Cloudflare Email Routing could not hand the message to the forward destination or Email Worker for now.",
			Actor: ActorNobody, Retry: RetryLater, Reason: ReasonSystemError, Fix: []string{kbFixRetryBackoff}, Links: []Link{kbLinkCloudflare}},
		{ID: "cloudflare-521-5.3.0", Reply: 521, Status: EnhancedCode{5, 3, 0}, Default: true, Source: kbSrcCloudflare + "; secondary",
			Match: []string{"upstream error"},
			Title: "Forwarding target failed (Cloudflare Email Routing)", Meaning: "The recipient's Cloudflare Email Worker or forward destination failed and Cloudflare treats it as permanent.",
			Actor: ActorRecipient, Retry: RetryAfterFix, Reason: ReasonSystemError, Fix: []string{"Tell the recipient: their Cloudflare Email Routing worker or destination fails.", "Resend once they fix it."}, Links: []Link{kbLinkCloudflare}},
		{ID: "cloudflare-550-5.7.1-forwarded", Reply: 550, Status: EnhancedCode{5, 7, 1}, Source: kbSrcCloudflare + "; secondary",
			Match: []string{"(s3150)", "part of their network is on our block list"},
			Title: "Microsoft refused Cloudflare's forwarding IP", Meaning: "The message was forwarded by Cloudflare Email Routing and Microsoft refused Cloudflare's forwarding IP (S3150), not your server.",
			Actor: ActorRecipient, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Nothing to fix at the origin.", "Tell the recipient: their forwarding to Microsoft is blocked; they should deliver to the mailbox directly or change forwarding."}, Links: []Link{kbLinkCloudflare}},
	}},
	{"messagelabs", kbSrcMessageLabs, []Entry{
		{ID: "messagelabs-553-policy",
			Match: []string{"connection rejected by policy"},
			Title: "Connection rejected by policy (Symantec / MessageLabs)", Meaning: "The recipient's Broadcom (Symantec) Email Security.cloud service refused the connection under a policy; the number in brackets names the rule, but Broadcom does not publish them.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Check your IP on public blocklists and your authentication.", "Ask the recipient's admin to check their Email Security.cloud policy for your IP or domain, quoting the full reply.", "Resend once they clear it."}, Links: []Link{}},
	}},
	{"mimecast", kbSrcMimecast, []Entry{
		{ID: "mimecast-550-antispoofing", Reply: 550,
			Match: []string{"rejected by header based anti-spoofing policy", "anti-spoofing policy"},
			Title: "Anti-spoofing policy (Mimecast)", Meaning: "The message claims a domain the recipient protects (often the recipient's own) but came from a source Mimecast does not trust for it.",
			Actor: ActorRecipient, Retry: RetryAfterFix, Reason: ReasonPolicyViolation,
			Fix: []string{"If you legitimately send as the recipient's domain (a service they hired), they must add an anti-spoofing exception for your IPs.", "Make sure SPF and DKIM pass for that domain, then resend."}, Links: []Link{kbLinkMimecast}},
		{ID: "mimecast-550-user-domain-entry", Reply: 550,
			Match: []string{"envelope blocked - user domain entry", "user domain entry"},
			Title: "Your domain blocked by the recipient (Mimecast)", Meaning: "The recipient or their admin blocked your whole domain in Mimecast.",
			Actor: ActorRecipient, Retry: RetryAfterFix, Reason: ReasonRejected, Fix: kbFixAskRecipient, Links: []Link{kbLinkMimecast}},
		{ID: "mimecast-550-user-entry", Reply: 550,
			Match: []string{"envelope blocked - user entry"},
			Title: "Your address blocked by the recipient (Mimecast)", Meaning: "The recipient personally blocked your address in Mimecast.",
			Actor: ActorRecipient, Retry: RetryAfterFix, Reason: ReasonRejected, Fix: kbFixAskRecipient, Links: []Link{kbLinkMimecast}},
		{ID: "mimecast-554-spam-signature", Reply: 554,
			Match: []string{"email rejected due to security policies", "mcspamsignature"},
			Title: "Spam signature matched (Mimecast)", Meaning: "Mimecast matched a spam signature in the message (MCSpamSignature).",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonSpamDetected, Fix: kbSteps(kbFixContent, []string{"The recipient's admin can allow-list you in Mimecast if the mail is wanted."}), Links: []Link{kbLinkMimecast}},
	}},
	{"proofpoint", kbSrcProofpoint, []Entry{
		{ID: "proofpoint-dynamic-reputation",
			Match: []string{"blocked using proofpoint dynamic reputation", "proofpoint dynamic reputation"},
			Title: "IP blocked by Proofpoint Dynamic Reputation", Meaning: "Proofpoint's reputation service blocks your sending IP.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Check the IP at ipcheck.proofpoint.com and request removal there.", "Resend once removed."}, Links: []Link{kbLinkPPCheck}},
		{ID: "proofpoint-reputation-services",
			Match: []string{"refused by proofpoint reputation services", "proofpoint reputation"},
			Title: "Refused by Proofpoint Reputation Services", Meaning: "Proofpoint's reputation service refused your sending IP.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Check the IP at ipcheck.proofpoint.com and request removal there.", "Resend once removed."}, Links: []Link{kbLinkPPCheck}},
		{ID: "proofpoint-550-5.7.0", Reply: 550, Status: EnhancedCode{5, 7, 0},
			Match: []string{"blocked - see https://ipcheck.proofpoint.com", "ipcheck.proofpoint.com"},
			Title: "IP blocked by Proofpoint Dynamic Reputation", Meaning: "Proofpoint's reputation service blocks your sending IP.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Open ipcheck.proofpoint.com with your IP and read the reason.", "Fix the cause and submit the removal request on that page.", "Resend once removed."}, Links: []Link{kbLinkPPCheck}},
	}},
	{"sendgrid", kbSrcSendGrid, []Entry{
		{ID: "sendgrid-content", Match: []string{`"classification":"content"`, "classification: content"},
			Title: "Bounce for content (SendGrid)", Meaning: "SendGrid classifies the bounce as a content refusal.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonSpamDetected, Fix: kbFixContent, Links: []Link{kbLinkSendGrid}},
		{ID: "sendgrid-frequency", Match: []string{`"classification":"frequency or volume too high"`, "classification: frequency or volume too high"},
			Title: "Frequency or volume too high (SendGrid)", Meaning: "SendGrid classifies the bounce as a rate or volume refusal by the receiver.",
			Actor: ActorSender, Retry: RetryLater, Reason: ReasonSpeeding, Fix: []string{"Slow down sending to that provider; SendGrid retries deferrals for up to 72 hours.", "Spread campaigns over time."}, Links: []Link{kbLinkSendGrid}},
		{ID: "sendgrid-invalid-address", Match: []string{`"classification":"invalid address"`, "classification: invalid address"},
			Title: "Invalid address (SendGrid)", Meaning: "SendGrid classifies the bounce as an invalid address.",
			Actor: ActorSender, Retry: RetryNo, Reason: ReasonUserUnknown, HardBounce: true, Fix: kbFixRemoveAddress, Links: []Link{kbLinkSendGrid}},
		{ID: "sendgrid-mailbox-unavailable", Match: []string{`"classification":"mailbox unavailable"`, "classification: mailbox unavailable"},
			Title: "Mailbox unavailable (SendGrid)", Meaning: "SendGrid classifies the bounce as an unavailable mailbox (disabled, full or otherwise not accepting).",
			Actor: ActorRecipient, Retry: RetryLater, Reason: ReasonSuspend, Fix: []string{"Read the receiver's text in the bounce reason.", "Retry later; remove the address if it keeps bouncing."}, Links: []Link{kbLinkSendGrid}},
		{ID: "sendgrid-reputation", Match: []string{`"classification":"reputation"`, "classification: reputation"},
			Title: "Reputation (SendGrid)", Meaning: "SendGrid classifies the bounce as a refusal for the sending IP's or domain's reputation.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBadReputation, Fix: kbFixReputation, Links: []Link{kbLinkSendGrid}},
		{ID: "sendgrid-technical-failure", Match: []string{`"classification":"technical failure"`, "classification: technical failure"},
			Title: "Technical failure (SendGrid)", Meaning: "SendGrid classifies the bounce as a technical failure (DNS, connection, receiver error).",
			Actor: ActorNobody, Retry: RetryLater, Reason: ReasonSystemError, Fix: []string{"Read the receiver's text in the bounce reason.", "Retry later."}, Links: []Link{kbLinkSendGrid}},
		{ID: "sendgrid-unclassified", Match: []string{`"classification":"unclassified"`, "classification: unclassified"},
			Title: "Unclassified bounce (SendGrid)", Meaning: "SendGrid could not classify the bounce.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonOnHold, Fix: []string{"Read the receiver's text in the bounce reason and decode it."}, Links: []Link{kbLinkSendGrid}},
	}},
	{"trendmicro", kbSrcTrend, []Entry{
		{ID: "trendmicro-deferred",
			Match: []string{"deferred using trend micro email reputation", "deferred using trend micro"},
			Title: "Deferred by Trend Micro reputation", Meaning: "Trend Micro's dynamic reputation list defers your IP for now.",
			Actor: ActorSender, Retry: RetryLater, Reason: ReasonBadReputation, Fix: []string{"Reduce volume; let the mail retry with backoff.", "Check the IP at the mail-abuse.com lookup."}, Links: []Link{kbLinkTrend}},
		{ID: "trendmicro-ers",
			Match: []string{"blocked by trend micro email reputation service", "blocked using trend micro email reputation services", "trend micro email reputation"},
			Title: "Blocked by Trend Micro Email Reputation Services", Meaning: "Trend Micro's Email Reputation Services block your sending IP.",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Look up the IP at the mail-abuse.com lookup.", "Fix the cause and request removal there, then resend."}, Links: []Link{kbLinkTrend}},
		{ID: "trendmicro-550-5.7.1-rbl", Reply: 550, Status: EnhancedCode{5, 7, 1},
			Match: []string{"blocked using trend micro rbl+", "trend micro rbl"},
			Title: "IP on Trend Micro RBL+", Meaning: "Your sending IP is on Trend Micro's reputation list (RBL+).",
			Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonBlocked,
			Fix: []string{"Look up the IP with the link in the reply (mail-abuse.com).", "Fix the cause and request removal there, then resend."}, Links: []Link{kbLinkTrend}},
	}},
}
