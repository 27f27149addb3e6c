package codes

import (
	"strings"
)

// dsnField is one field of a delivery-status body, with the span of its
// value (continuation lines included, RFC 3464 section 2.1).
type dsnField struct {
	name   string
	value  string // unfolded
	at     span   // the raw value in the text
	line   int    // start of the field line
	blank  bool   // a blank line precedes the field
	folded bool   // the value goes on over more lines
}

// dsnFields reads header-style fields from s[lo:hi].
func dsnFields(s string, lo, hi int) []dsnField {
	fs := make([]dsnField, 0, 16)
	blank := false
	for i := lo; i < hi; {
		l, next := line(s[:hi], i)
		switch {
		case strings.TrimSpace(l) == "":
			blank = true
		case (l[0] == ' ' || l[0] == '\t') && len(fs) > 0:
			f := &fs[len(fs)-1]
			f.at.end = i + len(trimBlanksRight(l))
			f.folded = true
		default:
			c := strings.IndexByte(l, ':')
			if c > 0 && c < 40 && !strings.ContainsAny(l[:c], " \t") {
				v := l[c+1:]
				vs := i + c + 1
				for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
					v = v[1:]
					vs++
				}
				v = trimBlanksRight(v)
				fs = append(fs, dsnField{name: l[:c], value: v, at: span{vs, vs + len(v)}, line: i, blank: blank})
				blank = false
			}
		}
		i = next
	}
	for k := range fs {
		if fs[k].folded {
			fs[k].value = collapse(s[fs[k].at.start:fs[k].at.end])
		}
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
// the given sections. Field groups are separated by blank lines (section
// 2.1); a repeated field also starts a new group, for reports that leave
// the blank lines out. A group with a recipient field is one record, the
// order of fields inside it does not matter.
func readDSN(s string, secs []section) []record {
	var recs, bare []record
	for _, sec := range secs {
		fs := dsnFields(s, sec.start, sec.end)
		var group []dsnField
		var seen uint8 // known per-recipient fields met in the group
		flush := func() {
			if len(group) == 0 {
				return
			}
			r, hasRcpt := dsnRecord(s, group)
			if hasRcpt {
				recs = append(recs, r)
			} else if r.diag != "" || !r.status.IsZero() {
				bare = append(bare, r)
			}
			group = group[:0]
			seen = 0
		}
		for _, f := range fs {
			name := dsnName(f.name)
			bit := dsnBit(name)
			if f.blank || seen&bit != 0 {
				flush()
			}
			seen |= bit
			group = append(group, f)
		}
		flush()
	}
	if len(recs) == 0 {
		// Per-recipient fields with no recipient (a pasted Diagnostic-Code
		// or Status line): still a failure.
		return bare
	}
	return recs
}

// dsnNames are the RFC 3464 per-recipient fields the reader uses.
var dsnNames = [...]string{"final-recipient", "original-recipient", "x-actual-recipient", "action", "status", "remote-mta", "diagnostic-code"}

// dsnName returns the lower-case name of a field the reader uses, or "".
func dsnName(name string) string {
	for _, n := range dsnNames {
		if strings.EqualFold(name, n) {
			return n
		}
	}
	return ""
}

// dsnBit is a field's bit in a group's set of met fields; repeating a
// recipient, Action or Status field starts a new group.
func dsnBit(name string) uint8 {
	switch name {
	case "final-recipient":
		return 1
	case "original-recipient":
		return 2
	case "x-actual-recipient":
		return 4
	case "action":
		return 8
	case "status":
		return 16
	}
	return 0
}

// dsnRecord reads one group of per-recipient fields.
func dsnRecord(s string, group []dsnField) (record, bool) {
	r := record{reader: "dsn", block: span{group[0].line, group[len(group)-1].at.end}}
	hasRcpt, hasPer := false, false
	var diag *dsnField
	for i := range group {
		f := &group[i]
		name := dsnName(f.name)
		switch name {
		case "final-recipient", "original-recipient", "x-actual-recipient":
			hasRcpt = true
			if name != "final-recipient" && r.rcpt != "" && !r.weakRcpt {
				break
			}
			if sp := findAddr(s, f.at.start, f.at.end); sp.ok() && s[sp.start-1] != ':' {
				r.rcpt, r.rcptAt, r.weakRcpt = s[sp.start:sp.end], sp, false
			} else if v, off := typedValue(s[f.at.start:f.at.end]); v != "" && !strings.ContainsAny(v, " ") && r.rcpt == "" {
				// Not an address (a source route, a local name): an
				// Original-Recipient field is better.
				r.rcpt, r.rcptAt, r.weakRcpt = v, span{f.at.start + off, f.at.end}, true
			}
		case "action":
			hasPer = true
			a := strings.ToLower(f.value)
			if i := strings.IndexAny(a, " ("); i > 0 {
				a = a[:i]
			}
			switch a {
			case "deliverable":
				a = "delivered"
			case "undeliverable", "failure":
				a = "failed"
			}
			r.action = a
		case "status":
			hasPer = true
			if e, j := statusAt(s[:f.at.end], f.at.start); !e.IsZero() {
				r.status, r.stAt = e, span{f.at.start, j}
			}
		case "remote-mta":
			v, off := typedValue(s[f.at.start:f.at.end])
			// A folded field ends the name at the line break (Sun ONE
			// Messaging Server: "dns;smtp.example.net\n (mx. -- Server LMTP ...)").
			if k := strings.IndexAny(v, " \t\r\n("); k > 0 {
				v = v[:k]
			}
			if t := strings.TrimLeft(v, "["); len(t) < len(v) {
				off += len(v) - len(t) // "Remote-MTA: dns; [192.0.2.1]"
				v = t
			}
			v = strings.TrimRight(v, "]")
			if v != "" {
				r.mta, r.mtaAt = v, span{f.at.start + off, f.at.start + off + len(v)}
			}
		case "diagnostic-code":
			hasPer = true
			diag = f
		}
	}
	if diag != nil {
		_, off := typedValue(s[diag.at.start:diag.at.end])
		r.diagAt = span{diag.at.start + off, diag.at.end}
		if r.diagAt.end > r.diagAt.start {
			r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
			h := findCodes2(s, r.diagAt.start, r.diagAt.end, r.action == "delivered" || r.status.Class() == 2)
			if !h.reply.IsZero() {
				r.reply, r.replyAt = h.reply, h.replyAt
			}
			if !h.status.IsZero() {
				preferStatus(&r, h.status, h.stAt)
			}
			// A reporting server that quotes the remote server's reply in
			// angle brackets ("554 4.4.7 Message expired: ...<421 4.4.2
			// Connection timed out>"): the quoted reply is the cause.
			if q := quotedReply(s, r.diagAt); !q.reply.IsZero() {
				r.reply, r.replyAt, r.status, r.stAt = q.reply, q.replyAt, q.status, q.stAt
			}
			r.command = commandIn(r.diag)
		} else {
			r.diagAt = span{}
		}
	}
	return r, hasRcpt && (hasPer || r.rcpt != "")
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

// quotedReply finds "<NNN X.Y.Z" (a reply code and status right after an
// angle bracket) in s[sp.start:sp.end].
func quotedReply(s string, sp span) codeHit {
	for i := sp.start; i < sp.end; i++ {
		k := strings.IndexByte(s[i:sp.end], '<')
		if k < 0 {
			break
		}
		i += k
		if i+5 >= sp.end {
			break
		}
		if r := replyAt(s[:sp.end], i+1, false); r != 0 && s[i+4] == ' ' {
			if e, j := statusAt(s[:sp.end], i+5); !e.IsZero() && e.Class() == r.Class() {
				return codeHit{r, span{i + 1, i + 4}, e, span{i + 5, j}}
			}
		}
	}
	return codeHit{}
}
