package main

import (
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// decodeDelay is how long the decoder page waits after the last keystroke
// before it decodes the input.
const decodeDelay = 150 * time.Millisecond

// sampleReply is the example shown in the empty input.
const sampleReply = "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"

// decoderPage is the page at "/": paste a bounce and see what it means.
// It decodes as you type, in the browser, through codes.Decode.
type decoderPage struct {
	app.Compo

	ready   bool // set in OnMount: the app runs in the browser
	pending int  // number of the last scheduled decode
	decoded bool // a decode has run
	report  codes.Report
	err     string // Decode's error, shown with the partial report
}

func newDecoderPage() *decoderPage { return &decoderPage{} }

func (p *decoderPage) OnMount(ctx app.Context) {
	p.ready = true
}

// onInput schedules a decode of the textarea's text decodeDelay after the
// last keystroke.
func (p *decoderPage) onInput(ctx app.Context, e app.Event) {
	text := ctx.JSSrc().Get("value").String()
	p.pending++
	n := p.pending
	ctx.After(decodeDelay, func(ctx app.Context) {
		if n == p.pending {
			p.decode(text)
		}
	})
}

// decode decodes text into the page's state.
func (p *decoderPage) decode(text string) {
	p.decoded = text != ""
	p.report, p.err = codes.Report{}, ""
	if !p.decoded {
		return
	}
	r, err := codes.Decode([]byte(text))
	p.report = r
	if err != nil {
		p.err = err.Error()
	}
}

func (p *decoderPage) Render() app.UI {
	return app.Div().
		Class("page").
		DataSet("ready", p.ready).
		Body(
			&navBar{Current: "/"},
			app.Main().Class("decoder-page").Body(
				app.H1().Text("Bounce Decoder"),
				app.P().Class("lead").Text("Paste a bounced mail, an SMTP reply or a mail log line. "+
					"It is decoded in your browser: nothing you paste leaves this page."),
				app.Label().For("ndr").Text("Bounce message, SMTP reply or log line"),
				app.Textarea().
					ID("ndr").
					Name("ndr").
					Rows(10).
					Spellcheck(false).
					AutoFocus(true).
					Placeholder(sampleReply).
					OnInput(p.onInput),
				p.renderResult(),
			),
		)
}

func (p *decoderPage) renderResult() app.UI {
	r := p.report
	var problems []string
	if p.err != "" {
		problems = append(problems, p.err)
	}
	for _, s := range r.Problems {
		if s != p.err {
			problems = append(problems, s)
		}
	}
	return app.Section().
		ID("result").
		Aria("live", "polite").
		Body(
			app.If(len(problems) > 0, func() app.UI {
				return app.Ul().Class("problems").Body(
					app.Range(problems).Slice(func(i int) app.UI {
						return app.Li().Text(problems[i])
					}),
				)
			}),
			app.If(len(r.Recipients) == 0, func() app.UI {
				note := "Nothing decoded yet."
				if p.decoded {
					note = r.Note
					if note == "" {
						note = "No bounce found in this text."
					}
				}
				return app.P().Class("result-none").DataSet("result", "none").Text(note)
			}).Else(func() app.UI {
				return app.Div().DataSet("result", "found").Body(
					&verdictBanner{Recipients: r.Recipients},
					app.Range(r.Recipients).Slice(func(i int) app.UI {
						return &recipientCard{Recipient: r.Recipients[i]}
					}),
				)
			}),
		)
}
