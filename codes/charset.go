package codes

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
)

// toUTF8 converts b from the named charset (a MIME charset parameter, RFC
// 2045 section 5.1) to UTF-8. Labels are looked up in the WHATWG index first,
// which knows the aliases mailers really write (sjis, x-sjis, ks_c_5601-1987,
// gb2312, ...), then in the IANA registry. An unknown charset yields the
// bytes as they are (invalid UTF-8 replaced) and ok false.
func toUTF8(in string, charset string) (s string, ok bool) {
	cs := strings.ToLower(strings.Trim(strings.TrimSpace(charset), `"'`))
	switch cs {
	case "", "us-ascii", "ascii", "utf-8", "utf8", "us_ascii", "ansi_x3.4-1968", "x-unknown", "unknown-8bit", "default":
		if utf8.ValidString(in) {
			if cs == "" && hasISO2022Escape(in) {
				// Japanese mailers often send ISO-2022-JP text with no
				// charset parameter (RFC 1468 text is 7-bit).
				if out, err := japanese.ISO2022JP.NewDecoder().String(in); err == nil {
					return out, true
				}
			}
			return in, true
		}
		if cs == "" || cs == "x-unknown" || cs == "unknown-8bit" || cs == "default" {
			// Undeclared 8-bit text: guess the common legacy charsets.
			return guess8bit(in), true
		}
		return strings.ToValidUTF8(in, "\uFFFD"), true
	}
	enc := lookupCharset(cs)
	if enc == nil {
		return strings.ToValidUTF8(in, "\uFFFD"), false
	}
	out, err := enc.NewDecoder().String(in)
	if err != nil {
		return strings.ToValidUTF8(in, "\uFFFD"), false
	}
	return strings.ToValidUTF8(out, "\uFFFD"), true
}

func lookupCharset(cs string) encoding.Encoding {
	switch cs {
	case "x-sjis", "sjis", "shift-jis", "ms932", "cp932", "windows-31j":
		return japanese.ShiftJIS
	case "iso-2022-jp", "iso-2022-jp-1", "iso-2022-jp-2", "iso-2022-jp-3", "csiso2022jp":
		return japanese.ISO2022JP
	case "euc-jp", "x-euc-jp", "eucjp", "ujis":
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

func hasISO2022Escape(b string) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0x1b && b[i+1] == '$' && (b[i+2] == 'B' || b[i+2] == '@') {
			return true
		}
	}
	return false
}

// guess8bit decodes 8-bit text with no declared charset: ISO-2022-JP when it
// has its escapes, else Shift_JIS or EUC-JP when they decode cleanly (the
// undeclared 8-bit mail seen in practice is Japanese), else Windows-1252.
func guess8bit(b string) string {
	for _, e := range [...]encoding.Encoding{japanese.ShiftJIS, japanese.EUCJP} {
		out, err := e.NewDecoder().String(b)
		if err == nil && !strings.ContainsRune(out, utf8.RuneError) {
			return out
		}
	}
	if e, err := htmlindex.Get("windows-1252"); err == nil {
		if out, err := e.NewDecoder().String(b); err == nil {
			return strings.ToValidUTF8(out, "\uFFFD")
		}
	}
	return strings.ToValidUTF8(b, "\uFFFD")
}
