package codes

import (
	"bytes"
	"strings"
	"testing"
)

// mboxTexts reads data as an mbox and returns the texts of its items.
func mboxTexts(t *testing.T, data string) []string {
	t.Helper()
	b, err := NewBatch([]byte(data), BatchMbox)
	if err != nil {
		t.Fatalf("NewBatch: %v", err)
	}
	var out []string
	for n := 0; ; n++ {
		it, ok := b.Next()
		if !ok {
			break
		}
		if n > 100 {
			t.Fatal("Next does not end")
		}
		out = append(out, b.Text(it.Start, it.End))
	}
	if b.Progress() != 1 {
		t.Errorf("Progress at end = %v, want 1", b.Progress())
	}
	return out
}

func TestMboxSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two messages",
			"From a@example.com Thu Nov 27 10:00:00 2026\nSubject: one\n\nbody 1\n\nFrom b@example.com Thu Nov 27 10:00:01 2026\nSubject: two\n\nbody 2\n",
			[]string{"Subject: one\n\nbody 1\n", "Subject: two\n\nbody 2\n"}},
		{"crlf",
			"From a@example.com Thu Nov 27 10:00:00 2026\r\nSubject: one\r\n\r\nbody 1\r\n\r\nFrom b@example.com Thu Nov 27 10:00:01 2026\r\nSubject: two\r\n\r\nbody 2\r\n",
			[]string{"Subject: one\r\n\r\nbody 1\r\n", "Subject: two\r\n\r\nbody 2\r\n"}},
		{"no final newline",
			"From a@example.com Thu Nov 27 10:00:00 2026\nSubject: one\n\nbody 1",
			[]string{"Subject: one\n\nbody 1"}},
		{"mboxrd quoting",
			"From a@example.com Thu Nov 27 10:00:00 2026\nSubject: q\n\n>From here\n>>From there\n> From not quoted\n",
			[]string{"Subject: q\n\nFrom here\n>From there\n> From not quoted\n"}},
		{"From line without blank line before is body",
			"From a@example.com Thu Nov 27 10:00:00 2026\nSubject: one\n\nline\nFrom b@example.com Thu Nov 27 10:00:01 2026\nmore\n",
			[]string{"Subject: one\n\nline\nFrom b@example.com Thu Nov 27 10:00:01 2026\nmore\n"}},
		{"From sentence after blank line is body",
			"From a@example.com Thu Nov 27 10:00:00 2026\nSubject: one\n\nhi\n\nFrom the desk of the admin\n",
			[]string{"Subject: one\n\nhi\n\nFrom the desk of the admin\n"}},
		{"leading blank lines and an empty message",
			"\n\nFrom a@example.com Thu Nov 27 10:00:00 2026\n\nFrom b@example.com Thu Nov 27 10:00:01 2026\nSubject: two\n",
			[]string{"Subject: two\n"}},
		{"Thunderbird dash sender",
			"From - Thu Nov 27 10:00:00 2026\nSubject: one\n",
			[]string{"Subject: one\n"}},
		{"only a From line", "From a@example.com Thu Nov 27 10:00:00 2026", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mboxTexts(t, tt.in)
			if strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") || len(got) != len(tt.want) {
				t.Errorf("messages:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestWriteMboxRoundTrip(t *testing.T) {
	msgs := []string{
		"Subject: plain\n\nhello\n",
		"Subject: from lines\n\nFrom me\n>From you\n>>From them\n",
		"Subject: crlf\r\n\r\nFrom me\r\nbye\r\n",
		"From: header is not an envelope line\nSubject: x\n\nbody\n",
		"Subject: embedded envelope\n\n\nFrom MAILER-DAEMON  Thu Apr 29 23:34:45 2015\nReturn-Path: <>\n",
	}
	var buf bytes.Buffer
	for _, m := range msgs {
		if err := WriteMbox(&buf, []byte(m)); err != nil {
			t.Fatal(err)
		}
	}
	if k, err := SniffBatch(buf.Bytes()); k != BatchMbox || err != nil {
		t.Fatalf("SniffBatch = %q, %v; want mbox", k, err)
	}
	got := mboxTexts(t, buf.String())
	if len(got) != len(msgs) {
		t.Fatalf("read %d messages, wrote %d:\n%q", len(got), len(msgs), got)
	}
	for i := range msgs {
		if got[i] != msgs[i] {
			t.Errorf("message %d:\n got %q\nwant %q", i, got[i], msgs[i])
		}
	}
}

func TestWriteMboxNoFinalNewline(t *testing.T) {
	var buf bytes.Buffer
	WriteMbox(&buf, []byte("Subject: a\n\nno newline"))
	WriteMbox(&buf, []byte("Subject: b\n\nnext"))
	got := mboxTexts(t, buf.String())
	want := []string{"Subject: a\n\nno newline\n", "Subject: b\n\nnext\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
