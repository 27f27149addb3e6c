package main

import (
	"sort"
	"strings"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// batchText shows the text of an opened bounce with its spans highlighted:
// reply code, status, diagnostic, recipient, remote MTA, provider token.
// Nested spans (a code inside the diagnostic) get the classes of both.
type batchText struct {
	app.Compo

	Text  string
	Spans []codes.Span
}

// batchSegment is a run of text covered by the same spans.
type batchSegment struct {
	text  string
	kinds []string
}

func (t *batchText) Render() app.UI {
	segs := batchSegments(t.Text, t.Spans)
	return app.Pre().Class("batch-text").Body(
		app.Range(segs).Slice(func(i int) app.UI {
			s := segs[i]
			if len(s.kinds) == 0 {
				return app.Text(s.text)
			}
			return app.Mark().Class("hl hl-"+strings.Join(s.kinds, " hl-")).DataSet("span", s.kinds[len(s.kinds)-1]).Text(s.text)
		}),
	)
}

// batchSpans returns the spans of every recipient of r.
func batchSpans(r codes.Report) []codes.Span {
	var out []codes.Span
	for _, rc := range r.Recipients {
		out = append(out, rc.Spans...)
	}
	return out
}

// batchSegments cuts text at every span boundary. Spans out of range are
// ignored.
func batchSegments(text string, spans []codes.Span) []batchSegment {
	cuts := []int{0, len(text)}
	var ok []codes.Span
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		ok = append(ok, s)
		cuts = append(cuts, s.Start, s.End)
	}
	sort.Ints(cuts)
	// widest first, so the innermost span's kind comes last
	sort.SliceStable(ok, func(x, y int) bool { return ok[x].End-ok[x].Start > ok[y].End-ok[y].Start })
	var segs []batchSegment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		var kinds []string
		seen := map[codes.SpanKind]bool{}
		for _, s := range ok {
			if s.Start <= a && b <= s.End && !seen[s.Kind] {
				seen[s.Kind] = true
				kinds = append(kinds, string(s.Kind))
			}
		}
		segs = append(segs, batchSegment{text: text[a:b], kinds: kinds})
	}
	return segs
}
