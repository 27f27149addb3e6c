//go:build !wasm

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

func TestCLIBatch(t *testing.T) {
	log := filepath.Join("..", "codes", "testdata", "batch", "postfix.log")
	cliRun := func(stdin string, args ...string) (int, string, string) {
		var out, errs bytes.Buffer
		code := runCLI(args, strings.NewReader(stdin), &out, &errs)
		return code, out.String(), errs.String()
	}

	t.Run("json lines and summary", func(t *testing.T) {
		code, out, errs := cliRun("", "decode", "--batch", log)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		var sum batchSummaryLine
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
			t.Fatal(err)
		}
		rows := lines[:len(lines)-1]
		if sum.Summary.Items != 8 || sum.Summary.Delivered != 1 || sum.Summary.Failed != 7 || len(rows) != 7 {
			t.Errorf("summary %+v with %d rows; want 8 items, 1 delivered, 7 failed rows", sum.Summary, len(rows))
		}
		for _, l := range rows {
			var r codes.Row
			if err := json.Unmarshal([]byte(l), &r); err != nil || r.File != "postfix.log" || r.Recipient == "" {
				t.Errorf("row %s: %v", l, err)
			}
		}
	})

	t.Run("log retries count once", func(t *testing.T) {
		code, out, errs := cliRun("", "decode", "--batch", filepath.Join("..", "codes", "testdata", "batch", "postfix-retries.log"))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		var sum batchSummaryLine
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil {
			t.Fatal(err)
		}
		if sum.Superseded != 3 || sum.Summary.Delivered != 1 || sum.Summary.Temporary != 0 || len(lines) != 3 {
			t.Errorf("superseded %d, %+v, %d lines; want 3 superseded, 1 delivered, 2 rows", sum.Superseded, sum.Summary, len(lines))
		}
	})

	t.Run("stdin and csv", func(t *testing.T) {
		data, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		code, out, errs := cliRun(string(data), "decode", "--batch", "-csv", "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 8 || strings.Join(recs[0], ",") != strings.Join(codes.RowHeader(), ",") {
			t.Errorf("%d CSV records, header %q", len(recs), recs[0])
		}
	})

	t.Run("remove list", func(t *testing.T) {
		code, out, _ := cliRun("", "decode", "--batch", "-remove", log, log)
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		got := strings.Fields(out)
		for i := 1; i < len(got); i++ {
			if got[i-1] >= got[i] {
				t.Errorf("remove list not sorted and unique: %q", got)
			}
		}
	})

	t.Run("bad input", func(t *testing.T) {
		dir := t.TempDir()
		bin := filepath.Join(dir, "x.gz")
		os.WriteFile(bin, []byte("\x1f\x8b\x08\x00junk"), 0o644)
		code, out, errs := cliRun("", "decode", "--batch", bin, log, filepath.Join(dir, "missing"))
		if code != 1 || !strings.Contains(errs, "gzip") || !strings.Contains(errs, "missing") {
			t.Errorf("exit %d, stderr %q; want 1 and both errors", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		var sum batchSummaryLine
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil || sum.Summary.Items != 8 || len(sum.Errors) != 2 {
			t.Errorf("summary after errors: %+v, %v; want the log's 8 items and 2 errors", sum, err)
		}
	})

	t.Run("usage", func(t *testing.T) {
		if code, _, errs := cliRun("", "decode", "--batch"); code != 2 || !strings.Contains(errs, "usage") {
			t.Errorf("exit %d, %q", code, errs)
		}
	})
}
