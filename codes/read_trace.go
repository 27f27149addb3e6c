package codes

import "strings"

// readTrace reads pasted rows of a message trace, a tracking log, an
// accounting file or a sending service's bounce export, under their header
// row (the columns traceColumn knows; Batch reads such files row by row).
// The last row about an address is its outcome, as in a log.
func readTrace(s string) []record {
	at := traceHeaderAt([]byte(s[:min(len(s), 64<<10)]))
	if at < 0 {
		return nil
	}
	end := len(s)
	if i := strings.IndexByte(s[at:], '\n'); i >= 0 {
		end = at + i + 1
	}
	t := traceRows([]byte(s[at:end]), strings.NewReader(s[end:]), end)
	var out outcomes
	for {
		start, end, rec, ok := t.row()
		if !ok {
			break
		}
		text := strings.TrimRight(s[start:end], "\r\n")
		for _, ev := range t.events(text, rec) {
			r := blRecord(text, ev)
			r.shift(start)
			out.add(r)
		}
	}
	return out.recs
}

// outcomes collects the records of a log or trace, one per recipient: a
// later record about an address replaces the earlier one, in its place.
type outcomes struct {
	recs []record
	seen map[string]int // lower-case recipient: index in recs
}

func (o *outcomes) add(r record) {
	key := strings.ToLower(r.rcpt)
	if k, dup := o.seen[key]; dup && key != "" {
		o.recs[k] = r
		return
	}
	if o.seen == nil {
		o.seen = map[string]int{}
	}
	o.seen[key] = len(o.recs)
	o.recs = append(o.recs, r)
}
