package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// marshalStd is the reference: what encoding/json writes with HTML escaping
// off, as the command line does.
func marshalStd(t *testing.T, r *result) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// fill sets every field reachable from v to a non-zero value derived from
// seed, with slices of two elements, so that a field the hand-written
// encoder forgets shows up as a difference.
func fill(v reflect.Value, seed string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(seed + " <b>&amp;</b> \"q\" \\ \n\t\r\b\f\x01\x7f é ✉ 📧 \u2028\u2029 \xff\xc3 end")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(len(seed)*7 + 3))
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), seed+string(rune('a'+i)))
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), seed+v.Type().Field(i).Name)
		}
	}
}

func TestAppendResult(t *testing.T) {
	var full result
	fill(reflect.ValueOf(&full).Elem(), "x")
	tests := []struct {
		name string
		r    result
	}{
		{"zero", result{}},
		{"empty-slices", result{Report: codes.Report{Problems: []string{}, Recipients: []codes.Recipient{{Fix: []string{}, Links: []codes.Link{}, Spans: []codes.Span{}}}}}},
		{"every-field", full},
		{"negative-span", result{Report: codes.Report{Recipients: []codes.Recipient{{Spans: []codes.Span{{Kind: "k", Start: -1, End: 1 << 40}}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := marshalStd(t, &tt.r)
			got := appendResult(nil, &tt.r)
			if !bytes.Equal(got, want) {
				t.Errorf("hand-written JSON differs from encoding/json:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestAppendResultCorpus compares the two encoders on the reports of real
// bounces.
func TestAppendResultCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../codes/testdata/corpus/dev/*.eml")
	if len(files) == 0 {
		t.Fatal("no corpus mails in ../../codes/testdata/corpus/dev")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := codes.Decode(data)
		r := result{Report: rep}
		if err != nil {
			r.Error = err.Error()
		}
		toUTF16Spans(r.Text, r.Recipients)
		if got, want := appendResult(nil, &r), marshalStd(t, &r); !bytes.Equal(got, want) {
			t.Errorf("%s: hand-written JSON differs from encoding/json", filepath.Base(f))
		}
	}
}
