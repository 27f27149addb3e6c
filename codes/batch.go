package codes

import (
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Batch decoding reads many bounces at once: a mailbox in mbox format
// (mboxo or mboxrd, see RFC 4155), a single mail, mail-server log text
// (Postfix, Exim, Sendmail), a CSV export with a header row (a Microsoft
// 365 / Exchange message trace, a PowerMTA accounting file, a sending
// service's bounce list) or a sending service's webhook events (JSON, or one JSON
// value per line), any of them possibly gzip- or bzip2-compressed (a rotated
// log). A Batch hands out one Item at a time so that callers
// keep memory bounded, show progress and can stop at any point.

// MaxBatchSize is the largest input NewBatch reads whole: 256 MiB. Larger
// inputs are cut at the last line break before the limit and NewBatch
// returns ErrBatchTooLarge together with a Batch over the part kept.
const MaxBatchSize = 256 << 20

// Errors reported by NewBatch. Each comes with a Batch over whatever could
// still be read, except ErrBatchBinary (binary data, or damaged compressed
// data).
var (
	ErrBatchTooLarge = errors.New("codes: batch input too large")
	ErrBatchBinary   = errors.New("codes: binary data, not a mailbox or mail log")
	ErrBatchUnknown  = errors.New("codes: not an mbox, a mail, a mail log or a message trace")
	ErrBatchEmpty    = errors.New("codes: empty input")
)

// BatchKind names the kind of input a Batch reads.
type BatchKind string

// The batch input kinds.
const (
	BatchMbox  BatchKind = "mbox"  // mailbox: messages each after a "From " line (RFC 4155)
	BatchMail  BatchKind = "mail"  // one mail (an .eml file)
	BatchLog   BatchKind = "log"   // mail-server log lines: Postfix, Exim, Sendmail, qmail
	BatchTrace BatchKind = "trace" // CSV export: message trace, tracking log, accounting file, bounce list
	BatchJSON  BatchKind = "json"  // webhook events of a sending service: JSON, or one JSON value per line (NDJSON)
	BatchQueue BatchKind = "queue" // a mail queue listing: Postfix's or Sendmail's mailq
	BatchText  BatchKind = "text"  // unrecognised text, decoded as one bounce
)

// Item is one unit of a Batch: a mail of a mailbox, or one delivery event
// of a log or message trace.
type Item struct {
	Index      int       // 1-based position in the batch
	Start, End int       // byte range [Start, End) of the item in Batch.Data
	Source     string    // reader: "mbox", "mail", "postfix", "exim", "sendmail", "trace", "json", "queue", "text"
	Report     Report    // the decoded item
	Err        error     // error from decoding this item, if any (the Report is then partial)
	Kind       BatchKind // kind of the batch the item came from

	// Keys has one key per recipient of Report for log lines and trace
	// rows: the message (queue) id and the recipient, which later events
	// of the same delivery share. It is nil for mails. Collector uses it.
	Keys []string
}

// Batch reads the items of one input in order. It is not safe for
// concurrent use.
type Batch struct {
	kind  BatchKind
	data  []byte
	size  int // size of the original input, for progress
	off   int
	index int

	// message trace CSV state
	trace *traceReader
	// qmail log state: the "starting delivery" lines read so far
	qmail qmailStarts

	inArray bool // JSON: inside the top-level array of an export
}

// NewBatch returns a Batch over data. Kind "" sniffs the kind from the
// content (see SniffBatch). On ErrBatchTooLarge, ErrBatchUnknown and
// ErrBatchEmpty the Batch is still usable and reads what it can; on
// ErrBatchBinary it is nil.
func NewBatch(data []byte, kind BatchKind) (*Batch, error) {
	return newBatchLimit(data, kind, MaxBatchSize)
}

func newBatchLimit(data []byte, kind BatchKind, limit int) (*Batch, error) {
	if bytes.HasPrefix(data, []byte("\x1f\x8b")) || bytes.HasPrefix(data, []byte("BZh")) {
		var err error
		if data, err = batchDecompress(data, limit); err != nil {
			return nil, err
		}
	}
	var tooBig error
	if len(data) > limit {
		cut := bytes.LastIndexByte(data[:limit], '\n')
		if cut < 0 {
			cut = limit - 1
		}
		data, tooBig = data[:cut+1], ErrBatchTooLarge
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		data = batchFromUTF16(data)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var err error
	if kind == "" {
		kind, err = SniffBatch(data)
		if errors.Is(err, ErrBatchBinary) {
			return nil, err
		}
	}
	b := &Batch{kind: kind, data: data, size: len(data)}
	if kind == BatchTrace {
		b.trace, b.off = newTraceReader(data)
		if b.trace == nil {
			b.kind = BatchLog // no header row: read the lines as a log
		}
	}
	if tooBig != nil {
		return b, tooBig
	}
	return b, err
}

// Kind returns the kind of input b reads.
func (b *Batch) Kind() BatchKind { return b.kind }

// Data returns the input b reads (after any UTF-16 conversion); Item byte
// ranges refer to it.
func (b *Batch) Data() []byte { return b.data }

// Offset returns how many bytes of Data have been consumed.
func (b *Batch) Offset() int { return b.off }

// Progress returns the fraction of the input consumed, from 0 to 1.
func (b *Batch) Progress() float64 {
	if b.size == 0 {
		return 1
	}
	return float64(b.off) / float64(b.size)
}

// Done reports whether all items have been read.
func (b *Batch) Done() bool { return b.off >= len(b.data) }

// Text returns the text of the item at byte range [start, end) as it would
// be decoded on its own: for a mailbox, the message with its "From " line
// quoting removed.
func (b *Batch) Text(start, end int) string {
	if start < 0 || end > len(b.data) || start > end {
		return ""
	}
	if b.kind == BatchMbox {
		return string(mboxUnquote(b.data[start:end]))
	}
	return string(b.data[start:end])
}

// Reread decodes again the item at byte range [start, end) of Data, as
// Next decoded it: callers keep only rows and ranges, and reread the one
// item a user opens.
func (b *Batch) Reread(start, end int) Report {
	if start < 0 || end > len(b.data) || start > end {
		return Report{Problems: []string{"codes: item range out of the input"}, Recipients: []Recipient{}}
	}
	switch b.kind {
	case BatchLog:
		text := string(bytes.TrimRight(b.data[start:end], "\r\n"))
		evs := blParse(text)
		for i := range evs {
			if evs[i].delivery != "" {
				qmailStartBefore(b.data[:start], evs[i].delivery).fill(&evs[i])
			}
		}
		return blReport(text, evs)
	case BatchTrace:
		if b.trace != nil {
			text := strings.TrimRight(string(b.data[start:end]), "\r\n")
			rec, err := batchCSVReader(strings.NewReader(text), b.trace.comma).Read()
			if err == nil {
				return blReport(text, b.trace.events(text, rec))
			}
		}
	}
	r, _ := Decode([]byte(b.Text(start, end)))
	return r
}

// Next decodes and returns the next item, or false when the input is
// exhausted. Inputs that hold no item at all yield nothing.
func (b *Batch) Next() (Item, bool) {
	for b.off < len(b.data) {
		var it Item
		var ok bool
		switch b.kind {
		case BatchMbox:
			it, ok = b.nextMbox()
		case BatchLog:
			it, ok = b.nextLog()
		case BatchTrace:
			it, ok = b.nextTrace()
		case BatchJSON:
			it, ok = b.nextJSON()
		case BatchQueue:
			it, ok = b.nextQueue()
		default: // BatchMail, BatchText: the whole input is one item
			it, ok = b.nextWhole()
		}
		if ok {
			b.index++
			it.Index, it.Kind = b.index, b.kind
			return it, true
		}
	}
	return Item{}, false
}

func (b *Batch) nextWhole() (Item, bool) {
	start, end := 0, len(b.data)
	b.off = end
	if len(bytes.TrimSpace(b.data)) == 0 {
		return Item{}, false
	}
	r, err := Decode(b.data)
	return Item{Start: start, End: end, Source: string(b.kind), Report: r, Err: err}, true
}

// nextQueue returns the next entry of a queue listing that holds a
// failure: the entry's first line up to a blank line or the next entry.
// Entries without a reason (a message being delivered) are skipped.
func (b *Batch) nextQueue() (Item, bool) {
	start := -1
	for b.off < len(b.data) {
		i := b.off
		end := len(b.data)
		if k := bytes.IndexByte(b.data[i:], '\n'); k >= 0 {
			end = i + k
		}
		l := string(bytes.TrimRight(b.data[i:end], "\r"))
		entry := queueEntry(l)
		if start >= 0 && (entry || strings.TrimSpace(l) == "") {
			if it, ok := b.queueItem(start, i); ok {
				return it, true
			}
			start = -1
		}
		if entry {
			start = i
		}
		b.off = min(end+1, len(b.data))
	}
	if start >= 0 {
		return b.queueItem(start, len(b.data))
	}
	return Item{}, false
}

// queueItem decodes the queue listing entry at data[start:end].
func (b *Batch) queueItem(start, end int) (Item, bool) {
	end = start + len(bytes.TrimRight(b.data[start:end], "\r\n"))
	r, err := Decode(b.data[start:end])
	if len(r.Recipients) == 0 {
		return Item{}, false
	}
	return Item{Start: start, End: end, Source: string(BatchQueue), Report: r, Err: err}, true
}

// nextJSON returns the next event: each value at the top level (one per
// line in NDJSON) and each element of a top-level array (an export) is one
// item. Text that is no JSON from some point on is one last item.
func (b *Batch) nextJSON() (Item, bool) {
	for {
		i := b.off
		for i < len(b.data) && (b.data[i] == ' ' || b.data[i] == '\t' || b.data[i] == '\r' || b.data[i] == '\n' || b.data[i] == ',') {
			i++
		}
		if i >= len(b.data) {
			b.off = i
			return Item{}, false
		}
		switch c := b.data[i]; {
		case c == '[' && !b.inArray:
			b.inArray, b.off = true, i+1
			continue
		case c == ']' && b.inArray:
			b.inArray, b.off = false, i+1
			continue
		}
		end := jsonValueEnd(b.data, i)
		if end < 0 {
			end = i + len(bytes.TrimRight(b.data[i:], " \t\r\n"))
		}
		if end <= i {
			end = i + 1 // a stray closing bracket ("[}"): one byte of junk
		}
		b.off = end
		r, err := Decode(b.data[i:end])
		return Item{Start: i, End: end, Source: string(BatchJSON), Report: r, Err: err}, true
	}
}

// jsonValueEnd returns the end of the JSON value that starts at data[i],
// or -1 when it does not end (cut, or deeper than maxJSONDepth). It checks
// only the brackets and strings; Decode reads the value itself.
func jsonValueEnd(data []byte, i int) int {
	depth := 0
	for j := i; j < len(data); j++ {
		switch data[j] {
		case '"':
			for j++; j < len(data) && data[j] != '"'; j++ {
				if data[j] == '\\' {
					j++
				}
			}
			if j >= len(data) {
				return -1
			}
			if depth == 0 {
				return j + 1
			}
		case '{', '[':
			if depth++; depth > maxJSONDepth {
				return -1
			}
		case '}', ']':
			if depth--; depth <= 0 {
				if depth < 0 {
					return j // a stray closing bracket ends a scalar
				}
				return j + 1
			}
		case ',', ' ', '\t', '\r', '\n':
			if depth == 0 {
				return j
			}
		}
	}
	if depth == 0 {
		return len(data)
	}
	return -1
}

func (b *Batch) nextMbox() (Item, bool) {
	start, end, next := mboxNext(b.data, b.off)
	b.off = next
	if start >= end {
		return Item{}, false
	}
	msg := mboxUnquote(b.data[start:end])
	if len(bytes.TrimSpace(msg)) == 0 {
		return Item{}, false
	}
	r, err := Decode(msg)
	return Item{Start: start, End: end, Source: "mbox", Report: r, Err: err}, true
}

// SniffBatch tells the kind of a batch input from its content. It returns
// ErrBatchBinary for binary data (with a hint for compressed archives),
// ErrBatchEmpty for blank input and ErrBatchUnknown, with kind BatchText,
// for text it does not recognise.
func SniffBatch(data []byte) (BatchKind, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := sniffBinary(data); err != nil {
		return "", err
	}
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return BatchText, ErrBatchEmpty
	}
	if t := bytes.TrimLeft(head, " \t\r\n"); t[0] == '{' || t[0] == '[' {
		return BatchJSON, nil
	}
	if queueListing(head) {
		return BatchQueue, nil
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	if mboxFromLine(first) {
		return BatchMbox, nil
	}
	if traceHeaderAt(head) >= 0 {
		return BatchTrace, nil
	}
	if batchLogKind(first) != "" {
		return BatchLog, nil
	}
	logLines, lines := 0, 0
	for rest := head; len(rest) > 0 && lines < 200; lines++ {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if batchLogKind(line) != "" {
			logLines++
		}
	}
	if logLines > 0 && !batchHeaderLine(first) {
		return BatchLog, nil
	}
	if batchHeaderLine(first) {
		return BatchMail, nil
	}
	if logLines > 0 {
		return BatchLog, nil
	}
	return BatchText, ErrBatchUnknown
}

// sniffBinary reports ErrBatchBinary, wrapped with what the data looks
// like, when data is not text.
func sniffBinary(data []byte) error {
	magic := []struct {
		prefix, name string
	}{
		{"\x1f\x8b", "gzip-compressed data; decompress it first"},
		{"BZh", "bzip2-compressed data; decompress it first"},
		{"\xfd7zXZ\x00", "xz-compressed data; decompress it first"},
		{"PK\x03\x04", "a zip archive; extract the mailbox first"},
		{"7z\xbc\xaf\x27\x1c", "a 7z archive; extract the mailbox first"},
		{"%PDF-", "a PDF document"},
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"\xd0\xcf\x11\xe0", "an Outlook or Office file (.msg, .xls); save the messages as .eml or export as CSV"},
		{"!BDN", "an Outlook data file (.pst); export the folder as mbox or .eml"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return fmt.Errorf("%w: %s", ErrBatchBinary, m.name)
		}
	}
	head := data
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c == 0 {
			return ErrBatchBinary
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			bad++
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRune(head[i:])
			if r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax {
				bad++ // legacy 8-bit charsets count a little: mails may use them
			}
			i += n
			continue
		}
		i++
	}
	if len(head) > 0 && bad*4 > len(head) {
		return ErrBatchBinary
	}
	return nil
}

// batchDecompress decompresses gzip (RFC 1952) or bzip2 data, such as a
// rotated mail log, reading at most limit+1 bytes of output.
func batchDecompress(data []byte, limit int) ([]byte, error) {
	var r io.Reader
	name := "bzip2"
	if data[0] == 0x1f {
		name = "gzip"
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%w: damaged gzip data", ErrBatchBinary)
		}
		defer zr.Close()
		r = zr
	} else {
		r = bzip2.NewReader(bytes.NewReader(data))
	}
	out, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("%w: damaged %s data", ErrBatchBinary, name)
	}
	// a damaged end keeps what was decompressed before it
	return out, nil
}

// batchHeaderLine reports whether line looks like an RFC 5322 header field
// whose name starts with a letter (as every common one does; a timestamp
// such as "2026-11-27T09:58:01" does not).
func batchHeaderLine(line []byte) bool {
	name, _, ok := bytes.Cut(line, []byte(":"))
	if !ok || len(name) == 0 || len(name) > 76 || !(name[0] >= 'A' && name[0] <= 'Z' || name[0] >= 'a' && name[0] <= 'z') {
		return false
	}
	for _, c := range name {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

// fromUTF16 converts UTF-16 text with a byte order mark to UTF-8.
func batchFromUTF16(data []byte) []byte {
	big := data[0] == 0xfe
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	out := make([]byte, 0, len(u)+len(u)/8)
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// batchCSVReader returns a CSV reader tolerant of ragged rows and stray quotes.
func batchCSVReader(r io.Reader, comma rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return cr
}
