package main

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// refEntry is a knowledge-base entry with what the search looks in.
type refEntry struct {
	codes.Entry
	haystack string // lower-case: id, codes, token, title, provider, reason, meaning
}

// refEntries returns all the entries, built on first use (not when the
// program starts: most pages never need them).
var refEntries = sync.OnceValue(buildRefEntries)

func buildRefEntries() []refEntry {
	all := codes.Entries()
	out := make([]refEntry, len(all))
	for i, e := range all {
		parts := []string{e.ID, e.Token, e.Title, string(e.Reason), e.Meaning, string(e.Kind)}
		if !e.Reply.IsZero() {
			parts = append(parts, e.Reply.String())
		}
		if !e.Status.IsZero() {
			parts = append(parts, e.Status.String())
		}
		if e.Provider != "" {
			parts = append(parts, e.Provider, codes.ProviderName(e.Provider))
		}
		out[i] = refEntry{Entry: e, haystack: strings.ToLower(strings.Join(parts, " \x00 "))}
	}
	return out
}

// refKinds are the groups of the reference, in order.
var refKinds = [...]struct {
	Kind  codes.EntryKind
	Title string
}{
	{codes.KindReply, "SMTP reply codes (RFC 5321)"},
	{codes.KindEnhanced, "Enhanced status codes (IANA registry, RFC 3463)"},
	{codes.KindProvider, "Provider-specific codes and texts"},
	{codes.KindBlocklist, "DNS blocklists named in rejections"},
	{codes.KindReason, "Bounce reasons"},
	{"", "Other entries"}, // any kind not listed above
}

// refGroup returns the index in refKinds of the group listing kind k.
func refGroup(k codes.EntryKind) int {
	for i, rk := range refKinds {
		if rk.Kind == k {
			return i
		}
	}
	return len(refKinds) - 1
}

// searchEntries returns the entries matching every word of q (all for "").
// A word matches a code by prefix ("5.7" finds 5.7.26) and text anywhere.
func searchEntries(q string) []refEntry {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return refEntries()
	}
	var out []refEntry
	for _, e := range refEntries() {
		ok := true
		for _, w := range words {
			if !strings.Contains(e.haystack, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// entryCode returns the codes of an entry as shown in lists ("550 5.7.26
// [TSS04]").
func entryCode(e codes.Entry) string {
	var parts []string
	if !e.Reply.IsZero() {
		parts = append(parts, e.Reply.String())
	}
	if !e.Status.IsZero() {
		s := e.Status.String()
		if e.DetailMax > 0 {
			s += "–" + strconv.Itoa(e.DetailMax)
		}
		parts = append(parts, s)
	}
	if e.Token != "" {
		parts = append(parts, e.Token)
	}
	if len(parts) == 0 {
		return e.ID
	}
	return strings.Join(parts, " ")
}

// codesPage is the page at "/codes": every reply code, enhanced status
// code, provider entry and blocklist, searchable by code, word or provider.
// The query is kept in ?q= so a search can be linked.
type codesPage struct {
	app.Compo

	ready   bool
	base    string // base path of the links in the list (see linkBase)
	query   string // the filter in force
	initial string // the query the page opened with: the field's value attribute
	pending int
}

func newCodesPage() *codesPage { return &codesPage{} }

func (p *codesPage) OnMount(ctx app.Context) {
	p.ready = true
	// A search typed into the prerendered page before the app ran.
	if early := earlyInput(); early.Truthy() {
		if q := early.Get("query"); q.Type() == app.TypeString {
			p.initial = q.String()
			p.search(ctx, p.initial)
		}
	}
}

func (p *codesPage) OnNav(ctx app.Context) {
	p.base = linkBase(ctx)
	p.query = ctx.Page().URL().Query().Get("q")
	p.initial = p.query
	ctx.Page().SetTitle("SMTP reply codes and enhanced status codes: Bounce Decoder")
	ctx.Page().SetDescription("Every SMTP reply code, every IANA enhanced status code and the provider-specific codes of Gmail, Microsoft 365, Yahoo and others, explained.")
}

// onSearch filters the list 80 ms after the last keystroke, with the
// field's value then. The field's value attribute stays the query the page
// opened with, so drawing the page never undoes keystrokes. Until the
// search, nothing drawn changes: the page is not redrawn for each
// keystroke (as go-app would after an event).
func (p *codesPage) onSearch(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	src := ctx.JSSrc()
	p.pending++
	n := p.pending
	ctx.After(80*time.Millisecond, func(ctx app.Context) {
		if n != p.pending {
			ctx.PreventUpdate()
			return
		}
		p.search(ctx, src.Get("value").String())
	})
}

// search filters the list by q and keeps q in the URL.
func (p *codesPage) search(ctx app.Context, q string) {
	p.query = q
	u := *ctx.Page().URL()
	v := u.Query()
	if q == "" {
		v.Del("q")
	} else {
		v.Set("q", q)
	}
	u.RawQuery = v.Encode()
	app.Window().Get("history").Call("replaceState", nil, "", u.String())
}

func (p *codesPage) Render() app.UI {
	found := searchEntries(p.query)
	return app.Div().
		Class("page").
		DataSet("ready", p.ready).
		Body(
			&navBar{Current: "/codes"},
			&updatePrompt{},
			app.Main().Class("codes-page").Body(
				app.H1().Text("Code reference"),
				app.P().Class("lead").Text("Every SMTP reply code, every IANA enhanced status code, "+
					"the codes and texts mailbox providers use, and the blocklists named in rejections."),
				app.Div().Class("search").Role("search").Body(
					app.Label().For("code-search").Text("Search by code, word or provider"),
					app.Input().
						Type("search").
						ID("code-search").
						Name("q").
						Placeholder("5.7.26, mailbox full, yahoo, TSS04…").
						Value(p.initial).
						OnInput(p.onSearch),
				),
				app.P().Class("search-count").Role("status").DataSet("count", len(found)).
					Text(strconv.Itoa(len(found))+" of "+strconv.Itoa(len(refEntries()))+" entries"),
				app.Range(refKinds[:]).Slice(func(k int) app.UI {
					kind := refKinds[k]
					var list []refEntry
					for _, e := range found {
						if refGroup(e.Kind) == k {
							list = append(list, e)
						}
					}
					if len(list) == 0 {
						return nil
					}
					return app.Section().Class("code-group").DataSet("kind", string(kind.Kind)).Body(
						app.H2().Text(kind.Title+" ("+strconv.Itoa(len(list))+")"),
						app.Raw(entryListMarkup(list, p.base)),
					)
				}),
				app.If(len(found) == 0, func() app.UI {
					return app.P().Class("search-none").DataSet("result", "none").
						Text("Nothing matches. Try a code (550, 5.7.1), a word (quota, spam, DMARC) or a provider (gmail, outlook).")
				}),
			),
		)
}

// entryListMarkup writes the list of entries as markup (see markup). The
// whole reference is 555 entries, 2,500 elements: as go-app elements they
// made /codes ready some 200 ms later, and frames of 167 ms while typing a
// search. base is the base path of the links.
func entryListMarkup(list []refEntry, base string) string {
	var m markup
	m.open("ul", "class", "code-list")
	for _, e := range list {
		m.open("li", "data-entry", e.ID)
		m.open("a", "href", base+"/codes/"+e.ID)
		m.elem("code", entryCode(e.Entry), "class", "code")
		m.elem("span", e.Title, "class", "title")
		m.close("a")
		if e.Provider != "" {
			m.elem("span", codes.ProviderName(e.Provider), "class", "badge provider-badge")
		}
		m.close("li")
	}
	m.close("ul")
	return m.String()
}
