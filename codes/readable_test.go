package codes

import (
	"strings"
	"testing"
)

func TestReadableDiagnostic(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{
			"gmail", // rhost-google-03.eml
			"550-5.7.26 The MAIL FROM domain [mail4.example.com] has\n550-5.7.26 an SPF record with a hard fail policy (-all) but it fails to\n550-5.7.26 pass SPF checks. For instructions on setting up\n550 5.7.26 authentication, go to\n550 5.7.26 https://support.google.com/mail/answer/81126#authentication 2-222 - gsmtp",
			"550 5.7.26 The MAIL FROM domain [mail4.example.com] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks. For instructions on setting up authentication, go to https://support.google.com/mail/answer/81126#authentication 2-222 - gsmtp",
		},
		{
			"joined with a prefix",
			"host gmail-smtp-in.l.google.com[192.0.2.1] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1-2 - gsmtp (in reply to RCPT TO command)",
			"host gmail-smtp-in.l.google.com[192.0.2.1] said: 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser x1-2 - gsmtp (in reply to RCPT TO command)",
		},
		{
			"no enhanced code", // lhost-exim-*.eml (MagicMail)
			"550-Your message was rejected by this system and was not delivered.\n550-Reason: no reverse DNS.\n550 For more information, see the postmaster page.",
			"550 Your message was rejected by this system and was not delivered. Reason: no reverse DNS. For more information, see the postmaster page.",
		},
		{
			"other code quoted",
			"421-4.7.0 Try again later, 421-4.7.0 the remote said 550 5.1.1 user unknown",
			"421 4.7.0 Try again later, the remote said 550 5.1.1 user unknown",
		},
		{"one line", "550  5.1.1 <bob@example.org>:\n  User unknown", "550 5.1.1 <bob@example.org>: User unknown"},
		{"one line with a hyphen", "550-5.1.1 User unknown", "550-5.1.1 User unknown"},
		{"a range", "Limit 500-600 messages, then 500 more", "Limit 500-600 messages, then 500 more"},
		{"empty", " \n ", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ReadableDiagnostic(tc.in); got != tc.want {
				t.Errorf("ReadableDiagnostic(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzReadableDiagnostic checks that ReadableDiagnostic keeps to one line
// of single spaces and only ever removes: it never grows the text.
func FuzzReadableDiagnostic(f *testing.F) {
	f.Add("550-5.1.1 a\n550-5.1.1 b\n550 5.1.1 c")
	f.Add("550-x 550-y 550 z")
	f.Add("421-4.7.0 a 421 4.7.0 b 550-5.1.1 c")
	f.Fuzz(func(t *testing.T, s string) {
		got := ReadableDiagnostic(s)
		if got != strings.Join(strings.Fields(got), " ") {
			t.Fatalf("ReadableDiagnostic(%q) = %q: not one line of single spaces", s, got)
		}
		if len(got) > len(strings.Join(strings.Fields(s), " ")) {
			t.Fatalf("ReadableDiagnostic(%q) = %q: longer than the text", s, got)
		}
	})
}
