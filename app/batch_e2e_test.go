//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/chromedp/chromedp"
)

// TestE2EBatch drops a generated mbox of the corpus mails on the /batch
// page in headless Chromium and checks the page against the command line:
// the counts against "decode --batch", the CSV export against
// "decode --batch -csv"; then it opens a row, filters, and cancels a large
// run mid-way. Set BATCH_E2E_MB to also time a mailbox of about that many
// MB (e.g. 50) and log the throughput and memory in the browser.
func TestE2EBatch(t *testing.T) {
	browser := startBrowser(t)
	s := testSite(t)
	srv := startHTTP(t, newServer(s))
	dir := t.TempDir()
	mails := batchCorpus(t)

	mbox := filepath.Join(dir, "corpus.mbox")
	writeBatchMbox(t, mbox, mails, 1)
	want := batchCLISummary(t, mbox)
	wantCSV := batchCLI(t, "decode", "--batch", "-csv", mbox)

	tab := newTab(t, browser)
	mount(t, tab, srv.url+"/batch")
	captureBlobs(t, tab)
	start := time.Now()
	run(t, tab, chromedp.SetUploadFiles(chromedp.CSS(`#batch-files`), []string{mbox}))
	waitBatchState(t, tab, "done")
	t.Logf("browser: %d mails (%d bytes) decoded in %v (upload, decode and render)", len(mails), fileSize(t, mbox), time.Since(start).Round(time.Millisecond))

	t.Run("counts match the command line", func(t *testing.T) {
		got := batchCounts(t, tab)
		wantCounts := map[string]int{
			"items": want.Summary.Items, "failed": want.Summary.Failed,
			"permanent": want.Summary.Permanent, "temporary": want.Summary.Temporary,
			"remove": len(want.Remove), "delivered": want.Summary.Delivered,
			"other": want.Summary.Other, "not-bounces": want.Summary.NotBounce,
		}
		for k, w := range wantCounts {
			if got[k] != w {
				t.Errorf("data-batch-count-%s = %d, command line says %d", k, got[k], w)
			}
		}
		if want.Summary.Items != len(mails) {
			t.Errorf("command line read %d items from %d mails", want.Summary.Items, len(mails))
		}
		rows := eval[int](t, tab, `document.querySelectorAll("tr[data-row]").length`)
		if w := min(want.Summary.Failed, batchTableMax); rows != w {
			t.Errorf("%d table rows, want %d", rows, w)
		}
		// the reason chart's bars add up to the failures shown in it
		top := codes.TopCounts(want.Summary.ByReason, batchChartMax)
		bars := eval[[]string](t, tab, `[...document.querySelectorAll('[data-batch-chart="reason"] li')].map((li) => li.dataset.key + "=" + li.dataset.count)`)
		var wantBars []string
		for _, c := range top {
			wantBars = append(wantBars, c.Key+"="+strconv.Itoa(c.Count))
		}
		if strings.Join(bars, ",") != strings.Join(wantBars, ",") {
			t.Errorf("reason chart %v, want %v", bars, wantBars)
		}
	})

	t.Run("CSV export matches the command line", func(t *testing.T) {
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-batch-export="csv"]`)))
		got := eval[string](t, tab, `window.__batchBlobs[window.__batchBlobs.length - 1].text()`)
		if got != wantCSV {
			t.Errorf("exported CSV (%d bytes) differs from decode --batch -csv (%d bytes)", len(got), len(wantCSV))
		}
		if !strings.HasPrefix(got, strings.Join(codes.RowHeader(), ",")+"\r\n") {
			t.Errorf("CSV starts %.80q", got)
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-batch-export="remove"]`)))
		list := eval[string](t, tab, `window.__batchBlobs[window.__batchBlobs.length - 1].text()`)
		wantList := strings.Join(want.Remove, "\n")
		if len(want.Remove) > 0 {
			wantList += "\n"
		}
		if list != wantList {
			t.Errorf("addresses to remove %q, want %q", list, wantList)
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-batch-export="json"]`)))
		var rows []codes.Row
		if err := json.Unmarshal([]byte(eval[string](t, tab, `window.__batchBlobs[window.__batchBlobs.length - 1].text()`)), &rows); err != nil {
			t.Fatal(err)
		}
		if len(rows) != want.Summary.Failed {
			t.Errorf("JSON export has %d rows, want %d", len(rows), want.Summary.Failed)
		}
	})

	t.Run("filter by verdict", func(t *testing.T) {
		eval[bool](t, tab, `(() => { const s = document.querySelector("#batch-verdict"); s.value = "temporary"; s.dispatchEvent(new Event("change", { bubbles: true })); return true; })()`)
		waitAttr(t, tab, `[data-batch-shown]`, "data-batch-shown", strconv.Itoa(want.Summary.Temporary))
		eval[bool](t, tab, `(() => { const s = document.querySelector("#batch-verdict"); s.value = ""; s.dispatchEvent(new Event("change", { bubbles: true })); return true; })()`)
		waitAttr(t, tab, `[data-batch-shown]`, "data-batch-shown", strconv.Itoa(want.Summary.Failed))
	})

	t.Run("a row opens in the decoder view", func(t *testing.T) {
		sel := `tr[data-row="0"]`
		rcpt := attr(t, tab, sel, "data-recipient")
		run(t, tab,
			chromedp.Click(chromedp.CSS(sel)),
			chromedp.WaitVisible(chromedp.CSS(`#batch-open .recipient-card`)),
		)
		if got := attr(t, tab, `#batch-open`, "data-open-recipient"); got != rcpt {
			t.Errorf("opened %q, clicked %q", got, rcpt)
		}
		marks := eval[int](t, tab, `document.querySelectorAll("#batch-open pre mark").length`)
		if marks == 0 {
			t.Error("the opened bounce has no highlight")
		}
		// the link opens the same text in the decoder page
		link := attr(t, tab, `#batch-open a.batch-open-link`, "href")
		frag := link[strings.IndexByte(link, '#')+1:]
		text, err := decodeShare(frag)
		if err != nil || text == "" {
			t.Fatalf("decoder link %.80q: %v", link, err)
		}
		if want := eval[string](t, tab, `document.querySelector("#batch-open pre").textContent`); text != want {
			t.Errorf("the decoder link carries %d bytes, the opened text has %d", len(text), len(want))
		}
	})

	t.Run("sort by a column", func(t *testing.T) {
		rcpts := `[...document.querySelectorAll("tr[data-row]")].map((tr) => tr.dataset.recipient)`
		sorted := func(desc bool) bool {
			got := eval[[]string](t, tab, rcpts)
			for i := 1; i < len(got); i++ {
				a, b := strings.ToLower(got[i-1]), strings.ToLower(got[i])
				if (!desc && a > b) || (desc && a < b) {
					return false
				}
			}
			return len(got) > 1
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-sort="recipient"]`)))
		waitAttr(t, tab, `th:has(button[data-sort="recipient"])`, "aria-sort", "ascending")
		if !sorted(false) {
			t.Errorf("rows not in ascending order of recipient: %v", eval[[]string](t, tab, rcpts))
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-sort="recipient"]`)))
		waitAttr(t, tab, `th:has(button[data-sort="recipient"])`, "aria-sort", "descending")
		if !sorted(true) {
			t.Errorf("rows not in descending order of recipient: %v", eval[[]string](t, tab, rcpts))
		}
		if got := attr(t, tab, `th:has(button[data-sort="code"])`, "aria-sort"); got != "none" {
			t.Errorf("the code column says aria-sort=%q", got)
		}
	})

	t.Run("a row opens from the keyboard", func(t *testing.T) {
		sel := `tr[data-row]:nth-child(2)`
		rcpt := attr(t, tab, sel, "data-recipient")
		eval[bool](t, tab, `(() => { document.querySelector("`+sel+`").focus(); return true; })()`)
		run(t, tab, chromedp.KeyEvent("\r"))
		waitAttr(t, tab, `#batch-open`, "data-open-recipient", rcpt)
		if got := attr(t, tab, `tr[aria-current="true"]`, "data-recipient"); got != rcpt {
			t.Errorf("the current row is %q, want %q", got, rcpt)
		}
		waitFor(t, tab, `document.activeElement && document.activeElement.id === "batch-open"`, "focus on the opened bounce")
	})

	t.Run("cancel mid-way keeps the partial result", func(t *testing.T) {
		big := filepath.Join(dir, "big.mbox")
		writeBatchMbox(t, big, mails, 12)
		total := 12 * len(mails)
		mount(t, tab, srv.url+"/batch")
		watchFrames(t, tab)
		run(t, tab, chromedp.SetUploadFiles(chromedp.CSS(`#batch-files`), []string{big}))
		waitBatchState(t, tab, "running")
		deadline := time.Now().Add(e2eTimeout)
		for batchCounts(t, tab)["items"] < len(mails) {
			if time.Now().After(deadline) {
				t.Fatal("the batch made no progress")
			}
			time.Sleep(50 * time.Millisecond)
		}
		run(t, tab, chromedp.Click(chromedp.CSS(`button[data-batch-cancel]`)))
		waitBatchState(t, tab, "cancelled")
		got := batchCounts(t, tab)
		if got["items"] <= 0 || got["items"] >= total {
			t.Errorf("cancelled after %d of %d items: not mid-way", got["items"], total)
		}
		rows := eval[int](t, tab, `document.querySelectorAll("tr[data-row]").length`)
		if rows != min(got["failed"], batchTableMax) {
			t.Errorf("%d table rows after cancel, %d failures counted", rows, got["failed"])
		}
		// The cancel click itself shows the page kept handling events. The
		// frame gaps also count the machine's load (other builds, 2 cores),
		// so only a long freeze fails: decoding the whole file at once
		// would freeze the page for all of it.
		gap := eval[float64](t, tab, `window.__batchMaxGap`)
		frames := eval[int](t, tab, `window.__batchFrames`)
		t.Logf("cancelled after %d of %d items; %d frames painted, longest time between two: %.0f ms", got["items"], total, frames, gap)
		if gap > 10000 || frames < 10 {
			t.Errorf("the page froze while decoding: %d frames, one gap of %.0f ms", frames, gap)
		}
	})

	t.Run("bad input gets a message, good files are kept", func(t *testing.T) {
		gz := filepath.Join(dir, "bounces.mbox.gz")
		if err := os.WriteFile(gz, []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00binary"), 0o644); err != nil {
			t.Fatal(err)
		}
		one := filepath.Join(dir, "one.eml")
		if err := os.WriteFile(one, mails[0], 0o644); err != nil {
			t.Fatal(err)
		}
		mount(t, tab, srv.url+"/batch")
		run(t, tab, chromedp.SetUploadFiles(chromedp.CSS(`#batch-files`), []string{gz, one}))
		waitBatchState(t, tab, "done")
		msg := eval[string](t, tab, `(document.querySelector(".batch-messages") || {}).textContent || ""`)
		if !strings.Contains(msg, "bounces.mbox.gz") || !strings.Contains(msg, "gzip") {
			t.Errorf("message %q, want the file name and gzip", msg)
		}
		if got := batchCounts(t, tab)["items"]; got != 1 {
			t.Errorf("%d items decoded, want the one mail", got)
		}
	})

	// dropCounts drops the file at path on the batch page and returns the
	// page's counts with the command line's summary of the same file.
	dropCounts := func(t *testing.T, path, name, typ string) (map[string]int, batchSummaryLine) {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := batchCLISummary(t, path)
		mount(t, tab, srv.url+"/batch")
		dropFile(t, tab, ".batch-drop", name, typ, string(data))
		waitBatchState(t, tab, "done")
		got := batchCounts(t, tab)
		if got["items"] != want.Summary.Items || got["failed"] != want.Summary.Failed || got["delivered"] != want.Summary.Delivered || got["temporary"] != want.Summary.Temporary {
			t.Errorf("page counts %v, command line %+v", got, want.Summary)
		}
		return got, want
	}

	t.Run("dropped webhook events count like the command line", func(t *testing.T) {
		got, _ := dropCounts(t, filepath.Join("..", "codes", "testdata", "decode", "mailgun-ndjson.txt"), "events.ndjson", "application/json")
		if got["items"] != 3 {
			t.Errorf("%d items, want the 3 events", got["items"])
		}
		rows := eval[string](t, tab, `[...document.querySelectorAll("tr[data-row]")].map((r) => r.textContent.includes("gone@example.org") || r.textContent.includes("slow@example.com")).join(",")`)
		if rows != "true,true" {
			t.Errorf("table rows for the two failures: %q", rows)
		}
	})

	t.Run("a dropped log counts like the command line", func(t *testing.T) {
		_, want := dropCounts(t, filepath.Join("..", "codes", "testdata", "batch", "postfix-retries.log"), "mail.log", "text/plain")
		if want.Superseded == 0 {
			t.Error("the retries log should supersede events")
		}
	})

	if mb, _ := strconv.Atoi(os.Getenv("BATCH_E2E_MB")); mb > 0 {
		t.Run("throughput", func(t *testing.T) {
			per := 0
			for _, m := range mails {
				per += len(m)
			}
			n := max(1, mb<<20/per)
			big := filepath.Join(dir, "throughput.mbox")
			writeBatchMbox(t, big, mails, n)
			size := fileSize(t, big)
			mount(t, tab, srv.url+"/batch")
			watchFrames(t, tab)
			start := time.Now()
			run(t, tab, chromedp.SetUploadFiles(chromedp.CSS(`#batch-files`), []string{big}))
			waitBatchStateWithin(t, tab, "done", 10*time.Minute)
			d := time.Since(start)
			mem := attr(t, tab, `[data-batch-mem]`, "data-batch-mem")
			memMB, _ := strconv.Atoi(mem)
			t.Logf("browser throughput: %d mails, %.1f MB in %v = %.2f MB/s, %.0f mails/s; wasm memory %d MB (%.1fx the input); longest frame gap %.0f ms",
				n*len(mails), float64(size)/(1<<20), d.Round(time.Millisecond), float64(size)/(1<<20)/d.Seconds(),
				float64(n*len(mails))/d.Seconds(), memMB>>20, float64(memMB)/float64(size), eval[float64](t, tab, `window.__batchMaxGap`))
		})
	}
	assertClean(t, tab)
}

// batchCorpus returns the corpus mails, sorted by file name.
func batchCorpus(t *testing.T) [][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "codes", "testdata", "corpus", "dev", "*.eml"))
	if len(files) == 0 {
		t.Fatal("no corpus mails in codes/testdata/corpus/dev")
	}
	sort.Strings(files)
	var mails [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mails = append(mails, data)
	}
	return mails
}

// writeBatchMbox writes the mails, n times over, as an mbox file.
func writeBatchMbox(t *testing.T, path string, mails [][]byte, n int) {
	t.Helper()
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		for _, m := range mails {
			codes.WriteMbox(&buf, m)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fileSize(t *testing.T, path string) int {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Size())
}

// batchCLI runs the command line in-process and returns its output.
func batchCLI(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if code := runCLI(args, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs.String())
	}
	return out.String()
}

// batchCLISummary runs "decode --batch" and returns its summary line.
func batchCLISummary(t *testing.T, path string) batchSummaryLine {
	t.Helper()
	out := strings.TrimSpace(batchCLI(t, "decode", "--batch", path))
	var line batchSummaryLine
	if err := json.Unmarshal([]byte(out[strings.LastIndexByte(out, '\n')+1:]), &line); err != nil {
		t.Fatal(err)
	}
	return line
}

// captureBlobs records the Blobs the page turns into download URLs.
func captureBlobs(t *testing.T, tab context.Context) {
	t.Helper()
	eval[bool](t, tab, `(() => {
  window.__batchBlobs = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = (b) => { window.__batchBlobs.push(b); return create.call(URL, b); };
  return true;
})()`)
}

// watchFrames counts animation frames and records the longest time
// between two.
func watchFrames(t *testing.T, tab context.Context) {
	t.Helper()
	eval[bool](t, tab, `(() => {
  window.__batchMaxGap = 0;
  window.__batchFrames = 0;
  let last = performance.now();
  const tick = (now) => { window.__batchFrames++; window.__batchMaxGap = Math.max(window.__batchMaxGap, now - last); last = now; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  return true;
})()`)
}

func waitBatchState(t *testing.T, tab context.Context, state string) {
	t.Helper()
	waitBatchStateWithin(t, tab, state, e2eTimeout)
}

func waitBatchStateWithin(t *testing.T, tab context.Context, state string, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, d)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(`[data-batch-state="`+state+`"]`))); err != nil {
		t.Fatalf("waiting for batch state %q: %v", state, err)
	}
}

// waitAttr waits until the element sel has attribute name set to want.
func waitAttr(t *testing.T, tab context.Context, sel, name, want string) {
	t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for {
		got := attr(t, tab, sel, name)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s %s = %q, want %q", sel, name, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// batchCounts reads the data-batch-count-* values of the page.
func batchCounts(t *testing.T, tab context.Context) map[string]int {
	t.Helper()
	m := eval[map[string]string](t, tab, `(() => {
  const out = {};
  for (const el of document.querySelectorAll(".batch-count")) {
    for (const [k, v] of Object.entries(el.dataset)) {
      if (k.startsWith("batchCount")) out[k] = v;
    }
  }
  return out;
})()`)
	out := map[string]int{}
	for k, v := range m {
		name := strings.TrimPrefix(k, "batchCount")
		// dataset camelCase back to the attribute's dashed form
		var b strings.Builder
		for i, r := range name {
			if r >= 'A' && r <= 'Z' {
				if i > 0 {
					b.WriteByte('-')
				}
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		}
		out[b.String()], _ = strconv.Atoi(v)
	}
	return out
}
