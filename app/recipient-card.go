package main

import (
	"strconv"
	"strings"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// recipientCard shows what a report says about one recipient: the verdict,
// the codes with the meaning of each part, the diagnostic, the reason, the
// explanation, the numbered fix steps and the links. It renders as one
// piece of markup (see markup): a card is about 60 elements, which go-app
// would mount with several hundred calls into JavaScript.
type recipientCard struct {
	app.Compo

	Recipient codes.Recipient
	Index     int  // position in the report, 0-based
	Active    bool // brought into view from the text
	InText    bool // the highlighted text is on the page: offer "Show in the text"
}

// cardHooks are the data-* attributes every card carries, also when empty;
// cardHookValues gives their values, in the same order.
var cardHooks = [...]string{"data-recipient", "data-reply-code", "data-status", "data-reason", "data-permanent", "data-provider"}

func cardHookValues(rc codes.Recipient) [len(cardHooks)]string {
	return [...]string{rc.Recipient, rc.ReplyCode, rc.Status, string(rc.Reason), strconv.FormatBool(rc.Permanent), rc.Provider}
}

// cardID returns the element id of the card at index i.
func cardID(i int) string { return "card-" + strconv.Itoa(i) }

// showInText is the class of a card's "Show in the text" button; the
// button's data-card is the card's index. Its clicks are handled by
// onShowInText on an element around the cards.
const showInText = "show-in-text"

// onShowInText calls show with the card index of the "Show in the text"
// button an event targets, if any.
func onShowInText(show func(ctx app.Context, card int)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if n := closestIndex(e, "."+showInText, "data-card"); n >= 0 {
			show(ctx, n)
		}
	}
}

// entryFor returns the knowledge-base entry the decoder explained rc from,
// "" if it has no reference page.
func entryFor(rc codes.Recipient) string {
	if _, ok := codes.LookupEntry(rc.Entry); !ok {
		return ""
	}
	return rc.Entry
}

func (c *recipientCard) Render() app.UI {
	return app.Raw(cardMarkup(c.Recipient, c.Index, c.Active, c.InText))
}

// cardMarkup writes the card of recipient rc, the i-th of its report.
func cardMarkup(rc codes.Recipient, i int, active, inText bool) string {
	v := recipientVerdict(rc)
	name := rc.Recipient
	if name == "" {
		name = "Recipient " + strconv.Itoa(i+1) + " (address not given)"
	}
	class := "recipient-card"
	if active {
		class += " active"
	}
	id := cardID(i)
	attrs := []string{"id", id, "class", class, "tabindex", "-1", "aria-labelledby", id + "-name"}
	for k, h := range cardHookValues(rc) {
		attrs = append(attrs, cardHooks[k], h)
	}
	attrs = append(attrs, "data-verdict", v)

	var m markup
	m.open("article", attrs...)
	m.open("header", "class", "card-head")
	m.elem("h2", name, "id", id+"-name", "class", "card-name")
	m.elem("span", verdictLabel(v), "class", "chip chip-"+v)
	if rc.Provider != "" {
		m.elem("span", codes.ProviderName(rc.Provider), "class", "badge provider-badge", "title", "Provider")
	}
	m.close("header")
	if rc.Summary != "" {
		m.elem("p", rc.Summary, "class", "summary")
	}

	m.open("dl", "class", "card-facts")
	replyRow(&m, rc.ReplyCode)
	statusRow(&m, rc.Status, rc.StatusDerived)
	fact := func(term, class, value string) {
		if value == "" {
			return
		}
		m.open("div")
		m.elem("dt", term)
		m.elem("dd", value, "class", class)
		m.close("div")
	}
	fact("Diagnostic", "diagnostic", codes.ReadableDiagnostic(rc.Diagnostic))
	fact("Remote server", "remote-mta", rc.RemoteMTA)
	if name, meaning := codes.CommandStage(rc.Command); name != "" {
		fact("SMTP stage", "command", name+": "+meaning)
	}
	if rc.Reason != "" && rc.Reason != codes.ReasonUndefined {
		m.open("div")
		m.elem("dt", "Reason")
		m.open("dd", "class", "reason")
		codeLink(&m, "reason-"+string(rc.Reason), string(rc.Reason))
		m.close("dd")
		m.close("div")
	}
	fact("Action", "action", rc.Action)
	m.close("dl")

	if rc.Explanation != "" {
		m.open("div", "class", "explanation")
		m.elem("h3", "What happened")
		m.elem("p", rc.Explanation)
		m.close("div")
	}
	if len(rc.Fix) > 0 {
		m.open("div", "class", "fix")
		m.elem("h3", "How to fix it")
		m.open("ol")
		for _, f := range rc.Fix {
			m.elem("li", f)
		}
		m.close("ol")
		m.close("div")
	}
	if entry := entryFor(rc); len(rc.Links) > 0 || entry != "" {
		m.open("div", "class", "links")
		m.elem("h3", "Links")
		m.open("ul")
		if entry != "" {
			m.open("li")
			m.elem("a", "Reference: "+entryTitle(entry), "class", "entry-link", "href", href("/codes/"+entry))
			m.close("li")
		}
		for _, l := range rc.Links {
			m.open("li")
			externalLinkMarkup(&m, l.URL, l.Title)
			m.close("li")
		}
		m.close("ul")
		m.close("div")
	}
	if inText {
		m.elem("button", "Show in the text", "type", "button", "class", showInText, "data-card", strconv.Itoa(i))
	}
	m.close("article")
	return m.String()
}

// replyRow writes a reply code with the meaning of its digits.
func replyRow(m *markup, s string) {
	m.open("div")
	m.elem("dt", "Reply code")
	r, err := codes.ParseReplyCode(s)
	if err != nil || r.IsZero() {
		m.elem("dd", orDash(s), "class", "reply-code")
		m.close("div")
		return
	}
	m.open("dd", "class", "reply-code")
	codeLink(m, r.String(), r.String())
	if e, ok := codes.LookupEntry(r.String()); ok && e.Title != "" {
		m.elem("span", " "+e.Title, "class", "code-title")
	}
	m.open("ul", "class", "code-parts")
	codePart(m, "", strconv.Itoa(r.Class())+"xx", " "+replyClassMeaning(r.Class()))
	codePart(m, "", "x"+strconv.Itoa(r.Subject())+"x", " "+codes.ReplySubjectMeaning(r.Subject()))
	m.close("ul")
	m.close("dd")
	m.close("div")
}

// statusRow writes an enhanced status code broken into class.subject.detail,
// saying so when the decoder derived it (the bounce states none).
func statusRow(m *markup, s string, derived bool) {
	m.open("div")
	m.elem("dt", "Enhanced status")
	st, err := codes.ParseEnhancedCode(s)
	if err != nil || st.IsZero() {
		m.elem("dd", orDash(s), "class", "status")
		m.close("div")
		return
	}
	detail := "not in the IANA registry"
	if e, ok := codes.LookupEntry(st.String()); ok {
		detail = e.Title
	}
	sub := strconv.Itoa(st.Subject())
	m.open("dd", "class", "status")
	codeLink(m, st.String(), st.String())
	if derived {
		m.elem("span", derivedNote, "class", "derived-note")
	}
	m.open("ul", "class", "code-parts")
	codePart(m, "class", strconv.Itoa(st.Class())+".x.x", " class: "+codes.ClassMeaning(st.Class()))
	codePart(m, "subject", "x."+sub+".x", " subject: "+codes.SubjectMeaning(st.Subject()))
	codePart(m, "detail", "x."+sub+"."+strconv.Itoa(st.Detail()), " detail: "+detail)
	m.close("ul")
	m.close("dd")
	m.close("div")
}

// codePart writes one part of a code and its meaning as a list item, with
// data-part when part is not "".
func codePart(m *markup, part, code, meaning string) {
	if part == "" {
		m.open("li")
	} else {
		m.open("li", "data-part", part)
	}
	m.elem("code", code)
	m.text(meaning)
	m.close("li")
}

// replyClassMeaning says what the first digit of a reply code means
// (RFC 5321 section 4.2.1).
func replyClassMeaning(class int) string {
	switch class {
	case 2:
		return "positive completion: accepted"
	case 3:
		return "positive intermediate: more input expected"
	case 4:
		return "transient negative: try again later"
	case 5:
		return "permanent negative: do not retry as is"
	}
	return "not a valid class"
}

// codeLink writes a code, linked to its reference page when it has one.
func codeLink(m *markup, id, text string) {
	if _, ok := codes.LookupEntry(id); !ok {
		m.elem("code", text)
		return
	}
	m.open("a", "class", "code-link", "href", href("/codes/"+id))
	m.elem("code", text)
	m.close("a")
}

// entryTitle returns the title of a knowledge-base entry.
func entryTitle(id string) string {
	if e, ok := codes.LookupEntry(id); ok {
		return e.Title
	}
	return id
}

// isWebURL reports whether url is an http or https link; anything else
// (javascript:, data:) is shown as text, never linked.
func isWebURL(url string) bool {
	return strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://")
}

// externalLink links to another site: opened in a new tab, with no
// referrer and no access to this page.
func externalLink(url, text string) app.UI {
	if !isWebURL(url) {
		return app.Span().Text(text + " (" + url + ")")
	}
	return app.A().Href(url).Target("_blank").Rel("noopener noreferrer").Text(text)
}

// externalLinkMarkup writes what externalLink renders.
func externalLinkMarkup(m *markup, url, text string) {
	if !isWebURL(url) {
		m.elem("span", text+" ("+url+")")
		return
	}
	m.elem("a", text, "href", url, "target", "_blank", "rel", "noopener noreferrer")
}

// orDash returns s, or an em dash for "".
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
