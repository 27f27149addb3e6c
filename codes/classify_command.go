package codes

import "strings"

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
	if !strings.Contains(lr, " ") && indexFold(text, lr) < 0 {
		// Normalizing keeps each word of the text whole and only
		// lower-cases its ASCII letters: an address (one word) that is not
		// in the text, whatever its case, is not in the normalized text.
		return ""
	}
	lt := normalizeDiagnostic(text)
	for from, seen := 0, 0; from < len(lt) && seen < commandMaxMentions; seen++ {
		k := strings.Index(lt[from:], lr)
		if k < 0 {
			break
		}
		at := from + k
		// A Sendmail transcript names the command on the line before the
		// reply that quotes the address: look a little before it too.
		lo := max(0, at-commandLookBehind)
		if i := strings.LastIndex(lt[lo:at], ">>> "); i >= 0 {
			lo += i
		} else {
			lo = at
		}
		hi := min(len(lt), at+len(lr)+commandLookAhead)
		if next := strings.Index(lt[at+len(lr):hi], lr); next >= 0 {
			hi = at + len(lr) + next // stop at the next mention
		}
		if cmd := clueCommandIn(lt[lo:hi]); cmd != "" {
			return cmd
		}
		from = at + len(lr)
	}
	return ""
}

// How far around a recipient's mention commandFor looks for a command, and
// how many mentions it reads at most (so that a text made of one address
// repeated stays linear).
const (
	commandLookBehind  = 200
	commandLookAhead   = 400
	commandMaxMentions = 16
)
