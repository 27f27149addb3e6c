//go:build !wasm

package main

// tuneGC does nothing on the host: the server and the command line keep
// Go's defaults (GOGC and GOMEMLIMIT still apply).
func tuneGC() {}
