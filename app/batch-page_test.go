package main

import (
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

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
