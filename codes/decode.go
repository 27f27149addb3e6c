package codes

import (
	"errors"
	"regexp"
)

// MaxInputSize is the largest input Decode accepts.
const MaxInputSize = 16 << 20

// ErrTooLarge is returned by Decode for inputs over MaxInputSize.
var ErrTooLarge = errors.New("codes: input too large")

var replyRE = regexp.MustCompile(`\b([245][0-5][0-9])[ -]([245]\.[0-9]{1,3}\.[0-9]{1,3})\b`)

// Decode reads a bounce and reports on each recipient.
// STUB: a first real decode of one SMTP reply line; replaced by the decoder.
func Decode(input []byte) (Report, error) {
	if len(input) > MaxInputSize {
		return Report{Problems: []string{ErrTooLarge.Error()}}, ErrTooLarge
	}
	text := string(input)
	r := Report{Text: text, Problems: []string{}, Recipients: []Recipient{}}
	m := replyRE.FindStringSubmatchIndex(text)
	if m == nil {
		r.Note = "No bounce found. Paste a bounce message, an SMTP reply such as \"550 5.1.1 ...\", or a mail log line."
		return r, nil
	}
	reply, _ := ParseReplyCode(text[m[2]:m[3]])
	status, _ := ParseEnhancedCode(text[m[4]:m[5]])
	rc := Recipient{
		Action:    "failed",
		ReplyCode: reply.String(),
		Status:    status.String(),
		Permanent: reply.Permanent(),
		Spans: []Span{
			{Kind: SpanReplyCode, Start: m[2], End: m[3]},
			{Kind: SpanStatus, Start: m[4], End: m[5]},
		},
	}
	ex := Explain(Query{Reply: reply, Status: status, Text: text})
	rc.Reason, rc.Retry, rc.Summary, rc.Explanation = ex.Reason, ex.Retry, ex.Summary, ex.Meaning
	rc.Fix, rc.Links = ex.Fix, ex.Links
	r.Bounce, r.Format = true, FormatReply
	r.Recipients = append(r.Recipients, rc)
	return r, nil
}
