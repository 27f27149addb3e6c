package codes

// clue is what a reader found about one failure, as given to the reason
// classifier.
type clue struct {
	Diagnostic string       // the diagnostic text, unfolded and joined
	Reply      ReplyCode    // zero if none
	Status     EnhancedCode // zero if none
	Provider   string       // provider id from DetectProvider or the remote MTA, "" if unknown
	Action     string       // DSN Action (failed, delayed, delivered, ...), "" if none
	Command    string       // SMTP command the failure answered (CONN, EHLO, MAIL, RCPT, DATA), "" if unknown
	Reader     string       // which reader produced the clue ("dsn", "postfix", "exim", "reply", ...)
	Hint       Reason       // a reason the reader knows from its own format, "" if none
	Context    string       // other text of the bounce near the failure, for phrases outside the diagnostic
}

// classifyReason decides the bounce reason of one failure.
// STUB: replaced by the reason classifier.
func classifyReason(c clue) Reason {
	if c.Hint != "" {
		return c.Hint
	}
	return ReasonUndefined
}
