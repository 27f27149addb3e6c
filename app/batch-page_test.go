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

// TestBatchTableMarkup checks the table's markup: one row per index shown,
// in that order, with the row hooks, the open row marked, and what the
// mails say escaped (a batch is made of mails from anyone).
func TestBatchTableMarkup(t *testing.T) {
	const hostile = `"><img src=x onerror=alert(1)><script>alert(2)</script>`
	p := newBatchPage()
	p.rows = []codes.Row{
		{Mail: 1, Recipient: "b@example.org", Verdict: codes.VerdictPermanent, Reason: codes.ReasonUserUnknown, HardBounce: true, ReplyCode: "550", Status: "5.1.1"},
		{Mail: 2, Recipient: hostile + "@example.com", Verdict: codes.VerdictTemporary, Summary: hostile, Provider: hostile},
		{Mail: 3, Recipient: "c@example.org", Verdict: codes.VerdictPermanent},
	}
	p.open = 1
	p.sortKey = "recipient"
	html := p.tableMarkup([]int{2, 1})
	for _, bad := range []string{"<img", "<script"} {
		if strings.Contains(html, bad) {
			t.Errorf("table markup holds %q:\n%s", bad, html)
		}
	}
	if n := strings.Count(html, "<tr data-recipient="); n != 2 {
		t.Errorf("%d rows, want 2:\n%s", n, html)
	}
	first, second := strings.Index(html, `data-row="2"`), strings.Index(html, `data-row="1"`)
	if first < 0 || second < 0 || first > second {
		t.Errorf("rows not in the order shown:\n%s", html)
	}
	if strings.Contains(html, `data-row="0"`) {
		t.Errorf("a row not shown is in the table")
	}
	if !strings.Contains(html, `data-reason="" class="is-temporary" tabindex="0" aria-current="true">`) {
		t.Errorf("the open row is not marked current:\n%s", html)
	}
	if !strings.Contains(html, `aria-sort="ascending"><button type="button" class="batch-sort" data-sort="recipient">`) {
		t.Errorf("the sorted column is not marked:\n%s", html)
	}
}
