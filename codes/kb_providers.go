package codes

import "slices"

// The providers the knowledge base knows, how to recognise them in a bounce,
// and their tables of entries (one file per provider or family:
// kb_google.go, kb_microsoft.go, kb_yahoo.go, kb_isp.go, kb_filters.go).

// kbProviders is sorted by ID.
var kbProviders = []ProviderInfo{
	{"amazonses", "Amazon SES", "https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html"},
	{"apple", "Apple iCloud Mail", "https://support.apple.com/en-us/102322"},
	{"att", "AT&T", ""},
	{"barracuda", "Barracuda", "https://www.barracudacentral.org/lookups"},
	{"cisco", "Cisco Secure Email (IronPort)", ""},
	{"cloudflare", "Cloudflare Email Routing", "https://developers.cloudflare.com/email-routing/postmaster/"},
	{"comcast", "Comcast / Xfinity", "https://postmaster.comcast.net/mail-error-codes.html"},
	{"cox", "Cox", "https://www.cox.com/residential/support/email-error-codes.html"},
	{"facebook", "Facebook (Meta)", ""},
	{"free", "Free (free.fr)", ""},
	{"gmx", "GMX / WEB.DE / 1&1 IONOS", "https://www.gmx.net/mail/senderguidelines"},
	{"godaddy", "GoDaddy", ""},
	{"google", "Gmail / Google Workspace", "https://support.google.com/a/answer/3726730"},
	{"kddi", "KDDI au / ezweb", ""},
	{"mailru", "Mail.ru", "https://help.mail.ru/notspam-support"},
	{"messagelabs", "Broadcom / Symantec Email Security.cloud (MessageLabs)", ""},
	{"microsoft", "Microsoft 365 / Outlook.com", "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online"},
	{"mimecast", "Mimecast", "https://community.mimecast.com/docs/DOC-1369"},
	{"nttdocomo", "NTT docomo", ""},
	{"orange", "Orange / Wanadoo", "https://postmaster.orange.fr/"},
	{"proofpoint", "Proofpoint", "https://ipcheck.proofpoint.com/"},
	{"sendgrid", "Twilio SendGrid", "https://www.twilio.com/docs/sendgrid/api-reference/bounces-api"},
	{"spectrum", "Charter / Spectrum", "https://www.spectrum.net/support/internet/understanding-email-error-codes"},
	{"tencent", "QQ Mail (Tencent)", "https://service.mail.qq.com/"},
	{"trendmicro", "Trend Micro", "http://www.mail-abuse.com/cgi-bin/lookup"},
	{"yahoo", "Yahoo / AOL", "https://senders.yahooinc.com/smtp-error-codes"},
	{"yandex", "Yandex Mail", ""},
	{"zoho", "Zoho Mail", ""},
}

// kbMarkerTable lists what identifies each provider in a bounce, grouped by
// provider (sorted). Weights: 4 a marker only the rejecting server writes in
// its reply, 3 a receiving host name, 2 a help link or DSN sender, 1 a bare
// domain (which may also be the sender's own).
var kbMarkerTable = []kbMarker{
	{"amazonses.com", "amazonses", 2, true},
	{"bouncesubtype", "amazonses", 2, false},
	{"mail.icloud.com", "apple", 3, true},
	{"support.apple.com/en-us/ht204137", "apple", 2, false},
	{"icloud.com", "apple", 1, true},
	{"abuse-att.net", "att", 3, false},
	{"att.net/blocks", "att", 3, false},
	{"att.net", "att", 1, true},
	{"barracudanetworks.com/reputation", "barracuda", 3, false},
	{"barracudacentral", "barracuda", 3, false},
	{"barracuda", "barracuda", 2, false},
	{"iphmx.com", "cisco", 3, true},
	{"ironport", "cisco", 3, false},
	{"mx.cloudflare.net", "cloudflare", 3, true},
	{"email-routing/postmaster", "cloudflare", 3, false},
	{"cloudflare", "cloudflare", 2, false},
	{"comcast.net", "comcast", 3, true},
	{"comcast", "comcast", 2, false},
	{"cox.net", "cox", 3, true},
	{"cox.com", "cox", 2, true},
	{"postmaster.facebook.com", "facebook", 3, true},
	{"facebook.com", "facebook", 1, true},
	{"free.fr", "free", 3, true},
	{"gmx.net", "gmx", 3, true},
	{"web.de", "gmx", 3, true},
	{"kundenserver.de", "gmx", 3, true},
	{"1and1", "gmx", 3, true},
	{"nemesis", "gmx", 2, false},
	{"gmx.com", "gmx", 2, true},
	{"secureserver.net", "godaddy", 3, true},
	{"gsmtp", "google", 4, false},
	{"l.google.com", "google", 3, true},
	{"smtp-relay.gmail.com", "google", 3, true},
	{"smtp.gmail.com", "google", 3, true},
	{"mx.google.com", "google", 1, true},
	{"support.google.com/mail", "google", 2, false},
	{"support.google.com/a", "google", 2, false},
	{"googlemail.com", "google", 1, true},
	{"google.com", "google", 1, true},
	{"ezweb.ne.jp", "kddi", 3, true},
	{"au.com", "kddi", 2, true},
	{"mail.ru", "mailru", 3, true},
	{"messagelabs", "messagelabs", 3, false},
	{"symanteccloud.com", "messagelabs", 3, false},
	{"resolver.rst.", "microsoft", 4, false},
	{"resolver.adr.", "microsoft", 4, false},
	{"storedrv.", "microsoft", 4, false},
	{"protection.outlook.com", "microsoft", 3, true},
	{"prod.outlook.com", "microsoft", 3, true},
	{"hotmail.com", "microsoft", 2, true},
	{"postmaster.live.com", "microsoft", 2, true},
	{"mail.live.com", "microsoft", 2, true},
	{"messaging.microsoft.com", "microsoft", 2, true},
	{"sender.office.com", "microsoft", 2, true},
	{"office365.com", "microsoft", 2, true},
	{"outlook.com", "microsoft", 1, true},
	{"mimecast", "mimecast", 3, false},
	{"docomo.ne.jp", "nttdocomo", 3, true},
	{"orange.fr", "orange", 3, true},
	{"wanadoo.fr", "orange", 3, true},
	{"pphosted.com", "proofpoint", 3, true},
	{"ipcheck.proofpoint.com", "proofpoint", 3, false},
	{"support.proofpoint.com", "proofpoint", 3, false},
	{"proofpoint", "proofpoint", 1, false},
	{"sendgrid", "sendgrid", 3, false},
	{"charter.net", "spectrum", 3, true},
	{"spectrum.net/support", "spectrum", 3, false},
	{"spectrum.net", "spectrum", 2, true},
	{"qq.com", "tencent", 3, true},
	{"trend micro", "trendmicro", 3, false},
	{"trendmicro", "trendmicro", 3, false},
	{"mail-abuse.com", "trendmicro", 2, false},
	{"yahoodns.net", "yahoo", 3, true},
	{"postmaster.yahoo.com", "yahoo", 2, true},
	{"yahooinc.com", "yahoo", 2, true},
	{"help.yahoo.com", "yahoo", 2, true},
	{"yahoo.com", "yahoo", 1, true},
	{"aol.com", "yahoo", 1, true},
	{"yandex", "yandex", 3, false},
	{"ya.cc", "yandex", 2, true},
	{"zoho.com", "zoho", 3, true},
	{"zoho.eu", "zoho", 3, true},
}

// kbTable is a provider's entry table: each entry takes the provider's id,
// and its source where the entry cites none, when the knowledge base's
// indexes are built (kbBuild). The tables are package-level literals, so
// that the compiler lays most of them out as data: built by functions, they
// were some 300 KB of code in each wasm file. (The copies of shared fix
// lists and links remain code, in the package's init: the compiler copies
// one variable into another statically only before the first initialiser
// that calls a function, such as errors.New.)
type kbTable struct {
	provider string
	source   string
	entries  []Entry
}

// kbProviderTables returns the provider entry tables.
func kbProviderTables() []kbTable {
	return slices.Concat([]kbTable{kbGoogle, kbMicrosoft, kbYahoo}, kbISP, kbFilters)
}

// kbSteps joins fix-step lists.
func kbSteps(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
