//go:build !wasm

package main

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// The JavaScript API and embed tests run web/bounce-decoder.js,
// web/embed.js and web/embed-demo.html in headless Chromium, with the app
// served on one loopback origin (http://127.0.0.1:PORT) and the demo page,
// as a docs site would host it, on another (http://127.0.0.1:PORT2).
// Run them with
//
//	go test ./app -run TestJSAPIE2E
//
// They use the browser and server helpers of e2e_test.go.

// jsapiText is the API's first example: non-ASCII characters (two bytes,
// three bytes, four bytes: two UTF-16 units) before the codes, so that byte
// offsets and JavaScript string indices differ.
const jsapiText = "Fehler: Empfänger ✉ 📧 unbekannt. 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"

func TestJSAPIE2E(t *testing.T) {
	browser := startBrowser(t)
	web := buildTestWeb(t)
	jsapiBuildWasm(t, filepath.Join(web, "bounce-decoder.wasm"))
	s, err := loadSite(web, "")
	if err != nil {
		t.Fatal(err)
	}
	appSrv := startHTTP(t, newServer(s))
	docs := jsapiStartDocs(t, web, appSrv.url)
	if jsapiOrigin(docs) == jsapiOrigin(appSrv.url) {
		t.Fatalf("docs origin %s is the app's", docs)
	}

	t.Run("decode", func(t *testing.T) {
		tab := newTab(t, browser)
		jsapiOpenDemo(t, tab, appSrv.url+"/web/embed-demo.html", true)
		jsapiCheckText(t, tab, jsapiText)
		jsapiCheckText(t, tab, "550 5.1.1 <bob@example.com>: User unknown")

		eval[float64](t, tab, `window.__t0 = performance.now()`)
		got := eval[string](t, tab, `(() => {
  const out = [];
  try { BounceDecoder.decode(42); out.push("no throw"); } catch (e) { out.push(e.name); }
  const big = BounceDecoder.decode("x".repeat(16 * 1024 * 1024 + 1));
  out.push(big.error || "no error", String(big.recipients.length));
  const bytes = BounceDecoder.decode(new TextEncoder().encode("451 4.7.1 Greylisted, try again later"));
  out.push(bytes.recipients.length ? bytes.recipients[0].reply_code + " " + bytes.recipients[0].status : "none");
  const none = BounceDecoder.decode("hello, how are you?");
  out.push(String(none.bounce), String(none.recipients.length), "v" + BounceDecoder.version, String(BounceDecoder.loaded));
  return out.join("|");
})()`)
		want := "TypeError|" + codes.ErrTooLarge.Error() + "|0|451 4.7.1|false|0|v1|true"
		if got != want {
			t.Errorf("edge cases = %q, want %q", got, want)
		}
		// Decoding makes no request: the API loaded everything up front.
		// (The page's lazy iframes may load meanwhile: their documents
		// are left out.)
		if urls := eval[[]string](t, tab, `new Promise((ok) => setTimeout(() => ok(performance.getEntriesByType("resource")
  .filter((e) => e.startTime >= window.__t0 && e.initiatorType !== "iframe").map((e) => e.name)), 500))`); len(urls) != 0 {
			t.Errorf("decoding made %d requests: %q", len(urls), urls)
		}
		// The page's own use of the API: marks from the spans.
		jsapiWaitText(t, tab, `#api-result mark[data-kind="status"]`, "5.1.1")
		jsapiWaitText(t, tab, `#api-result mark[data-kind="reply_code"]`, "550")
		jsapiScreenshot(t, tab, "jsapi-demo-same-origin.png")

		// The demo shows decoded text as text, never as HTML.
		const xss = `550 5.1.1 <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> unknown user <b>bold</b>`
		xssJSON, _ := json.Marshal(xss)
		run(t, tab, chromedp.SetValue(chromedp.CSS(`#api-input`), xss), chromedp.Click(chromedp.CSS(`#api-decode`)))
		jsapiWaitText(t, tab, `#api-result mark[data-kind="status"]`, "5.1.1")
		if n := eval[int](t, tab, `document.querySelectorAll("#api-result img, #api-result script, #api-result b").length`); n != 0 {
			t.Errorf("%d elements made from the pasted text", n)
		}
		if got := eval[string](t, tab, `document.querySelector("#api-result .text").textContent`); got != eval[string](t, tab, `BounceDecoder.decode(`+string(xssJSON)+`).text`) || !strings.Contains(got, "<img src=x") {
			t.Errorf("shown text %q is not the report's text", got)
		}
		if v := eval[bool](t, tab, `window.__xss === undefined`); !v {
			t.Error("a script in the pasted text ran")
		}
		assertOnlySameOrigin(t, tab, appSrv.url)
		assertClean(t, tab)
	})

	t.Run("same-as-cli", func(t *testing.T) {
		tab := newTab(t, browser)
		jsapiOpenDemo(t, tab, appSrv.url+"/web/embed-demo.html", true)
		files := corpusFiles(t)
		recipients := 0
		for _, f := range files {
			recipients += jsapiCompareCLI(t, tab, f)
		}
		t.Logf("%d mails, %d recipients: the JavaScript API and the command line agree", len(files), recipients)

		// How long the API takes on the largest mail (median of 9).
		largest, size := "", int64(0)
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil && fi.Size() > size {
				largest, size = f, fi.Size()
			}
		}
		data, err := os.ReadFile(largest)
		if err != nil {
			t.Fatal(err)
		}
		ms := eval[float64](t, tab, fmt.Sprintf(`(() => {
  const b = Uint8Array.from(atob(%q), (c) => c.charCodeAt(0));
  const times = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    BounceDecoder.decode(b);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[4];
})()`, base64.StdEncoding.EncodeToString(data)))
		t.Logf("BounceDecoder.decode of the largest corpus mail (%s, %d bytes): %.1f ms (median of 9)", filepath.Base(largest), size, ms)
		assertClean(t, tab)
	})

	t.Run("static-subpath", func(t *testing.T) {
		// The static site under a sub-path: the API finds its wasm and
		// ../wasm_exec.js relative to its own URL.
		st, err := loadSite(web, "/decoder")
		if err != nil {
			t.Fatal(err)
		}
		dist := t.TempDir()
		if _, err := writeStaticSite(st, dist); err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("/decoder/", http.StripPrefix("/decoder", http.FileServer(http.Dir(dist))))
		srv := startHTTP(t, mux)
		tab := newTab(t, browser)
		jsapiOpenDemo(t, tab, srv.url+"/decoder/web/embed-demo.html", true)
		jsapiCheckText(t, tab, jsapiText)
		if src := attr(t, tab, `#widget-light iframe`, "src"); !strings.HasPrefix(src, srv.url+"/decoder/embed?theme=light#t=") {
			t.Errorf("iframe src = %q, want the sub-path's /decoder/embed", src)
		}
		assertOnlySameOrigin(t, tab, srv.url)
	})

	t.Run("api-cross-origin", func(t *testing.T) {
		if !jsapiCORS(t, appSrv.url+"/web/bounce-decoder.wasm", jsapiOrigin(docs)) {
			t.Skip("SKIP: the app server sends no Access-Control-Allow-Origin for /web/bounce-decoder.wasm, " +
				"so the JavaScript API cannot be loaded from another origin; app/server.go must allow it")
		}
		tab := newTab(t, browser)
		jsapiOpenDemo(t, tab, docs+"/embed-demo.html", true)
		jsapiCheckText(t, tab, jsapiText)
		jsapiScreenshot(t, tab, "jsapi-demo-cross-origin-api.png")
		assertClean(t, tab)
	})

	t.Run("embed", func(t *testing.T) {
		tab := newTab(t, browser)
		jsapiOpenDemo(t, tab, docs+"/embed-demo.html", false)

		// The iframes point at the app's /embed with the options.
		run(t, tab, chromedp.WaitReady(chromedp.CSS(`#widget-light iframe`)), chromedp.WaitReady(chromedp.CSS(`#widget-dark iframe`)))
		light := attr(t, tab, `#widget-light iframe`, "src")
		text := attr(t, tab, `#widget-light`, "data-text")
		prefix := appSrv.url + "/embed?theme=light#t="
		if !strings.HasPrefix(light, prefix) {
			t.Fatalf("light iframe src = %q, want %s...", light, prefix)
		}
		if got, err := jsapiFragmentText(strings.TrimPrefix(light, prefix)); err != nil || got != text {
			t.Errorf("fragment decodes to %q, %v; want the data-text %q", got, err, text)
		}
		if dark := attr(t, tab, `#widget-dark iframe`, "src"); dark != appSrv.url+"/embed?theme=dark" {
			t.Errorf("dark iframe src = %q, want %s", dark, appSrv.url+"/embed?theme=dark")
		}

		jsapiScreenshot(t, tab, "jsapi-demo-cross-origin.png")

		// A height message from any other window than the app's iframes
		// is ignored.
		before := attr(t, tab, `#widget-light iframe`, "style")
		eval[bool](t, tab, `(window.postMessage({type: "bounce-decoder:height", height: 4321}, "*"), new Promise((r) => setTimeout(() => r(true), 300)))`)
		if after := attr(t, tab, `#widget-light iframe`, "style"); after != before || strings.Contains(after, "4321") {
			t.Errorf("a message from the docs page itself resized the iframe: %s → %s", before, after)
		}

		if !jsapiHasRoute("/embed") {
			t.Skip("SKIP: the app has no /embed route yet (app/routes.go): the widget's content and resizing are not tested")
		}

		// Inside the light iframe (another site: its own target), the
		// app decodes the text from the fragment.
		const frame = `#widget-light iframe`
		jsapiFrameWait(t, tab, frame, `[data-ready="true"]`)
		jsapiFrameWait(t, tab, frame, `[data-reply-code="550"]`)
		if st := jsapiFrameAttrs(t, tab, frame, `[data-reply-code="550"]`)["data-status"]; st != "5.7.26" {
			t.Errorf("embedded card data-status = %q, want 5.7.26", st)
		}

		// The iframe takes the height the page reports, and then shows
		// the page without a scroll bar.
		deadline := time.Now().Add(e2eTimeout)
		for {
			h := attr(t, tab, `#widget-light iframe`, "data-height")
			inner := jsapiFrameProp[int](t, tab, frame, `html`, "scrollHeight")
			box := eval[int](t, tab, `Math.round(document.querySelector("#widget-light iframe").getBoundingClientRect().height)`)
			view := jsapiFrameProp[int](t, tab, frame, `html`, "clientHeight")
			if h != "" && fmt.Sprint(box) == h && inner <= view+1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("iframe not resized to its content: the last height /embed posted is %q, the iframe is %d px, its view %d px, its content %d px "+
					"(/embed must post its height again whenever its content changes)", h, box, view, inner)
			}
			time.Sleep(100 * time.Millisecond)
		}

		assertClean(t, tab)
	})
}

// jsapiBuildWasm builds the JavaScript API's WebAssembly file (app/jsapi)
// to dst, as the build does.
func jsapiBuildWasm(t *testing.T, dst string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-trimpath", "-tags", "platformcharsets", "-ldflags=-s -w", "-o", dst, "./jsapi")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building bounce-decoder.wasm: %v\n%s", err, out)
	}
}

// jsapiStartDocs serves the demo page as a docs site on another origin
// would: embed-demo.html with its script tags pointing at the app (what a
// docs author copies), and its own embed-demo.js and embed-demo.css.
func jsapiStartDocs(t *testing.T, web, appURL string) string {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(web, "embed-demo.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, f := range []string{"embed.js", "bounce-decoder.js"} {
		old := `<script src="` + f + `">`
		if !strings.Contains(html, old) {
			t.Fatalf("embed-demo.html has no %s", old)
		}
		html = strings.Replace(html, old, `<script src="`+appURL+"/web/"+f+`">`, 1)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/embed-demo.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, html)
	})
	for _, f := range []string{"embed-demo.js", "embed-demo.css"} {
		mux.HandleFunc("/"+f, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, filepath.Join(web, f))
		})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	// Another port is another origin. It is the same site, so that the
	// test reaches into the app's iframe (a cross-site iframe runs in a
	// process of its own, where chromedp's scripts do not answer).
	return "http://" + ln.Addr().String()
}

func jsapiOrigin(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return p.Scheme + "://" + p.Host
}

// jsapiOpenDemo opens the demo page and, if api is set, waits until its
// JavaScript API is ready.
func jsapiOpenDemo(t *testing.T, tab context.Context, u string, api bool) {
	t.Helper()
	run(t, tab, chromedp.Navigate(u))
	if !api {
		return
	}
	run(t, tab, chromedp.WaitReady(chromedp.CSS(`body[data-api-ready]`)))
	if ready := attr(t, tab, `body`, "data-api-ready"); ready != "true" {
		var status string
		ctx, cancel := context.WithTimeout(tab, e2eTimeout)
		defer cancel()
		status, _ = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#api-status`)))
		t.Fatalf("the JavaScript API did not start on %s: %s", u, status)
	}
}

// jsapiReport is what the API returns.
type jsapiReport struct {
	codes.Report
	Error string `json:"error"`
}

// jsapiDecode decodes input (a string, or bytes passed as a Uint8Array)
// with the API in tab; it returns the report and, for each recipient and
// span, the JavaScript slice report.text.slice(start, end).
func jsapiDecode(t *testing.T, tab context.Context, input any) (jsapiReport, [][]string) {
	t.Helper()
	var arg string
	switch v := input.(type) {
	case string:
		b, _ := json.Marshal(v)
		arg = string(b)
	case []byte:
		arg = fmt.Sprintf(`Uint8Array.from(atob(%q), (c) => c.charCodeAt(0))`, base64.StdEncoding.EncodeToString(v))
	}
	out := eval[string](t, tab, `(() => {
  const r = BounceDecoder.decode(`+arg+`);
  const slices = r.recipients.map((x) => x.spans.map((s) => r.text.slice(s.start, s.end)));
  return JSON.stringify({report: r, slices: slices});
})()`)
	var res struct {
		Report jsapiReport
		Slices [][]string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("API result: %v", err)
	}
	return res.Report, res.Slices
}

// jsonSlice is text[start:end] of a Go report as the API documents it in
// JavaScript: an offset inside a UTF-8 character moves to the start of that
// character, and each invalid UTF-8 byte reads as U+FFFD (as after JSON
// encoding). inside reports whether an offset was inside a character.
func jsonSlice(text string, start, end int) (slice string, inside bool) {
	if start < 0 || end > len(text) || start > end {
		return fmt.Sprintf("<bad span %d-%d of %d bytes>", start, end, len(text)), false
	}
	charStart := func(off int) int {
		for i := 0; i < len(text); {
			_, size := utf8.DecodeRuneInString(text[i:])
			if off < i+size {
				if off != i {
					inside = true
				}
				return i
			}
			i += size
		}
		return off
	}
	start, end = charStart(start), charStart(end)
	var b strings.Builder
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:end])
		b.WriteRune(r) // RuneError for an invalid byte, with size 1
		i += size
	}
	return b.String(), inside
}

// jsapiCheckText decodes text with the API and checks it against the Go
// decoder: the same report, and spans that slice the same tokens.
func jsapiCheckText(t *testing.T, tab context.Context, text string) {
	t.Helper()
	got, slices := jsapiDecode(t, tab, text)
	want, err := codes.Decode([]byte(text))
	if err != nil {
		t.Fatalf("codes.Decode: %v", err)
	}
	if got.Error != "" {
		t.Errorf("API error %q", got.Error)
	}
	if got.Text != want.Text {
		t.Errorf("report.text = %q, want %q", got.Text, want.Text)
	}
	if len(got.Recipients) == 0 {
		t.Fatalf("no recipient in %q", text)
	}
	r := got.Recipients[0]
	if r.ReplyCode != "550" || r.Status != "5.1.1" {
		t.Errorf("reply_code %q status %q, want 550 5.1.1", r.ReplyCode, r.Status)
	}
	kinds := map[codes.SpanKind]string{}
	for j, s := range r.Spans {
		kinds[s.Kind] = slices[0][j]
	}
	if kinds[codes.SpanReplyCode] != "550" || kinds[codes.SpanStatus] != "5.1.1" {
		t.Errorf("JavaScript slices of the spans = %q, want reply_code 550 and status 5.1.1", kinds)
	}
	jsapiCompare(t, text, &want, &got, slices)
}

// jsapiCompare checks that the API's report equals the Go report want, the
// spans compared by what they slice.
func jsapiCompare(t *testing.T, name string, want *codes.Report, got *jsapiReport, slices [][]string) {
	t.Helper()
	if len(got.Recipients) != len(want.Recipients) {
		t.Errorf("%s: %d recipients in JavaScript, %d in Go", name, len(got.Recipients), len(want.Recipients))
		return
	}
	for i := range want.Recipients {
		w, g := want.Recipients[i], got.Recipients[i]
		if len(w.Spans) != len(g.Spans) {
			t.Errorf("%s: recipient %d: %d spans in JavaScript, %d in Go", name, i, len(g.Spans), len(w.Spans))
			continue
		}
		for j, s := range w.Spans {
			ws, inside := jsonSlice(want.Text, s.Start, s.End)
			if inside {
				t.Logf("%s: recipient %d: the decoder's %s span %d-%d starts or ends inside a UTF-8 character", name, i, s.Kind, s.Start, s.End)
			}
			if g.Spans[j].Kind != s.Kind || slices[i][j] != ws {
				t.Errorf("%s: recipient %d span %d: JavaScript %s %q, Go %s %q", name, i, j, g.Spans[j].Kind, slices[i][j], s.Kind, ws)
			}
		}
	}
	// The rest must be equal as JSON values.
	strip := func(r codes.Report) codes.Report {
		r.File = ""
		rs := make([]codes.Recipient, len(r.Recipients))
		for i, x := range r.Recipients {
			x.Spans = nil
			rs[i] = x
		}
		r.Recipients = rs
		return r
	}
	var a, b any
	ja, _ := json.Marshal(strip(*want))
	jb, _ := json.Marshal(strip(got.Report))
	json.Unmarshal(ja, &a)
	json.Unmarshal(jb, &b)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: reports differ:\n JavaScript %.2000s\n Go         %.2000s", name, jb, ja)
	}
}

// jsapiCompareCLI decodes the file with the command line, in process
// (`bounce-decoder decode -`), and with the API from its raw bytes, and
// compares. It returns the number of recipients.
func jsapiCompareCLI(t *testing.T, tab context.Context, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runCLI([]string{"decode", "-"}, bytes.NewReader(data), &stdout, &stderr); code != 0 {
		t.Errorf("%s: decode - exited %d: %s", file, code, stderr.String())
	}
	var cli codes.Report
	if err := json.Unmarshal(stdout.Bytes(), &cli); err != nil {
		t.Fatalf("%s: command line JSON: %v", file, err)
	}
	// The command line's spans are byte offsets into the text before JSON
	// encoding: take them from the decoder it runs, after checking that
	// they are the ones it printed.
	want, _ := codes.Decode(data)
	want.File = cli.File
	if !reflect.DeepEqual(jsapiSpans(&cli), jsapiSpans(&want)) {
		t.Fatalf("%s: codes.Decode and the command line disagree on spans", file)
	}
	got, slices := jsapiDecode(t, tab, data)
	if got.Error != "" {
		t.Errorf("%s: API error %q", file, got.Error)
	}
	cli.Text = want.Text // the same string, with its invalid bytes intact
	jsapiCompare(t, filepath.Base(file), &cli, &got, slices)
	return len(got.Recipients)
}

func jsapiSpans(r *codes.Report) [][]codes.Span {
	var out [][]codes.Span
	for _, x := range r.Recipients {
		out = append(out, x.Spans)
	}
	return out
}

// jsapiScreenshot saves a full-page screenshot of tab as name in the
// directory $JSAPI_SCREENSHOTS, when set, to look at the pages.
func jsapiScreenshot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	dir := os.Getenv("JSAPI_SCREENSHOTS")
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(tab, e2eTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// jsapiWaitText waits until the element sel has the text want.
func jsapiWaitText(t *testing.T, tab context.Context, sel, want string) {
	t.Helper()
	run(t, tab, chromedp.WaitVisible(chromedp.CSS(sel)))
	ctx, cancel := context.WithTimeout(tab, e2eTimeout)
	defer cancel()
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s = %q, want %q", sel, got, want)
	}
}

// jsapiCORS reports whether u may be fetched by a page of origin.
func jsapiCORS(t *testing.T, u, origin string) bool {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Origin", origin)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, res.Status)
	}
	a := res.Header.Get("Access-Control-Allow-Origin")
	return a == "*" || a == origin
}

// jsapiHasRoute reports whether the app has a page at path p.
func jsapiHasRoute(p string) bool {
	for _, r := range routes() {
		if r.Path == p {
			return true
		}
	}
	return false
}

// jsapiFragmentText decodes the value of the #t= fragment: base64url
// (unpadded) of deflate-raw of UTF-8 text.
func jsapiFragmentText(v string) (string, error) {
	if i := strings.IndexByte(v, '&'); i >= 0 {
		v = v[:i]
	}
	z, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	return string(b), err
}

// jsapiFrameDo runs action in the document of the iframe iframeSel of tab
// (an iframe of the same site, in the page's process), retrying until it
// succeeds within e2eTimeout: the iframe may still be loading.
func jsapiFrameDo[T any](t *testing.T, tab context.Context, iframeSel string, action func(from chromedp.QueryOption) chromedp.Action[T]) T {
	t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for {
		ctx, cancel := context.WithTimeout(tab, 3*time.Second)
		v, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(iframeSel)))
		if err == nil && len(v) > 0 && v[0].ContentDocument != nil {
			var res T
			res, err = chromedp.Run(ctx, action(chromedp.FromNode(v[0])))
			if err == nil {
				cancel()
				return res
			}
		}
		cancel()
		if time.Now().After(deadline) {
			t.Fatalf("in the iframe %s: %v", iframeSel, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// jsapiFrameProp reads the JavaScript property name of the element sel in
// the iframe iframeSel.
func jsapiFrameProp[T any](t *testing.T, tab context.Context, iframeSel, sel, name string) T {
	t.Helper()
	return jsapiFrameDo(t, tab, iframeSel, func(from chromedp.QueryOption) chromedp.Action[T] {
		return chromedp.JavascriptAttribute[T](chromedp.CSS(sel), name, from)
	})
}

// jsapiFrameAttrs returns the attributes of the element sel in the iframe
// iframeSel.
func jsapiFrameAttrs(t *testing.T, tab context.Context, iframeSel, sel string) map[string]string {
	t.Helper()
	return jsapiFrameDo(t, tab, iframeSel, func(from chromedp.QueryOption) chromedp.Action[map[string]string] {
		return chromedp.Attributes(chromedp.CSS(sel), from)
	})
}

// jsapiFrameWait waits until the element sel is in the iframe iframeSel.
func jsapiFrameWait(t *testing.T, tab context.Context, iframeSel, sel string) {
	t.Helper()
	jsapiFrameDo(t, tab, iframeSel, func(from chromedp.QueryOption) chromedp.Action[[]*chromedp.Node] {
		return chromedp.Nodes(chromedp.CSS(sel), from)
	})
}

// jsapiStubEmbed is a stand-in for the app's /embed page that does only
// what embed.js's contract asks of it: read the text from #t= and the
// theme from ?theme=, and post its height to the parent.
const jsapiStubEmbed = `<!doctype html><html><head><meta charset="utf-8"></head>
<body><pre id="text"></pre><div id="filler"></div>
<script>
(async () => {
  const t = new URLSearchParams(location.hash.slice(1)).get("t");
  let text = "";
  if (t) {
    const bin = Uint8Array.from(atob(t.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    text = await new Response(new Blob([bin]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text();
  }
  document.getElementById("text").textContent = text;
  const theme = new URLSearchParams(location.search).get("theme") || "";
  document.body.dataset.theme = theme;
  document.getElementById("filler").style.height = (theme === "dark" ? 1234 : 567) + "px";
  const height = Math.ceil(document.body.getBoundingClientRect().height) + 16;
  document.body.dataset.posted = String(height);
  document.body.dataset.done = "true";
  parent.postMessage({type: "bounce-decoder:height", height: height}, "*");
})();
</script></body></html>`

// TestJSAPIE2EEmbedContract checks web/embed.js against jsapiStubEmbed
// served under a sub-path of another origin: the iframe URL, the text through
// the fragment (non-ASCII, several lines, HTML-like), the theme and the
// height. It needs no app build.
func TestJSAPIE2EEmbedContract(t *testing.T) {
	browser := startBrowser(t)
	web := "../web"
	const text = "Fehler: Empfänger ✉ 📧 <img src=x onerror=alert(1)>\r\n550 5.1.1 <bob@example.com>: User unknown & gone"
	mux := http.NewServeMux()
	mux.HandleFunc("/tools/bounce/web/embed.js", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(web, "embed.js"))
	})
	mux.HandleFunc("/tools/bounce/embed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, jsapiStubEmbed)
	})
	app := startHTTP(t, mux)
	attrText := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#13;", "\n", "&#10;").Replace(text)
	page := `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<div id="a" data-bounce-decoder data-text="` + attrText + `"></div>
<div id="b" data-bounce-decoder data-theme="dark" data-title="Decoder, dark"></div>
<div id="c" data-bounce-decoder data-theme="purple"></div>
<script src="` + app.url + `/tools/bounce/web/embed.js"></script>
</body></html>`
	docsMux := http.NewServeMux()
	docsMux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	docsSrv := &http.Server{Handler: docsMux}
	go docsSrv.Serve(ln)
	t.Cleanup(func() { docsSrv.Close() })
	_, port, _ := net.SplitHostPort(ln.Addr().String())

	tab := newTab(t, browser)
	run(t, tab, chromedp.Navigate("http://127.0.0.1:"+port+"/"))
	for _, id := range []string{"a", "b", "c"} {
		run(t, tab, chromedp.WaitReady(chromedp.CSS(`#`+id+`[data-bounce-decoder-ready="true"] iframe`)))
	}
	base := app.url + "/tools/bounce/embed"
	if src := attr(t, tab, `#a iframe`, "src"); !strings.HasPrefix(src, base+"#t=") {
		t.Errorf("iframe a src = %q, want %s#t=...", src, base)
	}
	if src := attr(t, tab, `#b iframe`, "src"); src != base+"?theme=dark" {
		t.Errorf("iframe b src = %q, want %s?theme=dark", src, base)
	}
	if src := attr(t, tab, `#c iframe`, "src"); src != base {
		t.Errorf("iframe c src = %q, want %s (an unknown theme is dropped)", src, base)
	}
	if title := attr(t, tab, `#b iframe`, "title"); title != "Decoder, dark" {
		t.Errorf("iframe b title = %q", title)
	}
	if title := attr(t, tab, `#a iframe`, "title"); title != "Bounce decoder" {
		t.Errorf("iframe a title = %q", title)
	}

	jsapiFrameWait(t, tab, `#a iframe`, `body[data-done="true"]`)
	if got := jsapiFrameProp[string](t, tab, `#a iframe`, `#text`, "textContent"); got != text {
		t.Errorf("text in the iframe = %q, want %q", got, text)
	}
	if got := jsapiFrameAttrs(t, tab, `#b iframe`, `body`)["data-theme"]; got != "dark" {
		t.Errorf("theme in the iframe = %q, want dark", got)
	}
	for _, sel := range []string{"#a iframe", "#b iframe"} {
		jsapiFrameWait(t, tab, sel, `body[data-done="true"]`)
		posted := jsapiFrameAttrs(t, tab, sel, `body`)["data-posted"]
		var want int
		if _, err := fmt.Sscan(posted, &want); err != nil || want <= 420 {
			t.Fatalf("%s: posted height %q, want a number over the initial 420", sel, posted)
		}
		deadline := time.Now().Add(e2eTimeout)
		for {
			box := eval[int](t, tab, `Math.round(document.querySelector("`+sel+`").getBoundingClientRect().height)`)
			if box == want && attr(t, tab, sel, "data-height") == fmt.Sprint(want) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s is %d px high (data-height %q), want the posted %d px", sel, box, attr(t, tab, sel, "data-height"), want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	// Scanning again adds no second iframe.
	if n := eval[int](t, tab, `(BounceDecoderEmbed.scan(), document.querySelectorAll("iframe").length)`); n != 3 {
		t.Errorf("%d iframes after a second scan, want 3", n)
	}
	assertClean(t, tab)
}
