package codes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
	"unicode/utf8"
)

// checkReport checks the invariants every Report keeps, whatever the input.
func checkReport(t *testing.T, rep Report) {
	t.Helper()
	if !utf8.ValidString(rep.Text) {
		t.Fatal("text is not valid UTF-8")
	}
	if rep.Problems == nil || rep.Recipients == nil {
		t.Fatal("nil problems or recipients (must be [] in JSON)")
	}
	if rep.Bounce != (len(rep.Recipients) > 0) {
		t.Fatalf("bounce %v with %d recipients", rep.Bounce, len(rep.Recipients))
	}
	for i, rc := range rep.Recipients {
		for _, sp := range rc.Spans {
			if sp.Start < 0 || sp.End > len(rep.Text) || sp.Start >= sp.End {
				t.Fatalf("recipient %d: span %+v outside text of %d bytes", i, sp, len(rep.Text))
			}
			if !utf8.RuneStart(rep.Text[sp.Start]) || sp.End < len(rep.Text) && !utf8.RuneStart(rep.Text[sp.End]) {
				t.Fatalf("recipient %d: span %+v splits a character", i, sp)
			}
		}
		for _, s := range []string{rc.Recipient, rc.Diagnostic, rc.RemoteMTA, rc.Summary, rc.Explanation} {
			if !utf8.ValidString(s) {
				t.Fatalf("recipient %d: invalid UTF-8 in %q", i, s)
			}
		}
		if rc.ReplyCode != "" {
			if _, err := ParseReplyCode(rc.ReplyCode); err != nil {
				t.Fatalf("recipient %d: reply code %q", i, rc.ReplyCode)
			}
		}
		if rc.Status != "" {
			if _, err := ParseEnhancedCode(rc.Status); err != nil {
				t.Fatalf("recipient %d: status %q", i, rc.Status)
			}
		}
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	// Recipient.Entry and StatusDerived are deliberately not serialized.
	want := rep
	want.Recipients = slices.Clone(rep.Recipients)
	for i := range want.Recipients {
		want.Recipients[i].Entry, want.Recipients[i].StatusDerived = "", false
	}
	if !reflect.DeepEqual(back, want) {
		t.Fatal("report does not round-trip through JSON")
	}
}

// FuzzDecode checks that Decode never panics and that its reports keep
// their invariants. Seeded from the corpus and the decode samples; run
// with go test ./codes -run x -fuzz FuzzDecode -fuzztime 60s.
func FuzzDecode(f *testing.F) {
	for _, dir := range []string{filepath.Join("testdata", "corpus", "dev"), filepath.Join("testdata", "corpus", "not-bounces"), filepath.Join("testdata", "decode")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, name := range files {
			if filepath.Ext(name) == ".json" {
				continue
			}
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("550 5.1.1 <a@b.example> User unknown"))
	f.Add([]byte("rcpt,dsnAction,dsnStatus,dsnDiag,dsnMta\na@b.c,failed,5.0.0 (x),\"smtp;550 5.1.1 \"\"gone\"\"\",mx.b.c (192.0.2.1)\n"))
	f.Add([]byte("address,code,error\na@b.c,550,5.1.1 gone\nd@e.f;x,451,\n"))
	f.Add([]byte("Content-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b.c\nStatus: 5.1.1\n"))
	f.Add([]byte("starting delivery 4: msg 1 to remote a@b.c\ndelivery 4: failure: Connected_to_1.2.3.4_but_greeting_failed./Remote_host_said:_421_<x_y@b.c>_no/\ndelivery 5: success: _accepted_message./\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		start := time.Now()
		rep, err := Decode(in)
		if d := time.Since(start); d > 3*time.Second && len(in) < 1<<20 {
			// Far above the ~0.1 ms a bounce takes: a hang in the making.
			t.Fatalf("decoding %d bytes took %v", len(in), d)
		}
		if err != nil {
			if len(in) <= MaxInputSize {
				t.Fatalf("error on %d bytes: %v", len(in), err)
			}
			return
		}
		checkReport(t, rep)
	})
}
