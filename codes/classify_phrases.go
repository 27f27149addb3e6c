package codes

import "strings"

// Phrase families of the reason classifier. Every phrase is lower case and is
// matched as a substring of the lower-cased, space-joined diagnostic. A "*"
// inside a phrase stands for any text: "domain*does not exist" matches both
// parts in that order. The families are general wording of mail servers and
// services (Postfix, Sendmail, Exim, qmail, Exchange, Gmail, Yahoo, ...), not
// the text of any one bounce.

// phraseSet is a compiled family of phrases. Single phrases are found all
// at once by one pass over the text (see scan); phrases with "*" are
// checked one by one.
type phraseSet = *phraseList

type phraseList struct {
	id     int        // index in scan.hit, set by buildPhraseIndex
	single []string   // plain phrases
	multi  [][]string // phrases with "*": parts to find in order
}

// newPhrases compiles phrases; it runs once per family, at package start.
func newPhrases(list ...string) phraseSet {
	ps := &phraseList{id: -1}
	for _, p := range list {
		if strings.Contains(p, "*") {
			ps.multi = append(ps.multi, strings.Split(p, "*"))
		} else {
			ps.single = append(ps.single, p)
		}
	}
	return ps
}

// maxPhraseSets bounds the number of phrase families.
const maxPhraseSets = 64

// phraseEntry is one single phrase in the index, with its family.
type phraseEntry struct {
	phrase     string
	set        int
	head, mask uint32 // the phrase's first 4 bytes (fewer when shorter), little-endian, and their mask
}

// newPhraseEntry returns the entry of phrase p of the family set.
func newPhraseEntry(p string, set int) phraseEntry {
	e := phraseEntry{phrase: p, set: set}
	for k := 0; k < len(p) && k < 4; k++ {
		e.head |= uint32(p[k]) << (8 * k)
		e.mask |= 0xff << (8 * k)
	}
	return e
}

// headAt returns the 4 bytes of d at i, little-endian, with zeros past the
// end of d, to compare with phraseEntry.head.
func headAt(d string, i int) uint32 {
	if i+4 <= len(d) {
		return uint32(d[i]) | uint32(d[i+1])<<8 | uint32(d[i+2])<<16 | uint32(d[i+3])<<24
	}
	var w uint32
	for k := 0; i+k < len(d); k++ {
		w |= uint32(d[i+k]) << (8 * k)
	}
	return w
}

// phraseIndex finds the phrases that start with two given bytes: each byte
// that begins or follows the first byte of a phrase has a class (1-63), and
// the entries of the pair (class1, class2) are entries[start[k]:start[k+1]]
// with k = class1<<6 | class2.
type phraseIndex struct {
	class   [256]uint8
	start   [64*64 + 1]uint16
	entries []phraseEntry
}

// buildPhraseIndex numbers the families and indexes their phrases. It runs
// once, when the package starts.
func buildPhraseIndex(fs ...families) *phraseIndex {
	sets := []phraseSet{unknownStrong, userUnknownPrematch, vacationPhrases, boilerplatePhrases}
	for _, r := range [...]Reason{ReasonMailboxFull, ReasonMesgTooBig, ReasonExceedLimit, ReasonSuspend,
		ReasonUserUnknown, ReasonFiltered, ReasonRejected, ReasonHostUnknown, ReasonSpamDetected,
		ReasonTooManyConn, ReasonBlocked} {
		sets = append(sets, phrases[r])
	}
	for _, f := range fs {
		for _, e := range f {
			sets = append(sets, e.set)
		}
	}
	idx := &phraseIndex{}
	next := uint8(1)
	classOf := func(b byte) int {
		if idx.class[b] == 0 {
			if next == 64 {
				panic("codes: too many phrase byte classes")
			}
			idx.class[b] = next
			next++
		}
		return int(idx.class[b])
	}
	byKey := make([][]phraseEntry, 64*64)
	for i, ps := range sets {
		if i >= maxPhraseSets {
			panic("codes: too many phrase families")
		}
		ps.id = i
		for _, p := range ps.single {
			if len(p) < 2 {
				panic("codes: phrase too short: " + p)
			}
			k := classOf(p[0])<<6 | classOf(p[1])
			byKey[k] = append(byKey[k], newPhraseEntry(p, i))
		}
	}
	for k, es := range byKey {
		idx.start[k] = uint16(len(idx.entries))
		idx.entries = append(idx.entries, es...)
	}
	idx.start[64*64] = uint16(len(idx.entries))
	return idx
}

var phrasesByPrefix = buildPhraseIndex(strongPhrases, otherPhrases)

// scan is a lower-cased text with the families whose single phrases occur
// in it, found in one pass.
type scan struct {
	s   string
	hit [maxPhraseSets]bool
}

// newScan finds the phrase families present in d.
func newScan(d string) scan {
	t := scan{s: d}
	idx := phrasesByPrefix
	for i := 0; i+1 < len(d); i++ {
		c1 := idx.class[d[i]]
		if c1 == 0 || (i > 0 && isAlnum(d[i]) && isAlnum(d[i-1])) {
			continue // phrases start at a word boundary
		}
		c2 := idx.class[d[i+1]]
		if c2 == 0 {
			continue
		}
		k := int(c1)<<6 | int(c2)
		// The first 4 bytes tell most entries apart without comparing
		// the strings.
		w := headAt(d, i)
		for _, e := range idx.entries[idx.start[k]:idx.start[k+1]] {
			if w&e.mask == e.head && !t.hit[e.set] && strings.HasPrefix(d[i:], e.phrase) {
				t.hit[e.set] = true
			}
		}
	}
	return t
}

func isAlnum(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// in reports whether t contains one of the phrases of ps.
func (ps *phraseList) in(t *scan) bool {
	if ps.id >= 0 && t.hit[ps.id] {
		return true
	}
	for _, parts := range ps.multi {
		rest, ok := t.s, true
		for _, part := range parts {
			i := strings.Index(rest, part)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(part):]
		}
		if ok {
			return true
		}
	}
	return false
}

// family is one reason with its phrases.
type family struct {
	reason Reason
	set    phraseSet
}

// families is an ordered list of phrase families: the first match wins.
type families []family

func (fs families) find(t *scan) Reason {
	for _, f := range fs {
		if f.set.in(t) {
			return f.reason
		}
	}
	return ""
}

// strongPhrases name a cause so precisely that they win over the status code
// and over the generic families (a DMARC rejection sent as "550 5.7.1 ...
// the message has been blocked" is an authentication failure).
var strongPhrases = families{
	{ReasonSpamDetected, newPhrases(
		"spam classification",
		"classified as spam",
		"rejected as spam",
		"detected as spam",
		"considered spam",
		"message content rejected, ube",
		"suspicion of spam",
	)},
	{ReasonNotAccept, newPhrases(
		"null mx",
		"doesn't receive email according to the administrator",
	)},
	{ReasonHostUnknown, newPhrases(
		"dns error: host not found", // Courier
	)},
	{ReasonNetworkError, newPhrases(
		"dns type 'mx' lookup of", // Gmail: "DNS Error: 12345 DNS type 'mx' lookup of ..."
		"dns error: domain name not found",
		"dns error: unknown host",
	)},
	{ReasonSyntaxError, newPhrases(
		"smtp protocol violation", // Exim
		"smtp protocol synchronization error",
		"smtp syntax error",
	)},
	{ReasonContentError, newPhrases(
		`too many "received" headers`, // Exim
		"too many received: headers",
	)},
	{ReasonAuthFailure, newPhrases(
		"dmarc policy",
		"dmarc verification",
		"dmarc check",
		"dmarc record",
		"dmarc validation",
		"dmarc authentication",
		"dmarc rejection",
		"not pass dmarc",
		"per dmarc",
		"unauthenticated email",
		"sender is unauthenticated",
		"because it is unauthenticated",
		"does not have authentication information",
		"fails to pass authentication checks",
		"authentication checks failed",
		"multiple authentication checks",
		"requires all senders to authenticate",
		"required authentication level",
		"bad spf records",
		"spf check",
		"spf authentication",
		"spf validation",
		"spf fail",
		"spf: fail",
		"fails to pass spf",
		"didn't pass spf",
		"sender policy framework",
		"sender id validation",
		"dkim authentication",
		"didn't pass dkim",
		"dkim check",
		"dkim signature*fail",
		"dkim verification",
		"is not authorized by domain",
		"//spf.pobox.com",
	)},
	{ReasonBadReputation, newPhrases(
		"low reputation",
		"poor reputation",
		"bad reputation",
		"due to ip reputation",
		"ip reputation",
		"domain reputation",
		"sender reputation",
		"reputation of the sending",
		"unexpected volume or user complaints",
		"due to user complaints",
	)},
	{ReasonRequirePTR, newPhrases(
		"no ptr record",
		"ptr record",
		"reverse dns required",
		"reverse dns lookup",
		"reverse dns validation",
		"reverse dns failed",
		"reverse dns failure",
		"with no reverse dns",
		"must have a reverse dns",
		"matching reverse dns",
		"custom reverse dns",
		"reverse lookup failed",
		"dns reverse lookup",
		"ip name lookup failed",
		"cannot find your hostname",
		"cannot find your reverse hostname",
		"bad dns ptr",
		"unresolvable relay host name",
		"unverifyable sending ip",
		"unverifiable sending ip",
		"mismatches client ip",
		"generic dns ptr",
	)},
	{ReasonNotCompliantRFC, newPhrases(
		"not rfc 5322 compliant",
		"not rfc5322 compliant",
		"not rfc 822 compliant",
		"rfc 5322 section",
		"rfc5322 section",
		"headers are not rfc compliant",
		"multiple addresses in from",
		"multiple from: headers",
		"duplicate headers",
		"missing a valid address in the from",
		"missing a valid message-id",
		"disallowed header",
		"encoded-word syntax is not permitted",
		"not compliant with rfc",
		"rfc 5322 specifications",
	)},
	{ReasonFailedSTARTTLS, newPhrases(
		"must issue a starttls",
		"starttls is required",
		"starttls required",
		"starttls failed",
		"starttls error",
		"starttls command first",
		"starttls not supported",
		"starttls-not-supported",
		"failed to starttls",
		"failure in starttls",
		"does not support tls",
		"tls required",
		"requires tls",
		"require tls",
		"tls is required",
		"must use tls",
		"not using a tls connection",
		"wasn't sent over a tls connection",
		"tls handshake",
		"tls negotiation failed",
		"encryption required",
		"encryption needed",
		"dane validation",
		"mta-sts",
		"tlsa",
	)},
	{ReasonVirusDetected, newPhrases(
		"virus detected",
		"virus found",
		"virus infected",
		"infected with a virus",
		"contains a virus",
		"contains virus",
		"message contains malware",
		"malware detected",
		"virus scan",
		"a virus was found",
		"infected attachment",
		"potentially executable attachment",
		"used by recent viruses",
		"prohibited virus",
		"malicious_url",
	)},
	{ReasonSuppressed, newPhrases(
		"suppression list",
		"address is suppressed",
		"address was suppressed", // SparkPost: "recipient address was suppressed due to customer policy"
		"suppressed recipient",
		"onaccountsuppressionlist",
		"not delivering to previously bounced address",              // Mailgun
		"not delivering to unsubscribed address",                    // Mailgun
		"not delivering to a user who marked your messages as spam", // Mailgun
	)},
	{ReasonBlocked, newPhrases(
		"helo command rejected",
		"client host rejected",
		"blocked using",
		"ip address blacklisted",
		"banned sending ip",
	)},
}

// unknownStrong are wordings of a missing mailbox that no command or code
// turns into another reason.
var unknownStrong = newPhrases(
	"recipient name is not recognized",
	"please check if address is correct",
	"000c05a6", // Exchange 2000/2003 MSEXCH code: unknown recipient
	"not listed in domino directory",
	"and other recipients in the same domain", // InterScan MSS
	"not listed in public name & address book",
)

// phrases are the families used by the ordered "true" tests.
var phrases = map[Reason]phraseSet{
	ReasonMailboxFull: newPhrases(
		"mailbox full",
		"mailbox is full",
		"mailbox is over quota",
		"mailbox over quota",
		"over quota",
		"overquota",
		"quota exceeded",
		"quota exceed",
		"exceeded quota",
		"exceeds quota",
		"exceeding its mailbox quota",
		"disk quota",
		"quota full",
		"storage quota",
		"out of storage space",
		"not enough storage space",
		"exhausted allowed storage",
		"exceeded storage allocation",
		"mailbox size limit exceeded",
		"mailbox has exceeded",
		"mailbox exceeds allowed size",
		"mailbox would exceed",
		"mailfolder is full",
		"mail folder is full",
		"their mailbox is full",
		"recipient's mailbox is full",
		"the recipient mailbox has exceeded",
		"user has too many messages",
		"user's space has been used up",
		"too much mail data",
		"inbox is full",
		"inbox is out of storage",
		"account is full",
		"is full and cannot accept",
		"maildir over quota",
		"not enough disk space",
		"does not have enough space",
		"full mailbox",
		"disc quota",
		"diskspace quota",
		"over disk quota",
		"over the quota",
		"quota violation",
		"mail quota",
		"boite du destinataire pleine",
		"mailbox exceeded the local limit",
		"boite pleine",
		"postfach voll",
	),
	ReasonMesgTooBig: newPhrases(
		"message too large",
		"message too big",
		"message is too large",
		"message is too big",
		"mail too large",
		"email too large",
		"message size exceeds",
		"message size limit",
		"message exceeds maximum size",
		"message exceeds the maximum size",
		"exceeds the maximum message size",
		"exceeds message size limit",
		"exceeds size limit",
		"exceeded*message size limit",
		"max message size exceeded",
		"mail size limit exceeded",
		"size of message exceeds",
		"message is larger than",
		"message length exceeds the maximum",
		"size exceeds the limit",
		"size limit exceeded",
		"file too large",
		"size of your message exceeds",
	),
	ReasonExceedLimit: newPhrases(
		"message length exceeds administrative limit",
		"message length exceeds limit",
		"exceeds administrative limit",
		"message header size exceeds",
		"recipsizelimit",
		"receive limit",
	),
	ReasonSuspend: newPhrases(
		"account disabled",
		"account has been disabled",
		"account is disabled",
		"account is inactive",
		"account that you tried to reach is inactive",
		"account has been suspended",
		"account is suspended",
		"account suspended",
		"account has been temporarily suspended",
		"disabled or discontinued",
		"disabled recipient",
		"mailbox disabled",
		"mailbox is disabled",
		"mailbox has been disabled",
		"mailbox is frozen",
		"mailbox suspended",
		"mailbox is suspended",
		"mailbox temporarily disabled",
		"mailbox currently suspended",
		"recipient account is blocked",
		"recipient suspended",
		"user suspended",
		"user account is disabled",
		"user account disabled",
		"deactivated mailbox",
		"account is locked",
		"account has been locked",
		"le compte du destinataire est bloque",
		"boite du destinataire archivee",
	),
	ReasonUserUnknown: newPhrases(
		"user unknown",
		"unknown user",
		"user not found",
		"user not known",
		"user not exist",
		"user does not exist",
		"user doesn't exist",
		"user is unknown",
		"user not active",
		"unknown recipient",
		"unknown mailbox",
		"unknown address",
		"unknown e-mail address",
		"unknown email address",
		"unknown local part",
		"unknown or illegal user",
		"unknown or illegal alias",
		"recipient unknown",
		"recipient not found",
		"recipient not exist",
		"recipient does not exist",
		"recipient doesn't exist",
		"recipient is not local",
		"recipient address rejected: access denied",
		"recipient address rejected: invalid user",
		"recipient address rejected: unknown user",
		"recipient address rejected: user unknown",
		"recipient address rejected: userunknown",
		"recipient address rejected: undeliverable address",
		"recipient address rejected.",
		"recipient rejected: no such user",
		"recipientnotfound",
		"recipnotfound",
		"exrecipnotfound",
		"recipient not found by",
		"no such user",
		"no such mailbox",
		"no such recipient",
		"no such account",
		"no such address",
		"no such person",
		"no such local user",
		"no mailbox here by that name",
		"no mailbox by that name",
		"no mailbox found",
		"no account by that name",
		"no valid recipients",
		"mailbox does not exist",
		"mailbox doesn't exist",
		"mailbox not found",
		"mailbox not present",
		"mailbox unavailable",
		"mailbox is unavailable",
		"mailbox invalid",
		"mailbox name not allowed",
		"mailbox not available",
		"address does not exist",
		"address doesn't exist",
		"address unknown",
		"address not found",
		"address invalid",
		"address is invalid",
		"account does not exist",
		"account doesn't exist",
		"email account that you tried to reach does not exist",
		"doesn't have a*account",
		"does not have an account",
		"invalid recipient",
		"invalid mailbox",
		"invalid address",
		"invalid user",
		"illegal user",
		"bad destination mailbox address",
		"bad recipient address",
		"bad address",
		"is not a valid mailbox",
		"is not a valid user",
		"is not a known user",
		"not a valid recipient",
		"not a valid user",
		"not listed in domino directory",
		"and other recipients in the same domain", // InterScan MSS
		"not listed in public name & address book",
		"not found in directory",
		"not in valid recipients",
		"not our customer",
		"is not an active address",
		"inactive email address",
		"there is no one at this address",
		"the recipient is not a valid",
		"this address no longer accepts mail",
		"no longer valid",
		"destination addresses were unknown",
		"sorry, no mailbox",
		"utilisateur inconnu",
		"destinataire invalide",
		"nessun utente",
		"no existe",
		"unbekannt",
		"vdeliver: invalid or unknown virtual user",
		"user missing home directory",
		"archived recipient",
		"bad-mailbox",
		"can't accept user",
		"destination server rejected recipients",
		"email address could not be found",
		"not a local address",
		"no mail box available",
		"not valid user",
		"recipient is not accepted",
		"recipient not ok",
		"recipient refuses to accept your mail",
		"badrecipientto list",
		"validrcptto list",
		"spectator does not exist",
		"wrong or no longer valid",
		"adresse nicht gefunden",
		"mailbox unavaiable",
		"address you entered couldn't be found", // Exchange, for 5.1.1
		"address you entered could not be found",
	),
	ReasonFiltered: newPhrases(
		"because the recipient is only accepting mail from specific",
		"due to extended inactivity new mail is not currently being accepted",
		"has restricted sms e-mail",
		"is not accepting any mail",
		"message filtered",
		"message rejected due to user rules",
		"not found recipient account",
		"refused due to recipient preferences",
		"rejected by the recipient's filter",
		"rejected by recipient's filter",
		"user refuses to receive this mail",
		"user reject",
		"you have been blocked by the recipient",
		"domain filter",
		"each of the following recipients was rejected by a remote mail server", // au/EZweb
		"header error",
		"recipient has blocked",
		"blocked by recipient",
		"cannot route mail to user",
	),
	ReasonRejected: newPhrases(
		"<> invalid sender",
		"address of sender rejected",
		"bad sender",
		"batv failed",
		"batv validation failure",
		"batv defense",
		"by non-member to a members-only list",
		"can't determine purported responsible address",
		"purported responsible address",
		"connections not accepted from servers without a valid sender domain",
		"domain of sender address",
		"empty envelope senders not allowed",
		"envelope blocked",
		"from: domain is invalid",
		"fully qualified email address required",
		"invalid sender",
		"invalid envelope sender",
		"is not a registered gateway user",
		"mail from not owned by user",
		"no third-party dsns",
		"no valid sender",
		"null sender is not allowed",
		"returned mail not accepted here",
		"sender address has been blacklisted",
		"sender address rejected",
		"sender email address rejected",
		"sender is in my badmailfrom list",
		"sender is spammer",
		"sender not pre-approved",
		"sender rejected",
		"sender domain is empty",
		"sender domain must exist",
		"sender domain must resolve",
		"sender verify failed",
		"sender verification failed",
		"unroutable sender address",
		"unresolvable rfc.5321 from domain",
		"you are not allowed to post to this mailing list",
		"your email address has been blacklisted",
		"all recipient addresses rejected",
		"not subscribed to this group",
		"bogus mail from",
		"denied [bouncedeny]",
		"emetteur invalide",
		"syntax error: empty email address",
		"this server does not accept mail from",
		"unsigned dsn",
		"rule imposed mailbox access",
	),
	ReasonHostUnknown: newPhrases(
		"domain does not exist",
		"domain doesn't exist",
		"domain is not reachable",
		"domain must exist",
		"domain not found",
		"host or domain name not found",
		"host unknown",
		"unknown host",
		"unknown domain",
		"illegal host/domain",
		"mail domain mentioned in email address is unknown",
		"name or service not known",
		"no such domain",
		"recipient domain must exist",
		"the account or domain may not exist",
		"unrouteable address",
		"unrouteable mail domain",
		"unroutable address",
		"couldn't find any host named",
		"couldn't find the recipient domain",
		"weren't able to find the recipient domain",
		"all relevant mx records point to non-existent hosts",
		"all host address lookups failed permanently",
		"no mx record",
		"invalid domain name",
		"dns lookup failure: host",
		"nonexistentdomain",
		"nonexistent domain",
	),
	ReasonSpamDetected: newPhrases(
		" - spam",
		"spam detected",
		"spam message",
		"spam email",
		"spam mail",
		"spam content",
		"spam check",
		"spam score",
		"spam filter",
		"spam rejection",
		"spam not accepted",
		"spam refused",
		"spam url",
		"spam classification",
		"spam-like",
		"is classified as spam",
		"classified as spam",
		"rejected as spam",
		"detected as spam",
		"considered spam",
		"probably spam",
		"looks like spam",
		"suspected spam",
		"suspicion of spam",
		"possible spam",
		"similar to spam",
		"seems to be a spam",
		"likely unsolicited",
		"unsolicited bulk",
		"bulk email",
		"message content rejected",
		"content filter rejection",
		"content rejected",
		"blacklisted url",
		"blocklisted url",
		"uribl",
		"surbl",
		"recurrent pattern detection",
		"spamassassin",
		"judged to be spam",
		"too many spam complaints",
		"too much spam",
		"mail content denied",
		"message was scored",
		"our filters rate",
		"spambouncer",
		"spamming not allowed",
		"ube,",
		", ube",
		"identified as spam",
		"flagged as spam",
		"appears to be spam",
		"looked like spam",
		"antispam",
		"dt:spm",
		"appears to be unsolicited",
		"classification as bulk mail",
		"spam block",
		"rejecting banned content",
		"spam complaint",
		"triggered a spam",
	),
	ReasonTooManyConn: newPhrases(
		"too many connections",
		"too many simultaneous connections",
		"too many concurrent",
		"too many sessions",
		"too many smtp sessions",
		"too many recipients",
		"connection frequency limited",
		"connection limit",
		"maximum number of connections",
		"exceeded the connection limit",
		"max message per connection",
		"trop de connexions",
		"throttling failure",
		"max emails per hour",
		"connection rate limit",
		"maximum connection limit",
	),
	ReasonBlocked: newPhrases(
		"access denied. ip",
		"banned sending ip",
		"blacklisted by",
		"blacklisted ip",
		"ip address blacklisted",
		"ip blacklisted",
		"blocked using",
		"blocked by",
		"blocked - see",
		"blocked for abuse",
		"blocked. see",
		"blocked ip",
		"is blocked",
		"blocklist",
		"block list",
		"blacklist",
		"black list",
		"is listed in",
		"are listed in",
		"is listed on",
		"listed at",
		"dnsbl",
		"spamhaus",
		"spamcop",
		"proofpoint",
		"client host rejected",
		"client host blocked",
		"connection refused",
		"connection rejected",
		"connection not accepted",
		"not accepting connections",
		"no access from mail server",
		"please use the smtp server of your isp",
		"please use your isp",
		"dynamic ip",
		"dial-up",
		"dialup",
		"residential ip",
		"weren't sent",
		"were not sent",
		"your ip",
		"your network is",
		"host network not allowed",
		"refused by policy",
		"rejected by policy",
		"service not available, closing transmission channel",
		"is not allowed to send mail",
		"not allowed to send directly",
		"may not be mail exchanger",
		"bad sender ip",
		"invalid helo",
		"bad helo",
		"helo/ehlo",
		"invalid hostname",
		"adresse ip source bloquee",
		"service refused, please try later",
		"refused - see http",
		"rejected based on blacklist",
		"listed as abusive",
		"is blocked by",
		"you are not allowed to connect",
		"not currently accepting mail from your ip",
		"bad ip profile",
		"go away",
		"ips blocked",
		"has not passed validation",
		"poor email reputation score",
		"connection dropped",
		"esmtp not accepting connections",
	),
}

// userUnknownPrematch: a X.1.1 status with one of these phrases is not a
// missing mailbox but another refusal sent with a careless code.
var userUnknownPrematch = newPhrases(
	"relay access denied",
	"relaying denied",
	"relay not permitted",
	"unable to relay",
	"blocked using",
	"banned sending ip",
	"blacklisted",
	"spamhaus",
	"mailbox full",
	"mailbox is full",
	"over quota",
	"quota exceeded",
	"has moved",
	"sender rejected",
	"sender address rejected",
	"does not accept mail",
	"refused due to recipient preferences",
)

// otherPhrases are the families tried after the status code failed to give a
// firm reason (step 5).
var otherPhrases = families{
	{ReasonSpeeding, newPhrases(
		"rate limit",
		"rate-limit",
		"ratelimit",
		"receiving mail at a rate",
		"receiving email too quickly",
		"too many messages",
		"too many emails",
		"too fast",
		"slow down",
		"try again slower",
		"exceeded the maximum rate",
		"message rate",
		"sending limit exceeded",
		"sending quota",
		"daily limit",
		"hourly limit",
	)},
	{ReasonPolicyViolation, newPhrases(
		"denied by policy",
		"protocol violation",
		"not accepted for policy reasons",
		"rejected for policy reasons",
		"local policy violation",
		"policy restrictions",
		"content presents a potential",
		"message bounced due to organizational settings",
		"closed mailing list",
		"has a policy that prohibits",
		"email rejected due to security policies",
		"message not allowed",
		"prohibited attachment",
		"attachment*not allowed",
		"rejected due to local policy",
		"due to policy",
	)},
	{ReasonNoRelaying, newPhrases(
		"relay access denied",
		"relaying denied",
		"relaying not allowed",
		"relay not permitted",
		"relay denied",
		"relay prohibited",
		"not permitted to relay",
		"not allowed to relay",
		"unable to relay",
		"we do not relay",
		"no relaying",
		"relay rejected",
		"relaying mail to",
		"relay for",
		"email address is not verified",
		"list of allowed rcpthosts",
		"requires authentication when attempting to send to a non-local",
	)},
	{ReasonSystemError, newPhrases(
		"system error",
		"internal error",
		"internal server error",
		"server error",
		"configuration error",
		"config error",
		"system config",
		"local error in processing",
		"transaction failed",
		"service currently unavailable",
		"service unavailable",
		"temporary system problem",
		"server busy",
		"could not load",
		"unable to contact ldap",
		"ldap",
		"database",
		"i/o error",
		"error in processing",
		"timeout waiting for",
		"duplicated message-id",
		"write error",
		"mail transport unavailable",
		"delivery to file forbidden",
		"delivery to pipe forbidden",
		"local delivery failed",
		"lmtp error after",
		"several matches found in domino directory",
		"can't create user output file",
		"interrupted system call",
		"encountered an error while being processed",
		"remote server is misconfigured",
		"resources temporarily unavailable",
		"there is no mdb",
		"forwarding loop broken",
		"unable to deliver message after multiple retries",
	)},
	{ReasonNetworkError, newPhrases(
		"name service error",
		"too many hops",
		"hop count exceeded",
		"mail loop",
		"loops back to myself",
		"forwarding loop",
		"host name lookup failure",
		"destination computer could not be found",
		"host not found, try again",
		"message looping",
		"couldn't find a mail exchanger or ip address",
		"listed as a best-preference mx",
		"destination seem to reject all mails",
		"address family mismatch on destination",
		"all routes to destination blocked",
		"no valid route to destination",
		"routing loop",
		"loop detected",
		"malformed or unexpected name server reply",
		"no route to host",
		"network is unreachable",
		"host unreachable",
		"temporary lookup failure",
		"dns lookup",
		"lookup failed",
		"unable to establish",
		"wasn't able to establish",
		"could not connect",
		"unable to connect",
		"failed to connect",
		"network error",
	)},
	{ReasonContentError, newPhrases(
		"header size exceeds",
		"8-bit data in message header",
		"mime complexity",
		"invalid mime",
		"improperly-formatted binary content",
		"unnecessary base64 encoding",
		"data format error",
		"message is malformed",
		"malformed message",
		"invalid characters",
		"bare line feed",
		"content error",
	)},
	{ReasonSystemFull, newPhrases(
		"insufficient system storage",
		"mail system full",
		"system storage",
		"no space left on device",
		"out of disk space",
		"insufficient disk space",
		"server is full",
	)},
	{ReasonNotAccept, newPhrases(
		"does not accept mail",
		"doesn't accept mail",
		"accepts no mail",
		"not accept any mail",
		"domain does not receive",
		"indicated no smtp service",
		"no host found for existing smtp connection",
		"does not receive mail",
	)},
	{ReasonExpired, newPhrases(
		"connection timed out",
		"timed out",
		"timeout",
		"retry timeout exceeded",
		"retry time not reached",
		"have been failing for a long time",
		"no action is required on your part",
		"host not reachable",
		"delivery attempts will continue",
		"server did not respond",
		"could not be delivered for more than",
		"message timed out",
		"envelope expired",
		"message expired",
		"delivery time expired",
		"has been expired",
		"queue too long",
		"in the queue too long",
		"allowed queue period",
		"could not be delivered for",
		"could not deliver for",
		"could not find a gateway",
		"undelivered after",
		"still undelivered",
		"socket error",
		"delivery expired",
		"expired",
		"failed*attempts",
	)},
	{ReasonSecurityError, newPhrases(
		"authentication required",
		"authentication failed",
		"must authenticate",
		"not authenticated",
		"delivery not authorized",
		"not authorized",
		"insecure mail relay",
		"security policy",
		"security reasons",
		"authentication credentials invalid",
		"authentication failure",
		"unauthenticated senders not allowed",
		"you are not authorized to send mail",
		"password was not accepted",
		"executable files are not allowed",
		"username and password not accepted",
		"application-specific password required",
		"invalid credentials",
		"could not retrieve credentials",
	)},
	{ReasonMailerError, newPhrases(
		"mailer error",
		"procmail",
		"command died",
		"command failed",
		"exit status",
		"exit code",
		"pipe to |",
		"child process of",
		"x-unix",
		"unknown mailer error",
		"mail program",
		"no such file or directory",
		"response template",
	)},
	{ReasonHasMoved, newPhrases(
		"has moved",
		"no longer on server",
		"address has changed",
		"user has moved",
		"new address",
	)},
	{ReasonSyntaxError, newPhrases(
		"syntax error",
		"improper sequence of commands",
		"bad sequence of commands",
		"command unrecognized",
		"unrecognized command",
		"command not recognized",
		"line too long",
	)},
}

// boilerplatePhrases are the opening words of bounce reports: a
// "diagnostic" made of them says nothing about the failure.
var boilerplatePhrases = newPhrases(
	"this is the mail system at host",
	"i'm sorry to have to inform you",
	"automatically generated delivery status notification",
	"this message was created automatically by mail delivery software",
	"delivery to the following recipients failed",
	"could not be delivered to one or more recipients",
	"the following address(es) failed",
	"this is the qmail-send program",
)

// vacationPhrases recognise an automatic reply.
var vacationPhrases = newPhrases(
	"out of the office",
	"out of office",
	"i am away",
	"i'm away",
	"on vacation",
	"auto-reply",
	"autoreply",
	"automatic reply",
	"away from my email",
	"away from the office",
)
