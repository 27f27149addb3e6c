package codes

import (
	"bytes"
	"io"
)

// The mbox format (RFC 4155) stores messages one after another, each
// starting with a "From " line (the envelope sender and a date) and ending
// with a blank line. Lines of a message that begin with "From " are quoted
// as ">From "; the mboxrd variant also quotes lines already quoted
// (">From " becomes ">>From "). Readers here accept both variants, CRLF
// line ends and a missing final newline.

// mboxFromLine reports whether line (without its line end) is an mbox
// separator line: "From ", an address (or "-") and a date with a time or
// a year, as in "From MAILER-DAEMON Thu Jan  1 00:00:00 1970". It matches
// what the regular expression
//
//	^From \S+ .*(?:\d:\d\d|\d{4})
//
// matches (\S is not [\t\n\f\r ], '.' stops at a line end).
func mboxFromLine(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("From ")) {
		return false
	}
	i := blRun(line, len("From "), func(c byte) bool { return !blSpace(c) })
	if i == len("From ") || i == len(line) || line[i] != ' ' {
		return false
	}
	rest := line[i+1:]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	digits := 0 // digits just before rest[j]
	for j, c := range rest {
		switch {
		case blDigit(c):
			if digits++; digits == 4 {
				return true // a year
			}
			continue
		case c == ':' && digits > 0 && j+2 < len(rest) && blDigit(rest[j+1]) && blDigit(rest[j+2]):
			return true // a time
		}
		digits = 0
	}
	return false
}

// mboxNext finds the message that begins at or after off: it returns the
// message's byte range [start, end) without its "From " line and without the
// blank line that separates it from the next message, and the offset of the
// next "From " line (or len(data)).
func mboxNext(data []byte, off int) (start, end, next int) {
	// skip blank lines and the "From " line
	for off < len(data) {
		eol := bytes.IndexByte(data[off:], '\n')
		line := data[off:]
		if eol >= 0 {
			line = data[off : off+eol]
		}
		trimmed := bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(trimmed)) == 0 && eol >= 0 {
			off += eol + 1
			continue
		}
		if mboxFromLine(trimmed) {
			if eol < 0 {
				return len(data), len(data), len(data)
			}
			off += eol + 1
		}
		break
	}
	start = off
	for p := off; p < len(data); {
		i := bytes.Index(data[p:], []byte("\nFrom "))
		if i < 0 {
			break
		}
		nl := p + i // index of the '\n' before "From "
		eol := bytes.IndexByte(data[nl+1:], '\n')
		line := data[nl+1:]
		if eol >= 0 {
			line = data[nl+1 : nl+1+eol]
		}
		if mboxFromLine(bytes.TrimRight(line, "\r")) {
			// the line before must be blank (or the message empty)
			switch {
			case nl < start || nl == start:
				return start, start, nl + 1
			case data[nl-1] == '\n':
				return start, nl, nl + 1
			case data[nl-1] == '\r' && (nl-1 == start || data[nl-2] == '\n'):
				return start, nl - 1, nl + 1
			}
		}
		p = nl + 1
	}
	// the last message: drop the blank line that ends it
	end = len(data)
	switch {
	case bytes.HasSuffix(data[start:], []byte("\r\n\r\n")):
		end -= 2
	case bytes.HasSuffix(data[start:], []byte("\n\n")):
		end--
	}
	return start, end, len(data)
}

// mboxUnquote removes one '>' from each line of msg that starts with
// ">From " or, as in mboxrd, with several '>' and "From ". It returns msg
// itself when no line is quoted.
func mboxUnquote(msg []byte) []byte {
	if !bytes.Contains(msg, []byte(">From ")) {
		return msg
	}
	out := make([]byte, 0, len(msg))
	for rest := msg; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		if mboxQuoted(line) {
			line = line[1:]
		}
		out = append(out, line...)
	}
	return out
}

// quotedFrom reports whether line is '>' one or more times, then "From ".
func mboxQuoted(line []byte) bool {
	i := 0
	for i < len(line) && line[i] == '>' {
		i++
	}
	return i > 0 && bytes.HasPrefix(line[i:], []byte("From "))
}

// mboxSeparator is the "From " line WriteMbox puts before each message.
const mboxSeparator = "From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n"

// WriteMbox writes msg to w as one mboxrd message: a "From " line, the
// message with its "From " lines quoted, and a blank line. Writing the
// messages of a mailbox one after another gives an mbox file that
// NewBatch reads back message for message.
func WriteMbox(w io.Writer, msg []byte) error {
	var buf bytes.Buffer
	buf.Grow(len(mboxSeparator) + len(msg) + 64)
	buf.WriteString(mboxSeparator)
	crlf := bytes.Contains(msg, []byte("\r\n"))
	for rest := msg; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		if mboxQuoted(line) || bytes.HasPrefix(line, []byte("From ")) {
			buf.WriteByte('>')
		}
		buf.Write(line)
	}
	switch {
	case len(msg) == 0:
	case msg[len(msg)-1] != '\n' && crlf:
		buf.WriteString("\r\n")
	case msg[len(msg)-1] != '\n':
		buf.WriteByte('\n')
	}
	if crlf {
		buf.WriteString("\r\n")
	} else {
		buf.WriteByte('\n')
	}
	_, err := w.Write(buf.Bytes())
	return err
}
