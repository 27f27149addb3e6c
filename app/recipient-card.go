package main

import (
	"strconv"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// recipientCard shows what a report says about one recipient.
type recipientCard struct {
	app.Compo

	Recipient codes.Recipient
}

func (c *recipientCard) Render() app.UI {
	rc := c.Recipient
	kind := "Temporary failure"
	if rc.Permanent {
		kind = "Permanent failure"
	}
	name := rc.Recipient
	if name == "" {
		name = "Recipient"
	}
	return app.Article().
		Class("recipient-card").
		DataSet("recipient", rc.Recipient).
		DataSet("reply-code", rc.ReplyCode).
		DataSet("status", rc.Status).
		DataSet("reason", string(rc.Reason)).
		DataSet("permanent", strconv.FormatBool(rc.Permanent)).
		DataSet("provider", rc.Provider).
		Body(
			app.H2().Text(name),
			app.Dl().Body(
				app.Dt().Text("Reply code"),
				app.Dd().Class("reply-code").Text(orDash(rc.ReplyCode)),
				app.Dt().Text("Enhanced status"),
				app.Dd().Class("status").Text(orDash(rc.Status)),
				app.Dt().Text("Outcome"),
				app.Dd().Class("permanence").Text(kind),
				app.If(rc.Reason != "", func() app.UI {
					return app.Div().Body(
						app.Dt().Text("Reason"),
						app.Dd().Class("reason").Text(string(rc.Reason)),
					)
				}),
			),
			app.If(rc.Summary != "", func() app.UI {
				return app.P().Class("summary").Text(rc.Summary)
			}),
			app.If(rc.Explanation != "", func() app.UI {
				return app.P().Class("explanation").Text(rc.Explanation)
			}),
			app.If(len(rc.Fix) > 0, func() app.UI {
				return app.Ol().Class("fix").Body(
					app.Range(rc.Fix).Slice(func(i int) app.UI {
						return app.Li().Text(rc.Fix[i])
					}),
				)
			}),
		)
}

// orDash returns s, or an em dash for "".
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
