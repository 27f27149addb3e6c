package main

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// jsSlice mimics JavaScript's String.prototype.slice on the UTF-16 form of s,
// after replacing each invalid UTF-8 byte by U+FFFD as encoding/json does.
func jsSlice(s string, start, end int) string {
	var rs []rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rs = append(rs, r)
		i += size
	}
	u := utf16.Encode(rs)
	return string(utf16.Decode(u[start:end]))
}

func TestToUTF16Spans(t *testing.T) {
	tests := []struct {
		name, text, token string
	}{
		{"ascii", "550 5.1.1 <bob@example.com>: User unknown", "5.1.1"},
		{"latin", "Fehler: Empfänger unbekannt 550 5.1.1 bob", "5.1.1"},
		{"bmp", "✉ ✉ 550 5.1.1 bob", "550"},
		{"astral", "📧📧 bounce 550 5.7.26 unauthenticated", "5.7.26"},
		{"invalid", "caf\xe9 \xff\xfe 550 5.1.1 nobody", "550"},
		{"token-non-ascii", "x 550 Empfänger ✉ unbekannt", "Empfänger ✉"},
		{"at-end", "über 550", "550"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := indexOf(tt.text, tt.token)
			end := start + len(tt.token)
			orig := []codes.Span{{Kind: codes.SpanStatus, Start: start, End: end}}
			rs := []codes.Recipient{{Spans: orig}}
			toUTF16Spans(tt.text, rs)
			got := rs[0].Spans[0]
			if s := jsSlice(tt.text, got.Start, got.End); s != tt.token {
				t.Errorf("JS slice [%d,%d) = %q, want %q", got.Start, got.End, s, tt.token)
			}
			if orig[0].Start != start || orig[0].End != end {
				t.Errorf("input span modified: %+v", orig[0])
			}
		})
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestToUTF16SpansClamp(t *testing.T) {
	text := "aé✉📧" // bytes: a(0) é(1,2) ✉(3,4,5) 📧(6..9); units: a0 é1 ✉2 📧3,4
	tests := []struct {
		in, want int
	}{
		{-5, 0}, {0, 0}, {1, 1}, {2, 1}, {3, 2}, {5, 2}, {6, 3}, {8, 3}, {10, 5}, {99, 5},
	}
	for _, tt := range tests {
		rs := []codes.Recipient{{Spans: []codes.Span{{Start: tt.in, End: tt.in}}}}
		toUTF16Spans(text, rs)
		if got := rs[0].Spans[0].Start; got != tt.want {
			t.Errorf("offset %d → %d, want %d", tt.in, got, tt.want)
		}
	}
	// Ending inside a character when that is the largest offset.
	rs := []codes.Recipient{{Spans: []codes.Span{{Start: 0, End: 7}}}}
	toUTF16Spans(text, rs)
	if got := rs[0].Spans[0].End; got != 3 {
		t.Errorf("end 7 → %d, want 3", got)
	}
}

func TestToUTF16SpansNone(t *testing.T) {
	rs := []codes.Recipient{{}, {Spans: []codes.Span{}}}
	toUTF16Spans("text", rs)
	if rs[0].Spans != nil || rs[1].Spans == nil || len(rs[1].Spans) != 0 {
		t.Errorf("spans changed: %#v", rs)
	}
}
