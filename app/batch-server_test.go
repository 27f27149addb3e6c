//go:build !wasm

package main

import (
	"strings"
	"testing"
)

// TestBatchRoute checks that /batch is served, prerendered with its file
// input and idle state, without a browser.
func TestBatchRoute(t *testing.T) {
	web, _ := fakeWeb(t)
	srv, _ := testServerFor(t, web, "")
	for _, path := range []string{"/batch", "/batch/"} {
		res := get1(srv, path)
		b := body(t, res)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		for _, want := range []string{`id="batch-files"`, `data-batch-state="idle"`, "Batch: a whole mailbox or mail log"} {
			if !strings.Contains(b, want) {
				t.Errorf("%s: body does not contain %q", path, want)
			}
		}
	}
	found := false
	for _, p := range pagePaths() {
		found = found || p == "/batch"
	}
	if !found {
		t.Error("/batch is not among the pages cached for offline use and written to the static site")
	}
}
