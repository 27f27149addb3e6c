package codes

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
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

// BenchmarkDecodeSize decodes a text bounce padded to growing sizes: the
// ns/op divided by the size (reported as ns/KB) should stay flat, decoding
// is linear in its input.
func BenchmarkDecodeSize(b *testing.B) {
	head := "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\n\n<a@b.example>: host mx.b.example said: 550 5.1.1 unknown (in reply to RCPT TO command)\n\n"
	line := "Received: from relay.example (relay.example [192.0.2.1]) by mx.example with ESMTP id 0123456789 for <a@b.example>; 550 5.1.1\n"
	for _, kb := range []int{16, 128, 1024} {
		in := []byte(head + strings.Repeat(line, kb*1024/len(line)))
		b.Run(strconv.Itoa(kb)+"KB", func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Decode(in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(kb), "ns/KB")
		})
	}
}

// BenchmarkReadCorpus runs only the decoder's own stages (normalization and
// the readers, no classification or knowledge base) over the dev corpus,
// to tell their cost apart from the rest of Decode.
func BenchmarkReadCorpus(b *testing.B) {
	mails := loadCorpusMails(b)
	size := 0
	for _, m := range mails {
		size += len(m)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, m := range mails {
			d := normalize(m)
			s := d.buf.String()
			for _, v := range d.msgs {
				recs, _ := locate(d.view(v), s)
				n += len(recs)
			}
		}
	}
	if n == 0 {
		b.Fatal("no records read")
	}
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N*len(mails))/s, "mails/s")
	}
}

// TestKBStripCodesRegexp checks kbStripCodes, the one-pass scanner that
// replaced a regular expression in kbNormalize for speed, against that
// regular expression on every corpus mail and on random texts made of the
// bytes that matter to it.
func TestKBStripCodesRegexp(t *testing.T) {
	re := regexp.MustCompile(`(?m)^[ \t>]*[245][0-9][0-9][ -]([245]\.[0-9]{1,3}\.[0-9]{1,3}[ \t]+)?|[ \t][245][0-9][0-9]-[245]\.[0-9]{1,3}\.[0-9]{1,3}[ \t]`)
	check := func(s string) {
		t.Helper()
		if got, want := kbStripCodes(s), re.ReplaceAllString(s, " "); got != want {
			t.Fatalf("kbStripCodes(%q)\n got %q\nwant %q", s, got, want)
		}
	}
	for _, m := range loadCorpusMails(t) {
		check(string(m))
	}
	for _, s := range []string{"", "550", "550 ", "550-5.7.26 x", " 550-5.7.26\tx", "> 550 5.1.1  bob", "x\n550-5.1.1\n550 5.1.1 y", "550 5.1.1234 x", "5550-5.1.1 x"} {
		check(s)
	}
	const alphabet = " \t>\n2459.-0a"
	rng := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 40)
	for range 50000 {
		n := rng.IntN(len(buf))
		for i := range n {
			buf[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(buf[:n]))
	}
}
