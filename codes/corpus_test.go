package codes

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var corpusMisses = flag.Int("corpus.misses", 15, "misses listed per field by TestCorpus")

// corpusLabel is one mail of testdata/corpus/dev/labels.json (see the README there).
type corpusLabel struct {
	File       string `json:"file"`
	Family     string `json:"family"`
	Recipients []struct {
		Index        int    `json:"index"`
		Status       string `json:"status"`
		ReplyCode    string `json:"replycode"`
		Reason       string `json:"reason"`
		HardBounce   bool   `json:"hardbounce"`
		Recipient    string `json:"recipient"`
		FeedbackType string `json:"feedbacktype"`
	} `json:"recipients"`
}

// The agreement floors of issue 4, in percent.
var corpusFloors = map[string]float64{
	"status": 95, "reply_code": 95, "reason": 85, "hard_bounce": 95, "recipient": 95,
}

type corpusMiss struct {
	file       string
	index      int
	want, got  string
	diagnostic string
}

type corpusScore struct {
	ok, total int
	misses    []corpusMiss
}

func (c *corpusScore) add(ok bool, m corpusMiss) {
	c.total++
	if ok {
		c.ok++
		return
	}
	c.misses = append(c.misses, m)
}

func (c *corpusScore) pct() float64 {
	if c.total == 0 {
		return 100
	}
	return 100 * float64(c.ok) / float64(c.total)
}

func loadCorpusLabels(t testing.TB) []corpusLabel {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus", "dev", "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	var labels []corpusLabel
	if err := json.Unmarshal(b, &labels); err != nil {
		t.Fatal(err)
	}
	return labels
}

// foundStatus is the status the decoder read in the mail (not one derived
// from the reason): the text under its status span.
func foundStatus(rep Report, rc Recipient) string {
	for _, sp := range rc.Spans {
		if sp.Kind == SpanStatus {
			e, err := ParseEnhancedCode(rep.Text[sp.Start:sp.End])
			if err == nil {
				return e.String()
			}
		}
	}
	return ""
}

// TestCorpus decodes every labeled dev mail and checks the agreement with
// the labels per field against the floors. Run with -v for the figures and
// the misses.
func TestCorpus(t *testing.T) {
	labels := loadCorpusLabels(t)
	scores := map[string]*corpusScore{}
	fields := []string{"status", "reply_code", "reason", "hard_bounce", "recipient"}
	for _, f := range fields {
		scores[f] = &corpusScore{}
	}
	bounces := 0
	for _, l := range labels {
		b, err := os.ReadFile(filepath.Join("testdata", "corpus", "dev", l.File))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Decode(b)
		if err != nil {
			t.Errorf("%s: %v", l.File, err)
			continue
		}
		if rep.Bounce {
			bounces++
		}
		used := make([]bool, len(rep.Recipients))
		for i, want := range l.Recipients {
			// Match by address, else by position.
			k := -1
			for j, rc := range rep.Recipients {
				if !used[j] && want.Recipient != "" && strings.EqualFold(rc.Recipient, want.Recipient) {
					k = j
					break
				}
			}
			if k < 0 && i < len(rep.Recipients) && !used[i] {
				k = i
			}
			var got Recipient
			st := ""
			if k >= 0 {
				used[k] = true
				got = rep.Recipients[k]
				st = foundStatus(rep, got)
			} else {
				got.Recipient = "(none)"
			}
			diag := got.Diagnostic
			if len(diag) > 90 {
				diag = diag[:90]
			}
			m := func(w, g string) corpusMiss { return corpusMiss{l.File, want.Index, w, g, diag} }
			if !isPseudoStatus(want.Status) {
				scores["status"].add(st == want.Status, m(want.Status, st))
			}
			scores["reply_code"].add(got.ReplyCode == want.ReplyCode, m(want.ReplyCode, got.ReplyCode))
			scores["reason"].add(string(got.Reason) == want.Reason, m(want.Reason, string(got.Reason)))
			scores["hard_bounce"].add(got.HardBounce == want.HardBounce, m(fmt.Sprint(want.HardBounce), fmt.Sprint(got.HardBounce)))
			scores["recipient"].add(strings.EqualFold(got.Recipient, want.Recipient), m(want.Recipient, got.Recipient))
		}
	}
	t.Logf("corpus: %d mails, %d decoded as bounces", len(labels), bounces)
	t.Logf("%-12s %6s %6s %7s %7s", "field", "agree", "total", "pct", "floor")
	for _, f := range fields {
		c := scores[f]
		t.Logf("%-12s %6d %6d %6.1f%% %6.0f%%", f, c.ok, c.total, c.pct(), corpusFloors[f])
	}
	for _, f := range fields {
		c := scores[f]
		if len(c.misses) == 0 {
			continue
		}
		t.Logf("misses in %s (%d):", f, len(c.misses))
		sort.SliceStable(c.misses, func(i, j int) bool { return c.misses[i].file < c.misses[j].file })
		for i, ms := range c.misses {
			if i >= *corpusMisses {
				t.Logf("  ... %d more (-corpus.misses=N)", len(c.misses)-i)
				break
			}
			t.Logf("  %-34s #%d want %-22q got %-22q %q", ms.file, ms.index, ms.want, ms.got, ms.diagnostic)
		}
	}
	for _, f := range fields {
		if c := scores[f]; c.pct() < corpusFloors[f] {
			t.Errorf("%s agreement %.1f%% (%d/%d) is below the %.0f%% floor", f, c.pct(), c.ok, c.total, corpusFloors[f])
		}
	}
}

// isPseudoStatus reports sisimai's made-up status codes (detail 900 and
// above) and empty labels, which are not scored.
func isPseudoStatus(s string) bool {
	if s == "" {
		return true
	}
	e, err := ParseEnhancedCode(s)
	return err != nil || e.Detail() >= 900
}

// TestNotBounces checks that ordinary mails are not reported as bounces.
func TestNotBounces(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "not-bounces", "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no not-bounce samples: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Bounce || len(rep.Recipients) > 0 {
				t.Errorf("bounce %v with %d recipients, want none; first: %+v", rep.Bounce, len(rep.Recipients), rep.Recipients)
			}
			if rep.Note == "" {
				t.Error("no note for a non-bounce")
			}
		})
	}
}
