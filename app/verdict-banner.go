package main

import (
	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// verdictBanner sums up a report in one line: did delivery fail for good,
// or will it be retried.
type verdictBanner struct {
	app.Compo

	Recipients []codes.Recipient
}

// verdict returns the verdict class ("permanent", "temporary", "none") and
// its text for recipients.
func verdict(recipients []codes.Recipient) (class, text string) {
	permanent, temporary := 0, 0
	for _, rc := range recipients {
		switch {
		case rc.Permanent:
			permanent++
		case rc.Status != "" || rc.ReplyCode != "":
			temporary++
		}
	}
	switch {
	case permanent > 0 && temporary > 0:
		return "permanent", "Permanent failure for some recipients; others are being retried."
	case permanent > 0:
		return "permanent", "Permanent failure: the message was not delivered and will not be retried."
	case temporary > 0:
		return "temporary", "Temporary failure: delivery is being retried."
	}
	return "none", "No failure code found."
}

func (v *verdictBanner) Render() app.UI {
	class, text := verdict(v.Recipients)
	return app.P().
		Class("verdict verdict-"+class).
		DataSet("verdict", class).
		Text(text)
}
