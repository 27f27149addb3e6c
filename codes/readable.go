package codes

import "strings"

// ReadableDiagnostic returns a diagnostic as one line to read: white space
// collapsed, and a multi-line SMTP reply (RFC 5321, section 4.2.1) without
// the code that each of its lines repeats once they are joined.
//
// The reply is recognised by its first line, a reply code followed by a
// hyphen and an enhanced status code or a word ("550-5.7.26", "550-Your"),
// and by a later line that starts with the same codes. The first line
// keeps its codes, with a space for the hyphen; the later lines lose them
// ("550-5.7.26", "550 5.7.26"). A reply of one line, and codes other than
// the first line's (a reply quoted inside another), are left as they are. Diagnostic fields of a Report are the server's
// own words and keep the repeats: this is for showing them.
func ReadableDiagnostic(s string) string {
	f := strings.Fields(s)
	k := -1 // the first line's code: f[k] is "550-..."
	var reply, enh string
	for i, w := range f {
		if len(w) < 4 || w[3] != '-' || !replyCodeAt(w, 0) {
			continue
		}
		if _, err := ParseEnhancedCode(w[4:]); err == nil {
			k, reply, enh = i, w[:3], w[4:]
			break
		}
		if len(w) == 4 || !isDigit(w[4]) { // not a range such as "500-600"
			k, reply = i, w[:3]
			break
		}
	}
	if k < 0 || !replyRepeats(f[k+1:], reply, enh) {
		return strings.Join(f, " ")
	}
	out := make([]string, 0, len(f))
	out = append(out, f[:k]...)
	out = append(out, reply)
	if rest := f[k][4:]; rest != "" {
		out = append(out, rest)
	}
	for i := k + 1; i < len(f); i++ {
		w := f[i]
		switch {
		case enh != "" && w == reply+"-"+enh:
			continue
		case enh != "" && w == reply && i+1 < len(f) && f[i+1] == enh:
			i++ // "550 5.7.26", the last line's codes
			continue
		case enh == "" && w == reply:
			continue
		case enh == "" && strings.HasPrefix(w, reply+"-"):
			if w = w[4:]; w == "" {
				continue
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// replyRepeats reports whether a later line of a multi-line reply starts
// among the words f: the reply code, and the enhanced code if the first
// line has one.
func replyRepeats(f []string, reply, enh string) bool {
	for i, w := range f {
		if enh == "" && (w == reply || strings.HasPrefix(w, reply+"-")) ||
			enh != "" && (w == reply+"-"+enh || w == reply && i+1 < len(f) && f[i+1] == enh) {
			return true
		}
	}
	return false
}
