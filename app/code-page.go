package main

import (
	"strconv"
	"strings"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// codePagePattern matches the path of a code page: /codes/{id}.
const codePagePattern = `^/codes/[^/]+/?$`

// codePaths returns the path of every code page.
func codePaths() []string {
	out := make([]string, len(refEntries()))
	for i, e := range refEntries() {
		out[i] = "/codes/" + e.ID
	}
	return out
}

// codePage is the page of one knowledge-base entry, at /codes/{id}: what
// the code means, who acts, whether to retry, the fix steps, the links and
// the source; with the related entries.
type codePage struct {
	app.Compo

	ready bool
	id    string
	entry codes.Entry
	found bool
}

func newCodePage() *codePage { return &codePage{} }

func (p *codePage) OnMount(ctx app.Context) {
	p.ready = true
}

func (p *codePage) OnNav(ctx app.Context) {
	p.id = codeID(ctx.Page().URL().Path)
	p.entry, p.found = codes.LookupEntry(p.id)
	if p.found {
		ctx.Page().SetTitle(entryCode(p.entry) + ": " + p.entry.Title + " (Bounce Decoder)")
		ctx.Page().SetDescription(firstSentence(p.entry.Meaning))
	} else {
		ctx.Page().SetTitle("Unknown code: Bounce Decoder")
	}
}

// codeID returns the entry id in the path of a code page: the part after
// "codes/", whatever prefix the app is served under.
func codeID(path string) string {
	path = strings.Trim(path, "/")
	if i := strings.LastIndex(path, "codes/"); i >= 0 {
		path = path[i+len("codes/"):]
	}
	return path
}

// firstSentence returns s up to its first full stop.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

// related returns the other entries about the same codes: for a reply or
// an enhanced code the provider entries using it, for a provider entry its
// reply and enhanced codes and the provider's other entries.
func related(e codes.Entry) (generic []codes.Entry, providers []codes.Entry) {
	for _, r := range refEntries() {
		o := r.Entry
		if o.ID == e.ID {
			continue
		}
		switch e.Kind {
		case codes.KindReply:
			if o.Kind == codes.KindProvider && o.Reply == e.Reply {
				providers = append(providers, o)
			}
		case codes.KindEnhanced:
			if o.Kind == codes.KindProvider && o.Status == e.Status {
				providers = append(providers, o)
			}
		case codes.KindProvider:
			switch {
			case o.Kind == codes.KindReply && !e.Reply.IsZero() && o.Reply == e.Reply,
				o.Kind == codes.KindEnhanced && !e.Status.IsZero() && o.Status == e.Status:
				generic = append(generic, o)
			case o.Kind == codes.KindProvider && o.Provider == e.Provider:
				providers = append(providers, o)
			}
		}
	}
	return generic, providers
}

func retryLabel(r codes.Retry) string {
	switch r {
	case codes.RetryNo:
		return "No: do not send again to this address"
	case codes.RetryLater:
		return "Later: it is temporary, retry with backoff"
	case codes.RetryAfterFix:
		return "After fixing the cause: resending as it is fails again"
	}
	return string(r)
}

func actorLabel(a codes.Actor) string {
	switch a {
	case codes.ActorSender:
		return "The sender (or the sending system's admin)"
	case codes.ActorRecipient:
		return "The recipient or their mail admin"
	case codes.ActorNobody:
		return "Nobody: it clears by itself"
	}
	return string(a)
}

func kindName(k codes.EntryKind) string {
	for _, rk := range refKinds {
		if rk.Kind == k {
			return rk.Title
		}
	}
	return string(k)
}

func (p *codePage) Render() app.UI {
	return app.Div().
		Class("page").
		DataSet("ready", p.ready).
		Body(
			&navBar{Current: "/codes"},
			&updatePrompt{},
			app.Main().Class("code-page").DataSet("entry", p.id).Body(
				app.Nav().Class("breadcrumb").Aria("label", "Breadcrumb").Body(
					app.A().Href(href("/codes")).Text("Code reference"),
					app.Text(" › "+kindName(p.entry.Kind)),
				),
				p.renderEntry(),
			),
		)
}

func (p *codePage) renderEntry() app.UI {
	if !p.found {
		return app.Div().DataSet("result", "none").Body(
			app.H1().Text("Unknown code"),
			app.P().Text("There is no entry \""+p.id+"\" in the reference. "),
			app.P().Body(app.A().Href(href("/codes?q="+p.id)).Text("Search the reference"), app.Text(" or "),
				app.A().Href(href("/")).Text("decode a bounce"), app.Text(".")),
		)
	}
	e := p.entry
	generic, providers := related(e)
	return app.Article().Class("entry").DataSet("kind", string(e.Kind)).Body(
		app.H1().Body(
			app.Code().Class("entry-code").Text(entryCode(e)),
			app.Span().Class("entry-title").Text(" "+e.Title),
		),
		app.If(e.Provider != "", func() app.UI {
			return app.P().Body(app.Span().Class("badge provider-badge").Text(codes.ProviderName(e.Provider)))
		}),
		app.If(e.Deprecated, func() app.UI {
			return app.P().Class("note").Text("Deprecated in the IANA registry.")
		}),
		app.If(e.AgainstIANA, func() app.UI {
			return app.P().Class("note").Text("This provider uses the enhanced code against its IANA registry meaning: its own meaning is given here.")
		}),
		app.P().Class("meaning").Text(e.Meaning),
		p.renderParts(e),
		app.Dl().Class("card-facts").Body(
			app.If(e.Actor != "", func() app.UI {
				return app.Div().Body(app.Dt().Text("Who acts"), app.Dd().Text(actorLabel(e.Actor)))
			}),
			app.If(e.Retry != "", func() app.UI {
				return app.Div().Body(app.Dt().Text("Retry"), app.Dd().Text(retryLabel(e.Retry)))
			}),
			app.If(e.Reason != "" && e.Reason != codes.ReasonUndefined, func() app.UI {
				return app.Div().Body(app.Dt().Text("Bounce reason"), app.Dd().Body(app.Code().Text(string(e.Reason))))
			}),
			app.If(e.Kind != codes.KindReply, func() app.UI {
				hard := "No"
				if e.HardBounce {
					hard = "Yes: remove the address from your lists"
				}
				return app.Div().Body(app.Dt().Text("Hard bounce"), app.Dd().Text(hard))
			}),
			app.If(len(e.Match) > 0, func() app.UI {
				return app.Div().Body(app.Dt().Text("Documented wording"), app.Dd().Body(
					app.Ul().Class("match").Body(app.Range(e.Match).Slice(func(i int) app.UI {
						return app.Li().Body(app.Code().Text(e.Match[i]))
					})),
				))
			}),
			app.If(e.RFC != "" || e.Source != "", func() app.UI {
				src := e.Source
				if src == "" {
					src = e.RFC
				}
				return app.Div().Body(app.Dt().Text("Source"), app.Dd().Class("source").Text(src))
			}),
		),
		app.If(len(e.Fix) > 0, func() app.UI {
			return app.Section().Class("fix").Body(
				app.H2().Text("How to fix it"),
				app.Ol().Body(app.Range(e.Fix).Slice(func(i int) app.UI { return app.Li().Text(e.Fix[i]) })),
			)
		}),
		app.If(len(e.Links) > 0, func() app.UI {
			return app.Section().Class("links").Body(
				app.H2().Text("Links"),
				app.Ul().Body(app.Range(e.Links).Slice(func(i int) app.UI {
					return app.Li().Body(externalLink(e.Links[i].URL, e.Links[i].Title))
				})),
			)
		}),
		entryList("Registry meaning", "related-generic", generic),
		entryList(providersTitle(e), "related-providers", providers),
	)
}

func providersTitle(e codes.Entry) string {
	if e.Kind == codes.KindProvider {
		return "Other entries for " + codes.ProviderName(e.Provider)
	}
	return "How providers use it"
}

// renderParts explains the digits of a code.
func (p *codePage) renderParts(e codes.Entry) app.UI {
	var items []app.UI
	if r := e.Reply; !r.IsZero() {
		items = append(items,
			app.Li().Body(app.Code().Text(strconv.Itoa(r.Class())+"xx"), app.Text(" "+replyClassMeaning(r.Class()))),
			app.Li().Body(app.Code().Text("x"+strconv.Itoa(r.Subject())+"x"), app.Text(" "+codes.ReplySubjectMeaning(r.Subject()))),
		)
	}
	if s := e.Status; !s.IsZero() {
		items = append(items,
			app.Li().Body(app.Code().Text(strconv.Itoa(s.Class())+".x.x"), app.Text(" class: "+codes.ClassMeaning(s.Class()))),
			app.Li().Body(app.Code().Text("x."+strconv.Itoa(s.Subject())+".x"), app.Text(" subject: "+codes.SubjectMeaning(s.Subject()))),
		)
	}
	if len(items) == 0 {
		return nil
	}
	return app.Ul().Class("code-parts").Body(items...)
}

// entryList links to entries under a heading, or renders nothing.
func entryList(title, class string, list []codes.Entry) app.UI {
	if len(list) == 0 {
		return nil
	}
	return app.Section().Class(class).Body(
		app.H2().Text(title),
		app.Ul().Class("code-list").Body(app.Range(list).Slice(func(i int) app.UI {
			o := list[i]
			return app.Li().Body(app.A().Href(href("/codes/"+o.ID)).Body(
				app.Code().Class("code").Text(entryCode(o)),
				app.Span().Class("title").Text(o.Title),
			), app.If(o.Provider != "", func() app.UI {
				return app.Span().Class("badge provider-badge").Text(codes.ProviderName(o.Provider))
			}))
		})),
	)
}
