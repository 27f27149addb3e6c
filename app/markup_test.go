package main

import (
	"html"
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// checkElem checks that markup writes s, as text and as an attribute
// value, so that the browser reads back s and nothing else.
func checkElem(t *testing.T, s string) {
	t.Helper()
	var m markup
	m.elem("p", s, "title", s)
	got := m.String()
	e := html.EscapeString(s)
	if want := `<p title="` + e + `">` + e + `</p>`; got != want {
		t.Fatalf("elem(%q) = %q, want %q", s, got, want)
	}
	if strings.ContainsAny(e, `<>"'`) {
		t.Fatalf("escaped %q still holds markup characters: %q", s, e)
	}
	if html.UnescapeString(e) != s {
		t.Fatalf("escaped %q reads back as %q", s, html.UnescapeString(e))
	}
}

func TestMarkup(t *testing.T) {
	for _, s := range []string{
		"",
		"plain",
		`<img src=x onerror=alert(1)>`,
		`"><script>alert(2)</script>`,
		`' onmouseover='alert(3)`,
		"&amp; &lt; already escaped",
		"Jürgen <jürgen@example.de> 日本語",
	} {
		checkElem(t, s)
	}
	var m markup
	m.open("span", "data-provider", "", "data-x")
	if got, want := m.String(), `<span data-provider="" data-x="">`; got != want {
		t.Errorf("empty attributes: %q, want %q", got, want)
	}
}

func FuzzMarkup(f *testing.F) {
	f.Add(`<img src=x onerror=alert(1)>`)
	f.Add(`"'&<>`)
	f.Fuzz(checkElem)
}

// TestCardMarkupStructure checks that what a bounce says cannot change the
// shape of its card: filled with markup, every field still makes exactly
// the elements it makes when filled with plain words.
func TestCardMarkupStructure(t *testing.T) {
	fill := func(s string) codes.Recipient {
		return codes.Recipient{
			Recipient: s + "@example.com", ReplyCode: "550", Status: "5.1.1",
			Diagnostic: s, RemoteMTA: s, Action: s, Summary: s, Explanation: s,
			Provider: "google", Reason: codes.ReasonUserUnknown, Entry: "5.1.1",
			Fix:   []string{s, s},
			Links: []codes.Link{{URL: "https://example.com/" + s, Title: s}, {URL: "javascript:" + s, Title: s}},
		}
	}
	tags := func(s string) int { return strings.Count(s, "<") }
	plain := cardMarkup(fill("plain words"), 0, true, true)
	hostile := cardMarkup(fill(`"><img src=x onerror=alert(1)><script>alert(2)</script>`), 0, true, true)
	if tags(hostile) != tags(plain) {
		t.Errorf("a card filled with markup has %d tags, one filled with words %d:\n%s", tags(hostile), tags(plain), hostile)
	}
	for _, bad := range []string{"<img", "<script", `href="javascript:`} {
		if strings.Contains(hostile, bad) {
			t.Errorf("card markup contains %q:\n%s", bad, hostile)
		}
	}
	for _, want := range []string{`data-provider="google"`, `data-permanent="false"`, `class="show-in-text" data-card="0"`, `href="/codes/5.1.1"`} {
		if !strings.Contains(plain, want) {
			t.Errorf("card markup lacks %s:\n%s", want, plain)
		}
	}
}

// TestHighlightMarkupStructure checks that the text around the marks is
// only ever text: markup in it makes no element.
func TestHighlightMarkupStructure(t *testing.T) {
	const hostile = `550 5.1.1 <img src=x onerror=alert(1)><script>alert(2)</script>`
	plain := "550 5.1.1 " + strings.Repeat("x", len(hostile)-10)
	spans := []codes.Span{{Kind: codes.SpanReplyCode, Start: 0, End: 3}, {Kind: codes.SpanStatus, Start: 4, End: 9}, {Kind: codes.SpanDiagnostic, Start: 0, End: len(hostile)}}
	rcs := []codes.Recipient{{Spans: spans}}
	html := func(text string) string {
		var b strings.Builder
		for _, ui := range highlightBlocks(highlight(text, rcs), 0) {
			b.WriteString(app.HTMLString(ui))
		}
		return b.String()
	}
	h, p := html(hostile), html(plain)
	if strings.Count(h, "<") != strings.Count(p, "<") || strings.Contains(h, "<img") || strings.Contains(h, "<script") {
		t.Errorf("markup in the text made elements:\n%s", h)
	}
	if !strings.Contains(h, `<mark data-kind="status" data-card="0" title="Enhanced status code (recipient 1)" tabindex="0" class="active">5.1.1</mark>`) {
		t.Errorf("no active status mark:\n%s", h)
	}
}
