//go:build js && wasm

package jscharset

import "testing"

// The host's TextDecoder (Node's, under make test-wasm) against known text.
func TestDecode(t *testing.T) {
	tests := []struct {
		label string
		in    string
		want  string
	}{
		{"shift_jis", "\x93\xfa\x96\x7b\x8c\xea", "日本語"},
		{"euc-jp", "\xc6\xfc\xcb\xdc\xb8\xec", "日本語"},
		{"iso-2022-jp", "\x1b$BF|K\\8l\x1b(B", "日本語"},
		{"gbk", "\xd6\xd0\xce\xc4", "中文"},
		{"big5", "\xa4\xa4\xa4\xe5", "中文"},
		{"koi8-r", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"},
		// Not 0x80-0x9f: Node 20 decodes windows-1252 as ISO-8859-1
		// there (browsers do not).
		{"windows-1252", "caf\xe9", "café"},
		{"iso-8859-2", "\xb3\xf3d\xbc", "łódź"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			got, ok := Decode(tt.label, []byte(tt.in))
			if !ok || got != tt.want {
				t.Errorf("Decode(%q) = %q, %v; want %q", tt.label, got, ok, tt.want)
			}
		})
	}
	if _, ok := Decode("x-no-such-charset", []byte("abc")); ok {
		t.Error("an unknown label decoded")
	}
}
