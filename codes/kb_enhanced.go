package codes

// The IANA registry of enhanced mail system status codes (RFC 3463, registry
// rules in RFC 5248), with plain-English meanings and fix steps. Each record
// yields a class 4 and a class 5 entry, and a class 2 entry when the code is
// also used for success.

// kbReg is one registry code, X.subject.detail.
type kbReg struct {
	subject, detail int
	title           string // the registry's title
	rfc             string
	meaning         string   // what happened, in plain words, class-neutral
	temp            string   // extra words for the class 4 form, "" if none
	success         string   // meaning of the class 2 form, "" if not used for success
	reason          Reason   // the usual reason with no better clue
	actor           Actor    // who acts on a failure
	retry           Retry    // retry advice for the class 5 form
	fix             []string // fix steps for a failure
	deprecated      bool
}

// Common fix steps, shared by several entries.
var (
	kbFixRemoveAddress = []string{
		"Check the address for typos (user name and domain) against what the recipient gave you.",
		"If it is correct as typed, remove it from your lists: the mailbox does not exist, and sending to unknown users hurts your reputation.",
		"Reach the person another way (phone, web form) to get a working address.",
	}
	kbFixRetryBackoff = "Let your mail server retry with backoff (after a few minutes, then a quarter hour, an hour, a few hours; give up after a day or two); do not resend by hand or retry harder."
	kbFixAuth         = []string{
		"Publish an SPF record (TXT at the envelope-sender domain, e.g. \"v=spf1 include:<your provider> -all\") that lists every server and service that sends for the domain.",
		"Sign outgoing mail with DKIM: enable signing at your mail service and publish its public key as a TXT record at <selector>._domainkey.<your domain>.",
		"Publish a DMARC record (TXT at _dmarc.<your From domain>, at least \"v=DMARC1; p=none; rua=mailto:<you>\") and make SPF or DKIM pass for the same domain as the visible From address (alignment).",
		"Check the result on a test message (the Authentication-Results header should show spf=pass or dkim=pass and dmarc=pass), then resend.",
	}
	kbFixPTR = []string{
		"Ask whoever owns the sending IP address (your hosting or ISP) to set a reverse DNS (PTR) record for it, naming the server's host name (e.g. mail.example.com).",
		"Make sure that host name resolves back to the same IP (an A record for IPv4, AAAA for IPv6): forward-confirmed reverse DNS.",
		"Use the same host name in your server's HELO/EHLO greeting, then resend.",
	}
	kbFixReputation = []string{
		"Stop or sharply reduce sending to this provider for now; retrying harder makes the block longer.",
		"Find the cause: a compromised account or form, purchased or old lists, high complaint rates, missing authentication.",
		"Remove unengaged and bouncing addresses, send only to people who opted in, and add a one-click unsubscribe.",
		"Check your IP and domain on the provider's tools (Google Postmaster Tools, Microsoft SNDS, Yahoo Sender Hub) and on public blocklists (check.spamhaus.org), then ramp volume up slowly.",
	}
	kbFixContent = []string{
		"Review the message: remove link shorteners, links to domains with a poor reputation, URL-only bodies and spammy wording.",
		"Make sure the message is authenticated (SPF, DKIM, DMARC) and sent from a reputable IP.",
		"Send a plain test to the same provider; if it passes, change the original content step by step to find the trigger.",
	}
	kbFixSoftware = []string{
		"Look at the SMTP conversation in your server's log to see which command was refused.",
		"Fix or update the sending software or its configuration (command order, pipelining, parameters, line lengths).",
		"Resend after the fix.",
	}
	kbFixCredentials = []string{
		"Check the user name and password (or app password) configured in the mail client or application.",
		"If the account uses multi-factor sign-in, switch the application to OAuth 2.0 or create an app password.",
		"Make sure SMTP AUTH is enabled for the account at the provider, then resend.",
	}
	kbFixTLS = []string{
		"Enable STARTTLS in the sending server (for Postfix: smtp_tls_security_level = may or encrypt).",
		"Use a current TLS version (1.2 or later) and a valid certificate chain.",
		"Resend once TLS works (check the log for \"TLS connection established\").",
	}
	kbFixAskRecipient = []string{
		"Contact the recipient by other means and ask them (or their mail administrator) to fix or allow delivery.",
		"Resend once they confirm.",
	}
	kbFixSize = []string{
		"Make the message smaller: compress or remove attachments, or send a download link instead.",
		"Resend; most providers accept 10 to 25 MB including encoding overhead (attachments grow by about a third).",
	}
)

// kbRegistry is the IANA registry, sorted by subject and detail.
var kbRegistry = []kbReg{
	{0, 0, "Other undefined status", "RFC 3463", "The receiving system reported a problem without saying which; only the class tells whether it is temporary or permanent.", "", "The action succeeded.", ReasonUndefined, ActorSender, RetryAfterFix,
		[]string{"Read the text of the reply: it usually names the cause.", "If it does not, ask the recipient's mail administrator, quoting the full reply."}, false},

	{1, 0, "Other address status", "RFC 3463", "Something is wrong with an address (recipient or sender), without more detail.", "", "The address was accepted (\"Sender OK\" or \"Recipient OK\").", ReasonUserUnknown, ActorSender, RetryAfterFix,
		[]string{"Check both the recipient address and your envelope sender (return-path) for typos.", "Read the text: it says which address was refused.", "Fix the address, then resend."}, false},
	{1, 1, "Bad destination mailbox address", "RFC 3463", "The mailbox named left of the @ does not exist at the recipient's domain.", "A temporary lookup problem kept the server from confirming the address; it may still exist.", "", ReasonUserUnknown, ActorSender, RetryNo,
		kbFixRemoveAddress, false},
	{1, 2, "Bad destination system address", "RFC 3463", "The domain right of the @ does not exist or cannot receive mail (no MX or A record).", "The domain could not be resolved just now (a DNS failure); it may work later.", "", ReasonHostUnknown, ActorSender, RetryNo,
		[]string{"Check the domain for typos (gmial.com, outlok.com).", "Look the domain up (dig MX <domain>): if it has no MX or A record, the address cannot receive mail; remove it.", "Ask the person for a working address."}, false},
	{1, 3, "Bad destination mailbox address syntax", "RFC 3463", "The recipient address is not a valid address (stray spaces, two @, bad characters).", "", "", ReasonUserUnknown, ActorSender, RetryNo,
		[]string{"Correct the address format (local@domain, no spaces, no trailing dot).", "Validate addresses where they are collected (sign-up forms)."}, false},
	{1, 4, "Destination mailbox address ambiguous", "RFC 3463", "The address matches several mailboxes at the recipient's system, which cannot decide which one is meant.", "", "", ReasonUserUnknown, ActorSender, RetryAfterFix,
		[]string{"Ask the recipient for their exact, full address.", "Resend to that address."}, false},
	{1, 5, "Destination address valid", "RFC 3463", "The recipient address is valid.", "", "The recipient address is valid and was accepted.", ReasonDelivered, ActorNobody, RetryNo,
		[]string{"Nothing to fix about the address: read the rest of the report for the failure."}, false},
	{1, 6, "Destination mailbox has moved, no forwarding address", "RFC 3463", "The person no longer uses this mailbox and the system does not forward mail for it.", "", "", ReasonHasMoved, ActorSender, RetryNo,
		[]string{"Remove the address from your lists.", "If the reply names a new address, ask the person to confirm it and update your records."}, false},
	{1, 7, "Bad sender's mailbox address syntax", "RFC 3463", "Your envelope sender address (MAIL FROM, the return-path) is not a valid address.", "", "", ReasonRejected, ActorSender, RetryAfterFix,
		[]string{"Check the MAIL FROM / return-path your application or server uses: it must be a full, valid address (no spaces, a real domain).", "Fix the sender setting, then resend."}, false},
	{1, 8, "Bad sender's system address", "RFC 3463", "The domain of your envelope sender does not exist or does not resolve in DNS, so replies and bounces could not reach you.", "The sender's domain did not resolve just now (a DNS failure); it may work later.", "", ReasonRejected, ActorSender, RetryAfterFix,
		[]string{"Check that the envelope-sender domain is spelled right and registered.", "Publish DNS for it: an MX (or A) record, and make sure its name servers answer.", "Resend once \"dig MX <your domain>\" answers from outside your network."}, false},
	{1, 9, "Message relayed to non-compliant mailer", "RFC 3886", "The message was passed to a system that does not support delivery status notifications, so no further report will come.", "", "", ReasonDelivered, ActorNobody, RetryNo,
		[]string{"Nothing to fix: the message was relayed onward; no delivery confirmation can follow."}, false},
	{1, 10, "Recipient address has null MX", "RFC 7505", "The recipient's domain publishes a \"null MX\" record: it declares that it accepts no mail at all.", "", "", ReasonNotAccept, ActorSender, RetryNo,
		[]string{"Remove the address: the domain has announced that it never receives mail.", "Ask the person for an address at a domain that receives mail."}, false},

	{2, 0, "Other or undefined mailbox status", "RFC 3463", "The mailbox exists but something about it prevented delivery, without more detail.", "", "", ReasonOnHold, ActorRecipient, RetryAfterFix,
		[]string{"Read the text for the cause (disabled, full, blocked).", "Contact the recipient by other means if it persists."}, false},
	{2, 1, "Mailbox disabled, not accepting messages", "RFC 3463", "The mailbox exists but is disabled or suspended and accepts no mail (closed, inactive or locked account).", "The mailbox is temporarily not accepting mail (for example locked or receiving too fast).", "", ReasonSuspend, ActorRecipient, RetryNo,
		[]string{"Stop sending to this address: a disabled mailbox rarely comes back.", "If the contact matters, reach the person another way and ask for a current address.", "Remove the address if it still bounces after a few days."}, false},
	{2, 2, "Mailbox full", "RFC 3463", "The recipient's mailbox is over its storage quota.", "It may clear when the recipient deletes mail.", "", ReasonMailboxFull, ActorRecipient, RetryLater,
		[]string{"Nothing to fix on your side: the recipient has to free space.", "Try again in a few days; tell the person by other means if it matters.", "Remove the address if it stays full for weeks (the account is probably abandoned)."}, false},
	{2, 3, "Message length exceeds administrative limit", "RFC 3463", "The message is larger than the size the recipient's mailbox is allowed to receive.", "", "", ReasonExceedLimit, ActorSender, RetryAfterFix,
		kbFixSize, false},
	{2, 4, "Mailing list expansion problem", "RFC 3463", "The recipient is a mailing list or group that could not be expanded to its members.", "", "", ReasonSystemError, ActorRecipient, RetryAfterFix,
		[]string{"Tell the list owner (often owner-<list>@<domain>) that the list fails to expand.", "Resend after they fix it, or write to the members directly."}, false},

	{3, 0, "Other or undefined mail system status", "RFC 3463", "The receiving mail system had a problem of its own, without more detail.", "", "The mail system completed the action.", ReasonSystemError, ActorRecipient, RetryAfterFix,
		[]string{"Read the text: it often names the cause.", "If the text does not help, wait and resend once; if it fails again, tell the recipient's mail administrator."}, false},
	{3, 1, "Mail system full", "RFC 3463", "The receiving server's disk or queue is full, so it accepts nothing for now.", "", "", ReasonSystemFull, ActorRecipient, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists for more than a day, tell the recipient's mail administrator that their server is out of storage."}, false},
	{3, 2, "System not accepting network messages", "RFC 3463", "The receiving system is not accepting mail at all, for example during maintenance or shutdown.", "", "", ReasonNotAccept, ActorRecipient, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists, check that you use the domain's current MX host (dig MX <domain>) and tell the recipient's administrator."}, false},
	{3, 3, "System not capable of selected features", "RFC 3463", "The message asked for a feature (an SMTP extension such as 8BITMIME, BINARYMIME or DSN options) the receiving system does not support.", "", "", ReasonSystemError, ActorSender, RetryAfterFix,
		[]string{"Check which extension the message needs (8-bit content, large size, delivery notifications) and whether the receiver advertised it in its EHLO reply.", "Let your server convert the message (e.g. to quoted-printable) or drop the option, then resend."}, false},
	{3, 4, "Message too big for system", "RFC 3463", "The message is larger than the receiving system accepts.", "", "", ReasonMesgTooBig, ActorSender, RetryAfterFix,
		kbFixSize, false},
	{3, 5, "System incorrectly configured", "RFC 3463", "The receiving system is misconfigured and cannot deliver the message.", "", "", ReasonSystemError, ActorRecipient, RetryAfterFix,
		[]string{"Tell the recipient's mail administrator, quoting the full reply.", "Resend once they confirm the fix."}, false},
	{3, 6, "Requested priority was changed", "RFC 6710", "The message was accepted, but with a different priority than requested (SMTP MT-PRIORITY).", "", "The message was accepted, but with a different priority than requested.", ReasonDelivered, ActorNobody, RetryNo,
		[]string{"Nothing to fix: the message was accepted; only its priority changed."}, false},

	{4, 0, "Other or undefined network or routing status", "RFC 3463", "Something went wrong on the network path to the recipient's server, without more detail.", "", "", ReasonNetworkError, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists, check the recipient domain's MX records and that your server can reach them on port 25."}, false},
	{4, 1, "No answer from host", "RFC 3463", "The recipient's mail server did not answer the connection.", "The server may be down or overloaded for a while.", "", ReasonNetworkError, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "Check from your server that the recipient's MX host answers on port 25 (your provider may block outbound port 25).", "If it never answers, tell the recipient: their mail server is down."}, false},
	{4, 2, "Bad connection", "RFC 3463", "The connection to the recipient's server was lost or closed in the middle of the transfer.", "", "", ReasonNetworkError, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "If it happens on every attempt, check the firewall, TLS settings and MTU between the servers."}, false},
	{4, 3, "Directory server failure", "RFC 3463", "The receiving system could not look up the recipient in its directory (LDAP, Active Directory) or DNS.", "", "", ReasonSystemError, ActorRecipient, RetryLater,
		[]string{kbFixRetryBackoff, "If it persists, tell the recipient's mail administrator: their directory lookup fails."}, false},
	{4, 4, "Unable to route", "RFC 3463", "No route to the recipient's domain could be found: its DNS gives no usable mail server.", "A DNS lookup for the domain failed temporarily.", "", ReasonHostUnknown, ActorSender, RetryNo,
		[]string{"Check the recipient domain's DNS (dig MX <domain>, dig A <domain>).", "If it has no mail server, the address cannot receive mail: remove it or ask for another one."}, false},
	{4, 5, "Mail system congestion", "RFC 3463", "The receiving system (or the network to it) is congested and cannot take the message now.", "", "", ReasonSystemError, ActorNobody, RetryLater,
		[]string{kbFixRetryBackoff, "Send to this domain more slowly (fewer connections and messages per minute)."}, false},
	{4, 6, "Routing loop detected", "RFC 3463", "The message went around in a loop between servers (for example two forwarding rules pointing at each other) and was stopped.", "", "", ReasonNetworkError, ActorRecipient, RetryAfterFix,
		[]string{"Read the Received headers of the bounce to see which servers pass the message back and forth.", "Fix the forwarding rule, alias or connector that points back (the recipient's admin if it is on their side), then resend."}, false},
	{4, 7, "Delivery time expired", "RFC 3463", "Your server kept getting temporary failures and gave up after its retry period (often 1 to 5 days): the message was never delivered.", "The message is still queued and delayed; your server is still trying.", "", ReasonExpired, ActorSender, RetryAfterFix,
		[]string{"Look for the last error before expiry (in the bounce or your server log): it is the real cause.", "Check that the recipient domain's MX hosts are reachable and not rejecting you temporarily (rate limits, greylisting, blocklists).", "Resend once the cause is fixed."}, false},

	{5, 0, "Other or undefined protocol status", "RFC 3463", "The SMTP conversation failed, without more detail.", "", "The SMTP command succeeded.", ReasonSyntaxError, ActorSender, RetryAfterFix,
		kbFixSoftware, false},
	{5, 1, "Invalid command", "RFC 3463", "Your server or application sent an SMTP command the receiver does not accept at this point.", "", "", ReasonSyntaxError, ActorSender, RetryAfterFix,
		kbFixSoftware, false},
	{5, 2, "Syntax error", "RFC 3463", "An SMTP command had a syntax error (for example a malformed address in MAIL FROM or RCPT TO).", "", "", ReasonSyntaxError, ActorSender, RetryAfterFix,
		[]string{"Check the addresses the application passes (angle brackets, no spaces or display names inside MAIL FROM/RCPT TO).", "Fix the sending software or its configuration, then resend."}, false},
	{5, 3, "Too many recipients", "RFC 3463", "The message had more recipients in one SMTP transaction than the receiver allows.", "The extra recipients will be accepted in a later transaction.", "", ReasonExceedLimit, ActorSender, RetryAfterFix,
		[]string{"Split the recipients over several messages or transactions (for example at most 50 to 100 per message).", "Use a mailing list service for large sends, then resend to the refused recipients."}, false},
	{5, 4, "Invalid command arguments", "RFC 3463", "A command's parameters were not accepted (for example an unknown MAIL FROM option or a malformed address).", "", "", ReasonSyntaxError, ActorSender, RetryAfterFix,
		kbFixSoftware, false},
	{5, 5, "Wrong protocol version", "RFC 3463", "The two servers could not agree on a protocol version.", "", "", ReasonSyntaxError, ActorSender, RetryAfterFix,
		kbFixSoftware, false},
	{5, 6, "Authentication exchange line is too long", "RFC 4954", "A line of the SMTP AUTH exchange was longer than the server accepts (often a long OAuth token sent the wrong way).", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Send the AUTH initial response in the way the server supports (for XOAUTH2 send it after the AUTH command rather than on one line).", "Update the mail client or library, then resend."}, false},

	{6, 0, "Other or undefined media error", "RFC 3463", "Something about the message content or format was refused, without more detail.", "", "The message content was accepted (\"Queued mail for delivery\").", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Check the message format: valid MIME structure, declared character sets, no bare line feeds.", "Try sending a plain-text version; if it passes, fix the part that is refused."}, false},
	{6, 1, "Media not supported", "RFC 3463", "The message contains a content type the receiving system does not accept.", "", "", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Remove or convert the unsupported part (for example an attachment type or binary content).", "Resend."}, false},
	{6, 2, "Conversion required and prohibited", "RFC 3463", "The message would need converting for the receiver, but it is marked as not to be converted.", "", "", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Send the message in a form the receiver accepts (7-bit or quoted-printable encoding) without the no-conversion flag.", "Resend."}, false},
	{6, 3, "Conversion required but not supported", "RFC 3463", "The message would need converting for the receiver, and no system on the way can do it.", "", "", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Send the content in a widely supported encoding (UTF-8 with quoted-printable or base64).", "Resend."}, false},
	{6, 4, "Conversion with loss performed", "RFC 3463", "The message was converted for the recipient and something was lost in the conversion.", "", "The message was delivered after a conversion that lost some content.", ReasonDelivered, ActorNobody, RetryNo,
		[]string{"Nothing to retry; if the content matters, send it in a simpler format (plain text, common attachment types)."}, false},
	{6, 5, "Conversion failed", "RFC 3463", "A needed conversion of the message failed.", "", "", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Send the content in a simpler, widely supported format.", "Resend."}, false},
	{6, 6, "Message content not available", "RFC 4468", "The content the message referred to (BURL submission) could not be fetched.", "", "", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Check the mail client's BURL/IMAP URL settings or turn BURL off.", "Resend."}, false},
	{6, 7, "Non-ASCII addresses not permitted for that sender/recipient", "RFC 6531", "An address contains non-ASCII characters (internationalized email) and a server on the way does not support SMTPUTF8.", "", "", ReasonNotCompliantRFC, ActorSender, RetryAfterFix,
		[]string{"Use an ASCII address for the recipient or sender if the person has one.", "Otherwise send through a server that supports SMTPUTF8, then resend."}, false},
	{6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client", "RFC 6531", "The server needs to answer with UTF-8 (an internationalized address) but your client did not ask for SMTPUTF8.", "", "The address was accepted, but the reply could not be given in UTF-8.", ReasonNotCompliantRFC, ActorSender, RetryAfterFix,
		[]string{"Enable SMTPUTF8 in the sending software, or use an ASCII address.", "Resend."}, false},
	{6, 9, "UTF-8 header message cannot be transferred to one or more recipients", "RFC 6531", "The message has UTF-8 header fields and cannot be passed to a recipient whose server lacks SMTPUTF8.", "", "", ReasonContentError, ActorSender, RetryAfterFix,
		[]string{"Encode non-ASCII header text with RFC 2047 encoded-words instead of raw UTF-8.", "Resend."}, false},
	{6, 10, "Duplicate of X.6.8 (deprecated)", "RFC 6531", "Deprecated duplicate of X.6.8: the server needed a UTF-8 reply that the client did not allow.", "", "", ReasonNotCompliantRFC, ActorSender, RetryAfterFix,
		[]string{"Enable SMTPUTF8 in the sending software, or use an ASCII address.", "Resend."}, true},

	{7, 0, "Other or undefined security status", "RFC 3463", "A security or policy check refused the message, without more detail (often throttling, a policy or a reputation block).", "Often throttling: the receiver slows down senders it does not trust yet.", "Security check passed (for example \"Authentication successful\").", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Read the text: it usually names the check (authentication, TLS, reputation, rate).", "Check SPF, DKIM and DMARC for your domain and your IP on public blocklists (check.spamhaus.org).", "Fix what the text names, then resend."}, false},
	{7, 1, "Delivery not authorized, message refused", "RFC 3463", "Authorization: you are not permitted to send this message here. Typical causes: relay denied (the server does not handle mail for that domain and you are not logged in), the recipient accepts mail only from certain senders, or a policy or reputation block.", "Often greylisting: the receiver defers a first attempt from an unknown sender and accepts the retry after a few minutes; it clears by itself.", "", ReasonPolicyViolation, ActorSender, RetryAfterFix,
		[]string{"Read the text: it says whether it is relaying, a policy or a block (for example a named blocklist).", "Relay denied: send through your own provider's SMTP server with authentication, or check the recipient domain's MX.", "Policy or block: check your IP and domain reputation and blocklists (check.spamhaus.org); if the recipient restricts senders, ask them to allow you.", "Resend after the fix."}, false},
	{7, 2, "Mailing list expansion prohibited", "RFC 3463", "The recipient is a mailing list or group that you are not allowed to send to.", "", "", ReasonPolicyViolation, ActorRecipient, RetryAfterFix,
		[]string{"Ask the list or group owner to allow your address (or to let outside senders post).", "Resend once allowed."}, false},
	{7, 3, "Security conversion required but not possible", "RFC 3463", "The message would need a security conversion (for example re-encryption) that cannot be done.", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Send the message without the security requirement, or through a path that supports it.", "Ask the recipient's admin which encryption they require."}, false},
	{7, 4, "Security features not supported", "RFC 3463", "The message asked for a security feature (for example an AUTH mechanism) the receiver does not support.", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Check which AUTH mechanisms and security options the server advertises (EHLO reply).", "Configure the client to use one of them, then resend."}, false},
	{7, 5, "Cryptographic failure", "RFC 3463", "A cryptographic operation (decryption, signature) on the message failed.", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Check the certificates or keys used to sign or encrypt the message.", "Resend with valid keys, or without encryption if allowed."}, false},
	{7, 6, "Cryptographic algorithm not supported", "RFC 3463", "The message uses a signing or encryption algorithm the receiver does not support.", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Use a widely supported algorithm (RSA-SHA256 for DKIM, AES for S/MIME).", "Resend."}, false},
	{7, 7, "Message integrity failure", "RFC 3463", "The message was changed in transit or its integrity check (signature) failed.", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Check that nothing rewrites the message after signing (footers, gateways).", "Resend."}, false},
	{7, 8, "Authentication credentials invalid", "RFC 4954", "Identity: your SMTP login was rejected (wrong user name or password, expired password, or basic authentication turned off). This is about the login, not about SPF/DKIM/DMARC.", "The login could not be checked just now.", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		kbFixCredentials, false},
	{7, 9, "Authentication mechanism is too weak", "RFC 4954", "The login method you used is too weak for the server (for example PLAIN without TLS).", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Enable TLS (STARTTLS or port 465) before logging in.", "Use a stronger mechanism (OAuth 2.0, or PLAIN/LOGIN only inside TLS), then resend."}, false},
	{7, 10, "Encryption needed", "RFC 5248", "The server requires an encrypted (TLS) connection for this.", "", "", ReasonFailedSTARTTLS, ActorSender, RetryAfterFix,
		kbFixTLS, false},
	{7, 11, "Encryption required for requested authentication mechanism", "RFC 4954", "The login method you chose may only be used over an encrypted connection.", "", "", ReasonFailedSTARTTLS, ActorSender, RetryAfterFix,
		[]string{"Turn on STARTTLS (port 587) or implicit TLS (port 465) in the client.", "Log in again over the encrypted connection."}, false},
	{7, 12, "A password transition is needed", "RFC 4954", "The account's password must be changed (or converted) before it can be used to log in.", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Sign in to the account with a regular client or web mail and change the password.", "Update the stored password in the application, then resend."}, false},
	{7, 13, "User account disabled", "RFC 5248", "The account (sender's login or recipient mailbox) is disabled.", "", "", ReasonSuspend, ActorRecipient, RetryNo,
		[]string{"If it is your own sending account: ask your provider why it was disabled and re-enable it.", "If it is the recipient's mailbox: stop sending to it and ask the person for a current address."}, false},
	{7, 14, "Trust relationship required", "RFC 5248", "The server accepts this only from systems it has a trust relationship with (for example a configured partner connector).", "", "", ReasonSecurityError, ActorSender, RetryAfterFix,
		[]string{"Ask the receiving side's administrator which connector, certificate or IP they trust.", "Send through that route, then resend."}, false},
	{7, 15, "Priority level is too low", "RFC 6710", "The requested message priority is too low for the receiver to accept it now.", "", "", ReasonPolicyViolation, ActorSender, RetryLater,
		[]string{kbFixRetryBackoff, "Or resend with a higher priority if you are allowed to."}, false},
	{7, 16, "Message is too big for the specified priority", "RFC 6710", "The message is too large for the priority it asked for.", "", "", ReasonMesgTooBig, ActorSender, RetryAfterFix,
		[]string{"Send it with a lower priority, or make it smaller.", "Resend."}, false},
	{7, 17, "Mailbox owner has changed", "RFC 7293", "The mailbox now belongs to someone else than the person you meant (the address was reassigned); the message was not delivered to protect both.", "", "", ReasonHasMoved, ActorSender, RetryNo,
		[]string{"Remove the address: it belongs to a new owner now.", "Ask the person you meant for their current address."}, false},
	{7, 18, "Domain owner has changed", "RFC 7293", "The recipient's domain has a new owner since the date you last knew the address to be valid.", "", "", ReasonHasMoved, ActorSender, RetryNo,
		[]string{"Remove the address: the domain changed hands.", "Ask the person you meant for their current address."}, false},
	{7, 19, "RRVS test cannot be completed", "RFC 7293", "The receiver could not check whether the mailbox owner changed (Require-Recipient-Valid-Since).", "", "", ReasonPolicyViolation, ActorSender, RetryAfterFix,
		[]string{"Resend without the RRVS requirement, or later."}, false},
	{7, 20, "No passing DKIM signature found", "RFC 7372", "The receiver requires a valid DKIM signature and the message had none that verified.", "", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		[]string{"Enable DKIM signing at your mail service and publish the public key as a TXT record at <selector>._domainkey.<your domain>.", "Make sure nothing changes the message after signing (footers, link rewriting).", "Check a test message's Authentication-Results header shows dkim=pass, then resend."}, false},
	{7, 21, "No acceptable DKIM signature found", "RFC 7372", "The message had DKIM signatures, but none the receiver accepts (for example a weak key or algorithm, or the wrong signing domain).", "", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		[]string{"Sign with RSA-SHA256 and a key of at least 1024 bits (2048 recommended), or Ed25519 plus RSA.", "Sign with your own From domain (d= equal to or a parent of the From domain).", "Resend."}, false},
	{7, 22, "No valid author-matched DKIM signature found", "RFC 7372", "No DKIM signature for the domain of the From address verified (a signature by another domain, such as your mail service's, does not count).", "", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		[]string{"Set up DKIM with your own From domain at your mail service (custom DKIM / domain authentication), not the service's default domain.", "Publish the key at <selector>._domainkey.<your From domain> and resend."}, false},
	{7, 23, "SPF validation failed", "RFC 7372", "The sending IP address is not authorized by the SPF record of the envelope-sender domain.", "", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		[]string{"Look up your SPF record (dig TXT <envelope-sender domain>) and add the sending server or service (an include: or ip4:/ip6: mechanism).", "Keep the record under 10 DNS lookups and publish only one SPF record.", "Resend once a test shows spf=pass."}, false},
	{7, 24, "SPF validation error", "RFC 7372", "The SPF check could not be completed: the record has an error (syntax, too many DNS lookups, several SPF records) or DNS failed.", "The DNS lookup for SPF failed temporarily.", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		[]string{"Check the SPF record with an SPF validator: exactly one \"v=spf1\" record, valid syntax, at most 10 DNS lookups.", "Make sure your domain's name servers answer reliably.", "Resend after the fix."}, false},
	{7, 25, "Reverse DNS validation failed", "RFC 7372", "The sending IP address has no reverse DNS (PTR) record, or the PTR name does not resolve back to the same IP.", "", "", ReasonRequirePTR, ActorSender, RetryAfterFix,
		kbFixPTR, false},
	{7, 26, "Multiple authentication checks failed", "RFC 7372", "Authentication of the mail itself failed: the message did not prove it comes from the domain it claims (SPF, DKIM and/or DMARC failed, or passed only for a domain not aligned with the From address). This is about DNS records, not about your login.", "", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		kbFixAuth, false},
	{7, 27, "Sender address has null MX", "RFC 7505", "Your envelope-sender domain publishes a null MX (it declares it receives no mail), so bounces could not be returned: the receiver refuses it.", "", "", ReasonRejected, ActorSender, RetryAfterFix,
		[]string{"Use an envelope sender (return-path) at a domain that receives mail.", "Or replace the domain's null MX (\"MX 0 .\") with a real MX record, then resend."}, false},
	{7, 28, "Mail flood detected", "IANA registry", "The receiver saw too much mail, or too much unsolicited mail, from your IP or domain in a short time.", "A persistent deferral like this is a rate or reputation problem: slow down and investigate rather than retry harder.", "", ReasonSpeeding, ActorSender, RetryAfterFix,
		[]string{"Slow down: fewer messages and connections per minute to this receiver.", "Send only to engaged, opted-in recipients; remove addresses that bounce or never open.", "Check complaint rates and reputation (Google Postmaster Tools, Microsoft SNDS), then ramp up slowly."}, false},
	{7, 29, "ARC validation failure", "RFC 8617", "The message's ARC chain (Authenticated Received Chain, used when mail is forwarded) did not validate.", "", "", ReasonAuthFailure, ActorSender, RetryAfterFix,
		[]string{"If you forward or run a mailing list, sign forwarded mail with valid ARC headers (ARC-Seal, ARC-Message-Signature) and do not change sealed content.", "Otherwise send directly instead of through the forwarder, then resend."}, false},
	{7, 30, "REQUIRETLS support required", "RFC 8689", "The message required TLS all the way (REQUIRETLS) and a server on the path does not support it.", "", "", ReasonFailedSTARTTLS, ActorSender, RetryAfterFix,
		[]string{"Send without the REQUIRETLS option, or through servers that all support it.", "Resend."}, false},
}

// kbSubjects are the RFC 3463 subject meanings, index = subject.
var kbSubjects = []struct{ noun, meaning string }{
	{"other status", "other or undefined status: the code does not say which part failed"},
	{"addressing status", "addressing status: a problem with the recipient or sender address"},
	{"mailbox status", "mailbox status: the recipient's mailbox exists but has a problem (disabled, full)"},
	{"mail system status", "mail system status: the receiving system has a problem of its own"},
	{"network or routing status", "network and routing status: the message could not be routed or the connection failed"},
	{"mail delivery protocol status", "mail delivery protocol status: the SMTP conversation failed"},
	{"message content or media status", "message content or media status: the content or format of the message was refused"},
	{"security or policy status", "security or policy status: authentication, authorization, TLS, reputation or a policy block"},
}

// ClassMeaning returns the meaning of a reply code's first digit or an
// enhanced code's class (RFC 5321 section 4.2.1, RFC 3463 section 3.1), or "".
func ClassMeaning(class int) string {
	switch class {
	case 2:
		return "success: the action was completed"
	case 3:
		return "intermediate: the server waits for more input"
	case 4:
		return "transient failure: temporary, retry later with backoff"
	case 5:
		return "permanent failure: retrying as-is will fail, fix the cause first"
	}
	return ""
}

// SubjectMeaning returns the meaning of an enhanced code's subject
// (RFC 3463 section 3.2), or "" for an undefined subject.
func SubjectMeaning(subject int) string {
	if subject < 0 || subject >= len(kbSubjects) {
		return ""
	}
	return kbSubjects[subject].meaning
}

func kbSubjectNoun(subject int) string {
	if subject < 0 || subject >= len(kbSubjects) {
		return "status"
	}
	return kbSubjects[subject].noun
}

// ReplySubjectMeaning returns the meaning of a reply code's second digit
// (RFC 5321 section 4.2.1), or "".
func ReplySubjectMeaning(digit int) string {
	switch digit {
	case 0:
		return "syntax: the command was malformed, unknown or not implemented"
	case 1:
		return "information: a reply to a request for status or help"
	case 2:
		return "connections: about the transmission channel"
	case 3, 4:
		return "unspecified"
	case 5:
		return "mail system: about the receiving mail system and mailboxes"
	}
	return ""
}

// kbRegistryFor returns the registry record of s, ignoring the class.
func kbRegistryFor(s EnhancedCode) (kbReg, bool) {
	lo, hi := 0, len(kbRegistry)
	for lo < hi {
		m := (lo + hi) / 2
		r := kbRegistry[m]
		if r.subject < s[1] || r.subject == s[1] && r.detail < s[2] {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(kbRegistry) && kbRegistry[lo].subject == s[1] && kbRegistry[lo].detail == s[2] {
		return kbRegistry[lo], true
	}
	return kbReg{}, false
}

// ReasonForStatus returns the bounce reason an enhanced status code usually
// means when nothing better is known: 5.1.1 userunknown, 5.2.2 mailboxfull,
// 4.4.7 expired, 5.7.26 authfailure, and so on. An unregistered detail gets
// its subject's reason where the subject alone says enough (X.1.x addressing
// is not enough: it could be either side); otherwise ReasonUndefined.
func ReasonForStatus(s EnhancedCode) Reason {
	if s.IsZero() {
		return ReasonUndefined
	}
	if s.Class() == 2 {
		return ReasonDelivered
	}
	if r, ok := kbRegistryFor(s); ok {
		return r.reason
	}
	switch s.Subject() {
	case 2:
		return ReasonOnHold
	case 3:
		return ReasonSystemError
	case 4:
		return ReasonNetworkError
	case 5:
		return ReasonSyntaxError
	case 6:
		return ReasonContentError
	case 7:
		return ReasonPolicyViolation
	}
	return ReasonUndefined
}
