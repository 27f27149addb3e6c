//go:build js && wasm

// Package jscharset converts charsets with the JavaScript host's TextDecoder
// (the WHATWG Encoding Standard, https://encoding.spec.whatwg.org/), for
// codes.UseCharsetDecoder. The browser's decoders replace the tables of
// golang.org/x/text, which would add about a megabyte to each WebAssembly
// module; build with -tags platformcharsets so that codes leaves them out.
package jscharset

import "syscall/js"

// Decode converts text from the charset label to UTF-8. ok is false when
// TextDecoder does not know the label (it throws a RangeError).
func Decode(label string, text []byte) (s string, ok bool) {
	ctor := js.Global().Get("TextDecoder")
	if ctor.Type() != js.TypeFunction {
		return "", false
	}
	defer func() {
		if recover() != nil { // the RangeError of an unknown label
			s, ok = "", false
		}
	}()
	dec := ctor.New(label)
	arr := js.Global().Get("Uint8Array").New(len(text))
	js.CopyBytesToJS(arr, text)
	return dec.Call("decode", arr).String(), true
}
