package codes

import (
	"strings"
)

// dsnField is one field of a delivery-status body, with the span of its
// value (continuation lines included, RFC 3464 section 2.1).
type dsnField struct {
	name  string
	value string // unfolded
	at    span   // the raw value in the text
	line  int    // start of the field line
	blank bool   // a blank line precedes the field
}

// dsnFields reads header-style fields from s[lo:hi].
func dsnFields(s string, lo, hi int) []dsnField {
	var fs []dsnField
	blank := false
	for i := lo; i < hi; {
		l, next := line(s[:hi], i)
		switch {
		case strings.TrimSpace(l) == "":
			blank = true
		case (l[0] == ' ' || l[0] == '\t') && len(fs) > 0:
			f := &fs[len(fs)-1]
			f.value += " " + strings.TrimSpace(l)
			f.at.end = i + len(strings.TrimRight(l, " \t"))
		default:
			c := strings.IndexByte(l, ':')
			if c > 0 && c < 40 && !strings.ContainsAny(l[:c], " \t") {
				v := l[c+1:]
				vs := i + c + 1
				for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
					v = v[1:]
					vs++
				}
				v = strings.TrimRight(v, " \t")
				fs = append(fs, dsnField{name: l[:c], value: v, at: span{vs, vs + len(v)}, line: i, blank: blank})
				blank = false
			}
		}
		i = next
	}
	return fs
}

// typedValue strips the address or diagnostic type ("rfc822;", "smtp;",
// "dns;") from a DSN field value, returning the rest and its offset within v.
func typedValue(v string) (string, int) {
	i := strings.IndexByte(v, ';')
	if i < 0 || i > 20 || strings.ContainsAny(v[:i], " <@") {
		return v, 0
	}
	j := i + 1
	for j < len(v) && (v[j] == ' ' || v[j] == '\t') {
		j++
	}
	return v[j:], j
}

// readDSN reads the per-recipient fields of RFC 3464 / RFC 6533 reports in
// the given sections.
func readDSN(s string, secs []section) []record {
	var recs []record
	for _, sec := range secs {
		fs := dsnFields(s, sec.start, sec.end)
		var msgMTA string
		var msgMTAAt span
		cur := -1
		has := map[string]bool{}
		for _, f := range fs {
			name := strings.ToLower(f.name)
			newRec := false
			switch name {
			case "final-recipient", "original-recipient", "x-actual-recipient":
				if cur < 0 || has[name] || (f.blank && len(has) > 0) {
					newRec = true
				}
			case "action", "status", "diagnostic-code", "remote-mta", "last-attempt-date", "will-retry-until":
				if cur >= 0 && f.blank && len(has) > 0 && has["final-recipient"] && has[name] {
					newRec = true
				}
			case "reporting-mta", "received-from-mta":
				if name == "reporting-mta" {
					msgMTA = f.value
					msgMTAAt = f.at
				}
				continue
			}
			if newRec {
				recs = append(recs, record{reader: "dsn", block: span{f.line, f.line}})
				cur = len(recs) - 1
				clear(has)
			}
			if cur < 0 {
				continue
			}
			r := &recs[cur]
			if f.at.end > r.block.end {
				r.block.end = f.at.end
			}
			has[name] = true
			switch name {
			case "final-recipient", "original-recipient", "x-actual-recipient":
				if name != "final-recipient" && r.rcpt != "" && !r.weakRcpt {
					break
				}
				if sp := findAddr(s, f.at.start, f.at.end); sp.ok() && s[sp.start-1] != ':' {
					r.weakRcpt = false
					r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
				} else if v, off := typedValue(s[f.at.start:f.at.end]); v != "" && !strings.ContainsAny(v, " ") && name == "final-recipient" {
					// Not an address (a source route, a local name): an
					// Original-Recipient field is better.
					r.rcpt, r.rcptAt, r.weakRcpt = v, span{f.at.start + off, f.at.end}, true
				}
			case "action":
				a := strings.ToLower(f.value)
				if i := strings.IndexAny(a, " ("); i > 0 {
					a = a[:i]
				}
				r.action = a
			case "status":
				if e, j := statusAt(s[:f.at.end], f.at.start); !e.IsZero() {
					r.status, r.stAt = e, span{f.at.start, j}
				}
			case "remote-mta":
				v, off := typedValue(s[f.at.start:f.at.end])
				v = strings.Trim(v, "[] ")
				if v != "" {
					r.mta, r.mtaAt = v, span{f.at.start + off, f.at.end}
				}
			case "diagnostic-code":
				_, off := typedValue(s[f.at.start:f.at.end])
				r.diagAt = span{f.at.start + off, f.at.end}
				r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
				h := findCodes2(s, r.diagAt.start, r.diagAt.end, r.action == "delivered" || r.status.Class() == 2)
				if !h.reply.IsZero() {
					r.reply, r.replyAt = h.reply, h.replyAt
				}
				if !h.status.IsZero() {
					preferStatus(r, h.status, h.stAt)
				}
			}
		}
		for i := range recs {
			if recs[i].mta == "" && msgMTA == "" {
				_ = msgMTAAt
			}
		}
	}
	// Drop records with no recipient and nothing else.
	out := recs[:0]
	for _, r := range recs {
		if r.rcpt == "" && r.status.IsZero() && r.diag == "" {
			continue
		}
		out = append(out, r)
	}
	return out
}

// preferStatus sets the record's status from the diagnostic when the Status
// field is missing or says less (x.0.0) than the code in the diagnostic.
func preferStatus(r *record, e EnhancedCode, at span) {
	if r.status.IsZero() {
		r.status, r.stAt = e, at
		return
	}
	if e != r.status && (e[1] != 0 || e[2] != 0) && e.Class() == r.status.Class() {
		r.status, r.stAt = e, at
	}
}
