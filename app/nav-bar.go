package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// navBar is the header shown on every page.
type navBar struct {
	app.Compo

	Current string // path of the current page, e.g. "/"
}

// navLinks are the pages listed in the header, in order.
var navLinks = [...]struct{ Path, Label string }{
	{"/", "Decoder"},
	{"/codes", "Codes"},
	{"/batch", "Batch"},
	{"/about", "About"},
}

func (n *navBar) Render() app.UI {
	return app.Header().Class("nav-bar").Body(
		app.A().Class("brand").Href(href("/")).Text("Bounce Decoder"),
		app.Nav().Aria("label", "Main").Body(
			app.Range(navLinks[:]).Slice(func(i int) app.UI {
				l := navLinks[i]
				a := app.A().Href(href(l.Path)).Text(l.Label)
				if l.Path == n.Current {
					a = a.Aria("current", "page")
				}
				return a
			}),
		),
	)
}
