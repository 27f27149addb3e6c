package codes

import (
	"strings"
)

// readLog reads mail server log lines: Postfix and Sendmail
// ("to=<a@b>, ... dsn=5.1.1, status=bounced (...)" / "stat=...") and Exim
// ("** a@b ... : 550 5.1.1 ..." for failures, "== a@b ..." for deferrals,
// "=> a@b" for deliveries) and qmail-send ("delivery 42: failure: ...",
// with the recipient of its "starting delivery" line). A line in the exact
// form a Batch reads is read as the Batch reads it (blParse), so that the
// decoder and the batch agree; other lines of the same kind (another
// syslog format) are read by logLine.
func readLog(s string) []record {
	var out outcomes // the last line about an address is its outcome
	var qm qmailStarts
	for i := 0; i < len(s); {
		l, next := line(s, i)
		qm.note(l, i)
		if evs := blParse(l); len(evs) > 0 {
			for _, ev := range evs {
				at := qm.fill(&ev)
				r := blRecord(l, ev)
				r.shift(i)
				if at >= 0 {
					r.rcptAt = span{at, at + len(ev.rcpt)}
				}
				out.add(r)
			}
		} else if r, ok := logLine(s, i, i+len(l)); ok {
			out.add(r)
		}
		i = next
	}
	return out.recs
}

// shift moves the spans of a record read from a piece of text that starts
// at offset d of the whole.
func (r *record) shift(d int) {
	for _, sp := range [...]*span{&r.rcptAt, &r.replyAt, &r.stAt, &r.diagAt, &r.mtaAt, &r.block} {
		if sp.ok() {
			sp.start += d
			sp.end += d
		}
	}
}

func logLine(s string, lo, hi int) (record, bool) {
	l := s[lo:hi]
	r := record{reader: "log", block: span{lo, hi}}
	if k := strings.Index(l, " to=<"); k >= 0 && (strings.Contains(l, "status=") || strings.Contains(l, "stat=")) {
		if sp := findAddr(s, lo+k+5, hi); sp.ok() {
			r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
		}
		st := ""
		if k := strings.Index(l, "status="); k >= 0 {
			st = l[k+7:]
		} else if k := strings.Index(l, "stat="); k >= 0 {
			st = l[k+5:]
		}
		switch {
		case strings.HasPrefix(st, "sent"):
			r.action = "delivered"
		case strings.HasPrefix(st, "deferred"), strings.HasPrefix(st, "Deferred"):
			r.action = "delayed"
		case strings.HasPrefix(st, "bounced"), strings.HasPrefix(st, "expired"), st != "":
			r.action = "failed"
		}
		// OpenSMTPD: result="Ok", "TempFail" or "PermFail", and the values
		// quoted: relay="mx.example.org (192.0.2.20)" stat="550 5.1.1 ...".
		if k := strings.Index(l, ` result="`); k >= 0 {
			switch v := l[k+9:]; {
			case strings.HasPrefix(v, `Ok"`):
				r.action = "delivered"
			case strings.HasPrefix(v, `TempFail"`):
				r.action = "delayed"
			}
		}
		if k := strings.Index(l, "relay="); k >= 0 {
			k += 6
			if k < len(l) && l[k] == '"' {
				k++
			}
			v := l[k:]
			if e := strings.IndexAny(v, ",[ \""); e >= 0 {
				v = v[:e]
			}
			v = strings.TrimSuffix(v, ".") // Sendmail: "relay=mx.example.com. [192.0.2.1]"
			if v != "" && v != "none" && v != "local" {
				r.mta, r.mtaAt = v, span{lo + k, lo + k + len(v)}
			}
		}
		if k := strings.Index(l, "dsn="); k >= 0 {
			if e, j := statusAt(s[:hi], lo+k+4); !e.IsZero() {
				r.status, r.stAt = e, span{lo + k + 4, j}
			}
		}
		ds, de := lo+strings.Index(l, st), hi
		if strings.HasPrefix(st, `"`) {
			// OpenSMTPD: stat="550 5.1.1 ..."
			ds++
			if q := strings.IndexByte(st[1:], '"'); q >= 0 {
				de = ds + q
			}
		} else if p := strings.IndexByte(st, '('); p >= 0 {
			ds += p + 1
		}
		r.diagAt = trimSpan(s, span{ds, de})
		if r.diagAt.end > r.diagAt.start && s[r.diagAt.end-1] == ')' {
			r.diagAt.end--
		}
		r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
		h := findCodes(s, r.diagAt.start, r.diagAt.end)
		if !h.reply.IsZero() {
			r.reply, r.replyAt = h.reply, h.replyAt
		}
		if r.status.IsZero() && !h.status.IsZero() {
			r.status, r.stAt = h.status, h.stAt
		}
		r.command = commandIn(r.diag)
		return r, r.rcpt != "" && r.action != "delivered" || r.action == "delivered" && r.rcpt != ""
	}
	// Postfix refusing mail it receives: "NOQUEUE: reject: RCPT from
	// host[192.0.2.9]: 554 5.7.1 ...; from=<a@b> to=<c@d> proto=ESMTP
	// helo=<b>" (also "milter-reject:"). The recipient is to=, the reply is
	// the one Postfix gave.
	if k := strings.Index(l, "reject: "); k >= 0 && strings.Contains(l[:k], ": ") {
		cmd, rest, _ := strings.Cut(l[k+len("reject: "):], " from ")
		if c := strings.Index(rest, "]: "); c >= 0 {
			ds := hi - len(rest) + c + len("]: ")
			de := hi
			if f := strings.Index(s[ds:hi], "; from=<"); f >= 0 {
				de = ds + f
			}
			if t := strings.Index(s[de:hi], " to=<"); t >= 0 {
				if sp := findAddr(s, de+t+5, hi); sp.ok() {
					r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
				}
			}
			r.diagAt = trimSpan(s, span{ds, de})
			r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
			h := findCodes(s, r.diagAt.start, r.diagAt.end)
			r.reply, r.replyAt, r.status, r.stAt = h.reply, h.replyAt, h.status, h.stAt
			switch {
			case h.reply.Temporary() || h.reply.IsZero() && h.status.Temporary():
				r.action = "delayed"
			case !h.reply.IsZero() || !h.status.IsZero():
				r.action = "failed"
			}
			switch cmd {
			case "RCPT", "MAIL", "DATA", "EHLO":
				r.command = cmd
			case "END-OF-MESSAGE":
				r.command = "DATA"
			case "HELO":
				r.command = "EHLO"
			case "CONNECT":
				r.command = "CONN"
			}
			return r, r.action != "" && r.rcpt != ""
		}
	}
	// Exim main log: "<date> <id> ** addr ..." (failed) or "== addr ..." (deferred).
	for _, m := range [...]string{" ** ", " == "} {
		k := strings.Index(l, m)
		if k < 0 {
			continue
		}
		sp := findAddr(s, lo+k+4, hi)
		if !sp.ok() || sp.start > lo+k+6 {
			continue
		}
		r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
		r.action = "failed"
		if m == " == " {
			r.action = "delayed"
		}
		if k := strings.Index(l, " H="); k >= 0 {
			v := l[k+3:]
			if e := strings.IndexAny(v, " :["); e >= 0 {
				v = v[:e]
			}
			r.mta, r.mtaAt = v, span{lo + k + 3, lo + k + 3 + len(v)}
		}
		ds := sp.end
		if c := strings.Index(s[sp.end:hi], ": "); c >= 0 {
			ds = sp.end + c + 2
		}
		r.diagAt = trimSpan(s, span{ds, hi})
		r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
		h := findCodes(s, sp.end, hi)
		r.reply, r.replyAt, r.status, r.stAt = h.reply, h.replyAt, h.status, h.stAt
		r.command = commandIn(l)
		return r, true
	}
	return r, false
}

// readReply reads pasted SMTP replies (RFC 5321 section 4.2): lines that
// start with a 4yz or 5yz code, with multi-line replies ("550-5.1.1 ...")
// joined into one diagnostic. A "RCPT TO:<a>" line before a reply, or an
// address in it, names the recipient.
func readReply(s string) []record {
	var recs []record
	rcpt, rcptAt := "", span{}
	prevEnd := 0 // where the last reply ended
	for i := 0; i < len(s); {
		l, next := line(s, i)
		t := strings.TrimLeft(l, " \t<>")
		off := i + len(l) - len(t)
		if hasFoldPrefix(t, "rcpt to:") {
			if sp := findAddr(s, off, i+len(l)); sp.ok() {
				rcpt, rcptAt = s[sp.start:sp.end], sp
			}
			i = next
			continue
		}
		code := replyAt(s[:i+len(l)], off, false)
		if code == 0 {
			i = next
			continue
		}
		// Collect the continuation lines of this reply.
		// A 4yz reply on its own is a deferral: locatePasted decides
		// (deferFragment).
		r := record{reader: "reply", action: "failed", reply: code, replyAt: span{off, off + 3}}
		var diag strings.Builder
		end := i + len(l)
		for {
			cl, cnext := line(s, i)
			ct := strings.TrimLeft(cl, " \t<>")
			coff := i + len(cl) - len(ct)
			if replyAt(s[:i+len(cl)], coff, false) != code {
				break
			}
			body := ct[min(4, len(ct)):]
			boff := coff + min(4, len(ct))
			if e, j := statusAt(s[:i+len(cl)], boff); !e.IsZero() {
				// The status repeats on every line of a multi-line reply.
				if r.status.IsZero() {
					r.status, r.stAt = e, span{boff, j}
				}
				body = s[j:min(i+len(cl), len(s))]
			}
			if diag.Len() > 0 {
				diag.WriteByte(' ')
			}
			diag.WriteString(strings.TrimSpace(body))
			end = i + len(cl)
			last := len(ct) < 4 || ct[3] != '-'
			i = cnext
			if last || i >= len(s) {
				break
			}
		}
		r.diag = collapse(diag.String())
		r.diagAt = trimSpan(s, span{r.replyAt.start, end})
		// The block starts with the reply's paragraph: the lines above it
		// may name the server and the command (an Exim bounce's "host
		// mx.example.com [192.0.2.3]" and "SMTP error from remote mail
		// server after end of data:").
		r.block = span{paragraphStart(s, r.replyAt.start, prevEnd), r.diagAt.end}
		if sp := findAddr(s, r.replyAt.start, end); sp.ok() {
			r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
		} else if rcpt != "" {
			r.rcpt, r.rcptAt = rcpt, rcptAt
		}
		if rcpt != "" {
			r.command = "RCPT"
		} else {
			r.command = commandIn(s[r.block.start:r.replyAt.start])
		}
		prevEnd = end
		recs = append(recs, r)
		i = max(i, next)
	}
	return recs
}

// paragraphStart returns the start of the paragraph of s that holds i: the
// line after the last blank line before i, at most maxContext bytes back
// and not before lo.
func paragraphStart(s string, i, lo int) int {
	ls := lineStart(s, i)
	for ls > lo && i-ls < maxContext {
		p := lineStart(s, ls-1)
		if p < lo || strings.TrimSpace(s[p:ls-1]) == "" {
			break
		}
		ls = p
	}
	return max(ls, lo)
}

// maxContext bounds how far back paragraphStart looks.
const maxContext = 400
