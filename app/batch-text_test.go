package main

import (
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

func TestBatchSegments(t *testing.T) {
	text := "host said: 550 5.1.1 <bob@example.com>: User unknown"
	spans := []codes.Span{
		{Kind: codes.SpanDiagnostic, Start: 11, End: len(text)},
		{Kind: codes.SpanReplyCode, Start: 11, End: 14},
		{Kind: codes.SpanStatus, Start: 15, End: 20},
		{Kind: codes.SpanRecipient, Start: 22, End: 37},
		{Kind: codes.SpanProviderToken, Start: 40, End: 999}, // out of range: ignored
	}
	segs := batchSegments(text, spans)
	var joined strings.Builder
	var got []string
	for _, s := range segs {
		joined.WriteString(s.text)
		got = append(got, s.text+"="+strings.Join(s.kinds, "+"))
	}
	if joined.String() != text {
		t.Fatalf("segments join to %q, want the text", joined.String())
	}
	want := []string{
		"host said: =",
		"550=diagnostic+reply_code",
		" =diagnostic",
		"5.1.1=diagnostic+status",
		" <=diagnostic",
		"bob@example.com=diagnostic+recipient",
		">: User unknown=diagnostic",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("segments:\n got %q\nwant %q", got, want)
	}
	if segs := batchSegments("", nil); len(segs) != 0 {
		t.Errorf("empty text gives %d segments", len(segs))
	}
}

func TestBatchBarClass(t *testing.T) {
	tests := []struct {
		n, max int
		want   string
	}{
		{0, 10, "w0"}, {10, 10, "w100"}, {5, 10, "w50"}, {1, 1000, "w5"}, {3, 0, "w0"}, {999, 1000, "w100"}, {26, 100, "w30"},
	}
	for _, tt := range tests {
		if got := batchBarClass(tt.n, tt.max); got != tt.want {
			t.Errorf("batchBarClass(%d, %d) = %q, want %q", tt.n, tt.max, got, tt.want)
		}
	}
}

func TestBatchSortAndFilter(t *testing.T) {
	p := newBatchPage()
	p.rows = []codes.Row{
		{Mail: 1, Recipient: "b@example.org", Domain: "example.org", Verdict: codes.VerdictPermanent, Reason: codes.ReasonUserUnknown, HardBounce: true},
		{Mail: 2, Recipient: "a@gmail.com", Domain: "gmail.com", Verdict: codes.VerdictTemporary, Reason: codes.ReasonSpeeding, Provider: "google"},
		{Mail: 10, Recipient: "c@example.org", Domain: "example.org", Verdict: codes.VerdictPermanent, Reason: codes.ReasonAuthFailure},
	}
	rcpts := func() string {
		var s []string
		for _, r := range p.viewRows() {
			s = append(s, r.Recipient)
		}
		return strings.Join(s, ",")
	}
	p.updateView()
	if got := rcpts(); got != "b@example.org,a@gmail.com,c@example.org" {
		t.Errorf("unsorted view %s", got)
	}
	p.sortKey = "recipient"
	p.updateView()
	if got := rcpts(); got != "a@gmail.com,b@example.org,c@example.org" {
		t.Errorf("by recipient %s", got)
	}
	p.sortKey, p.sortDesc = "mail", true
	p.updateView()
	if got := rcpts(); got != "c@example.org,a@gmail.com,b@example.org" {
		t.Errorf("by item, descending %s", got)
	}
	p.sortKey, p.sortDesc, p.verdict = "", false, "remove"
	p.updateView()
	if got := rcpts(); got != "b@example.org" {
		t.Errorf("remove filter %s", got)
	}
	p.verdict, p.filter = "", "GOOGLE"
	p.updateView()
	if got := rcpts(); got != "a@gmail.com" {
		t.Errorf("text filter %s", got)
	}
}
