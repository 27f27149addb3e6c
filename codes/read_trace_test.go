package codes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecodeTrace decodes pasted rows of the files Batch reads as traces:
// the decoder view gives the same recipients, one per address.
func TestDecodeTrace(t *testing.T) {
	for _, tt := range []struct {
		file string
		want []logWant
	}{
		{"powermta-acct.csv", []logWant{
			{"alice@example.com", "delivered", "250", "2.0.0", "", "mx.example.com"},
			{"nobody@example.org", "failed", "550", "5.1.1", "", "mx1.example.org"},
			{"carol@example.edu", "delayed", "451", "4.7.1", "", "mx.example.edu"},
			{"dave@example.info", "failed", "", "5.4.4", "", ""},
		}},
		{"mailgun-bounces.csv", []logWant{
			{"alice@example.com", "failed", "550", "5.1.1", "", ""},
			{"dan@example.org", "failed", "554", "", "", ""},
		}},
		// One message's events: the last one about an address is its outcome.
		{"messagetrace-detail.csv", []logWant{
			{"nobody@example.org", "failed", "550", "5.1.10", "", ""},
			{"carol@example.edu", "delayed", "451", "4.4.4", "", ""},
			{"alice@example.com", "delivered", "", "", "", ""},
		}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "batch", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Decode(data)
			if err != nil || rep.Format != FormatLog || !rep.Bounce {
				t.Fatalf("Decode: %v, format %q, bounce %v; want a log with failures", err, rep.Format, rep.Bounce)
			}
			if len(rep.Recipients) != len(tt.want) {
				t.Fatalf("%d recipients, want %d", len(rep.Recipients), len(tt.want))
			}
			for i, w := range tt.want {
				rc := rep.Recipients[i]
				checkSpans(t, rep.Text, rc)
				g := logWant{rc.Recipient, rc.Action, rc.ReplyCode, rc.Status, rc.Command, rc.RemoteMTA}
				if w.status == "" {
					g.status = ""
				}
				if g != w {
					t.Errorf("recipient %d:\n got %+v\nwant %+v", i+1, g, w)
				}
			}
		})
	}
	// A header row alone, or rows without a known action or code, are
	// not a bounce.
	for _, in := range []string{
		"email,created,reason,status\n",
		"email,name,status\nbob@example.org,Bob,subscribed\n",
	} {
		if rep, _ := Decode([]byte(in)); rep.Bounce || len(rep.Recipients) > 0 {
			t.Errorf("Decode(%q): bounce %v, %d recipients; want none", in, rep.Bounce, len(rep.Recipients))
		}
	}
}

func TestTraceFieldAt(t *testing.T) {
	for _, tt := range []struct {
		text, v string
		want    int
	}{
		{`b,2026-11-27 10:05:50,550,"5.1.1 gone"`, "550", 22}, // not the 550 of the time
		{`a@example.com;"550";x`, "550", 15},                  // quoted, semicolon
		{`x,5.1.1 (gone),5.1.1`, "5.1.1", 15},                 // the whole field, not a part
		{`x,5.1.1 (gone),5.1.10`, "5.1.1", -1},                // no whole field
		{"x,550\r\n", "550", 2},                               // at the line's end
		{`x,y`, "", -1},                                       // nothing to find
	} {
		if got := traceFieldAt(tt.text, tt.v, ','); tt.text[0] == 'a' {
			if got = traceFieldAt(tt.text, tt.v, ';'); got != tt.want {
				t.Errorf("traceFieldAt(%q, %q, ';') = %d, want %d", tt.text, tt.v, got, tt.want)
			}
		} else if got != tt.want {
			t.Errorf("traceFieldAt(%q, %q) = %d, want %d", tt.text, tt.v, got, tt.want)
		}
	}
}

// TestDecodeLogLines decodes single log lines of servers the batch reader
// does not know by their format: OpenSMTPD's delivery lines (values
// quoted, result="TempFail" a delay) and Postfix refusing mail it receives
// ("NOQUEUE: reject: RCPT from ...; from=<a> to=<b>": the recipient is to=).
func TestDecodeLogLines(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     logWant
	}{
		{"opensmtpd permfail",
			`Nov 27 10:00:01 mx smtpd[1234]: 5a1b2c3d4e5f6a7b mta delivery evpid=5a1b2c3d4e5f6a7b from=<news@example.net> to=<bob@example.org> rcpt=<-> source="192.0.2.5" relay="mx.example.org (192.0.2.20)" delay=2s result="PermFail" stat="550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown"`,
			logWant{"bob@example.org", "failed", "550", "5.1.1", "", "mx.example.org"}},
		{"opensmtpd tempfail",
			`Nov 27 10:00:02 mx smtpd[1234]: 5a1b2c3d4e5f6a7c mta delivery evpid=5a1b2c3d4e5f6a7c from=<news@example.net> to=<carol@example.edu> rcpt=<-> source="192.0.2.5" relay="mx.example.edu (192.0.2.30)" delay=2s result="TempFail" stat="451 4.7.1 Greylisted"`,
			logWant{"carol@example.edu", "delayed", "451", "4.7.1", "", "mx.example.edu"}},
		{"postfix noqueue reject",
			`Nov 27 10:00:01 mx postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.99]: 554 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.99; from=<spam@example.biz> to=<alice@example.com> proto=ESMTP helo=<example.biz>`,
			logWant{"alice@example.com", "failed", "554", "5.7.1", "RCPT", ""}},
		{"postfix noqueue greylisted",
			`Nov 27 10:00:01 mx postfix/smtpd[1234]: NOQUEUE: reject: RCPT from mail.example.biz[192.0.2.98]: 450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted; from=<news@example.biz> to=<bob@example.com> proto=ESMTP helo=<mail.example.biz>`,
			logWant{"bob@example.com", "delayed", "450", "4.2.0", "RCPT", ""}},
		{"qmail failure after its starting line",
			"@4000000065f1a2b30a1b2c3d starting delivery 42: msg 1234 to remote bob@example.org\n" +
				"@4000000065f1a2b40b2c3d4e delivery 42: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_<bob@example.org>:_Recipient_address_rejected:_User_unknown/Giving_up_on_192.0.2.1./\n",
			logWant{"bob@example.org", "failed", "550", "5.1.1", "RCPT", "192.0.2.1"}},
		{"qmail failure alone",
			`Dec  8 01:02:03 mail qmail: 1607389323.123456 delivery 7: failure: Connected_to_192.0.2.3_but_sender_was_rejected./Remote_host_said:_553_5.7.1_<carol_smith@example.com>..._Sender_address_rejected/Giving_up_on_192.0.2.3./`,
			logWant{"", "failed", "553", "5.7.1", "MAIL", "192.0.2.3"}}, // the echo is the sender's
		{"qmail failure alone, recipient echoed",
			`@4000000065f1a2b40b2c3d4e delivery 8: failure: 192.0.2.4_does_not_like_recipient./Remote_host_said:_550_5.1.1_<carol_smith@example.com>..._User_unknown/Giving_up_on_192.0.2.4./`,
			logWant{"carol_smith@example.com", "failed", "550", "5.1.1", "RCPT", "192.0.2.4"}},
		{"qmail failure on DATA",
			"@4000000065f1a2b30a1b2c3d starting delivery 9: msg 1234 to remote gina@example.org\n" +
				"@4000000065f1a2b40b2c3d4e delivery 9: failure: 192.0.2.5_failed_on_DATA_command./Remote_host_said:_554_5.7.1_Message_rejected_as_spam/Giving_up_on_192.0.2.5./\n",
			logWant{"gina@example.org", "failed", "554", "5.7.1", "DATA", "192.0.2.5"}},
		{"qmail deferral",
			"@4000000065f1a2b30a1b2c3d starting delivery 43: msg 1234 to remote dave@example.net\n" +
				"@4000000065f1a2b40b2c3d4e delivery 43: deferral: Connected_to_192.0.2.7_but_greeting_failed./Remote_host_said:_421_4.7.0_Too_many_connections,_try_again_later/\n",
			logWant{"dave@example.net", "delayed", "421", "4.7.0", "CONN", "192.0.2.7"}},
		{"qmail own failure",
			"@4000000065f1a2b30a1b2c3d starting delivery 45: msg 1234 to remote erin@nonexistent.example\n" +
				"@4000000065f1a2b40b2c3d4e delivery 45: failure: Sorry,_I_couldn't_find_any_host_named_nonexistent.example._(#5.1.2)/\n",
			logWant{"erin@nonexistent.example", "failed", "", "5.1.2", "", ""}},
		{"qmail last line wins",
			"@4000000065f1a2b30a1b2c3d starting delivery 46: msg 1234 to remote frank@example.org\n" +
				"@4000000065f1a2b40b2c3d4e delivery 46: deferral: Connected_to_192.0.2.8_but_greeting_failed./Remote_host_said:_421_Try_again_later/\n" +
				"@4000000065f1a2b30a1b2c3d starting delivery 47: msg 1234 to remote frank@example.org\n" +
				"@4000000065f1a2b40b2c3d4e delivery 47: success: 192.0.2.9_accepted_message./Remote_host_said:_250_2.0.0_Ok:_queued_as_4F1A2/\n",
			logWant{"frank@example.org", "delivered", "250", "2.0.0", "", "192.0.2.9"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep := decodeOne(t, tt.in)
			if rep.Format != FormatLog || len(rep.Recipients) != 1 {
				t.Fatalf("format %q, %d recipients; want one, from a log", rep.Format, len(rep.Recipients))
			}
			rc := rep.Recipients[0]
			checkSpans(t, rep.Text, rc)
			if g := (logWant{rc.Recipient, rc.Action, rc.ReplyCode, rc.Status, rc.Command, rc.RemoteMTA}); g != tt.want {
				t.Errorf("got  %+v\nwant %+v", g, tt.want)
			}
			for _, sp := range rc.Spans {
				if sp.Kind == SpanDiagnostic && strings.ContainsAny(rep.Text[sp.Start:sp.End], `"`) || sp.Kind == SpanDiagnostic && strings.Contains(rep.Text[sp.Start:sp.End], "from=<") {
					t.Errorf("diagnostic span %q takes in quotes or fields", rep.Text[sp.Start:sp.End])
				}
			}
		})
	}
}

func TestQmailSpaces(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Remote_host_said:_550_5.1.1_User_unknown", "Remote host said: 550 5.1.1 User unknown"},
		{"said:_550_<first_last@example.org>:_no_such_user", "said: 550 <first_last@example.org>: no such user"},
		{"unclosed_<a_b", "unclosed <a_b"},
		{"", ""},
	} {
		if got := qmailSpaces(tt.in); got != tt.want || len(got) != len(tt.in) {
			t.Errorf("qmailSpaces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
