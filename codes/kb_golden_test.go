package codes

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var updateKB = flag.Bool("kb.update", false, "rewrite testdata/kb/entries.golden")

// TestKBGolden keeps a reviewable index of the knowledge base: one line per
// entry with what Explain would say about it. Run with -kb.update after a
// deliberate change and review the diff.
func TestKBGolden(t *testing.T) {
	var b bytes.Buffer
	fmt.Fprintln(&b, "id\tkind\tprovider\treply\tstatus\ttoken\treason\tretry\tactor\thard\tfix\ttitle")
	for _, e := range Entries() {
		hard := "-"
		if e.HardBounce {
			hard = "hard"
		}
		st := e.Status.String()
		if e.DetailMax > 0 {
			st += fmt.Sprintf("-%d", e.DetailMax)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n",
			e.ID, e.Kind, e.Provider, e.Reply, st, e.Token, e.Reason, e.Retry, e.Actor, hard, len(e.Fix), e.Title)
	}
	path := filepath.Join("testdata", "kb", "entries.golden")
	if *updateKB {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestKBGolden -kb.update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		got := bytes.Split(b.Bytes(), []byte("\n"))
		exp := bytes.Split(want, []byte("\n"))
		for i := 0; i < len(got) || i < len(exp); i++ {
			var g, w []byte
			if i < len(got) {
				g = got[i]
			}
			if i < len(exp) {
				w = exp[i]
			}
			if !bytes.Equal(g, w) {
				t.Fatalf("%s differs at line %d:\ngot  %s\nwant %s\n(run with -kb.update after a deliberate change)", path, i+1, g, w)
			}
		}
	}
}
