package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// example is a sample bounce the decoder page offers to try.
type example struct {
	ID    string // stable id for tests ("gmail-5.7.26")
	Label string // button text
	Text  string
}

// examples are realistic bounces of the most common kinds. The addresses
// use example domains (RFC 2606) and documentation IPs (RFC 5737).
var examples = [...]example{
	{"gmail-5.7.26", "Gmail 5.7.26", exampleGmail},
	{"microsoft-5.7.708", "Microsoft 5.7.708", exampleMicrosoft},
	{"yahoo-tss04", "Yahoo [TSS04]", exampleYahoo},
	{"postfix-user-unknown", "Postfix user unknown", examplePostfix},
	{"greylisting-451", "Greylisting 451", exampleGreylist},
	{"mailbox-full", "Mailbox full", exampleMailboxFull},
	{"multipart-dsn", "Full multipart DSN", exampleDSN},
	{"webhook-json", "Webhook JSON (SendGrid)", exampleWebhook},
	{"postfix-mailq", "Postfix queue (mailq)", exampleMailq},
}

// exampleMailq is Postfix's mail queue listing (mailq, postqueue -p): why
// each message is still queued, above the recipients it holds for.
const exampleMailq = `-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------
8C4F21A0B3     4213 Sat Nov 28 09:12:44  news@news.example.com
(host gmail-smtp-in.l.google.com[198.51.100.26] said: 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail from your IP address [192.0.2.25]. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. To review our bulk email senders guidelines, go to 421 4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError d2e1a72fcca58-7a1b2c3d4e5si.312 - gsmtp (in reply to end of DATA command))
                                         reader@gmail.com
                                         editor@gmail.com

D41E7A0C22     2877 Sat Nov 28 08:40:02  news@news.example.com
(connect to mx.example.net[203.0.113.40]:25: Connection timed out)
                                         pat@example.net

-- 7 Kbytes in 2 Requests.
`

// exampleWebhook is what a sending service's webhook posts: SendGrid's
// event webhook, a bounce and a deferral.
const exampleWebhook = `[
  {"email":"dave@example.com","timestamp":1795770000,"event":"bounce","type":"bounce","status":"5.1.1","reason":"550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser d2e1a72fcca58-7a1b2c3d4e5f.312 - gsmtp","bounce_classification":"Invalid Address","sg_event_id":"ZGVsaXZlcmVkLTAtMjM0NTY3ODk","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"},
  {"email":"erin@example.org","timestamp":1795770060,"event":"deferred","attempt":"2","response":"451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [Name=Protocol Filter Agent][AGT=PFA][MxId=11BB2BD1A2C3D4E5]","sg_event_id":"ZGVmZXJyZWQtMS0yMzQ1Njc4OQ","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.1"}
]
`

const exampleGmail = `550-5.7.26 This mail has been blocked because the sender is unauthenticated.
550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.
550-5.7.26
550-5.7.26  Authentication results:
550-5.7.26  DKIM = did not pass
550-5.7.26  SPF [news.example.com] with ip: [192.0.2.25] = did not pass
550-5.7.26
550-5.7.26  For instructions on setting up authentication, go to
550 5.7.26  https://support.google.com/mail/answer/81126#authentication d2e1a72fcca58-7a1b2c3d4e5f.312 - gsmtp
`

const exampleMicrosoft = `Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [AM4PEPF00027A6C.eurprd04.prod.outlook.com 2026-11-27T09:12:41.377Z 08DD0F2A1B3C4D5E]'
`

const exampleYahoo = `<carol@yahoo.com>: host mta7.am0.yahoodns.net[198.51.100.7] said: 421 4.7.0
    [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected
    volume or user complaints - 4.16.55.1; see
    https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)
`

const examplePostfix = `Nov 27 09:14:02 mail postfix/smtp[24817]: 4XyZ1c2Lm8z9tQ: to=<bob@example.org>, relay=mx1.example.org[203.0.113.10]:25, delay=1.2, delays=0.05/0.01/0.6/0.54, dsn=5.1.1, status=bounced (host mx1.example.org[203.0.113.10] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))
`

const exampleGreylist = `451 4.7.1 <dave@example.net>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/example.net.html
`

const exampleMailboxFull = `552 5.2.2 <erin@example.com>: The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm
`

const exampleDSN = `Return-Path: <>
Received: by mail.example.com (Postfix) id 4XyZ3k0Qq1z9tR; Fri, 27 Nov 2026 09:20:11 +0000 (UTC)
Date: Fri, 27 Nov 2026 09:20:11 +0000 (UTC)
From: MAILER-DAEMON@mail.example.com (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: alice@example.com
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4XyZ3k0Qq1z9tR.1732699211/mail.example.com"
Message-Id: <20261127092011.4XyZ3k0Qq1z9tR@mail.example.com>

This is a MIME-encapsulated message.

--4XyZ3k0Qq1z9tR.1732699211/mail.example.com
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<frank@example.net>: host mx.example.net[198.51.100.20] said: 550 5.1.1
    <frank@example.net>: Recipient address rejected: User unknown in local
    recipient table (in reply to RCPT TO command)

<grace@example.org>: host mx2.example.org[203.0.113.30] said: 452 4.2.2
    <grace@example.org>: Mailbox full (in reply to RCPT TO command)

--4XyZ3k0Qq1z9tR.1732699211/mail.example.com
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.com
X-Postfix-Queue-ID: 4XyZ3k0Qq1z9tR
X-Postfix-Sender: rfc822; alice@example.com
Arrival-Date: Fri, 27 Nov 2026 09:20:09 +0000 (UTC)

Final-Recipient: rfc822; frank@example.net
Original-Recipient: rfc822;frank@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 <frank@example.net>: Recipient address
    rejected: User unknown in local recipient table

Final-Recipient: rfc822; grace@example.org
Original-Recipient: rfc822;grace@example.org
Action: delayed
Status: 4.2.2
Remote-MTA: dns; mx2.example.org
Diagnostic-Code: smtp; 452 4.2.2 <grace@example.org>: Mailbox full

--4XyZ3k0Qq1z9tR.1732699211/mail.example.com
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <alice@example.com>
Received: from app.example.com (app.example.com [192.0.2.25])
	by mail.example.com (Postfix) with ESMTPS id 4XyZ3k0Qq1z9tR;
	Fri, 27 Nov 2026 09:20:09 +0000 (UTC)
From: Alice <alice@example.com>
To: frank@example.net, grace@example.org
Subject: November newsletter
Message-Id: <newsletter-2026-11@example.com>
Date: Fri, 27 Nov 2026 09:20:08 +0000

--4XyZ3k0Qq1z9tR.1732699211/mail.example.com--
`

// examplePicker offers the examples as buttons.
type examplePicker struct {
	app.Compo

	OnPick func(ctx app.Context, text string)
}

func (p *examplePicker) Render() app.UI {
	return app.Div().
		Class("examples").
		Role("group").
		Aria("labelledby", "examples-label").
		Body(
			app.Span().ID("examples-label").Class("examples-label").Text("Try an example:"),
			app.Range(examples[:]).Slice(func(i int) app.UI {
				ex := examples[i]
				return app.Button().
					Type("button").
					Class("example").
					DataSet("example", ex.ID).
					Text(ex.Label).
					OnClick(func(ctx app.Context, e app.Event) {
						if p.OnPick != nil {
							p.OnPick(ctx, ex.Text)
						}
					})
			}),
		)
}
