//go:build !wasm

package main

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
)

// staticResources are the files go-app's handler generates, written to the
// static site next to the pages.
var staticResources = [...]string{
	"/app-worker.js",
	"/app.css",
	"/app.js",
	"/manifest.webmanifest",
	"/wasm_exec.js",
}

// writeStaticSite writes the app as a static site to dir: the prerendered
// pages, go-app's scripts and the web directory. It returns the number of
// files written.
//
// The site works from any static file server, at the root or under
// s.basePath: each page is written as "p/index.html" (what a plain file
// server serves at "p/", and where the service worker caches it) and as
// "p.html" (for hosts that map "p" to "p.html"); "404.html" holds the app
// for hosts that serve it for unknown paths.
func writeStaticSite(s *site, dir string) (int, error) {
	h := newServer(s) // go-app's handler, with the server's patched app.js
	n := 0
	write := func(name string, data []byte) error {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(name, data, 0o644)
	}
	for _, p := range staticResources {
		body, err := get(h, p)
		if err != nil {
			return n, err
		}
		if err := write(p, body); err != nil {
			return n, err
		}
	}
	for _, p := range pagePaths() {
		body, err := get(h, p)
		if err != nil {
			return n, err
		}
		names := []string{p + "/index.html", p + ".html"}
		if p == "/" {
			names = []string{"/index.html", "/404.html"}
		}
		for _, name := range names {
			if err := write(name, body); err != nil {
				return n, err
			}
		}
	}
	err := filepath.WalkDir(s.webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && path != s.webDir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(s.webDir, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return write("/web/"+filepath.ToSlash(rel), data)
	})
	return n, err
}

// get returns the body h serves for the path p.
func get(h http.Handler, p string) ([]byte, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://localhost"+p, nil))
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", p, res.Status)
	}
	return body, nil
}
