package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// aboutPage is the page at "/about": what the app is and what it does with
// the text pasted into it.
type aboutPage struct {
	app.Compo

	ready bool // set in OnMount: the app runs in the browser
}

func newAboutPage() *aboutPage { return &aboutPage{} }

func (p *aboutPage) OnMount(ctx app.Context) {
	p.ready = true
}

func (p *aboutPage) Render() app.UI {
	return app.Div().
		Class("page").
		DataSet("ready", p.ready).
		Body(
			&navBar{Current: "/about"},
			app.Main().Class("about-page").Body(
				app.H1().Text("About Bounce Decoder"),
				app.P().Text("Bounce Decoder reads a bounced mail (a delivery status notification, "+
					"a Gmail or Microsoft 365 bounce, an SMTP reply line, a mail server log line, the mail queue, "+
					"or the JSON events of a sending service's webhook) "+
					"and explains it: the SMTP reply code, the enhanced status code, "+
					"what happened, whether to retry, and how to fix it."),
				app.H2().Text("Private by design"),
				app.P().Text("The decoder runs entirely in your browser, compiled from Go to WebAssembly. "+
					"What you paste is never uploaded: the page makes no request to any other site, "+
					"and after the first visit it works offline."),
				app.H2().Text("Command line"),
				app.P().Text("The same decoder is a Go library and a command line:"),
				app.Pre().Body(app.Code().Text("go run ./app decode bounce.eml")),
				app.P().Body(
					app.A().Href(href("/")).Text("Decode a bounce"),
				),
			),
		)
}
