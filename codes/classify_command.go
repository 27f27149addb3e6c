package codes

import (
	"bytes"
	"strings"
	"sync"
)

// commandBufs holds the buffers that commandFor and normalizeDiagnostic
// normalize text into; one larger than commandBufMax is left to the garbage
// collector.
var commandBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

const commandBufMax = 64 << 10

// commandFor returns the SMTP command that the human-readable part of a
// bounce says the reply for recipient rcpt answered ("RCPT", "DATA", ...), or
// "" when it names none. Readers of RFC 3464 reports can use it: the
// delivery-status part rarely says which command failed, while the text part
// often does, as Postfix's "<bob@example.org>: host mx.example.org said: 550
// ... (in reply to RCPT TO command)", Exim's "bob@example.org / SMTP error
// from remote mail server after RCPT TO:<bob@example.org>" or a Sendmail
// transcript ">>> DATA / <<< 550 5.2.1 <bob@example.org>... User unknown".
func commandFor(text, rcpt string) string {
	rcpt = strings.TrimSpace(rcpt)
	if len(rcpt) < 3 || text == "" {
		return ""
	}
	if len(text) > MaxInputSize {
		text = text[:MaxInputSize]
	}
	lr := normalizeDiagnostic(rcpt)
	t := commandText{lr: []byte(lr)}
	if strings.Contains(lr, " ") || sesLike(text) {
		lt := normalizeDiagnostic(text)
		t.diagNorm = diagNorm{s: lt, i: len(lt), b: []byte(lt)}
	} else {
		// Normalizing keeps each word of the text whole and only
		// lower-cases its ASCII letters: an address (one word) that is not
		// in the text, whatever its case, is not in the normalized text.
		p := indexFold(text, lr)
		if p < 0 {
			return ""
		}
		// Normalize from a line well before the first mention, and
		// only as far as the mentions are read.
		c := commandCut(text, p)
		bp := commandBufs.Get().(*[]byte)
		defer func() {
			if cap(t.b) <= commandBufMax {
				*bp = t.b[:0]
				commandBufs.Put(bp)
			}
		}()
		t.diagNorm = diagNorm{s: text, i: c, b: (*bp)[:0], space: true, long: c > 0}
		if c > 0 {
			if at := t.index(0); at < 0 {
				return ""
			} else if at < commandLookBehind {
				t.diagNorm = diagNorm{s: text, b: t.b[:0], space: true} // too close: from the start
			}
		}
	}
	for from, seen := 0, 0; seen < commandMaxMentions; seen++ {
		at := t.index(from)
		if at < 0 {
			break
		}
		// A Sendmail transcript names the command on the line before the
		// reply that quotes the address: look a little before it too.
		lo := max(0, at-commandLookBehind)
		if i := lastTranscriptMark(t.b[lo:at]); i >= 0 {
			lo += i
		} else {
			lo = at
		}
		end := at + len(lr) + commandLookAhead
		t.run(len(t.s), end)
		hi := min(len(t.b), end)
		if next := bytes.Index(t.b[at+len(lr):hi], t.lr); next >= 0 {
			hi = at + len(lr) + next // stop at the next mention
		}
		if cmd := clueCommandIn(t.b[lo:hi]); cmd != "" {
			return cmd
		}
		from = at + len(lr)
	}
	return ""
}

// lastTranscriptMark is bytes.LastIndex(b, []byte(">>> ")), found from
// the '>' bytes of b rather than by hashing every byte.
func lastTranscriptMark(b []byte) int {
	if len(b) < 4 {
		return -1
	}
	for end := len(b) - 1; ; {
		i := bytes.LastIndexByte(b[:end], '>')
		if i < 2 {
			return -1
		}
		if b[i+1] == ' ' && b[i-1] == '>' && b[i-2] == '>' {
			return i - 2
		}
		end = i
	}
}

// commandText is the normalized text that commandFor searches for the
// normalized address lr, normalized only as far as it was searched.
type commandText struct {
	diagNorm
	lr []byte
}

// index returns the index of the first mention of lr at or after from in
// the normalized text, or -1. lr is one word, so each mention comes from
// lr written in the raw text, whatever its case: index normalizes up to the
// next such place only.
func (t *commandText) index(from int) int {
	for start := from; ; {
		if k := bytes.Index(t.b[start:], t.lr); k >= 0 {
			return start + k
		}
		if t.i >= len(t.s) {
			return -1
		}
		start = max(start, len(t.b)-len(t.lr)+1)
		// The bytes after b come from s[t.i:]: a mention not yet in b
		// ends there.
		r := max(0, t.i-len(t.lr)+1)
		q := indexFold(t.s[r:], string(t.lr))
		if q < 0 {
			return -1
		}
		p := r + q
		if k := t.skipTo(p); k >= 0 {
			return k
		}
		t.run(p+len(t.lr), len(t.s)+1)
	}
}

// skipTo tries not to normalize the text up to p, the next place where lr
// is written, when no mention lies before it: as commandCut does, it
// normalizes from a line start commandCutMargin bytes or more before p,
// appending to b, and returns the index in b of the mention there. Only the
// text around a mention is read, so b made of two pieces serves as well as
// the whole, when the mention has commandLookBehind bytes of its own piece
// before it. Otherwise skipTo leaves t as it was and returns -1.
func (t *commandText) skipTo(p int) int {
	lo := p - commandCutMargin
	if lo <= t.i || (!t.long && len(t.b) <= 3) {
		return -1
	}
	c := strings.LastIndexByte(t.s[t.i:lo], '\n') + 1
	if c == 0 {
		return -1
	}
	old := t.diagNorm
	// After a line break normalizing has just written a space, or
	// written none after one; with more than 3 bytes written, a reply
	// code may be skipped from there on (see diagNorm.run).
	t.i, t.space = t.i+c, true
	t.run(p+len(t.lr), len(t.s)+1)
	if k := bytes.Index(t.b[len(old.b):], t.lr); k >= commandLookBehind {
		return len(old.b) + k
	}
	t.diagNorm = old
	return -1
}

// commandCut returns where commandFor may start normalizing text whose
// first mention of the address is at p: the start of a line
// commandCutMargin bytes or more before p, after at least 4 bytes that are
// not white space, so that normalizing from there goes on exactly as
// normalizing from the start would (a line break is never inside a skipped
// reply code, and the first 4 bytes are never skipped). 0 for the start.
func commandCut(text string, p int) int {
	if p <= commandCutMargin {
		return 0
	}
	c := strings.LastIndexByte(text[:p-commandCutMargin], '\n') + 1
	n := 0
	for i := 0; i < c && n < 4; i++ {
		if diagPlain[text[i]] || text[i] >= 'A' && text[i] <= 'Z' {
			n++
		}
	}
	if n < 4 {
		return 0
	}
	return c
}

// sesLike reports whether normalizing text would start with an enhanced
// status code, where normalizeDiagnostic may rewrite Amazon SES's summary.
func sesLike(text string) bool {
	i := 0
	for i < len(text) && !diagPlain[text[i]] && !(text[i] >= 'A' && text[i] <= 'Z') {
		i++
	}
	return i+1 < len(text) && text[i] >= '2' && text[i] <= '5' && text[i+1] == '.'
}

// How far around a recipient's mention commandFor looks for a command, and
// how many mentions it reads at most (so that a text made of one address
// repeated stays linear).
const (
	commandLookBehind  = 200
	commandLookAhead   = 400
	commandMaxMentions = 16
	// commandCutMargin is how far before a mention commandFor may start
	// normalizing, skipping the text before. The piece normalized from
	// there must still hold commandLookBehind bytes before the mention
	// (commandFor and skipTo check it, else they normalize the text in
	// between): a smaller margin skips more, never changes the result.
	// 1024 normalized about 35% more of the corpus than 256.
	commandCutMargin = 256
)
