package codes_test

import (
	"fmt"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

func ExampleExplain() {
	ex := codes.Explain(codes.Query{
		Reply:  550,
		Status: codes.EnhancedCode{5, 7, 26},
		Text:   "550-5.7.26 This mail has been blocked because the sender is unauthenticated. a22si5387311pfc.217 - gsmtp",
	})
	fmt.Println(ex.Entry, ex.Provider, ex.Reason, ex.Retry, ex.Actor)
	fmt.Println(ex.Summary)
	for i, step := range ex.Fix[:2] {
		fmt.Printf("%d. %s\n", i+1, step)
	}
	// Output:
	// google-550-5.7.26 google authfailure after-fix sender
	// Unauthenticated mail blocked (Gmail, 550 5.7.26): retrying as-is will fail; fix the cause first.
	// 1. Publish an SPF record (TXT at the envelope-sender domain, e.g. "v=spf1 include:<your provider> -all") that lists every server and service that sends for the domain.
	// 2. Sign outgoing mail with DKIM: enable signing at your mail service and publish its public key as a TXT record at <selector>._domainkey.<your domain>.
}

func ExampleExplain_fallback() {
	// 5.7.999 is not in the registry: the subject and class still explain it.
	ex := codes.Explain(codes.Query{Reply: 550, Status: codes.EnhancedCode{5, 7, 999}})
	fmt.Println(ex.Title)
	fmt.Println(ex.Retry, ex.Reason)
	// Output:
	// Unlisted security or policy status (5.7.999)
	// after-fix policyviolation
}

func ExampleExplain_providerMeaning() {
	// Microsoft uses 5.1.10 for "recipient not found"; the registry's X.1.10 is null MX.
	q := codes.Query{Reply: 550, Status: codes.EnhancedCode{5, 1, 10}}
	fmt.Println(codes.Explain(q).Reason)
	q.Provider = "microsoft"
	ex := codes.Explain(q)
	fmt.Println(ex.Entry, ex.Reason, ex.HardBounce)
	// Output:
	// notaccept
	// microsoft-550-5.1.10 userunknown true
}

func ExampleExplain_blocklist() {
	ex := codes.Explain(codes.Query{Reply: 554, Status: codes.EnhancedCode{5, 7, 1},
		Text: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using pbl.spamhaus.org"})
	fmt.Println(ex.Blocklist, ex.Reason)
	fmt.Println(ex.Links[0].URL)
	// Output:
	// spamhaus-pbl blocked
	// https://check.spamhaus.org/
}

func ExampleDetectProvider() {
	text := "Remote-MTA: dns; gmail-smtp-in.l.google.com"
	id, start, end := codes.DetectProvider(text)
	fmt.Println(id, text[start:end])
	// Output:
	// google gmail-smtp-in.l.google.com
}

func ExampleLookupEntry() {
	e, ok := codes.LookupEntry("yahoo-421-4.7.0-tss04")
	fmt.Println(ok, e.Kind, e.Provider, e.Token, e.Retry)
	fmt.Println(e.Title)
	// Output:
	// true provider yahoo [TSS04] later
	// Deferred for volume or complaints (Yahoo [TSS04])
}

func ExampleReasonForStatus() {
	for _, s := range []string{"5.1.1", "5.2.2", "4.4.7", "5.7.26"} {
		c, _ := codes.ParseEnhancedCode(s)
		fmt.Println(s, codes.ReasonForStatus(c))
	}
	// Output:
	// 5.1.1 userunknown
	// 5.2.2 mailboxfull
	// 4.4.7 expired
	// 5.7.26 authfailure
}

func ExampleClassMeaning() {
	fmt.Println(codes.ClassMeaning(4))
	fmt.Println(codes.SubjectMeaning(7))
	// Output:
	// transient failure: temporary, retry later with backoff
	// security or policy status: authentication, authorization, TLS, reputation or a policy block
}

func ExampleCommandStage() {
	rep, _ := codes.Decode([]byte("<bob@example.org>: host mx.example.org[192.0.2.5] said: 550 5.1.1\n" +
		"    <bob@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)\n"))
	rc := rep.Recipients[0]
	name, meaning := codes.CommandStage(rc.Command)
	fmt.Println(rc.RemoteMTA)
	fmt.Println(name + ": " + meaning)
	// Output:
	// mx.example.org
	// RCPT TO: this recipient was refused; the message was not sent to it
}

func ExampleReadableDiagnostic() {
	fmt.Println(codes.ReadableDiagnostic("550-5.1.1 The email account that you tried to reach does not exist. Please try\n" +
		"550-5.1.1 double-checking the recipient's email address for typos or\n" +
		"550-5.1.1 unnecessary spaces.\n" +
		"550 5.1.1 https://support.google.com/mail/?p=NoSuchUser"))
	// Output:
	// 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser
}
