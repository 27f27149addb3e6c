package codes

import (
	"os"
	"path/filepath"
	"testing"
)

// loadCorpusMails reads every dev corpus mail.
func loadCorpusMails(tb testing.TB) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "dev", "*.eml"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus mails: %v", err)
	}
	mails := make([][]byte, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		mails = append(mails, b)
	}
	return mails
}

// BenchmarkDecodeCorpus decodes the whole dev corpus per iteration and
// reports mails/s and MB/s. Run with:
//
//	go test ./codes -run x -bench DecodeCorpus -benchmem -cpu 1
func BenchmarkDecodeCorpus(b *testing.B) {
	mails := loadCorpusMails(b)
	size := 0
	for _, m := range mails {
		size += len(m)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, m := range mails {
			if _, err := Decode(m); err != nil {
				b.Fatal(err)
			}
		}
	}
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N*len(mails))/s, "mails/s")
	}
}
