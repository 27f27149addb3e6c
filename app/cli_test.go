//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// runTest runs the command line with args and stdin, and returns its exit
// code and outputs.
func runTest(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runCLI(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// reports parses one JSON report per line.
func reports(t *testing.T, out string) []codes.Report {
	t.Helper()
	var rs []codes.Report
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var r codes.Report
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		rs = append(rs, r)
	}
	return rs
}

func TestDecodeCommand(t *testing.T) {
	t.Run("files", func(t *testing.T) {
		code, out, errOut := runTest("", "decode", "testdata/reply.txt", "testdata/not-a-bounce.txt")
		if code != 0 || errOut != "" {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		rs := reports(t, out)
		if len(rs) != 2 {
			t.Fatalf("%d reports, want 2:\n%s", len(rs), out)
		}
		if rs[0].File != "testdata/reply.txt" || rs[1].File != "testdata/not-a-bounce.txt" {
			t.Errorf("files = %q, %q", rs[0].File, rs[1].File)
		}
		if len(rs[0].Recipients) != 1 {
			t.Fatalf("reply: %d recipients, want 1", len(rs[0].Recipients))
		}
		rc := rs[0].Recipients[0]
		if rc.ReplyCode != "550" || rc.Status != "5.1.1" || !rc.Permanent {
			t.Errorf("reply: recipient = %+v, want 550 5.1.1 permanent", rc)
		}
		if rs[1].Bounce || len(rs[1].Recipients) != 0 {
			t.Errorf("not a bounce: %+v", rs[1])
		}
	})

	t.Run("stdin", func(t *testing.T) {
		code, out, _ := runTest("451 4.7.1 Greylisted, try again later\n", "decode", "-")
		rs := reports(t, out)
		if code != 0 || len(rs) != 1 || rs[0].File != "-" {
			t.Fatalf("exit %d, reports %+v", code, rs)
		}
		if len(rs[0].Recipients) != 1 || rs[0].Recipients[0].Permanent || rs[0].Recipients[0].ReplyCode != "451" {
			t.Errorf("recipients = %+v, want one temporary 451", rs[0].Recipients)
		}
	})

	t.Run("missing file", func(t *testing.T) {
		code, out, errOut := runTest("", "decode", "testdata/missing.txt", "testdata/reply.txt")
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		if !strings.Contains(errOut, "testdata/missing.txt") {
			t.Errorf("stderr %q does not name the file", errOut)
		}
		if rs := reports(t, out); len(rs) != 1 || rs[0].File != "testdata/reply.txt" {
			t.Errorf("the other file was not decoded: %q", out)
		}
	})

	t.Run("too large", func(t *testing.T) {
		name := filepath.Join(t.TempDir(), "big.txt")
		if err := os.WriteFile(name, bytes.Repeat([]byte("x"), codes.MaxInputSize+1), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runTest("", "decode", name)
		if code != 1 || !strings.Contains(errOut, codes.ErrTooLarge.Error()) || !strings.Contains(errOut, "16 MiB") {
			t.Errorf("exit %d, stderr %q: want 1 and a clear message", code, errOut)
		}
		if rs := reports(t, out); len(rs) != 1 || rs[0].File != name {
			t.Errorf("want the partial report, got %q", out)
		}
	})
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantOut  string // in stdout or stderr
	}{
		{nil, 2, "Usage:"},
		{[]string{"help"}, 0, "bounce-decoder decode"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"decode"}, 2, "usage: bounce-decoder decode"},
		{[]string{"static"}, 2, "usage: bounce-decoder static"},
		{[]string{"compress"}, 2, "usage: bounce-decoder compress"},
		{[]string{"serve", "-web", "/nonexistent"}, 1, "build.sh"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runTest("", tt.args...)
			if code != tt.wantCode || !strings.Contains(out+errOut, tt.wantOut) {
				t.Errorf("exit %d, output %q; want %d and %q", code, out+errOut, tt.wantCode, tt.wantOut)
			}
		})
	}
}
