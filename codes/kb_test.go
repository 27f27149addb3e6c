package codes

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readTSV reads a reference table from testdata/reference (a copy of the
// project's shared reference files), skipping the header line.
func readTSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "reference", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		if first || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func knownReason(r Reason) bool { return slices.Contains(Reasons(), r) }

func knownRetry(r Retry) bool { return r == RetryNo || r == RetryLater || r == RetryAfterFix }

func knownActor(a Actor) bool { return a == ActorSender || a == ActorRecipient || a == ActorNobody }

// checkFailureEntry checks the fields every failure explanation needs.
func checkExplanation(t *testing.T, what string, ex Explanation, failure bool) {
	t.Helper()
	if ex.Title == "" || ex.Summary == "" || ex.Meaning == "" {
		t.Errorf("%s: empty title, summary or meaning: %+v", what, ex)
	}
	if !knownRetry(ex.Retry) || !knownActor(ex.Actor) || !knownReason(ex.Reason) {
		t.Errorf("%s: bad retry %q, actor %q or reason %q", what, ex.Retry, ex.Actor, ex.Reason)
	}
	if failure && len(ex.Fix) == 0 {
		t.Errorf("%s: failure without fix steps", what)
	}
	for _, s := range ex.Fix {
		if strings.TrimSpace(s) == "" {
			t.Errorf("%s: empty fix step", what)
		}
	}
}

func TestKBReplyCodesComplete(t *testing.T) {
	rows := readTSV(t, "reply-codes.tsv")
	if len(rows) < 39 {
		t.Fatalf("reply-codes.tsv: %d rows, want at least 39", len(rows))
	}
	for _, row := range rows {
		code, err := ParseReplyCode(row[0])
		if err != nil {
			t.Errorf("reply-codes.tsv: %q: %v", row[0], err)
			continue
		}
		t.Run(row[0], func(t *testing.T) {
			e, ok := LookupEntry(row[0])
			if !ok {
				t.Fatalf("no entry for reply code %s (%s)", row[0], row[1])
			}
			if e.Kind != KindReply || e.Reply != code || e.Title == "" || e.Meaning == "" || e.RFC == "" {
				t.Errorf("incomplete entry %+v", e)
			}
			// The RFC named by the reference table must be cited.
			for _, rfc := range strings.Split(row[2], ", ") {
				if !strings.Contains(e.RFC, rfc) {
					t.Errorf("entry cites %q, reference says %q", e.RFC, row[2])
				}
			}
			ex := Explain(Query{Reply: code})
			checkExplanation(t, row[0], ex, code.Class() >= 4)
			if ex.Entry != row[0] {
				t.Errorf("Explain used entry %q, want %q", ex.Entry, row[0])
			}
			switch code.Class() {
			case 4:
				if ex.Retry == RetryNo {
					t.Errorf("4xx %s advises retry %q", row[0], ex.Retry)
				}
			case 2, 3:
				if ex.Retry != RetryNo || ex.Actor != ActorNobody {
					t.Errorf("%s: success code advises retry %q, actor %q", row[0], ex.Retry, ex.Actor)
				}
			}
		})
	}
}

func TestKBEnhancedCodesComplete(t *testing.T) {
	rows := readTSV(t, "enhanced-status-codes.tsv")
	if len(rows) != 81 {
		t.Fatalf("enhanced-status-codes.tsv: %d rows, want 81", len(rows))
	}
	for _, row := range rows {
		sd := strings.TrimPrefix(row[0], "X.")
		for _, class := range []string{"4", "5"} {
			id := class + "." + sd
			t.Run(id, func(t *testing.T) {
				code, err := ParseEnhancedCode(id)
				if err != nil {
					t.Fatal(err)
				}
				e, ok := LookupEntry(id)
				if !ok {
					t.Fatalf("no entry for %s (%s)", id, row[1])
				}
				if e.Kind != KindEnhanced || e.Status != code {
					t.Errorf("entry %s has kind %q, status %v", id, e.Kind, e.Status)
				}
				if e.Title != row[1] {
					t.Errorf("title %q, registry says %q", e.Title, row[1])
				}
				if e.RFC != row[3] {
					t.Errorf("RFC %q, registry says %q", e.RFC, row[3])
				}
				if e.Deprecated != strings.Contains(row[1], "deprecated") {
					t.Errorf("deprecated = %v for %q", e.Deprecated, row[1])
				}
				ex := Explain(Query{Status: code})
				checkExplanation(t, id, ex, true)
				if ex.Entry != id {
					t.Errorf("Explain used entry %q, want %q", ex.Entry, id)
				}
				if class == "4" && ex.Retry != RetryLater {
					t.Errorf("%s: transient code advises retry %q", id, ex.Retry)
				}
				if class == "4" && ex.HardBounce {
					t.Errorf("%s: a transient failure is never a hard bounce", id)
				}
				if ReasonForStatus(code) != e.Reason {
					t.Errorf("ReasonForStatus(%s) = %q, entry says %q", id, ReasonForStatus(code), e.Reason)
				}
			})
		}
	}
}

// TestKBSeedDistinctions checks the distinctions the product is built on.
func TestKBSeedDistinctions(t *testing.T) {
	tests := []struct {
		name  string
		q     Query
		words []string
		retry Retry
	}{
		{"5.7.1 is authorization", Query{Reply: 550, Status: EnhancedCode{5, 7, 1}}, []string{"Authorization", "relay"}, RetryAfterFix},
		{"5.7.8 is identity", Query{Reply: 535, Status: EnhancedCode{5, 7, 8}}, []string{"Identity", "login"}, RetryAfterFix},
		{"5.7.26 is mail authentication", Query{Reply: 550, Status: EnhancedCode{5, 7, 26}}, []string{"SPF", "DKIM", "DMARC", "not about your login"}, RetryAfterFix},
		{"451 is often greylisting", Query{Reply: 451}, []string{"greylisting", "clears by itself"}, RetryLater},
		{"4.7.1 is often greylisting", Query{Reply: 451, Status: EnhancedCode{4, 7, 1}}, []string{"greylisting"}, RetryLater},
		{"persistent 421 is rate or reputation", Query{Reply: 421}, []string{"persists across messages", "slow down", "not to retry harder"}, RetryLater},
		{"250 is accepted, not inboxed", Query{Reply: 250}, []string{"Accepted is not inboxed", "spam"}, RetryNo},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := Explain(tt.q)
			for _, w := range tt.words {
				if !strings.Contains(ex.Meaning, w) {
					t.Errorf("meaning lacks %q: %s", w, ex.Meaning)
				}
			}
			if ex.Retry != tt.retry {
				t.Errorf("retry %q, want %q", ex.Retry, tt.retry)
			}
		})
	}
	// The fixes differ: scope for 5.7.1, credentials for 5.7.8, DNS records for 5.7.26.
	fix := func(s EnhancedCode) string { return strings.Join(Explain(Query{Status: s}).Fix, " ") }
	if f := fix(EnhancedCode{5, 7, 8}); !strings.Contains(f, "password") || !strings.Contains(f, "OAuth") {
		t.Errorf("5.7.8 fix does not speak of credentials: %s", f)
	}
	if f := fix(EnhancedCode{5, 7, 26}); !strings.Contains(f, "_dmarc") || !strings.Contains(f, "_domainkey") || !strings.Contains(f, "v=spf1") {
		t.Errorf("5.7.26 fix does not name the DNS records: %s", f)
	}
	if f := fix(EnhancedCode{5, 7, 1}); !strings.Contains(f, "Relay denied") {
		t.Errorf("5.7.1 fix does not speak of relaying: %s", f)
	}
}

func TestKBPrecedence(t *testing.T) {
	tests := []struct {
		name     string
		q        Query
		entry    string
		provider string
		reason   Reason
		meaning  string // a fragment the meaning must contain
	}{
		{"Microsoft 5.1.10 is recipient not found",
			Query{Reply: 550, Status: EnhancedCode{5, 1, 10}, Text: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup [DB3EUR04FT003.eop-eur04.prod.protection.outlook.com]"},
			"microsoft-550-5.1.10", "microsoft", ReasonUserUnknown, "null MX"},
		{"5.1.10 without a provider is null MX",
			Query{Reply: 550, Status: EnhancedCode{5, 1, 10}, Text: "550 5.1.10 Recipient address has null MX"},
			"5.1.10", "", ReasonNotAccept, "null MX"},
		{"provider given by the caller",
			Query{Provider: "microsoft", Reply: 550, Status: EnhancedCode{5, 1, 10}},
			"microsoft-550-5.1.10", "microsoft", ReasonUserUnknown, "IANA registry"},
		{"Gmail 5.7.29 is TLS",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 29}, Text: "550 5.7.29 This message wasn't sent over a TLS connection. a1si2 - gsmtp"},
			"google-550-5.7.29", "google", ReasonFailedSTARTTLS, "ARC validation failure"},
		{"5.7.29 without a provider is ARC",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 29}, Text: "550 5.7.29 ARC validation failure"},
			"5.7.29", "", ReasonAuthFailure, "ARC"},
		{"Gmail 5.7.30 is DKIM",
			Query{Provider: "google", Reply: 550, Status: EnhancedCode{5, 7, 30}},
			"google-550-5.7.30", "google", ReasonAuthFailure, "REQUIRETLS"},
		{"5.7.30 without a provider is REQUIRETLS",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 30}},
			"5.7.30", "", ReasonFailedSTARTTLS, "REQUIRETLS"},
		{"Gmail 5.7.26 by code alone",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 26}, Text: "550 5.7.26 Some new wording nobody documented. x12si - gsmtp"},
			"google-550-5.7.26", "google", ReasonAuthFailure, "SPF"},
		{"phrase picks among a provider's entries",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 1}, Text: "550-5.7.1 [203.0.113.9] Our system has detected that this message is likely unsolicited email. a1si2 - gsmtp"},
			"google-550-5.7.1-spam", "google", ReasonSpamDetected, "spam"},
		{"phrase split by a joined continuation line",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 1}, Text: "550-5.7.1 [192.0.2.1] Our system has detected that this message is 550-5.7.1 likely unsolicited email. a1si2 - gsmtp"},
			"google-550-5.7.1-spam", "google", ReasonSpamDetected, "spam"},
		{"ambiguous provider code falls back to IANA",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 1}, Text: "550 5.7.1 Something undocumented. a1si2 - gsmtp"},
			"5.7.1", "google", ReasonPolicyViolation, "Authorization"},
		{"token without provider host",
			Query{Reply: 421, Status: EnhancedCode{4, 7, 0}, Text: "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1"},
			"yahoo-421-4.7.0-tss04", "yahoo", ReasonBadReputation, "complaints"},
		{"Microsoft-only code without provider",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 708}},
			"microsoft-550-5.7.708", "microsoft", ReasonBadReputation, "IP"},
		{"range entry",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 612}, Text: "550 5.7.612 Access denied, banned sending IP [192.0.2.1]. host.prod.protection.outlook.com"},
			"microsoft-550-5.7.606-649", "microsoft", ReasonBlocked, "blocked senders list"},
		{"exact code beats range",
			Query{Reply: 451, Status: EnhancedCode{4, 7, 650}, Text: "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. (S775) [x.protection.outlook.com]"},
			"microsoft-451-4.7.650", "microsoft", ReasonBadReputation, "reputation"},
		{"provider code that needs its phrase",
			Query{Reply: 550, Status: EnhancedCode{5, 2, 2}, Text: "550 5.2.2 STOREDRV.Deliver: mailbox full"},
			"5.2.2", "microsoft", ReasonMailboxFull, "quota"},
		{"unknown detail falls back to subject",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 999}},
			"5.7.0", "", ReasonPolicyViolation, "security or policy status"},
		{"unknown transient detail falls back to subject",
			Query{Reply: 451, Status: EnhancedCode{4, 4, 32}},
			"4.4.0", "", ReasonNetworkError, "network and routing status"},
		{"unknown subject falls back to class",
			Query{Status: EnhancedCode{5, 9, 1}},
			"5.0.0", "", ReasonUndefined, "permanent failure"},
		{"unknown success detail",
			Query{Reply: 250, Status: EnhancedCode{2, 4, 9}},
			"", "", ReasonDelivered, "success"},
		{"reply code only",
			Query{Reply: 552},
			"552", "", ReasonMailboxFull, "quota"},
		{"unlisted reply code",
			Query{Reply: 459},
			"", "", ReasonUndefined, "transient failure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := Explain(tt.q)
			if ex.Entry != tt.entry || ex.Provider != tt.provider || ex.Reason != tt.reason {
				t.Errorf("got entry %q provider %q reason %q, want %q %q %q", ex.Entry, ex.Provider, ex.Reason, tt.entry, tt.provider, tt.reason)
			}
			if !strings.Contains(ex.Meaning, tt.meaning) {
				t.Errorf("meaning lacks %q: %s", tt.meaning, ex.Meaning)
			}
			checkExplanation(t, tt.name, ex, tt.q.Reply.Class() >= 4 || tt.q.Status.Class() >= 4)
		})
	}
}

func TestKBFollowReason(t *testing.T) {
	tests := []struct {
		name   string
		q      Query
		entry  string
		reason Reason
		retry  Retry
		hard   bool
	}{
		{"vague code, reason from the text",
			Query{Reply: 550, Status: EnhancedCode{5, 0, 0}, Text: "550 5.0.0 <user@example.com>... User unknown", Reason: ReasonUserUnknown},
			"reason-userunknown", ReasonUserUnknown, RetryNo, true},
		{"temporary code keeps retrying",
			Query{Reply: 450, Status: EnhancedCode{4, 0, 0}, Text: "450 4.0.0 user unknown", Reason: ReasonUserUnknown},
			"reason-userunknown", ReasonUserUnknown, RetryLater, false},
		{"code entry with the same reason stays",
			Query{Reply: 550, Status: EnhancedCode{5, 1, 1}, Reason: ReasonUserUnknown},
			"5.1.1", ReasonUserUnknown, RetryNo, true},
		{"provider entry stays",
			Query{Reply: 550, Status: EnhancedCode{5, 7, 26}, Text: "550 5.7.26 unauthenticated email - gsmtp", Reason: ReasonPolicyViolation},
			"google-550-5.7.26", ReasonAuthFailure, RetryAfterFix, false},
		{"undefined reason changes nothing",
			Query{Reply: 550, Status: EnhancedCode{5, 2, 2}, Reason: ReasonUndefined},
			"5.2.2", ReasonMailboxFull, RetryLater, false},
		{"undefined code, the same reason: a delivery",
			Query{Reply: 250, Status: EnhancedCode{2, 0, 0}, Text: "250 2.0.0 OK 1701079201", Reason: ReasonDelivered},
			"reason-delivered", ReasonDelivered, RetryNo, false},
		{"no codes, an auto-reply",
			Query{Text: "I am out of the office until Monday.", Reason: ReasonVacation},
			"reason-vacation", ReasonVacation, RetryNo, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := Explain(tt.q)
			if ex.Entry != tt.entry || ex.Reason != tt.reason || ex.Retry != tt.retry || ex.HardBounce != tt.hard {
				t.Errorf("got %q %q %q hard=%v, want %q %q %q hard=%v", ex.Entry, ex.Reason, ex.Retry, ex.HardBounce, tt.entry, tt.reason, tt.retry, tt.hard)
			}
			checkExplanation(t, tt.name, ex, tt.reason != ReasonVacation && tt.reason != ReasonDelivered)
		})
	}
	if ex := Explain(Query{Reason: ReasonVacation}); !strings.Contains(ex.Summary, "not a delivery failure") {
		t.Errorf("vacation summary: %s", ex.Summary)
	}
	if ex := Explain(Query{Reply: 550, Status: EnhancedCode{5, 0, 0}, Reason: ReasonMailboxFull}); !strings.Contains(ex.Meaning, "Other undefined status") {
		t.Errorf("the meaning does not keep what the code says: %s", ex.Meaning)
	}
	if ex := Explain(Query{Reply: 250, Status: EnhancedCode{2, 0, 0}, Reason: ReasonDelivered}); ex.Summary != "Delivered (250 2.0.0): not a delivery failure, nothing to retry." ||
		strings.Contains(ex.Meaning, "The text says so") {
		t.Errorf("delivery with 2.0.0: %s / %s", ex.Summary, ex.Meaning)
	}
}

func TestKBGreylisting(t *testing.T) {
	for _, text := range []string{
		"451 4.7.1 <user@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
		"450 4.2.0 <user@example.org>: Recipient address rejected: Greylisting in action, please come back later",
		"451 Temporary local problem - please try later (graylisted)",
	} {
		q := queryOf(providerCase{text: text})
		ex := Explain(q)
		if !strings.HasPrefix(ex.Title, "Greylisted") || ex.Retry != RetryLater || ex.Actor != ActorNobody || !strings.Contains(ex.Meaning, "clears by itself") {
			t.Errorf("%q: %+v", text, ex)
		}
	}
	// A permanent refusal that mentions greylisting is not a deferral.
	if ex := Explain(Query{Reply: 550, Status: EnhancedCode{5, 7, 1}, Text: "550 5.7.1 greylisting failed"}); strings.HasPrefix(ex.Title, "Greylisted") {
		t.Errorf("5xx explained as greylisting: %+v", ex)
	}
}

func TestKBReplyClassDisagreement(t *testing.T) {
	// Google pairs reply 421 with a 5.x.x code: the MTA retries, the message is refused.
	ex := Explain(Query{Reply: 421, Status: EnhancedCode{5, 7, 25}})
	if ex.Retry != RetryAfterFix || !strings.Contains(ex.Meaning, "retries fail until the cause is fixed") {
		t.Errorf("421 5.7.25: retry %q, meaning %q", ex.Retry, ex.Meaning)
	}
}

func TestKBBlocklists(t *testing.T) {
	tests := []struct {
		text, id string
		actor    Actor
	}{
		{"550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", "spamhaus-zen", ActorSender},
		{"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using sbl.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1", "spamhaus-sbl", ActorSender},
		{"554 rejected: listed on xbl.spamhaus.org", "spamhaus-xbl", ActorSender},
		{"550 5.7.1 blocked using pbl.spamhaus.org", "spamhaus-pbl", ActorSender},
		{"550 5.7.1 Message rejected: listed in Spamhaus CSS", "spamhaus-css", ActorSender},
		{"554 5.7.1 URL in message listed on dbl.spamhaus.org", "spamhaus-dbl", ActorSender},
		{"554 blocked using zen.spamhaus.org (127.255.255.254)", "spamhaus-query-error", ActorRecipient},
		{"550 rejected by Spamhaus", "spamhaus", ActorSender},
		{"554 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org", "barracuda-brbl", ActorSender},
		{"550 5.7.1 blocked using bl.spamcop.net", "spamcop", ActorSender},
		{"550 5.7.1 Client host blocked using dnsbl-1.uceprotect.net", "uceprotect", ActorSender},
		{"554 5.7.1 Client host rejected: blocked using dnsbl.sorbs.net", "sorbs", ActorRecipient},
		{"550 listed at ivmSIP, see invaluement", "invaluement", ActorSender},
		{"550 5.7.1 blocked using bl.mailspike.net", "mailspike", ActorSender},
		{"550 5.7.1 blocked using psbl.surriel.com", "psbl", ActorSender},
		{"554 rejected, IP has a poor reputation at csi.cloudmark.com/en/reset/", "cloudmark-csi", ActorSender},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			ex := Explain(Query{Reply: 550, Status: EnhancedCode{5, 7, 1}, Text: tt.text})
			if ex.Blocklist != tt.id {
				t.Fatalf("blocklist %q, want %q", ex.Blocklist, tt.id)
			}
			e, _ := LookupEntry(tt.id)
			if ex.Entry != tt.id || ex.Title != e.Title {
				t.Errorf("entry %q title %q: a generic code entry should give way to the list", ex.Entry, ex.Title)
			}
			if e.Kind != KindBlocklist || !strings.Contains(ex.Meaning, e.Meaning) {
				t.Errorf("meaning does not carry the listing: %s", ex.Meaning)
			}
			if ex.Actor != tt.actor || ex.Reason != e.Reason || len(ex.Fix) == 0 {
				t.Errorf("actor %q reason %q fix %d, want actor %q reason %q", ex.Actor, ex.Reason, len(ex.Fix), tt.actor, e.Reason)
			}
			for _, l := range e.Links {
				if !slices.Contains(ex.Links, l) {
					t.Errorf("link %v missing", l)
				}
			}
		})
	}
	if e, _ := LookupEntry("sorbs"); !strings.Contains(e.Meaning, "2024") {
		t.Errorf("SORBS entry does not say it is gone since 2024: %s", e.Meaning)
	}
	// A text with no codes but a named list is explained by the list itself.
	ex := Explain(Query{Text: "Client host [192.0.2.1] blocked using bl.spamcop.net"})
	if ex.Entry != "spamcop" || ex.Reason != ReasonBlocked {
		t.Errorf("text-only blocklist: entry %q reason %q", ex.Entry, ex.Reason)
	}
}

// TestListedNotUnknown: words of a refused mailbox around a named
// blocklist. The list is the cause: the address stays.
func TestListedNotUnknown(t *testing.T) {
	const line = "550 Requested action not taken: mailbox unavailable (Mail from 192.0.2.1 refused: IP listed by Spamhaus. See https://www.spamhaus.org/query/ip/192.0.2.1)"
	ex := Explain(Query{Reply: 550, Text: line, Reason: ReasonUserUnknown})
	if ex.Entry != "spamhaus" || ex.Reason != ReasonBlocked || strings.Contains(ex.Meaning, "does not exist") {
		t.Errorf("Explain: entry %q reason %q meaning %q; want the list, with the meaning of 550 alone", ex.Entry, ex.Reason, ex.Meaning)
	}
	rep, err := Decode([]byte(line))
	if err != nil || len(rep.Recipients) != 1 {
		t.Fatalf("Decode: %v, %d recipients", err, len(rep.Recipients))
	}
	if rc := rep.Recipients[0]; rc.Reason != ReasonBlocked || rc.HardBounce || rc.Retry != RetryAfterFix {
		t.Errorf("reason %q, hard bounce %v, retry %q; want blocked, keep the address, fix first", rc.Reason, rc.HardBounce, rc.Retry)
	}
}

func TestKBDetectProvider(t *testing.T) {
	tests := []struct {
		text, id, token string
	}{
		{"Remote-MTA: dns; gmail-smtp-in.l.google.com", "google", "gmail-smtp-in.l.google.com"},
		{"550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a22si5387311pfc.217 - gsmtp", "google", "gsmtp"},
		{"Reporting-MTA: dns; mail-sor-f41.google.com\nRemote-MTA: dns; mta7.am0.yahoodns.net", "yahoo", "mta7.am0.yahoodns.net"},
		{"Generating server: DB3EUR04FT003.eop-eur04.prod.protection.outlook.com", "microsoft", "DB3EUR04FT003.eop-eur04.prod.protection.outlook.com"},
		{"host example-com.mail.protection.outlook.com[192.0.2.1] said: 550 5.7.1", "microsoft", "example-com.mail.protection.outlook.com"},
		{"from mx1.mail.icloud.com", "apple", "mx1.mail.icloud.com"},
		{"host mx0a-00123.pphosted.com said", "proofpoint", "mx0a-00123.pphosted.com"},
		{"eu-smtp-inbound-1.mimecast.com", "mimecast", "mimecast"},
		{"554 Service unavailable; Client host blocked using Barracuda Reputation", "barracuda", "Barracuda"},
		{"route1.mx.cloudflare.net", "cloudflare", "route1.mx.cloudflare.net"},
		{"mx.kundenserver.de", "gmx", "mx.kundenserver.de"},
		{"Diagnostic-Code: smtp; 550 5.7.1 RESOLVER.RST.AuthRequired; authentication required", "microsoft", "RESOLVER.RST."},
		{"nothing to see here, example.com", "", ""},
		{"", "", ""},
		{"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred", "yahoo", "[TSS04]"},
		{"554 cmsmtp 192.0.2.1 blocked. AUP#In-1020", "spectrum", "AUP#In-1020"},
		{"Received: by mx.google.com\nDiagnostic-Code: smtp; 550 5.7.1 [CS01] Message rejected", "apple", "[CS01]"},
		{"googleplex.com.evil and notgsmtpx", "", ""},
	}
	for _, tt := range tests {
		id, start, end := DetectProvider(tt.text)
		if id != tt.id {
			t.Errorf("DetectProvider(%q) = %q, want %q", tt.text, id, tt.id)
			continue
		}
		if tt.id == "" {
			if start != -1 || end != -1 {
				t.Errorf("DetectProvider(%q): span %d-%d for no provider", tt.text, start, end)
			}
			continue
		}
		if start < 0 || end > len(tt.text) || tt.text[start:end] != tt.token {
			t.Errorf("DetectProvider(%q): span %d-%d, want %q", tt.text, start, end, tt.token)
		}
	}
	for _, m := range kbMarkerTable {
		if _, ok := kbProviderByID(m.provider); !ok {
			t.Errorf("marker %q names unknown provider %q", m.needle, m.provider)
		}
		if m.needle != strings.ToLower(m.needle) {
			t.Errorf("marker %q is not lower case", m.needle)
		}
	}
}

func TestKBEntries(t *testing.T) {
	all := Entries()
	ids := map[string]bool{}
	kinds := map[EntryKind]int{}
	for i, e := range all {
		kinds[e.Kind]++
		if ids[e.ID] {
			t.Errorf("duplicate ID %q", e.ID)
		}
		ids[e.ID] = true
		for _, c := range e.ID {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
				t.Errorf("ID %q is not a URL-safe lower-case slug", e.ID)
				break
			}
		}
		if i > 0 && kbCompareEntries(all[i-1], e) >= 0 {
			t.Errorf("entries not sorted at %q, %q", all[i-1].ID, e.ID)
		}
		if e.Title == "" || e.Meaning == "" || e.Source == "" || !knownRetry(e.Retry) || !knownActor(e.Actor) || !knownReason(e.Reason) {
			t.Errorf("incomplete entry %q: %+v", e.ID, e)
		}
		failure := e.Kind == KindProvider || e.Kind == KindBlocklist || e.Status.Class() >= 4 || e.Reply.Class() >= 4 ||
			e.Kind == KindReason && e.Reason != ReasonDelivered && e.Reason != ReasonVacation
		if failure && len(e.Fix) == 0 {
			t.Errorf("%q: no fix steps", e.ID)
		}
		for _, f := range append([]string{e.Meaning}, e.Fix...) {
			if !strings.HasSuffix(f, ".") && !strings.HasSuffix(f, ".)") || strings.Contains(f, "  ") {
				t.Errorf("%q: not a finished sentence: %q", e.ID, f)
			}
		}
		if e.HardBounce && e.Retry != RetryNo {
			t.Errorf("%q: hard bounce but retry %q", e.ID, e.Retry)
		}
		for _, l := range e.Links {
			if l.Title == "" || !strings.HasPrefix(l.URL, "https://") && !strings.HasPrefix(l.URL, "http://") {
				t.Errorf("%q: bad link %+v", e.ID, l)
			}
		}
		if e.Kind == KindProvider {
			if _, ok := kbProviderByID(e.Provider); !ok {
				t.Errorf("%q: unknown provider %q", e.ID, e.Provider)
			}
			if p, _ := kbProviderByID(e.Provider); len(e.Links) == 0 && p.URL != "" {
				t.Errorf("%q: no link", e.ID)
			}
			if !strings.HasPrefix(e.ID, e.Provider+"-") {
				t.Errorf("%q: ID does not start with its provider %q", e.ID, e.Provider)
			}
			if e.Token == "" && len(e.Match) == 0 && !kbx().statusOnly[e.ID] {
				t.Errorf("%q: nothing can select this entry (no token, phrase or unique code)", e.ID)
			}
			for _, m := range e.Match {
				if m != strings.ToLower(m) || m != kbNormalize(m) {
					t.Errorf("%q: phrase %q is not normalized lower case", e.ID, m)
				}
			}
		}
		got, ok := LookupEntry(e.ID)
		if !ok || got.ID != e.ID || got.Title != e.Title {
			t.Errorf("LookupEntry(%q) = %v, %v", e.ID, got.ID, ok)
		}
	}
	for _, r := range Reasons() {
		if e, ok := LookupEntry("reason-" + string(r)); !ok || e.Reason != r || e.Kind != KindReason {
			t.Errorf("reason %q: no entry", r)
		}
	}
	if kinds[KindReply] < 39 || kinds[KindEnhanced] < 162 || kinds[KindProvider] < 150 || kinds[KindBlocklist] < 10 || kinds[KindReason] != len(Reasons()) {
		t.Errorf("entry counts %v", kinds)
	}
	// Entries returns a copy: changing it does not change the knowledge base.
	all[0].Title = "changed"
	if len(all[0].Fix) > 0 {
		all[0].Fix[0] = "changed"
	}
	if e := Entries()[0]; e.Title == "changed" || len(e.Fix) > 0 && e.Fix[0] == "changed" {
		t.Error("Entries exposes the tables")
	}
	if _, ok := LookupEntry("no-such-entry"); ok {
		t.Error("LookupEntry found a missing entry")
	}
	provs := Providers()
	if !slices.IsSortedFunc(provs, func(a, b ProviderInfo) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("Providers not sorted")
	}
	for _, p := range provs {
		if p.Name == "" || p.URL != "" && !strings.HasPrefix(p.URL, "https://") && !strings.HasPrefix(p.URL, "http://") {
			t.Errorf("provider %+v incomplete", p)
		}
	}
	for _, id := range []string{"google", "microsoft", "yahoo", "apple", "comcast", "cox", "orange", "godaddy", "spectrum", "zoho", "yandex", "mailru", "tencent", "gmx", "mimecast", "proofpoint", "barracuda", "cisco", "trendmicro", "messagelabs", "cloudflare", "amazonses", "sendgrid"} {
		if _, ok := kbProviderByID(id); !ok {
			t.Errorf("provider %q missing", id)
		}
	}
}

// providersDoc is testdata/reference/providers.md, normalized like the
// texts Explain reads.
func providersDoc(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "reference", "providers.md"))
	if err != nil {
		t.Fatal(err)
	}
	return kbNormalize(strings.NewReplacer("`", "", "**", "").Replace(string(raw)))
}

// docTables are provider values documented in table form rather than as
// quoted wording: the row or cell of providers.md that documents them.
var docTables = map[string]string{
	"amazonses-permanent-general":                  "| permanent | general |",
	"amazonses-permanent-noemail":                  "| permanent | noemail |",
	"amazonses-permanent-onaccountsuppressionlist": "| permanent | onaccountsuppressionlist |",
	"amazonses-permanent-suppressed":               "| permanent | suppressed |",
	"amazonses-permanent-unsubscribedrecipient":    "| permanent | unsubscribedrecipient |",
	"amazonses-transient-attachmentrejected":       "/ attachmentrejected |",
	"amazonses-transient-contentrejected":          "/ contentrejected /",
	"amazonses-transient-general":                  "| transient | general /",
	"amazonses-transient-mailboxfull":              "/ mailboxfull /",
	"amazonses-transient-messagetoolarge":          "/ messagetoolarge /",
	"amazonses-undetermined":                       "| undetermined | undetermined |",
	"cox-ipbl0010":                                 "ipbl0001 / 0010 / 0100 / 1000",
	"cox-ipbl0100":                                 "ipbl0001 / 0010 / 0100 / 1000",
	"cox-ipbl1000":                                 "ipbl0001 / 0010 / 0100 / 1000",
	"sendgrid-content":                             "bounce classifications: invalid address, mailbox unavailable, content,",
	"sendgrid-frequency":                           "frequency or volume too high",
	"sendgrid-invalid-address":                     "bounce classifications: invalid address",
	"sendgrid-mailbox-unavailable":                 "mailbox unavailable",
	"sendgrid-reputation":                          "content, reputation,",
	"sendgrid-technical-failure":                   "technical failure",
	"sendgrid-unclassified":                        "technical failure, unclassified",
	"spectrum-aup-1320":                            "aup#1310/1320/1330",
	"spectrum-aup-1330":                            "aup#1310/1320/1330",
}

// documentedSelectors returns what selects e (its token, its phrases, its
// code for a Default entry) that providers.md documents.
func documentedSelectors(e Entry, doc string) []string {
	var sel []string
	if e.Token != "" && strings.Contains(doc, kbLowerASCII(e.Token)) {
		sel = append(sel, kbLowerASCII(e.Token))
	}
	for _, m := range e.Match {
		if strings.Contains(doc, m) {
			sel = append(sel, m)
		}
	}
	if e.Default && strings.Contains(doc, e.Status.String()) {
		sel = append(sel, e.Status.String())
	}
	return sel
}

// TestKBProviderWordingDocumented checks that each provider entry can be
// selected by something its source documents: a token or phrase that occurs
// in the reference file providers.md, or its code.
func TestKBProviderWordingDocumented(t *testing.T) {
	doc := providersDoc(t)
	n := 0
	for _, e := range Entries() {
		if e.Kind != KindProvider {
			continue
		}
		found := len(documentedSelectors(e, doc)) > 0
		if row, ok := docTables[e.ID]; ok {
			if !strings.Contains(doc, row) {
				t.Errorf("%s: providers.md lacks %q", e.ID, row)
			}
			found = true
		}
		if !found {
			t.Errorf("%s: no token, phrase or code of it is in providers.md", e.ID)
			continue
		}
		n++
	}
	if n < 150 {
		t.Errorf("%d documented provider entries, want at least 150", n)
	}
}

// TestKBTablesSorted checks that the reviewed source tables are kept sorted:
// Explain's binary search relies on kbRegistry's order, and reviewers on the
// others'.
func TestKBTablesSorted(t *testing.T) {
	for i := 1; i < len(kbRegistry); i++ {
		a, b := kbRegistry[i-1], kbRegistry[i]
		if a.subject > b.subject || a.subject == b.subject && a.detail >= b.detail {
			t.Errorf("kbRegistry: X.%d.%d before X.%d.%d", a.subject, a.detail, b.subject, b.detail)
		}
	}
	for i := 1; i < len(kbReplies); i++ {
		if kbReplies[i-1].code >= kbReplies[i].code {
			t.Errorf("kbReplies: %d before %d", kbReplies[i-1].code, kbReplies[i].code)
		}
	}
	for i := 1; i < len(kbBlocklists); i++ {
		if kbBlocklists[i-1].ID >= kbBlocklists[i].ID {
			t.Errorf("kbBlocklists: %s before %s", kbBlocklists[i-1].ID, kbBlocklists[i].ID)
		}
	}
	for i := 1; i < len(kbMarkerTable); i++ {
		if kbMarkerTable[i-1].provider > kbMarkerTable[i].provider {
			t.Errorf("kbMarkerTable: %s before %s", kbMarkerTable[i-1].provider, kbMarkerTable[i].provider)
		}
	}
	for _, group := range [][]kbTable{kbISP, kbFilters} {
		for i := 1; i < len(group); i++ {
			if group[i-1].provider >= group[i].provider {
				t.Errorf("provider tables: %s before %s", group[i-1].provider, group[i].provider)
			}
		}
	}
	for _, table := range kbProviderTables() {
		for i := 1; i < len(table.entries); i++ {
			a, b := table.entries[i-1], table.entries[i]
			if kbCompareEntries(a, b) >= 0 {
				t.Errorf("%s table: %s before %s", table.provider, a.ID, b.ID)
			}
		}
	}
}

// TestKBProviderStatus checks the enhanced codes written in the provider
// tables as EnhancedCode literals: each must parse back from its string.
func TestKBProviderStatus(t *testing.T) {
	n := 0
	for _, table := range kbProviderTables() {
		for _, e := range table.entries {
			if e.Status.IsZero() {
				continue
			}
			n++
			if got, err := ParseEnhancedCode(e.Status.String()); err != nil || got != e.Status {
				t.Errorf("%s: status %v is no enhanced code (%v)", e.ID, e.Status, err)
			}
		}
	}
	if n < 150 {
		t.Errorf("%d provider entries with an enhanced code, want at least 150", n)
	}
}

func TestKBReasonForStatus(t *testing.T) {
	tests := []struct {
		code string
		want Reason
	}{
		{"5.1.1", ReasonUserUnknown}, {"5.2.2", ReasonMailboxFull}, {"4.4.7", ReasonExpired},
		{"5.7.26", ReasonAuthFailure}, {"5.1.2", ReasonHostUnknown}, {"5.3.4", ReasonMesgTooBig},
		{"5.7.1", ReasonPolicyViolation}, {"5.7.25", ReasonRequirePTR}, {"5.1.10", ReasonNotAccept},
		{"2.0.0", ReasonDelivered}, {"5.7.999", ReasonPolicyViolation}, {"5.9.9", ReasonUndefined},
	}
	for _, tt := range tests {
		c, _ := ParseEnhancedCode(tt.code)
		if got := ReasonForStatus(c); got != tt.want {
			t.Errorf("ReasonForStatus(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
	if ReasonForStatus(EnhancedCode{}) != ReasonUndefined {
		t.Error("ReasonForStatus of the zero code is not undefined")
	}
}

func TestKBMeanings(t *testing.T) {
	for c := 2; c <= 5; c++ {
		if ClassMeaning(c) == "" {
			t.Errorf("ClassMeaning(%d) empty", c)
		}
	}
	for s := 0; s <= 7; s++ {
		if SubjectMeaning(s) == "" {
			t.Errorf("SubjectMeaning(%d) empty", s)
		}
	}
	for d := 0; d <= 5; d++ {
		if ReplySubjectMeaning(d) == "" {
			t.Errorf("ReplySubjectMeaning(%d) empty", d)
		}
	}
	if ClassMeaning(9) != "" || SubjectMeaning(8) != "" || SubjectMeaning(-1) != "" || ReplySubjectMeaning(6) != "" {
		t.Error("meaning for an undefined digit")
	}
}

// FuzzExplain checks that Explain and DetectProvider never panic and always
// say something.
func FuzzExplain(f *testing.F) {
	f.Add(550, 5, 7, 26, "550 5.7.26 unauthenticated - gsmtp")
	f.Add(421, 4, 7, 0, "[TSS04] deferred")
	f.Add(0, 0, 0, 0, "")
	f.Add(999, 9, 999, 99999, "\xff\xfe (S3140) AUP#In-1020 127.255.255.254 zen.spamhaus.org")
	f.Fuzz(func(t *testing.T, reply, class, subject, detail int, text string) {
		q := Query{Reply: ReplyCode(reply), Status: EnhancedCode{class, subject, detail}, Text: text}
		ex := Explain(q)
		if ex.Title == "" || ex.Summary == "" || ex.Meaning == "" || ex.Retry == "" || ex.Actor == "" || ex.Reason == "" {
			t.Fatalf("empty explanation for %+v: %+v", q, ex)
		}
		id, start, end := DetectProvider(text)
		if id == "" && (start != -1 || end != -1) || id != "" && (start < 0 || end > len(text) || start >= end) {
			t.Fatalf("DetectProvider(%q) = %q %d %d", text, id, start, end)
		}
	})
}

func BenchmarkDetectProvider(b *testing.B) {
	// A large mail with the marker at the very end: every needle scans it all.
	text := strings.Repeat("Received: from relay.example.net by mail.example.org; Tue, 1 Jan 2030\n", 200000) +
		"Remote-MTA: dns; mta7.am0.yahoodns.net\n"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if id, _, _ := DetectProvider(text); id != "yahoo" {
			b.Fatal(id)
		}
	}
}

func BenchmarkExplain(b *testing.B) {
	q := Query{Reply: 550, Status: EnhancedCode{5, 7, 1}, Text: "550-5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited email. a1si2 - gsmtp"}
	for b.Loop() {
		Explain(q)
	}
}

// TestEnhancedMeaningRetry checks that a class-5 code whose condition can
// clear (retry later) is not explained as a plain permanent failure.
func TestKBEnhancedMeaningRetry(t *testing.T) {
	for _, tt := range []struct {
		id, prefix string
	}{
		{"5.1.1", "Permanent failure: "},
		{"5.2.2", "Refused with a permanent code, though the condition can clear: "},
		{"5.4.1", "Refused with a permanent code, though the condition can clear: "},
		{"4.2.2", "Temporary failure: "},
	} {
		e, ok := LookupEntry(tt.id)
		if !ok {
			t.Fatalf("no entry %s", tt.id)
		}
		if !strings.HasPrefix(e.Meaning, tt.prefix) {
			t.Errorf("%s: meaning %q, want it to start %q", tt.id, e.Meaning, tt.prefix)
		}
	}
}

// TestKBDelayed checks that a message still queued is explained as a delay,
// though its reason reads "expired", and that an expiry stays one.
func TestKBDelayed(t *testing.T) {
	q := Query{Reply: 421, Status: EnhancedCode{4, 4, 1}, Text: "421 4.4.1 mx.example.com: Connection timed out", Reason: ReasonExpired}
	expired := Explain(q)
	q.Delayed = true
	delayed := Explain(q)
	if delayed.Title != kbDelay.Title || delayed.Retry != RetryLater || delayed.Reason != ReasonExpired || delayed.HardBounce {
		t.Errorf("delayed: %q, retry %s, reason %s", delayed.Title, delayed.Retry, delayed.Reason)
	}
	if expired.Title == kbDelay.Title || expired.Retry == RetryLater {
		t.Errorf("expired: %q, retry %s: want the expiry", expired.Title, expired.Retry)
	}
	// A deferral for another reason keeps its own explanation.
	g := Explain(Query{Reply: 451, Status: EnhancedCode{4, 7, 1}, Text: "451 4.7.1 Greylisted, please try again later", Delayed: true})
	if g.Title == kbDelay.Title {
		t.Errorf("greylisting explained as %q", g.Title)
	}
}
