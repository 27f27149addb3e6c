//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteStaticSite(t *testing.T) {
	for _, base := range []string{"", "/decoder"} {
		name := "root"
		if base != "" {
			name = "subpath"
		}
		t.Run(name, func(t *testing.T) {
			web, _ := fakeWeb(t)
			s, err := loadSite(web, base+"/")
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if _, err := writeStaticSite(s, dir); err != nil {
				t.Fatal(err)
			}
			read := func(name string) string {
				t.Helper()
				b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			for _, f := range []string{"404.html", "about.html", "app.css", "manifest.webmanifest", "wasm_exec.js", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/app.css"} {
				read(f)
			}
			if _, err := os.Stat(filepath.Join(dir, "web", ".secret")); err == nil {
				t.Error("a dot file was copied")
			}
			index := read("index.html")
			for _, want := range []string{
				`href="` + base + `/web/app.css"`,
				`src="` + base + `/app.js"`,
				`href="` + base + `/about"`,
				`data-ready="false"`,
				`http-equiv="Content-Security-Policy"`,
			} {
				if !strings.Contains(index, want) {
					t.Errorf("index.html lacks %s", want)
				}
			}
			if about := read("about/index.html"); !strings.Contains(about, "About Bounce Decoder") {
				t.Error("about/index.html is not the about page")
			}
			list := read("codes/index.html")
			for _, want := range []string{`<li data-entry="550"><a href="` + base + `/codes/550">`, `href="` + base + `/codes/5.7.26"`} {
				if !strings.Contains(list, want) {
					t.Errorf("codes/index.html lacks %s", want)
				}
			}
			if js := read("app.js"); !strings.Contains(js, "goappInitWebAssembly().finally(goappInitServiceWorker)") {
				t.Error("app.js registers the service worker before the app starts (appJSPatches not applied)")
			}
			if js := read("app.js"); !strings.Contains(js, `"`+base+`/web/app.wasm"`) {
				t.Errorf("app.js does not load %s/web/app.wasm", base)
			}
			worker := read("app-worker.js")
			for _, want := range []string{`"` + base + `/about/"`, `"` + base + `/web/app.wasm"`} {
				if !strings.Contains(worker, want) {
					t.Errorf("app-worker.js does not cache %s", want)
				}
			}
		})
	}
}
