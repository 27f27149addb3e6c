package codes

import (
	"bytes"
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

// commandForRef is commandFor as it was before it normalized its text
// lazily: the whole text at once.
func commandForRef(text, rcpt string) string {
	rcpt = strings.TrimSpace(rcpt)
	if len(rcpt) < 3 || text == "" {
		return ""
	}
	if len(text) > MaxInputSize {
		text = text[:MaxInputSize]
	}
	lr := normalizeDiagnostic(rcpt)
	if !strings.Contains(lr, " ") && indexFold(text, lr) < 0 {
		// Normalizing keeps each word of the text whole and only
		// lower-cases its ASCII letters: an address (one word) that is not
		// in the text, whatever its case, is not in the normalized text.
		return ""
	}
	lt := normalizeDiagnostic(text)
	for from, seen := 0, 0; from < len(lt) && seen < commandMaxMentions; seen++ {
		k := strings.Index(lt[from:], lr)
		if k < 0 {
			break
		}
		at := from + k
		// A Sendmail transcript names the command on the line before the
		// reply that quotes the address: look a little before it too.
		lo := max(0, at-commandLookBehind)
		if i := strings.LastIndex(lt[lo:at], ">>> "); i >= 0 {
			lo += i
		} else {
			lo = at
		}
		hi := min(len(lt), at+len(lr)+commandLookAhead)
		if next := strings.Index(lt[at+len(lr):hi], lr); next >= 0 {
			hi = at + len(lr) + next // stop at the next mention
		}
		if cmd := clueCommandIn(lt[lo:hi]); cmd != "" {
			return cmd
		}
		from = at + len(lr)
	}
	return ""
}

// TestCommandForLazy checks commandFor, which normalizes only the part of
// the text it reads, against commandForRef, which normalizes all of it, on
// every corpus mail for each recipient it names, and on random texts made
// of addresses, commands, reply codes and line breaks.
func TestCommandForLazy(t *testing.T) {
	check := func(text, rcpt string) {
		t.Helper()
		if got, want := commandFor(text, rcpt), commandForRef(text, rcpt); got != want {
			t.Fatalf("commandFor(%.200q..., %q) = %q, want %q", text, rcpt, got, want)
		}
	}
	n := 0
	for _, m := range loadCorpusMails(t) {
		r, _ := Decode(m)
		for _, rc := range r.Recipients {
			check(string(m), rc.Recipient)
			n++
		}
	}
	if n == 0 {
		t.Fatal("no recipients in the corpus")
	}
	pad := strings.Repeat("Received: from relay.example\n", 40)
	for _, text := range []string{
		"From: x\n550-5.1.1 " + pad + "bob@example.org\n>>> DATA",
		"From: x\n550-5.1.1 >>> RCPT TO:" + pad + "<bob@example.org>: 550 unknown",
		"From: x\n" + pad + "\n" + strings.Repeat(" ", 2000) + "after RCPT TO: bob@example.org",
		"5.1.1 - Unknown address error 550-'" + pad + "bob@example.org (in reply to RCPT TO command)'",
	} {
		check(text, "bob@example.org")
	}
	pieces := []string{"bob@example.org", "a@a@a", "a@a@a@a", "BOB@Example.ORG", "<bob@example.org>", " ", "  ", "\n", "\r\n", "\t",
		">>> ", ">>> DATA", "RCPT TO:", "in reply to ", "after ", "end of data", "550-5.1.1 ", "550 5.1.1 ", "5.1.1 - x 550-'",
		"'", "x", "Unknown user", "(in reply to RCPT TO command)", strings.Repeat("word ", 60), strings.Repeat("Received: from relay\n", 30),
		strings.Repeat(" ", 1000), strings.Repeat("\n", 500), "\n550-5.1.1 ", "\n>>> RCPT TO:<bob@example.org>\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(80) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for _, rcpt := range []string{"bob@example.org", "Bob@Example.org", "550-5.1.1", "a b@c", "a@a@a"} {
			check(b.String(), rcpt)
		}
	}
}

// TestIndexLower checks indexLower, which stripHTML uses instead of
// lower-casing the rest of the document, against what it replaced, on
// random texts with upper case, runes whose lower case is ASCII ("İ", the
// Kelvin sign), runes that fold to ASCII ("ſ") and invalid UTF-8.
func TestIndexLower(t *testing.T) {
	pieces := []string{"</style", "</STYLE", "</Style>", "</ſtyle", "</scrİpt", "</script", "\u212a", "İ", "é", "\xff", "x", " ", "<", "/", "style"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, sub := range []string{"</style", "</script"} {
			if got, want := indexLower(s, sub), strings.Index(strings.ToLower(s), sub); got != want {
				t.Fatalf("indexLower(%q, %q) = %d, want %d", s, sub, got, want)
			}
		}
	}
}

// clueCommandInRef is clueCommandIn as it was before it skipped the
// tokens whose shared part the text lacks.
func clueCommandInRef(d string) string {
	best, cmd := len(d), ""
	for _, mark := range commandMarks {
		for from := 0; from < best; {
			k := strings.Index(d[from:], mark)
			if k < 0 || from+k >= best {
				break
			}
			at := from + k
			rest := d[at+len(mark):]
			for _, w := range commandWords {
				if strings.HasPrefix(rest, w.word) && (len(rest) == len(w.word) || !isAlnum(rest[len(w.word)])) {
					best, cmd = at, w.cmd
					break
				}
			}
			from = at + len(mark)
		}
	}
	for _, t := range commandTokens {
		if k := strings.Index(d, t.token); k >= 0 && k < best {
			best, cmd = k, t.cmd
		}
	}
	return cmd
}

// TestClueCommandInKeys checks clueCommandIn against clueCommandInRef on
// random texts made of marks, commands and tokens.
func TestClueCommandInKeys(t *testing.T) {
	var pieces []string
	for _, m := range commandMarks {
		pieces = append(pieces, m)
	}
	for _, w := range commandWords {
		pieces = append(pieces, w.word, w.word+"x")
	}
	for _, tk := range commandTokens {
		pieces = append(pieces, tk.token, tk.token[:len(tk.token)/2])
	}
	pieces = append(pieces, "[", "does not like ", "but ", " in ")
	pieces = append(pieces, " ", "x", strings.Repeat("word ", 30))
	rng := rand.New(rand.NewPCG(7, 8))
	found := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		got, want := clueCommandIn(b.String()), clueCommandInRef(b.String())
		if got != want {
			t.Fatalf("clueCommandIn(%q) = %q, want %q", b.String(), got, want)
		}
		if got != "" {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no command in any text")
	}
}

// TestKBGrams checks that the byte-pair filter of Explain never rejects a
// needle that is in the text, and that it rejects some that are not.
func TestKBGrams(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	rejected := 0
	buf := make([]byte, 200)
	for range 2000 {
		n := 1 + rng.IntN(len(buf))
		for i := range n {
			buf[i] = byte(' ' + rng.IntN(95))
		}
		s := string(buf[:n])
		var g kbGrams
		g.add(s)
		for range 20 {
			i := rng.IntN(n)
			j := i + rng.IntN(n-i+1)
			if !g.may(s[i:j]) {
				t.Fatalf("may(%q) = false for a part of %q", s[i:j], s)
			}
		}
		if !g.may("spamhaus") && !strings.Contains(s, "spamhaus") {
			rejected++
		}
	}
	if rejected == 0 {
		t.Fatal("the filter rejected nothing")
	}
}

// TestReturnMarkerNeeds checks that every return marker has one of the
// keys isReturnMarker looks for first.
func TestReturnMarkerNeeds(t *testing.T) {
	for i, m := range returnMarkers {
		if returnMarkerNeeds[i] == 0 {
			t.Errorf("return marker %q has none of %q", m, returnMarkerKeys)
		}
	}
}

// TestLastTranscriptMark checks lastTranscriptMark against bytes.LastIndex
// on random texts of '>', ' ' and 'x'.
func TestLastTranscriptMark(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	found := 0
	buf := make([]byte, 16)
	for range 50000 {
		n := rng.IntN(len(buf) + 1)
		for i := range n {
			buf[i] = ">> x"[rng.IntN(4)]
		}
		b := buf[:n]
		got, want := lastTranscriptMark(b), bytes.LastIndex(b, []byte(">>> "))
		if got != want {
			t.Fatalf("lastTranscriptMark(%q) = %d, want %d", b, got, want)
		}
		if got >= 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no mark in any text")
	}
}
