//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// errNoWasm is returned when the web directory has no app.wasm.
var errNoWasm = errors.New("app.wasm not found: build it first with ./build.sh (or make build)")

// contentSecurityPolicy allows nothing from other origins. go-app needs
// 'wasm-unsafe-eval' to compile app.wasm; it uses no inline script. Inline
// styles are refused, so components style through classes in web/app.css,
// never with the Style method.
const contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"worker-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'"

// site is one build of the app: its web directory and what the page needs
// to know about app.wasm.
type site struct {
	webDir   string // directory holding app.wasm, its compressed copies, app.css and icons
	basePath string // path the app is served under: "" for the root, or "/decoder"
	domain   string // host name for the page's og:url and og:image, e.g. "example.com"
	version  string // content hash of app.wasm: a new build is a new version
	wasmSize int64  // size of the uncompressed app.wasm
}

// loadSite reads app.wasm in webDir. basePath is "" or "/" for the root,
// or a path such as "/decoder/".
func loadSite(webDir, basePath string) (*site, error) {
	f, err := os.Open(filepath.Join(webDir, "app.wasm"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", webDir, errNoWasm)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return nil, err
	}
	return &site{
		webDir:   webDir,
		basePath: cleanBasePath(basePath),
		version:  hex.EncodeToString(h.Sum(nil))[:20],
		wasmSize: n,
	}, nil
}

// cleanBasePath turns "", "/", "decoder", "/decoder/" into "" or "/decoder".
func cleanBasePath(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return ""
	}
	return "/" + p
}

// handler returns the go-app handler for s. Every page of routes() is
// cached by the service worker, so deep links work offline.
func (s *site) handler() *app.Handler {
	cacheable := []string{"/web/icon.svg"}
	for _, p := range pagePaths() {
		if p != "/" {
			cacheable = append(cacheable, cachePath(p))
		}
	}
	h := &app.Handler{
		Name:        "Bounce Decoder",
		ShortName:   "Bounce Decoder",
		Title:       "Bounce Decoder: what a bounced email means",
		Description: "Paste a bounced email, an SMTP reply or a mail log line: see the reply code, the enhanced status code and what to do. Runs in your browser.",
		Author:      "Bounce Decoder authors",
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		Image:              "/web/icon-512.png",
		BackgroundColor:    "#f7f7f5",
		ThemeColor:         "#1f4e79",
		LoadingLabel:       "Loading the decoder… {progress}%",
		Styles:             []string{"/web/app.css"},
		Scripts:            []string{"/web/early.js", "/web/update.js"},
		CacheableResources: cacheable,
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`,
			`<meta name="referrer" content="no-referrer">`,
			// web/early.js preloads app.wasm on a page that no service
			// worker controls yet: a first visit.
		},
		Domain:                s.domain,
		Version:               s.version,
		WasmContentLength:     strconv.FormatInt(s.wasmSize, 10),
		ServiceWorkerTemplate: serviceWorkerJS,
	}
	if s.basePath != "" {
		h.Resources = app.PrefixedLocation(s.basePath)
	}
	return h
}
