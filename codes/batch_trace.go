package codes

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
)

// Message traces: Microsoft 365 / Exchange Online message trace exports
// ("RecipientAddress","Status",... from Get-MessageTrace; "Event","Detail"
// from Get-MessageTraceDetail; the historical search report with
// "recipient_status" values such as "a@example.com##Receive, Fail"; the
// extended report's "date_time_utc",...,"recipient_address",
// "recipient_status"), and Exchange message tracking logs ("#Fields:"
// header, "event-id", "recipient-address", "recipient-status"). Columns are
// found by name, ignoring case, spaces and punctuation, in a header row
// among the first lines; the separator is a comma, a tab or a semicolon.

// traceReader reads the rows of a message trace.
type traceReader struct {
	cr        *csv.Reader
	comma     rune
	base      int // offset in the data where cr starts
	rcpt      int // column indexes, -1 when absent
	status    int
	recStatus int
	detail    int
	id        int // message id column
}

// traceColumn tells which role a header name plays: "rcpt", "status",
// "recstatus", "detail" or "".
func traceColumn(name string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	switch b.String() {
	case "recipientaddress", "recipientaddresses", "recipients", "recipient", "recipientemail", "toaddress", "to", "rcpt", "rcptto":
		return "rcpt"
	case "status", "deliverystatus", "messagestatus", "eventid", "event", "deliveryaction":
		return "status"
	case "recipientstatus":
		return "recstatus"
	case "messagetraceid", "networkmessageid", "internalmessageid", "messageid":
		return "id"
	case "detail", "details", "statusdetail", "statusdetails", "reason", "response", "smtpresponse",
		"diagnostic", "diagnosticcode", "lastresponse", "deliverydetail", "errormessage", "error":
		return "detail"
	}
	return ""
}

// traceHeader parses line as a message trace header row. It returns the
// reader settings or nil when line is not such a header.
func traceHeader(line []byte) *traceReader {
	line = bytes.TrimRight(line, "\r")
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(line, []byte("#Fields:")) {
		line = bytes.TrimSpace(line[len("#Fields:"):])
	}
	comma, most := ',', bytes.Count(line, []byte(","))
	if n := bytes.Count(line, []byte("\t")); n > most {
		comma, most = '\t', n
	}
	if n := bytes.Count(line, []byte(";")); n > most {
		comma, most = ';', n
	}
	if most == 0 {
		return nil
	}
	rec, err := batchCSVReader(bytes.NewReader(line), comma).Read()
	if err != nil {
		return nil
	}
	t := &traceReader{rcpt: -1, status: -1, recStatus: -1, detail: -1, id: -1}
	for i, name := range rec {
		switch traceColumn(name) {
		case "rcpt":
			if t.rcpt < 0 {
				t.rcpt = i
			}
		case "status":
			if t.status < 0 {
				t.status = i
			}
		case "recstatus":
			t.recStatus = i
		case "detail":
			if t.detail < 0 {
				t.detail = i
			}
		case "id":
			if t.id < 0 {
				t.id = i
			}
		}
	}
	if (t.rcpt < 0 && t.recStatus < 0) || (t.status < 0 && t.recStatus < 0 && t.detail < 0) {
		return nil
	}
	t.comma = comma
	return t
}

// traceHeaderAt returns the offset of the header row of a message trace
// within the first lines of head, or -1.
func traceHeaderAt(head []byte) int {
	off := 0
	for n := 0; n < 20 && off < len(head); n++ {
		line := head[off:]
		next := len(head)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		}
		if traceHeader(line) != nil {
			return off
		}
		off = next
	}
	return -1
}

// newTraceReader returns a reader over the rows after the header row of
// data and the offset where they start, or nil when data has no header.
func newTraceReader(data []byte) (*traceReader, int) {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	at := traceHeaderAt(head)
	if at < 0 {
		return nil, 0
	}
	end := len(data)
	if i := bytes.IndexByte(data[at:], '\n'); i >= 0 {
		end = at + i + 1
	}
	t := traceHeader(data[at:end])
	t.cr = batchCSVReader(bytes.NewReader(data[end:]), t.comma)
	t.base = end
	return t, end
}

// nextTrace returns the item of the next row with delivery events.
func (b *Batch) nextTrace() (Item, bool) {
	t := b.trace
	for {
		start := t.base + int(t.cr.InputOffset())
		rec, err := t.cr.Read()
		end := t.base + int(t.cr.InputOffset())
		if err == io.EOF || end <= start && err != nil {
			b.off = len(b.data)
			return Item{}, false
		}
		b.off = end
		if err != nil || len(rec) == 0 || strings.HasPrefix(rec[0], "#") {
			continue
		}
		text := strings.TrimRight(string(b.data[start:end]), "\r\n")
		evs := t.events(text, rec)
		if len(evs) == 0 {
			continue
		}
		return Item{Start: start, End: start + len(text), Source: "trace", Report: blReport(text, evs), Keys: blKeys(evs)}, true
	}
}

// traceAction maps a status or event word of a trace to an event action
// and, for spam verdicts, a reason hint. It returns "" for events that are
// neither a delivery nor a failure (Receive, Expand, Submit, ...).
func traceAction(word string) (string, Reason) {
	w := strings.ToLower(strings.Join(strings.Fields(word), ""))
	switch w {
	case "delivered", "deliver", "send", "sent", "sendexternal", "success", "succeeded":
		return "delivered", ""
	case "failed", "fail", "failure", "bounced", "bounce", "rejected", "dropped", "drop", "badmail", "undeliverable":
		return "failed", ""
	case "pending", "defer", "deferred", "delayed", "gettingstatus", "retry":
		return "delayed", ""
	case "filteredasspam", "spam", "spamfiltered":
		return "failed", ReasonSpamDetected
	case "quarantined", "quarantine":
		return "failed", ReasonFiltered
	}
	return "", ""
}

// events reads the delivery events of one trace row.
func (t *traceReader) events(text string, rec []string) []blEvent {
	get := func(i int) string {
		if i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	rcpts, status, rs, detail := get(t.rcpt), get(t.status), get(t.recStatus), get(t.detail)
	ev := blEvent{reader: "trace", id: get(t.id), rcptAt: -1, diagAt: -1, dsnAt: -1, mtaAt: -1}
	ev.diag = detail
	if ev.diag == "" && rs != "" && !strings.Contains(rs, "##") {
		ev.diag = rs
	}
	if ev.diag == "" {
		ev.diag = status
	}
	if ev.diag != "" {
		ev.diagAt = strings.Index(text, ev.diag)
		if ev.diagAt < 0 {
			// quoted in the CSV: find the part before the first quote
			if q := strings.IndexByte(ev.diag, '"'); q > 0 {
				if ev.diagAt = strings.Index(text, ev.diag[:q]); ev.diagAt >= 0 {
					ev.diagN = q
				}
			}
		}
	}
	var evs []blEvent
	add := func(addr, action string, hint Reason) {
		if action == "" || addr == "" {
			return
		}
		e := ev
		e.rcpt, e.action, e.hint = addr, action, hint
		e.rcptAt = strings.Index(text, addr)
		evs = append(evs, e)
	}
	if strings.Contains(rs, "##") {
		// historical search: "a@example.com##Receive, Fail;b@example.com##Receive, Deliver"
		for _, part := range strings.Split(rs, ";") {
			addr, events, ok := strings.Cut(part, "##")
			if !ok {
				continue
			}
			words := strings.Split(events, ",")
			action, hint := traceAction(words[len(words)-1])
			add(strings.TrimSpace(addr), action, hint)
		}
		return evs
	}
	action, hint := traceAction(status)
	if action == "" && t.status < 0 {
		// no status column: judge by the reply code of the detail
		if i := blReplyAt(ev.diag); i >= 0 {
			switch ev.diag[i] {
			case '5':
				action = "failed"
			case '4':
				action = "delayed"
			case '2':
				action = "delivered"
			}
		}
	}
	for as, ae := blNextAddr(rcpts, 0); as >= 0; as, ae = blNextAddr(rcpts, ae) {
		add(rcpts[as:ae], action, hint)
	}
	return evs
}
