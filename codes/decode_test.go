package codes

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/decode")

// goldenSpan shows a span with the text it covers.
type goldenSpan struct {
	Kind SpanKind `json:"kind"`
	Text string   `json:"text"`
}

// goldenRecipient holds the fields the decoder itself decides (the reason,
// provider and advice come from the classifier and the knowledge base and
// are tested there).
type goldenRecipient struct {
	Recipient  string       `json:"recipient"`
	Action     string       `json:"action"`
	ReplyCode  string       `json:"reply_code"`
	Status     string       `json:"status"`
	Diagnostic string       `json:"diagnostic"`
	Command    string       `json:"command"`
	RemoteMTA  string       `json:"remote_mta"`
	Spans      []goldenSpan `json:"spans"`
}

type goldenReport struct {
	Bounce     bool              `json:"bounce"`
	Format     Format            `json:"format"`
	Problems   []string          `json:"problems"`
	Recipients []goldenRecipient `json:"recipients"`
}

func golden(rep Report) goldenReport {
	g := goldenReport{Bounce: rep.Bounce, Format: rep.Format, Problems: rep.Problems, Recipients: []goldenRecipient{}}
	for _, rc := range rep.Recipients {
		gr := goldenRecipient{Recipient: rc.Recipient, Action: rc.Action, ReplyCode: rc.ReplyCode, Status: rc.Status,
			Diagnostic: rc.Diagnostic, Command: rc.Command, RemoteMTA: rc.RemoteMTA, Spans: []goldenSpan{}}
		for _, sp := range rc.Spans {
			if sp.Kind == SpanProviderToken {
				continue // decided by the knowledge base
			}
			gr.Spans = append(gr.Spans, goldenSpan{sp.Kind, rep.Text[sp.Start:sp.End]})
		}
		g.Recipients = append(g.Recipients, gr)
	}
	return g
}

// TestDecodeGolden decodes each sample in testdata/decode and compares the
// decoder's fields with NAME.json (go test ./codes -run TestDecodeGolden -update
// rewrites them).
func TestDecodeGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "decode", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".json") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Decode(in)
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, rep)
			got, err := json.MarshalIndent(golden(rep), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			gf := strings.TrimSuffix(f, filepath.Ext(f)) + ".json"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("decode differs from %s:\n got: %s\nwant: %s", gf, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no samples in testdata/decode")
	}
}

func TestDecodeTooLarge(t *testing.T) {
	rep, err := Decode(make([]byte, MaxInputSize+1))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if rep.Bounce || len(rep.Problems) == 0 {
		t.Errorf("report %+v: want no bounce and a problem", rep)
	}
}

// TestDecodePathological feeds inputs that would make a careless scanner
// quadratic or deep; each must decode (the benchmark tracks the time).
func TestDecodePathological(t *testing.T) {
	nested := strings.Repeat("Content-Type: multipart/mixed; boundary=b\n\n--b\n", 200) + "550 5.1.1 x\n"
	cases := map[string]string{
		"fives":      strings.Repeat("5", 1<<20),
		"reply-dash": strings.Repeat("550-", 1<<18),
		"reply-cont": strings.Repeat("550-5.1.1 a@b.example\n", 40000),
		"ats":        strings.Repeat("@", 1<<20),
		"one-line":   "From: MAILER-DAEMON@x.example\nSubject: Undelivered\n\n" + strings.Repeat("unknown a@b.example 550 5.1.1 x ", 30000),
		"mention":    "From: MAILER-DAEMON@x.example\nSubject: Undelivered\n\n" + strings.Repeat("failed a@b.example ", 50000),
		"addr-lines": strings.Repeat("<a@b.example>:\n", 40000),
		"nested":     "From: MAILER-DAEMON@x.example\nSubject: Undelivered\n" + nested,
		"headers":    "From: a@b.example\n" + strings.Repeat("X-A: b\n c\n", 50000) + "\n550 5.1.1 bad\n",
		"dsn-fields": "Content-Type: message/delivery-status\nFrom: a@b.example\n\n" + strings.Repeat("Final-Recipient: rfc822; a@b.example\nStatus: 5.1.1\n", 20000),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			rep, err := Decode([]byte(in))
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, rep)
		})
	}
}

func TestDecodeNestingProblem(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: MAILER-DAEMON@x.example\nSubject: Undelivered\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n", i, i)
	}
	b.WriteString("\n550 5.1.1 <a@b.example>: unknown\n")
	in := b.String()
	rep, _ := Decode([]byte(in))
	found := false
	for _, p := range rep.Problems {
		found = found || strings.Contains(p, "nesting")
	}
	if !found {
		t.Errorf("problems %q: want a nesting problem", rep.Problems)
	}
}

func ExampleDecode() {
	rep, err := Decode([]byte("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown"))
	if err != nil {
		panic(err)
	}
	rc := rep.Recipients[0]
	fmt.Println(rep.Format, rc.Recipient, rc.ReplyCode, rc.Status, rc.Permanent)
	for _, sp := range rc.Spans {
		if sp.Kind == SpanStatus {
			fmt.Println(rep.Text[sp.Start:sp.End])
		}
	}
	// Output:
	// reply bob@example.com 550 5.1.1 true
	// 5.1.1
}

// TestSummaryAgreesWithHardBounce: the summary tells to remove the address
// exactly when the recipient is a hard bounce, whatever the entry that
// explains it advises (Gmail's disabled account is not a hard bounce: the
// address exists; its summary says to stop sending instead).
func TestSummaryAgreesWithHardBounce(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "dev", "*.eml"))
	more, _ := filepath.Glob(filepath.Join("testdata", "decode", "*.txt"))
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("%d samples: testdata missing", len(files))
	}
	inputs := map[string][]byte{
		"gmail disabled": []byte("550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser a1si1 - gsmtp"),
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = data
	}
	for name, in := range inputs {
		rep, _ := Decode(in)
		for _, rc := range rep.Recipients {
			if says := strings.Contains(rc.Summary, "remove the address"); says != rc.HardBounce {
				t.Errorf("%s: %s: hard bounce %v, summary %q", name, rc.Recipient, rc.HardBounce, rc.Summary)
			}
		}
	}
	rep, _ := Decode(inputs["gmail disabled"])
	if s := rep.Recipients[0].Summary; !strings.HasSuffix(s, "stop sending to this address.") {
		t.Errorf("gmail disabled: %q", s)
	}
}
