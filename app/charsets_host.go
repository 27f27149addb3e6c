//go:build !wasm

package main

// useBrowserCharsets does nothing on the host, where codes has its own
// charset tables.
func useBrowserCharsets() {}
