package main

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// hlSpan is a span of Report.Text with the recipient card it belongs to.
type hlSpan struct {
	kind       codes.SpanKind
	start, end int
	card       int // index of the recipient
}

// hlNode is a piece of the highlighted text: plain text (mark == nil) or a
// mark holding nested pieces.
type hlNode struct {
	text     string
	mark     *hlSpan
	children []hlNode
}

// spanRank ranks kinds that start and end at the same place: the wider
// meaning outside.
func spanRank(k codes.SpanKind) int {
	switch k {
	case codes.SpanDiagnostic:
		return 0
	case codes.SpanRemoteMTA:
		return 1
	case codes.SpanRecipient:
		return 2
	case codes.SpanProviderToken:
		return 3
	case codes.SpanReplyCode:
		return 4
	}
	return 5
}

// highlight cuts text into nested pieces along the spans of recipients.
// Spans are byte ranges; out-of-range or empty spans are dropped, ends are
// moved to rune boundaries, identical spans of several recipients are shown
// once (for the first), and a span that crosses the end of an enclosing one
// is split in two so that marks nest.
func highlight(text string, recipients []codes.Recipient) []hlNode {
	var spans []hlSpan
	seen := make(map[[3]int]bool)
	for i, rc := range recipients {
		for _, s := range rc.Spans {
			start, end := runeFloor(text, s.Start), runeFloor(text, s.End)
			if start < 0 || end > len(text) || start >= end {
				continue
			}
			key := [3]int{start, end, spanRank(s.Kind)}
			if seen[key] {
				continue
			}
			seen[key] = true
			spans = append(spans, hlSpan{s.Kind, start, end, i})
		}
	}
	sortSpans(spans)
	return nest(text, spans, 0, len(text))
}

// runeFloor moves i back to the start of the rune it falls in.
func runeFloor(s string, i int) int {
	if i < 0 || i > len(s) {
		return -1
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func sortSpans(spans []hlSpan) {
	slices.SortStableFunc(spans, func(a, b hlSpan) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		if c := cmp.Compare(b.end, a.end); c != 0 {
			return c
		}
		return cmp.Compare(spanRank(a.kind), spanRank(b.kind))
	})
}

// nest returns the pieces of text[lo:hi] given spans sorted by sortSpans,
// all within [lo, hi).
func nest(text string, spans []hlSpan, lo, hi int) []hlNode {
	var out []hlNode
	pos := lo
	for len(spans) > 0 {
		s := spans[0]
		var inner, outer []hlSpan
		for _, c := range spans[1:] {
			switch {
			case c.start >= s.end:
				outer = append(outer, c)
			case c.end <= s.end:
				inner = append(inner, c)
			default: // crosses s.end: split
				a, b := c, c
				a.end, b.start = s.end, s.end
				inner = append(inner, a)
				outer = append(outer, b)
			}
		}
		sortSpans(outer)
		if s.start > pos {
			out = append(out, hlNode{text: text[pos:s.start]})
		}
		mark := s
		out = append(out, hlNode{mark: &mark, children: nest(text, inner, s.start, s.end)})
		pos = s.end
		spans = outer
	}
	if pos < hi {
		out = append(out, hlNode{text: text[pos:hi]})
	}
	return out
}

// markCount returns the number of marks in nodes.
func markCount(nodes []hlNode) int {
	n := 0
	for _, nd := range nodes {
		if nd.mark != nil {
			n += 1 + markCount(nd.children)
		}
	}
	return n
}

// highlightedText shows a report's text with its spans marked in place.
// Clicking a mark (or Enter on it) brings its recipient card into view.
//
// The text is cut into blocks of about hlBlockSize bytes (see cutBlocks),
// each written as one piece of markup (see markup), its text escaped: it is
// never read as HTML. A pasted log of a megabyte makes a few hundred
// pieces, not thousands of go-app nodes; typing at the end of the text
// redraws only the last block; and the browser lays out only the blocks
// in view (content-visibility in app.css).
type highlightedText struct {
	app.Compo

	Text       string
	Recipients []codes.Recipient
	Active     int // index of the card shown, -1 for none
	OnPick     func(ctx app.Context, card int)
}

func (h *highlightedText) Render() app.UI {
	return app.Pre().
		Class("highlighted-text").
		ID("highlighted-text").
		TabIndex(-1).
		Aria("label", "The decoded text, with the codes found highlighted").
		OnClick(h.onPick).
		OnKeyDown(h.onKey).
		Body(highlightBlocks(highlight(h.Text, h.Recipients), h.Active)...)
}

// hlBlockSize is about how many bytes of text a block of the highlighted
// text holds.
const hlBlockSize = 4 << 10

// highlightBlocks returns nodes as blocks of markup, the marks of the
// recipient active with class "active".
func highlightBlocks(nodes []hlNode, active int) []app.UI {
	blocks := cutBlocks(nodes, hlBlockSize)
	out := make([]app.UI, len(blocks))
	for i, b := range blocks {
		var m markup
		m.open("span", "class", "hl-block")
		for _, nd := range b {
			if nd.mark == nil {
				m.text(nd.text)
			} else {
				writeMark(&m, nd, active)
			}
		}
		m.close("span")
		out[i] = app.Raw(m.String())
	}
	return out
}

// cutBlocks cuts nodes into blocks of about size bytes of text. A block
// ends after a line break, so that drawn one below the other they show the
// text as it was; a line or a mark is never cut, and a block holds more
// than size bytes only when a line is longer than that.
func cutBlocks(nodes []hlNode, size int) [][]hlNode {
	var out [][]hlNode
	var cur []hlNode
	n := 0            // bytes of text in cur
	lineStart := true // cur ends with a line break (or is empty)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur, n = nil, 0
		}
	}
	for _, nd := range nodes {
		if nd.mark != nil {
			l := nodeLen(nd)
			if lineStart && n > 0 && n+l > size {
				flush()
			}
			cur = append(cur, nd)
			n += l
			lineStart = false
			continue
		}
		t := nd.text
		from := 0 // start of the part of t not yet in cur
		for pos := 0; pos < len(t); {
			end := len(t)
			if i := strings.IndexByte(t[pos:], '\n'); i >= 0 {
				end = pos + i + 1
			}
			if lineStart && n > 0 && n+end-pos > size {
				if pos > from {
					cur = append(cur, hlNode{text: t[from:pos]})
				}
				flush()
				from = pos
			}
			n += end - pos
			lineStart = t[end-1] == '\n'
			pos = end
		}
		if from < len(t) {
			cur = append(cur, hlNode{text: t[from:]})
		}
	}
	flush()
	return out
}

// nodeLen returns the number of bytes of text in nd.
func nodeLen(nd hlNode) int {
	if nd.mark == nil {
		return len(nd.text)
	}
	n := 0
	for _, c := range nd.children {
		n += nodeLen(c)
	}
	return n
}

// writeMark writes the mark nd and what it holds.
func writeMark(m *markup, nd hlNode, active int) {
	card := strconv.Itoa(nd.mark.card)
	attrs := []string{"data-kind", string(nd.mark.kind), "data-card", card,
		"title", kindLabel(nd.mark.kind) + " (recipient " + strconv.Itoa(nd.mark.card+1) + ")", "tabindex", "0"}
	if nd.mark.card == active {
		attrs = append(attrs, "class", "active")
	}
	m.open("mark", attrs...)
	for _, c := range nd.children {
		if c.mark == nil {
			m.text(c.text)
		} else {
			writeMark(m, c, active)
		}
	}
	m.close("mark")
}

// cardOf returns the card index of the mark the event targets, or -1.
func cardOf(e app.Event) int {
	return closestIndex(e, "mark[data-card]", "data-card")
}

func (h *highlightedText) onPick(ctx app.Context, e app.Event) {
	if n := cardOf(e); n >= 0 && h.OnPick != nil {
		h.OnPick(ctx, n)
	}
}

func (h *highlightedText) onKey(ctx app.Context, e app.Event) {
	if k := e.Get("key").String(); k == "Enter" || k == " " {
		if n := cardOf(e); n >= 0 && h.OnPick != nil {
			e.PreventDefault()
			h.OnPick(ctx, n)
		}
	}
}
