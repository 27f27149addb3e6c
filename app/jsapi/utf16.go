package main

import (
	"unicode/utf8"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// toUTF16Spans rewrites every span of rs from UTF-8 byte offsets in text to
// UTF-16 code unit offsets in the JavaScript string of text, so that
// text.slice(start, end) in JavaScript is the same token as text[start:end]
// in Go. Invalid UTF-8 bytes count as one unit each, as JSON encoding turns
// each into U+FFFD. An offset inside a character is moved to the start of
// that character, one below zero to 0 and one past the end to the end.
// The span slices are replaced, not modified, so that reports sharing them
// are left alone.
func toUTF16Spans(text string, rs []codes.Recipient) {
	last, found := 0, false // largest offset asked for, capped at len(text)
	for i := range rs {
		for _, s := range rs[i].Spans {
			last, found = max(last, s.Start, s.End), true
		}
	}
	if !found {
		return
	}
	last = min(last, len(text))
	units := utf16Offsets(text, last)
	conv := func(off int) int {
		return units[min(max(off, 0), last)]
	}
	for i := range rs {
		if rs[i].Spans == nil {
			continue
		}
		spans := make([]codes.Span, len(rs[i].Spans))
		for j, s := range rs[i].Spans {
			spans[j] = codes.Span{Kind: s.Kind, Start: conv(s.Start), End: conv(s.End)}
		}
		rs[i].Spans = spans
	}
}

// utf16Offsets returns, for each byte offset k in 0..n of s, the UTF-16
// code unit offset of the character of s that contains byte k (of the end of
// s when k == len(s)).
func utf16Offsets(s string, n int) []int {
	units := make([]int, n+1)
	u, k := 0, 0
	for k < n {
		r, size := utf8.DecodeRuneInString(s[k:])
		for j := 0; j < size && k+j <= n; j++ {
			units[k+j] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		k += size
	}
	if k == n {
		units[n] = u
	}
	return units
}
