//go:build platformcharsets

package codes

// builtinCharset knows no charset: this build leaves charsets to the decoder
// given to UseCharsetDecoder.
func builtinCharset(label, in string) (string, bool) {
	return "", false
}
