package codes

// Report is the result of decoding one input: the displayable text and, for
// each recipient the input reports on, what happened and what to do.
// The page, the command line and the JavaScript API all render this value.
type Report struct {
	File       string      `json:"file,omitempty"` // set by callers that read files
	Bounce     bool        `json:"bounce"`
	Format     Format      `json:"format"`
	Text       string      `json:"text"`
	Note       string      `json:"note,omitempty"` // a hint when nothing was found
	Problems   []string    `json:"problems"`
	Recipients []Recipient `json:"recipients"`
}

// Format names the kind of input a Report was read from.
type Format string

// The input formats.
const (
	FormatNone      Format = ""          // nothing recognised
	FormatDSN       Format = "dsn"       // RFC 3464 / RFC 6533 delivery status notification
	FormatText      Format = "text"      // a mail whose bounce is only human-readable text
	FormatReply     Format = "reply"     // a pasted SMTP reply or Diagnostic-Code line
	FormatLog       Format = "log"       // mail-server log lines
	FormatARF       Format = "arf"       // RFC 5965 feedback report
	FormatAutoReply Format = "autoreply" // RFC 3834 auto-reply
)

// Retry says whether sending again can succeed.
type Retry string

// The retry advice values.
const (
	RetryNo       Retry = "no"        // do not send again to this address
	RetryLater    Retry = "later"     // transient: retry with backoff
	RetryAfterFix Retry = "after-fix" // retrying as-is fails; fix the cause first
)

// Actor says who has to act to fix a failure.
type Actor string

// The actors.
const (
	ActorSender    Actor = "sender"          // the sender or the sending system's admin
	ActorRecipient Actor = "recipient-admin" // the recipient or the recipient's mail admin
	ActorNobody    Actor = "nobody"          // nothing to do (e.g. it clears by itself)
)

// Link is a help or removal page.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// SpanKind names what a Span highlights.
type SpanKind string

// The span kinds.
const (
	SpanReplyCode     SpanKind = "reply_code"
	SpanStatus        SpanKind = "status"
	SpanDiagnostic    SpanKind = "diagnostic"
	SpanRecipient     SpanKind = "recipient"
	SpanRemoteMTA     SpanKind = "remote_mta"
	SpanProviderToken SpanKind = "provider_token"
)

// Span is a byte range [Start, End) of Report.Text.
type Span struct {
	Kind  SpanKind `json:"kind"`
	Start int      `json:"start"`
	End   int      `json:"end"`
}

// Recipient is what a report says about one recipient.
type Recipient struct {
	Recipient   string   `json:"recipient"`
	Action      string   `json:"action"` // failed, delayed, delivered, relayed, expanded
	ReplyCode   string   `json:"reply_code"`
	Status      string   `json:"status"`
	Diagnostic  string   `json:"diagnostic"`
	Command     string   `json:"command"` // SMTP command the refusal answered: CONN, EHLO, STARTTLS, MAIL, RCPT, DATA; see CommandStage
	RemoteMTA   string   `json:"remote_mta"`
	Provider    string   `json:"provider"`
	Reason      Reason   `json:"reason"`
	Permanent   bool     `json:"permanent"`
	HardBounce  bool     `json:"hard_bounce"`
	Retry       Retry    `json:"retry"`
	Summary     string   `json:"summary"`
	Explanation string   `json:"explanation"`
	Fix         []string `json:"fix"`
	Links       []Link   `json:"links"`
	Spans       []Span   `json:"spans"`

	// Entry is the ID of the knowledge-base entry the explanation comes
	// from (see LookupEntry), for linking to its reference page. It is not
	// part of the JSON output.
	Entry string `json:"-"`

	// StatusDerived is set when the input states no enhanced status code
	// and Status is derived from Reason (the Explanation says so too). It
	// is not part of the JSON output.
	StatusDerived bool `json:"-"`
}

// CommandStage names the SMTP command of Recipient.Command as a mail
// server's transcript writes it ("RCPT TO") and says what a refusal at it
// means for the message (RFC 5321 section 3.3: a refusal before DATA
// leaves the message unsent). It returns "", "" for a command it does not
// know.
func CommandStage(cmd string) (name, meaning string) {
	switch cmd {
	case "CONN":
		return "connection", "the receiving server refused the connection or its greeting; no message was sent"
	case "EHLO":
		return "EHLO", "the receiving server refused the sending server's greeting (its name); no message was sent"
	case "STARTTLS":
		return "STARTTLS", "the encrypted connection could not be set up; no message was sent"
	case "MAIL":
		return "MAIL FROM", "the sender address was refused; no message was sent"
	case "RCPT":
		return "RCPT TO", "this recipient was refused; the message was not sent to it"
	case "DATA":
		return "DATA", "the refusal came at the transfer of the message, most often for its content, headers or authentication"
	}
	return "", ""
}
