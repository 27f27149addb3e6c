package codes

// The SMTP reply codes (RFC 5321 section 4.2 and the extensions that add
// codes: RFC 3207, RFC 4954, RFC 5248, RFC 7504), sorted by code.

type kbReplyRec struct {
	code    ReplyCode
	title   string
	rfc     string
	meaning string
	reason  Reason
	actor   Actor
	retry   Retry
	fix     []string
}

var kbFixNone = []string{}

var kbReplies = []kbReplyRec{
	{211, "System status", "RFC 5321", "The server answered a request for its status or help. Not a delivery result.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{214, "Help message", "RFC 5321", "The server answered a HELP command. Not a delivery result.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{220, "Service ready", "RFC 5321, RFC 3207", "The server's greeting when a connection opens, or its answer \"ready to start TLS\" after STARTTLS. Nothing went wrong.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{221, "Closing connection", "RFC 5321", "The server says goodbye after QUIT. Nothing went wrong.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{235, "Authentication successful", "RFC 4954", "The SMTP login (AUTH) succeeded.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{250, "Accepted", "RFC 5321", "The server accepted the command; after the message data it means the server took the message. Accepted is not inboxed: the message can still land in spam, be quarantined or be dropped later, depending on reputation, authentication and content.", ReasonDelivered, ActorNobody, RetryNo, kbFixNone},
	{251, "User not local; will forward", "RFC 5321", "The recipient is not on this server, but the server accepted the message and will forward it.", ReasonDelivered, ActorNobody, RetryNo, kbFixNone},
	{252, "Cannot verify user, will attempt delivery", "RFC 5321", "The server would not confirm the address (VRFY) but accepts the message and will try to deliver it.", ReasonDelivered, ActorNobody, RetryNo, kbFixNone},
	{334, "Authentication challenge", "RFC 4954", "The server asks for the next step of the SMTP login (the base64 text that follows). Not a delivery result.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{354, "Start mail input", "RFC 5321", "The server is ready for the message content, ended by a line with a single dot. Not a delivery result.", ReasonUndefined, ActorNobody, RetryNo, kbFixNone},
	{421, "Service not available, closing connection", "RFC 5321", "The server closed the connection for now: it is busy, shutting down, or limiting you. One 421 is a transient blip; a 421 that persists across messages is a rate or reputation problem, and the answer is to slow down and investigate, not to retry harder.", ReasonBlocked, ActorSender, RetryLater,
		[]string{kbFixRetryBackoff, "If 421s persist across messages, slow down: fewer connections and messages per minute to this receiver.", "Read the text for a rate-limit or reputation reason and check your reputation (Google Postmaster Tools, Microsoft SNDS) and blocklists (check.spamhaus.org)."}},
	{422, "Password transition needed", "RFC 5248", "The account's password must be changed before it can log in (seen in the wild; the registry pairs it with X.7.12).", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Sign in to the account with a regular client or web mail and change the password.", "Update the stored password in the application, then resend."}},
	{432, "Password transition needed", "RFC 4954", "The account's password must be changed before it can log in.", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Sign in to the account with a regular client or web mail and change the password.", "Update the stored password in the application, then resend."}},
	{450, "Mailbox unavailable (temporary)", "RFC 5321", "The mailbox could not be used right now: busy, locked, temporarily blocked, or the sender is being greylisted.", ReasonOnHold, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "If it still fails after a day, read the text for the cause."}},
	{451, "Local error in processing (temporary)", "RFC 5321", "The server hit a temporary problem. Very often this is greylisting: the receiver defers a first attempt from an unknown sender and accepts the retry a few minutes later, so it clears by itself.", ReasonOnHold, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "Greylisting clears on the retry: make sure your server retries from the same IP with the same sender (do not rotate IPs).", "If it persists for more than a day, read the text for a policy or reputation reason."}},
	{452, "Insufficient system storage (temporary)", "RFC 5321", "The server or the mailbox has no room right now, or too many recipients were given in one transaction.", ReasonSystemFull, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "If the text says \"too many recipients\", send the rest in another transaction."}},
	{453, "System not accepting network messages", "RFC 3463", "The server does not accept mail from the network at the moment (the registry pairs it with X.3.2).", ReasonNotAccept, ActorRecipient, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists, tell the recipient's mail administrator."}},
	{454, "TLS or authentication temporarily unavailable", "RFC 4954, RFC 3207", "STARTTLS or the SMTP login could not be done right now.", ReasonFailedSTARTTLS, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists, check your TLS settings and certificates, and that your login is allowed from this IP."}},
	{455, "Server unable to accommodate parameters", "RFC 5321", "The server cannot handle the MAIL FROM or RCPT TO parameters right now.", ReasonSystemError, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists, drop the unusual parameters (for example SIZE or DSN options) and resend."}},
	{500, "Syntax error, command unrecognized", "RFC 5321", "The server did not understand the command (or the line was too long).", ReasonSyntaxError, ActorSender, RetryAfterFix, kbFixSoftware},
	{501, "Syntax error in parameters", "RFC 5321", "A command's arguments were malformed, often a bad address in MAIL FROM or RCPT TO, or a bad HELO name.", ReasonSyntaxError, ActorSender, RetryAfterFix,
		[]string{"Check the addresses and the HELO/EHLO name the sending software uses (a fully qualified host name).", "Fix the software or its configuration, then resend."}},
	{502, "Command not implemented", "RFC 5321", "The server does not support the command that was sent.", ReasonSyntaxError, ActorSender, RetryAfterFix, kbFixSoftware},
	{503, "Bad sequence of commands", "RFC 5321", "Commands came in the wrong order (for example RCPT before MAIL, or sending without the login the server requires).", ReasonSyntaxError, ActorSender, RetryAfterFix,
		[]string{"Check whether the server requires a login (AUTH) before sending; configure it in the client.", "Otherwise fix the sending software's command order (pipelining), then resend."}},
	{504, "Command parameter not implemented", "RFC 5321", "The server does not support a parameter of the command (for example an AUTH mechanism).", ReasonSyntaxError, ActorSender, RetryAfterFix, kbFixSoftware},
	{521, "Host does not accept mail", "RFC 7504", "This server accepts no mail at all.", ReasonNotAccept, ActorSender, RetryNo,
		[]string{"Check the recipient domain's MX records: you may be using an old or wrong host.", "If the domain really accepts no mail, remove the address."}},
	{523, "Encryption needed", "RFC 5248", "The server requires an encrypted (TLS) connection.", ReasonFailedSTARTTLS, ActorSender, RetryAfterFix, kbFixTLS},
	{524, "Encryption required for authentication mechanism", "RFC 4954", "The chosen login method may only be used over TLS.", ReasonFailedSTARTTLS, ActorSender, RetryAfterFix,
		[]string{"Turn on STARTTLS (port 587) or implicit TLS (port 465) in the client.", "Log in again over the encrypted connection."}},
	{525, "User account disabled", "RFC 5248", "The account is disabled.", ReasonSuspend, ActorRecipient, RetryNo,
		[]string{"If it is your sending account, ask your provider to re-enable it.", "If it is the recipient's mailbox, stop sending to it."}},
	{530, "Authentication required", "RFC 4954, RFC 3207", "The server requires a login (or STARTTLS first) before it accepts mail from you.", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Enable SMTP authentication in the client (user name and password or OAuth) and STARTTLS.", "Resend."}},
	{534, "Authentication mechanism too weak", "RFC 4954", "The login method is too weak for the server.", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Use TLS and a stronger login method (OAuth 2.0, or an app password where offered).", "Resend."}},
	{535, "Authentication credentials invalid", "RFC 4954", "Identity: the SMTP login was rejected (wrong user name or password, or basic authentication disabled).", ReasonSecurityError, ActorSender, RetryAfterFix, kbFixCredentials},
	{538, "Encryption required for authentication mechanism", "RFC 4954", "The chosen login method may only be used over TLS.", ReasonFailedSTARTTLS, ActorSender, RetryAfterFix,
		[]string{"Turn on STARTTLS or implicit TLS in the client.", "Log in again over the encrypted connection."}},
	{550, "Mailbox unavailable or refused", "RFC 5321", "The server refused the command for good. 550 covers both \"no such mailbox\" and \"refused for policy reasons\" (authentication, reputation, blocklists); the enhanced code and the text tell which.", ReasonOnHold, ActorSender, RetryAfterFix,
		[]string{"Read the enhanced code and text: 5.1.1 means the address does not exist (remove it); 5.7.x means a policy, authentication or reputation refusal.", "Fix the named cause before sending again; do not resend as-is."}},
	{551, "User not local", "RFC 5321", "The recipient is not on this server; the reply may name where to send instead.", ReasonHasMoved, ActorSender, RetryAfterFix,
		[]string{"Use the address or server the reply names, if any.", "Otherwise check the recipient domain's MX and ask the person for a current address."}},
	{552, "Exceeded storage allocation", "RFC 5321", "The mailbox is over quota, or the message is too large for it.", ReasonMailboxFull, ActorRecipient, RetryLater,
		[]string{"If the text mentions size, make the message smaller and resend.", "If the mailbox is full, the recipient must free space; try again in a few days and remove the address if it stays full for weeks."}},
	{553, "Mailbox name not allowed", "RFC 5321", "The address is not acceptable: bad syntax, or not allowed (for example a sender address the server will not accept).", ReasonUserUnknown, ActorSender, RetryAfterFix,
		[]string{"Check both the recipient address and your sender address for syntax errors and typos.", "Fix the address, then resend."}},
	{554, "Transaction failed", "RFC 5321", "The server refused the message (in the greeting: no SMTP service for you here). Often a spam or reputation block or a blocklisted IP.", ReasonBlocked, ActorSender, RetryAfterFix,
		[]string{"Read the text for a named blocklist or policy.", "Check your IP on blocklists (check.spamhaus.org) and your authentication (SPF, DKIM, DMARC).", "Fix the cause, then resend."}},
	{555, "MAIL FROM/RCPT TO parameters not recognized", "RFC 5321", "The server does not recognise a parameter given with MAIL FROM or RCPT TO.", ReasonSyntaxError, ActorSender, RetryAfterFix, kbFixSoftware},
	{556, "Domain does not accept mail", "RFC 7504", "The recipient's domain accepts no mail (for example it publishes a null MX).", ReasonNotAccept, ActorSender, RetryNo,
		[]string{"Remove the address: its domain accepts no mail.", "Ask the person for an address at a domain that receives mail."}},
}
