package codes_test

import (
	"fmt"
	"os"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

func ExampleNewBatch() {
	log := `Nov 27 09:58:01 mail postfix/qmgr[1204]: 4F1A2C0123: from=<news@example.net>, size=5120, nrcpt=3 (queue active)
Nov 27 09:58:02 mail postfix/smtp[20320]: 4F1A2C0123: to=<alice@example.com>, relay=mx.example.com[192.0.2.10]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok)
Nov 27 09:58:02 mail postfix/smtp[20321]: 4F1A2C0123: to=<nobody@example.org>, relay=mx1.example.org[192.0.2.20]:25, dsn=5.1.1, status=bounced (host mx1.example.org[192.0.2.20] said: 550 5.1.1 <nobody@example.org>: User unknown (in reply to RCPT TO command))
Nov 27 09:58:04 mail postfix/smtp[20323]: 5A2B3C0456: to=<carol@example.edu>, relay=mx.example.edu[192.0.2.40]:25, dsn=4.7.1, status=deferred (host mx.example.edu[192.0.2.40] said: 450 4.7.1 Greylisted (in reply to RCPT TO command))
`
	b, err := codes.NewBatch([]byte(log), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	var sum codes.Summary
	var rows []codes.Row
	for {
		it, ok := b.Next()
		if !ok {
			break
		}
		sum.Add(it.Report)
		rows = append(rows, codes.RowsOf("postfix.log", it)...)
	}
	fmt.Println(b.Kind(), "items:", sum.Items, "failed:", sum.Failed, "permanent:", sum.Permanent, "temporary:", sum.Temporary, "delivered:", sum.Delivered)
	for _, r := range rows {
		fmt.Println(r.Mail, r.Recipient, r.Verdict, r.ReplyCode, r.Status)
	}
	// Output:
	// log items: 3 failed: 2 permanent: 1 temporary: 1 delivered: 1
	// 2 nobody@example.org permanent 550 5.1.1
	// 3 carol@example.edu temporary 450 4.7.1
}

func ExampleWriteMbox() {
	msgs := []string{"Subject: one\n\nFrom me\n", "Subject: two\n\n>From you\n"}
	for _, m := range msgs {
		codes.WriteMbox(os.Stdout, []byte(m))
	}
	// Output:
	// From MAILER-DAEMON Thu Jan  1 00:00:00 1970
	// Subject: one
	//
	// >From me
	//
	// From MAILER-DAEMON Thu Jan  1 00:00:00 1970
	// Subject: two
	//
	// >>From you
}

func ExampleCollector() {
	log := `Nov 27 10:00:00 mail postfix/smtp[100]: AAA111: to=<carol@example.edu>, relay=mx.example.edu[192.0.2.40]:25, dsn=4.7.1, status=deferred (host mx.example.edu[192.0.2.40] said: 450 4.7.1 Greylisted (in reply to RCPT TO command))
Nov 27 10:05:00 mail postfix/smtp[101]: AAA111: to=<carol@example.edu>, relay=mx.example.edu[192.0.2.40]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok)
Nov 27 10:05:01 mail postfix/smtp[102]: AAA111: to=<nobody@example.org>, relay=mx1.example.org[192.0.2.20]:25, dsn=5.1.1, status=bounced (host mx1.example.org[192.0.2.20] said: 550 5.1.1 User unknown (in reply to RCPT TO command))
`
	b, _ := codes.NewBatch([]byte(log), "")
	var c codes.Collector
	for {
		it, ok := b.Next()
		if !ok {
			break
		}
		c.Add("mail.log", it)
	}
	s := c.Summary
	fmt.Println("delivered:", s.Delivered, "temporary:", s.Temporary, "permanent:", s.Permanent, "superseded:", c.Superseded)
	for _, r := range c.Rows() {
		fmt.Println(r.Recipient, r.Verdict, r.Status)
	}
	// Output:
	// delivered: 1 temporary: 0 permanent: 1 superseded: 1
	// nobody@example.org permanent 5.1.1
}
