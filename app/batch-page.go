package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The batch page decodes a whole mailbox or mail log in the browser. Work is
// done in slices of batchSlice on the UI goroutine; between slices the page
// returns to the browser for batchYield (ctx.After), which repaints and
// handles the cancel button. (A 1 ms pause let frames paint but starved
// other browser tasks such as DevTools protocol calls; 10 ms does not.) Only the rows of failed recipients and the summary are kept; the
// reports are dropped once counted, and the one a user opens is decoded again
// from its byte range (codes.Batch.Reread).

const (
	batchSlice    = 50 * time.Millisecond // decoding time between two repaints
	batchYield    = 10 * time.Millisecond // pause given back to the browser after each slice
	batchTableMax = 500                   // rows rendered in the table; the export has them all
	batchChartMax = 8                     // bars per chart
	batchShareMax = 256 << 10             // largest text linked to the decoder page (it travels in the URL fragment)
)

// batchFile is one dropped or picked file.
type batchFile struct {
	name  string
	size  int
	batch *codes.Batch // nil when the file could not be read at all
	err   string
}

// batchPage is the page at "/batch".
type batchPage struct {
	app.Compo

	ready    bool
	state    string // "idle", "reading", "running", "done", "cancelled"
	run      int    // number of the current run; steps of older runs stop
	files    []*batchFile
	cur      int // file being decoded
	total    int // bytes of all files
	finished int // bytes of the files already decoded
	doneAt   int // bytes decoded, for the progress bar
	started  time.Time
	elapsed  time.Duration
	lastTop  time.Time
	mem      uint64 // memory obtained by the Go runtime when the run ended (the wasm heap in the browser)
	memLimit int64  // the Go memory limit before the run, restored after it
	messages []string

	col  codes.Collector // counts and rows, as the items come
	rows []codes.Row     // the collected rows, when the run ends
	tops batchTops

	filter   string
	verdict  string // "", "permanent", "temporary", "remove"
	sortKey  string
	sortDesc bool
	view     []int // rows shown, filtered and sorted

	open       int // row opened in the decoder view, -1 for none
	openReport codes.Report
}

// batchTops are the bars of the charts.
type batchTops struct {
	reasons, providers, domains []codes.BatchCount
}

func newBatchPage() *batchPage { return &batchPage{state: "idle", open: -1} }

func (p *batchPage) OnMount(ctx app.Context) {
	p.ready = true
}

func (p *batchPage) OnDismount() {
	p.run++ // stop a running decode
	if p.memLimit != 0 {
		debug.SetMemoryLimit(p.memLimit)
		p.memLimit = 0
	}
}

// reset forgets the previous run.
func (p *batchPage) reset() {
	p.run++
	p.files, p.cur, p.total, p.finished, p.doneAt = nil, 0, 0, 0, 0
	p.messages = nil
	p.col, p.rows, p.tops, p.view = codes.Collector{}, nil, batchTops{}, nil
	p.open, p.openReport = -1, codes.Report{}
	p.elapsed = 0
}

// onPick reads the files chosen in the file input.
func (p *batchPage) onPick(ctx app.Context, e app.Event) {
	p.read(ctx, ctx.JSSrc().Get("files"))
}

// onDragOver lets files be dropped. The browser sends it many times a
// second while a file is dragged: it redraws nothing.
func (p *batchPage) onDragOver(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	e.PreventDefault()
}

func (p *batchPage) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.read(ctx, e.Get("dataTransfer").Get("files"))
}

// read reads the files of a FileList into memory (see batchReadBlob), then
// starts decoding.
// A file over codes.MaxBatchSize is read up to the limit only.
func (p *batchPage) read(ctx app.Context, list app.Value) {
	n := list.Length()
	if n == 0 {
		return
	}
	p.reset()
	p.state = "reading"
	run := p.run
	files := make([]*batchFile, n)
	pending := n
	for i := 0; i < n; i++ {
		f := list.Index(i)
		bf := &batchFile{name: batchUniqueName(files[:i], f.Get("name").String()), size: f.Get("size").Int()}
		files[i] = bf
		blob := f
		if bf.size > codes.MaxBatchSize {
			blob = f.Call("slice", 0, codes.MaxBatchSize+1)
		}
		batchReadBlob(blob, min(bf.size, codes.MaxBatchSize+1), func(data []byte, err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if run != p.run {
					return
				}
				if err != nil {
					bf.err = err.Error()
				} else {
					var berr error
					if bf.batch, berr = codes.NewBatch(data, ""); berr != nil {
						bf.err = berr.Error()
					}
				}
				if pending--; pending == 0 {
					p.start(ctx, files)
				}
			})
		})
	}
}

// batchUniqueName returns name, with a number added when a file before has
// it already: rows name their file.
func batchUniqueName(files []*batchFile, name string) string {
	taken := func(n string) bool {
		for _, f := range files {
			if f.name == n {
				return true
			}
		}
		return false
	}
	for i, n := 2, name; ; i++ {
		if !taken(n) {
			return n
		}
		n = fmt.Sprintf("%s (%d)", name, i)
	}
}

// fileNamed returns the file of that name, or nil.
func (p *batchPage) fileNamed(name string) *batchFile {
	for _, f := range p.files {
		if f.name == name {
			return f
		}
	}
	return nil
}

// start decodes the files read.
func (p *batchPage) start(ctx app.Context, files []*batchFile) {
	p.files = files
	for _, f := range files {
		if f.batch != nil {
			p.total += len(f.batch.Data())
		}
		if f.err != "" {
			p.messages = append(p.messages, f.name+": "+f.err)
		}
	}
	p.state, p.started = "running", time.Now()
	// Keep the heap near twice the input (the input itself, the rows and
	// the garbage of decoding): the wasm memory never shrinks.
	p.memLimit = debug.SetMemoryLimit(int64(p.total)*2 + 32<<20)
	run := p.run
	ctx.After(0, func(ctx app.Context) { p.step(ctx, run) })
}

// step decodes items for batchSlice, then yields to the browser.
func (p *batchPage) step(ctx app.Context, run int) {
	if run != p.run || p.state != "running" {
		return
	}
	deadline := time.Now().Add(batchSlice)
	for p.cur < len(p.files) && time.Now().Before(deadline) {
		f := p.files[p.cur]
		if f.batch == nil {
			p.cur++
			continue
		}
		it, ok := f.batch.Next()
		if !ok {
			p.finished += len(f.batch.Data())
			p.cur++
			continue
		}
		p.col.Add(f.name, it)
		if it.Err != nil && len(p.messages) < 20 {
			p.messages = append(p.messages, fmt.Sprintf("%s, item %d: %v", f.name, it.Index, it.Err))
		}
	}
	p.doneAt = p.finished
	if p.cur < len(p.files) && p.files[p.cur].batch != nil {
		p.doneAt += p.files[p.cur].batch.Offset()
	}
	p.elapsed = time.Since(p.started)
	if p.cur >= len(p.files) {
		p.finish("done")
		return
	}
	if time.Since(p.lastTop) > 300*time.Millisecond {
		p.updateTops()
	}
	ctx.After(batchYield, func(ctx app.Context) { p.step(ctx, run) })
}

// finish ends a run, complete or cancelled, and builds the table.
func (p *batchPage) finish(state string) {
	p.state = state
	p.elapsed = time.Since(p.started)
	if state == "done" {
		p.doneAt = p.total
	}
	p.rows = p.col.Rows()
	p.updateTops()
	p.updateView()
	if p.memLimit != 0 {
		debug.SetMemoryLimit(p.memLimit)
		p.memLimit = 0
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p.mem = ms.Sys
}

func (p *batchPage) onCancel(ctx app.Context, e app.Event) {
	if p.state == "running" {
		p.run++
		p.finish("cancelled")
	}
}

func (p *batchPage) updateTops() {
	p.lastTop = time.Now()
	p.tops = batchTops{
		reasons:   codes.TopCounts(p.col.Summary.ByReason, batchChartMax),
		providers: codes.TopCounts(p.col.Summary.ByProvider, batchChartMax),
		domains:   codes.TopCounts(p.col.Summary.ByDomain, batchChartMax),
	}
}

// updateView filters and sorts the rows for the table.
func (p *batchPage) updateView() {
	q := strings.ToLower(strings.TrimSpace(p.filter))
	p.view = p.view[:0]
	for i, r := range p.rows {
		switch p.verdict {
		case "permanent", "temporary":
			if string(r.Verdict) != p.verdict {
				continue
			}
		case "remove":
			if !r.HardBounce {
				continue
			}
		}
		if q != "" && !batchRowMatches(r, q) {
			continue
		}
		p.view = append(p.view, i)
	}
	if p.sortKey != "" {
		key, desc := p.sortKey, p.sortDesc
		sort.SliceStable(p.view, func(a, b int) bool {
			x, y := batchSortValue(p.rows[p.view[a]], key), batchSortValue(p.rows[p.view[b]], key)
			if desc {
				return x > y
			}
			return x < y
		})
	}
}

// batchRowMatches reports whether the lower-case query q occurs in a
// column of r.
func batchRowMatches(r codes.Row, q string) bool {
	for _, s := range [...]string{r.Recipient, r.Domain, string(r.Reason), r.Provider, r.Status, r.ReplyCode, r.Summary, r.Diagnostic, r.File} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// batchSortValue returns the value of column key of r, for sorting.
func batchSortValue(r codes.Row, key string) string {
	switch key {
	case "mail":
		return fmt.Sprintf("%s\x00%012d", r.File, r.Mail)
	case "recipient":
		return strings.ToLower(r.Recipient)
	case "domain":
		return r.Domain
	case "verdict":
		v := string(r.Verdict)
		if r.HardBounce {
			v = "permanent remove"
		}
		return v
	case "code":
		return r.ReplyCode + " " + r.Status
	case "reason":
		return string(r.Reason)
	case "provider":
		return r.Provider
	}
	return ""
}

func (p *batchPage) onFilter(ctx app.Context, e app.Event) {
	p.filter = ctx.JSSrc().Get("value").String()
	p.updateView()
}

func (p *batchPage) onVerdict(ctx app.Context, e app.Event) {
	p.verdict = ctx.JSSrc().Get("value").String()
	p.updateView()
}

// sortBy sorts the table by the column key, or reverses the order when it
// is sorted by key already.
func (p *batchPage) sortBy(key string) {
	if p.sortKey == key {
		p.sortDesc = !p.sortDesc
	} else {
		p.sortKey, p.sortDesc = key, false
	}
	p.updateView()
}

// onTableClick sorts by the column whose header button was clicked, or
// opens the row clicked; onTableKey opens the row focused, on Enter or
// Space. The table is markup (see tableMarkup): its clicks and keys are
// handled around it.
func (p *batchPage) onTableClick(ctx app.Context, e app.Event) {
	if key, ok := closestAttr(e, "button[data-sort]", "data-sort"); ok {
		p.sortBy(key)
		return
	}
	if i := closestIndex(e, "tr[data-row]", "data-row"); i >= 0 {
		p.openRow(ctx, i)
	}
}

func (p *batchPage) onTableKey(ctx app.Context, e app.Event) {
	if k := e.Get("key").String(); k != "Enter" && k != " " {
		return
	}
	// a header button handles its keys itself, as a click
	if i := closestIndex(e, "tr[data-row]", "data-row"); i >= 0 {
		e.PreventDefault()
		p.openRow(ctx, i)
	}
}

// openRow opens row i in the decoder view below the table.
func (p *batchPage) openRow(ctx app.Context, i int) {
	if i < 0 || i >= len(p.rows) {
		return
	}
	r := p.rows[i]
	f := p.fileNamed(r.File)
	if f == nil || f.batch == nil {
		return
	}
	p.open, p.openReport = i, f.batch.Reread(r.Start, r.End)
	ctx.Defer(func(ctx app.Context) {
		open := app.Window().GetElementByID("batch-open")
		if !open.Truthy() {
			return
		}
		open.Call("scrollIntoView")
		// Focus follows: the row opened from the keyboard is redrawn with
		// the table (aria-current), and its focus would fall to the page.
		open.Call("focus", map[string]any{"preventScroll": true})
		// bring the first highlight into the text box's view
		pre := open.Call("querySelector", "pre")
		mark := open.Call("querySelector", "pre mark")
		if pre.Truthy() && mark.Truthy() {
			pre.Set("scrollTop", mark.Get("offsetTop").Int()-pre.Get("offsetTop").Int()-48)
		}
	})
}

// viewRows returns the rows shown in the table, filtered and sorted.
func (p *batchPage) viewRows() []codes.Row {
	out := make([]codes.Row, len(p.view))
	for i, j := range p.view {
		out[i] = p.rows[j]
	}
	return out
}

func (p *batchPage) onExport(kind string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		var buf bytes.Buffer
		switch kind {
		case "csv":
			codes.WriteCSV(&buf, p.viewRows())
			batchDownload("bounces.csv", "text/csv;charset=utf-8", buf.Bytes())
		case "json":
			codes.WriteJSON(&buf, p.viewRows())
			batchDownload("bounces.json", "application/json", buf.Bytes())
		case "remove":
			for _, a := range p.col.Summary.AddressesToRemove() {
				buf.WriteString(a)
				buf.WriteByte('\n')
			}
			batchDownload("addresses-to-remove.txt", "text/plain;charset=utf-8", buf.Bytes())
		}
	}
}

// batchDownload offers data as a file download, through a Blob URL made in
// the browser: nothing is sent anywhere.
func batchDownload(name, mime string, data []byte) {
	win := app.Window()
	u8 := win.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	parts := win.Get("Array").New()
	parts.Call("push", u8)
	opts := win.Get("Object").New()
	opts.Set("type", mime)
	blob := win.Get("Blob").New(parts, opts)
	url := win.Get("URL").Call("createObjectURL", blob)
	a := win.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	win.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	go func() {
		time.Sleep(time.Minute)
		win.Get("URL").Call("revokeObjectURL", url)
	}()
}

func (p *batchPage) Render() app.UI {
	return app.Div().
		Class("page").
		DataSet("ready", p.ready).
		Body(
			&navBar{Current: "/batch"},
			app.Main().Class("batch-page").Body(
				app.H1().Text("Batch: a whole mailbox or mail log"),
				app.P().Class("lead").Text("Drop a mailbox (mbox), several .eml files, a Postfix, Exim, Sendmail or qmail log, "+
					"a CSV export (Microsoft 365 / Exchange message trace, PowerMTA accounting file, a sending service's bounce list), webhook events (JSON) or the mail queue (mailq), plain or gzip-compressed. It is decoded in your browser: nothing leaves this page."),
				p.renderInput(),
				p.renderProgress(),
				app.If(len(p.messages) > 0, func() app.UI {
					return app.Ul().Class("problems batch-messages").Body(
						app.Range(p.messages).Slice(func(i int) app.UI { return app.Li().Text(p.messages[i]) }),
					)
				}),
				app.If(p.state != "idle" && p.state != "reading", p.renderSummary),
				app.If(p.state == "done" || p.state == "cancelled", p.renderTable),
				app.If(p.open >= 0, p.renderOpen),
			),
		)
}

func (p *batchPage) renderInput() app.UI {
	return app.Div().Class("batch-drop").
		OnDragOver(p.onDragOver).
		OnDrop(p.onDrop).
		Body(
			app.Label().For("batch-files").Text("Choose files or drop them here"),
			app.Input().
				ID("batch-files").
				Type("file").
				Multiple(true).
				Accept(".mbox,.mbx,.eml,.txt,.log,.csv,.json,.ndjson,.jsonl,.gz,.bz2,text/plain,message/rfc822,application/mbox,text/csv,application/json,application/gzip").
				OnChange(p.onPick),
		)
}

func (p *batchPage) renderProgress() app.UI {
	if p.state == "idle" {
		return app.Div().Class("batch-progress").DataSet("batch-state", p.state)
	}
	pct := 0.0
	if p.total > 0 {
		pct = 100 * float64(p.doneAt) / float64(p.total)
	}
	status := ""
	switch p.state {
	case "reading":
		status = "Reading the files…"
	case "running":
		status = fmt.Sprintf("Decoding… %.0f%% (%d items)", pct, p.col.Summary.Items)
	case "done":
		status = fmt.Sprintf("Decoded %d items (%s) in %s, %s.", p.col.Summary.Items, batchBytes(p.total), p.elapsed.Round(time.Millisecond), batchRate(p.doneAt, p.elapsed))
		if n := p.col.Superseded; n > 0 {
			status += fmt.Sprintf(" %d earlier log events were replaced by a later event of the same message and recipient.", n)
		}
	case "cancelled":
		status = fmt.Sprintf("Cancelled after %d items (%.0f%% of the input). What was decoded is kept.", p.col.Summary.Items, pct)
	}
	return app.Div().Class("batch-progress").DataSet("batch-state", p.state).DataSet("batch-mem", p.mem).Body(
		app.Progress().ID("batch-progress").Max(100).Value(int(pct)),
		app.Span().Class("batch-status").Aria("live", "polite").Text(status),
		app.If(p.state == "running", func() app.UI {
			return app.Button().Class("batch-cancel").DataSet("batch-cancel", true).Text("Cancel").OnClick(p.onCancel)
		}),
	)
}

// batchBytes formats a size in bytes.
func batchBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return strconv.Itoa(n) + " bytes"
}

// batchRate formats a throughput.
func batchRate(n int, d time.Duration) string {
	if d <= 0 {
		return "instantly"
	}
	return fmt.Sprintf("%.1f MB/s", float64(n)/(1<<20)/d.Seconds())
}

func (p *batchPage) renderSummary() app.UI {
	s := p.col.Summary
	count := func(key, label string, n int, class string) app.UI {
		return app.Div().Class("batch-count "+class).DataSet("batch-count-"+key, n).Body(
			app.Span().Class("batch-count-n").Text(strconv.Itoa(n)),
			app.Span().Class("batch-count-label").Text(label),
		)
	}
	return app.Section().Class("batch-summary").Aria("label", "Summary").
		DataSet("batch-items", s.Items).
		Body(
			app.Div().Class("batch-counts").Body(
				count("items", "items read", s.Items, ""),
				count("failed", "failed recipients", s.Failed, ""),
				count("permanent", "permanent", s.Permanent, "is-permanent"),
				count("temporary", "temporary", s.Temporary, "is-temporary"),
				count("remove", "addresses to remove", len(p.col.Summary.AddressesToRemove()), "is-remove"),
				count("delivered", "delivered", s.Delivered, ""),
				count("other", "feedback, auto-replies", s.Other, ""),
				count("not-bounces", "not bounces", s.NotBounce, ""),
			),
			app.Div().Class("batch-charts").Body(
				&batchChart{Title: "By reason", Hook: "reason", Counts: p.tops.reasons, Total: s.Failed},
				&batchChart{Title: "By provider", Hook: "provider", Counts: p.tops.providers, Total: s.Failed, Empty: "unknown"},
				&batchChart{Title: "By recipient domain", Hook: "domain", Counts: p.tops.domains, Total: s.Failed, Empty: "no domain"},
			),
		)
}

func (p *batchPage) renderTable() app.UI {
	shown := p.view
	if len(shown) > batchTableMax {
		shown = shown[:batchTableMax]
	}
	return app.Section().Class("batch-results").Aria("label", "Failed recipients").Body(
		app.Div().Class("batch-tools").Body(
			app.Input().Type("search").ID("batch-filter").Placeholder("Filter: address, domain, reason, code…").
				Aria("label", "Filter the table").Value(p.filter).OnInput(p.onFilter),
			app.Select().ID("batch-verdict").Aria("label", "Verdict").OnChange(p.onVerdict).Body(
				app.Option().Value("").Text("All failures").Selected(p.verdict == ""),
				app.Option().Value("permanent").Text("Permanent").Selected(p.verdict == "permanent"),
				app.Option().Value("temporary").Text("Temporary").Selected(p.verdict == "temporary"),
				app.Option().Value("remove").Text("Remove address").Selected(p.verdict == "remove"),
			),
			app.Button().DataSet("batch-export", "csv").Text("Export CSV").OnClick(p.onExport("csv")),
			app.Button().DataSet("batch-export", "json").Text("Export JSON").OnClick(p.onExport("json")),
			app.Button().DataSet("batch-export", "remove").Text("Addresses to remove").OnClick(p.onExport("remove")),
		),
		app.P().Class("batch-shown").DataSet("batch-shown", len(p.view)).Text(p.shownText(len(shown))),
		app.Div().Class("batch-table-wrap").OnClick(p.onTableClick).OnKeyDown(p.onTableKey).Body(
			app.Raw(p.tableMarkup(shown)),
		),
	)
}

func (p *batchPage) shownText(shown int) string {
	switch {
	case len(p.rows) == 0:
		return "No failed recipient."
	case shown < len(p.view):
		return fmt.Sprintf("Showing the first %d of %d matching rows (%d in all); the exports have every matching row.", shown, len(p.view), len(p.rows))
	}
	return fmt.Sprintf("%d of %d rows.", len(p.view), len(p.rows))
}

// batchColumns are the table's columns: the sort key ("" for none) and the
// header.
var batchColumns = [...]struct{ key, label string }{
	{"mail", "Item"}, {"recipient", "Recipient"}, {"verdict", "Verdict"}, {"code", "Code"},
	{"reason", "Reason"}, {"provider", "Provider"}, {"", "Summary"},
}

// tableMarkup writes the table of the rows of p.rows at the indexes shown
// as markup (see markup): up to batchTableMax rows of 15 nodes each. As
// go-app elements, each row with its own click handler, drawing them was
// the longest frame of a 50 MB batch, 0.4 s (now 0.2-0.27 s). A whole
// table, because the HTML parser drops a tbody or a tr outside of one.
func (p *batchPage) tableMarkup(shown []int) string {
	var m markup
	m.open("table", "class", "batch-table")
	m.open("thead")
	m.open("tr")
	for _, c := range batchColumns {
		if c.key == "" {
			m.elem("th", c.label, "scope", "col")
			continue
		}
		sort := "none"
		if p.sortKey == c.key {
			sort = "ascending"
			if p.sortDesc {
				sort = "descending"
			}
		}
		m.open("th", "scope", "col", "aria-sort", sort)
		m.elem("button", c.label, "type", "button", "class", "batch-sort", "data-sort", c.key)
		m.close("th")
	}
	m.close("tr")
	m.close("thead")
	m.open("tbody")
	for _, i := range shown {
		r := p.rows[i]
		verdict, class := "Temporary", "is-temporary"
		if r.Permanent || r.Verdict == codes.VerdictPermanent {
			verdict, class = "Permanent", "is-permanent"
		}
		if r.HardBounce {
			verdict, class = "Remove address", "is-remove"
		}
		code := strings.TrimSpace(r.ReplyCode + " " + r.Status)
		item := strconv.Itoa(r.Mail)
		if len(p.files) > 1 {
			item = r.File + " #" + item
		}
		attrs := []string{"data-recipient", r.Recipient, "data-row", strconv.Itoa(i),
			"data-verdict", string(r.Verdict), "data-remove", strconv.FormatBool(r.HardBounce),
			"data-reason", string(r.Reason), "class", class, "tabindex", "0"}
		if i == p.open {
			attrs = append(attrs, "aria-current", "true")
		}
		m.open("tr", attrs...)
		m.elem("td", item)
		m.elem("td", orDash(r.Recipient), "class", "batch-rcpt")
		m.elem("td", verdict)
		m.elem("td", orDash(code), "class", "batch-code")
		m.elem("td", orDash(string(r.Reason)))
		m.elem("td", orDash(r.Provider))
		m.elem("td", orDash(r.Summary), "class", "batch-sum")
		m.close("tr")
	}
	m.close("tbody")
	m.close("table")
	return m.String()
}

func (p *batchPage) renderOpen() app.UI {
	r := p.rows[p.open]
	rep := p.openReport
	link := ""
	if len(rep.Text) <= batchShareMax {
		link = href("/") + "#" + encodeShare(rep.Text)
	}
	return app.Section().ID("batch-open").Class("batch-open").
		TabIndex(-1).
		DataSet("open-recipient", r.Recipient).
		Aria("label", "Opened bounce").
		Body(
			app.Div().Class("batch-open-head").Body(
				app.H2().Text(fmt.Sprintf("%s, item %d", r.File, r.Mail)),
				app.If(link != "", func() app.UI {
					return app.A().Class("batch-open-link").Href(link).Target("_blank").Rel("noopener").
						Text("Open in the decoder")
				}),
			),
			&legend{},
			&highlightedText{Text: rep.Text, Recipients: rep.Recipients, Active: -1},
			app.Range(rep.Recipients).Slice(func(i int) app.UI {
				return &recipientCard{Recipient: rep.Recipients[i], Index: i}
			}),
		)
}
