package main

import (
	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// legendKinds are the highlight kinds in the order the legend lists them.
var legendKinds = [...]codes.SpanKind{
	codes.SpanReplyCode,
	codes.SpanStatus,
	codes.SpanDiagnostic,
	codes.SpanRecipient,
	codes.SpanRemoteMTA,
	codes.SpanProviderToken,
}

// kindLabel names a highlight kind for people.
func kindLabel(k codes.SpanKind) string {
	switch k {
	case codes.SpanReplyCode:
		return "Reply code"
	case codes.SpanStatus:
		return "Enhanced status code"
	case codes.SpanDiagnostic:
		return "Diagnostic text"
	case codes.SpanRecipient:
		return "Recipient"
	case codes.SpanRemoteMTA:
		return "Remote server"
	case codes.SpanProviderToken:
		return "Provider code"
	}
	return string(k)
}

// legend explains the colours of the highlights.
type legend struct {
	app.Compo
}

func (l *legend) Render() app.UI {
	return app.Ul().
		Class("legend").
		Aria("label", "Highlight colours").
		Body(app.Range(legendKinds[:]).Slice(func(i int) app.UI {
			k := legendKinds[i]
			return app.Li().Body(
				app.Mark().DataSet("kind", string(k)).DataSet("legend", true).Text(kindLabel(k)),
			)
		}))
}
