//go:build wasm

package main

import "io"

// runCLI is never reached in the browser: app.RunWhenOnBrowser does not
// return there.
func runCLI(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 0 }
