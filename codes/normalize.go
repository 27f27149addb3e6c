package codes

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"mime"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds MIME nesting (multiparts and message/rfc822 inside each
// other); deeper parts are reported as a problem and skipped.
const maxDepth = 16

// maxParts bounds the number of MIME parts walked in one input.
const maxParts = 500

// secKind says what a section of the normalized text came from.
type secKind uint8

const (
	secHeader   secKind = iota // header fields of the top mail
	secText                    // a decoded text part of the notification
	secDSN                     // message/delivery-status or message/global-delivery-status (RFC 3464, RFC 6533)
	secFeedback                // message/feedback-report (RFC 5965)
	secOrig                    // header fields of a returned message (message/rfc822, text/rfc822-headers)
)

// section is a byte range of the normalized text.
type section struct {
	kind       secKind
	start, end int
}

// hfield is one header field, unfolded, its value decoded (RFC 2047).
type hfield struct {
	name, value string
}

// doc is an input turned into one displayable UTF-8 text, split in sections.
type doc struct {
	buf      strings.Builder
	last     byte // last byte written to buf
	secs     []section
	problems []string
	top      []hfield // header fields of the top mail, nil when the input is not a mail
	orig     []hfield // header fields of the first returned message, if any
	mail     bool     // the input starts with a header block
	msgs     []msgView
	inline   bool // a view of a mail quoted inside another one's text
	parts    int
	marks    [][2]int // by section, see returnMarks; nil until looked for
}

func (d *doc) problem(format string, args ...any) {
	if len(d.problems) >= 20 {
		return
	}
	p := fmt.Sprintf(format, args...)
	for _, q := range d.problems {
		if q == p {
			return
		}
	}
	d.problems = append(d.problems, p)
}

// add appends s as a section of kind k, made valid UTF-8 and ending in a newline.
func (d *doc) add(k secKind, s string) {
	if s == "" {
		return
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	start := d.buf.Len()
	if start > 0 && d.last != '\n' {
		d.buf.WriteByte('\n')
		start++
	}
	d.buf.WriteString(s)
	d.last = s[len(s)-1]
	if d.last != '\n' {
		d.buf.WriteByte('\n')
		d.last = '\n'
	}
	if n := len(d.secs); n > 0 && d.secs[n-1].kind == k && d.secs[n-1].end == start {
		d.secs[n-1].end = d.buf.Len()
		return
	}
	d.secs = append(d.secs, section{k, start, d.buf.Len()})
}

// addHeader appends header fields as "Name: value" lines, folded values as
// they were written.
func (d *doc) addHeader(k secKind, fields []hfield) {
	if len(fields) == 0 {
		return
	}
	start := d.buf.Len()
	if start > 0 && d.last != '\n' {
		d.buf.WriteByte('\n')
		start++
	}
	for _, f := range fields {
		name := f.name
		if !utf8.ValidString(name) {
			name = strings.ToValidUTF8(name, "\uFFFD")
		}
		d.buf.WriteString(name)
		d.buf.WriteString(": ")
		d.buf.WriteString(f.value)
		d.buf.WriteByte('\n')
	}
	d.last = '\n'
	if n := len(d.secs); n > 0 && d.secs[n-1].kind == k && d.secs[n-1].end == start {
		d.secs[n-1].end = d.buf.Len()
		return
	}
	d.secs = append(d.secs, section{k, start, d.buf.Len()})
}

// normalize reads input into a doc. It never fails: what it cannot read is
// kept as text and reported in problems.
func normalize(input []byte) *doc {
	d := &doc{secs: make([]section, 0, 8)}
	d.buf.Grow(len(input) + len(input)/8)
	s := crlfToLFBytes(input)
	if !strings.HasPrefix(s, "From ") {
		d.message(s)
		return d
	}
	// An mbox (RFC 4155): "From " separator lines before each mail.
	for n := 0; s != ""; n++ {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		} else {
			s = ""
		}
		next := nextMboxMail(s)
		if n == maxMessages {
			d.problem("more than %d mails in the mailbox: the rest is skipped", maxMessages)
			break
		}
		d.message(s[:next])
		s = s[next:]
	}
	return d
}

// maxMessages bounds the mails read from one mailbox.
const maxMessages = 50

// nextMboxMail returns the offset of the next "From " separator line of an
// mbox (followed by a header field; mbox writers escape body lines that
// start with "From "), or len(s).
func nextMboxMail(s string) int {
	for i := 0; ; {
		k := strings.Index(s[i:], "\nFrom ")
		if k < 0 {
			return len(s)
		}
		at := i + k + 1
		rest := s[at:]
		if j := strings.IndexByte(rest, '\n'); j >= 0 && looksLikeHeader(rest[j+1:]) {
			return at
		}
		i = at
	}
}

// message appends one mail (or pasted text) to the doc.
func (d *doc) message(s string) {
	m := msgView{first: len(d.secs)}
	defer func() {
		m.last = len(d.secs)
		d.msgs = append(d.msgs, m)
	}()
	s = strings.TrimLeft(s, "\n")
	if !looksLikeHeader(s) {
		text, _ := toUTF8(s, "")
		d.add(secText, plainSpaces(text))
		return
	}
	fields, body := parseHeader(s)
	if !mailHeader(fields) {
		// Header-like lines that are not a mail: pasted DSN fields
		// ("Diagnostic-Code: smtp; 550 ...") or a transcript.
		text, _ := toUTF8(s, "")
		d.add(secText, plainSpaces(text))
		return
	}
	m.mail = true
	m.top = decodeFields(fields)
	d.top, d.orig = m.top, nil
	d.addHeader(secHeader, m.top)
	d.walk(m.top, body, 0, false)
	m.orig = d.orig
}

// msgView is one mail of a doc: its sections d.secs[first:last] and headers.
type msgView struct {
	first, last int
	mail        bool
	top, orig   []hfield
}

// view returns a doc restricted to one of its mails, for the readers.
func (d *doc) view(m msgView) *doc {
	return &doc{secs: d.secs[m.first:m.last], top: m.top, orig: m.orig, mail: m.mail}
}

// mailHeader reports whether fields include one that every mail or
// bounce has (RFC 5322 section 3.6).
func mailHeader(fields []hfield) bool {
	for _, f := range fields {
		switch strings.ToLower(f.name) {
		case "from", "to", "subject", "date", "received", "return-path", "message-id", "mime-version", "content-type", "delivered-to", "x-failed-recipients", "sender", "reply-to":
			return true
		}
	}
	return false
}

// plainSpaces turns no-break spaces (U+00A0, U+202F) into spaces. Text
// copied from a web mail's bounce page carries them ("550\u00a05.1.1"),
// and an SMTP reply has only plain spaces (RFC 5321 section 4.2).
func plainSpaces(s string) string {
	if !strings.Contains(s, "\u00a0") && !strings.Contains(s, "\u202f") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", " "), "\u202f", " ")
}

// crlfToLF turns CRLF line ends into LF (RFC 5322 mail arrives with either).
func crlfToLF(b string) string {
	if strings.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}

// crlfToLFBytes is crlfToLF of string(b), copying b once.
func crlfToLFBytes(b []byte) string {
	if bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for {
		i := bytes.Index(b, crlf)
		if i < 0 {
			out.Write(b)
			return out.String()
		}
		out.Write(b[:i])
		b = b[i+1:] // keep the LF
	}
}

var crlf = []byte("\r\n")

// trimBlanksRight is strings.TrimRight(s, " \t") without building the
// cutset's table at each call.
func trimBlanksRight(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// looksLikeHeader reports whether s starts with an RFC 5322 header field.
func looksLikeHeader(s string) bool {
	line := s
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		line = s[:i]
	}
	c := strings.IndexByte(line, ':')
	if c <= 0 || c > 76 {
		return false
	}
	for i := 0; i < c; i++ {
		ch := line[i]
		if ch <= ' ' || ch > '~' {
			return false
		}
	}
	// A pasted log line ("Jan  1 host postfix/smtp[1]: ...") or SMTP reply is not a header.
	return true
}

// parseHeader splits a header block (RFC 5322 section 2.2) into unfolded
// fields and returns the body that follows. It is tolerant: a line that is
// neither a field nor a continuation ends the header.
func parseHeader(s string) ([]hfield, string) {
	return parseHeaderCap(s, 16)
}

// partHeaderCap is the room parseHeaderCap makes for the header of a body
// part, which mostly has its Content-* fields only (RFC 2045 section 3).
const partHeaderCap = 4

// parseHeaderCap is parseHeader making room for n fields at first.
func parseHeaderCap(s string, n int) ([]hfield, string) {
	fields := make([]hfield, 0, n)
	vs, ve := -1, -1 // the current field's value in s, folded lines included
	done := func() {
		if n := len(fields); n > 0 && vs >= 0 {
			fields[n-1].value = trimBlanksRight(s[vs:ve])
		}
	}
	pos := 0
	for pos < len(s) {
		i := strings.IndexByte(s[pos:], '\n')
		end, next := len(s), len(s)
		if i >= 0 {
			end, next = pos+i, pos+i+1
		}
		line := s[pos:end]
		if line == "" {
			done()
			return fields, s[next:]
		}
		if line[0] == ' ' || line[0] == '\t' {
			// A folded line: the value goes on (field unfolds it).
			ve = end
			pos = next
			continue
		}
		c := strings.IndexByte(line, ':')
		if c <= 0 || strings.ContainsAny(line[:c], " \t") {
			if vs >= 0 && strings.HasSuffix(trimBlanksRight(s[vs:ve]), ";") && isParam(line) {
				// A parameter line whose folding lost its indent
				// ("Content-Type: multipart/alternative;\nboundary=...").
				ve = end
				pos = next
				continue
			}
			// Not a header field: the body starts here (missing blank line).
			done()
			return fields, s[pos:]
		}
		done()
		vs, ve = pos+c+1, end
		for vs < end && (s[vs] == ' ' || s[vs] == '\t') {
			vs++
		}
		fields = append(fields, hfield{name: line[:c]})
		pos = next
	}
	done()
	return fields, ""
}

// isParam reports whether a line starts with a MIME parameter (name=).
func isParam(l string) bool {
	i := 0
	for i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] >= 'A' && l[i] <= 'Z' || l[i] == '-' || l[i] == '_' || locDigit(l[i])) {
		i++
	}
	return i > 0 && i < len(l) && l[i] == '='
}

// unfold joins the lines of a folded header value (RFC 5322 section 2.2.3).
func unfold(v string) string {
	if strings.IndexByte(v, '\n') < 0 {
		return v
	}
	return collapse(v)
}

var wordDecoder = &mime.WordDecoder{CharsetReader: func(charset string, r io.Reader) (io.Reader, error) {
	// Decode at once: an encoded word is short, and a reader with WriteTo
	// spares mime's io.Copy its 32 KiB buffer.
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s, ok := decodeCharset(canonicalCharset(strings.ToLower(charset)), string(b))
	if !ok {
		return nil, fmt.Errorf("codes: unknown charset %q", charset)
	}
	return strings.NewReader(s), nil
}}

// decodeFields decodes RFC 2047 encoded words and stray 8-bit text in header values.
func decodeFields(fields []hfield) []hfield {
	for i := range fields {
		v := fields[i].value
		if strings.Contains(v, "=?") {
			if dv, err := wordDecoder.DecodeHeader(unfold(v)); err == nil {
				v = dv
			}
		}
		if !utf8.ValidString(v) {
			v = guess8bit(v)
		}
		fields[i].value = v
	}
	return fields
}

// field returns the value of the first field named name (ASCII case-insensitive).
func field(fields []hfield, name string) string {
	for _, f := range fields {
		if strings.EqualFold(f.name, name) {
			return unfold(f.value)
		}
	}
	return ""
}

// mediaParams are the parameters of a media type that the decoder reads.
type mediaParams struct {
	boundary, charset string
}

// mediaType returns the lower-case media type and parameters of a part
// (RFC 2045 section 5), salvaging what it can from malformed values.
func (d *doc) mediaType(fields []hfield) (string, mediaParams) {
	v := field(fields, "Content-Type")
	if v == "" {
		return "text/plain", mediaParams{}
	}
	if mt, mp, ok := parseMediaTypeSimple(v); ok {
		return mt, mp
	}
	mt, params, err := mime.ParseMediaType(v)
	if err == nil {
		return mt, mediaParams{boundary: params["boundary"], charset: params["charset"]}
	}
	// Salvage: type before ';' and a boundary or charset parameter by hand.
	mt = strings.ToLower(strings.TrimSpace(v))
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	var mp mediaParams
	for _, p := range []string{"boundary", "charset"} {
		if i := strings.Index(strings.ToLower(v), p+"="); i >= 0 {
			val := v[i+len(p)+1:]
			if strings.HasPrefix(val, `"`) {
				val = val[1:]
				if j := strings.IndexByte(val, '"'); j >= 0 {
					val = val[:j]
				}
			} else if j := strings.IndexAny(val, "; \t"); j >= 0 {
				val = val[:j]
			}
			if p == "boundary" {
				mp.boundary = val
			} else {
				mp.charset = val
			}
		}
	}
	return mt, mp
}

// parseMediaTypeSimple is mime.ParseMediaType for the plain values most
// parts have, without its map: ASCII, "type/subtype" then parameters whose
// names have no '*' (RFC 2231) and whose values are tokens or quoted strings
// without backslashes or line breaks, no name twice with two values. It
// reports false for any other value, which ParseMediaType must read.
func parseMediaTypeSimple(v string) (string, mediaParams, bool) {
	var mp mediaParams
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return "", mp, false
		}
	}
	base, rest, _ := strings.Cut(v, ";")
	mt := strings.ToLower(strings.TrimSpace(base))
	typ := mediaTokenEnd(mt, 0)
	if typ == 0 || typ == len(mt) || mt[typ] != '/' {
		return "", mp, false // no subtype: rare, left to ParseMediaType
	}
	if sub := mediaTokenEnd(mt, typ+1); sub == typ+1 || sub != len(mt) {
		return "", mp, false
	}
	if base != v {
		rest = ";" + rest
	}
	var seen [2]bool
	for {
		rest = trimMediaSpace(rest)
		if rest == "" {
			return mt, mp, true
		}
		if rest[0] != ';' {
			return "", mp, false
		}
		rest = trimMediaSpace(rest[1:])
		k := mediaTokenEnd(rest, 0)
		if k == 0 {
			return "", mp, false // trailing ';' or a malformed parameter
		}
		name := strings.ToLower(rest[:k])
		if strings.IndexByte(name, '*') >= 0 {
			return "", mp, false
		}
		rest = trimMediaSpace(rest[k:])
		if rest == "" || rest[0] != '=' {
			return "", mp, false
		}
		rest = trimMediaSpace(rest[1:])
		var val string
		if rest != "" && rest[0] == '"' {
			e := strings.IndexAny(rest[1:], "\"\\\r\n")
			if e < 0 || rest[1+e] != '"' {
				return "", mp, false
			}
			val, rest = rest[1:1+e], rest[2+e:]
		} else {
			k := mediaTokenEnd(rest, 0)
			if k == 0 {
				return "", mp, false
			}
			val, rest = rest[:k], rest[k:]
		}
		var p *string
		var seenIt *bool
		switch name {
		case "boundary":
			p, seenIt = &mp.boundary, &seen[0]
		case "charset":
			p, seenIt = &mp.charset, &seen[1]
		default:
			// Another parameter: only a second value for it would
			// make ParseMediaType fail, so its name must not come again.
			if strings.Contains(strings.ToLower(rest), name) {
				return "", mp, false
			}
			continue
		}
		if *seenIt && *p != val {
			return "", mp, false // a parameter twice with two values
		}
		*seenIt, *p = true, val
	}
}

// mediaTokenEnd returns the end of the token (RFC 2045 section 5.1) at
// s[i:].
func mediaTokenEnd(s string, i int) int {
	for i < len(s) && mediaTokenChar[s[i]] {
		i++
	}
	return i
}

// mediaTokenChar tells the bytes of a token: US-ASCII but space, controls
// and tspecials (RFC 2045 section 5.1).
var mediaTokenChar = func() (t [256]bool) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune(`()<>@,;:\"/[]?=`, c)
	}
	return t
}()

// trimMediaSpace drops the ASCII white space that starts s (what
// unicode.IsSpace finds in ASCII).
func trimMediaSpace(s string) string {
	for s != "" && (s[0] == ' ' || s[0] >= '\t' && s[0] <= '\r') {
		s = s[1:]
	}
	return s
}

// walk appends the displayable content of one MIME entity.
func (d *doc) walk(fields []hfield, body string, depth int, inOrig bool) {
	d.parts++
	if d.parts > maxParts {
		if d.parts == maxParts+1 {
			d.problem("more than %d MIME parts: the rest is skipped", maxParts)
		}
		return
	}
	if depth > maxDepth {
		d.problem("MIME nesting deeper than %d: inner parts skipped", maxDepth)
		return
	}
	mt, params := d.mediaType(fields)
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		b := params.boundary
		if b == "" {
			d.problem("multipart without boundary: shown as text")
			if !inOrig {
				d.addText(fields, body, "text/plain", mediaParams{})
			}
			return
		}
		parts, ok := splitMultipart(body, b)
		if len(parts) == 0 {
			// The declared boundary is nowhere in the body (a mangled
			// header): use the delimiter line the body has, if any.
			if g := guessBoundary(body); g != "" && g != b {
				d.problem("multipart boundary %q not found: used %q", b, g)
				b = g
				parts, ok = splitMultipart(body, b)
			}
		}
		if !ok {
			d.problem("multipart without its closing boundary: parts read as far as they go")
		}
		if len(parts) == 0 && !inOrig {
			d.addText(fields, body, "text/plain", mediaParams{})
		}
		for _, p := range parts {
			pf, pb := parseHeaderCap(p, partHeaderCap)
			d.walk(decodeFields(pf), pb, depth+1, inOrig)
		}
	case mt == "message/rfc822" || mt == "message/global" || mt == "message/rfc822-headers" || mt == "text/rfc822-headers" || mt == "message/global-headers":
		raw := d.transferDecode(fields, body)
		raw = strings.TrimLeft(crlfToLF(raw), "\n")
		if !looksLikeHeader(raw) {
			if !inOrig {
				d.addText(fields, body, "text/plain", params)
			}
			return
		}
		inner, innerBody := parseHeader(raw)
		inner = decodeFields(inner)
		if d.orig == nil {
			d.orig = inner
		}
		d.addHeader(secOrig, inner)
		if (strings.HasSuffix(mt, "822") || mt == "message/global") && (indexFold(innerBody, "delivery-status") >= 0 || indexFold(innerBody, "feedback-report") >= 0) {
			// Look inside the returned message only for reports (a bounce
			// forwarded as an attachment), not its text.
			d.walk(inner, innerBody, depth+1, true)
		}
	case mt == "message/delivery-status" || mt == "message/global-delivery-status":
		s := d.transferDecode(fields, body)
		s, _ = toUTF8(crlfToLF(s), params.charset)
		d.add(secDSN, strings.TrimLeft(s, "\n"))
	case mt == "message/feedback-report":
		s := d.transferDecode(fields, body)
		s, _ = toUTF8(crlfToLF(s), "")
		d.add(secFeedback, strings.TrimLeft(s, "\n"))
	case inOrig:
		return
	case strings.HasPrefix(mt, "text/") || mt == "" || mt == "message/partial":
		d.addText(fields, body, mt, params)
	}
}

// addText appends a text part, undoing its transfer encoding and charset.
func (d *doc) addText(fields []hfield, body, mt string, params mediaParams) {
	s := d.transferDecode(fields, body)
	cs := params.charset
	text, ok := toUTF8(s, cs)
	if !ok {
		d.problem("unknown charset %s: shown as is", cs)
	}
	text = crlfToLF(text)
	if mt == "text/html" {
		text = stripHTML(text)
	}
	d.add(secText, plainSpaces(text))
}

// transferDecode undoes a Content-Transfer-Encoding (RFC 2045 section 6).
// Broken encodings are reported and decoded as far as possible.
func (d *doc) transferDecode(fields []hfield, body string) string {
	cte := strings.ToLower(strings.TrimSpace(field(fields, "Content-Transfer-Encoding")))
	switch cte {
	case "base64":
		clean := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			c := body[i]
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
				continue
			}
			clean = append(clean, c)
		}
		out := make([]byte, base64.StdEncoding.DecodedLen(len(clean)))
		n, err := base64.StdEncoding.Decode(out, clean)
		if err != nil {
			// Try without padding, then keep what decoded.
			if n2, err2 := base64.RawStdEncoding.Decode(out, bytes.TrimRight(clean, "=")); err2 == nil {
				return string(out[:n2])
			}
			d.problem("bad base64 in a %s part: decoded up to the error", mediaTypeName(fields))
		}
		return string(out[:n])
	case "quoted-printable":
		out, ok := decodeQP(body)
		if !ok {
			d.problem("bad quoted-printable in a %s part: kept as written where broken", mediaTypeName(fields))
		}
		return out
	}
	return body
}

// decodeQP undoes quoted-printable (RFC 2045 section 6.7) in one pass:
// "=XY" is a byte, "=" at a line end a soft break, trailing blanks of a
// line are dropped. A malformed "=" is kept as written and ok is false
// (mime/quotedprintable stops there; a bounce is better shown whole).
func decodeQP(s string) (string, bool) {
	if strings.IndexByte(s, '=') < 0 && !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n") {
		return s, true
	}
	ok := true
	var b strings.Builder // its String is the result, not a copy of it
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			if i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
				b.WriteByte(byte(unhex(s[i+1])<<4 | unhex(s[i+2])))
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
			b.WriteByte(c)
		case c == ' ' || c == '\t':
			// Blanks at the end of a line are padding.
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) && s[j] != '\n' {
				b.WriteString(s[i:j])
			}
			i = j - 1
		default:
			// The run of bytes up to the next '=' or blank, as they are.
			j := i + 1
			for j < len(s) && s[j] != '=' && s[j] != ' ' && s[j] != '\t' {
				j++
			}
			b.WriteString(s[i:j])
			i = j - 1
		}
	}
	return b.String(), ok
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return -1
}

func mediaTypeName(fields []hfield) string {
	v := field(fields, "Content-Type")
	if i := strings.IndexByte(v, ';'); i >= 0 {
		v = v[:i]
	}
	if v == "" {
		return "text/plain"
	}
	return strings.ToLower(strings.TrimSpace(v))
}

// splitMultipart returns the body parts of a multipart body (RFC 2046
// section 5.1.1). ok is false when the closing delimiter is missing; the
// parts found are returned anyway.
func splitMultipart(body, boundary string) (parts []string, ok bool) {
	delim := "--" + boundary
	start := -1
	pos := 0
	for pos <= len(body) {
		// Find the next line starting with the delimiter.
		i := strings.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		i += pos
		if i > 0 && body[i-1] != '\n' {
			pos = i + len(delim)
			continue
		}
		after := body[i+len(delim):]
		closing := strings.HasPrefix(after, "--")
		eol := strings.IndexByte(after, '\n')
		if start >= 0 {
			end := i
			if end > start && body[end-1] == '\n' {
				end--
			}
			if end < start {
				end = start
			}
			parts = append(parts, body[start:end])
		}
		if closing {
			return parts, true
		}
		if eol < 0 {
			return parts, false
		}
		start = i + len(delim) + eol + 1
		pos = start
	}
	if start >= 0 && start <= len(body) {
		parts = append(parts, body[start:])
	}
	return parts, false
}

// guessBoundary finds a multipart delimiter line ("--xyz" followed by a
// Content- header field) in a body whose declared boundary is missing.
func guessBoundary(body string) string {
	for i := 0; i < len(body); {
		l, next := line(body, i)
		if len(l) > 3 && len(l) < 200 && l[0] == '-' && l[1] == '-' && !strings.ContainsAny(l, " \t") {
			n, _ := line(body, next)
			if hasFoldPrefix(n, "content-") {
				return strings.TrimSuffix(l[2:], "--")
			}
		}
		i = next
	}
	return ""
}

// indexLower returns strings.Index(strings.ToLower(s), sub) for an ASCII
// lower-case sub, without lower-casing s when s is ASCII up to the match
// (the case of HTML), where both give the same byte offset.
func indexLower(s, sub string) int {
	if k := indexFold(s, sub); k >= 0 && isASCII(s[:k+len(sub)]) {
		return k
	}
	return strings.Index(strings.ToLower(s), sub)
}

// isASCII reports whether s has only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stripHTML turns an HTML text part into plain text: tags dropped, block
// elements as line breaks, entities decoded.
func stripHTML(s string) string {
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
		// Only the element's name matters: lower-case it alone, not
		// the attributes (lower-casing is rune by rune and makes no
		// ASCII separator, so the name ends where it ended before).
		tag := s[i+1 : i+j]
		i += j + 1
		name := strings.TrimPrefix(tag, "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		name = strings.ToLower(name)
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
	// Collapse runs of blank lines and trailing spaces left by markup.
	var o strings.Builder
	o.Grow(len(out))
	blank := 0
	for rest, more := out, true; more; {
		l := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			l, rest = rest[:k], rest[k+1:]
		} else {
			more = false
		}
		l = trimBlanksRight(strings.ReplaceAll(l, "\u00a0", " "))
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
