package main

import (
	"strconv"
	"unicode/utf8"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// The JSON of a report is written by hand rather than with encoding/json,
// whose reflection-based encoder is a large part of a small WebAssembly
// binary. The output is byte for byte what encoding/json writes for result
// with HTML escaping off (as the command line does); TestAppendResult
// checks that, field by field, through reflection.

// result is the JSON handed to JavaScript: the report plus an error message.
type result struct {
	codes.Report
	Error string `json:"error,omitempty"`
}

// appendResult appends the JSON of r to b.
func appendResult(b []byte, r *result) []byte {
	b = append(b, '{')
	if r.File != "" {
		b = appendKey(b, "file")
		b = appendString(b, r.File)
	}
	b = appendKey(b, "bounce")
	b = strconv.AppendBool(b, r.Bounce)
	b = appendKey(b, "format")
	b = appendString(b, string(r.Format))
	b = appendKey(b, "text")
	b = appendString(b, r.Text)
	if r.Note != "" {
		b = appendKey(b, "note")
		b = appendString(b, r.Note)
	}
	b = appendKey(b, "problems")
	b = appendStrings(b, r.Problems)
	b = appendKey(b, "recipients")
	if r.Recipients == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Recipients {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendRecipient(b, &r.Recipients[i])
		}
		b = append(b, ']')
	}
	if r.Error != "" {
		b = appendKey(b, "error")
		b = appendString(b, r.Error)
	}
	return append(b, '}')
}

func appendRecipient(b []byte, r *codes.Recipient) []byte {
	strs := [...]struct{ k, v string }{
		{"recipient", r.Recipient},
		{"action", r.Action},
		{"reply_code", r.ReplyCode},
		{"status", r.Status},
		{"diagnostic", r.Diagnostic},
		{"command", r.Command},
		{"remote_mta", r.RemoteMTA},
		{"provider", r.Provider},
		{"reason", string(r.Reason)},
	}
	b = append(b, '{')
	for _, s := range strs {
		b = appendKey(b, s.k)
		b = appendString(b, s.v)
	}
	b = appendKey(b, "permanent")
	b = strconv.AppendBool(b, r.Permanent)
	b = appendKey(b, "hard_bounce")
	b = strconv.AppendBool(b, r.HardBounce)
	b = appendKey(b, "retry")
	b = appendString(b, string(r.Retry))
	b = appendKey(b, "summary")
	b = appendString(b, r.Summary)
	b = appendKey(b, "explanation")
	b = appendString(b, r.Explanation)
	b = appendKey(b, "fix")
	b = appendStrings(b, r.Fix)
	b = appendKey(b, "links")
	if r.Links == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, l := range r.Links {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = appendKey(b, "title")
			b = appendString(b, l.Title)
			b = appendKey(b, "url")
			b = appendString(b, l.URL)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendKey(b, "spans")
	if r.Spans == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range r.Spans {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = appendKey(b, "kind")
			b = appendString(b, string(s.Kind))
			b = appendKey(b, "start")
			b = strconv.AppendInt(b, int64(s.Start), 10)
			b = appendKey(b, "end")
			b = strconv.AppendInt(b, int64(s.End), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendKey appends `"k":`, after a comma unless it is an object's first
// member (b ends with "{"; no JSON value written here ends with one).
func appendKey(b []byte, k string) []byte {
	if len(b) > 0 && b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, k...)
	return append(b, '"', ':')
}

func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does without
// HTML escaping: invalid UTF-8 bytes become \ufffd, U+2028 and U+2029 are
// escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
