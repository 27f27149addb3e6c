package codes

import (
	"strings"
	"testing"
)

func TestFindCodes(t *testing.T) {
	tests := []struct {
		name, in      string
		reply, status string
	}{
		{"pair", "said: 550 5.1.1 <a@b.example>: User unknown", "550", "5.1.1"},
		{"multiline", "550-5.7.26 Unauthenticated email", "550", "5.7.26"},
		{"colon", "550: 5.1.1 <a@b.example>... User Unknown", "550", "5.1.1"},
		{"quoted", "550-'5.2.2 <a@b.example>... Mailbox Full'", "550", "5.2.2"},
		{"exchange", "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "550", "5.1.1"},
		{"exchange on its own line", "dave@example.com\n#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##", "550", "5.1.1"},
		{"a number after a word and #", "ticket#550 5.1.1 x", "", "5.1.1"},
		{"status only", "Status: 5.2.2 (mailbox full)", "", "5.2.2"},
		{"ip is not a status", "host 10.5.1.1 said: 550 no such user", "550", ""},
		{"version is not a status", "Exim 4.72.1.3 rejected", "", ""},
		{"unregistered code", "542 kijitora@example.com Rejected", "", ""},
		{"time is not a code", "at 12:34:56 421:20", "", ""},
		{"size is not a code", "message of 550 bytes is fine", "550", ""},
		{"success needs ok2", "250 2.1.5 Ok", "", ""},
		{"class mismatch splits", "550 4.2.2 odd", "550", "4.2.2"},
		{"exchange message trace", "Reason: [{LED=550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup};{MSG=};{FQDN=};{IP=};{LRT=}]", "550", "5.1.10"},
		{"other fields are not codes", "size=550 bytes=421 status=5.1.1 ok", "", "5.1.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := findCodes(tt.in, 0, len(tt.in))
			if h.reply.String() != tt.reply || h.status.String() != tt.status {
				t.Errorf("findCodes(%q) = %q %q, want %q %q", tt.in, h.reply, h.status, tt.reply, tt.status)
			}
			if h.replyAt.ok() && tt.in[h.replyAt.start:h.replyAt.end] != tt.reply {
				t.Errorf("reply span %v covers %q", h.replyAt, tt.in[h.replyAt.start:h.replyAt.end])
			}
			if h.stAt.ok() && tt.in[h.stAt.start:h.stAt.end] != tt.status {
				t.Errorf("status span %v covers %q", h.stAt, tt.in[h.stAt.start:h.stAt.end])
			}
		})
	}
}

func TestRcptLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<kijitora@example.jp>: host mx.example.jp[192.0.2.1] said:", "kijitora@example.jp"},
		{"  kijitora@example.ed.jp", "kijitora@example.ed.jp"},
		{"<kijitora@example.jp>... User unknown", "kijitora@example.jp"},
		{"554 <kijitora@example.ed.jp>... 550 Host unknown", "kijitora@example.ed.jp"},
		{"kijitora@example.jp on 4/29/2010 11:34 PM", "kijitora@example.jp"},
		{"      'mike@example.org' on 11/27/2026 10:00 AM", "mike@example.org"},
		{"o'brien@example.org: host mx.example.org[192.0.2.1] said:", "o'brien@example.org"},
		{"mikeneko@example.co.jp Invalid Address, ERROR_CODE :550", "mikeneko@example.co.jp"},
		{"> <kijitora@example.com>", "kijitora@example.com"},
		{"<support@ocn.ad.jp>へご連絡ください", ""},
		{"For help, write to help@example.com today", ""},
		{"kijitora@example.jp wrote:", ""},
	}
	for _, tt := range tests {
		sp := rcptLine(tt.in, 0, len(tt.in))
		got := ""
		if sp.ok() {
			got = tt.in[sp.start:sp.end]
		}
		if got != tt.want {
			t.Errorf("rcptLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadDSNFieldOrder(t *testing.T) {
	// Fields in any order inside a group, two recipients without a blank line.
	in := "From: MAILER-DAEMON@mx.example\nSubject: failure\nContent-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n" +
		"Reporting-MTA: dns; mx.example\n\n" +
		"Diagnostic-Code: smtp; 552 5.2.2 over quota\nStatus: 5.2.2\nFinal-Recipient: rfc822; a@one.example\nAction: failed\n" +
		"Final-Recipient: rfc822; b@two.example\nAction: delayed\nStatus: 4.4.1\n--b--\n"
	rep, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Format != FormatDSN || len(rep.Recipients) != 2 {
		t.Fatalf("format %q, %d recipients: %+v", rep.Format, len(rep.Recipients), rep.Recipients)
	}
	a, b := rep.Recipients[0], rep.Recipients[1]
	if a.Recipient != "a@one.example" || a.ReplyCode != "552" || a.Status != "5.2.2" || a.Action != "failed" || !a.Permanent {
		t.Errorf("first: %+v", a)
	}
	if b.Recipient != "b@two.example" || b.Status != "4.4.1" || b.Action != "delayed" || b.Permanent {
		t.Errorf("second: %+v", b)
	}
}

func TestDecodeMbox(t *testing.T) {
	one := "From MAILER-DAEMON Thu Apr 29 23:34:45 2015\nFrom: MAILER-DAEMON@a.example\nSubject: Undelivered Mail\n\n<x@one.example>: host a said: 550 5.1.1 unknown\n"
	two := "From MAILER-DAEMON Thu Apr 29 23:34:46 2015\nFrom: MAILER-DAEMON@b.example\nSubject: Undelivered Mail\n\n<y@two.example>: host b said: 552 5.2.2 full\n"
	rep, _ := Decode([]byte(one + two))
	if len(rep.Recipients) != 2 || rep.Recipients[0].Recipient != "x@one.example" || rep.Recipients[1].Status != "5.2.2" {
		t.Errorf("recipients %+v: want one from each mail", rep.Recipients)
	}
}

func TestIndexFold(t *testing.T) {
	tests := []struct {
		s, needle string
		want      int
	}{
		{"In Reply To RCPT", "in reply to ", 0},
		{"xx iN rEPLY to ", "in reply to ", 3},
		{"nothing here", "in reply to ", -1},
		{"iiiiiiiiii", "ii", 0},
		{"aI", "i", 1},
		{"", "a", -1},
		{"abc", "", 0},
		{"diagnostic-code: x", "diagnostic-code:", 0},
	}
	for _, tt := range tests {
		if got := indexFold(tt.s, tt.needle); got != tt.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tt.s, tt.needle, got, tt.want)
		}
	}
}

func TestDecodeQP(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Caf=C3=A9 au lait", "Café au lait", true},
		{"long line =\ncontinued", "long line continued", true},
		{"soft break with blanks =  \nnext", "soft break with blanks next", true},
		{"trailing blanks   \nkept text", "trailing blanks\nkept text", true},
		{"lower =c3=a9", "lower é", true},
		{"broken =ZZ here", "broken =ZZ here", false},
		{"ends with =", "ends with ", true},
		{"plain", "plain", true},
	}
	for _, tt := range tests {
		got, ok := decodeQP(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("decodeQP(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCommandIn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"550 5.1.1 unknown (in reply to RCPT TO command)", "RCPT"},
		{"said: 550 rejected (in reply to\n    end of DATA command)", "DATA"},
		{"SMTP error from remote mail server after MAIL FROM:<a@b.example>", "MAIL"},
		{"retried afterwards; after RCPT TO:<a@b.example>: 550", "RCPT"},
		{">>> DATA\n<<< 554 rejected", "DATA"},
		{"550 user unknown", ""},
	}
	for _, tt := range tests {
		if got := commandIn(tt.in); got != tt.want {
			t.Errorf("commandIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReplyAction: a pasted 4yz reply is a deferral, a 5yz reply a failure.
func TestReplyAction(t *testing.T) {
	tests := []actionCase{
		{"greylisting", "451 4.7.1 <dave@example.net>: Recipient address rejected: Greylisted\n", "delayed"},
		{"multi-line 421", "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail\n421 4.7.28 originating from your IP address. - gsmtp\n", "delayed"},
		{"user unknown", "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n", "failed"},
		{"diagnostic-code line", "Diagnostic-Code: smtp; 451 4.7.1 <dave@example.net>: Recipient address rejected: Greylisted\n", "delayed"},
		{"fields with an action", "Final-Recipient: rfc822; dave@example.net\nAction: failed\nStatus: 4.4.7\nDiagnostic-Code: smtp; 451 4.4.7 message expired\n", "failed"},
		{"a reply the text says was given up on", "Message not delivered\nThere was a problem delivering your message. The response was:\n421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred\n", "failed"},
	}
	checkActions(t, tests)
}

// TestDelayWarning: the failures of a notification that says it is a
// warning and the message is still being retried are delays, unless a code
// says they are permanent.
func TestDelayWarning(t *testing.T) {
	postfixWarning := "This is the mail system at host mail.example.com.\n\n" +
		"####################################################################\n" +
		"# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n" +
		"####################################################################\n\n" +
		"Your message could not be delivered for 4.0 hours.\nIt will be retried until it is 5.0 days old.\n\n"
	eximWarning := "From: Mail Delivery System <Mailer-Daemon@neko.example.com>\n" +
		"Subject: Warning: message 1abcDE-000123-AB delayed 24 hours\n\n" +
		"This message was created automatically by mail delivery software.\n" +
		"A message that you sent has not yet been delivered to one or more of its\n" +
		"recipients after more than 24 hours on the queue on neko.example.com.\n\n" +
		"The address to which the message has not yet been delivered is:\n\n" +
		"  bob@example.org\n    host mx.example.org [192.0.2.222]\n" +
		"    Delay reason: SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n" +
		"    451 4.7.1 Greylisted, please try again later\n\n" +
		"No action is required on your part. Delivery attempts will continue for\nsome time.\n"
	tests := []actionCase{
		{"postfix warning", postfixWarning + "<carol@yahoo.com>: host mta7.am0.yahoodns.net[198.51.100.7] said: 421 4.7.0\n    [TSS04] Messages from 192.0.2.25 temporarily deferred (in reply to MAIL FROM command)\n", "delayed"},
		{"exim warning mail", eximWarning, "delayed"},
		{"permanent code in a warning", postfixWarning + "<bob@example.org>: host mx.example.org[192.0.2.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n", "failed"},
		{"fragment", "<carol@yahoo.com>: host mta7.am0.yahoodns.net[198.51.100.7] said: 421 4.7.0\n    [TSS04] Messages from 192.0.2.25 temporarily deferred (in reply to MAIL FROM command)\n", "delayed"},
		{"fragment that gave up", "<carol@example.org>:\n192.0.2.25 does not like recipient.\nRemote host said: 451 4.3.0 Try again later\nGiving up on 192.0.2.25.\n", "failed"},
		{"gmail final", "Message not delivered\nThere was a problem delivering your message to carol@yahoo.com. See the technical details below.\nThe response was:\n421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred\n", "failed"},
		{"gmail delay", "Delivery incomplete\nThere was a temporary problem delivering your message to carol@yahoo.com. Gmail will retry for 47 more hours. You'll be notified if the delivery fails permanently.\nThe response was:\n421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred\n", "delayed"},
		{"bounce", "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<carol@yahoo.com>: host mta7.am0.yahoodns.net[198.51.100.7] said: 421 4.7.0\n    [TSS04] Messages from 192.0.2.25 temporarily deferred (in reply to MAIL FROM command)\n", "failed"},
	}
	checkActions(t, tests)
}

// TestPostfixTextRegion: Postfix's "delete your own text from the attached
// returned message" is not where the returned message starts, so the
// recipient lines below it still give the SMTP command.
func TestPostfixTextRegion(t *testing.T) {
	in := "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\n" +
		"Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n" +
		"--b\nContent-Type: text/plain; charset=us-ascii\n\n" +
		"This is the mail system at host mail.example.com.\n\n" +
		"I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n" +
		"If you do so, please include this problem report. You can\ndelete your own text from the attached returned message.\n\n" +
		"                   The mail system\n\n" +
		"<bob@example.org>: host mx.example.org[192.0.2.22] said: 550 5.1.1\n    <bob@example.org>... User Unknown (in reply to RCPT TO command)\n\n" +
		"--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.com\n\n" +
		"Final-Recipient: rfc822; bob@example.org\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.org\n" +
		"Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>... User Unknown\n\n--b--\n"
	rep := decodeOne(t, in)
	if got := rep.Recipients[0].Command; got != "RCPT" {
		t.Errorf("command %q, want RCPT", got)
	}
	if isReturnMarker("delete your own text from the attached returned message.") {
		t.Error("Postfix's instruction line is read as a return marker")
	}
}

// TestSenderInReply: a reply that names the bounce's own recipient (the
// sender of the failed message) does not end the failed recipient's
// block, so its "(in reply to MAIL FROM command)" is read.
func TestSenderInReply(t *testing.T) {
	in := "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\n" +
		"Subject: Undelivered Mail Returned to Sender\nTo: root@mail.example.com\n\n" +
		"This is the mail system at host mail.example.com.\n\n" +
		"<bob@example.org>: host mx.example.org[192.0.2.22] said: 553\n" +
		"    5.1.8 <root@mail.example.com>... Domain of sender address\n" +
		"    root@mail.example.com does not exist (in reply to MAIL FROM\n    command)\n"
	rep := decodeOne(t, in)
	rc := rep.Recipients[0]
	if rc.Recipient != "bob@example.org" || rc.Command != "MAIL" || rc.Status != "5.1.8" {
		t.Errorf("got %s %q %s, want bob@example.org MAIL 5.1.8", rc.Recipient, rc.Command, rc.Status)
	}
}

// TestReplyContext: the lines above a pasted reply, in its paragraph,
// name the server and the command; those of an earlier reply do not.
func TestReplyContext(t *testing.T) {
	exim := "  someone@example.com\n    host mx.example.com [192.0.2.3]\n" +
		"    SMTP error from remote mail server after end of data:\n" +
		"    552 5.2.2 Mailbox full: someone@example.com has exceeded the storage limit\n"
	rep := decodeOne(t, exim)
	if rc := rep.Recipients[0]; rc.Command != "DATA" || rc.RemoteMTA != "mx.example.com" {
		t.Errorf("command %q, remote server %q, want DATA mx.example.com", rc.Command, rc.RemoteMTA)
	}
	two := "host mx1.example.org [192.0.2.1] after RCPT TO:<a@example.org>:\n550 5.1.1 <a@example.org> unknown\n" +
		"452 4.2.2 <b@example.org> over quota\n"
	rep, err := Decode([]byte(two))
	if err != nil || len(rep.Recipients) != 2 {
		t.Fatalf("Decode: %v, %d recipients", err, len(rep.Recipients))
	}
	if rc := rep.Recipients[0]; rc.Command != "RCPT" || rc.RemoteMTA != "mx1.example.org" {
		t.Errorf("first reply: command %q, remote server %q, want RCPT mx1.example.org", rc.Command, rc.RemoteMTA)
	}
	if rc := rep.Recipients[1]; rc.Command != "" || rc.RemoteMTA != "" {
		t.Errorf("second reply: command %q, remote server %q, want none", rc.Command, rc.RemoteMTA)
	}
}

// decodeOne decodes in and fails the test unless it gives exactly one
// recipient.
func decodeOne(t *testing.T, in string) Report {
	t.Helper()
	rep, err := Decode([]byte(in))
	if err != nil || len(rep.Recipients) != 1 {
		t.Fatalf("Decode: %v, format %q, %d recipients", err, rep.Format, len(rep.Recipients))
	}
	return rep
}

// actionCase is an input and the action its one recipient must get.
type actionCase struct{ name, in, want string }

func checkActions(t *testing.T, tests []actionCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeOne(t, tt.in).Recipients[0].Action; got != tt.want {
				t.Errorf("action %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPastedNotice decodes what a mail client shows of a bounce, copied
// without headers and often without any code: the recipient, the
// receiving server's words (after Gmail's "The response was:") as the
// diagnostic, and a reason read from them.
func TestPastedNotice(t *testing.T) {
	tests := []struct {
		name, in                   string
		rcpt, diag, status, reason string
	}{
		{
			name: "gmail address not found",
			in: "Address not found\n\nYour message wasn't delivered to nobody@gmail.com because the address couldn't be found, or is unable to receive mail.\n\n" +
				"The response was:\n\nThe email account that you tried to reach does not exist. Please try double-checking the recipient's email address. 41be03b00d2f7-5f82b4e9c3esor1234567a12.12 - gsmtp\n",
			rcpt: "nobody@gmail.com", diag: "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address. 41be03b00d2f7-5f82b4e9c3esor1234567a12.12 - gsmtp",
			status: "5.1.1", reason: "userunknown",
		},
		{
			name: "gmail mailbox full",
			in: "Message not delivered\nThere was a problem delivering your message to dan@example.com. See the technical details below.\n\n" +
				"The response from the remote server was:\nThe recipient's mailbox is full and can't accept messages now.\n",
			rcpt: "dan@example.com", diag: "The recipient's mailbox is full and can't accept messages now.", status: "5.2.2", reason: "mailboxfull",
		},
		{
			name: "gmail delay",
			in: "Delivery incomplete\n\nThere was a temporary problem delivering your message to gina@example.com. Gmail will retry for 47 more hours.\n\n" +
				"The response was:\n\nThe recipient server did not accept our requests to connect. [mx.example.com. 192.0.2.1: timed out]\n",
			rcpt: "gina@example.com", diag: "The recipient server did not accept our requests to connect. [mx.example.com. 192.0.2.1: timed out]",
			status: "4.4.7", reason: "expired",
		},
		{
			name: "gmail blocked",
			in:   "Message blocked\n\nYour message to hank@example.com has been blocked. See technical details below for more information.\n\nThe response was:\n\nMessage rejected. See https://support.google.com/mail/answer/69585 for more information.\n",
			rcpt: "hank@example.com", diag: "Message rejected. See https://support.google.com/mail/answer/69585 for more information.",
			reason: "blocked",
		},
		{
			name: "microsoft",
			in:   "Your message to bob@contoso.com couldn't be delivered.\nbob wasn't found at contoso.com.\n\nalice    Office 365    bob\nAction Required    Recipient\nUnknown To address\n",
			rcpt: "bob@contoso.com", diag: "Your message to bob@contoso.com couldn't be delivered. bob wasn't found at contoso.com.",
			status: "5.1.1", reason: "userunknown",
		},
		{
			name: "exchange",
			in:   "Delivery has failed to these recipients or groups:\n\ncarol@fabrikam.com\nThe e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.\n",
			rcpt: "carol@fabrikam.com", diag: "The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.",
			status: "5.1.1", reason: "userunknown",
		},
		{
			// No code and no reason: a card that says so, not "no bounce".
			name: "amazon ses without its delivery-status part",
			in:   "An error occurred while trying to deliver the mail to the following recipients:\nbob@example.org\n",
			rcpt: "bob@example.org", diag: "An error occurred while trying to deliver the mail to the following recipients:",
			reason: "onhold",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := decodeOne(t, tt.in)
			rc := rep.Recipients[0]
			want := "failed"
			if strings.Contains(tt.in, "Delivery incomplete") {
				want = "delayed"
			}
			if rep.Format != FormatText || rc.Recipient != tt.rcpt || rc.Diagnostic != tt.diag || rc.Status != tt.status || string(rc.Reason) != tt.reason || rc.Action != want {
				t.Errorf("got format %q, %q %q, %q, %q %q\nwant %q, %q, %q %q", rep.Format, rc.Recipient, rc.Action, rc.Diagnostic, rc.Status, rc.Reason,
					tt.rcpt, tt.diag, tt.status, tt.reason)
			}
			if rc.StatusDerived != (rc.Status != "") {
				t.Errorf("status %q derived %v: the notice states no code", rc.Status, rc.StatusDerived)
			}
			for _, sp := range rc.Spans {
				if sp.Kind == SpanDiagnostic && collapse(rep.Text[sp.Start:sp.End]) != rc.Diagnostic {
					t.Errorf("diagnostic span covers %q", rep.Text[sp.Start:sp.End])
				}
			}
		})
	}
	// Gmail wrote the delay notice, help link included; the delay is at
	// the server it names. Where the server is Google's, Google it is.
	for in, want := range map[string]string{
		"mx.example.com. 192.0.2.1":             "",
		"gmail-smtp-in.l.google.com. 192.0.2.1": "google",
	} {
		rep := decodeOne(t, "Delivery incomplete\n\nThere was a temporary problem delivering your message to gina@example.com. Gmail will retry for 47 more hours.\n\n"+
			"The response was:\n\nThe recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720 ["+in+": timed out]\n")
		if rc := rep.Recipients[0]; rc.Provider != want || want == "" && strings.Contains(rc.Summary, "Gmail") {
			t.Errorf("delay at %s: provider %q, summary %q; want provider %q", in, rc.Provider, rc.Summary, want)
		}
	}
	// Text that mentions a failure without being a notice is no bounce.
	for _, in := range []string{
		"Hi, the newsletter was undeliverable for a few people, like eve@example.com, can you check why?\n",
		"Your message will be delivered to frank@example.com tomorrow.\n",
	} {
		if rep, _ := Decode([]byte(in)); rep.Bounce {
			t.Errorf("Decode(%q) found a bounce: %+v", in, rep.Recipients)
		}
	}
}

// TestPastedBody decodes the text of a mail server's bounce pasted without
// its headers: every listed recipient, also one the server lists without
// a code, as in the bounce mail itself.
func TestPastedBody(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // recipient, reason, diagnostic
	}{
		{
			name: "exim",
			in: "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n" +
				"  bob@example.org\n    host mx.example.org [192.0.2.5]\n    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n    550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n" +
				"  carol@example.net\n    Unrouteable address\n",
			want: []string{"bob@example.org", "userunknown", "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown",
				"carol@example.net", "hostunknown", "Unrouteable address"},
		},
		{
			name: "postfix",
			in: "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n                   The mail system\n\n" +
				"<dan@example.org>: host mx.example.org[192.0.2.5] said: 552 5.2.2 <dan@example.org>:\n    Mailbox full (in reply to RCPT TO command)\n\n" +
				"<erin@example.net>: Host or domain name not found. Name service error for\n    name=example.net type=A: Host not found\n",
			want: []string{"dan@example.org", "mailboxfull", "<dan@example.org>: host mx.example.org[192.0.2.5] said: 552 5.2.2 <dan@example.org>: Mailbox full (in reply to RCPT TO command)",
				"erin@example.net", "hostunknown", "Host or domain name not found. Name service error for name=example.net type=A: Host not found"},
		},
		{
			// A reply of the notice with no command named: refused at RCPT,
			// as a pasted reply is, so "mailbox not found" is an unknown user.
			name: "yahoo",
			in:   "Sorry, we were unable to deliver your message to the following address.\n\n<kim@yahoo.com>:\n552 1 Requested mail action aborted, mailbox not found\n",
			want: []string{"kim@yahoo.com", "userunknown", "552 1 Requested mail action aborted, mailbox not found"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, rc := range rep.Recipients {
				got = append(got, rc.Recipient, string(rc.Reason), rc.Diagnostic)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
