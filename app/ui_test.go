//go:build !wasm

package main

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// flatten returns the text of nodes and the marks as "kind[text]" in
// document order.
func flatten(nodes []hlNode, marks *[]string) string {
	var b strings.Builder
	for _, n := range nodes {
		if n.mark == nil {
			b.WriteString(n.text)
			continue
		}
		inner := flatten(n.children, marks)
		*marks = append(*marks, string(n.mark.kind)+"["+inner+"]")
		b.WriteString(inner)
	}
	return b.String()
}

func TestHighlight(t *testing.T) {
	const text = "550 5.1.1 <bob@example.com>: User unknown\n"
	sp := func(k codes.SpanKind, s, e int) codes.Span { return codes.Span{Kind: k, Start: s, End: e} }
	tests := []struct {
		name  string
		spans []codes.Span
		want  []string // marks, inner first
	}{
		{"nested", []codes.Span{
			sp(codes.SpanRecipient, 11, 26), sp(codes.SpanDiagnostic, 0, 41),
			sp(codes.SpanReplyCode, 0, 3), sp(codes.SpanStatus, 4, 9),
		}, []string{"reply_code[550]", "status[5.1.1]", "recipient[bob@example.com]", "diagnostic[550 5.1.1 <bob@example.com>: User unknown]"}},
		{"crossing is split", []codes.Span{
			sp(codes.SpanStatus, 4, 9), sp(codes.SpanRecipient, 6, 26),
		}, []string{"recipient[1.1]", "status[5.1.1]", "recipient[ <bob@example.com]"}},
		{"bad spans dropped", []codes.Span{
			sp(codes.SpanStatus, -1, 3), sp(codes.SpanStatus, 40, 400), sp(codes.SpanStatus, 5, 5), sp(codes.SpanStatus, 9, 4),
		}, nil},
		{"same span once", []codes.Span{
			sp(codes.SpanReplyCode, 0, 3), sp(codes.SpanReplyCode, 0, 3),
		}, []string{"reply_code[550]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var marks []string
			got := flatten(highlight(text, []codes.Recipient{{Spans: tt.spans}}), &marks)
			if got != text {
				t.Errorf("text = %q, want %q", got, text)
			}
			if strings.Join(marks, "|") != strings.Join(tt.want, "|") {
				t.Errorf("marks = %q, want %q", marks, tt.want)
			}
		})
	}
}

func TestHighlightRuneBoundary(t *testing.T) {
	const text = "550 café"
	// End 6 falls inside "é"? No: "caf" ends at 7, "é" is bytes 7-8.
	var marks []string
	got := flatten(highlight(text, []codes.Recipient{{Spans: []codes.Span{{Kind: codes.SpanDiagnostic, Start: 4, End: 8}}}}), &marks)
	if got != text {
		t.Fatalf("text = %q", got)
	}
	if len(marks) != 1 || marks[0] != "diagnostic[caf]" {
		t.Errorf("marks = %q, want the span cut back to a rune boundary", marks)
	}
}

// TestHighlightExamples checks every example: the highlighted text is the
// report's text, with at least a reply or status mark.
func TestHighlightExamples(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.ID, func(t *testing.T) {
			r, err := codes.Decode([]byte(ex.Text))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Recipients) == 0 {
				t.Fatalf("no recipient decoded from the example")
			}
			var marks []string
			if got := flatten(highlight(r.Text, r.Recipients), &marks); got != r.Text {
				t.Errorf("highlighted text differs from the report's")
			}
			codeMarks := 0
			for _, m := range marks {
				if strings.HasPrefix(m, "reply_code[") || strings.HasPrefix(m, "status[") {
					codeMarks++
				}
			}
			if codeMarks == 0 {
				t.Errorf("no code highlighted: %q", marks)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"550 5.1.1 <bob@example.com>: User unknown", "550 5.1.1 <user1@example.com>: User unknown"},
		{"bob@example.com and Bob@example.com, then eve@example.com", "user1@example.com and user1@example.com, then user2@example.com"},
		{"host mx1.mail.example.org[203.0.113.10] said", "host host1.example.org[192.0.2.2] said"},
		{"from [2001:4860:4864:20::2c] ok", "from [2001:db8::1] ok"},
		{"see https://support.google.com/mail/answer/81126 now", "see https://support.google.com/mail/answer/81126 now"},
		{"550 5.7.26 at 12:34:56 for example.com", "550 5.7.26 at 12:34:56 for example.com"},
	}
	for _, tt := range tests {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestShare(t *testing.T) {
	for _, text := range []string{"550 5.1.1 User unknown", exampleDSN, "héllo\x00 ✓"} {
		frag := encodeShare(text)
		if strings.ContainsAny(frag[2:], "+/=&#") {
			t.Errorf("fragment %q is not base64url", frag)
		}
		got, err := decodeShare("#" + frag)
		if err != nil || got != text {
			t.Errorf("round trip of %q: %q, %v", text, got, err)
		}
	}
	// Written by another deflate-raw encoder (zlib, wbits -15), as
	// CompressionStream("deflate-raw") would.
	if got, err := decodeShare("#t=MzU1UDDVM9QzVAgtTi1SKM3LzssvzwMA&theme=dark"); err != nil || got != "550 5.1.1 User unknown" {
		t.Errorf("foreign fragment: %q, %v", got, err)
	}
	for _, frag := range []string{"", "#", "#result", "#x=1"} {
		if got, err := decodeShare(frag); got != "" || err != nil {
			t.Errorf("decodeShare(%q) = %q, %v; want nothing", frag, got, err)
		}
	}
	for _, frag := range []string{"#t=!!!", "#t=AAAA"} {
		if _, err := decodeShare(frag); err != errShareBad {
			t.Errorf("decodeShare(%q) error = %v, want %v", frag, err, errShareBad)
		}
	}
	var zb bytes.Buffer
	zw, _ := flate.NewWriter(&zb, flate.BestSpeed)
	zw.Write(bytes.Repeat([]byte("a"), codes.MaxInputSize+1))
	zw.Close()
	big := "t=" + base64.RawURLEncoding.EncodeToString(zb.Bytes())
	if _, err := decodeShare(big); err != errShareTooLarge {
		t.Errorf("too large: error = %v, want %v", err, errShareTooLarge)
	}
}

func TestSearchEntries(t *testing.T) {
	has := func(list []refEntry, id string) bool {
		for _, e := range list {
			if e.ID == id {
				return true
			}
		}
		return false
	}
	if n := len(searchEntries("")); n != len(codes.Entries()) {
		t.Errorf("empty query: %d entries, want all %d", n, len(codes.Entries()))
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"5.7.26", []string{"5.7.26", "google-550-5.7.26"}},
		{"550", []string{"550"}},
		{"mailbox full", []string{"5.2.2", "4.2.2"}},
		{"TSS04", []string{"yahoo-421-4.7.0-tss04"}},
	}
	for _, tt := range tests {
		got := searchEntries(tt.q)
		for _, id := range tt.want {
			if _, ok := codes.LookupEntry(id); !ok {
				continue // the knowledge base names it otherwise
			}
			if !has(got, id) {
				t.Errorf("search %q: %s missing from %d results", tt.q, id, len(got))
			}
		}
	}
	for _, e := range searchEntries("yahoo") {
		if !strings.Contains(e.haystack, "yahoo") {
			t.Errorf("search yahoo found %s", e.ID)
		}
	}
	if got := searchEntries("zzzqqq nothing"); len(got) != 0 {
		t.Errorf("nonsense query found %d entries", len(got))
	}
}

func TestCodePaths(t *testing.T) {
	paths := codePaths()
	if len(paths) != len(codes.Entries()) || len(paths) < 300 {
		t.Fatalf("%d code pages for %d entries", len(paths), len(codes.Entries()))
	}
	for _, p := range paths {
		for _, prefixed := range []string{p, "/decoder" + p + "/", strings.TrimPrefix(p, "/")} {
			if _, ok := codes.LookupEntry(codeID(prefixed)); !ok {
				t.Errorf("%s: no entry for id %q", prefixed, codeID(prefixed))
			}
		}
		if u, err := url.Parse(p); err != nil || u.Path != p {
			t.Errorf("%s is not a clean URL path", p)
		}
	}
	seen := make(map[string]bool)
	for _, p := range pagePaths() {
		seen[p] = true
	}
	for _, p := range []string{"/codes", "/codes/550", "/codes/5.7.26", "/embed"} {
		if !seen[p] {
			t.Errorf("%s is not among the pages cached and prerendered", p)
		}
	}
}

func TestResultText(t *testing.T) {
	r, err := codes.Decode([]byte(exampleDSN))
	if err != nil {
		t.Fatal(err)
	}
	txt := resultText(r)
	md := resultMarkdown(r)
	for _, want := range []string{"frank@example.net", "5.1.1", "grace@example.org", "4.2.2", "1. ", "  SMTP stage: RCPT TO\n"} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q:\n%s", want, txt)
		}
	}
	for _, want := range []string{"### frank@example.net", "- Enhanced status: `5.1.1`", "- Reply code: `452`", "- SMTP stage: `RCPT TO`"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(txt, "derived") || strings.Contains(md, "derived") {
		t.Errorf("a stated status reads as derived:\n%s", txt)
	}
	// A notice without codes: the status is the decoder's, and says so.
	r, err = codes.Decode([]byte("Address not found\n\nYour message wasn't delivered to nobody@gmail.com because the address couldn't be found.\n\nThe response was:\n\nThe email account that you tried to reach does not exist.\n"))
	if err != nil || len(r.Recipients) != 1 || !r.Recipients[0].StatusDerived {
		t.Fatalf("Decode: %v, %+v", err, r.Recipients)
	}
	note := "(" + derivedNote + ")"
	if txt := resultText(r); !strings.Contains(txt, "  Enhanced status: 5.1.1 "+note+"\n") {
		t.Errorf("text lacks the derived status:\n%s", txt)
	}
	if md := resultMarkdown(r); !strings.Contains(md, "- Enhanced status: `5.1.1` "+note+"\n") {
		t.Errorf("markdown lacks the derived status:\n%s", md)
	}
	if card := cardMarkup(r.Recipients[0], 0, false, false); !strings.Contains(card, `class="derived-note"`) {
		t.Errorf("card lacks the derived note:\n%s", card)
	}
	// A multi-line reply in a Diagnostic-Code field reads as one: the
	// codes its lines repeat are gone.
	r, err = codes.Decode([]byte("Final-Recipient: rfc822; bob@gmail.com\nAction: failed\nStatus: 5.1.1\n" +
		"Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try\n" +
		"    550-5.1.1 double-checking the recipient's email address for typos or\n" +
		"    550 5.1.1 unnecessary spaces. x1-2 - gsmtp\n"))
	if err != nil || len(r.Recipients) != 1 || !strings.Contains(r.Recipients[0].Diagnostic, "try 550-5.1.1 double") {
		t.Fatalf("Decode: %v, %+v", err, r.Recipients)
	}
	const joined = "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient&#39;s email address for typos or unnecessary spaces. x1-2 - gsmtp"
	plain := strings.ReplaceAll(joined, "&#39;", "'")
	if txt := resultText(r); !strings.Contains(txt, "  Diagnostic: "+plain+"\n") {
		t.Errorf("text lacks the joined diagnostic:\n%s", txt)
	}
	if md := resultMarkdown(r); !strings.Contains(md, "- Diagnostic: `"+plain+"`\n") {
		t.Errorf("markdown lacks the joined diagnostic:\n%s", md)
	}
	if card := cardMarkup(r.Recipients[0], 0, false, false); !strings.Contains(card, ">"+joined+"<") {
		t.Errorf("card lacks the joined diagnostic:\n%s", card)
	}
	if got := mdCode("a`b"); got != "``a`b``" {
		t.Errorf("mdCode = %q", got)
	}
	if got := mdEscape("<img> *x*"); got != `\<img\> \*x\*` {
		t.Errorf("mdEscape = %q", got)
	}
}

// hasTag reports whether html has a start tag name holding every attr.
func hasTag(html, name string, attrs ...string) bool {
	for _, tag := range strings.Split(html, "<"+name+" ")[1:] {
		tag, _, _ = strings.Cut(tag, ">")
		tag = " " + strings.TrimSuffix(tag, "/") + " "
		ok := true
		for _, a := range attrs {
			ok = ok && strings.Contains(tag, a)
		}
		if ok {
			return true
		}
	}
	return false
}

// render loads c in a test engine and returns its HTML.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

func TestDecoderPageRender(t *testing.T) {
	p := newDecoderPage()
	p.decodeText(exampleDSN)
	html := render(t, p)
	for _, want := range [][]string{
		{"article", `data-recipient="frank@example.net"`, `data-reply-code="550"`, `data-status="5.1.1"`,
			`data-reason="userunknown"`, `data-permanent="true"`, `data-provider=""`, `data-verdict="remove"`},
		{"article", `data-recipient="grace@example.org"`, `data-reply-code="452"`, `data-permanent="false"`, `data-verdict="temporary"`},
		{"mark", `data-card="0"`, `data-kind="status"`},
		{"mark", `data-card="1"`, `data-kind="reply_code"`},
		{"a", `href="/codes/5.1.1"`},
		{"a", `href="/codes/550"`},
		{"div", `data-result="found"`},
		{"dd", `class="command"`},
	} {
		if !hasTag(html, want[0], want[1:]...) {
			t.Errorf("rendered page has no <%s> with %q", want[0], want[1:])
		}
	}
	// The SMTP stage of both recipients ("in reply to RCPT TO command").
	if n := strings.Count(html, "RCPT TO: this recipient was refused"); n != 2 {
		t.Errorf("the SMTP stage is on %d cards, want 2", n)
	}
}

func TestDecoderPageNone(t *testing.T) {
	p := newDecoderPage()
	p.decodeText("Hello, lunch at noon?")
	html := render(t, p)
	if !strings.Contains(html, `data-result="none"`) || !strings.Contains(html, "No bounce found") {
		t.Errorf("no [data-result=none] state for a text without a bounce")
	}
	if strings.Contains(html, "recipient-card") {
		t.Errorf("a card was rendered for a text without a bounce")
	}
}

// TestDecoderPageNoHTML checks that pasted markup is escaped, in the text
// and in a diagnostic.
func TestDecoderPageNoHTML(t *testing.T) {
	const text = "550 5.1.1 <img src=x onerror=alert(1)> <script>alert(2)</script> User unknown <bob@example.com>\n"
	p := newDecoderPage()
	p.decodeText(text)
	if len(p.report.Recipients) == 0 || !strings.Contains(p.report.Recipients[0].Diagnostic, "<img") {
		t.Fatalf("the test needs the markup in a diagnostic: %+v", p.report.Recipients)
	}
	html := render(t, p)
	for _, bad := range []string{"<img src=x", "<script>alert"} {
		if strings.Contains(html, bad) {
			t.Errorf("rendered page contains raw %q", bad)
		}
	}
	if !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("escaped markup missing from the page")
	}
}

func TestCodePageRender(t *testing.T) {
	p := newCodePage()
	p.id = "5.7.26"
	p.entry, p.found = codes.LookupEntry(p.id)
	html := render(t, p)
	for _, want := range []string{"Multiple authentication checks failed", `class="fix"`, `data-kind="enhanced"`} {
		if !strings.Contains(html, want) {
			t.Errorf("code page lacks %s", want)
		}
	}
	p = newCodePage()
	p.id = "9.9.99"
	if html := render(t, p); !strings.Contains(html, `data-result="none"`) {
		t.Errorf("unknown code page has no [data-result=none]")
	}
}

func TestVerdictKinds(t *testing.T) {
	tests := []struct {
		rc   codes.Recipient
		want string
	}{
		{codes.Recipient{ReplyCode: "550", Status: "5.1.1", Permanent: true, HardBounce: true, Retry: codes.RetryNo}, verdictRemove},
		{codes.Recipient{ReplyCode: "550", Status: "5.7.26", Permanent: true, Retry: codes.RetryAfterFix}, verdictPermanent},
		{codes.Recipient{ReplyCode: "421", Status: "4.7.0", Retry: codes.RetryLater}, verdictTemporary},
		{codes.Recipient{ReplyCode: "250", Status: "2.0.0", Action: "delivered"}, verdictDelivered},
	}
	for _, tt := range tests {
		if got := recipientVerdict(tt.rc); got != tt.want {
			t.Errorf("%s %s: verdict %q, want %q", tt.rc.ReplyCode, tt.rc.Status, got, tt.want)
		}
	}
	if v, text := verdict([]codes.Recipient{tests[2].rc}); v != verdictTemporary || !strings.Contains(text, "retry later") {
		t.Errorf("temporary headline = %q", text)
	}
	full := codes.Recipient{ReplyCode: "550", Status: "5.2.2", Permanent: true, Action: "failed", Retry: codes.RetryLater}
	expired := codes.Recipient{ReplyCode: "451", Status: "4.4.7", Action: "failed", Retry: codes.RetryLater}
	for _, tt := range []struct {
		name string
		rcs  []codes.Recipient
		want string
	}{
		{"deferral", []codes.Recipient{tests[2].rc}, backoffAdvice},
		{"mailbox full", []codes.Recipient{full}, resendAdvice},
		{"expired", []codes.Recipient{expired}, resendAdvice},
		{"bounced beside a deferral", []codes.Recipient{tests[2].rc, full}, resendAdvice},
		{"a hard bounce is not retried", []codes.Recipient{tests[0].rc, tests[2].rc}, backoffAdvice},
	} {
		if got := retryAdvice(tt.rcs); got != tt.want {
			t.Errorf("%s: advice %q, want %q", tt.name, got, tt.want)
		}
	}
	// The examples as decoded: a pasted 451 is a deferral the sending
	// server retries, a 552 a message it gave up on.
	for _, tt := range []struct{ id, want string }{
		{"greylisting-451", backoffAdvice},
		{"yahoo-tss04", backoffAdvice},
		{"mailbox-full", resendAdvice},
		{"postfix-mailq", backoffAdvice},
	} {
		var text string
		for _, e := range examples {
			if e.ID == tt.id {
				text = e.Text
			}
		}
		rep, err := codes.Decode([]byte(text))
		if err != nil || len(rep.Recipients) == 0 {
			t.Fatalf("example %s: %v, %d recipients", tt.id, err, len(rep.Recipients))
		}
		if got := retryAdvice(rep.Recipients); got != tt.want {
			t.Errorf("example %s: advice %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestCutBlocks(t *testing.T) {
	line := func(i int) string { return "line " + strconv.Itoa(i) + " " + strings.Repeat("x", 30) + "\n" }
	var b strings.Builder
	for i := range 200 {
		b.WriteString(line(i))
	}
	b.WriteString(strings.Repeat("y", 500) + "\n") // a line longer than a block
	b.WriteString("550 5.1.1 <bob@example.com>: User unknown\nlast line without a break")
	text := b.String()
	code := strings.Index(text, "550 5.1.1")
	rcs := []codes.Recipient{{Spans: []codes.Span{{Kind: codes.SpanDiagnostic, Start: code, End: code + 41}, {Kind: codes.SpanStatus, Start: code + 4, End: code + 9}}}}
	const size = 256
	blocks := cutBlocks(highlight(text, rcs), size)
	var all []string
	var got strings.Builder
	for i, bl := range blocks {
		s := flatten(bl, &all)
		got.WriteString(s)
		if len(s) > size && !strings.Contains(s, strings.Repeat("y", size)) {
			t.Errorf("block %d has %d bytes, and no line longer than %d", i, len(s), size)
		}
		if i < len(blocks)-1 && !strings.HasSuffix(s, "\n") {
			t.Errorf("block %d is not cut after a line break: %q", i, s[max(0, len(s)-20):])
		}
	}
	if got.String() != text {
		t.Fatalf("the blocks do not add up to the text")
	}
	if want := []string{"status[5.1.1]", "diagnostic[550 5.1.1 <bob@example.com>: User unknown]"}; strings.Join(all, " ") != strings.Join(want, " ") {
		t.Errorf("marks %v, want %v (a mark was cut)", all, want)
	}
	if len(blocks) < len(text)/size {
		t.Errorf("%d blocks for %d bytes", len(blocks), len(text))
	}
}

func FuzzCutBlocks(f *testing.F) {
	f.Add("550 5.1.1 <bob@example.com>: User unknown\nnext\n\n", 8)
	f.Fuzz(func(t *testing.T, text string, size int) {
		r, _ := codes.Decode([]byte(text))
		blocks := cutBlocks(highlight(r.Text, r.Recipients), size%512)
		var got strings.Builder
		var marks, want []string
		flatten(highlight(r.Text, r.Recipients), &want)
		for i, bl := range blocks {
			s := flatten(bl, &marks)
			if i < len(blocks)-1 && !strings.HasSuffix(s, "\n") {
				t.Fatalf("block %d does not end a line", i)
			}
			got.WriteString(s)
		}
		if got.String() != r.Text || strings.Join(marks, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("the blocks change the text or its marks")
		}
	})
}
