package main

import (
	"strconv"
	"strings"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// resultText writes a report as plain text, for "copy as text".
func resultText(r codes.Report) string {
	var b strings.Builder
	_, headline := verdict(r.Recipients)
	b.WriteString(headline + "\n")
	if len(r.Recipients) == 0 {
		return b.String()
	}
	for i, rc := range r.Recipients {
		b.WriteString("\n" + cardName(rc, i) + ": " + verdictLabel(recipientVerdict(rc)) + "\n")
		field := func(name, v string) {
			if v != "" {
				b.WriteString("  " + name + ": " + v + "\n")
			}
		}
		field("Reply code", rc.ReplyCode)
		field("Enhanced status", statusText(rc))
		field("Diagnostic", codes.ReadableDiagnostic(rc.Diagnostic))
		field("Remote server", rc.RemoteMTA)
		if name, _ := codes.CommandStage(rc.Command); name != "" {
			field("SMTP stage", name)
		}
		if rc.Provider != "" {
			field("Provider", codes.ProviderName(rc.Provider))
		}
		if rc.Reason != codes.ReasonUndefined {
			field("Reason", string(rc.Reason))
		}
		field("Summary", rc.Summary)
		field("What happened", rc.Explanation)
		if len(rc.Fix) > 0 {
			b.WriteString("  How to fix it:\n")
			for j, f := range rc.Fix {
				b.WriteString("    " + strconv.Itoa(j+1) + ". " + f + "\n")
			}
		}
		for _, l := range rc.Links {
			b.WriteString("  " + l.Title + ": " + l.URL + "\n")
		}
	}
	return b.String()
}

// resultMarkdown writes a report as Markdown, for "copy as Markdown".
func resultMarkdown(r codes.Report) string {
	var b strings.Builder
	_, headline := verdict(r.Recipients)
	b.WriteString("**" + mdEscape(headline) + "**\n")
	for i, rc := range r.Recipients {
		b.WriteString("\n### " + mdEscape(cardName(rc, i)) + ": " + verdictLabel(recipientVerdict(rc)) + "\n\n")
		field := func(name, v string, code bool) {
			if v == "" {
				return
			}
			if code {
				v = mdCode(v)
			} else {
				v = mdEscape(v)
			}
			b.WriteString("- " + name + ": " + v + "\n")
		}
		field("Reply code", rc.ReplyCode, true)
		if rc.StatusDerived {
			b.WriteString("- Enhanced status: " + mdCode(rc.Status) + " (" + derivedNote + ")\n")
		} else {
			field("Enhanced status", rc.Status, true)
		}
		field("Diagnostic", codes.ReadableDiagnostic(rc.Diagnostic), true)
		field("Remote server", rc.RemoteMTA, true)
		if name, _ := codes.CommandStage(rc.Command); name != "" {
			field("SMTP stage", name, true)
		}
		if rc.Provider != "" {
			field("Provider", codes.ProviderName(rc.Provider), false)
		}
		if rc.Reason != codes.ReasonUndefined {
			field("Reason", string(rc.Reason), true)
		}
		if rc.Summary != "" {
			b.WriteString("\n" + mdEscape(rc.Summary) + "\n")
		}
		if rc.Explanation != "" {
			b.WriteString("\n" + mdEscape(rc.Explanation) + "\n")
		}
		if len(rc.Fix) > 0 {
			b.WriteString("\nHow to fix it:\n\n")
			for j, f := range rc.Fix {
				b.WriteString(strconv.Itoa(j+1) + ". " + mdEscape(f) + "\n")
			}
		}
		if len(rc.Links) > 0 {
			b.WriteString("\n")
			for _, l := range rc.Links {
				b.WriteString("- [" + mdEscape(l.Title) + "](" + strings.ReplaceAll(l.URL, ")", "%29") + ")\n")
			}
		}
	}
	return b.String()
}

// cardName names recipient i.
func cardName(rc codes.Recipient, i int) string {
	if rc.Recipient != "" {
		return rc.Recipient
	}
	return "Recipient " + strconv.Itoa(i+1)
}

// mdEscaper escapes the characters Markdown (CommonMark) gives a meaning.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`,
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdCode writes s as an inline code span, with a fence longer than any run
// of backticks in s.
func mdCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// derivedNote follows an enhanced status code the decoder derived from the
// reason (codes.Recipient.StatusDerived).
const derivedNote = "derived from the reason: the bounce states no enhanced status code"

// statusText is rc's enhanced status code for the plain-text copy.
func statusText(rc codes.Recipient) string {
	if rc.StatusDerived {
		return rc.Status + " (" + derivedNote + ")"
	}
	return rc.Status
}
