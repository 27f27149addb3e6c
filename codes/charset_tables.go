//go:build !platformcharsets

package codes

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
)

// builtinCharset converts in from the charset label with the tables of
// golang.org/x/text: the WHATWG index first, then the IANA registry.
func builtinCharset(label, in string) (string, bool) {
	e := lookupCharset(label)
	if e == nil {
		return "", false
	}
	out, err := e.NewDecoder().String(in)
	if err != nil {
		return "", false
	}
	return out, true
}

func lookupCharset(cs string) encoding.Encoding {
	switch cs {
	case "shift_jis":
		return japanese.ShiftJIS
	case "iso-2022-jp":
		return japanese.ISO2022JP
	case "euc-jp":
		return japanese.EUCJP
	}
	if e, err := htmlindex.Get(cs); err == nil && e != nil {
		return e
	}
	if e, err := ianaindex.MIME.Encoding(cs); err == nil && e != nil {
		return e
	}
	return nil
}
