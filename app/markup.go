package main

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markup builds a piece of HTML for app.Raw in which every text and every
// attribute value goes through html.EscapeString: what a user pasted ends
// up as text in the page, never as markup. Tag and attribute names are
// constants of this package, never data.
//
// It exists for speed. go-app mounts an element with about fifteen calls
// from WebAssembly to JavaScript (create, each attribute, each text node,
// append), each costing 10-20 µs in Chromium; a piece of markup is one
// innerHTML. The recipient cards (about 60 elements each), the highlighted
// text, the legend, the code reference's list and the batch table are
// written this way; go-app keeps the page around them and its event
// handlers, which find what was clicked from data-* attributes, and sees
// each piece as one node.
//
// go-app does not resolve the links in markup as it does an element's href
// on the server (the base path of a static build): they carry it
// themselves, from href for pieces drawn only in the browser (after a
// decode) and from linkBase for the code reference's list, which the
// server prerenders.
type markup struct {
	b strings.Builder
}

// open writes a start tag. attrs are name, value pairs; every attribute is
// written, also when its value is empty.
func (m *markup) open(tag string, attrs ...string) {
	m.b.WriteByte('<')
	m.b.WriteString(tag)
	for i := 0; i < len(attrs); i += 2 {
		m.b.WriteByte(' ')
		m.b.WriteString(attrs[i])
		m.b.WriteString(`="`)
		if i+1 < len(attrs) {
			m.b.WriteString(html.EscapeString(attrs[i+1]))
		}
		m.b.WriteByte('"')
	}
	m.b.WriteByte('>')
}

// close writes an end tag.
func (m *markup) close(tag string) {
	m.b.WriteString("</")
	m.b.WriteString(tag)
	m.b.WriteByte('>')
}

// text writes s as text.
func (m *markup) text(s string) {
	m.b.WriteString(html.EscapeString(s))
}

// elem writes an element holding the text s.
func (m *markup) elem(tag, s string, attrs ...string) {
	m.open(tag, attrs...)
	m.text(s)
	m.close(tag)
}

func (m *markup) String() string { return m.b.String() }

// closestAttr returns the value of the attribute name of the closest
// element matching selector around the target of e (the target or one of
// its ancestors), and whether there is one: how a handler around a piece of
// markup finds what was clicked.
func closestAttr(e app.Event, selector, name string) (string, bool) {
	t := e.Get("target")
	if !t.Truthy() || t.Get("closest").IsUndefined() {
		return "", false
	}
	el := t.Call("closest", selector)
	if !el.Truthy() {
		return "", false
	}
	return el.Call("getAttribute", name).String(), true
}

// closestIndex is closestAttr for an attribute holding an index: -1 when
// there is no such element or its value is not a number.
func closestIndex(e app.Event, selector, name string) int {
	v, ok := closestAttr(e, selector, name)
	if !ok {
		return -1
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	return n
}
