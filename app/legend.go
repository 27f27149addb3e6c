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
		return "Provider clue"
	}
	return string(k)
}

// legend explains the colours of the highlights.
type legend struct {
	app.Compo
}

func (l *legend) Render() app.UI {
	var m markup
	m.open("ul", "class", "legend", "aria-label", "Highlight colours")
	for _, k := range legendKinds {
		m.open("li")
		m.elem("mark", kindLabel(k), "data-kind", string(k), "data-legend", "true")
		m.close("li")
	}
	m.close("ul")
	return app.Raw(m.String())
}
