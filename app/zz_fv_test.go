package main

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func TestZZFirstVisit(t *testing.T) {
	path := findBrowser()
	logf, _ := os.Create("/tmp/chrome-out.txt")
	defer logf.Close()
	web, err := makeTestWeb()
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(web)
	s, err := loadSite(web, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := startHTTP(t, newServer(s))
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("js-flags", os.Getenv("JSFLAGS")), chromedp.Flag("no-zygote", true), chromedp.Flag("enable-logging", "stderr"),
		chromedp.CombinedOutput(logf),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browser, cancel := chromedp.NewContext(alloc)
	defer cancel()
	chromedp.Do(browser)
	var times []float64
	for i := 0; i < 8; i++ {
		tab, c2 := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyProbe + timingProbe + swProbe}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(srv.url+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-ready="true"]`))); err != nil {
			t.Fatal(err)
		}
		v, _ := chromedp.Run(tab, chromedp.Evaluate[float64](`window.__readyAt || -1`))
		tl, _ := chromedp.Run(tab, chromedp.Evaluate[string](`JSON.stringify(window.__tl)`))
		fmt.Println(i, v, tl)
		times = append(times, v)
		time.Sleep(3 * time.Second)
		c2()
	}
	fmt.Println(os.Getenv("VARIANT"), times, median(times))
}

const timingProbe = `
window.__tl = {};
(() => {
  const mark = (k) => { window.__tl[k] = Math.round(performance.now()); };
  document.addEventListener("DOMContentLoaded", () => mark("dcl"));
  const is = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function(...a) { mark("instStart"); return is.apply(this, a).then((r) => { mark("instDone"); return r; }); };
  const ci = WebAssembly.instantiate;
  WebAssembly.instantiate = function(...a) { mark("inst2Start"); return ci.apply(this, a).then((r) => { mark("inst2Done"); return r; }); };
  const f = window.fetch;
  window.fetch = function(...a) { const u = String(a[0].url || a[0]); if (u.includes("wasm")) mark("fetch:"+u.slice(-12)); return f.apply(this, a); };
  const iv = setInterval(() => { if (window.Go && !window.__goPatched) { window.__goPatched = 1; const r = Go.prototype.run; Go.prototype.run = function(...a) { mark("goRun"); return r.apply(this, a); }; clearInterval(iv); } }, 1);
})();
`

const swProbe = `
(() => {
  const r = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = function(...a) { window.__tl.swReg = Math.round(performance.now()); return r(...a); };
})();
`
