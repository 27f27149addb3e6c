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
// "recipient_status"), Exchange message tracking logs ("#Fields:"
// header, "event-id", "recipient-address", "recipient-status"), PowerMTA's
// accounting files ("type,timeLogged,...,rcpt,...,dsnAction,dsnStatus,
// dsnDiag,dsnMta,...") and the bounce exports of sending services
// ("email","reason","status"). Columns are found by name, ignoring case,
// spaces and punctuation, in a header row among the first lines; the
// separator is a comma, a tab or a semicolon.

// traceReader reads the rows of a message trace.
type traceReader struct {
	cr        *csv.Reader
	comma     rune
	base      int // offset in the data where cr starts
	rcpt      int // column indexes, -1 when absent
	status    int
	recStatus int
	detail    int
	code      int // reply or enhanced status code column
	mta       int // remote server column
	id        int // message id column
}

// traceColumn tells which role a header name plays: "rcpt", "status",
// "recstatus", "detail", "code", "mta", "id" or "".
func traceColumn(name string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	switch b.String() {
	case "recipientaddress", "recipientaddresses", "recipients", "recipient", "recipientemail", "toaddress", "to", "rcpt", "rcptto",
		"email", "emailaddress", "address":
		return "rcpt"
	case "status", "deliverystatus", "messagestatus", "eventid", "event", "deliveryaction", "dsnaction", "action":
		return "status"
	case "dsnstatus", "enhancedstatus", "enhancedstatuscode", "enhancedcode",
		"code", "replycode", "smtpcode", "statuscode", "errorcode", "smtpstatus":
		return "code"
	case "dsnmta", "remotemta", "remotehost", "remoteserver", "mxhost", "mx":
		return "mta"
	case "recipientstatus":
		return "recstatus"
	case "messagetraceid", "networkmessageid", "internalmessageid", "messageid":
		return "id"
	case "detail", "details", "statusdetail", "statusdetails", "reason", "response", "smtpresponse",
		"diagnostic", "diagnosticcode", "lastresponse", "deliverydetail", "errormessage", "error",
		"dsndiag", "bouncereason", "rawreason":
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
	t := &traceReader{rcpt: -1, status: -1, recStatus: -1, detail: -1, code: -1, mta: -1, id: -1}
	for i, name := range rec {
		first := func(col *int) {
			if *col < 0 {
				*col = i
			}
		}
		switch traceColumn(name) {
		case "rcpt":
			first(&t.rcpt)
		case "status":
			first(&t.status)
		case "recstatus":
			t.recStatus = i
		case "detail":
			first(&t.detail)
		case "code":
			first(&t.code)
		case "mta":
			first(&t.mta)
		case "id":
			first(&t.id)
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
	return traceRows(data[at:end], bytes.NewReader(data[end:]), end), end
}

// traceRows returns a reader over the rows under the header row line,
// read from rest, which starts at offset base of the whole input.
func traceRows(line []byte, rest io.Reader, base int) *traceReader {
	t := traceHeader(line)
	t.cr = batchCSVReader(rest, t.comma)
	t.base = base
	return t
}

// row returns the next row: its bounds in the whole input and its fields,
// or ok false at the end. Rows the CSV reader rejects and comment rows
// ("#Software: ...") are skipped.
func (t *traceReader) row() (start, end int, rec []string, ok bool) {
	for {
		start = t.base + int(t.cr.InputOffset())
		rec, err := t.cr.Read()
		end = t.base + int(t.cr.InputOffset())
		if err == io.EOF || end <= start && err != nil {
			return start, end, nil, false
		}
		if err == nil && len(rec) > 0 && !strings.HasPrefix(rec[0], "#") {
			return start, end, rec, true
		}
	}
}

// nextTrace returns the item of the next row with delivery events.
func (b *Batch) nextTrace() (Item, bool) {
	t := b.trace
	for {
		start, end, rec, ok := t.row()
		if !ok {
			b.off = len(b.data)
			return Item{}, false
		}
		b.off = end
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
	case "delivered", "deliver", "send", "sent", "sendexternal", "success", "succeeded", "relayed":
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
	// Codes in columns of their own: PowerMTA's dsnStatus "5.0.0
	// (undefined status)"; Mailgun's bounce export "code" 550; a status
	// column that holds a code (SendGrid's export: "5.1.1").
	codes := func(v string) {
		at := traceFieldAt(text, v, t.comma)
		if ss, se := blStatusAt(v); ss >= 0 && ev.dsn == "" {
			ev.dsn, ev.dsnAt = v[ss:se], -1
			if at >= 0 {
				ev.dsnAt = at + ss
			}
		}
		if i := blReplyAt(v); i >= 0 && ev.reply == "" {
			ev.reply, ev.replyAt = v[i:i+3], -1
			if at >= 0 {
				ev.replyAt = at + i
			}
		}
	}
	codes(get(t.code))
	action, hint := traceAction(status)
	if action == "" {
		codes(status)
	}
	// PowerMTA's dsnMta: "mx.example.org (192.0.2.9)".
	if mta, _, _ := strings.Cut(get(t.mta), " "); strings.Contains(mta, ".") {
		ev.mta = strings.Trim(mta, "[]")
		ev.mtaAt = strings.Index(text, ev.mta)
	}
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
	if action == "" && (t.status < 0 || ev.reply != "" || ev.dsn != "") {
		// no status word: judge by the class of the codes
		class := ev.reply + ev.dsn
		if i := blReplyAt(ev.diag); i >= 0 {
			class = ev.diag[i:]
		}
		if class != "" {
			switch class[0] {
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

// traceFieldAt returns the offset in text, a row of a CSV file separated by
// comma, of v standing as a whole field (quoted or not, with blanks
// around), or -1.
func traceFieldAt(text, v string, comma rune) int {
	if v == "" {
		return -1
	}
	blank := func(c byte) bool { return c == ' ' || c == '\t' }
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], v)
		if i < 0 {
			return -1
		}
		i += from
		b, e := i, i+len(v)
		for b > 0 && blank(text[b-1]) {
			b--
		}
		for e < len(text) && blank(text[e]) {
			e++
		}
		if (b == 0 || rune(text[b-1]) == comma || text[b-1] == '"') &&
			(e == len(text) || rune(text[e]) == comma || strings.IndexByte("\"\r\n", text[e]) >= 0) {
			return i
		}
		from = i + 1
	}
	return -1
}
