//go:build wasm

package main

import (
	"github.com/bouncedecoder/bouncedecoder/app/internal/jscharset"
	"github.com/bouncedecoder/bouncedecoder/codes"
)

// useBrowserCharsets makes codes convert charsets with the browser's
// TextDecoder; build.sh builds app.wasm with -tags platformcharsets, so
// codes carries no charset tables of its own.
func useBrowserCharsets() { codes.UseCharsetDecoder(jscharset.Decode) }
