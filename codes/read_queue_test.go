package codes

import (
	"strings"
	"testing"
)

func TestQueueEntry(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"A1B2C3D4E5     2345 Fri Nov 27 09:00:01  sender@example.net", true},
		{"4F1C51A0B2*    1834 Fri Nov 27 10:00:01  sender@example.net", true},
		{"C0FFEE1234!     512 Thu Nov 26 08:00:00  MAILER-DAEMON", true},
		{"4Tq3Xz1bKLz9v7     9120 Thu Nov 26 22:41:10  billing@example.net", true},
		{"0ARA0000123      1234 Fri Nov 27 10:00 <alerts@example.net>", true},
		{"-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------", false},
		{"                                         rcpt@example.org", false},
		{"Nov 27 10:00:00 mail postfix/smtp[1]: A1B2C3D4E5: to=<a@b.c>, status=sent", false},
		{"A1B2C3D4E5     2345 Fri Nov 27 9:00  sender@example.net", false},
		{"A1B2C3D4E5     big Fri Nov 27 09:00:01  sender@example.net", false},
		{"A1B2C3D4E5     2345 Fry Nov 27 09:00:01  sender@example.net", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := queueEntry(tt.line); got != tt.want {
			t.Errorf("queueEntry(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestReadQueue(t *testing.T) {
	const head = "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\n"
	tests := []struct {
		name, in string
		want     []string // recipient, diagnostic
	}{
		{
			name: "reason for the recipients below it",
			in: head + "A1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n" +
				"(connect to mx.example.org[192.0.2.5]:25: Connection refused)\n" +
				"                                         a@example.org\n" +
				"                                         b@example.org\n",
			want: []string{"a@example.org", "connect to mx.example.org[192.0.2.5]:25: Connection refused",
				"b@example.org", "connect to mx.example.org[192.0.2.5]:25: Connection refused"},
		},
		{
			name: "a reason per group of recipients",
			in: "A1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n" +
				"(host mx.example.org[192.0.2.5] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))\n" +
				"                                         a@example.org\n" +
				"(conversation with mx.example.com[192.0.2.6] timed out while sending RCPT TO)\n" +
				"                                         c@example.com\n",
			want: []string{"a@example.org", "host mx.example.org[192.0.2.5] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)",
				"c@example.com", "conversation with mx.example.com[192.0.2.6] timed out while sending RCPT TO"},
		},
		{
			name: "a reason over two lines",
			in: "A1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n" +
				"(host mx.example.org[192.0.2.5] said: 450 4.7.1 Try again\n" +
				"   later (in reply to RCPT TO command))\n" +
				"                                         a@example.org\n",
			want: []string{"a@example.org", "host mx.example.org[192.0.2.5] said: 450 4.7.1 Try again later (in reply to RCPT TO command)"},
		},
		{
			name: "the reason of one entry does not hold for the next",
			in: "A1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n" +
				"(connect to mx.example.org[192.0.2.5]:25: Connection refused)\n" +
				"                                         a@example.org\n\n" +
				"B1B2C3D4E5*    2345 Fri Nov 27 09:00:02  s@example.net\n" +
				"                                         z@example.org\n",
			want: []string{"a@example.org", "connect to mx.example.org[192.0.2.5]:25: Connection refused"},
		},
		{
			name: "sendmail",
			in: "0ARA0000123      1234 Fri Nov 27 10:00 <alerts@example.net>\n" +
				"                 (Deferred: Connection refused by mx.example.org.)\n" +
				"\t\t\t\t\t <frank@example.org>\n",
			want: []string{"frank@example.org", "Deferred: Connection refused by mx.example.org."},
		},
		{
			name: "no reason: being delivered",
			in:   head + "4F1C51A0B2*    1834 Fri Nov 27 10:00:01  s@example.net\n                                         r@example.org\n",
		},
		{
			name: "a reason outside an entry",
			in:   "(connect to mx.example.org[192.0.2.5]:25: Connection refused)\n    a@example.org\n",
		},
		{name: "empty queue", in: "Mail queue is empty\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range readQueue(tt.in) {
				if r.action != "delayed" {
					t.Errorf("%s: action %q, want delayed", r.rcpt, r.action)
				}
				if !r.rcptAt.ok() || tt.in[r.rcptAt.start:r.rcptAt.end] != r.rcpt {
					t.Errorf("%s: recipient span %v", r.rcpt, r.rcptAt)
				}
				if strings.Join(strings.Fields(tt.in[r.diagAt.start:r.diagAt.end]), " ") != r.diag {
					t.Errorf("%s: diagnostic span %q, diagnostic %q", r.rcpt, tt.in[r.diagAt.start:r.diagAt.end], r.diag)
				}
				got = append(got, r.rcpt, r.diag)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestDecodeQueue decodes a whole listing: the recipients of a message
// still queued are delays, never hard bounces (even where the reason is
// one, "Host not found, try again"), and the summary of a refusal that will
// repeat says the message is still queued.
func TestDecodeQueue(t *testing.T) {
	in := "A1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n" +
		"(Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found, try again)\n" +
		"                                         a@example.invalid\n" +
		"(host mx.example.org[192.0.2.5] said: 450 4.7.1 Message rejected due to user rules (in reply to RCPT TO command))\n" +
		"                                         b@example.org\n"
	rep, err := Decode([]byte(in))
	if err != nil || rep.Format != FormatLog || len(rep.Recipients) != 2 {
		t.Fatalf("Decode: %v, format %q, %d recipients", err, rep.Format, len(rep.Recipients))
	}
	a, b := rep.Recipients[0], rep.Recipients[1]
	if a.Reason != ReasonHostUnknown || a.HardBounce || a.Permanent || a.Retry == RetryNo {
		t.Errorf("%s: reason %q, hard bounce %v, permanent %v, retry %q; want hostunknown, a delay to retry",
			a.Recipient, a.Reason, a.HardBounce, a.Permanent, a.Retry)
	}
	if !a.StatusDerived || a.Status != "4.1.2" || b.StatusDerived {
		t.Errorf("status %q derived %v, %q derived %v; want 4.1.2 derived, 4.7.1 stated", a.Status, a.StatusDerived, b.Status, b.StatusDerived)
	}
	if b.Command != "RCPT" || b.RemoteMTA != "mx.example.org" || b.Retry != RetryAfterFix ||
		!strings.HasSuffix(b.Summary, "still queued, but the retries keep failing until the cause is fixed.") {
		t.Errorf("%s: command %q, server %q, retry %q, summary %q", b.Recipient, b.Command, b.RemoteMTA, b.Retry, b.Summary)
	}
}
