//go:build js && wasm

// Command jsapi is the Bounce Decoder JavaScript API: a small WebAssembly
// program built from package codes alone (no UI framework), loaded by
// web/bounce-decoder.js.
//
// It installs one global function:
//
//	globalThis.__bounceDecoderDecode(input, length) → string
//
// where input is a string (text as pasted) or a Uint8Array (the raw bytes of
// a mail file), and length, optional, is input.length for a string. The
// result is the JSON of the codes.Report that `bounce-decoder decode`
// prints, except that span offsets are JavaScript string indices (UTF-16
// code units) into report.text instead of UTF-8 byte offsets, so that
// report.text.slice(span.start, span.end) is the highlighted token, and that
// problems and recipients are always arrays. When decoding fails the JSON is
// the partial report with an extra "error" member; a Go panic is turned
// into such an error, never thrown into the page.
//
// Build:
//
//	GOOS=js GOARCH=wasm go build -trimpath -tags platformcharsets -ldflags="-s -w" -o web/bounce-decoder.wasm ./app/jsapi
//
// With the tag platformcharsets, codes carries no charset tables: charsets
// are converted by the browser's TextDecoder (package jscharset).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/bouncedecoder/bouncedecoder/app/internal/jscharset"
	"github.com/bouncedecoder/bouncedecoder/codes"
)

// errArgument is reported when decode is called with something other than a
// string or a Uint8Array.
var errArgument = errors.New("jsapi: decode takes a string or a Uint8Array")

func main() {
	codes.UseCharsetDecoder(jscharset.Decode)
	js.Global().Set("__bounceDecoderDecode", js.FuncOf(decode))
	js.Global().Set("__bounceDecoderVersion", js.ValueOf(version))
	if ready := js.Global().Get("__bounceDecoderReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// version is the JSON format version of the API's result.
const version = "1"

// decode is the JavaScript function; it returns the result as a JSON string.
func decode(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if p := recover(); p != nil {
			ret = marshal(result{
				Report: codes.Report{Problems: []string{}, Recipients: []codes.Recipient{}},
				Error:  fmt.Sprintf("jsapi: internal error: %v", p),
			})
		}
	}()
	input, err := inputBytes(args)
	if err != nil {
		return marshal(result{
			Report: codes.Report{Problems: []string{err.Error()}, Recipients: []codes.Recipient{}},
			Error:  err.Error(),
		})
	}
	rep, err := codes.Decode(input)
	res := result{Report: rep}
	if err != nil {
		res.Error = err.Error()
	}
	if res.Problems == nil {
		res.Problems = []string{}
	}
	if res.Recipients == nil {
		res.Recipients = []codes.Recipient{}
	}
	toUTF16Spans(res.Text, res.Recipients)
	return marshal(res)
}

// inputBytes copies the argument into Go, refusing oversized input before
// copying it.
func inputBytes(args []js.Value) ([]byte, error) {
	if len(args) < 1 {
		return nil, errArgument
	}
	v := args[0]
	switch {
	case v.Type() == js.TypeString:
		// A string of n UTF-16 units has at least n UTF-8 bytes: when the
		// caller passes n (syscall/js cannot read a string's length), an
		// oversized string is refused before it is copied. Else Decode
		// refuses it after.
		if len(args) > 1 && args[1].Type() == js.TypeNumber && args[1].Int() > codes.MaxInputSize {
			return nil, codes.ErrTooLarge
		}
		return []byte(v.String()), nil
	case v.InstanceOf(js.Global().Get("Uint8Array")):
		n := v.Get("byteLength").Int()
		if n > codes.MaxInputSize {
			return nil, codes.ErrTooLarge
		}
		b := make([]byte, n)
		js.CopyBytesToGo(b, v)
		return b, nil
	}
	return nil, errArgument
}

// result is the JSON handed to JavaScript: the report plus an error message.
type result struct {
	codes.Report
	Error string `json:"error,omitempty"`
}

// marshal returns the JSON of r, as the command line writes it (no HTML
// escaping).
func marshal(r result) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return `{"bounce":false,"error":` + strconv.Quote(err.Error()) + `}`
	}
	return strings.TrimSuffix(b.String(), "\n")
}
