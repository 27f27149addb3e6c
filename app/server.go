//go:build !wasm

package main

import (
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// encodings are the precompressed copies of app.wasm that build.sh writes,
// in order of preference.
var encodings = [...]struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// server serves the app: go-app's pages and scripts, the files of the web
// directory, and app.wasm precompressed when the browser accepts it.
type server struct {
	site  *site
	app   http.Handler
	files http.Handler
	wasm  []wasmFile // app.wasm and its usable compressed copies, preferred first
}

// wasmFile is app.wasm or one of its compressed copies.
type wasmFile struct {
	encoding string // "" for the uncompressed file
	path     string
	modTime  time.Time
}

// newServer returns the handler serving s. A compressed copy of app.wasm
// older than app.wasm is stale and is not served.
func newServer(s *site) *server {
	srv := &server{
		site:  s,
		app:   s.handler(),
		files: http.StripPrefix("/web", http.FileServer(http.Dir(s.webDir))),
	}
	wasm := filepath.Join(s.webDir, "app.wasm")
	wi, err := os.Stat(wasm)
	if err != nil {
		log.Printf("serve: %v", err)
		return srv
	}
	for _, e := range encodings {
		fi, err := os.Stat(wasm + e.ext)
		switch {
		case err != nil:
			log.Printf("serve: no %s copy of app.wasm (%v); run ./build.sh", e.name, err)
		case fi.ModTime().Before(wi.ModTime()):
			log.Printf("serve: %s is older than app.wasm and is ignored; run ./build.sh", wasm+e.ext)
		default:
			srv.wasm = append(srv.wasm, wasmFile{e.name, wasm + e.ext, fi.ModTime()})
		}
	}
	srv.wasm = append(srv.wasm, wasmFile{"", wasm, wi.ModTime()})
	return srv
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")

	p := r.URL.Path
	switch {
	case p == "/web/app.wasm" || p == "/app.wasm":
		s.serveWasm(w, r)
	case strings.HasPrefix(p, "/web/"):
		if strings.HasSuffix(p, "/") || path.Base(p)[0] == '.' {
			http.NotFound(w, r) // no directory listings, no dot files
			return
		}
		h.Set("Cache-Control", "no-cache")
		s.files.ServeHTTP(w, r)
	default:
		s.app.ServeHTTP(w, r)
	}
}

// serveWasm serves app.wasm, or a compressed copy with its
// Content-Encoding when the request accepts it. Content-Length is that of
// the bytes sent; the page knows the uncompressed size from
// Handler.WasmContentLength.
func (s *server) serveWasm(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	h.Set("Content-Type", "application/wasm")
	h.Set("Cache-Control", "no-cache")
	for _, f := range s.wasm {
		if f.encoding != "" && !acceptsEncoding(r.Header.Get("Accept-Encoding"), f.encoding) {
			continue
		}
		file, err := os.Open(f.path)
		if err != nil {
			continue
		}
		defer file.Close()
		etag := s.site.version
		if f.encoding != "" {
			h.Set("Content-Encoding", f.encoding)
			etag += "-" + f.encoding
		}
		h.Set("ETag", strconv.Quote(etag))
		http.ServeContent(w, r, "", f.modTime, file)
		return
	}
	http.Error(w, errNoWasm.Error(), http.StatusNotFound)
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
