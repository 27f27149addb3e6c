package codes

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDecodeTrace decodes pasted rows of the files Batch reads as traces:
// the decoder view gives the same recipients, one per address.
func TestDecodeTrace(t *testing.T) {
	for _, tt := range []struct {
		file string
		want []logWant
	}{
		{"powermta-acct.csv", []logWant{
			{"alice@example.com", "delivered", "250", "2.0.0", "", "mx.example.com"},
			{"nobody@example.org", "failed", "550", "5.1.1", "", "mx1.example.org"},
			{"carol@example.edu", "delayed", "451", "4.7.1", "", "mx.example.edu"},
			{"dave@example.info", "failed", "", "5.4.4", "", ""},
		}},
		{"mailgun-bounces.csv", []logWant{
			{"alice@example.com", "failed", "550", "5.1.1", "", ""},
			{"dan@example.org", "failed", "554", "", "", ""},
		}},
		// One message's events: the last one about an address is its outcome.
		{"messagetrace-detail.csv", []logWant{
			{"nobody@example.org", "failed", "550", "5.1.10", "", ""},
			{"carol@example.edu", "delayed", "451", "4.4.4", "", ""},
			{"alice@example.com", "delivered", "", "", "", ""},
		}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "batch", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Decode(data)
			if err != nil || rep.Format != FormatLog || !rep.Bounce {
				t.Fatalf("Decode: %v, format %q, bounce %v; want a log with failures", err, rep.Format, rep.Bounce)
			}
			if len(rep.Recipients) != len(tt.want) {
				t.Fatalf("%d recipients, want %d", len(rep.Recipients), len(tt.want))
			}
			for i, w := range tt.want {
				rc := rep.Recipients[i]
				checkSpans(t, rep.Text, rc)
				g := logWant{rc.Recipient, rc.Action, rc.ReplyCode, rc.Status, rc.Command, rc.RemoteMTA}
				if w.status == "" {
					g.status = ""
				}
				if g != w {
					t.Errorf("recipient %d:\n got %+v\nwant %+v", i+1, g, w)
				}
			}
		})
	}
	// A header row alone, or rows without a known action or code, are
	// not a bounce.
	for _, in := range []string{
		"email,created,reason,status\n",
		"email,name,status\nbob@example.org,Bob,subscribed\n",
	} {
		if rep, _ := Decode([]byte(in)); rep.Bounce || len(rep.Recipients) > 0 {
			t.Errorf("Decode(%q): bounce %v, %d recipients; want none", in, rep.Bounce, len(rep.Recipients))
		}
	}
}

func TestTraceFieldAt(t *testing.T) {
	for _, tt := range []struct {
		text, v string
		want    int
	}{
		{`b,2026-11-27 10:05:50,550,"5.1.1 gone"`, "550", 22}, // not the 550 of the time
		{`a@example.com;"550";x`, "550", 15},                  // quoted, semicolon
		{`x,5.1.1 (gone),5.1.1`, "5.1.1", 15},                 // the whole field, not a part
		{`x,5.1.1 (gone),5.1.10`, "5.1.1", -1},                // no whole field
		{"x,550\r\n", "550", 2},                               // at the line's end
		{`x,y`, "", -1},                                       // nothing to find
	} {
		if got := traceFieldAt(tt.text, tt.v, ','); tt.text[0] == 'a' {
			if got = traceFieldAt(tt.text, tt.v, ';'); got != tt.want {
				t.Errorf("traceFieldAt(%q, %q, ';') = %d, want %d", tt.text, tt.v, got, tt.want)
			}
		} else if got != tt.want {
			t.Errorf("traceFieldAt(%q, %q) = %d, want %d", tt.text, tt.v, got, tt.want)
		}
	}
}
