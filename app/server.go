//go:build !wasm

package main

import (
	"bytes"
	"log"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// encodings are the precompressed copies build.sh writes next to a file
// (app.wasm.br, app.wasm.gz), in order of preference.
var encodings = [...]struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// server serves the app: go-app's pages and scripts, and the files of the
// web directory, precompressed when a fresh compressed copy exists and the
// browser accepts it.
type server struct {
	site  *site
	app   http.Handler
	appJS []byte // go-app's app.js with appJSPatches applied
}

// newServer returns the handler serving s.
func newServer(s *site) *server {
	for _, e := range encodings {
		name := filepath.Join(s.webDir, "app.wasm"+e.ext)
		if !fresh(name, filepath.Join(s.webDir, "app.wasm")) {
			log.Printf("serve: no up-to-date %s; app.wasm is served uncompressed to %s clients: run ./build.sh", name, e.name)
		}
	}
	h := s.handler()
	js, err := get(h, "/app.js")
	if err != nil {
		panic("serve: " + err.Error()) // go-app's handler always serves it
	}
	return &server{site: s, app: h, appJS: []byte(mustPatch(string(js), appJSPatches))}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")

	p := r.URL.Path
	if p == "/app.wasm" {
		p = "/web/app.wasm"
	}
	if strings.HasPrefix(p, "/web/") {
		s.serveFile(w, r, p)
		return
	}
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if p == "/app.js" {
		h.Set("Content-Type", "application/javascript")
		http.ServeContent(w, r, "app.js", time.Time{}, bytes.NewReader(s.appJS))
		return
	}
	s.app.ServeHTTP(w, r)
}

// serveFile serves the file at the URL path p ("/web/...") from the web
// directory, or a compressed copy of it with its Content-Encoding when the
// request accepts it. Content-Length is that of the bytes sent; the page
// knows the uncompressed size of app.wasm from Handler.WasmContentLength.
// The files are public: any origin may fetch them (the JavaScript API loads
// bounce-decoder.wasm from other sites).
func (s *server) serveFile(w http.ResponseWriter, r *http.Request, p string) {
	clean := path.Clean(p)
	rel := strings.TrimPrefix(clean, "/web/")
	if !strings.HasPrefix(clean, "/web/") || strings.HasSuffix(p, "/") || strings.HasPrefix(path.Base(rel), ".") {
		http.NotFound(w, r) // no directory listings, no dot files
		return
	}
	name := filepath.Join(s.site.webDir, filepath.FromSlash(rel))
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Access-Control-Allow-Origin", "*")
	ctype := mime.TypeByExtension(path.Ext(rel))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	etag := ""
	if rel == "app.wasm" {
		etag = s.site.version
	}
	h.Add("Vary", "Accept-Encoding")
	for _, e := range encodings {
		if !acceptsEncoding(r.Header.Get("Accept-Encoding"), e.name) || !fresh(name+e.ext, name) {
			continue
		}
		if f, err := os.Open(name + e.ext); err == nil {
			defer f.Close()
			h.Set("Content-Encoding", e.name)
			if etag != "" {
				h.Set("ETag", strconv.Quote(etag+"-"+e.name))
			}
			http.ServeContent(w, r, "", fi.ModTime(), f)
			return
		}
	}
	f, err := os.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if etag != "" {
		h.Set("ETag", strconv.Quote(etag))
	}
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

// fresh reports whether the compressed copy exists and is not older than
// the original.
func fresh(compressed, original string) bool {
	ci, err := os.Stat(compressed)
	if err != nil {
		return false
	}
	oi, err := os.Stat(original)
	return err == nil && !ci.ModTime().Before(oi.ModTime())
}

// acceptsEncoding reports whether an Accept-Encoding header value accepts
// the content coding enc (RFC 9110 section 12.5.3): enc or "*" listed with a
// non-zero quality.
func acceptsEncoding(header, enc string) bool {
	star := false
	for _, item := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(item, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != enc && name != "*" {
			continue
		}
		ok := true
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(p, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				ok = err == nil && q > 0
			}
		}
		if name == enc {
			return ok
		}
		star = ok
	}
	return star
}
