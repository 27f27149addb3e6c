package codes

import (
	"strings"
	"testing"
)

// The tests of this file pin what the matchers of the log readers and of
// the mbox splitter find, on lines of real logs (Postfix, Exim, Sendmail,
// message traces, mbox files) and on edge cases. A want string is the input
// with « and » around each group the matcher returns; "" means no match.

// mark returns s with « and » around each [start, end) pair of idx.
func mark(s string, idx ...int) string {
	var b strings.Builder
	at := 0
	for i := 0; i+1 < len(idx); i += 2 {
		b.WriteString(s[at:idx[i]])
		b.WriteString("«")
		b.WriteString(s[idx[i]:idx[i+1]])
		b.WriteString("»")
		at = idx[i+1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// markOne is mark for a single group, or "" when start is -1.
func markOne(s string, start, end int) string {
	if start < 0 {
		return ""
	}
	return mark(s, start, end)
}

func TestBlEximMatch(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		// exim.log
		{"2026-11-27 10:00:00 1tGxyA-0001AB-Cd <= news@example.net H=app1.example.net [198.51.100.7] P=esmtps S=5120 id=20261127100000.1@example.net", ""},
		{`2026-11-27 10:00:01 1tGxyA-0001AB-Cd => alice@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.10] C="250 2.0.0 Ok: queued as 8C1D2E3F"`,
			`2026-11-27 10:00:01 «1tGxyA-0001AB-Cd» «=>» «alice@example.com»« R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.10] C="250 2.0.0 Ok: queued as 8C1D2E3F"»`},
		{"2026-11-27 10:00:02 1tGxyA-0001AB-Cd ** nobody@example.org R=dnslookup T=remote_smtp H=mx1.example.org [192.0.2.20]: SMTP error from remote mail server after RCPT TO:<nobody@example.org>: 550 5.1.1 User unknown",
			"2026-11-27 10:00:02 «1tGxyA-0001AB-Cd» «**» «nobody@example.org»« R=dnslookup T=remote_smtp H=mx1.example.org [192.0.2.20]: SMTP error from remote mail server after RCPT TO:<nobody@example.org>: 550 5.1.1 User unknown»"},
		{"2026-11-27 10:00:03 1tGxyA-0001AB-Cd == carol@example.edu R=dnslookup T=remote_smtp defer (-44) H=mx.example.edu [192.0.2.40]: 451 4.7.1 Greylisted",
			"2026-11-27 10:00:03 «1tGxyA-0001AB-Cd» «==» «carol@example.edu»« R=dnslookup T=remote_smtp defer (-44) H=mx.example.edu [192.0.2.40]: 451 4.7.1 Greylisted»"},
		{"2026-11-27 10:00:04 1tGxyA-0001AB-Cd ** dave@nonexistent.example: Unrouteable address",
			"2026-11-27 10:00:04 «1tGxyA-0001AB-Cd» «**» «dave@nonexistent.example:»« Unrouteable address»"},
		{"2026-11-27 10:00:05 1tGxyA-0001AB-Cd Completed", ""},
		{"2026-11-27 10:05:00 1tGxzB-000000001AB-CdEf == erin@example.info R=dnslookup T=remote_smtp defer (110): Connection timed out",
			"2026-11-27 10:05:00 «1tGxzB-000000001AB-CdEf» «==» «erin@example.info»« R=dnslookup T=remote_smtp defer (110): Connection timed out»"},
		{"2026-11-27 10:00:06 1tGxyA-0001AB-Cd -> postmaster@example.com <root@example.com> R=system_aliases",
			"2026-11-27 10:00:06 «1tGxyA-0001AB-Cd» «->» «postmaster@example.com»« <root@example.com> R=system_aliases»"},
		// position of the id
		{"1tGxyA-0001AB-Cd ** a@b", "«1tGxyA-0001AB-Cd» «**» «a@b»«»"},
		{"x\t1tGxyA-0001AB-Cd => a@b", "x\t«1tGxyA-0001AB-Cd» «=>» «a@b»«»"},
		{"x1tGxyA-0001AB-Cd => a@b", ""},
		{"1tGxyA-0001AB-Cd <= x 1tGxyB-0001AB-Cd => a@b x", "1tGxyA-0001AB-Cd <= x «1tGxyB-0001AB-Cd» «=>» «a@b»« x»"},
		{"1tGxyA-0001AB-Cd => a@b 1tGxyB-0001AB-Cd ** c@d", "«1tGxyA-0001AB-Cd» «=>» «a@b»« 1tGxyB-0001AB-Cd ** c@d»"},
		// lengths of the id parts: 6, 6 to 11, 2 to 4
		{"1tGxy-0001AB-Cd ** a", ""},
		{"1tGxyAB-0001AB-Cd ** a", ""},
		{"1tGxyA-0001A-Cd ** a", ""},
		{"1tGxyA-00000000001-Cd ** a", "«1tGxyA-00000000001-Cd» «**» «a»«»"},
		{"1tGxyA-000000000001-Cd ** a", ""},
		{"1tGxyA-0001AB-C ** a", ""},
		{"1tGxyA-0001AB-CdEf ** a", "«1tGxyA-0001AB-CdEf» «**» «a»«»"},
		{"1tGxyA-0001AB-CdEfG ** a", ""},
		{"1tGxy_-0001AB-Cd ** a", ""},
		// the arrow and the address
		{"1tGxyA-0001AB-Cd <= a", ""},
		{"1tGxyA-0001AB-Cd =< a", ""},
		{"1tGxyA-0001AB-Cd **a", ""},
		{"1tGxyA-0001AB-Cd ** ", ""},
		{"1tGxyA-0001AB-Cd **  a", ""},
		{"1tGxyA-0001AB-Cd ** a\r", "«1tGxyA-0001AB-Cd» «**» «a»«\r»"},
		{"1tGxyA-0001AB-Cd ** a\vb c", "«1tGxyA-0001AB-Cd» «**» «a\vb»« c»"},
		{"1tGxyA-0001AB-Cd ** jürgen@example.de: Unrouteable address", "«1tGxyA-0001AB-Cd» «**» «jürgen@example.de:»« Unrouteable address»"},
		// (.*)$ does not cross a line end; a line end counts as a space before the id
		{"1tGxyA-0001AB-Cd ** a@b\nmore", ""},
		{"1tGxyA-0001AB-Cd ** a@b\n", ""},
		{"junk\n1tGxyA-0001AB-Cd ** a@b c", "junk\n«1tGxyA-0001AB-Cd» «**» «a@b»« c»"},
		{"1tGxyA-0001AB-Cd ** a@b\n1tGxyB-0001AB-Cd ** c@d", "1tGxyA-0001AB-Cd ** a@b\n«1tGxyB-0001AB-Cd» «**» «c@d»«»"},
		{"", ""},
	} {
		m, ok := blEximMatch(tc.line)
		got := ""
		if ok {
			got = mark(tc.line, m[:]...)
		}
		if got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.line, got, tc.want)
		}
		if blEximLine([]byte(tc.line)) != ok {
			t.Errorf("%q: blEximLine %v, blEximMatch %v", tc.line, !ok, ok)
		}
	}
}

func TestBlSendmailMatch(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		// sendmail.log
		{"Nov 27 10:10:00 mail sm-mta[4410]: 5ARAA0001234: from=<news@example.net>, size=5120, class=0, nrcpts=3, msgid=<1@example.net>, proto=ESMTP, daemon=MTA, relay=app1.example.net [198.51.100.7]", ""},
		{"Nov 27 10:10:01 mail sm-mta[4412]: 5ARAA0001234: to=<alice@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120512, relay=mx.example.com. [192.0.2.10], dsn=2.0.0, stat=Sent (Ok: queued as 8C1D2E3F)",
			"Nov 27 10:10:01 mail sm-mta[4412]: «5ARAA0001234»: to=«<alice@example.com>», «delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120512, relay=mx.example.com. [192.0.2.10], dsn=2.0.0, »stat=«Sent (Ok: queued as 8C1D2E3F)»"},
		{"Nov 27 10:10:02 mail sm-mta[4412]: 5ARAA0001234: to=<nobody@example.org>,<ghost@example.org>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120512, relay=mx1.example.org. [192.0.2.20], dsn=5.1.1, stat=User unknown",
			"Nov 27 10:10:02 mail sm-mta[4412]: «5ARAA0001234»: to=«<nobody@example.org>,<ghost@example.org>», «delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120512, relay=mx1.example.org. [192.0.2.20], dsn=5.1.1, »stat=«User unknown»"},
		{"Nov 27 10:10:03 mail sm-mta[4412]: 5ARAA0001234: to=<carol@example.edu>, delay=00:00:03, mailer=esmtp, relay=mx.example.edu. [192.0.2.40], dsn=4.7.1, stat=Deferred: 450 4.7.1 <carol@example.edu>... Greylisted",
			"Nov 27 10:10:03 mail sm-mta[4412]: «5ARAA0001234»: to=«<carol@example.edu>», «delay=00:00:03, mailer=esmtp, relay=mx.example.edu. [192.0.2.40], dsn=4.7.1, »stat=«Deferred: 450 4.7.1 <carol@example.edu>... Greylisted»"},
		{"Nov 27 10:10:04 mail sm-mta[4412]: 5ARAA0001234: 5ARAA0001235: DSN: User unknown", ""},
		{"Nov 27 10:10:05 mail sendmail[4420]: 5ARAB0005678: to=frank@example.com, ctladdr=news (1000/1000), delay=00:00:01, mailer=relay, relay=[127.0.0.1] [127.0.0.1], dsn=5.0.0, stat=Service unavailable",
			"Nov 27 10:10:05 mail sendmail[4420]: «5ARAB0005678»: to=«frank@example.com», «ctladdr=news (1000/1000), delay=00:00:01, mailer=relay, relay=[127.0.0.1] [127.0.0.1], dsn=5.0.0, »stat=«Service unavailable»"},
		{"Nov 27 10:10:06 mail sm-msp-queue[12]: 5AR1: to=root, ctladdr=root (0/0), delay=00:00:00, mailer=relay, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (5AR2 Message accepted for delivery)",
			"Nov 27 10:10:06 mail sm-msp-queue[12]: «5AR1»: to=«root», «ctladdr=root (0/0), delay=00:00:00, mailer=relay, relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, »stat=«Sent (5AR2 Message accepted for delivery)»"},
		// the program name
		{"x sendmail-out.2[1]: A1: to=a, stat=Sent", "x sendmail-out.2[1]: «A1»: to=«a», «»stat=«Sent»"},
		{"host sendmail1 sm-mta[12]: A1: to=<a@b>, x, stat=Sent", "host sendmail1 sm-mta[12]: «A1»: to=«<a@b>», «x, »stat=«Sent»"},
		{"x/sendmail[1]: A1: to=a, stat=Sent", "x/sendmail[1]: «A1»: to=«a», «»stat=«Sent»"},
		{"sm-mta[]: A1: to=a, stat=Sent", ""},
		{"sm-mta[1x]: A1: to=a, stat=Sent", ""},
		{"sm-mta[1] A1: to=a, stat=Sent", ""},
		{"sm-mta [1]: A1: to=a, stat=Sent", ""},
		{"sm-mtb[1]: A1: to=a, stat=Sent", ""},
		{"sm-mta[1]: A-1: to=a, stat=Sent", ""},
		{"sm-mta[1]: : to=a, stat=Sent", ""},
		{"sm-mta[1]:  A1: to=a, stat=Sent", ""},
		// to=, the fields between and stat=
		{"sm-mta[1]: A1: to=, stat=Sent", "sm-mta[1]: «A1»: to=«», «»stat=«Sent»"},
		{"sm-mta[1]: A1: to=a stat=Sent", ""},
		{"sm-mta[1]: A1: to=a,stat=Sent", ""},
		{"sm-mta[1]: A1: to=<stat=x>, a, stat=Y", "sm-mta[1]: «A1»: to=«<stat=x>», «a, »stat=«Y»"},
		{"sm-mta[1]: A1: to=a, b, xstat=Foo, stat=Sent", "sm-mta[1]: «A1»: to=«a», «b, xstat=Foo, »stat=«Sent»"},
		{"sm-mta[1]: A1: to=a, b,stat=Sent", "sm-mta[1]: «A1»: to=«a», «b,»stat=«Sent»"},
		{"sm-mta[1]: A1: to=a, éstat=Sent", "sm-mta[1]: «A1»: to=«a», «é»stat=«Sent»"},
		{"sm-mta[1]: A1: to=a, stat=Sent, stat=Deferred", "sm-mta[1]: «A1»: to=«a», «»stat=«Sent, stat=Deferred»"},
		{"sm-mta[1]: A1: to=a, stat=", "sm-mta[1]: «A1»: to=«a», «»stat=«»"},
		{"sm-mta[1]: A1: to=a, stat=  \t", "sm-mta[1]: «A1»: to=«a», «»stat=«»  \t"},
		{"sm-mta[1]: A1: to=a, stat=Sent  \r", "sm-mta[1]: «A1»: to=«a», «»stat=«Sent»  \r"},
		{"sm-mta[1]: A1: to=a, stat=Sent\v", "sm-mta[1]: «A1»: to=«a», «»stat=«Sent\v»"},
		{"sm-mta[1]: A1: to=a, stat=Sent (ok) ", "sm-mta[1]: «A1»: to=«a», «»stat=«Sent (ok)» "},
		// line ends: only trailing space may follow them
		{"sm-mta[1]: A1: to=a, stat=Sent\n", "sm-mta[1]: «A1»: to=«a», «»stat=«Sent»\n"},
		{"sm-mta[1]: A1: to=a, stat=Sent\nfoo", ""},
		{"sm-mta[1]: A1: to=a,\n stat=Sent", ""},
		{"garbage\nsm-mta[1]: A1: to=a, stat=x", "garbage\nsm-mta[1]: «A1»: to=«a», «»stat=«x»"},
		{"sm-mta[1]: A1: to=a, stat=x\nsm-mta[2]: B2: to=b, stat=y\r\n", "sm-mta[1]: A1: to=a, stat=x\nsm-mta[2]: «B2»: to=«b», «»stat=«y»\r\n"},
		{"", ""},
	} {
		m, ok := blSendmailMatch(tc.line)
		got := ""
		if ok {
			got = mark(tc.line, m[:]...)
		}
		if got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.line, got, tc.want)
		}
	}
}

// TestBlFields covers the matchers of single fields: dsn= and relay= of
// Postfix and Sendmail lines, H= of Exim lines.
func TestBlFields(t *testing.T) {
	for _, tc := range []struct {
		f        func(string) (int, int)
		name     string
		in, want string
	}{
		{blDSNField, "dsn", " delay=00:00:01, mailer=esmtp, relay=mx.example.com. [192.0.2.10], dsn=5.1.1, ", " delay=00:00:01, mailer=esmtp, relay=mx.example.com. [192.0.2.10], dsn=«5.1.1», "},
		{blDSNField, "dsn", " relay=mx.example.com[192.0.2.1]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0,", " relay=mx.example.com[192.0.2.1]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=«2.0.0»,"},
		{blDSNField, "dsn", "dsn=4.7.1", "dsn=«4.7.1»"},
		{blDSNField, "dsn", ",dsn=4.7.1", ",dsn=«4.7.1»"},
		{blDSNField, "dsn", "\tdsn=4.7.1", ""},
		{blDSNField, "dsn", "xdsn=5.1.1, dsn=2.0.0", "xdsn=5.1.1, dsn=«2.0.0»"},
		{blDSNField, "dsn", " dsn=x, dsn=5.2.2", " dsn=x, dsn=«5.2.2»"},
		{blDSNField, "dsn", " dsn=3.1.1", ""},
		{blDSNField, "dsn", " dsn=5.1.1234", " dsn=«5.1.123»4"},
		{blDSNField, "dsn", " dsn=5.1.1234, dsn=4.4.4", " dsn=«5.1.123»4, dsn=4.4.4"},
		{blDSNField, "dsn", " dsn=5.1234.1", ""},
		{blDSNField, "dsn", " dsn=5.123.456", " dsn=«5.123.456»"},
		{blDSNField, "dsn", " dsn=5.12.", ""},
		{blDSNField, "dsn", " dsn=5..1", ""},
		{blDSNField, "dsn", " dsn=5.0.0x", " dsn=«5.0.0»x"},
		{blDSNField, "dsn", " DSN=5.0.0", ""},
		{blDSNField, "dsn", "", ""},

		{blRelayField, "relay", " delay=00:00:01, mailer=esmtp, relay=mx.example.com. [192.0.2.10], dsn=5.1.1, ", " delay=00:00:01, mailer=esmtp, relay=«mx.example.com.» [192.0.2.10], dsn=5.1.1, "},
		{blRelayField, "relay", " relay=mx.example.com[192.0.2.1]:25, delay=0.5", " relay=«mx.example.com»[192.0.2.1]:25, delay=0.5"},
		{blRelayField, "relay", " relay=[127.0.0.1] [127.0.0.1], dsn=5.0.0, ", ""},
		{blRelayField, "relay", "relay=none, delay=1", "relay=«none», delay=1"},
		{blRelayField, "relay", ",relay=a,b", ",relay=«a»,b"},
		{blRelayField, "relay", "xrelay=a", ""},
		{blRelayField, "relay", " relay=, relay=b", " relay=, relay=«b»"},
		{blRelayField, "relay", " relay=host\tx", " relay=«host»\tx"},
		{blRelayField, "relay", " relay=höst.example", " relay=«höst.example»"},
		{blRelayField, "relay", " relay=a\vb", " relay=«a\vb»"},
		{blRelayField, "relay", "", ""},

		{blEximHost, "H", " R=dnslookup T=remote_smtp H=mx1.example.org [192.0.2.20] X=TLS1.3: SMTP error", " R=dnslookup T=remote_smtp H=«mx1.example.org» [192.0.2.20] X=TLS1.3: SMTP error"},
		{blEximHost, "H", " R=dnslookup T=remote_smtp defer (-44) H=mx.example.edu [192.0.2.40]: SMTP error", " R=dnslookup T=remote_smtp defer (-44) H=«mx.example.edu» [192.0.2.40]: SMTP error"},
		{blEximHost, "H", ": Unrouteable address", ""},
		{blEximHost, "H", " H=[192.0.2.1]", ""},
		{blEximHost, "H", " H=[192.0.2.1] H=b", " H=[192.0.2.1] H=«b»"},
		{blEximHost, "H", " H=a H=b", " H=«a» H=b"},
		{blEximHost, "H", "H=a", ""},
		{blEximHost, "H", "\tH=a", ""},
		{blEximHost, "H", " H= H=b", " H= H=«b»"},
		{blEximHost, "H", " H=mx.example.com:", " H=«mx.example.com:»"},
		{blEximHost, "H", " H=mx[1]", " H=«mx»[1]"},
		{blEximHost, "H", " h=mx", ""},
		{blEximHost, "H", "", ""},
	} {
		s, e := tc.f(tc.in)
		if got := markOne(tc.in, s, e); got != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestBlCodes covers the matchers of reply codes and enhanced status codes
// in diagnostic texts.
func TestBlCodes(t *testing.T) {
	for _, tc := range []struct{ in, reply, status string }{
		{"host mx1.example.org[192.0.2.20] said: 550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
			"host mx1.example.org[192.0.2.20] said: «550» 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
			"host mx1.example.org[192.0.2.20] said: 550 «5.1.1» <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"},
		{"host gmail-smtp-in.l.google.com[192.0.2.30] said: 550-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)",
			"host gmail-smtp-in.l.google.com[192.0.2.30] said: «550»-5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)",
			"host gmail-smtp-in.l.google.com[192.0.2.30] said: 550-«5.1.1» The email account that you tried to reach does not exist. (in reply to RCPT TO command)"},
		{"Deferred: 450 4.7.1 <carol@example.edu>... Greylisted", "Deferred: «450» 4.7.1 <carol@example.edu>... Greylisted", "Deferred: 450 «4.7.1» <carol@example.edu>... Greylisted"},
		{"Sent (Ok: queued as 8C1D2E3F)", "", ""},
		{"User unknown", "", ""},
		{"connect to mx.example.com[192.0.2.1]:25: Connection timed out", "", ""},
		{"250 2.0.0 OK  1732701600 a1si123456qkb.1 - gsmtp", "«250» 2.0.0 OK  1732701600 a1si123456qkb.1 - gsmtp", "250 «2.0.0» OK  1732701600 a1si123456qkb.1 - gsmtp"},
		{"Remote Server returned '550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification'",
			"Remote Server returned '«550» 5.7.509 Access denied, sending domain example.com does not pass DMARC verification'",
			"Remote Server returned '550 «5.7.509» Access denied, sending domain example.com does not pass DMARC verification'"},
		{"550 5.4.1 Recipient address rejected: Access denied. [AM0PR01MB1234.eurprd01.prod.exchangelabs.com 2026-11-27T10:00:00.000Z 08DD0123456789AB]",
			"«550» 5.4.1 Recipient address rejected: Access denied. [AM0PR01MB1234.eurprd01.prod.exchangelabs.com 2026-11-27T10:00:00.000Z 08DD0123456789AB]",
			"550 «5.4.1» Recipient address rejected: Access denied. [AM0PR01MB1234.eurprd01.prod.exchangelabs.com 2026-11-27T10:00:00.000Z 08DD0123456789AB]"},
		// reply codes: [245][0-5][0-9] after a start or a delimiter, before a space, '-' or the end
		{"550", "«550»", ""},
		{"code 250", "code «250»", ""},
		{"5501 x", "", ""},
		{"599 x", "", ""},
		{"350 ok", "", ""},
		{"x550 y", "", ""},
		{"1550 x", "", ""},
		{"550,x", "", ""},
		{"550.x", "", ""},
		{"550\tx 421 y", "550\tx «421» y", ""},
		{"(450 x", "(«450» x", ""},
		{"[552 x", "[«552» x", ""},
		{"{552 x", "{«552» x", ""},
		{";552 x", ";«552» x", ""},
		{"\"554 x", "\"«554» x", ""},
		{"'554 x", "'«554» x", ""},
		{"=421", "=«421»", ""},
		{"\t421 x", "\t«421» x", ""},
		{"\n421 x", "\n«421» x", ""},
		{":421 x", "", ""},
		{"é550 x", "", ""},
		{"550\n", "", ""},
		{"x 55", "", ""},
		// enhanced codes: [245].d{1,3}.d{1,3} not next to a word character or a dot
		{"5.1.1", "", "«5.1.1»"},
		{"x5.1.1", "", ""},
		{".5.1.1", "", ""},
		{"_5.1.1", "", ""},
		{"failed 5.1.1.", "", ""},
		{"failed 5.1.1, 5.2.2", "", "failed «5.1.1», 5.2.2"},
		{"5.1.1x", "", ""},
		{"5.1.1_", "", ""},
		{"(5.7.1)", "", "(«5.7.1»)"},
		{"#5.1.1", "", "#«5.1.1»"},
		{"é5.1.1é", "", "é«5.1.1»é"},
		{"4.7.1\n", "", "«4.7.1»\n"},
		{"5.7.10 5.7.100", "", "«5.7.10» 5.7.100"},
		{"5.7.1000 5.7.100", "", "5.7.1000 «5.7.100»"},
		{"5.1234.1 4.2.2", "", "5.1234.1 «4.2.2»"},
		{"3.1.1 2.0.0", "", "3.1.1 «2.0.0»"},
		{"5.1.", "", ""},
		{"5..1", "", ""},
		{"5.1.1.1 4.4.4", "", "5.1.1.1 «4.4.4»"},
		{"", "", ""},
	} {
		i := blReplyAt(tc.in)
		if got := markOne(tc.in, i, i+3); got != tc.reply {
			t.Errorf("reply %q:\n got %q\nwant %q", tc.in, got, tc.reply)
		}
		s, e := blStatusAt(tc.in)
		if got := markOne(tc.in, s, e); got != tc.status {
			t.Errorf("status %q:\n got %q\nwant %q", tc.in, got, tc.status)
		}
	}
}

func TestBlNextAddr(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<nobody@example.org>,<ghost@example.org>", "<«nobody@example.org»>,<«ghost@example.org»>"},
		{"frank@example.com", "«frank@example.com»"},
		{"alice@example.com;bob@example.com", "«alice@example.com»;«bob@example.com»"},
		{`"Doe, Joe" <joe@example.com>`, `"Doe, Joe" <«joe@example.com»>`},
		{"a@b;c@d e@f(x)", "«a@b»;«c@d» «e@f»(x)"},
		{"[a@b]'c@d'", "[«a@b»]'«c@d»'"},
		{"root", ""},
		{"|/usr/bin/procmail", ""},
		{"@example.com", ""},
		{"a@", ""},
		{"@", ""},
		{"@@", ""},
		{"a@@b", "«a@@b»"},
		{"@a@b", "«@a@b»"},
		{"a@b.c@d", "«a@b.c@d»"},
		{"a@b\vc", "«a@b\vc»"},
		{"a@b\tc@d\ne@f\rg@h\fi@j", "«a@b»\t«c@d»\n«e@f»\r«g@h»\f«i@j»"},
		{"jürgen@例え.jp", "«jürgen@例え.jp»"},
		{"x @ y a@b", "x @ y «a@b»"},
		{"", ""},
	} {
		var idx []int
		for s, e := blNextAddr(tc.in, 0); s >= 0; s, e = blNextAddr(tc.in, e) {
			idx = append(idx, s, e)
		}
		got := ""
		if idx != nil {
			got = mark(tc.in, idx...)
		}
		if got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestBlCommand(t *testing.T) {
	for _, tc := range []struct{ in, want, name string }{
		{"host mx1.example.org[192.0.2.20] said: 550 5.1.1 <nobody@example.org>: User unknown (in reply to RCPT TO command)",
			"host mx1.example.org[192.0.2.20] said: 550 5.1.1 <nobody@example.org>: User unknown (in reply to «RCPT TO» command)", "RCPT"},
		{"host mx.example.com[192.0.2.1] said: 552 5.3.4 Message size exceeds fixed limit (in reply to end of DATA command)",
			"host mx.example.com[192.0.2.1] said: 552 5.3.4 Message size exceeds fixed limit (in reply to «end of DATA» command)", "DATA"},
		{"host mx.example.com[192.0.2.1] said: 554 5.7.1 Service unavailable (in reply to MAIL FROM command)",
			"host mx.example.com[192.0.2.1] said: 554 5.7.1 Service unavailable (in reply to «MAIL FROM» command)", "MAIL"},
		{"host mx.example.com[192.0.2.1] refused to talk to me: 554 5.7.1 Blocked",
			"", ""},
		{"SMTP error from remote mail server after RCPT TO:<nobody@example.org>: 550 5.1.1 User unknown",
			"SMTP error from remote mail server after «RCPT TO»:<nobody@example.org>: 550 5.1.1 User unknown", "RCPT"},
		{"SMTP error from remote mail server after pipelined end of data: 554 5.7.9 Message not accepted",
			"SMTP error from remote mail server after pipelined «end of data»: 554 5.7.9 Message not accepted", "DATA"},
		{"SMTP error from remote mail server after pipelined MAIL FROM:<a@b> SIZE=1: 550",
			"SMTP error from remote mail server after pipelined «MAIL FROM»:<a@b> SIZE=1: 550", "MAIL"},
		{"SMTP error from remote mail server after initial connection: 554 Blocked",
			"SMTP error from remote mail server after «initial connection»: 554 Blocked", "CONN"},
		{"SMTP timeout after initial protocol greeting: 421",
			"SMTP timeout after «initial protocol greeting»: 421", "CONN"},
		{"SMTP error from remote mail server after EHLO mail.example.net: 421", "SMTP error from remote mail server after «EHLO» mail.example.net: 421", "EHLO"},
		{"SMTP error from remote mail server after HELO x: 421", "SMTP error from remote mail server after «HELO» x: 421", "EHLO"},
		{"SMTP error from remote mail server after STARTTLS: 454", "SMTP error from remote mail server after «STARTTLS»: 454", "STARTTLS"},
		{"host x said: 554 x (in reply to DATA command)", "host x said: 554 x (in reply to «DATA» command)", "DATA"},
		// case, optional "pipelined ", leftmost match
		{"IN REPLY TO DATA COMMAND", "IN REPLY TO «DATA» COMMAND", "DATA"},
		{"After Helo", "After «Helo»", "EHLO"},
		{"after mail from", "after «mail from»", "MAIL"},
		{"after Pipelined rcpt to", "after Pipelined «rcpt to»", "RCPT"},
		{"after pipelined x", "", ""},
		{"after pipelined", "", ""},
		{"after x", "", ""},
		{"after  DATA", "", ""},
		{"after\tDATA", "", ""},
		{"safter data", "safter «data»", "DATA"},
		{"after dataxyz", "after «data»xyz", "DATA"},
		{"after dat", "", ""},
		{"after initial protocol", "", ""},
		{"after 550 in reply to RCPT TO", "after 550 in reply to «RCPT TO»", "RCPT"},
		{"in reply to DATA after RCPT TO", "in reply to «DATA» after RCPT TO", "DATA"},
		{"after\nin reply to HELO", "after\nin reply to «HELO»", "EHLO"},
		{"in reply torcpt to", "", ""},
		// Unicode case folding of (?i): ſ (U+017F) is an s
		{"after ſTARTTLS", "after «ſTARTTLS»", "STARTTLS"},
		{"error from remote mail ſerver after RCPT TO", "error from remote mail ſerver after «RCPT TO»", "RCPT"},
		{"", "", ""},
	} {
		s, e := blCommandAt(tc.in)
		if got := markOne(tc.in, s, e); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
		if s >= 0 {
			if got := blCommandName(tc.in[s:e]); got != tc.name {
				t.Errorf("%q: command %q, want %q", tc.in, got, tc.name)
			}
		}
	}
}

func TestMboxFromLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"From MAILER-DAEMON Thu Jan  1 00:00:00 1970", true},
		{"From alice@example.com Fri Nov 27 10:00:00 2026", true},
		{"From - Fri Nov 27 10:00:00 2026", true},
		{"From bounce+abc=example.com@lists.example.org  Fri Nov 27 10:00:00 +0000 2026", true},
		{"From jürgen@example.de Fri Nov 27 10:00:00 2026", true},
		{"From alice@example.com Fri Nov 27 10:00:00 2026\r", true},
		{"From a@b 2026", true},
		{"From a@b 1:23", true},
		{"From a@b x2026y", true},
		{"From a@b 99:99", true},
		{"From a@b 12:3", false},
		{"From a@b 123", false},
		{"From a@b 1 2 3 4", false},
		{"From a@b", false},
		{"From a@b ", false},
		{"From  a@b 2026", false},
		{"From\ta@b 2026", false},
		{"From a@b\t2026", false},
		{"From 2026 x", false},
		{"From 10:00 x", false},
		{"from a@b 2026", false},
		{">From a@b 2026", false},
		{" From a@b 2026", false},
		{"From a@b x\n2026", false},
		{"From a@b\n 2026", false},
		{"From a@b 2026\nx", true},
		{"From the desk of the editor, 1999 was a good year", true},
		{"From: alice@example.com", false},
		{"From ", false},
		{"", false},
	} {
		if got := mboxFromLine([]byte(tc.line)); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestBlMatchersAllocs checks that the matchers allocate nothing.
func TestBlMatchersAllocs(t *testing.T) {
	exim := "2026-11-27 10:00:02 1tGxyA-0001AB-Cd ** nobody@example.org R=dnslookup T=remote_smtp H=mx1.example.org [192.0.2.20]: SMTP error from remote mail server after pipelined RCPT TO:<nobody@example.org>: 550 5.1.1 User unknown"
	eximB := []byte(exim)
	sm := "Nov 27 10:10:02 mail sm-mta[4412]: 5ARAA0001234: to=<nobody@example.org>,<ghost@example.org>, delay=00:00:02, mailer=esmtp, relay=mx1.example.org. [192.0.2.20], dsn=5.1.1, stat=User unknown"
	from := []byte("From MAILER-DAEMON Thu Jan  1 00:00:00 1970")
	n := testing.AllocsPerRun(100, func() {
		blEximLine(eximB)
		blEximMatch(exim)
		blEximHost(exim)
		blSendmailMatch(sm)
		blDSNField(sm)
		blRelayField(sm)
		blReplyAt(exim)
		blStatusAt(exim)
		if s, e := blCommandAt(exim); s >= 0 {
			blCommandName(exim[s:e])
		}
		for s, e := blNextAddr(sm, 0); s >= 0; s, e = blNextAddr(sm, e) {
		}
		mboxFromLine(from)
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}
