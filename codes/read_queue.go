package codes

import (
	"bytes"
	"slices"
	"strings"
)

// readQueue reads a mail queue listing, as Postfix's mailq (postqueue -p)
// and Sendmail's mailq print it:
//
//	-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------
//	A1B2C3D4E5     2345 Fri Nov 27 09:00:01  sender@example.net
//	(host mx.example.org[192.0.2.5] said: 450 4.2.0 ... (in reply to RCPT TO command))
//	                                         rcpt@example.org
//
// Each entry starts with a line of queue ID, size, arrival time and
// sender. A line in parentheses gives why the message is still queued; it
// holds for the recipients listed below it, up to the next such line or the
// end of the entry (a blank line or the next entry). Every recipient with a
// reason is a delay: the message is still in the queue and will be retried
// (RFC 3464 section 2.3.3). Recipients without a reason (a message being
// delivered now) are not failures and are not reported.
func readQueue(s string) []record {
	var recs []record
	in := false     // inside an entry
	why := record{} // the reason that holds for the next recipients
	for i := 0; i < len(s); {
		l, next := line(s, i)
		t := strings.TrimSpace(l)
		switch {
		case queueEntry(l):
			in, why = true, record{}
		case !in:
		case t == "":
			in = false
		case t[0] == '(':
			lo := i + strings.IndexByte(l, '(')
			hi := i + len(strings.TrimRight(l, " \t\r"))
			// A long reason may go on over more lines: up to the
			// parenthesis that closes the first one.
			for depth := parenDepth(s[lo:hi]); depth > 0 && next < len(s); {
				nl, nn := line(s, next)
				nt := strings.TrimSpace(nl)
				if nt == "" || queueEntry(nl) || queueRecipient(nt) {
					break
				}
				depth += parenDepth(nt)
				hi, next = next+len(strings.TrimRight(nl, " \t\r")), nn
			}
			why = queueReason(s, lo, hi)
		case why.diagAt.ok() && queueRecipient(t):
			r := why
			if sp := findAddr(s, i, i+len(l)); sp.ok() {
				r.rcpt, r.rcptAt = s[sp.start:sp.end], sp
			}
			recs = append(recs, r)
		}
		i = next
	}
	return recs
}

// queueReason is the record of a queue listing's reason, the text between
// the parentheses at lo and hi (hi is after the closing one).
func queueReason(s string, lo, hi int) record {
	r := record{reader: "queue", action: "delayed", block: span{lo, hi}}
	in := span{lo + 1, hi}
	if in.end > in.start && s[in.end-1] == ')' {
		in.end--
	}
	r.diagAt = trimSpan(s, in)
	if !r.diagAt.ok() {
		r.diagAt = span{lo, hi} // "()": keep the reason found, empty as it is
	}
	r.diag = collapse(s[r.diagAt.start:r.diagAt.end])
	h := findCodes(s, r.diagAt.start, r.diagAt.end)
	r.reply, r.replyAt, r.status, r.stAt = h.reply, h.replyAt, h.status, h.stAt
	r.command = commandIn(r.diag)
	return r
}

// parenDepth returns how many more parentheses t opens than it closes.
func parenDepth(t string) int {
	return strings.Count(t, "(") - strings.Count(t, ")")
}

// queueListing reports whether the first lines of head are those of a
// queue listing: its column header ("-Queue ID-" for Postfix, "-Q-ID-"
// for Sendmail) or an entry's first line.
func queueListing(head []byte) bool {
	for n := 0; len(head) > 0 && n < 5; {
		var l []byte
		l, head, _ = bytes.Cut(head, []byte("\n"))
		t := bytes.TrimSpace(l)
		switch {
		case len(t) == 0:
			continue
		case bytes.HasPrefix(t, []byte("-Queue ID-")) || bytes.HasPrefix(t, []byte("-----Q-ID-----")) || queueEntry(string(bytes.TrimRight(l, "\r"))):
			return true
		}
		n++
	}
	return false
}

// queueRecipient reports whether the trimmed line t is a recipient line of
// a queue listing: one address, bare or in angle brackets.
func queueRecipient(t string) bool {
	t = strings.TrimSuffix(strings.TrimPrefix(t, "<"), ">")
	at := strings.IndexByte(t, '@')
	if at <= 0 || at == len(t)-1 || strings.ContainsAny(t, " \t<>()") {
		return false
	}
	sp := addrAt(t, at)
	return sp.start == 0 && sp.end == len(t)
}

// queueEntry reports whether l is the first line of a queue listing's
// entry: a queue ID (with "*" for a message being delivered or "!" for one
// on hold), the size in bytes, the arrival time and the sender, as in
//
//	A1B2C3D4E5*    2345 Fri Nov 27 09:00:01  sender@example.net
//	0ARA00001234     1234 Fri Nov 27 10:00 <sender@example.net>
func queueEntry(l string) bool {
	if l == "" || !alnum(l[:1]) || !strings.Contains(l, ":") {
		return false // not worth splitting
	}
	f := strings.Fields(l)
	if len(f) < 6 {
		return false
	}
	id := strings.TrimRight(f[0], "*!")
	if len(id) < 5 || len(id) > 20 || !alnum(id) {
		return false
	}
	if !allDigits(f[1]) {
		return false
	}
	return slices.Contains(weekdays[:], f[2]) && slices.Contains(months[:], f[3]) &&
		len(f[4]) <= 2 && allDigits(f[4]) && queueTime(f[5])
}

// queueTime reports whether v is a time of day, "10:00" or "10:00:01".
func queueTime(v string) bool {
	if len(v) != 5 && len(v) != 8 {
		return false
	}
	for k := 0; k < len(v); k++ {
		if k%3 == 2 {
			if v[k] != ':' {
				return false
			}
		} else if !locDigit(v[k]) {
			return false
		}
	}
	return true
}

func alnum(v string) bool {
	for k := 0; k < len(v); k++ {
		c := v[k]
		if !locDigit(c) && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

func allDigits(v string) bool {
	for k := 0; k < len(v); k++ {
		if !locDigit(v[k]) {
			return false
		}
	}
	return v != ""
}

// The names of days and months as mail software abbreviates them.
var (
	weekdays = [...]string{"Fri", "Mon", "Sat", "Sun", "Thu", "Tue", "Wed"}
	months   = [...]string{"Apr", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "May", "Nov", "Oct", "Sep"}
)
