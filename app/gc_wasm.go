//go:build wasm

package main

import "runtime/debug"

// gcPercent and gcMemoryLimit tune the collector in the browser.
//
// With Go's default (GOGC=100) the heap of the decoder page is small enough
// that rendering a result starts a collection: in headless Chromium
// (BenchmarkBrowser, decode-render-ms),
// collecting and sweeping took about a fifth of decoding and rendering the
// largest corpus mail. Letting the heap grow to five times what is live
// makes that rare. The memory limit bounds the heap all the same: a
// WebAssembly memory never shrinks. (The batch page sets a lower limit of
// its own while it reads a file, and puts this one back.)
const (
	gcPercent     = 400
	gcMemoryLimit = 256 << 20
)

// tuneGC sets the collector's goal for the browser.
func tuneGC() {
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(gcMemoryLimit)
}
