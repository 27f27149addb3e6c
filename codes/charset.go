package codes

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// CharsetDecoder converts text in the named charset to UTF-8. The label is
// lower case and already mapped from the aliases mailers write to the
// WHATWG Encoding Standard's names (shift_jis, euc-jp, iso-2022-jp, ...).
// ok is false when the decoder does not know the label; bytes invalid in the
// charset become U+FFFD.
type CharsetDecoder func(label string, text []byte) (s string, ok bool)

// platformCharsets is the decoder given to UseCharsetDecoder, or nil.
var platformCharsets atomic.Pointer[CharsetDecoder]

// UseCharsetDecoder makes Decode convert charsets other than UTF-8 with d,
// for example a browser's TextDecoder. By default codes converts them with
// the tables of golang.org/x/text; built with the tag "platformcharsets", it
// has no tables of its own (a smaller WebAssembly module) and, until a
// decoder is given, keeps such text with its invalid bytes replaced and a
// problem reported. Call it before decoding.
func UseCharsetDecoder(d CharsetDecoder) {
	if d == nil {
		platformCharsets.Store(nil)
		return
	}
	platformCharsets.Store(&d)
}

// decodeCharset converts in from the charset label (canonical, see
// canonicalCharset) with the decoder given to UseCharsetDecoder, else the
// built-in tables.
func decodeCharset(label, in string) (string, bool) {
	if d := platformCharsets.Load(); d != nil {
		return (*d)(label, []byte(in))
	}
	return builtinCharset(label, in)
}

// toUTF8 converts b from the named charset (a MIME charset parameter, RFC
// 2045 section 5.1) to UTF-8. Labels are those of the WHATWG Encoding
// Standard, which knows the aliases mailers really write (sjis, x-sjis,
// ks_c_5601-1987, gb2312, ...), plus a few more seen in Japanese mail. An
// unknown charset yields the bytes as they are (invalid UTF-8 replaced) and
// ok false.
func toUTF8(in string, charset string) (s string, ok bool) {
	cs := strings.ToLower(strings.Trim(strings.TrimSpace(charset), `"'`))
	switch cs {
	case "", "us-ascii", "ascii", "utf-8", "utf8", "us_ascii", "ansi_x3.4-1968", "x-unknown", "unknown-8bit", "default":
		if utf8.ValidString(in) {
			if cs == "" && hasISO2022Escape(in) {
				// Japanese mailers often send ISO-2022-JP text with no
				// charset parameter (RFC 1468 text is 7-bit).
				if out, ok := decodeCharset("iso-2022-jp", in); ok {
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
	out, ok := decodeCharset(canonicalCharset(cs), in)
	if !ok {
		return strings.ToValidUTF8(in, "\uFFFD"), false
	}
	return strings.ToValidUTF8(out, "\uFFFD"), true
}

// canonicalCharset maps the Japanese charset names that the WHATWG index
// lacks but mailers write (cp932, ujis, iso-2022-jp-2, ...) to the
// standard's names; other labels are returned as they are.
func canonicalCharset(cs string) string {
	switch cs {
	case "x-sjis", "sjis", "shift-jis", "ms932", "cp932", "windows-31j":
		return "shift_jis"
	case "iso-2022-jp", "iso-2022-jp-1", "iso-2022-jp-2", "iso-2022-jp-3", "csiso2022jp":
		return "iso-2022-jp"
	case "euc-jp", "x-euc-jp", "eucjp", "ujis":
		return "euc-jp"
	}
	return cs
}

func hasISO2022Escape(b string) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0x1b && b[i+1] == '$' && (b[i+2] == 'B' || b[i+2] == '@') {
			return true
		}
	}
	return false
}

// guess8bit decodes 8-bit text with no declared charset: Shift_JIS or EUC-JP
// when they decode cleanly (the undeclared 8-bit mail seen in practice is
// Japanese), else Windows-1252.
func guess8bit(b string) string {
	for _, cs := range [...]string{"shift_jis", "euc-jp"} {
		if out, ok := decodeCharset(cs, b); ok && !strings.ContainsRune(out, utf8.RuneError) {
			return out
		}
	}
	if out, ok := decodeCharset("windows-1252", b); ok {
		return strings.ToValidUTF8(out, "\uFFFD")
	}
	return strings.ToValidUTF8(b, "\uFFFD")
}
