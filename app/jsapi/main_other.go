//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main outside WebAssembly only says how to build the API.
func main() {
	fmt.Fprintln(os.Stderr, `jsapi: this is the Bounce Decoder JavaScript API; build it with
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o web/bounce-decoder.wasm ./app/jsapi`)
	os.Exit(2)
}
