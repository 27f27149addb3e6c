package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// decoderPage is the page at "/": paste a bounce and see what it means.
// It decodes as you type, in the browser, through codes.Decode: nothing
// pasted leaves the page. A share link (#t=..., see share.go) opens with its
// text decoded.
type decoderPage struct {
	app.Compo
	decoder

	ready    bool   // set in OnMount: the app runs in the browser
	redact   bool   // mask addresses, IPs and host names in what is copied or shared
	share    string // the last share link made
	status   string // what the last copy did
	fragment string // the URL fragment last read
}

func newDecoderPage() *decoderPage { return &decoderPage{decoder: decoder{active: -1}} }

func (p *decoderPage) OnMount(ctx app.Context) {
	p.ready = true
	warmUp()
	if !p.loadFragment(ctx) {
		p.takeEarlyInput(ctx)
	}
}

// OnNav loads a share link opened while the app runs.
func (p *decoderPage) OnNav(ctx app.Context) {
	if p.ready {
		p.loadFragment(ctx)
	}
}

// loadFragment decodes the text a share link carries, if any, and reports
// whether the URL has a share link.
func (p *decoderPage) loadFragment(ctx app.Context) bool {
	frag := app.Window().Get("location").Get("hash").String()
	if frag == p.fragment {
		return frag != "" // OnMount and OnNav both see the first page load
	}
	p.fragment = frag
	text, err := decodeShare(frag)
	switch {
	case err != nil:
		p.loadErr = err.Error()
	case text != "" && text != p.input:
		ctx.Dispatch(func(ctx app.Context) { p.load(ctx, text) })
	}
	return err != nil || text != ""
}

// pickExample loads an example.
func (p *decoderPage) pickExample(ctx app.Context, text string) {
	p.load(ctx, text)
	p.status, p.share = "", ""
}

// masked returns the text to copy or share: the input or the report, masked
// when redact is on.
func (p *decoderPage) masked(s string) string {
	if p.redact {
		return redact(s)
	}
	return s
}

func (p *decoderPage) copyText(ctx app.Context, e app.Event) {
	p.copy(ctx, p.masked(resultText(p.report)), "Copied the result as text.")
}

func (p *decoderPage) copyMarkdown(ctx app.Context, e app.Event) {
	p.copy(ctx, p.masked(resultMarkdown(p.report)), "Copied the result as Markdown.")
}

// makeShare builds the share link, shows it and copies it.
func (p *decoderPage) makeShare(ctx app.Context, e app.Event) {
	loc := app.Window().Get("location")
	p.share = loc.Get("origin").String() + loc.Get("pathname").String() + "#" + encodeShare(p.masked(p.input))
	p.copy(ctx, p.share, "Copied the share link. The text is in the link itself (after #), never sent to a server.")
}

// copy writes s to the clipboard and reports how it went.
func (p *decoderPage) copy(ctx app.Context, s, done string) {
	p.status = "Copying…"
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		p.status = "This browser does not allow copying here: select the text and copy it yourself."
		return
	}
	var ok, fail app.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer release()
		ctx.Dispatch(func(ctx app.Context) { p.status = done })
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer release()
		ctx.Dispatch(func(ctx app.Context) {
			p.status = "The browser refused to copy: select the text and copy it yourself."
		})
		return nil
	})
	clip.Call("writeText", s).Call("then", ok, fail)
}

func (p *decoderPage) onRedact(ctx app.Context, e app.Event) {
	p.redact = ctx.JSSrc().Get("checked").Bool()
	p.share, p.status = "", ""
}

func (p *decoderPage) Render() app.UI {
	return app.Div().
		Class("page").
		DataSet("ready", p.ready).
		Body(
			&navBar{Current: "/"},
			&updatePrompt{},
			app.Main().Class("decoder-page").Body(
				app.H1().Text("Bounce Decoder"),
				app.P().Class("lead").Text("Paste a bounced mail, an SMTP reply or a mail log line. "+
					"It is decoded in your browser: nothing you paste leaves this page."),
				p.renderInput(10),
				&examplePicker{OnPick: p.pickExample},
				p.renderResult(false, p.renderTools()),
			),
		)
}

// renderTools renders copy, share and redact.
func (p *decoderPage) renderTools() app.UI {
	return app.Div().Class("tools").Role("group").Aria("label", "Copy and share").Body(
		app.Button().Type("button").Class("copy-text").Text("Copy as text").OnClick(p.copyText),
		app.Button().Type("button").Class("copy-markdown").Text("Copy as Markdown").OnClick(p.copyMarkdown),
		app.Button().Type("button").Class("share").Text("Share link").OnClick(p.makeShare),
		app.Label().Class("redact").Body(
			app.Input().Type("checkbox").Name("redact").ID("redact").Checked(p.redact).OnChange(p.onRedact),
			app.Text(" Redact addresses, IPs and host names in what I copy or share"),
		),
		app.If(p.share != "", func() app.UI {
			return app.Div().Class("share-box").Body(
				app.Label().For("share-link").Text("Share link"),
				app.Input().Type("text").ID("share-link").Name("share-link").ReadOnly(true).Value(p.share).
					OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
			)
		}),
		app.P().Class("tool-status").Role("status").Text(p.status),
	)
}
