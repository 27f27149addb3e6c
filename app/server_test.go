//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/bouncedecoder/bouncedecoder/app/internal/precompress"
)

// fakeWeb returns a web directory holding a stand-in app.wasm (the server
// does not look inside it) with fresh compressed copies, and its content.
func fakeWeb(t *testing.T) (dir string, wasm []byte) {
	t.Helper()
	dir = t.TempDir()
	wasm = bytes.Repeat([]byte("\x00asm fake module body "), 4096)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".secret"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := precompress.File(filepath.Join(dir, "app.wasm"), brotli.WriterOptions{Quality: 1}); err != nil {
		t.Fatal(err)
	}
	return dir, wasm
}

func testServerFor(t *testing.T, web, base string) (*server, *site) {
	t.Helper()
	s, err := loadSite(web, base)
	if err != nil {
		t.Fatal(err)
	}
	return newServer(s), s
}

func get1(h http.Handler, path string, header ...string) *http.Response {
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, enc string
		want        bool
	}{
		{"", "br", false},
		{"br", "br", true},
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate, br, zstd", "gzip", true},
		{"gzip", "br", false},
		{"br;q=0, gzip", "br", false},
		{"br;q=0, gzip", "gzip", true},
		{"BR; q=0.5", "br", true},
		{"*", "gzip", true},
		{"*;q=0", "gzip", false},
		{"*, br;q=0", "br", false},
		{"br;q=nonsense", "br", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.enc); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tt.header, tt.enc, got, tt.want)
		}
	}
}

func TestServeWasm(t *testing.T) {
	web, wasm := fakeWeb(t)
	srv, s := testServerFor(t, web, "")

	decoders := map[string]func(io.Reader) (io.Reader, error){
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		"":     func(r io.Reader) (io.Reader, error) { return r, nil },
	}
	tests := []struct {
		name, accept, wantEncoding string
	}{
		{"brotli preferred", "gzip, deflate, br", "br"},
		{"gzip only", "gzip", "gzip"},
		{"brotli refused", "br;q=0, gzip", "gzip"},
		{"identity", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get1(srv, "/web/app.wasm", "Accept-Encoding", tt.accept)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %s", res.Status)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.wantEncoding)
			}
			if got := res.Header.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("Content-Type = %q", got)
			}
			if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q", got)
			}
			if !strings.Contains(res.Header.Get("ETag"), s.version) {
				t.Errorf("ETag = %q, want the version %q", res.Header.Get("ETag"), s.version)
			}
			r, err := decoders[tt.wantEncoding](res.Body)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, wasm) {
				t.Errorf("decoded body has %d bytes, want the %d of app.wasm", len(got), len(wasm))
			}
			if tt.wantEncoding != "" {
				if n, _ := strconv.Atoi(res.Header.Get("Content-Length")); n >= len(wasm) {
					t.Errorf("Content-Length = %d, not smaller than %d", n, len(wasm))
				}
			}
			etag := res.Header.Get("ETag")
			if res := get1(srv, "/web/app.wasm", "Accept-Encoding", tt.accept, "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
				t.Errorf("If-None-Match %s: status %s, want 304", etag, res.Status)
			}
		})
	}

	t.Run("stale copies ignored", func(t *testing.T) {
		later := time.Now().Add(time.Hour)
		if err := os.Chtimes(filepath.Join(web, "app.wasm"), later, later); err != nil {
			t.Fatal(err)
		}
		res := get1(srv, "/web/app.wasm", "Accept-Encoding", "br, gzip")
		if got := res.Header.Get("Content-Encoding"); got != "" {
			t.Errorf("Content-Encoding = %q for a stale copy, want none", got)
		}
		if got := body(t, res); got != string(wasm) {
			t.Errorf("body has %d bytes, want app.wasm", len(got))
		}
	})
}

func TestServeRoutes(t *testing.T) {
	web, _ := fakeWeb(t)
	srv, _ := testServerFor(t, web, "")
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/", 200, `data-ready="false"`},
		{"/", 200, `name="ndr"`},
		{"/about", 200, "About Bounce Decoder"},
		{"/about/", 200, "About Bounce Decoder"},
		{"/no-such-page", 404, ""},
		{"/web/app.css", 200, "body{}"},
		{"/web/", 404, ""},
		{"/web/.secret", 404, ""},
		{"/web/missing.png", 404, ""},
		{"/app.js", 200, "goappEnv"},
		{"/app.js", 200, "goappInitWebAssembly().finally(goappInitServiceWorker)"}, // appJSPatches
		{"/manifest.webmanifest", 200, "Bounce Decoder"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := get1(srv, tt.path)
			b := body(t, res)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if !strings.Contains(b, tt.wantBody) {
				t.Errorf("body does not contain %q:\n%.600s", tt.wantBody, b)
			}
			for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
				if res.Header.Get(h) == "" {
					t.Errorf("no %s header", h)
				}
			}
		})
	}
}

// TestHandlerConfig checks what the page needs to load and update right:
// the wasm size for the progress, a version that follows app.wasm, the
// patched service worker that caches every page, and local icons.
func TestHandlerConfig(t *testing.T) {
	web, wasm := fakeWeb(t)
	srv, s := testServerFor(t, web, "")

	appJS := body(t, get1(srv, "/app.js"))
	if want := `const goappWasmContentLength = "` + strconv.Itoa(len(wasm)) + `"`; !strings.Contains(appJS, want) {
		t.Errorf("app.js lacks %s", want)
	}
	worker := body(t, get1(srv, "/app-worker.js"))
	for _, want := range []string{
		`"app-" + "` + s.version + `"`,
		`"/about/"`,
		`"/web/app.wasm"`,
		`"/web/icon.svg"`,
		`"/web/icon-192.png"`,
		`event.waitUntil(installWorker()`,
		`async function matchPage(url)`,
	} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	// Nothing is loaded from another origin (og:url and og:image are
	// metadata, not loads).
	remote := map[string][]string{
		"page":     {`src="http`, `href="http`, `src="//`, `href="//`},
		"manifest": {`"http`, `"//`},
		"worker":   {`"http`, `"//`},
	}
	for name, text := range map[string]string{
		"page":     body(t, get1(srv, "/")),
		"manifest": body(t, get1(srv, "/manifest.webmanifest")),
		"worker":   worker,
	} {
		for _, r := range remote[name] {
			if strings.Contains(text, r) {
				t.Errorf("%s refers to a remote resource (%s)", name, r)
			}
		}
	}

	// A new build is a new version.
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), append(wasm, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := loadSite(web, "")
	if err != nil {
		t.Fatal(err)
	}
	if s2.version == s.version {
		t.Errorf("version %q did not change with app.wasm", s.version)
	}
	if s2.wasmSize != int64(len(wasm))+1 {
		t.Errorf("wasmSize = %d, want %d", s2.wasmSize, len(wasm)+1)
	}
}

func TestLoadSiteNoWasm(t *testing.T) {
	_, err := loadSite(t.TempDir(), "")
	if err == nil || !strings.Contains(err.Error(), "build.sh") {
		t.Errorf("loadSite without app.wasm: %v, want a hint to build", err)
	}
}

func TestCleanBasePath(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "decoder": "/decoder", "/decoder/": "/decoder", "/a/b/": "/a/b"} {
		if got := cleanBasePath(in); got != want {
			t.Errorf("cleanBasePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMustPatch(t *testing.T) {
	if got := mustPatch("a b c", [][2]string{{"b", "B"}}); got != "a B c" {
		t.Errorf("mustPatch = %q", got)
	}
	for _, s := range []string{"a c", "b b"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("mustPatch(%q) did not panic", s)
				}
			}()
			mustPatch(s, [][2]string{{"b", "B"}})
		}()
	}
}
