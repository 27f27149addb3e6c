//go:build !wasm

package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The decoder page, the reference pages and the embed page in headless
// Chromium, on the local server (see e2e_test.go for the harness). Run
// them with
//
//	go test ./app -run TestUIE2E
//
// wantExample is what decoding each example must show on its first card.
var wantExample = map[string]struct{ reply, status, verdict string }{
	"gmail-5.7.26":         {"550", "5.7.26", "permanent"},
	"microsoft-5.7.708":    {"550", "5.7.708", "permanent"},
	"yahoo-tss04":          {"421", "4.7.0", "temporary"},
	"postfix-user-unknown": {"550", "5.1.1", "remove"},
	"greylisting-451":      {"451", "4.7.1", "temporary"},
	"mailbox-full":         {"552", "5.2.2", "temporary"},
	"multipart-dsn":        {"550", "5.1.1", "remove"},
	"webhook-json":         {"550", "5.1.1", "remove"},
	"postfix-mailq":        {"421", "4.7.28", "temporary"},
}

// requestLog records the URL of every request a tab makes, from the
// browser's network events.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	u := l.urls
	l.urls = nil
	return u
}

func logRequests(t *testing.T, tab context.Context) *requestLog {
	t.Helper()
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	l := &requestLog{}
	events := chromedp.Events(tab, network.RequestWillBeSent)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			l.mu.Lock()
			l.urls = append(l.urls, ev.Request.URL)
			l.mu.Unlock()
		}
	}()
	return l
}

// assertOwnOrigin checks that every request went to origin (data: and
// blob: URLs stay in the page).
func assertOwnOrigin(t *testing.T, urls []string, origin string) {
	t.Helper()
	for _, u := range urls {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue
		}
		if !strings.HasPrefix(u, origin+"/") {
			t.Errorf("request to another origin: %s", u)
		}
	}
}

// setInput replaces the paste area's text as typing would, and waits for
// the decode.
func setInput(t *testing.T, tab context.Context, text string) {
	t.Helper()
	eval[bool](t, tab, `(() => {
  const ta = document.querySelector("textarea[name=ndr]");
  ta.value = `+jsString(text)+`;
  ta.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
})()`)
}

// dropFile drops a file named name, of MIME type typ, holding text on the
// element zone matches, after a dragover as a browser sends it. It
// reports whether the page took the drop (prevented its default, which
// would open the file in place of the page).
func dropFile(t *testing.T, tab context.Context, zone, name, typ, text string) bool {
	t.Helper()
	return eval[bool](t, tab, `(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([`+jsString(text)+`], `+jsString(name)+`, { type: `+jsString(typ)+` }));
  const zone = document.querySelector(`+jsString(zone)+`);
  zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
  return !zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
})()`)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// waitFor waits until the JavaScript expression is true.
func waitFor(t *testing.T, tab context.Context, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for !eval[bool](t, tab, expr) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (%s)", what, expr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// swapHandler serves with the handler stored last: a new version of the
// app replaces the old one under the same origin.
type swapHandler struct{ h atomic.Pointer[http.Handler] }

func (s *swapHandler) set(h http.Handler) { s.h.Store(&h) }
func (s *swapHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

func TestUIE2E(t *testing.T) {
	browser := startBrowser(t)
	s := testSite(t)
	swap := &swapHandler{}
	swap.set(newServer(s))
	srv := startHTTP(t, swap)
	tab := newTab(t, browser)
	reqs := logRequests(t, tab)
	mount(t, tab, srv.url+"/")

	t.Run("examples", func(t *testing.T) {
		for id, want := range wantExample {
			run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="`+id+`"]`)))
			waitFor(t, tab, `(() => { const c = document.querySelector(".recipient-card"); return !!c && document.querySelector("textarea[name=ndr]").value.length > 0 && c.dataset.replyCode === "`+want.reply+`" && c.dataset.status === "`+want.status+`"; })()`, id+" card")
			card := attrs(t, tab, `.recipient-card`)
			if card["data-verdict"] != want.verdict {
				t.Errorf("%s: card verdict %q, want %q", id, card["data-verdict"], want.verdict)
			}
			// go-app leaves out attributes whose value is empty: a card
			// without an address or a known provider has no data-recipient
			// or data-provider.
			for _, a := range []string{"data-reason", "data-permanent"} {
				if _, ok := card[a]; !ok {
					t.Errorf("%s: card has no %s", id, a)
				}
			}
			marks := eval[[]string](t, tab, `[...document.querySelectorAll("#highlighted-text mark[data-kind]")].map((m) => m.dataset.kind + ":" + m.textContent)`)
			found := map[string]bool{}
			for _, m := range marks {
				found[m] = true
			}
			if !found["reply_code:"+want.reply] {
				t.Errorf("%s: no reply_code mark %q in %q", id, want.reply, marks)
			}
			if want.status != "5.7.708" && !found["status:"+want.status] {
				t.Errorf("%s: no status mark %q in %q", id, want.status, marks)
			}
			if v := attr(t, tab, `.verdict`, "data-verdict"); v != want.verdict {
				t.Errorf("%s: page verdict %q, want %q", id, v, want.verdict)
			}
		}
		// The DSN example has two recipients, the worst first in the verdict.
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="multipart-dsn"]`)))
		waitFor(t, tab, `document.querySelectorAll(".recipient-card").length === 2`, "two cards")
		got := eval[[]string](t, tab, `[...document.querySelectorAll(".recipient-card")].map((c) => c.dataset.recipient + " " + c.dataset.status + " " + c.dataset.verdict)`)
		if strings.Join(got, "|") != "frank@example.net 5.1.1 remove|grace@example.org 4.2.2 temporary" {
			t.Errorf("DSN cards = %q", got)
		}
		// The enhanced code is broken into its parts, and links to its page.
		parts := eval[int](t, tab, `document.querySelectorAll("#card-0 .status [data-part]").length`)
		if parts != 3 {
			t.Errorf("enhanced code parts = %d, want 3", parts)
		}
		if n := eval[int](t, tab, `document.querySelectorAll("#card-0 ol li").length`); n == 0 {
			t.Error("no numbered fix steps")
		}
	})

	t.Run("paste", func(t *testing.T) {
		decodeLine(t, tab)
		waitFor(t, tab, `document.querySelector("#highlighted-text").textContent.startsWith(`+jsString(e2eLine)+`)`, "the whole line highlighted")
	})

	t.Run("highlights", func(t *testing.T) {
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="multipart-dsn"]`)))
		waitFor(t, tab, `document.querySelectorAll(".recipient-card").length === 2`, "two cards")
		// Clicking a mark of the second recipient brings its card into view.
		run(t, tab, chromedp.Click(chromedp.CSS(`#highlighted-text mark[data-card="1"][data-kind="status"]`)))
		waitFor(t, tab, `document.activeElement && document.activeElement.id === "card-1" && document.activeElement.classList.contains("active")`, "card 1 focused")
		// Keyboard: Enter on a mark of the first.
		eval[bool](t, tab, `(() => { document.querySelector('#highlighted-text mark[data-card="0"][data-kind="reply_code"]').focus(); return true; })()`)
		run(t, tab, chromedp.KeyEvent("\r"))
		waitFor(t, tab, `document.activeElement && document.activeElement.id === "card-0"`, "card 0 focused by keyboard")
		// And back: the card's button shows its first mark.
		run(t, tab, chromedp.Click(chromedp.CSS(`#card-1 .show-in-text`)))
		waitFor(t, tab, `document.activeElement && document.activeElement.matches('#highlighted-text mark[data-card="1"]')`, "mark of card 1 focused")
		if n := eval[int](t, tab, `document.querySelectorAll('.legend mark[data-kind]').length`); n != len(legendKinds) {
			t.Errorf("legend has %d kinds, want %d", n, len(legendKinds))
		}
	})

	t.Run("hooks when empty", func(t *testing.T) {
		// From a card with a provider to one without: go-app removes the
		// attribute, the card puts it back empty.
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="gmail-5.7.26"]`)))
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`.recipient-card[data-provider="google"]`)))
		setInput(t, tab, "Status: 5.1.1")
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`.recipient-card[data-status="5.1.1"]`)))
		for _, name := range cardHooks {
			waitFor(t, tab, `document.querySelector(".recipient-card").hasAttribute("`+name+`")`, name+" on the card")
		}
		if got := attr(t, tab, `.recipient-card`, "data-provider"); got != "" {
			t.Errorf("data-provider = %q, want empty", got)
		}
		if got := attr(t, tab, `.recipient-card`, "data-reply-code"); got != "" {
			t.Errorf("data-reply-code = %q, want empty", got)
		}
	})

	t.Run("webhook JSON", func(t *testing.T) {
		// A developer pastes their sending service's webhook events.
		in, err := os.ReadFile("../codes/testdata/decode/sendgrid-webhook.txt")
		if err != nil {
			t.Fatal(err)
		}
		setInput(t, tab, string(in))
		waitFor(t, tab, `document.querySelectorAll(".recipient-card").length === 4`, "four cards")
		got := eval[string](t, tab, `[...document.querySelectorAll(".recipient-card")].map((c) => c.dataset.recipient + " " + c.dataset.status + " " + c.dataset.reason).join(", ")`)
		if want := "jane@example.com 5.1.1 userunknown, max@example.net 4.7.0 badreputation, old@example.org  suppressed, ok@example.com 2.0.0 delivered"; got != want {
			t.Errorf("cards: %s\nwant:  %s", got, want)
		}
		if got := eval[string](t, tab, `document.querySelector('#highlighted-text mark[data-card="0"][data-kind="status"]').textContent`); got != "5.1.1" {
			t.Errorf("status mark of card 0 = %q", got)
		}
	})

	t.Run("none", func(t *testing.T) {
		setInput(t, tab, "Hi Bob, lunch at noon?")
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`[data-result=none]`)))
		if n := eval[int](t, tab, `document.querySelectorAll(".recipient-card").length`); n != 0 {
			t.Errorf("%d cards for a text without a bounce", n)
		}
	})

	t.Run("drag state", func(t *testing.T) {
		// The drop zone shows a dragged file from the first dragover (the
		// later ones redraw nothing) until the file leaves.
		drag := func(kind string) {
			eval[bool](t, tab, `(() => {
  const dt = new DataTransfer();
  dt.items.add(new File(["x"], "bounce.eml"));
  return document.querySelector(".dropzone").dispatchEvent(new DragEvent(`+jsString(kind)+`, { dataTransfer: dt, bubbles: true, cancelable: true }));
})()`)
		}
		for range 3 {
			drag("dragover")
		}
		waitFor(t, tab, `document.querySelector(".dropzone").classList.contains("dragging")`, "drop zone shown active while a file is dragged")
		drag("dragleave")
		waitFor(t, tab, `!document.querySelector(".dropzone").classList.contains("dragging")`, "drop zone back to rest after the file left")
	})

	t.Run("drop and pick", func(t *testing.T) {
		const file = "Final-Recipient: rfc822; ivan@example.com\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n"
		setInput(t, tab, "")
		dropFile(t, tab, ".dropzone", "bounce.eml", "message/rfc822", file)
		waitFor(t, tab, `!!document.querySelector('.recipient-card[data-status="5.2.2"][data-recipient="ivan@example.com"]')`, "card of the dropped file")
		if v := eval[string](t, tab, `document.querySelector("textarea[name=ndr]").value`); v != file {
			t.Errorf("paste area after drop = %q", v)
		}
		eval[bool](t, tab, `(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([`+jsString(e2eLine)+`], "reply.txt", { type: "text/plain" }));
  const input = document.querySelector("input[type=file]");
  input.files = dt.files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
})()`)
		waitFor(t, tab, `!!document.querySelector('.recipient-card[data-status="5.1.1"]')`, "card of the picked file")
		if l := eval[string](t, tab, `document.querySelector('label[for=file]').textContent`); l == "" {
			t.Error("the file input has no label")
		}
		// A large file goes into the paste area once its result is drawn.
		big := file + strings.Repeat("X-Padding: "+strings.Repeat("x", 60)+"\n", 400)
		dropFile(t, tab, ".dropzone", "big.eml", "", big)
		waitFor(t, tab, `document.querySelector("textarea[name=ndr]").value.length === `+strconv.Itoa(len(big)), "the large file in the paste area")
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`.recipient-card[data-status="5.2.2"]`)))
	})

	t.Run("no HTML from the input", func(t *testing.T) {
		const bad = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>\n" +
			"550 5.1.1 <img src=x onerror=\"window.__xss=3\"> <script>window.__xss=4</script> User unknown <bob@example.com>\n"
		setInput(t, tab, bad)
		waitFor(t, tab, `(() => { const d = document.querySelector("#card-0 .diagnostic"); return !!d && d.textContent.includes("<img"); })()`, "card with the markup")
		diag := eval[string](t, tab, `document.querySelector("#card-0 .diagnostic").textContent`)
		if !strings.Contains(diag, "<img src=x") || !strings.Contains(diag, "<script>") {
			t.Errorf("the diagnostic should show the markup as text: %q", diag)
		}
		if n := eval[int](t, tab, `document.querySelectorAll("#result img, #result script").length`); n != 0 {
			t.Errorf("%d img or script elements made from the pasted text", n)
		}
		time.Sleep(200 * time.Millisecond)
		if v := eval[bool](t, tab, `window.__xss === undefined`); !v {
			t.Error("pasted script ran")
		}
	})

	t.Run("copy, share and redact", func(t *testing.T) {
		eval[bool](t, tab, `(() => { window.__copied = []; navigator.clipboard.writeText = (s) => { window.__copied.push(s); return Promise.resolve(); }; return true; })()`)
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="multipart-dsn"]`)))
		waitFor(t, tab, `document.querySelectorAll(".recipient-card").length === 2`, "two cards")
		run(t, tab, chromedp.Click(chromedp.CSS(`button.copy-markdown`)))
		waitFor(t, tab, `window.__copied.length === 1`, "markdown copied")
		md := eval[string](t, tab, `window.__copied[0]`)
		if !strings.Contains(md, "### frank@example.net") || !strings.Contains(md, "`5.1.1`") {
			t.Errorf("markdown copy = %q", md)
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button.copy-text`)))
		waitFor(t, tab, `window.__copied.length === 2`, "text copied")

		// Share without redact: the link opens the same text and result.
		run(t, tab, chromedp.Click(chromedp.CSS(`button.share`)))
		waitFor(t, tab, `!!document.querySelector("#share-link") && window.__copied.length === 3`, "share link")
		link := eval[string](t, tab, `document.querySelector("#share-link").value`)
		if !strings.HasPrefix(link, srv.url+"/#t=") || eval[string](t, tab, `window.__copied[2]`) != link {
			t.Fatalf("share link = %q", link)
		}
		mount(t, tab, srv.url+"/about")
		mount(t, tab, link)
		waitFor(t, tab, `document.querySelectorAll(".recipient-card").length === 2`, "shared result")
		if got := eval[string](t, tab, `document.querySelector("textarea[name=ndr]").value`); got != exampleDSN {
			t.Errorf("shared text differs from the example (%d bytes, want %d)", len(got), len(exampleDSN))
		}

		// With redact, the link and the copies mask addresses, IPs, hosts.
		eval[bool](t, tab, `(() => { window.__copied = []; navigator.clipboard.writeText = (s) => { window.__copied.push(s); return Promise.resolve(); }; return true; })()`)
		run(t, tab, chromedp.Click(chromedp.CSS(`#redact`)))
		run(t, tab, chromedp.Click(chromedp.CSS(`button.copy-text`)))
		run(t, tab, chromedp.Click(chromedp.CSS(`button.share`)))
		waitFor(t, tab, `window.__copied.length === 2 && !!document.querySelector("#share-link")`, "redacted copies")
		copied := eval[[]string](t, tab, `window.__copied`)
		frag := copied[1][strings.Index(copied[1], "#")+1:]
		shared, err := decodeShare(frag)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{copied[0], shared} {
			for _, secret := range []string{"frank@", "grace@", "198.51.100.20", "mx2.example.org"} {
				if strings.Contains(s, secret) {
					t.Errorf("redacted copy contains %q", secret)
				}
			}
		}
		if !strings.Contains(shared, "@example.net") || !strings.Contains(shared, "Status: 5.1.1") {
			t.Errorf("redacted share lost its meaning:\n%s", shared)
		}
	})

	t.Run("reference", func(t *testing.T) {
		mount(t, tab, srv.url+"/codes")
		all := eval[int](t, tab, `document.querySelectorAll("li[data-entry]").length`)
		if count := attr(t, tab, `.search-count`, "data-count"); all < 300 || count != fmt.Sprint(all) {
			t.Errorf("/codes lists %d entries, says %s", all, count)
		}
		run(t, tab, chromedp.SendKeys(chromedp.CSS(`#code-search`), "tss04"))
		waitFor(t, tab, `document.querySelectorAll("li[data-entry]").length > 0 && document.querySelectorAll("li[data-entry]").length < 10`, "search results")
		ids := eval[[]string](t, tab, `[...document.querySelectorAll("li[data-entry]")].map((l) => l.dataset.entry)`)
		if !slices.ContainsFunc(ids, func(id string) bool { return strings.HasSuffix(id, "tss04") }) {
			t.Errorf("search tss04 found %q, not the TSS04 entry", ids)
		}
		waitURL(t, tab, srv.url+"/codes?q=tss04")
		run(t, tab, chromedp.Click(chromedp.CSS(`li[data-entry] a`)))
		waitFor(t, tab, `!!document.querySelector("main.code-page article.entry")`, "code page")
		if id := attr(t, tab, `main.code-page`, "data-entry"); id != ids[0] {
			t.Errorf("opened %q, want %q", id, ids[0])
		}
		for _, id := range []string{"550", "5.7.26", "google-550-5.7.26", "spamhaus-pbl"} {
			if _, ok := codes.LookupEntry(id); !ok {
				continue
			}
			mount(t, tab, srv.url+"/codes/"+id)
			if got := attr(t, tab, `main.code-page`, "data-entry"); got != id {
				t.Errorf("/codes/%s shows %q", id, got)
			}
			run(t, tab, chromedp.WaitVisible(chromedp.CSS(`article.entry h1`)))
		}
		mount(t, tab, srv.url+"/codes/9.9.99")
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`[data-result=none]`)))

		// A card links to the entry that explains it.
		mount(t, tab, srv.url+"/")
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="gmail-5.7.26"]`)))
		run(t, tab, chromedp.Click(chromedp.CSS(`.recipient-card .entry-link`)))
		waitFor(t, tab, `!!document.querySelector("main.code-page article.entry")`, "entry page from the card")
		if id := attr(t, tab, `main.code-page`, "data-entry"); !strings.Contains(id, "5.7.26") {
			t.Errorf("card links to %q, want a 5.7.26 entry", id)
		}
	})

	t.Run("embed", func(t *testing.T) {
		mount(t, tab, srv.url+"/embed?theme=dark#"+encodeShare(exampleGmail))
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`.recipient-card[data-status="5.7.26"]`)))
		if !eval[bool](t, tab, `document.documentElement.classList.contains("theme-dark")`) {
			t.Error("?theme=dark not applied")
		}
		if eval[int](t, tab, `document.querySelectorAll(".nav-bar, #highlighted-text").length`) != 0 {
			t.Error("the embed is not compact")
		}
		// In an iframe of another origin, it posts its height.
		docs := startHTTP(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<!doctype html><title>docs</title><script>
window.heights = [];
addEventListener("message", (e) => { if (e.data && e.data.type === "bounce-decoder:height") heights.push(e.data.height); });
</script><iframe src="` + srv.url + `/embed#` + encodeShare(exampleDSN) + `" width="600" height="200"></iframe>`))
		}))
		mount2 := func() { run(t, tab, chromedp.Navigate(docs.url+"/")) }
		mount2()
		waitFor(t, tab, `window.heights.length > 0 && window.heights[window.heights.length - 1] > 400`, "height messages from the embed")
	})

	t.Run("no foreign requests", func(t *testing.T) {
		reqs.take()
		mount(t, tab, srv.url+"/")
		for id := range wantExample {
			run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="`+id+`"]`)))
		}
		setInput(t, tab, "550 5.7.1 see https://example.com/x.png and http://198.51.100.1/track <img src=https://example.com/pixel.gif>")
		time.Sleep(500 * time.Millisecond)
		urls := reqs.take()
		if len(urls) == 0 {
			t.Fatal("no request recorded: the network log does not work")
		}
		assertOwnOrigin(t, urls, srv.url)
	})

	t.Run("offline and update", func(t *testing.T) {
		mount(t, tab, srv.url+"/")
		waitOfflineReady(t, tab, "/web/app.wasm")
		waitFor(t, tab, `(async () => !!(await caches.match("/codes/5.7.26/")) && !!(await caches.match("/embed/")))()`, "reference pages cached")

		// A new version: same app, app.wasm with an extra custom section.
		web2 := t.TempDir()
		files, err := os.ReadDir(s.webDir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.IsDir() || strings.HasPrefix(f.Name(), "app.wasm") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(s.webDir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(web2, f.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		wasm, err := os.ReadFile(filepath.Join(s.webDir, "app.wasm"))
		if err != nil {
			t.Fatal(err)
		}
		wasm = append(wasm, 0x00, 0x05, 0x04, 'n', 'e', 'x', 't')
		if err := os.WriteFile(filepath.Join(web2, "app.wasm"), wasm, 0o644); err != nil {
			t.Fatal(err)
		}
		s2, err := loadSite(web2, "")
		if err != nil {
			t.Fatal(err)
		}
		if s2.version == s.version {
			t.Fatal("the new build has the same version")
		}
		// A visit the worker serves compiles app.wasm through web/early.js,
		// straight from the worker's cache: it is not fetched at all.
		mount(t, tab, srv.url+"/")
		if !eval[bool](t, tab, `window.bounceDecoderPlainWasm === true`) {
			t.Error("app.wasm did not come through web/early.js on a page the worker controls")
		}
		if from := eval[string](t, tab, `String(window.bounceDecoderWasmFrom)`); from != "cache" {
			t.Errorf("app.wasm came from %q, want the worker's cache", from)
		}
		if n := eval[int](t, tab, `performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === "/web/app.wasm").length`); n != 0 {
			t.Errorf("app.wasm fetched %d times, want 0", n)
		}

		swap.set(newServer(s2))
		run(t, tab, chromedp.Reload())
		waitReady(t, tab)
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`[data-update=available]`)))
		run(t, tab, chromedp.Click(chromedp.CSS(`.update-reload`)))
		waitReady(t, tab)
		waitFor(t, tab, `!document.querySelector("[data-update=available]")`, "prompt gone after reload")
		// web/update.js asks the worker for its version (see app/worker.go).
		v := eval[string](t, tab, `new Promise((ok) => {
			const c = new MessageChannel();
			c.port1.onmessage = (e) => ok(e.data);
			navigator.serviceWorker.controller.postMessage({type: "bounce-decoder:version"}, [c.port2]);
		})`)
		if v != s2.version {
			t.Errorf("the worker says version %q, want %q", v, s2.version)
		}

		// Offline: the server is stopped; pages open from the cache.
		waitOfflineReady(t, tab, "/web/app.wasm")
		srv.stop(t)
		for _, p := range []string{"/codes/5.7.26", "/codes", "/embed", "/"} {
			mount(t, tab, srv.url+p)
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-example="yahoo-tss04"]`)))
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(`.recipient-card[data-reply-code="421"]`)))
	})

	t.Run("narrow and keyboard", func(t *testing.T) {
		// 375 px wide: nothing overflows sideways.
		srv2 := startHTTP(t, newServer(s))
		tab2 := newTab(t, browser)
		run(t, tab2, chromedp.EmulateViewport(375, 800))
		mount(t, tab2, srv2.url+"/#"+encodeShare(exampleDSN))
		run(t, tab2, chromedp.WaitVisible(chromedp.CSS(`.recipient-card`)))
		if w := eval[int](t, tab2, `document.documentElement.scrollWidth`); w > 375 {
			t.Errorf("page is %d px wide at 375 px", w)
		}
		// Every control has an accessible name.
		unnamed := eval[[]string](t, tab2, `[...document.querySelectorAll("button, input, textarea, select, a[href]")].filter((el) => {
  const id = el.id && document.querySelector('label[for="' + el.id + '"]');
  return !(id || el.closest("label") || el.getAttribute("aria-label") || el.textContent.trim());
}).map((el) => el.outerHTML.slice(0, 80))`)
		if len(unnamed) > 0 {
			t.Errorf("controls without a name: %q", unnamed)
		}
		// Tab reaches the paste area, the examples and the marks.
		reached := map[string]bool{}
		eval[bool](t, tab2, `(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return true; })()`)
		for i := 0; i < 40; i++ {
			run(t, tab2, chromedp.KeyEvent("\t"))
			reached[eval[string](t, tab2, `(() => { const a = document.activeElement; return a ? a.tagName.toLowerCase() + (a.dataset.example ? ".example" : "") : ""; })()`)] = true
		}
		for _, want := range []string{"textarea", "button.example", "mark"} {
			if !reached[want] {
				t.Errorf("Tab never reached a %s (reached %v)", want, reached)
			}
		}
		// Focus is visible on a control reached with Tab.
		for i := 0; i < 60 && eval[string](t, tab2, `document.activeElement.dataset.example || ""`) == ""; i++ {
			run(t, tab2, chromedp.KeyEvent("\t"))
		}
		if o := eval[string](t, tab2, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
			t.Errorf("focused example button has no outline")
		}
		assertClean(t, tab2)
	})

	assertClean(t, tab)
}

// TestE2EEarlyInput pastes into, and drops a file on, the prerendered page
// while app.wasm is held back, as on a slow first visit: once the app runs
// it decodes what it was given (web/early.js), instead of mounting over it.
func TestE2EEarlyInput(t *testing.T) {
	browser := startBrowser(t)
	s := testSite(t)
	// open serves the page at path from a new origin (no service worker, no
	// cache), holds app.wasm back until the returned func is called, and
	// waits for the element sel of the prerendered page.
	open := func(t *testing.T, path, sel string) (*browserTab, func()) {
		hold := make(chan struct{})
		h := newServer(s)
		srv := startHTTP(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				<-hold
			}
			h.ServeHTTP(w, r)
		}))
		var once sync.Once
		release := func() { once.Do(func() { close(hold) }) }
		t.Cleanup(release)
		tab := newTab(t, browser)
		// location.assign: Navigate would wait for the load event, which
		// the preload of app.wasm holds back.
		eval[bool](t, tab, `(() => { location.assign(`+jsString(srv.url+path)+`); return true; })()`)
		run(t, tab, chromedp.WaitVisible(chromedp.CSS(sel)))
		return tab, release
	}
	notReady := func(t *testing.T, tab *browserTab) {
		t.Helper()
		if eval[bool](t, tab, `!!document.querySelector('[data-ready="true"]')`) {
			t.Fatal("the app runs already: the test needs the prerendered page")
		}
	}

	t.Run("typed", func(t *testing.T) {
		tab, release := open(t, "/", `textarea[name=ndr]`)
		run(t, tab, chromedp.SendKeys(chromedp.CSS(`textarea[name=ndr]`), e2eLine))
		notReady(t, tab)
		release()
		waitReady(t, tab)
		waitFor(t, tab, `!!document.querySelector('.recipient-card[data-status="5.1.1"][data-recipient="bob@example.com"]')`, "card of the text typed early")
		if v := eval[string](t, tab, `document.querySelector("textarea[name=ndr]").value`); v != e2eLine {
			t.Errorf("paste area = %q, want the text typed early", v)
		}
		// A first visit preloads app.wasm (web/early.js), and app.js's
		// fetch takes the preloaded response: one download.
		if !eval[bool](t, tab, `!!document.querySelector('link[rel=preload][href$="/web/app.wasm"]')`) {
			t.Error("no preload of app.wasm on a first visit")
		}
		if n := eval[int](t, tab, `performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === "/web/app.wasm").length`); n != 1 {
			t.Errorf("app.wasm fetched %d times on a first visit, want 1", n)
		}
	})

	t.Run("dropped", func(t *testing.T) {
		const file = "Final-Recipient: rfc822; ivan@example.com\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n"
		tab, release := open(t, "/", `textarea[name=ndr]`)
		kept := dropFile(t, tab, ".dropzone", "bounce.eml", "", file)
		notReady(t, tab)
		if !kept {
			t.Error("the early drop was not taken (its default, opening the file, not prevented)")
		}
		release()
		waitReady(t, tab)
		waitFor(t, tab, `!!document.querySelector('.recipient-card[data-status="5.2.2"][data-recipient="ivan@example.com"]')`, "card of the file dropped early")
	})

	t.Run("searched", func(t *testing.T) {
		tab, release := open(t, "/codes", `#code-search`)
		run(t, tab, chromedp.SendKeys(chromedp.CSS(`#code-search`), "TSS04"))
		notReady(t, tab)
		release()
		waitReady(t, tab)
		waitFor(t, tab, `document.querySelectorAll("li[data-entry]").length > 0 && document.querySelectorAll("li[data-entry]").length < 5`, "the search typed early")
		if v := eval[string](t, tab, `document.querySelector("#code-search").value`); v != "TSS04" {
			t.Errorf("search field = %q, want the search typed early", v)
		}
		if u := eval[string](t, tab, `location.search`); u != "?q=TSS04" {
			t.Errorf("URL query = %q", u)
		}
	})
}

// TestE2ECorpus drops every corpus mail on the decoder page, one after the
// other, and checks what the page shows against codes.Decode run here: a
// card per recipient with its hooks, or the "no bounce found" state, and
// highlights in the text when the report has spans in it.
func TestE2ECorpus(t *testing.T) {
	browser := startBrowser(t)
	s := testSite(t)
	srv := startHTTP(t, newServer(s))
	tab := newTab(t, browser)
	mount(t, tab, srv.url+"/")

	files := corpusFiles(t)
	type shown struct {
		Result string     `json:"result"`
		Cards  [][]string `json:"cards"` // recipient, reply code, status of each card
		Marks  int        `json:"marks"`
	}
	for _, f := range files {
		mail, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		got := eval[shown](t, tab, `(async () => {
  const bytes = Uint8Array.from(atob("`+base64.StdEncoding.EncodeToString(mail)+`"), (c) => c.charCodeAt(0));
  const result = () => document.querySelector("#result");
  result().removeAttribute("data-render-ms");
  const dt = new DataTransfer();
  dt.items.add(new File([bytes], `+jsString(name)+`));
  document.querySelector(".dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  while (!result() || !result().hasAttribute("data-render-ms")) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const found = result().querySelector("[data-result]");
  return {
    result: found ? found.dataset.result : "",
    cards: [...document.querySelectorAll(".recipient-card")].map((c) => [c.dataset.recipient, c.dataset.replyCode, c.dataset.status]),
    marks: document.querySelectorAll("#highlighted-text mark").length,
  };
})()`)
		r, _ := codes.Decode(mail)
		var want [][]string
		spans := 0
		for _, rc := range r.Recipients {
			want = append(want, []string{rc.Recipient, rc.ReplyCode, rc.Status})
			spans += len(rc.Spans)
		}
		switch {
		case len(want) == 0 && got.Result != "none":
			t.Errorf("%s: no recipient, but the page shows data-result=%q", name, got.Result)
		case len(want) > 0 && got.Result != "found":
			t.Errorf("%s: %d recipients, but the page shows data-result=%q", name, len(want), got.Result)
		case fmt.Sprint(got.Cards) != fmt.Sprint(want):
			t.Errorf("%s: cards %q, want %q", name, got.Cards, want)
		case spans > 0 && got.Marks == 0:
			t.Errorf("%s: %d spans, no highlight in the text", name, spans)
		}
	}
}
