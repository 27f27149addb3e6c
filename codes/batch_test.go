package codes

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

var updateBatch = flag.Bool("batch.update", false, "rewrite the golden files of the batch tests")

func TestSniffBatch(t *testing.T) {
	postfix := "Nov 27 09:58:02 mail postfix/smtp[20321]: 4F1A2C0123: to=<nobody@example.org>, relay=none, dsn=5.1.1, status=bounced (User unknown)\n"
	tests := []struct {
		name string
		in   string
		kind BatchKind
		err  error
	}{
		{"mbox", "From a@example.com Thu Nov 27 10:00:00 2026\nSubject: x\n\nbody\n", BatchMbox, nil},
		{"mail", "Return-Path: <>\nSubject: Undelivered Mail\n\nbody\n", BatchMail, nil},
		{"mail with From header", "From: MAILER-DAEMON@example.com\nSubject: x\n\nbody\n", BatchMail, nil},
		{"postfix log", "Nov 27 09:58:01 mail postfix/qmgr[1204]: 4F1A2C0123: removed\n" + postfix, BatchLog, nil},
		{"syslog with RFC 3339 time, other line first", "2026-11-27T09:58:01.123456+00:00 mail kernel: eth0 up\n2026-11-27T09:58:02.000000+00:00 mail postfix/smtp[20321]: 4F1A2C0123: to=<a@example.org>, relay=none, dsn=5.1.1, status=bounced (User unknown)\n", BatchLog, nil},
		{"mail quoting a log line", "Subject: Undelivered Mail\n\n" + postfix, BatchMail, nil},
		{"exim log", "2026-11-27 10:00:04 1tGxyA-0001AB-Cd ** dave@nonexistent.example: Unrouteable address\n", BatchLog, nil},
		{"sendmail log", "Nov 27 10:10:02 mail sm-mta[4412]: 5ARAA0001234: to=<a@example.org>, dsn=5.1.1, stat=User unknown\n", BatchLog, nil},
		{"message trace", "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\"\n", BatchTrace, nil},
		{"tracking log", "#Software: Microsoft Exchange Server\n#Version: 15.0.0.0\n#Fields: date-time,client-ip,event-id,recipient-address,recipient-status\n", BatchTrace, nil},
		{"webhook events", "[{\"email\":\"a@example.com\",\"event\":\"bounce\"}]\n", BatchJSON, nil},
		{"webhook NDJSON", "\n{\"event\":\"failed\"}\n{\"event\":\"delivered\"}\n", BatchJSON, nil},
		{"postfix mailq", "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\nA1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n", BatchQueue, nil},
		{"sendmail mailq", "\t\t/var/spool/mqueue (1 request)\n-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------\n", BatchQueue, nil},
		{"mailq without its header", "\nA1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@example.net\n(connect to mx.example.org[192.0.2.5]:25: Connection refused)\n   a@example.org\n", BatchQueue, nil},
		{"csv without recipient column", "name,status\nx,Failed\n", BatchText, ErrBatchUnknown},
		{"plain text", "hello there\nthis is not a mailbox\n", BatchText, ErrBatchUnknown},
		{"empty", " \n\n", BatchText, ErrBatchEmpty},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00", "", ErrBatchBinary},
		{"zip", "PK\x03\x04rest", "", ErrBatchBinary},
		{"pdf", "%PDF-1.7\n", "", ErrBatchBinary},
		{"nul bytes", "Subject: x\n\x00\x00\x00", "", ErrBatchBinary},
		{"control bytes", strings.Repeat("\x01\x02\x03 ", 100), "", ErrBatchBinary},
		{"latin-1 mail is text", "Subject: caf\xe9\n\nd\xe9j\xe0 vu\n", BatchMail, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, err := SniffBatch([]byte(tt.in))
			if kind != tt.kind || !errors.Is(err, tt.err) {
				t.Errorf("SniffBatch = %q, %v; want %q, %v", kind, err, tt.kind, tt.err)
			}
		})
	}
}

func TestNewBatchErrors(t *testing.T) {
	t.Run("binary gives no batch", func(t *testing.T) {
		b, err := NewBatch([]byte("\x1f\x8b\x08\x00"), "")
		if b != nil || !errors.Is(err, ErrBatchBinary) || !strings.Contains(err.Error(), "gzip") {
			t.Errorf("NewBatch = %v, %v; want nil, a gzip ErrBatchBinary", b, err)
		}
	})
	t.Run("damaged gzip", func(t *testing.T) {
		b, err := NewBatch([]byte("\x1f\x8bnot really gzip"), "")
		if b != nil || !errors.Is(err, ErrBatchBinary) || !strings.Contains(err.Error(), "gzip") {
			t.Errorf("NewBatch = %v, %v; want nil, a gzip ErrBatchBinary", b, err)
		}
	})
	t.Run("gzip log reads as the log", func(t *testing.T) {
		plain, err := os.ReadFile(filepath.Join("testdata", "batch", "postfix.log"))
		if err != nil {
			t.Fatal(err)
		}
		var zbuf bytes.Buffer
		zw := gzip.NewWriter(&zbuf)
		zw.Write(plain)
		zw.Close()
		texts := func(data []byte) []string {
			b, err := NewBatch(data, "")
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for {
				it, ok := b.Next()
				if !ok {
					return out
				}
				out = append(out, it.Report.Text)
			}
		}
		got, want := texts(zbuf.Bytes()), texts(plain)
		if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("gzip log gives %d items, the plain log %d", len(got), len(want))
		}
	})
	t.Run("unknown text is decoded whole", func(t *testing.T) {
		b, err := NewBatch([]byte("my mail to x@example.com came back with 550 5.1.1 user unknown\n"), "")
		if !errors.Is(err, ErrBatchUnknown) || b == nil {
			t.Fatalf("NewBatch = %v, %v; want a batch and ErrBatchUnknown", b, err)
		}
		it, ok := b.Next()
		if !ok || it.Source != "text" || it.Report.Text == "" {
			t.Fatalf("Next = %+v, %v; want one text item", it, ok)
		}
		if _, ok := b.Next(); ok {
			t.Error("a second item from a text batch")
		}
	})
	t.Run("too large keeps the part under the limit", func(t *testing.T) {
		var buf bytes.Buffer
		for i := 0; i < 50; i++ {
			WriteMbox(&buf, []byte("Subject: m\n\n550 5.1.1 user unknown\n"))
		}
		limit := buf.Len() / 2
		b, err := newBatchLimit(buf.Bytes(), "", limit)
		if !errors.Is(err, ErrBatchTooLarge) || b == nil {
			t.Fatalf("newBatchLimit = %v, %v; want a batch and ErrBatchTooLarge", b, err)
		}
		if len(b.Data()) > limit {
			t.Errorf("kept %d bytes, limit %d", len(b.Data()), limit)
		}
		n := 0
		for {
			if _, ok := b.Next(); !ok {
				break
			}
			n++
		}
		if n < 20 || n > 25 {
			t.Errorf("read %d mails of the first half of 50", n)
		}
	})
	t.Run("utf-16 message trace", func(t *testing.T) {
		csv := "\"RecipientAddress\",\"Status\"\r\n\"nobody@example.org\",\"Failed\"\r\n"
		data := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(csv)) {
			data = append(data, byte(u), byte(u>>8))
		}
		b, err := NewBatch(data, "")
		if err != nil || b.Kind() != BatchTrace {
			t.Fatalf("NewBatch = %v, %v; want a trace", b.Kind(), err)
		}
		it, ok := b.Next()
		if !ok || len(it.Report.Recipients) != 1 || it.Report.Recipients[0].Recipient != "nobody@example.org" {
			t.Errorf("Next = %+v, %v", it.Report.Recipients, ok)
		}
	})
}

// logWant is what a log test expects of one recipient. Status is checked
// only when set (a line without a code may get a status derived from the
// reason).
type logWant struct {
	rcpt, action, reply, status, command, mta string
}

func TestBatchLogs(t *testing.T) {
	tests := []struct {
		file string
		kind BatchKind
		want []logWant
	}{
		{"postfix.log", BatchLog, []logWant{
			{"alice@example.com", "delivered", "250", "2.0.0", "", "mx.example.com"},
			{"nobody@example.org", "failed", "550", "5.1.1", "RCPT", "mx1.example.org"},
			{"bob@gmail.com", "failed", "550", "5.7.26", "DATA", "gmail-smtp-in.l.google.com"},
			{"carol@example.edu", "delayed", "450", "4.7.1", "RCPT", "mx.example.edu"},
			{"dave@nonexistent.example", "failed", "", "5.4.4", "", ""},
			{"erin@example.info", "delayed", "", "4.4.1", "", "mx.example.info"},
			{"frank@outlook.com", "failed", "550", "5.5.0", "RCPT", "outlook-com.olc.protection.outlook.com"},
			{"grace@example.net", "failed", "552", "5.2.2", "DATA", "mx.example.net"},
		}},
		{"exim.log", BatchLog, []logWant{
			{"alice@example.com", "delivered", "", "", "", ""},
			{"nobody@example.org", "failed", "550", "5.1.1", "RCPT", "mx1.example.org"},
			{"carol@example.edu", "delayed", "451", "4.7.1", "RCPT", "mx.example.edu"},
			{"dave@nonexistent.example", "failed", "", "", "", ""},
			{"bob@yahoo.com", "failed", "554", "5.7.9", "DATA", "mta7.am0.yahoodns.net"},
			{"erin@example.info", "delayed", "", "", "", ""},
		}},
		{"sendmail.log", BatchLog, []logWant{
			{"alice@example.com", "delivered", "", "2.0.0", "", "mx.example.com"},
			{"nobody@example.org", "failed", "", "5.1.1", "", "mx1.example.org"},
			{"ghost@example.org", "failed", "", "5.1.1", "", "mx1.example.org"},
			{"carol@example.edu", "delayed", "450", "4.7.1", "", "mx.example.edu"},
			{"frank@example.com", "failed", "", "5.0.0", "", ""},
		}},
		{"qmail.log", BatchLog, []logWant{
			{"alice@example.com", "delivered", "250", "2.0.0", "", "192.0.2.10"},
			{"nobody@example.org", "failed", "550", "5.1.1", "RCPT", "192.0.2.20"},
			{"carol@example.edu", "delayed", "421", "4.7.0", "CONN", "192.0.2.30"},
			{"dave@nonexistent.example", "failed", "", "5.1.2", "", ""},
			{"bob@gmail.com", "failed", "550", "5.7.26", "DATA", "192.0.2.40"},
			{"1-postmaster@example.net", "delivered", "", "", "", ""},
		}},
		{"messagetrace.csv", BatchTrace, []logWant{
			{"alice@example.com", "delivered", "", "", "", ""},
			{"nobody@example.org", "failed", "", "", "", ""},
			{"carol@example.edu", "delayed", "", "", "", ""},
			{"spamtrap@example.com", "failed", "", "", "", ""},
		}},
		{"extended-report.csv", BatchTrace, []logWant{
			{"nobody@example.org", "failed", "550", "5.1.10", "", ""},
			{"carol@example.edu", "delayed", "451", "4.4.0", "", ""},
			{"alice@example.com", "delivered", "250", "2.6.0", "", ""},
		}},
		{"messagetrace-detail.csv", BatchTrace, []logWant{
			{"nobody@example.org", "failed", "550", "5.1.10", "", ""},
			{"carol@example.edu", "delayed", "451", "4.4.4", "", ""},
			{"alice@example.com", "delivered", "", "", "", ""},
		}},
		{"powermta-acct.csv", BatchTrace, []logWant{
			{"alice@example.com", "delivered", "250", "2.0.0", "", "mx.example.com"},
			{"nobody@example.org", "failed", "550", "5.1.1", "", "mx1.example.org"},
			{"carol@example.edu", "delayed", "451", "4.7.1", "", "mx.example.edu"},
			{"dave@example.info", "failed", "", "5.4.4", "", ""},
		}},
		{"sendgrid-bounces.csv", BatchTrace, []logWant{
			{"bob@example.org", "failed", "550", "5.1.1", "", ""},
			{"carol@example.net", "delayed", "452", "4.2.2", "", ""},
		}},
		{"mailgun-bounces.csv", BatchTrace, []logWant{
			{"alice@example.com", "failed", "550", "5.1.1", "", ""},
			{"dan@example.org", "failed", "554", "", "", ""},
		}},
		{"historical-search.csv", BatchTrace, []logWant{
			{"nobody@example.org", "failed", "", "", "", ""},
			{"alice@example.com", "delivered", "", "", "", ""},
			{"carol@example.edu", "delayed", "", "", "", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "batch", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			b, err := NewBatch(data, "")
			if err != nil {
				t.Fatalf("NewBatch: %v", err)
			}
			if b.Kind() != tt.kind {
				t.Errorf("kind %q, want %q", b.Kind(), tt.kind)
			}
			var got []logWant
			for {
				it, ok := b.Next()
				if !ok {
					break
				}
				r := it.Report
				if r.Format != FormatLog || r.Text != string(b.Data()[it.Start:it.End]) {
					t.Errorf("item %d: format %q, text %q is not input[%d:%d]", it.Index, r.Format, r.Text, it.Start, it.End)
				}
				if again := b.Reread(it.Start, it.End); !reflect.DeepEqual(again, r) {
					t.Errorf("item %d: Reread differs from Next:\n got %+v\nwant %+v", it.Index, again, r)
				}
				for _, rc := range r.Recipients {
					checkSpans(t, r.Text, rc)
					st := rc.Status
					got = append(got, logWant{rc.Recipient, rc.Action, rc.ReplyCode, st, rc.Command, rc.RemoteMTA})
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d recipients, want %d:\n%+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if w.status == "" {
					g.status = ""
				}
				if g != w {
					t.Errorf("recipient %d:\n got %+v\nwant %+v", i+1, g, w)
				}
			}
		})
	}
}

// blPostfixRE is the reference blPostfixMatch is checked against.
var blPostfixRE = regexp.MustCompile(`postfix[\w.-]*/[\w./-]+\[\d+\]: (\w+): to=<([^>]*)>,(.*?) status=(\w+)(?: \((.*)\))?\s*$`)

// TestBatchJSON reads webhook events: one item per line of NDJSON and per
// element of an array, whatever the line breaks.
func TestBatchJSON(t *testing.T) {
	ndjson, err := os.ReadFile(filepath.Join("testdata", "decode", "mailgun-ndjson.txt"))
	if err != nil {
		t.Fatal(err)
	}
	array, err := os.ReadFile(filepath.Join("testdata", "decode", "sendgrid-webhook.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		in    []byte
		rcpts []string // per item
	}{
		{"ndjson", ndjson, []string{"slow@example.com", "fine@example.com", "gone@example.org"}},
		{"array over lines", array, []string{"jane@example.com", "max@example.net", "old@example.org", "ok@example.com", ""}},
		{"ndjson then an array", append(append([]byte{}, ndjson...), array...), []string{"slow@example.com", "fine@example.com", "gone@example.org", "jane@example.com", "max@example.net", "old@example.org", "ok@example.com", ""}},
		{"array cut mid-event", []byte(`[{"email":"a@example.com","event":"bounce","status":"5.1.1"}, {"email":"b@exa`), []string{"a@example.com", ""}},
		// A stray closing bracket is one item of junk (found by FuzzBatch:
		// the reader stood still on it).
		{"stray closing bracket", []byte("[}"), []string{""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := NewBatch(tt.in, "")
			if err != nil || b.Kind() != BatchJSON {
				t.Fatalf("kind %q, error %v; want json", b.Kind(), err)
			}
			var got []string
			for it, ok := b.Next(); ok; it, ok = b.Next() {
				if len(got) > len(tt.in) {
					t.Fatal("more items than bytes: the reader does not move on")
				}
				if it.Err != nil {
					t.Errorf("item %d: %v", it.Index, it.Err)
				}
				if s := string(b.Data()[it.Start:it.End]); strings.TrimSpace(s) != s || s == "" {
					t.Errorf("item %d: range %d-%d is %q", it.Index, it.Start, it.End, s)
				}
				var rs []string
				for _, rc := range it.Report.Recipients {
					rs = append(rs, rc.Recipient)
				}
				got = append(got, strings.Join(rs, " "))
			}
			if !slices.Equal(got, tt.rcpts) {
				t.Errorf("items:\n got %q\nwant %q", got, tt.rcpts)
			}
		})
	}
}

// FuzzJSONValueEnd checks that the end jsonValueEnd finds for a valid
// JSON value is its end.
func FuzzJSONValueEnd(f *testing.F) {
	for _, s := range []string{`{"a":"b\\\"}"}`, `[1,[2,{"x":"]"}]]`, `"s"`, `123`, `true`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v := strings.TrimSpace(in)
		end := jsonValueEnd([]byte(v), 0)
		if !json.Valid([]byte(v)) || strings.Count(v, "[")+strings.Count(v, "{") > maxJSONDepth {
			return
		}
		if end != len(v) {
			t.Errorf("%q: end %d, want %d", v, end, len(v))
		}
	})
}

func TestPostfixMatch(t *testing.T) {
	var lines []string
	for _, f := range []string{"postfix.log", "postfix-retries.log"} {
		data, err := os.ReadFile(filepath.Join("testdata", "batch", f))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	lines = append(lines,
		"x postfix/smtp[1]: A1: to=<a@b>, status=sent",
		"x postfix/smtp[1]: A1: to=<a@b>, relay=x, status=bounced (unclosed",
		"x postfix/smtp[1]: A1: to=<a@b>, status=deferred (a (b) c)  ",
		"x postfix-out/smtp/x[12]: A_1: to=<>, status=bounced ()",
		"x postfix/smtp[]: A1: to=<a@b>, status=sent",
		"x postfix//smtp[1]: A1: to=<a@b>, status=sent",
		"x postfix/smtp[1]: A-1: to=<a@b>, status=sent",
		"x postfix/smtp[1]: A1: to=<a@b> status=sent",
		"x postfix/smtp[1]: : to=<a@b>, status=sent",
		"postfix/smtp[1]: A1: to=<a@b>, x status=sent x",
		"Nov 27 10:00:00 postfix-mx1 postfix/smtp[1]: A1: to=<a@b>, status=sent (ok)",
	)
	for _, l := range lines {
		got, want := blPostfixMatch(l), blPostfixRE.FindStringSubmatchIndex(l)
		if want != nil && got != nil {
			want[0] = got[0] // only the submatches are used
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q:\n got %v\nwant %v", l, got, want)
		}
	}
}

// checkSpans checks that the spans of rc point at its own values.
func checkSpans(t *testing.T, text string, rc Recipient) {
	t.Helper()
	for _, s := range rc.Spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Errorf("%s: span %v out of text (%d bytes)", rc.Recipient, s, len(text))
			continue
		}
		got := text[s.Start:s.End]
		var want string
		switch s.Kind {
		case SpanReplyCode:
			want = rc.ReplyCode
		case SpanStatus:
			want = rc.Status
		case SpanRecipient:
			want = rc.Recipient
		default:
			continue
		}
		if got != want {
			t.Errorf("%s: %s span covers %q, want %q", rc.Recipient, s.Kind, got, want)
		}
	}
}

// corpusMails returns the corpus mails of testdata/corpus/dev, sorted by
// name.
func corpusMails(tb testing.TB) (names []string, mails [][]byte) {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "dev", "*.eml"))
	if len(files) == 0 {
		tb.Fatal("no corpus mails in testdata/corpus/dev")
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		names = append(names, filepath.Base(f))
		mails = append(mails, data)
	}
	return names, mails
}

// corpusMbox returns the corpus mails written as one mbox.
func corpusMbox(tb testing.TB) ([]byte, [][]byte) {
	_, mails := corpusMails(tb)
	var buf bytes.Buffer
	for _, m := range mails {
		WriteMbox(&buf, m)
	}
	return buf.Bytes(), mails
}

// TestBatchCorpusMbox decodes an mbox of the corpus mails and checks each
// item, the summary and the rows against decoding each mail on its own.
func TestBatchCorpusMbox(t *testing.T) {
	mbox, mails := corpusMbox(t)
	var want Summary
	var wantRows []Row
	for i, m := range mails {
		if m[len(m)-1] != '\n' { // WriteMbox ends every message with a line end
			m = append(m[:len(m):len(m)], '\n')
		}
		r, _ := Decode(m)
		want.Add(r)
		wantRows = append(wantRows, RowsOf("", Item{Index: i + 1, Report: r})...)
	}
	b, err := NewBatch(mbox, "")
	if err != nil || b.Kind() != BatchMbox {
		t.Fatalf("NewBatch = %q, %v", b.Kind(), err)
	}
	var got Summary
	var gotRows []Row
	last := 0.0
	n := 0
	for {
		it, ok := b.Next()
		if !ok {
			break
		}
		n++
		if p := b.Progress(); p < last || p > 1 {
			t.Fatalf("progress %v after %v", p, last)
		} else {
			last = p
		}
		if it.Index != n {
			t.Fatalf("item index %d, want %d", it.Index, n)
		}
		if r := b.Reread(it.Start, it.End); !reflect.DeepEqual(r.Recipients, it.Report.Recipients) {
			t.Errorf("mail %d: Reread differs from Next", n)
		}
		got.Add(it.Report)
		for _, row := range RowsOf("", it) {
			row.Start, row.End = 0, 0
			gotRows = append(gotRows, row)
		}
	}
	if n != len(mails) {
		t.Fatalf("batch read %d mails, the mbox holds %d", n, len(mails))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batch summary differs from decoding each mail:\n got %+v\nwant %+v", got, want)
	}
	if !reflect.DeepEqual(gotRows, wantRows) {
		t.Errorf("batch rows differ from decoding each mail (%d vs %d rows)", len(gotRows), len(wantRows))
	}
	if got.Failed != got.Permanent+got.Temporary || got.Failed != len(gotRows) {
		t.Errorf("failed %d != permanent %d + temporary %d, rows %d", got.Failed, got.Permanent, got.Temporary, len(gotRows))
	}
	if got.Recipients != got.Failed+got.Delivered+got.Other {
		t.Errorf("recipients %d != failed %d + delivered %d + other %d", got.Recipients, got.Failed, got.Delivered, got.Other)
	}
	t.Logf("%d mails: %d bounces, %d failed recipients (%d permanent, %d temporary, %d to remove), %d delivered, %d other",
		got.Items, got.Bounces, got.Failed, got.Permanent, got.Temporary, got.Remove, got.Delivered, got.Other)
}

// TestCollectorRetries checks that a Collector keeps the last event of each
// message and recipient of a log: carol deferred twice then delivered,
// nobody deferred then bounced, and bounced again in another message.
func TestCollectorRetries(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "batch", "postfix-retries.log"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBatch(data, "")
	if err != nil {
		t.Fatal(err)
	}
	var c Collector
	var all Summary
	for {
		it, ok := b.Next()
		if !ok {
			break
		}
		c.Add("retries.log", it)
		all.Add(it.Report)
	}
	if all.Temporary != 3 || all.Permanent != 2 || all.Delivered != 1 {
		t.Fatalf("every event: %+v; want 3 temporary, 2 permanent, 1 delivered", all)
	}
	s := c.Summary
	if c.Superseded != 3 || s.Items != 6 || s.Recipients != 3 || s.Temporary != 0 || s.Permanent != 2 || s.Delivered != 1 || s.Failed != 2 {
		t.Errorf("last events: superseded %d, %+v; want 3 superseded, 3 recipients: 2 permanent, 1 delivered", c.Superseded, s)
	}
	var got []string
	for _, r := range c.Rows() {
		got = append(got, strconv.Itoa(r.Mail)+" "+r.Recipient+" "+string(r.Verdict))
	}
	want := []string{"5 nobody@example.org permanent", "6 nobody@example.org permanent"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q, want %q", got, want)
	}
	if len(s.ByDomain) != 1 || s.ByDomain["example.org"] != 2 {
		t.Errorf("by domain %v, want example.org: 2 only", s.ByDomain)
	}
	if _, ok := s.ByReason[""]; ok || len(s.ByReason) != 1 {
		t.Errorf("by reason %v, want one reason", s.ByReason)
	}
	if rm := s.AddressesToRemove(); len(rm) > 1 {
		t.Errorf("remove %q", rm)
	}
}

// TestCollectorMails checks that mails, which have no keys, are all kept.
func TestCollectorMails(t *testing.T) {
	var c Collector
	r := Report{Bounce: true, Recipients: []Recipient{{Recipient: "a@example.org", Action: "failed", Permanent: true, Reason: ReasonUserUnknown, HardBounce: true}}}
	c.Add("m", Item{Index: 1, Report: r})
	c.Add("m", Item{Index: 2, Report: r})
	if c.Superseded != 0 || len(c.Rows()) != 2 || c.Summary.Failed != 2 || c.Summary.Remove != 2 {
		t.Errorf("superseded %d, %d rows, summary %+v", c.Superseded, len(c.Rows()), c.Summary)
	}
	if rm := c.Summary.AddressesToRemove(); len(rm) != 1 {
		t.Errorf("remove %q, want one address", rm)
	}
}

func TestSummary(t *testing.T) {
	rep := func(rcs ...Recipient) Report { return Report{Bounce: true, Recipients: rcs} }
	var s Summary
	s.Add(rep(
		Recipient{Recipient: "Nobody@Example.org", Action: "failed", Reason: ReasonUserUnknown, Permanent: true, HardBounce: true, Provider: ""},
		Recipient{Recipient: "full@example.org", Action: "failed", Reason: ReasonMailboxFull, Permanent: true},
	))
	s.Add(rep(Recipient{Recipient: "nobody@example.org", Action: "failed", Reason: ReasonUserUnknown, Permanent: true, HardBounce: true}))
	s.Add(rep(Recipient{Recipient: "bob@gmail.com", Action: "delayed", Reason: ReasonSpeeding, Provider: "google"}))
	s.Add(rep(Recipient{Recipient: "ok@example.com", Action: "delivered", Reason: ReasonDelivered}))
	s.Add(rep(Recipient{Recipient: "abuse@example.com", Reason: ReasonFeedback}))
	s.Add(Report{})
	want := Summary{
		Items: 6, Bounces: 3, NotBounce: 1, Recipients: 6, Failed: 4, Permanent: 3, Temporary: 1, Remove: 2, Delivered: 1, Other: 1,
		ByReason:   map[string]int{"userunknown": 2, "mailboxfull": 1, "speeding": 1},
		ByProvider: map[string]int{"": 3, "google": 1},
		ByDomain:   map[string]int{"example.org": 3, "gmail.com": 1},
	}
	got := s
	got.remove = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("summary:\n got %+v\nwant %+v", got, want)
	}
	if rm := s.AddressesToRemove(); !reflect.DeepEqual(rm, []string{"nobody@example.org"}) {
		t.Errorf("AddressesToRemove = %q", rm)
	}
	top := TopCounts(s.ByReason, 2)
	if !reflect.DeepEqual(top, []BatchCount{{"userunknown", 2}, {"mailboxfull", 1}}) {
		t.Errorf("TopCounts = %v", top)
	}
}

// goldenRows are fixed rows that exercise the CSV quoting rules.
var goldenRows = []Row{
	{File: "bounces.mbox", Mail: 1, Recipient: "nobody@example.org", Domain: "example.org", Verdict: VerdictPermanent, ReplyCode: "550", Status: "5.1.1",
		Reason: ReasonUserUnknown, Permanent: true, HardBounce: true, Retry: RetryNo, Summary: "The address does not exist.",
		Diagnostic: "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown"},
	{File: "bounces.mbox", Mail: 2, Recipient: "bob@gmail.com", Domain: "gmail.com", Verdict: VerdictPermanent, ReplyCode: "550", Status: "5.7.26",
		Reason: ReasonAuthFailure, Provider: "google", Permanent: true, Retry: RetryAfterFix, Summary: "Gmail: \"unauthenticated\", DMARC, SPF, DKIM",
		Diagnostic: "550-5.7.26 Unauthenticated email\nfrom example.net is not accepted"},
	{File: "post,fix.log", Mail: 3, Recipient: "=cmd@example.edu", Domain: "example.edu", Verdict: VerdictTemporary, ReplyCode: "450", Status: "4.7.1",
		Reason: ReasonPolicyViolation, Retry: RetryLater, Summary: "-greylisted", Diagnostic: "@ 450 4.7.1 Greylisted"},
}

func TestWriteCSVGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, goldenRows); err != nil {
		t.Fatal(err)
	}
	batchGolden(t, "rows.csv", buf.Bytes())
	buf.Reset()
	if err := WriteJSON(&buf, goldenRows); err != nil {
		t.Fatal(err)
	}
	batchGolden(t, "rows.json", buf.Bytes())
}

func batchGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "batch", name)
	if *updateBatch {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -batch.update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n got %q\nwant %q", name, got, want)
	}
}

func FuzzBatch(f *testing.F) {
	f.Add([]byte("From a@example.com Thu Nov 27 10:00:00 2026\nSubject: x\n\n>From y\n"))
	f.Add([]byte("Nov 27 09:58:02 mail postfix/smtp[1]: 4F: to=<a@b.c>, relay=none, dsn=5.1.1, status=bounced (x 550 5.1.1 y)\n"))
	f.Add([]byte("2026-11-27 10:00:04 1tGxyA-0001AB-Cd ** a@b.c: Unrouteable address\n"))
	f.Add([]byte("\"RecipientAddress\",\"Status\",\"Detail\"\n\"a@b.c\",\"Failed\",\"550 \"\"5.1.1\"\n"))
	f.Add([]byte("recipient_status\na@b.c##Receive, Fail;x##\n"))
	f.Add([]byte("-Queue ID-\nA1B2C3D4E5     2345 Fri Nov 27 09:00:01  s@b.c\n(host mx.b.c[192.0.2.5] said: 452 4.2.2 full (in\n reply to RCPT TO command))\n   a@b.c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := NewBatch(data, "")
		if b == nil {
			if !errors.Is(err, ErrBatchBinary) {
				t.Fatalf("nil batch with %v", err)
			}
			return
		}
		var s Summary
		for n := 0; ; n++ {
			if n > len(data)+1 {
				t.Fatal("more items than bytes")
			}
			it, ok := b.Next()
			if !ok {
				break
			}
			if it.Start < 0 || it.End > len(b.Data()) || it.Start > it.End {
				t.Fatalf("item range [%d,%d) of %d bytes", it.Start, it.End, len(b.Data()))
			}
			for _, rc := range it.Report.Recipients {
				for _, sp := range rc.Spans {
					if sp.Start < 0 || sp.End > len(it.Report.Text) || sp.Start > sp.End {
						t.Fatalf("span %v of %d bytes", sp, len(it.Report.Text))
					}
				}
			}
			b.Reread(it.Start, it.End)
			s.Add(it.Report)
			RowsOf("f", it)
		}
		if !b.Done() || b.Progress() != 1 {
			t.Fatalf("done %v, progress %v after the last item", b.Done(), b.Progress())
		}
	})
}

func BenchmarkBatchMbox(b *testing.B) {
	mbox, mails := corpusMbox(b)
	b.SetBytes(int64(len(mbox)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bt, err := NewBatch(mbox, "")
		if err != nil {
			b.Fatal(err)
		}
		var s Summary
		for {
			it, ok := bt.Next()
			if !ok {
				break
			}
			s.Add(it.Report)
		}
		if s.Items != len(mails) {
			b.Fatalf("%d items, want %d", s.Items, len(mails))
		}
	}
	b.ReportMetric(float64(len(mails)*b.N)/b.Elapsed().Seconds(), "mails/s")
}

func BenchmarkBatchLog(b *testing.B) {
	one, err := os.ReadFile(filepath.Join("testdata", "batch", "postfix.log"))
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(one, 300)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bt, _ := NewBatch(data, "")
		var s Summary
		for {
			it, ok := bt.Next()
			if !ok {
				break
			}
			s.Add(it.Report)
		}
		if s.Items != 8*300 {
			b.Fatalf("%d items", s.Items)
		}
	}
}

// TestBatchMemoryBounded decodes an mbox of the corpus mails ten times over,
// keeping the rows and the summary as the page does, and checks that what
// stays alive besides the input is small: the reports are not retained.
func TestBatchMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 3000 mails")
	}
	one, _ := corpusMbox(t)
	mbox := bytes.Repeat(one, 10)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b, err := NewBatch(mbox, "")
	if err != nil {
		t.Fatal(err)
	}
	var s Summary
	var rows []Row
	for {
		it, ok := b.Next()
		if !ok {
			break
		}
		s.Add(it.Report)
		rows = append(rows, RowsOf("x.mbox", it)...)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("input %d bytes, %d items, %d rows: %d bytes kept besides the input (%.2fx)", len(mbox), s.Items, len(rows), kept, float64(kept)/float64(len(mbox)))
	if kept > int64(len(mbox))/2 {
		t.Errorf("%d bytes kept alive for a %d-byte input: reports or texts are retained", kept, len(mbox))
	}
	runtime.KeepAlive(mbox)
	runtime.KeepAlive(rows)
}

// TestLogAgreesWithBatch: a log line pasted on its own decodes as the
// batch reads it, including a Sendmail line with two recipients, a
// delivery and an address without angle brackets.
func TestLogAgreesWithBatch(t *testing.T) {
	files, _ := filepath.Glob("testdata/batch/*.log")
	if len(files) == 0 {
		t.Fatal("no logs in testdata/batch")
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			evs := blParse(l)
			if len(evs) == 0 {
				continue
			}
			n++
			want := blReport(l, evs).Recipients
			rep, err := Decode([]byte(l))
			if err != nil || strings.TrimSuffix(rep.Text, "\n") != l {
				t.Fatalf("%s: Decode(%q): %v, text %q", f, l, err, rep.Text)
			}
			if !reflect.DeepEqual(rep.Recipients, want) {
				t.Errorf("%s: %q\n decode %+v\n  batch %+v", filepath.Base(f), l, rep.Recipients, want)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d log lines with events", n)
	}
}

// TestBatchQueue reads a queue listing entry by entry: more recipients
// than one decoded report holds (maxRecipients), each entry's recipients
// with the entry's reasons, entries without a reason skipped.
func TestBatchQueue(t *testing.T) {
	var in strings.Builder
	in.WriteString("-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\n")
	const n = 700
	for i := range n {
		fmt.Fprintf(&in, "%010X     2345 Fri Nov 27 09:00:01  s@example.net\n", 0xA000000000+i)
		if i%2 == 0 {
			in.WriteString("(host mx.example.org[192.0.2.5] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))\n")
		} else {
			in.WriteString("(connect to mx.example.com[192.0.2.6]:25: Connection timed out)\n")
		}
		fmt.Fprintf(&in, "                                         r%d@example.org\n\n", i)
	}
	in.WriteString("B000000000*    2345 Fri Nov 27 09:00:01  s@example.net\n                                         busy@example.org\n\n-- 1600 Kbytes in 701 Requests.\n")
	b, err := NewBatch([]byte(in.String()), "")
	if err != nil || b.Kind() != BatchQueue {
		t.Fatalf("NewBatch: %v, kind %q", err, b.Kind())
	}
	items, full := 0, 0
	for it, ok := b.Next(); ok; it, ok = b.Next() {
		items++
		if len(it.Report.Recipients) != 1 {
			t.Fatalf("item %d: %d recipients", it.Index, len(it.Report.Recipients))
		}
		rc := it.Report.Recipients[0]
		want := "r" + strconv.Itoa(items-1) + "@example.org"
		if rc.Recipient != want || rc.Action != "delayed" || it.Source != "queue" {
			t.Fatalf("item %d: %s %s from %s, want %s delayed", it.Index, rc.Recipient, rc.Action, it.Source, want)
		}
		if rc.Reason == ReasonMailboxFull {
			full++
		}
		if got := b.Reread(it.Start, it.End); len(got.Recipients) != 1 || got.Recipients[0].Recipient != want {
			t.Fatalf("item %d: reread %+v", it.Index, got.Recipients)
		}
	}
	if items != n || full != n/2 {
		t.Errorf("%d items, %d mailbox full; want %d, %d", items, full, n, n/2)
	}
}
