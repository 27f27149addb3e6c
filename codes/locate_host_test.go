package codes

import (
	"strings"
	"testing"
)

func TestHostIn(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"postfix said", "<bob@example.org>: host mx.example.org[192.0.2.5] said: 550 5.1.1 unknown", "mx.example.org"},
		{"postfix refused to talk", "host mx.example.org[192.0.2.5] refused to talk to me: 554 go away", "mx.example.org"},
		{"postfix host on the next line", "<kijitora@example.or.jp>: host\n    mx.example.or.jp[192.0.2.1] said: 550 unknown", "mx.example.or.jp"},
		{"postfix connect", "status=deferred (connect to mx.example.info[192.0.2.50]:25: Connection timed out)", "mx.example.info"},
		{"postfix ipv6", "host mx.example.org[2001:db8::25] said: 550 no", "mx.example.org"},
		{"exim host line", "  bob@example.org\n    host mx.example.org [192.0.2.20]\n    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n    550 5.1.1 unknown", "mx.example.org"},
		{"exim inline", "SMTP error from remote mail server after RCPT TO:<a@example.jp> SIZE=1543:\n    host mx.example.jp [192.0.2.20]: 550 5.1.1 unknown", "mx.example.jp"},
		{"sendmail", "... while talking to mx1.mail.icloud.com.:\n>>> DATA\n<<< 554 refused", "mx1.mail.icloud.com"},
		{"sendmail refused", "(Deferred: Connection refused by mx.example.org.)", "mx.example.org"},
		{"sendmail timed out", "stat=Deferred: Connection timed out with mx2.example.net.", "mx2.example.net"},
		{"gmail", "The recipient server did not accept our requests to connect. [mx.example.com. 192.0.2.1: timed out]", "mx.example.com"},
		{"exchange", "Remote Server at mx.fabrikam.com (192.0.2.7) returned '550 4.4.7 QUEUE.Expired'", "mx.fabrikam.com"},
		{"gmx", "\"bob@example.org\":\nSMTP error from remote server after RCPT command:\nhost: mx.example.org\n5.2.2 <bob@example.org>... Mailbox Full\n", "mx.example.org"},
		{"host: with more after the name", "host: mx.example.org is busy\n", ""},
		{"qmail does not like", "<nobody@example.org>:\n192.0.2.25 does not like recipient.\nRemote host said: 550 5.1.1 unknown", "192.0.2.25"},
		{"qmail giving up", "Remote host said: 550 unknown\nGiving up on 192.0.2.25.", "192.0.2.25"},
		{"qmail connected", "<a@example.org>:\nConnected to 192.0.2.9 but sender was rejected.", "192.0.2.9"},

		// The local server, or no server at all.
		{"local postfix", "This is the mail system at host mail.example.com.\n\n<bob@example.org>: User unknown", ""},
		{"local qmail", "Hi. This is the qmail-send program at mx.example.jp.", ""},
		{"localhost", "Received: from localhost [127.0.0.1] by mail", ""},
		{"no address after the name", "DNS lookup failure: host cx.example.org not found", ""},
		{"not a host name", "host 12345[192.0.2.1] said: 550 no", ""},
		{"bad ip", "999.0.2.25 does not like recipient.", ""},
		{"hostname word", "hostname mx.example.org[192.0.2.1]", ""},
		{"refused by a word", "Connection refused by remote host", ""},
		{"bracketed name without an address", "[mx.example.com] said no", ""},
		{"bracketed name at the end", "[mx.example.com.", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := hostIn(tt.text, 0, len(tt.text))
			got := ""
			if sp.ok() {
				got = tt.text[sp.start:sp.end]
			}
			if got != tt.want {
				t.Errorf("hostIn = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHostInBounds(t *testing.T) {
	text := "first: host mx1.example.org[192.0.2.1] said: 550\nsecond: host mx2.example.org[192.0.2.2] said: 550"
	lo := len("first: host mx1.example.org[192.0.2.1] said: 550\n")
	sp := hostIn(text, lo, len(text))
	if got := text[sp.start:sp.end]; got != "mx2.example.org" {
		t.Errorf("hostIn from the second line = %q, want mx2.example.org", got)
	}
	for _, b := range [][2]int{{-1, 5}, {0, len(text) + 1}, {10, 10}, {20, 10}} {
		if sp := hostIn(text, b[0], b[1]); sp.ok() {
			t.Errorf("hostIn(%d, %d) = %v, want none", b[0], b[1], sp)
		}
	}
}

// TestDecodeRemoteServer checks that Decode reports the server a bounce's
// text names, with its span, when there is no Remote-MTA field.
func TestDecodeRemoteServer(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"postfix text", "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nTo: alice@example.com\n\nThis is the mail system at host mail.example.com.\n\n<bob@example.org>: host mx.example.org[192.0.2.5] said: 550 5.1.1\n    <bob@example.org>: Recipient address rejected: User unknown (in reply to\n    RCPT TO command)\n", "mx.example.org"},
		{"exim text", "From: Mail Delivery System <Mailer-Daemon@mail.example.com>\nSubject: Mail delivery failed: returning message to sender\n\nThis message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  bob@example.org\n    host mx.example.org [192.0.2.3]\n    SMTP error from remote mail server after end of data:\n    552 5.2.2 Mailbox full\n", "mx.example.org"},
		{"sendmail log", "Nov 27 10:00:00 host sm-mta[1234]: 5ARA00001234: to=<bob@example.org>, delay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.org. [192.0.2.1], dsn=5.1.1, stat=User unknown\n", "mx.example.org"},
		{"folded Remote-MTA", "From: MAILER-DAEMON@mail.example.com\nSubject: Delivery Notification: Delivery has failed\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nThis report relates to a message you sent.\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;mail.example.com\n\nOriginal-Recipient: rfc822;bob@example.org\nFinal-Recipient: rfc822;bob@example.org\nAction: failed\nStatus: 5.2.0\nRemote-MTA: dns;smtp.example.net\n (mx. -- Server LMTP [Messaging Server 6.1])\nDiagnostic-code: smtp;522 5.2.0 Delivery failed: Over quota\n\n--b--\n", "smtp.example.net"},
		{"bracketed Remote-MTA", "From: MAILER-DAEMON@amazonses.com\nSubject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nAn error occurred while trying to deliver the mail.\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; a27-30.smtp-out.us-west-2.amazonses.com\n\nFinal-Recipient: rfc822; bob@example.org\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; [192.0.2.222]\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n--b--\n", "192.0.2.222"},
		{"local host only", "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\n\nThis is the mail system at host mail.example.com.\n\n<bob@example.org>: unknown user: \"bob\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := decodeOne(t, tt.input)
			rc := rep.Recipients[0]
			if rc.RemoteMTA != tt.want {
				t.Errorf("remote server %q, want %q", rc.RemoteMTA, tt.want)
			}
			found := false
			for _, sp := range rc.Spans {
				if sp.Kind == SpanRemoteMTA {
					found = rep.Text[sp.Start:sp.End] == tt.want
				}
			}
			if found != (tt.want != "") {
				t.Errorf("remote server span found %v, want %v", found, tt.want != "")
			}
		})
	}
}

// TestDecodeNoBreakSpaces: text copied from a web mail page may carry
// no-break spaces between the codes.
func TestDecodeNoBreakSpaces(t *testing.T) {
	in := "Address not found\nYour message wasn't delivered to foo@example.com because the address couldn't be found.\nThe response from the remote server was:\n550\u00a05.1.1\u00a0The email account that you tried to reach does not exist.\u202fgsmtp\n"
	rep := decodeOne(t, in)
	rc := rep.Recipients[0]
	if rc.ReplyCode != "550" || rc.Status != "5.1.1" || rc.Reason != ReasonUserUnknown {
		t.Errorf("got %s %s %s, want 550 5.1.1 userunknown", rc.ReplyCode, rc.Status, rc.Reason)
	}
	if strings.ContainsAny(rep.Text, "\u00a0\u202f") {
		t.Errorf("text keeps no-break spaces: %q", rep.Text)
	}
}

func TestTranscriptCommand(t *testing.T) {
	session := "   ----- Transcript of session follows -----\n" +
		"... while talking to mx.example.org.:\n" +
		">>> MAIL From:<alice@example.com> SIZE=1234\n<<< 250 2.1.0 Ok\n" +
		">>> RCPT To:<bob@example.org>\n<<< 550 5.1.1 <bob@example.org>... User unknown\n" +
		">>> RCPT To:<carol@example.org>\n<<< 452 4.2.2 <carol@example.org>... Mailbox full\n" +
		">>> DATA\n<<< 554 5.7.1 Message rejected\n"
	tests := []struct {
		name, text, rcpt string
		reply            ReplyCode
		want             string
	}{
		{"by recipient", session, "carol@example.org", 0, "RCPT"},
		{"recipient in another case", session, "Bob@Example.org", 0, "RCPT"},
		{"by code", session, "dave@example.org", 554, "DATA"},
		{"first refusal", session, "dave@example.org", 0, "RCPT"},
		{"mail from", ">>> MAIL From:<x@example.com>\n<<< 553 5.1.8 Domain of sender address does not exist\n", "", 0, "MAIL"},
		{"no transcript", "550 5.1.1 <bob@example.org>... User unknown\n", "bob@example.org", 550, ""},
		{"reply before any command", "<<< 554 5.7.1 go away\n", "", 554, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := transcriptCommand(tt.text, 0, len(tt.text), tt.rcpt, tt.reply); got != tt.want {
				t.Errorf("transcriptCommand = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTranscriptCommandOf(t *testing.T) {
	session := ">>> DATA\n<<< 550 5.2.1 <carol@example.org>... User Unknown\n<<< 550 5.1.1 <bob@example.org>... User Unknown\n<<< 503 5.0.0 Need RCPT (recipient)\n"
	for rcpt, want := range map[string]string{"bob@example.org": "DATA", "carol@example.org": "DATA", "dave@example.org": "", "": ""} {
		if got := transcriptCommandOf(session, 0, len(session), rcpt); got != want {
			t.Errorf("transcriptCommandOf(%q) = %q, want %q", rcpt, got, want)
		}
	}
}

func TestCommandStage(t *testing.T) {
	for _, c := range []string{"CONN", "EHLO", "STARTTLS", "MAIL", "RCPT", "DATA"} {
		if name, meaning := CommandStage(c); name == "" || meaning == "" {
			t.Errorf("CommandStage(%q) = %q, %q", c, name, meaning)
		}
	}
	if name, meaning := CommandStage("RCPT"); name != "RCPT TO" || !strings.Contains(meaning, "recipient") {
		t.Errorf("CommandStage(RCPT) = %q, %q", name, meaning)
	}
	if name, meaning := CommandStage(""); name != "" || meaning != "" {
		t.Errorf("CommandStage(\"\") = %q, %q, want nothing", name, meaning)
	}
}

// TestSessionHost: a Sendmail bounce lists its recipients, then the
// transcript of the session of one of them. The transcript's server and
// command are that recipient's, not the others'.
func TestSessionHost(t *testing.T) {
	in := "The original message was received at Fri, 27 Nov 2026 10:00:00 +0000\nfrom localhost [127.0.0.1]\n\n" +
		"   ----- The following addresses had permanent fatal errors -----\n" +
		"<frank@example.org>\n    (reason: 550 5.1.1 <frank@example.org>... User unknown)\n" +
		"<gail@example.com>\n    (reason: 554 5.7.1 Message rejected as spam)\n\n" +
		"   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n" +
		">>> RCPT To:<frank@example.org>\n<<< 550 5.1.1 <frank@example.org>... User unknown\n"
	rep, err := Decode([]byte(in))
	if err != nil || len(rep.Recipients) != 2 {
		t.Fatalf("Decode: %v, %d recipients", err, len(rep.Recipients))
	}
	for _, c := range []struct{ rcpt, mta, cmd string }{
		{"frank@example.org", "mx.example.org", "RCPT"},
		{"gail@example.com", "", ""},
	} {
		var rc Recipient
		for _, r := range rep.Recipients {
			if r.Recipient == c.rcpt {
				rc = r
			}
		}
		if rc.RemoteMTA != c.mta || rc.Command != c.cmd {
			t.Errorf("%s: server %q, command %q; want %q, %q", c.rcpt, rc.RemoteMTA, rc.Command, c.mta, c.cmd)
		}
	}
}
