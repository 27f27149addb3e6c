package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updatePrompt tells, discreetly, that a new version of the app has been
// downloaded, and reloads into it on request. go-app's service worker
// fetches the new version in the background and calls OnAppUpdate.
type updatePrompt struct {
	app.Compo

	available bool
	dismissed bool
}

func (u *updatePrompt) OnMount(ctx app.Context) {
	u.available = ctx.AppUpdateAvailable()
}

func (u *updatePrompt) OnAppUpdate(ctx app.Context) {
	u.available = ctx.AppUpdateAvailable()
}

func (u *updatePrompt) Render() app.UI {
	if !u.available || u.dismissed {
		return app.Div().Class("update-prompt-none").Hidden(true)
	}
	return app.Div().
		Class("update-prompt").
		Role("status").
		DataSet("update", "available").
		Body(
			app.Span().Text("A new version is available. "),
			app.Button().Type("button").Class("update-reload").Text("Reload").
				OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			app.Button().Type("button").Class("update-dismiss").Aria("label", "Dismiss").Text("Later").
				OnClick(func(ctx app.Context, e app.Event) { u.dismissed = true }),
		)
}
