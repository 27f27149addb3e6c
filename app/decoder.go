package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// decodeDelay is how long the decoder waits after the last keystroke
// before it decodes the input.
const decodeDelay = 150 * time.Millisecond

// sampleReply is the example shown in the empty input.
const sampleReply = "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"

// pasteHint says what to paste when nothing was found.
const pasteHint = "Paste a whole bounced mail (headers included, as saved with \"Show original\" or as a .eml file) or its text as your mail client shows it, " +
	"the Diagnostic-Code line of a delivery report, an SMTP reply such as \"550 5.1.1 User unknown\", " +
	"a mail server log line (Postfix, Exim, Sendmail, qmail), the output of mailq, " +
	"rows of a CSV export with their header row (message trace, PowerMTA accounting, a bounce list), " +
	"or the JSON of a sending service's webhook event (SES, SendGrid, Mailgun, Postmark, …)."

// decoder is the state and the parts shared by the decoder page and the
// embed page: the paste area, the decode as you type, and the result.
type decoder struct {
	input    string // the text last decoded
	pending  int    // number of the last scheduled decode
	decoded  bool   // a decode has run on a non-empty input
	report   codes.Report
	err      string // Decode's error, shown with the partial report
	active   int    // card brought into view, -1 for none
	loadErr  string // problem reading a file or a share link
	dragging bool   // a file is dragged over the paste area

	afterRender func() // called once a decode is drawn
}

// inputID is the id of the paste area.
const inputID = "ndr"

// onInput schedules a decode of the paste area's text decodeDelay after the
// last keystroke. A keystroke changes nothing drawn until then, so neither
// it nor a decode a later keystroke made moot redraws the page: go-app
// would otherwise update the components around the paste area after each
// of them, the whole result included.
func (d *decoder) onInput(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	text := ctx.JSSrc().Get("value").String()
	d.pending++
	n := d.pending
	ctx.After(decodeDelay, func(ctx app.Context) {
		if n != d.pending {
			ctx.PreventUpdate()
			return
		}
		d.decode(ctx, text, nil)
	})
}

// largeInput is the size above which a loaded text goes into the paste area
// only after the result is on screen: the browser lays out the whole text
// of a textarea, which for a mail of 64 KB takes longer than decoding it.
const largeInput = 16 << 10

// load puts text into the paste area and decodes it at once.
func (d *decoder) load(ctx app.Context, text string) {
	d.pending++
	n := d.pending
	fill := func() {
		// A later load or keystroke wins over a late fill. (WebAssembly
		// runs one goroutine at a time: reading pending here is safe.)
		if el := app.Window().GetElementByID(inputID); el.Truthy() && n == d.pending {
			el.Set("value", text)
		}
	}
	if len(text) <= largeInput {
		fill()
		fill = nil
	}
	d.decode(ctx, text, fill)
}

// decode decodes text into the state, then, once the result is painted,
// records how long decoding and rendering took (data-render-ms on #result)
// and calls then, if not nil.
func (d *decoder) decode(ctx app.Context, text string, then func()) {
	start := time.Now()
	d.decodeText(text)
	ctx.Update()
	ctx.Defer(func(ctx app.Context) {
		if d.afterRender != nil {
			d.afterRender()
		}
		scrollToFirstCode()
		afterPaint(func() {
			ms := float64(time.Since(start).Microseconds()) / 1000
			if then != nil {
				then()
			}
			if el := app.Window().GetElementByID("result"); el.Truthy() {
				el.Call("setAttribute", "data-render-ms", strconv.FormatFloat(ms, 'f', 2, 64))
			}
		})
	})
}

// afterPaint calls f once the browser has painted the next frame: a zero
// timeout set from a requestAnimationFrame callback runs after that frame's
// layout and paint. A hidden page paints no frames: f then runs after a
// zero timeout. f runs outside the UI goroutine: it must only touch the DOM.
func afterPaint(f func()) {
	win := app.Window()
	var tick, frame app.Func
	tick = app.FuncOf(func(app.Value, []app.Value) any {
		tick.Release()
		f()
		return nil
	})
	if win.Get("document").Get("visibilityState").String() != "visible" {
		win.Call("setTimeout", tick, 0)
		return
	}
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		win.Call("setTimeout", tick, 0)
		return nil
	})
	win.Call("requestAnimationFrame", frame)
}

// scrollToFirstCode scrolls the text panel, when it scrolls by itself (on
// wide screens), to the first highlighted code, so that a long mail shows
// what was found rather than its headers.
func scrollToFirstCode() {
	doc := app.Window().Get("document")
	panel := doc.Call("querySelector", ".text-scroll")
	mark := doc.Call("querySelector", `#highlighted-text mark[data-kind="reply_code"], #highlighted-text mark[data-kind="status"], #highlighted-text mark[data-kind="diagnostic"]`)
	if !panel.Truthy() || !mark.Truthy() || panel.Get("scrollHeight").Int() <= panel.Get("clientHeight").Int() {
		return
	}
	top := mark.Call("getBoundingClientRect").Get("top").Float() - panel.Call("getBoundingClientRect").Get("top").Float()
	panel.Set("scrollTop", panel.Get("scrollTop").Float()+top-60)
}

// decodeText decodes text into the state.
func (d *decoder) decodeText(text string) {
	d.input = text
	d.decoded = strings.TrimSpace(text) != ""
	d.report, d.err, d.active, d.loadErr = codes.Report{}, "", -1, ""
	if d.decoded {
		r, err := codes.Decode([]byte(text))
		d.report = r
		if err != nil {
			d.err = err.Error()
		}
	}
}

// onFile reads the file picked in the file input.
func (d *decoder) onFile(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if files.Truthy() && files.Length() > 0 {
		d.readFile(ctx, files.Index(0))
	}
	ctx.JSSrc().Set("value", "") // picking the same file again reads it again
}

// onDragOver lets files be dropped and shows the drop zone as active. The
// browser sends it many times a second while a file is dragged: only the
// first one redraws the page.
func (d *decoder) onDragOver(ctx app.Context, e app.Event) {
	files := hasFiles(e)
	if files {
		e.PreventDefault()
	}
	if !files || d.dragging {
		ctx.PreventUpdate()
		return
	}
	d.dragging = true
}

func (d *decoder) onDragLeave(ctx app.Context, e app.Event) {
	if !d.dragging {
		ctx.PreventUpdate()
	}
	d.dragging = false
}

// onDrop reads a dropped file. Dropped text is left to the paste area.
func (d *decoder) onDrop(ctx app.Context, e app.Event) {
	d.dragging = false
	if !hasFiles(e) {
		return
	}
	e.PreventDefault()
	d.readFile(ctx, e.Get("dataTransfer").Get("files").Index(0))
}

// hasFiles reports whether a drag event carries files.
func hasFiles(e app.Event) bool {
	dt := e.Get("dataTransfer")
	if !dt.Truthy() {
		return false
	}
	types := dt.Get("types")
	for i := 0; types.Truthy() && i < types.Length(); i++ {
		if types.Index(i).String() == "Files" {
			return true
		}
	}
	return false
}

// readFile reads at most codes.MaxInputSize+1 bytes of a File as bytes (a
// mail need not be UTF-8) and decodes them; Decode reports a file that is
// too large, with what it could read.
func (d *decoder) readFile(ctx app.Context, file app.Value) {
	name := file.Get("name").String()
	size := file.Get("size").Int()
	blob := file
	if size > codes.MaxInputSize {
		blob = file.Call("slice", 0, codes.MaxInputSize+1)
	}
	var onData, onErr app.Func
	release := func() {
		onData.Release()
		onErr.Release()
	}
	onData = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer release()
		arr := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, arr.Length())
		app.CopyBytesToGo(data, arr)
		ctx.Dispatch(func(ctx app.Context) {
			d.load(ctx, string(data))
			if size > codes.MaxInputSize {
				d.loadErr = name + " is " + strconv.Itoa(size) + " bytes: only the first " + strconv.Itoa(codes.MaxInputSize) + " were read."
			}
		})
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer release()
		ctx.Dispatch(func(ctx app.Context) {
			d.loadErr = "Could not read " + name + "."
		})
		return nil
	})
	blob.Call("arrayBuffer").Call("then", onData, onErr)
}

// earlyInput returns, once, what web/early.js kept of what was typed,
// pasted or dropped before the app mounted over the prerendered page: an
// object with text, file and query, or a falsy value.
func earlyInput() app.Value {
	win := app.Window()
	early := win.Get("bounceDecoderEarly")
	win.Set("bounceDecoderEarly", nil)
	return early
}

// takeEarlyInput decodes the text or file of earlyInput, if any.
func (d *decoder) takeEarlyInput(ctx app.Context) {
	early := earlyInput()
	if !early.Truthy() {
		return
	}
	if f := early.Get("file"); f.Truthy() {
		d.readFile(ctx, f)
		return
	}
	if text := early.Get("text").String(); strings.TrimSpace(text) != "" {
		ctx.Dispatch(func(ctx app.Context) { d.load(ctx, text) })
	}
}

// pick brings card i into view, and marks its highlights.
func (d *decoder) pick(ctx app.Context, i int) {
	d.active = i
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(cardID(i)); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "nearest"})
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// show brings the first highlight of card i into view.
func (d *decoder) show(ctx app.Context, i int) {
	d.active = i
	ctx.Defer(func(ctx app.Context) {
		m := app.Window().Get("document").Call("querySelector", `#highlighted-text mark[data-card="`+strconv.Itoa(i)+`"]`)
		if m.Truthy() {
			m.Call("scrollIntoView", map[string]any{"block": "center"})
			m.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// renderInput renders the paste area with its file picker.
func (d *decoder) renderInput(rows int) app.UI {
	zone := "dropzone"
	if d.dragging {
		zone += " dragging"
	}
	return app.Div().
		Class(zone).
		OnDragOver(d.onDragOver).
		OnDragLeave(d.onDragLeave).
		OnDrop(d.onDrop).
		Body(
			app.Label().For(inputID).Class("input-label").Text("Bounce message, SMTP reply or log line"),
			app.Textarea().
				ID(inputID).
				Name("ndr").
				Rows(rows).
				Spellcheck(false).
				Aria("describedby", "input-help").
				Placeholder(sampleReply).
				OnInput(d.onInput),
			app.P().ID("input-help").Class("input-help").Body(
				app.Text("Decoded as you type. Drop a .eml or .txt file here, or "),
				app.Label().For("file").Class("file-label").Text("open a file"),
				app.Input().
					Type("file").
					ID("file").
					Name("file").
					Class("file-input").
					Accept(".eml,.txt,.msg,.log,.json,message/rfc822,text/plain,application/json").
					OnChange(d.onFile),
				app.Text("."),
			),
		)
}

// problems returns the problems to list: Decode's error, then the report's.
func (d *decoder) problems() []string {
	var out []string
	if d.loadErr != "" {
		out = append(out, d.loadErr)
	}
	if d.err != "" {
		out = append(out, d.err)
	}
	for _, s := range d.report.Problems {
		if s != d.err {
			out = append(out, s)
		}
	}
	return out
}

// renderResult renders the verdict, the highlighted text (unless compact)
// and the cards; or the empty and "no bounce found" states.
func (d *decoder) renderResult(compact bool, extra app.UI) app.UI {
	r := d.report
	problems := d.problems()
	var body app.UI
	switch {
	case !d.decoded && d.loadErr == "":
		body = app.Div().Class("result-empty").DataSet("result", "empty").Body(
			app.P().Text("Nothing decoded yet. " + pasteHint),
		)
	case len(r.Recipients) == 0:
		body = app.Div().Class("result-none").DataSet("result", "none").Body(
			app.H2().Text("No bounce found"),
			app.If(r.Note != "", func() app.UI { return app.P().Class("note").Text(r.Note) }),
			app.P().Class("hint").Text(pasteHint),
		)
	default:
		cards := app.Div().Class("cards").OnClick(onShowInText(d.show)).Body(
			app.Range(r.Recipients).Slice(func(i int) app.UI {
				return &recipientCard{
					Recipient: r.Recipients[i],
					Index:     i,
					Active:    i == d.active,
					InText:    !compact,
				}
			}),
		)
		var text app.UI
		if !compact {
			text = app.Div().Class("text-panel").Body(
				app.H2().Class("panel-title").Text("The text, with what was found"),
				&legend{},
				app.Div().Class("text-scroll").Body(
					&highlightedText{Text: r.Text, Recipients: r.Recipients, Active: d.active, OnPick: d.pick},
				),
			)
		}
		body = app.Div().Class("result-found").DataSet("result", "found").DataSet("format", string(r.Format)).Body(
			&verdictBanner{Recipients: r.Recipients},
			extra,
			app.Div().Class("result-grid").Body(cards, text),
		)
	}
	return app.Section().
		ID("result").
		Class("result").
		Aria("live", "polite").
		Aria("label", "Result").
		Body(
			body,
			app.If(len(problems) > 0, func() app.UI {
				return app.Details().Class("problems").Body(
					app.Summary().Text(strconv.Itoa(len(problems))+" problem(s) found while reading"),
					app.Ul().Body(
						app.Range(problems).Slice(func(i int) app.UI {
							return app.Li().Text(problems[i])
						}),
					),
				)
			}),
		)
}
