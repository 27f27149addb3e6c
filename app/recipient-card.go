package main

import (
	"strconv"
	"strings"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// recipientCard shows what a report says about one recipient: the verdict,
// the codes with the meaning of each part, the diagnostic, the reason, the
// explanation, the numbered fix steps and the links.
type recipientCard struct {
	app.Compo

	Recipient codes.Recipient
	Index     int  // position in the report, 0-based
	Active    bool // brought into view from the text
	Compact   bool // in the embed: no "show in text" button
	OnShow    func(ctx app.Context, card int)
}

// cardHooks are the data-* attributes every card carries, also when empty;
// cardHookValues gives their values, in the same order.
var cardHooks = [...]string{"data-recipient", "data-reply-code", "data-status", "data-reason", "data-permanent", "data-provider"}

func cardHookValues(rc codes.Recipient) [len(cardHooks)]string {
	return [...]string{rc.Recipient, rc.ReplyCode, rc.Status, string(rc.Reason), strconv.FormatBool(rc.Permanent), rc.Provider}
}

// OnMount and OnUpdate put back the hooks go-app leaves out: it renders no
// attribute whose value is empty, but tests and scripts rely on each card
// carrying all of cardHooks (data-provider="" when no provider is known).
func (c *recipientCard) OnMount(ctx app.Context)  { c.keepHooks(ctx) }
func (c *recipientCard) OnUpdate(ctx app.Context) { c.keepHooks(ctx) }

func (c *recipientCard) keepHooks(ctx app.Context) {
	values := cardHookValues(c.Recipient)
	ctx.Defer(func(ctx app.Context) {
		el := c.JSValue()
		if !el.Truthy() || el.Get("setAttribute").IsUndefined() {
			return
		}
		for i, v := range values {
			if v == "" {
				el.Call("setAttribute", cardHooks[i], "")
			}
		}
	})
}

// cardID returns the element id of the card at index i.
func cardID(i int) string { return "card-" + strconv.Itoa(i) }

// entryFor returns the knowledge-base entry the decoder explained rc from,
// "" if it has no reference page.
func entryFor(rc codes.Recipient) string {
	if _, ok := codes.LookupEntry(rc.Entry); !ok {
		return ""
	}
	return rc.Entry
}

func (c *recipientCard) Render() app.UI {
	rc := c.Recipient
	v := recipientVerdict(rc)
	name := rc.Recipient
	if name == "" {
		name = "Recipient " + strconv.Itoa(c.Index+1) + " (address not given)"
	}
	entry := entryFor(rc)
	class := "recipient-card"
	if c.Active {
		class += " active"
	}
	card := app.Article().
		ID(cardID(c.Index)).
		Class(class).
		TabIndex(-1).
		Aria("labelledby", cardID(c.Index)+"-name")
	for i, h := range cardHookValues(rc) {
		card = card.Attr(cardHooks[i], h)
	}
	return card.
		DataSet("verdict", v).
		Body(
			app.Header().Class("card-head").Body(
				app.H2().ID(cardID(c.Index)+"-name").Class("card-name").Text(name),
				app.Span().Class("chip chip-"+v).Text(verdictLabel(v)),
				app.If(rc.Provider != "", func() app.UI {
					return app.Span().Class("badge provider-badge").Title("Provider").Text(codes.ProviderName(rc.Provider))
				}),
			),
			app.If(rc.Summary != "", func() app.UI {
				return app.P().Class("summary").Text(rc.Summary)
			}),
			app.Dl().Class("card-facts").Body(
				c.replyRow(rc.ReplyCode),
				c.statusRow(rc.Status),
				app.If(rc.Diagnostic != "", func() app.UI {
					return app.Div().Body(
						app.Dt().Text("Diagnostic"),
						app.Dd().Class("diagnostic").Text(rc.Diagnostic),
					)
				}),
				app.If(rc.RemoteMTA != "", func() app.UI {
					return app.Div().Body(
						app.Dt().Text("Remote server"),
						app.Dd().Class("remote-mta").Text(rc.RemoteMTA),
					)
				}),
				app.If(rc.Reason != "" && rc.Reason != codes.ReasonUndefined, func() app.UI {
					return app.Div().Body(
						app.Dt().Text("Reason"),
						app.Dd().Class("reason").Body(codeLink("reason-"+string(rc.Reason), string(rc.Reason))),
					)
				}),
				app.If(rc.Action != "", func() app.UI {
					return app.Div().Body(
						app.Dt().Text("Action"),
						app.Dd().Class("action").Text(rc.Action),
					)
				}),
			),
			app.If(rc.Explanation != "", func() app.UI {
				return app.Div().Class("explanation").Body(
					app.H3().Text("What happened"),
					app.P().Text(rc.Explanation),
				)
			}),
			app.If(len(rc.Fix) > 0, func() app.UI {
				return app.Div().Class("fix").Body(
					app.H3().Text("How to fix it"),
					app.Ol().Body(
						app.Range(rc.Fix).Slice(func(i int) app.UI {
							return app.Li().Text(rc.Fix[i])
						}),
					),
				)
			}),
			app.If(len(rc.Links) > 0 || entry != "", func() app.UI {
				return app.Div().Class("links").Body(
					app.H3().Text("Links"),
					app.Ul().Body(
						app.If(entry != "", func() app.UI {
							return app.Li().Body(app.A().Class("entry-link").Href(href("/codes/" + entry)).Text("Reference: " + entryTitle(entry)))
						}),
						app.Range(rc.Links).Slice(func(i int) app.UI {
							l := rc.Links[i]
							return app.Li().Body(externalLink(l.URL, l.Title))
						}),
					),
				)
			}),
			app.If(!c.Compact, func() app.UI {
				return app.Button().
					Type("button").
					Class("show-in-text").
					Text("Show in the text").
					OnClick(func(ctx app.Context, e app.Event) {
						if c.OnShow != nil {
							c.OnShow(ctx, c.Index)
						}
					})
			}),
		)
}

// replyRow shows a reply code with the meaning of its digits.
func (c *recipientCard) replyRow(s string) app.UI {
	r, err := codes.ParseReplyCode(s)
	if err != nil || r.IsZero() {
		return app.Div().Body(app.Dt().Text("Reply code"), app.Dd().Class("reply-code").Text(orDash(s)))
	}
	title := ""
	if e, ok := codes.LookupEntry(r.String()); ok {
		title = e.Title
	}
	return app.Div().Body(
		app.Dt().Text("Reply code"),
		app.Dd().Class("reply-code").Body(
			codeLink(r.String(), r.String()),
			app.If(title != "", func() app.UI { return app.Span().Class("code-title").Text(" " + title) }),
			app.Ul().Class("code-parts").Body(
				app.Li().Body(app.Code().Text(strconv.Itoa(r.Class())+"xx"), app.Text(" "+replyClassMeaning(r.Class()))),
				app.Li().Body(app.Code().Text("x"+strconv.Itoa(r.Subject())+"x"), app.Text(" "+codes.ReplySubjectMeaning(r.Subject()))),
			),
		),
	)
}

// statusRow shows an enhanced status code broken into class.subject.detail.
func (c *recipientCard) statusRow(s string) app.UI {
	st, err := codes.ParseEnhancedCode(s)
	if err != nil || st.IsZero() {
		return app.Div().Body(app.Dt().Text("Enhanced status"), app.Dd().Class("status").Text(orDash(s)))
	}
	detail := "not in the IANA registry"
	if e, ok := codes.LookupEntry(st.String()); ok {
		detail = e.Title
	}
	return app.Div().Body(
		app.Dt().Text("Enhanced status"),
		app.Dd().Class("status").Body(
			codeLink(st.String(), st.String()),
			app.Ul().Class("code-parts").Body(
				app.Li().DataSet("part", "class").Body(app.Code().Text(strconv.Itoa(st.Class())+".x.x"), app.Text(" class: "+codes.ClassMeaning(st.Class()))),
				app.Li().DataSet("part", "subject").Body(app.Code().Text("x."+strconv.Itoa(st.Subject())+".x"), app.Text(" subject: "+codes.SubjectMeaning(st.Subject()))),
				app.Li().DataSet("part", "detail").Body(app.Code().Text("x."+strconv.Itoa(st.Subject())+"."+strconv.Itoa(st.Detail())), app.Text(" detail: "+detail)),
			),
		),
	)
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

// codeLink links a code to its reference page when it has one.
func codeLink(id, text string) app.UI {
	if _, ok := codes.LookupEntry(id); !ok {
		return app.Code().Text(text)
	}
	return app.A().Class("code-link").Href(href("/codes/" + id)).Body(app.Code().Text(text))
}

// entryTitle returns the title of a knowledge-base entry.
func entryTitle(id string) string {
	if e, ok := codes.LookupEntry(id); ok {
		return e.Title
	}
	return id
}

// externalLink links to another site: opened in a new tab, with no
// referrer and no access to this page.
func externalLink(url, text string) app.UI {
	if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
		return app.Span().Text(text + " (" + url + ")")
	}
	return app.A().Href(url).Target("_blank").Rel("noopener noreferrer").Text(text)
}

// orDash returns s, or an em dash for "".
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
