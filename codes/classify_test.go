package codes

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// clsStatus parses an enhanced status code for the test tables.
func clsStatus(t testing.TB, s string) EnhancedCode {
	t.Helper()
	if s == "" {
		return EnhancedCode{}
	}
	e, err := ParseEnhancedCode(s)
	if err != nil {
		t.Fatalf("bad status %q: %v", s, err)
	}
	return e
}

// clsReply parses a reply code for the test tables.
func clsReply(t testing.TB, s string) ReplyCode {
	t.Helper()
	if s == "" {
		return 0
	}
	r, err := ParseReplyCode(s)
	if err != nil {
		t.Fatalf("bad reply code %q: %v", s, err)
	}
	return r
}

// TestClassifyReason checks the classifier on failures as the readers hand
// them over: the diagnostics are real wording of mail servers (from the
// corpus and from provider documentation), with the reason other bounce
// tools give them.
func TestClassifyReason(t *testing.T) {
	tests := []struct {
		name     string
		diag     string
		reply    string
		status   string
		command  string
		action   string
		provider string
		reader   string
		context  string
		hint     Reason
		want     Reason
	}{
		// user unknown, and its twin after DATA: a filter.
		{name: "postfix user unknown", diag: "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table", reply: "550", status: "5.1.1", command: "RCPT", want: ReasonUserUnknown},
		{name: "qmail chkusr", diag: "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)", reply: "550", status: "5.1.1", want: ReasonUserUnknown},
		{name: "exchange recipnotfound", diag: "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", reply: "550", status: "5.1.1", want: ReasonUserUnknown},
		{name: "5.2.1 user unknown at rcpt", diag: "550 5.2.1 <kijitora@example.jp>... User Unknown", reply: "550", status: "5.2.1", command: "RCPT", want: ReasonUserUnknown},
		{name: "5.2.1 user unknown without command", diag: "550 5.2.1 <kijitora@example.jp>... User Unknown", reply: "550", status: "5.2.1", want: ReasonFiltered},
		{name: "user unknown after data", diag: "550 : User unknown", reply: "550", want: ReasonFiltered},
		{name: "user unknown naming the address", diag: "550 <nobody@ezweb.ne.jp>: User unknown", reply: "550", command: "RCPT", want: ReasonUserUnknown},
		{name: "unknown user no command", diag: "550 Unknown user kijitora@example.jp", reply: "550", want: ReasonFiltered},
		{name: "pasted reply user unknown", diag: "550 User unknown", reply: "550", reader: "reply", want: ReasonUserUnknown},
		{name: "yahoo dd no account", diag: "554 delivery error: dd This user doesn't have a yahoo.com account (nobody@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com", reply: "554", command: "RCPT", want: ReasonUserUnknown},
		{name: "gmail no such user", diag: "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser - gsmtp", reply: "550", status: "5.1.1", want: ReasonUserUnknown},
		{name: "outlook mailbox unavailable", diag: "550 Requested action not taken: mailbox unavailable (-0000000022:2222:-0000000022)", reply: "550", status: "5.5.0", command: "RCPT", want: ReasonUserUnknown},
		{name: "access denied at rcpt", diag: "554 5.7.1 <kijitora@example.ch>: Recipient address rejected: Access denied", reply: "554", status: "5.7.1", command: "RCPT", want: ReasonUserUnknown},
		{name: "microsoft 5.1.10", diag: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", reply: "550", status: "5.1.10", provider: "microsoft", want: ReasonUserUnknown},

		// mailbox and message limits
		{name: "mailbox full", diag: "552 5.2.2 <kijitora@example.com>: Recipient address rejected: Mailbox full", reply: "552", status: "5.2.2", want: ReasonMailboxFull},
		{name: "over quota with 5.1.1", diag: "552 sorry, mailbox kijitora@example.org is over quota temporarily (#5.1.1)", reply: "552", status: "5.1.1", want: ReasonMailboxFull},
		{name: "disk quota", diag: "552 Error: disk quota exceeded", reply: "552", want: ReasonMailboxFull},
		{name: "x-unix quota", diag: "Quota exceeded message delivery failed to /var/mail/box/INBOX", status: "4.3.0", want: ReasonMailboxFull},
		{name: "message too large", diag: "552 5.3.4 Message too large", reply: "552", status: "5.3.4", want: ReasonMesgTooBig},
		{name: "1and1 size", diag: "Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/en/error-messages", want: ReasonMesgTooBig},
		{name: "length exceeds limit", diag: "552 5.2.3 Message length exceeds limit set by recipient", reply: "552", status: "5.2.3", want: ReasonExceedLimit},

		// disabled accounts
		{name: "gmail inactive", diag: "550-5.2.1 The email account that you tried to reach is inactive. https://support.google.com/mail/?p=DisabledUser - gsmtp", reply: "550", status: "5.2.1", want: ReasonSuspend},
		{name: "yahoo disabled", diag: "554 delivery error: dd Sorry your message to kijitora@example.co.jp cannot be delivered. This account has been disabled or discontinued [#102].", reply: "554", want: ReasonSuspend},
		{name: "frozen", diag: "550 Mailbox is frozen. See http://mail.i.ua/err/3/", reply: "550", want: ReasonSuspend},
		{name: "disabled recipient 5.7.13", diag: "525 5.7.13 Disabled recipient address", reply: "525", status: "5.7.13", want: ReasonSuspend},
		{name: "orange account blocked", diag: "550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked. LPN007_426", reply: "550", status: "5.5.0", command: "RCPT", want: ReasonSuspend},

		// hosts and domains
		{name: "host unknown", diag: "550 Host unknown", reply: "550", status: "5.1.2", want: ReasonHostUnknown},
		{name: "postfix host not found", diag: "Host or domain name not found. Name service error for name=neko.example.jp type=AAAA: Host not found", status: "5.4.4", want: ReasonHostUnknown},
		{name: "postfix malformed dns reply", diag: "Name service error for name=example.org type=MX: Malformed or unexpected name server reply", status: "5.4.4", want: ReasonNetworkError},
		{name: "qmail no host", diag: "Sorry, I couldn't find any host named cx.libsisimai.com. (#5.1.2)", status: "5.1.2", want: ReasonHostUnknown},
		{name: "domain not reachable", diag: "554 The mail could not be delivered to the recipient because the domain is not reachable.", reply: "554", status: "5.5.0", want: ReasonHostUnknown},
		{name: "gmail dns error nxdomain", diag: "DNS Error: 80480947 DNS type 'mx' lookup of haineko.org responded with code NXDOMAIN Domain name not found: haineko.org", status: "4.0.0", want: ReasonNetworkError},
		{name: "gmail null mx", diag: "DNS Error: 24275403 DNS type 'mx' lookup of libsisimai.org responded with code NOERROR The domain libsisimai.org doesn't receive email according to the administrator: returned Null MX", status: "4.0.0", want: ReasonNotAccept},
		{name: "does not accept mail", diag: "550 Host does not accept mail", reply: "550", want: ReasonNotAccept},

		// sender side
		{name: "sender domain missing", diag: "553 5.1.8 <root@example.com>... Domain of sender address root@example.com does not exist", reply: "553", status: "5.1.8", command: "MAIL", want: ReasonRejected},
		{name: "unroutable sender", diag: "550 Unroutable sender address", reply: "550", command: "MAIL", want: ReasonRejected},
		{name: "no such domain at mail from", diag: "550 5.1.7 No such domain neko.example.com.", reply: "550", status: "5.1.7", command: "MAIL", want: ReasonRejected},
		{name: "relay access denied", diag: "554 5.7.1 <kijitora@example.com>: Relay access denied", reply: "554", status: "5.7.1", want: ReasonNoRelaying},
		{name: "ses not verified", diag: "554 Message rejected: Email address is not verified. The following identities failed the check in region AP-NORTHEAST-1", reply: "554", want: ReasonNoRelaying},

		// sending host
		{name: "blocked using dnsbl", diag: "521-5.7.1 Service unavailable; client [203.0.113.225] blocked using dnsbl.sorbs.net", reply: "521", status: "5.7.1", want: ReasonBlocked},
		{name: "ip blacklisted", diag: "550 5.7.1 IP address blacklisted by recipient", reply: "550", status: "5.7.1", command: "RCPT", want: ReasonBlocked},
		{name: "use isp smtp", diag: "550 5.7.0 <shironeko@example.jp>... Please use the smtp server of your ISP.", reply: "550", status: "5.7.0", command: "MAIL", want: ReasonBlocked},
		{name: "client host rejected", diag: "450 4.7.1 <c135.example.ne.jp[192.0.2.56]>: Client host rejected: may not be mail exchanger", reply: "450", status: "4.7.1", want: ReasonBlocked},
		{name: "refused at connection", diag: "421 Service not available, closing transmission channel", reply: "421", command: "CONN", want: ReasonBlocked},
		{name: "access denied at connection", diag: "550 Access denied...7d39d5299584f4be", reply: "550", command: "CONN", want: ReasonBlocked},
		{name: "microsoft banned ip", diag: "550 5.7.606 Access denied, banned sending IP [192.0.2.225]. To request removal from this list please visit https://sender.office.com/", reply: "550", status: "5.7.606", want: ReasonBlocked},
		{name: "spamhaus link", diag: "553 http://www.spamhaus.org/query/bl?ip=192.0.2.222", reply: "553", status: "5.1.3", want: ReasonBlocked},
		{name: "no ptr", diag: "571 No PTR Record found. Reverse DNS required:", command: "CONN", want: ReasonRequirePTR},
		{name: "reverse dns 5.7.25", diag: "550 5.7.25 <blocked@libsisimai.net>: Recipient address rejected: Reverse DNS validation failed", reply: "550", status: "5.7.25", want: ReasonRequirePTR},
		{name: "outlook mismatches client ip", diag: "550 domain [example.com] mismatches client ip 192.0.2.225.", reply: "550", status: "5.5.0", want: ReasonRequirePTR},
		{name: "too many connections", diag: "421 Too many concurrent SMTP connections from this IP address; please try again later", reply: "421", want: ReasonTooManyConn},
		{name: "qq frequency", diag: "550 Connection frequency limited [Blocked IP 192.0.2.22]. http://service.mail.qq.com/cgi-bin/help", reply: "550", want: ReasonTooManyConn},
		{name: "too many recipients", diag: "552 Too many recipients", reply: "552", command: "RCPT", want: ReasonTooManyConn},

		// authentication and reputation
		{name: "gmail dmarc", diag: "550-5.7.26 Unauthenticated email from example.jp is not accepted due to domain's DMARC policy. - gsmtp", reply: "550", status: "5.7.26", want: ReasonAuthFailure},
		{name: "microsoft dmarc", diag: "550 5.7.509 Access denied, sending domain [EXAMPLE.JP] does not pass DMARC verification and has a DMARC policy of reject.", reply: "550", status: "5.7.509", want: ReasonAuthFailure},
		{name: "gmail spf hard fail blocked", diag: "550-5.7.26 The MAIL FROM domain [mail4.example.com] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.24]. To best protect our users from spam and phishing, the message has been blocked.", reply: "550", status: "5.7.26", want: ReasonAuthFailure},
		{name: "gmail no authentication 5.7.1", diag: "550-5.7.1 This message does not have authentication information or fails to pass authentication checks. To best protect our users from spam, the message has been blocked.", reply: "550", status: "5.7.1", want: ReasonAuthFailure},
		{name: "exim bad spf", diag: "550 Bad SPF records for [example.org:192.0.2.2], see http://spf.pobox.com/", reply: "550", command: "MAIL", want: ReasonAuthFailure},
		{name: "gmail low reputation", diag: "550-5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address. To best protect our users from spam, the message has been blocked.", reply: "550", status: "5.7.1", want: ReasonBadReputation},
		{name: "microsoft ip reputation", diag: "451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation.", reply: "451", status: "4.7.650", want: ReasonBadReputation},
		{name: "yahoo tss04", diag: "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", reply: "421", status: "4.7.0", want: ReasonBadReputation},
		{name: "gmail starttls", diag: "500 Remote server does not support TLS (state 6).", reply: "500", want: ReasonFailedSTARTTLS},

		// content
		{name: "gmail multiple from", diag: "550-5.7.1 [192.0.2.222 13] Messages with multiple addresses in From: header are not accepted. - gsmtp", reply: "550", status: "5.7.1", want: ReasonNotCompliantRFC},
		{name: "gmail rfc 5322", diag: "550-5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers. - gsmtp", reply: "550", status: "5.7.1", want: ReasonNotCompliantRFC},
		{name: "ube", diag: "550 5.7.1 Message content rejected, UBE, id=22220-02-222", reply: "550", status: "5.7.1", want: ReasonSpamDetected},
		{name: "uribl", diag: "550-REJECTED - Blacklisted URL in message. (example.com) in [black]. See http://lookup.uribl.com.", reply: "550", want: ReasonSpamDetected},
		{name: "virus", diag: "550 Virus Detected; Content Rejected", reply: "550", command: "DATA", want: ReasonVirusDetected},
		{name: "yahoo policy 5.7.9", diag: "554 5.7.9 Message not accepted for policy reasons. See https://senders.yahooinc.com/error-codes", reply: "554", status: "5.7.9", want: ReasonPolicyViolation},
		{name: "denied by policy", diag: "550 Denied by policy", reply: "550", command: "RCPT", want: ReasonPolicyViolation},
		{name: "gmail attachment security", diag: "552-5.7.0 This message was blocked because its content presents a potential security issue. - gsmtp", reply: "552", status: "5.7.0", want: ReasonPolicyViolation},
		{name: "header error after data", diag: "554 5.7.0 Header error (state 18).", reply: "554", status: "5.7.0", command: "DATA", want: ReasonFiltered},
		{name: "facebook preferences", diag: "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.135#rcp Refused due to recipient preferences", reply: "550", status: "5.1.1", want: ReasonFiltered},

		// the remote system and the network
		{name: "loop", diag: "554 5.4.6 Too many hops", reply: "554", status: "5.4.6", want: ReasonNetworkError},
		{name: "connection timed out", diag: "connect to bukkoji.example.org[192.0.2.1]:25: Connection timed out", status: "4.4.1", want: ReasonExpired},
		{name: "retry timeout", diag: "retry timeout exceeded", want: ReasonExpired},
		{name: "queue expired 4.4.7", diag: "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>", reply: "554", status: "4.4.7", want: ReasonExpired},
		{name: "connection refused deferred", diag: "Deferred: Connection refused by mx.example.ne.jp.", status: "4.4.7", want: ReasonBlocked},
		{name: "transaction failed", diag: "554 Transaction failed", reply: "554", command: "MAIL", want: ReasonSystemError},
		{name: "service unavailable", diag: "554 Service currently unavailable", reply: "554", want: ReasonSystemError},
		{name: "mailer error", diag: "554 5.3.0 <mailererror@libsisimai.net>: Recipient address rejected: Mailer error.", reply: "554", status: "5.3.0", want: ReasonMailerError},
		{name: "improper sequence", diag: "503 Improper sequence of commands", reply: "503", status: "5.5.0", want: ReasonSyntaxError},
		{name: "has moved 5.1.6", diag: "550 5.1.6 recipient no longer on server: kijitora@example.jp", reply: "550", status: "5.1.6", want: ReasonHasMoved},
		{name: "securityerror stays", diag: "551 5.7.1 <securityerror@libsisimai.net>: Recipient address rejected: Delivery not authorized.", reply: "551", status: "5.7.1", want: ReasonSecurityError},

		// provider codes
		{name: "cox cdrbl", diag: "550 5.1.0 <bounce@example.com> sender rejected. Refer to Error Codes section at https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CDRBL", reply: "550", status: "5.1.0", want: ReasonBlocked},
		{name: "spectrum 1310", diag: "550 5.1.0 <bounce@example.com> sender rejected. Please see https://www.spectrum.net/support/internet/understanding-email-error-codes for more information. AUP#In-1310", reply: "550", status: "5.1.0", want: ReasonTooManyConn},
		{name: "orange 999", diag: "421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]", reply: "421", want: ReasonBlocked},
		{name: "orange 506", diag: "550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]", reply: "550", status: "5.2.0", want: ReasonSpamDetected},
		{name: "docomo unknown user after data", diag: "550 Unknown user bob@docomo.ne.jp", reply: "550", command: "DATA", provider: "nttdocomo", want: ReasonRejected},
		{name: "docomo by remote mta", diag: "550 Unknown user bob@docomo.ne.jp", reply: "550", context: "Remote-MTA: dns; mfsmax.docomo.ne.jp", want: ReasonRejected},
		{name: "docomo address only", diag: "550 Unknown user bob@docomo.ne.jp", reply: "550", want: ReasonFiltered},
		{name: "google groups", diag: "Hola, bob@example.jp: Queremos informarte de que el grupo ...", provider: "google", context: "visita el Centro de ayuda en https://groups.google.com/support/. Google Groups", want: ReasonRejected},
		{name: "diagnostic empty of phrases, context helps", diag: "because:", context: "bob@example.jp because: User some.name (bob@example.jp) not listed in Domino Directory", want: ReasonUserUnknown},
		{name: "command from context", diag: "550 5.2.1 <bob@example.jp>... User Unknown", status: "5.2.1", context: "host mx.example.jp said: 550 5.2.1 <bob@example.jp>... User Unknown (in reply to RCPT TO command)", want: ReasonUserUnknown},
		{name: "sendmail transcript data", diag: "550 5.2.1 <bob@example.org>... User Unknown", status: "5.2.1", context: ">>> DATA <<< 550 5.2.1 <bob@example.org>... User Unknown", want: ReasonFiltered},
		{name: "qmail name rejected", diag: "Remote host said: 501 5.0.0 Invalid domain name", status: "5.0.0", context: "Connected to 192.0.2.112 but my name was rejected. Remote host said: 501 5.0.0 Invalid domain name", want: ReasonBlocked},
		{name: "status comment", diag: "550 5.2.1 <bob@example.jp>... User Unknown", status: "5.2.1", context: "Action: failed Status: 5.2.1 (mailbox disabled, not accepting messages) Diagnostic-Code: smtp;550 5.2.1 <bob@example.jp>... User Unknown", want: ReasonSuspend},
		{name: "helo rejected host not found", diag: "504 5.5.2 <localhost>: Helo command rejected: Host not found", status: "5.5.2", command: "RCPT", want: ReasonBlocked},
		{name: "null mx 5.1.10 not microsoft", diag: "host/domain does not accept mail", status: "5.1.10", provider: "microsoft", want: ReasonNotAccept},
		{name: "sparkpost suppressed", diag: "554 5.7.1 [internal] recipient address was suppressed due to customer policy", reply: "554", status: "5.7.1", want: ReasonSuppressed},
		{name: "mailgun previously bounced", diag: "Not delivering to previously bounced address", reply: "554", want: ReasonSuppressed},
		{name: "ses account suppression", diag: `{"bounceType":"Permanent","bounceSubType":"OnAccountSuppressionList"}`, provider: "amazonses", want: ReasonSuppressed},
		{name: "messagelabs short reject", diag: "542 kijitora@example.com Rejected", reply: "542", provider: "messagelabs", want: ReasonUserUnknown},
		{name: "messagelabs filtered", diag: "553-Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting for more information. (#5.7.1)", reply: "553", provider: "messagelabs", want: ReasonFiltered},
		{name: "microsoft 5.7.13 disabled", diag: "525 5.7.13 Disabled recipient address", reply: "525", status: "5.7.13", provider: "microsoft", want: ReasonSuspend},
		{name: "exim mail loop", diag: `Too many "Received" headers - suspected mail loop`, want: ReasonContentError},
		{name: "exim protocol synchronization", diag: "SMTP protocol synchronization error (input sent without waiting for greeting)", want: ReasonSyntaxError},
		{name: "exim no smtp service", diag: "an MX or SRV record indicated no SMTP service", want: ReasonNotAccept},
		{name: "courier dns host not found", diag: "DNS Error: Host not found", want: ReasonHostUnknown},
		{name: "qmail no mail exchanger", diag: "Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", want: ReasonNetworkError},
		{name: "opensmtpd no route", diag: "No valid route to destination", want: ReasonNetworkError},
		{name: "mimecast signature", diag: "554 email rejected due to security policies - MCSpamSignature.sa.2.2", reply: "554", want: ReasonVirusDetected},

		// no failure, or too little to say
		{name: "delivered", diag: "250 2.1.5 Ok", reply: "250", status: "2.1.5", action: "delivered", want: ReasonDelivered},
		{name: "hint wins", diag: "whatever", hint: ReasonFeedback, want: ReasonFeedback},
		{name: "firm reader hint", diag: "550 5.2.1 <kijitora@example.jp>... User Unknown", status: "5.2.1", hint: ReasonSuspend, want: ReasonSuspend},
		{name: "vague hint yields to phrases", diag: "mailbox is full: retry timeout exceeded", hint: ReasonExpired, want: ReasonMailboxFull},
		{name: "vague hint kept", diag: "retry timeout exceeded", hint: ReasonExpired, want: ReasonExpired},
		{name: "delayed", diag: "", status: "4.0.0", action: "delayed", want: ReasonExpired},
		{name: "delayed with a vague code", diag: "host mx.example.org said: 421 please come back later", status: "4.4.1", action: "delayed", want: ReasonExpired},
		{name: "delayed with a firm phrase", diag: "452 4.2.2 Mailbox full", status: "4.2.2", action: "delayed", want: ReasonMailboxFull},
		{name: "temporary failure", diag: "450 4.0.0 Temporary failure", reply: "450", status: "4.0.0", want: ReasonOnHold},
		{name: "nothing", want: ReasonUndefined},
		{name: "boilerplate only", diag: "This is the mail system at host mx.example.net. I'm sorry to have to inform you that your message could not be delivered to one or more recipients.", want: ReasonUndefined},
		{name: "unreadable diagnostic", diag: "Failure Reasons: an error the mail system reports in its own words", want: ReasonOnHold},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := clue{
				Diagnostic: tt.diag,
				Reply:      clsReply(t, tt.reply),
				Status:     clsStatus(t, tt.status),
				Command:    tt.command,
				Action:     tt.action,
				Provider:   tt.provider,
				Reader:     tt.reader,
				Context:    tt.context,
				Hint:       tt.hint,
			}
			if got := classifyReason(c); got != tt.want {
				t.Errorf("classifyReason(%q, status %q, command %q) = %q, want %q", tt.diag, tt.status, tt.command, got, tt.want)
			}
		})
	}
}

// TestClassifyReasonCases reads testdata/classify/cases.tsv: one case a
// line, "reason<TAB>status<TAB>command<TAB>diagnostic", taken from
// diagnostics in real bounces.
func TestClassifyReasonCases(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "classify", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.SplitN(text, "\t", 4)
		if len(fields) != 4 {
			t.Fatalf("line %d: want 4 tab-separated fields, got %d", line, len(fields))
		}
		want := Reason(fields[0])
		c := clue{Status: clsStatus(t, fields[1]), Command: fields[2], Diagnostic: fields[3]}
		if d := strings.TrimSpace(fields[3]); len(d) >= 3 {
			if r, err := ParseReplyCode(d[:3]); err == nil {
				c.Reply = r
			}
		}
		n++
		if got := classifyReason(c); got != want {
			t.Errorf("line %d: classifyReason(%q, status %q, command %q) = %q, want %q", line, c.Diagnostic, fields[1], fields[2], got, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("only %d cases read", n)
	}
}

// TestClassifyVocabulary checks that every reason the classifier can return is
// in the shared vocabulary.
func TestClassifyVocabulary(t *testing.T) {
	known := map[Reason]bool{}
	for _, r := range Reasons() {
		known[r] = true
	}
	check := func(where string, r Reason) {
		if !known[r] {
			t.Errorf("%s: reason %q is not in Reasons()", where, r)
		}
	}
	for _, f := range strongPhrases {
		check("strongPhrases", f.reason)
	}
	for _, f := range otherPhrases {
		check("otherPhrases", f.reason)
	}
	for r := range phrases {
		check("phrases", r)
	}
	for class := 4; class <= 5; class++ {
		for subject := 0; subject <= 7; subject++ {
			for detail := 0; detail <= 30; detail++ {
				if r := statusReason(EnhancedCode{class, subject, detail}); r != "" {
					check("statusReason", r)
				}
			}
		}
	}
}

func BenchmarkClassifyReason(b *testing.B) {
	c := clue{
		Diagnostic: "550-5.7.1 [192.0.2.222 13] Messages with multiple addresses in From: header are not accepted. v14si1155795plk.134 - gsmtp",
		Reply:      550,
		Status:     EnhancedCode{5, 7, 1},
		Command:    "DATA",
	}
	for b.Loop() {
		classifyReason(c)
	}
}

func TestNormalizeDiagnostic(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"folded multi-line reply", "550-5.7.1 [192.0.2.222      13] Messages with multiple 550 5.7.1\n  addresses in From: header are not accepted.", "550-5.7.1 [192.0.2.222 13] messages with multiple addresses in from: header are not accepted."},
		{"ses summary", "5.1.0 - Unknown address error 550-'5.2.2 <bob@example.jp>... Mailbox Full'", "550 5.2.2 <bob@example.jp>... mailbox full"},
		{"numbers that are no continuation", "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>", "554 4.4.7 message expired: unable to deliver in 840 minutes.<421 4.4.2 connection timed out>"},
		{"non-ASCII kept", "  Adresse   inconnue: Ümlaut  ", "adresse inconnue: Ümlaut"},
		{"empty", " \r\n\t", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeDiagnostic(tt.in); got != tt.want {
				t.Errorf("normalizeDiagnostic(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkClassifyReasonDSN(b *testing.B) {
	c := clue{
		Diagnostic: "550 5.2.1 <kijitora@example.jp>... User Unknown",
		Reply:      550,
		Status:     EnhancedCode{5, 2, 1},
		Reader:     "dsn",
		Context: "Final-Recipient: rfc822; kijitora@example.jp\nOriginal-Recipient: rfc822;kijitora@example.jp\n" +
			"Action: failed\nStatus: 5.2.1\nRemote-MTA: dns; mx.example.jp\n" +
			"Diagnostic-Code: smtp; 550 5.2.1 <kijitora@example.jp>... User Unknown\n",
	}
	for b.Loop() {
		classifyReason(c)
	}
}

func TestCommandFor(t *testing.T) {
	tests := []struct{ name, text, rcpt, want string }{
		{"postfix", "<kijitora@example.jp>: host mx.example.jp[192.0.2.22] said: 550 5.2.1\n    <kijitora@example.jp>... User Unknown (in reply to RCPT TO command)\n", "kijitora@example.jp", "RCPT"},
		{"postfix end of data", "<neko@example.jp>: host mx.example.jp said: 550 Unknown user (in reply to end of DATA\n    command)", "neko@example.jp", "DATA"},
		{"exim", "  kijitora@example.net\n    SMTP error from remote mail server after RCPT TO:<kijitora@example.net>:\n    550 5.1.1 unknown", "kijitora@example.net", "RCPT"},
		{"sendmail transcript", "... while talking to mx.example.org.:\n>>> DATA\n<<< 550 5.7.1 <bob@sfr.fr>: Recipient address rejected: User unknown\n550 5.1.1 <bob@sfr.fr>... User unknown\n", "bob@sfr.fr", "DATA"},
		{"two recipients", "<a@example.jp>: host mx said: 550 User unknown (in reply to RCPT TO command)\n<b@example.jp>: host mx said: 550 Unknown user (in reply to end of DATA command)\n", "b@example.jp", "DATA"},
		{"no command", "<a@example.jp>: Host or domain name not found", "a@example.jp", ""},
		{"address absent", "550 User unknown (in reply to RCPT TO command)", "z@example.jp", ""},
		{"empty", "", "a@example.jp", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commandFor(tt.text, tt.rcpt); got != tt.want {
				t.Errorf("commandFor(%q, %q) = %q, want %q", tt.text, tt.rcpt, got, tt.want)
			}
		})
	}
}

// FuzzClassifyReason checks that any clue gets a reason of the vocabulary,
// without panicking.
func FuzzClassifyReason(f *testing.F) {
	f.Add("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown", "5.1.1", "RCPT", "Status: 5.2.1 (mailbox disabled)")
	f.Add("550-5.7.1 multiple 550 5.7.1 addresses in From:", "", "", ">>> DATA")
	f.Add("5.1.0 - Unknown address error 550-'", "4.0.0", "MAIL", "")
	f.Add("", "", "", "")
	known := map[Reason]bool{}
	for _, r := range Reasons() {
		known[r] = true
	}
	f.Fuzz(func(t *testing.T, diag, status, command, context string) {
		c := clue{Diagnostic: diag, Command: command, Context: context}
		c.Status, _ = ParseEnhancedCode(status)
		if r := classifyReason(c); !known[r] {
			t.Fatalf("classifyReason(%q, %q, %q, %q) = %q, not a known reason", diag, status, command, context, r)
		}
		commandFor(context, diag)
	})
}
