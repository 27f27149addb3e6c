package main

import (
	"math"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// heightMessage is the type of the message the embed page posts to its
// parent with its content height (see the top comment of web/embed.js).
const heightMessage = "bounce-decoder:height"

// embedPage is the page at "/embed": a compact decoder (paste area, verdict
// and cards) for an iframe in a docs page, made by web/embed.js.
//
//   - ?theme=light|dark forces a colour scheme (else the reader's);
//   - #t=... is the initial text, in the share link format (share.go);
//   - the page posts {type: "bounce-decoder:height", height} to its parent
//     once rendered and whenever its height changes. The message carries no
//     pasted text.
type embedPage struct {
	app.Compo
	decoder

	ready    bool
	theme    string
	observer app.Value
	onResize app.Func
	posted   float64
	stop     chan struct{} // closed on dismount: ends the height poll
}

// heightPoll is how often the embed page checks its height besides the
// resize observer.
const heightPoll = 500 * time.Millisecond

// maxLinkText is the largest text the "open in" link carries.
const maxLinkText = 64 << 10

func newEmbedPage() *embedPage { return &embedPage{decoder: decoder{active: -1}} }

func (p *embedPage) OnNav(ctx app.Context) {
	p.theme = embedTheme(ctx.Page().URL().Query().Get("theme"))
	ctx.Page().SetTitle("Bounce decoder")
}

// embedTheme returns the theme asked for, "" for the reader's own.
func embedTheme(t string) string {
	if t == "light" || t == "dark" {
		return t
	}
	return ""
}

func (p *embedPage) OnMount(ctx app.Context) {
	p.ready = true
	warmUp()
	p.theme = embedTheme(app.Window().URL().Query().Get("theme"))
	root := app.Window().Get("document").Get("documentElement")
	root.Get("classList").Call("remove", "theme-light", "theme-dark")
	if p.theme != "" {
		root.Get("classList").Call("add", "theme-"+p.theme)
	}
	text, err := decodeShare(app.Window().Get("location").Get("hash").String())
	switch {
	case err != nil:
		p.loadErr = err.Error()
	case text != "":
		ctx.Dispatch(func(ctx app.Context) { p.load(ctx, text) })
	default:
		p.takeEarlyInput(ctx)
	}
	ctx.Defer(p.observe)
}

// observe posts the page's height now, after each decode, and whenever the
// body changes size. The body is observed, not the page's root element,
// which go-app may replace when it mounts over the prerendered page.
func (p *embedPage) observe(ctx app.Context) {
	p.afterRender = p.postHeight
	p.postHeight()
	ro := app.Window().Get("ResizeObserver")
	if !ro.Truthy() {
		return
	}
	p.onResize = app.FuncOf(func(this app.Value, args []app.Value) any {
		p.postHeight()
		return nil
	})
	p.observer = ro.New(p.onResize)
	p.observer.Call("observe", app.Window().Get("document").Get("body"))
	// Browsers hold back resize observations in frames they throttle
	// (cross-origin iframes out of view): a slow poll catches up.
	p.stop = make(chan struct{})
	go func(stop <-chan struct{}) {
		t := time.NewTicker(heightPoll)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				p.postHeight()
			}
		}
	}(p.stop)
}

// postHeight tells the parent window the content height, when it changed.
func (p *embedPage) postHeight() {
	parent := app.Window().Get("parent")
	doc := app.Window().Get("document")
	if !parent.Truthy() || !doc.Get("body").Truthy() {
		return
	}
	h := math.Ceil(doc.Get("body").Call("getBoundingClientRect").Get("height").Float())
	if root := doc.Call("getElementById", "embed-root"); root.Truthy() {
		h = math.Max(h, math.Ceil(root.Call("getBoundingClientRect").Get("height").Float()))
	}
	if h == p.posted {
		return
	}
	p.posted = h
	parent.Call("postMessage", map[string]any{"type": heightMessage, "height": h}, "*")
}

func (p *embedPage) OnDismount() {
	if p.stop != nil {
		close(p.stop)
		p.stop = nil
	}
	if p.observer != nil && p.observer.Truthy() {
		p.observer.Call("disconnect")
	}
	if p.onResize != nil {
		p.onResize.Release()
	}
}

func (p *embedPage) Render() app.UI {
	open := href("/")
	if p.input != "" && len(p.input) <= maxLinkText {
		open += "#" + encodeShare(p.input)
	}
	return app.Div().
		ID("embed-root").
		Class("page embed-page").
		DataSet("ready", p.ready).
		DataSet("theme", p.theme).
		Body(
			app.Main().Class("decoder-page embed").Body(
				p.renderInput(5),
				p.renderResult(true, nil),
				app.P().Class("embed-footer").Body(
					app.A().Href(open).Target("_blank").Rel("noopener").Text("Open in Bounce Decoder"),
					app.Text(" · decoded in your browser, nothing is sent"),
				),
			),
		)
}
