package codes

import (
	"html"
	"math/rand/v2"
	"mime"
	"strings"
	"testing"
)

// stripHTMLRef is stripHTML as it was before it lower-cased only the names
// of the elements: the whole tag.
func stripHTMLRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		tag := strings.ToLower(s[i+1 : i+j])
		i += j + 1
		name := strings.TrimPrefix(tag, "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		switch name {
		case "style", "script", "head", "title":
			if !strings.HasPrefix(tag, "/") {
				if k := indexLower(s[i:], "</"+name); k >= 0 {
					i += k
				}
			}
		case "br", "p", "div", "tr", "li", "table", "h1", "h2", "h3", "h4", "blockquote", "pre":
			b.WriteByte('\n')
		case "td", "th":
			b.WriteByte(' ')
		}
	}
	out := html.UnescapeString(b.String())
	lines := strings.Split(out, "\n")
	var o strings.Builder
	o.Grow(len(out))
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(strings.ReplaceAll(l, "\u00a0", " "), " \t")
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 {
				continue
			}
			o.WriteByte('\n')
			continue
		}
		blank = 0
		o.WriteString(l)
		o.WriteByte('\n')
	}
	return o.String()
}

// TestStripHTMLNames checks stripHTML against stripHTMLRef on every corpus
// mail and on random texts of tags in any case, with attributes, runes
// whose lower case is ASCII (the Kelvin sign) or longer ("İ") and invalid
// UTF-8.
func TestStripHTMLNames(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := stripHTML(s), stripHTMLRef(s); got != want {
			t.Fatalf("stripHTML(%q) = %q, want %q", s, got, want)
		}
	}
	for _, m := range loadCorpusMails(t) {
		check(string(m))
	}
	pieces := []string{"<", ">", "/", "</", "<br>", "<BR/>", "<P class=X>", "<Td>", "<TH\tx>", "<style>", "<STYLE TYPE=A>", "</Style>",
		"<scrİpt>", "<sc\u212aipt>", "\u212a", "İ", "\xff", "<Div\nid=Y>", "<h1>", "</TITLE>", "&amp;", "&nbsp;", "\u00a0", " ", "\n", "x", "Ab"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// TestIndexFoldAnchor checks indexFold, which looks for the rarest byte of
// an ASCII lower-case needle (foldAnchor), against indexFoldRef, which
// looks for its first byte, on random texts with upper case, runes that
// fold to ASCII letters (the Kelvin sign, "ſ") and invalid UTF-8.
func TestIndexFoldAnchor(t *testing.T) {
	pieces := []string{"bob@example.org", "BOB@EXAMPLE.ORG", "Bob", "@", ":", "-", "Final-Recipient:", "final-recipient", "rcpt to:", "RCPT TO:",
		"In Reply To", "in reply to", "AFTER", "after", "During", ">>>", ">> >", "bOB", "xK", "x\u212a", "\u212aelvin", "Kelvin", "s\u212a", "zZz",
		"\u212a", "ſ", "\xff", "é", "x", " ", "o", "b@", "@e", "k@k", "K@\u212a", "s-s", "ſ-s", "delivery-status", "Delivery-Status"}
	needles := []string{"bob@example.org", "final-recipient:", "rcpt to:", "delivery-status", "k@k", "s-s", "@", "-", "b:", "bob", "é@x", "ok",
		"in reply to", "after", "during", ">>>", "Bob", "bOB", "xk", "sk", "zzz", " to", "kelvin"}
	rng := rand.New(rand.NewPCG(13, 14))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, n := range needles {
			if got, want := indexFold(s, n), indexFoldRef(s, n); got != want {
				t.Fatalf("indexFold(%q, %q) = %d, want %d", s, n, got, want)
			}
		}
	}
}

// indexFoldRef is indexFold as it was before it looked for a byte other
// than the needle's first.
func indexFoldRef(s, needle string) int {
	n := len(needle)
	if n == 0 {
		return 0
	}
	lo := needle[0]
	up := lo
	if lo >= 'a' && lo <= 'z' {
		up = lo - 32
	}
	nextLo, nextUp := -2, -2 // -2: not looked up yet, -1: none left
	for i := 0; i+n <= len(s); {
		if nextLo != -1 && nextLo < i {
			if k := strings.IndexByte(s[i:], lo); k >= 0 {
				nextLo = i + k
			} else {
				nextLo = -1
			}
		}
		if up == lo {
			nextUp = nextLo
		} else if nextUp != -1 && nextUp < i {
			if k := strings.IndexByte(s[i:], up); k >= 0 {
				nextUp = i + k
			} else {
				nextUp = -1
			}
		}
		c := nextLo
		if c < 0 || nextUp >= 0 && nextUp < c {
			c = nextUp
		}
		if c < 0 || c+n > len(s) {
			return -1
		}
		if strings.EqualFold(s[c:c+n], needle) {
			return c
		}
		i = c + 1
	}
	return -1
}

// TestProviderInSet checks providerIn, which finds its tokens in one pass,
// against providerInRef, which looked for each, on the lines and normalized
// text of every corpus mail and on random texts made of the tokens.
func TestProviderInSet(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := providerIn(s), providerInRef(s); got != want {
			t.Fatalf("providerIn(%q) = %q, want %q", s, got, want)
		}
	}
	for _, m := range loadCorpusMails(t) {
		d := normalizeDiagnostic(string(m))
		check(d)
		for _, l := range strings.Split(string(m), "\n") {
			check(normalizeDiagnostic(l))
		}
	}
	pieces := []string{" ", "x", ".", "g", "groups.google.com", "gsmtp", "support.google.com", ".outlook.com", "sender.office.com",
		"postmaster.live.com", "go.microsoft.com", "yahooinc.com", "yahoo.com account", "postmaster.verizonmedia.com", "postmaster.yahoo.com",
		"cox.com", "cox.net", "spectrum.net", "charter.net", "ofr", "lpn", "_416", "ofr_416", "lpn007_426", "mimecast", "mcspamsignature",
		"facebook.com", "docomo.ne.jp", "host ", "remote-mta: dns; ", "gs", "co", "yahoo"}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// TestReturnMarkerHints checks isReturnMarker, which looks for its hints
// in one pass, against isReturnMarkerRef, which looked for each, on every
// line of the corpus and on random lines made of the hints and markers.
func TestReturnMarkerHints(t *testing.T) {
	check := func(l string) {
		t.Helper()
		if got, want := isReturnMarker(l), isReturnMarkerRef(l); got != want {
			t.Fatalf("isReturnMarker(%q) = %v, want %v", l, got, want)
		}
	}
	for _, m := range loadCorpusMails(t) {
		for _, l := range strings.Split(string(m), "\n") {
			check(l)
		}
	}
	pieces := []string{" ", "x", "-", "From ", ":", "essage", "ESSAGE", "Message", "MESSAGE", "MeSSage", "opy", "OPY", "Copy", "rigina", "RIGINAL",
		"eceived: ", "Received: from", "RECEIVED: FROM", "eturn-", "Return-Path: <", "eturned", "RETURNED", "original message follows",
		"Below this line is a copy of the message", "----- Original Message -----", "\t"}
	rng := rand.New(rand.NewPCG(17, 18))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// providerInRef is providerIn as it was before it found its tokens in one
// pass.
func providerInRef(d string) string {
	switch {
	case d == "":
		return ""
	case strings.Contains(d, "groups.google.com"):
		return "googlegroups"
	case strings.Contains(d, "gsmtp") || strings.Contains(d, "support.google.com"):
		return "google"
	case strings.Contains(d, ".outlook.com") || strings.Contains(d, "sender.office.com") ||
		strings.Contains(d, "postmaster.live.com") || strings.Contains(d, "go.microsoft.com"):
		return "microsoft"
	case strings.Contains(d, "yahooinc.com") || strings.Contains(d, "yahoo.com account") || strings.Contains(d, "postmaster.verizonmedia.com") ||
		strings.Contains(d, "postmaster.yahoo.com"):
		return "yahoo"
	case strings.Contains(d, "cox.com") || strings.Contains(d, "cox.net"):
		return "cox"
	case strings.Contains(d, "spectrum.net") || strings.Contains(d, "charter.net"):
		return "spectrum"
	case (strings.Contains(d, "ofr") || strings.Contains(d, "lpn")) && orangeCode(d) != "":
		return "orange"
	case strings.Contains(d, "mimecast") || strings.Contains(d, "mcspamsignature"):
		return "mimecast"
	case strings.Contains(d, "facebook.com"):
		return "facebook"
	case docomoMTA(d):
		return "nttdocomo"
	}
	return ""
}

// isReturnMarkerRef is isReturnMarker as it was before it looked for its
// hints in one pass.
func isReturnMarkerRef(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) < 10 || len(t) > 120 {
		return false
	}
	if strings.HasPrefix(l, "From ") && strings.Count(l, ":") >= 2 && strings.Count(l, " ") >= 4 {
		// An mbox separator line: a copy of the mail follows.
		return true
	}
	// Cheap test first, this runs for every line: every marker has one of
	// these words.
	if !strings.Contains(t, "essage") && !strings.Contains(t, "ESSAGE") && !strings.Contains(t, "opy") && !strings.Contains(t, "OPY") &&
		!strings.Contains(t, "rigina") && !strings.Contains(t, "RIGINA") && !strings.Contains(t, "eceived: ") && !strings.Contains(t, "ECEIVED: ") &&
		!strings.Contains(t, "eturn-") && !strings.Contains(t, "ETURN-") && !strings.Contains(t, "eturned") && !strings.Contains(t, "ETURNED") {
		return false
	}
	var buf [120]byte
	lt := buf[:len(t)]
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lt[i] = c
	}
	var has uint8 // the returnMarkerKeys in lt
	for k, key := range returnMarkerKeys {
		if hasBytes(lt, key) {
			has |= 1 << k
		}
	}
	if has == 0 {
		return false
	}
	for i, m := range returnMarkers {
		if need := returnMarkerNeeds[i]; has&need == need && hasBytes(lt, m) {
			if m == "returned message" && hasBytes(lt, "attached returned message") {
				continue
			}
			if m == "received: from" || m == "return-path: <" {
				// A header line of the returned message shown inline.
				return len(lt) >= len(m) && string(lt[:len(m)]) == m && l == t
			}
			return true
		}
	}
	return false
}

// TestKBMatchProviderKeys checks kbMatchProvider, which rules entries out
// from kbProvKeys, against kbMatchProviderRef, which read the entries, on
// queries made of the codes, providers and tokens of the provider entries.
func TestKBMatchProviderKeys(t *testing.T) {
	x := kbx()
	var statuses []EnhancedCode
	var replies []ReplyCode
	provs := []string{"", "unknown"}
	var texts []string
	for _, i := range x.provIdx {
		e := &x.all[i]
		statuses = append(statuses, e.Status, EnhancedCode{e.Status[0], e.Status[1], e.Status[2] + 1}, EnhancedCode{e.Status[0], e.Status[1], e.DetailMax})
		replies = append(replies, e.Reply, e.Reply+1)
		provs = append(provs, e.Provider)
		texts = append(texts, x.tokens[i])
		texts = append(texts, e.Match...)
	}
	statuses = append(statuses, EnhancedCode{}, EnhancedCode{5, 7, 1 << 20}, EnhancedCode{-5, 0, 0})
	replies = append(replies, 0, 1<<20)
	rng := rand.New(rand.NewPCG(19, 20))
	found := 0
	for range 20000 {
		q := Query{Status: statuses[rng.IntN(len(statuses))], Reply: replies[rng.IntN(len(replies))]}
		var b strings.Builder
		for range rng.IntN(3) {
			b.WriteString(texts[rng.IntN(len(texts))] + " ")
		}
		lt := kbNormalize(b.String())
		var g kbGrams
		g.add(lt)
		prov := provs[rng.IntN(len(provs))]
		e1, ok1 := kbMatchProvider(q, lt, &g, prov)
		e2, ok2 := kbMatchProviderRef(q, lt, &g, prov)
		if ok1 != ok2 || e1.ID != e2.ID {
			t.Fatalf("kbMatchProvider(%v, %q, %q) = %q %v, want %q %v", q, lt, prov, e1.ID, ok1, e2.ID, ok2)
		}
		if ok1 {
			found++
		}
	}
	t.Logf("%d of 20000 queries found an entry", found)
	if found < 1000 {
		t.Fatalf("only %d queries found an entry", found)
	}
}

// kbMatchProviderRef is kbMatchProvider as it was before kbProvKeys.
func kbMatchProviderRef(q Query, lt string, g *kbGrams, prov string) (Entry, bool) {
	x := kbx()
	best, bestScore := -1, 0
	for _, i := range x.provIdx {
		e := &x.all[i]
		same := prov != "" && e.Provider == prov
		st := kbStatusRel(e, q.Status)
		if st < 0 {
			continue
		}
		if !e.Reply.IsZero() && !q.Reply.IsZero() && e.Reply != q.Reply && e.Status.IsZero() && e.Reply.Class() != q.Reply.Class() {
			continue
		}
		codeOnly := st > 0 && x.statusOnly[e.ID]
		if !same && e.Token == "" && !(codeOnly && prov == "") {
			continue // only tokens select another provider's entries
		}
		tok := e.Token != "" && lt != "" && g.may(x.tokens[i]) && kbIndexWord(lt, x.tokens[i]) >= 0
		if e.Token != "" && !tok {
			continue // a token entry applies only where its token is written
		}
		plen := 0
		for _, m := range e.Match {
			if len(m) > plen && g.may(m) && strings.Contains(lt, m) {
				plen = len(m)
			}
		}
		phr := plen > 0
		switch {
		case tok:
		case phr && same:
		case codeOnly && same:
		case codeOnly && prov == "" && !kbRegistered(q.Status) && x.uniqueOwner[e.ID]:
		default:
			continue
		}
		score := 0
		if same {
			score += 3200
		}
		if tok {
			score += 1600
		}
		if phr {
			score += 800 + min(plen, 99)
		}
		score += st * 200
		if !e.Reply.IsZero() && e.Reply == q.Reply {
			score += 100
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	return x.all[best], true
}

// TestCollapseWords checks collapse, which copies words whole, against
// collapseRef, which wrote rune by rune, on random texts with blanks,
// UTF-8, U+FFFD and bytes that are not UTF-8.
func TestCollapseWords(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\r", "  ", "x", "Ab", "é", "\uFFFD", "\xff", "\xe2\x82", "\xc3", "€", "a\xffb", "日本", "\x00"}
	rng := rand.New(rand.NewPCG(21, 22))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := collapse(b.String()), collapseRef(b.String()); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", b.String(), got, want)
		}
	}
}

// collapseRef is collapse as it was before it copied words whole.
func collapseRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestNewScanHeads checks newScan, which compares the first 4 bytes of the
// phrases before the strings, against newScanRef, on the normalized text of
// every corpus mail and on random texts made of the phrases and their
// beginnings.
func TestNewScanHeads(t *testing.T) {
	check := func(d string) {
		t.Helper()
		if got, want := newScan(d), newScanRef(d); got.hit != want.hit {
			t.Fatalf("newScan(%q) = %v, want %v", d, got.hit, want.hit)
		}
	}
	for _, m := range loadCorpusMails(t) {
		check(normalizeDiagnostic(string(m)))
	}
	var pieces []string
	for _, e := range phrasesByPrefix.entries {
		pieces = append(pieces, e.phrase, e.phrase[:len(e.phrase)/2], e.phrase[:min(len(e.phrase), 3)])
	}
	pieces = append(pieces, " ", "x", "1", "é")
	rng := rand.New(rand.NewPCG(25, 26))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// newScanRef is newScan as it was before it compared the first 4 bytes.
func newScanRef(d string) scan {
	t := scan{s: d}
	idx := phrasesByPrefix
	for i := 0; i+1 < len(d); i++ {
		c1 := idx.class[d[i]]
		if c1 == 0 || (i > 0 && isAlnum(d[i]) && isAlnum(d[i-1])) {
			continue
		}
		c2 := idx.class[d[i+1]]
		if c2 == 0 {
			continue
		}
		k := int(c1)<<6 | int(c2)
		for _, e := range idx.entries[idx.start[k]:idx.start[k+1]] {
			if !t.hit[e.set] && strings.HasPrefix(d[i:], e.phrase) {
				t.hit[e.set] = true
			}
		}
	}
	return t
}

// TestDecodeQPRuns checks decodeQP, which copies the runs of plain bytes
// at once, against decodeQPRef, on every corpus mail and on random texts of
// escapes, soft breaks, blanks and line ends.
func TestDecodeQPRuns(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, gotOK := decodeQP(s)
		want, wantOK := decodeQPRef(s)
		if got != want || gotOK != wantOK {
			t.Fatalf("decodeQP(%q) = %q, %v, want %q, %v", s, got, gotOK, want, wantOK)
		}
	}
	for _, m := range loadCorpusMails(t) {
		check(string(m))
	}
	pieces := []string{"=", "=3D", "=3d", "=C3=A9", "=\n", "= \n", "=\r\n", "=x", "=4", " ", "\t", "  \n", "\n", "\r", "x", "abc", "é", "=\t \r"}
	rng := rand.New(rand.NewPCG(27, 28))
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// decodeQPRef is decodeQP as it was before it copied runs at once.
func decodeQPRef(s string) (string, bool) {
	if strings.IndexByte(s, '=') < 0 && !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n") {
		return s, true
	}
	ok := true
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			if i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
				b = append(b, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
				i += 2
				continue
			}
			// Soft line break: "=", optional blanks, newline (or the end).
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j == len(s) || s[j] == '\n' {
				i = j
				continue
			}
			ok = false
			b = append(b, c)
		case c == ' ' || c == '\t':
			// Blanks at the end of a line are padding.
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) && s[j] != '\n' {
				b = append(b, s[i:j]...)
			}
			i = j - 1
		default:
			b = append(b, c)
		}
	}
	return string(b), ok
}

// TestParseMediaTypeSimple checks parseMediaTypeSimple against
// mime.ParseMediaType on the Content-Type fields of every corpus mail and on
// random values made of types, parameters, quotes, escapes, RFC 2231 names,
// white space and bytes that are not ASCII: where it reads a value, it reads
// what ParseMediaType does; and it reads the usual ones.
func TestParseMediaTypeSimple(t *testing.T) {
	read := 0
	check := func(v string) {
		t.Helper()
		mt, mp, ok := parseMediaTypeSimple(v)
		if !ok {
			return
		}
		read++
		wmt, params, err := mime.ParseMediaType(v)
		if err != nil || mt != wmt || mp.boundary != params["boundary"] || mp.charset != params["charset"] {
			t.Fatalf("parseMediaTypeSimple(%q) = %q %+v, ParseMediaType: %q %v %v", v, mt, mp, wmt, params, err)
		}
	}
	for _, m := range loadCorpusMails(t) {
		for _, l := range strings.Split(string(m), "\n") {
			if k := strings.IndexByte(l, ':'); k > 0 && strings.EqualFold(l[:k], "content-type") {
				check(strings.TrimSpace(l[k+1:]))
			}
		}
	}
	if read < 300 {
		t.Fatalf("only %d corpus Content-Type values read", read)
	}
	corpus := read
	pieces := []string{"text/plain", "TEXT/Plain", "multipart/mixed", "text", "/", ";", "; ", " ", "\t", "\n", "\v", "charset=", "CHARSET=", "Charset = ",
		"boundary=", "BOUNDARY=", `"`, `""`, `"a b"`, `"x\"y"`, `\`, "abc", "us-ascii", "=", "*", "name*0=", "charset*=", "é", "\xff", "(", "@", "a=b", "A=B", "x-y"}
	rng := rand.New(rand.NewPCG(29, 30))
	for range 200000 {
		var b strings.Builder
		if rng.IntN(2) == 0 {
			b.WriteString("text/plain")
		}
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
	t.Logf("read %d corpus values, %d random ones", corpus, read-corpus)
	if read-corpus < 1000 {
		t.Fatalf("only %d random values read", read-corpus)
	}
}

// TestKBDetectRootStay checks kbDetect, which skips the bytes that keep
// the automaton at its root, against kbDetectRef, on every corpus mail and
// on random texts made of the markers and other bytes.
func TestKBDetectRootStay(t *testing.T) {
	check := func(s string) {
		t.Helper()
		b1, a1 := kbDetect(s)
		b2, a2 := kbDetectRef(s)
		if b1 != b2 || (b1 >= 0 && a1 != a2) {
			t.Fatalf("kbDetect(%q) = %d %d, want %d %d", s, b1, a1, b2, a2)
		}
	}
	for _, m := range loadCorpusMails(t) {
		check(string(m))
	}
	var pieces []string
	for _, m := range kbx().markers {
		pieces = append(pieces, m.needle, strings.ToUpper(m.needle), m.needle[:len(m.needle)/2])
	}
	pieces = append(pieces, " ", ".", "-", "x", "0", "é", "\xff")
	rng := rand.New(rand.NewPCG(31, 32))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// kbDetectRef is kbDetect as it was before it skipped the bytes that keep
// the automaton at its root.
func kbDetectRef(text string) (best, bestAt int) {
	x := kbx()
	a := x.ac
	best, bestW := -1, 0
	s := int32(0)
	for i := 0; i < len(text); i++ {
		v := a.next[s+int32(a.class[text[i]])]
		s = v &^ kbACOut
		if v&kbACOut == 0 {
			continue
		}
		for _, k := range a.out[int(s)/a.nclass] {
			m := &x.markers[k]
			start := i + 1 - len(m.needle)
			if m.weight < bestW || m.weight == bestW && start >= bestAt {
				continue
			}
			if kbIsAlnum(m.needle[0]) && start > 0 && kbIsAlnum(text[start-1]) {
				continue
			}
			if kbIsAlnum(m.needle[len(m.needle)-1]) && i+1 < len(text) && kbIsAlnum(text[i+1]) {
				continue
			}
			best, bestW, bestAt = k, m.weight, start
		}
		if bestW == kbMaxWeight {
			break // nothing later can win
		}
	}
	return best, bestAt
}
