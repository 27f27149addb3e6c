package codes

// Query is what the decoder found about one failure, as asked of the
// knowledge base.
type Query struct {
	Provider string       // provider id if already known (e.g. from the remote MTA), else ""
	Reply    ReplyCode    // zero if none
	Status   EnhancedCode // zero if none
	Text     string       // the diagnostic text (may be "")
}

// Explanation is what the knowledge base says about a failure.
type Explanation struct {
	Entry      string // ID of the most specific entry used ("google-5.7.26", "5.7.26", "550"), "" if none
	Provider   string // provider id ("google", "microsoft", ...), "" if unknown
	Title      string
	Summary    string // one line
	Meaning    string // what happened, in plain words
	Actor      Actor
	Retry      Retry
	Reason     Reason // ReasonUndefined when the knowledge base cannot tell
	HardBounce bool
	Fix        []string
	Links      []Link
}

// Explain returns the most specific knowledge for q: a provider entry when the
// provider is known and has one, else the enhanced code's, else the reply code's.
// STUB: replaced by the knowledge base.
func Explain(q Query) Explanation {
	return Explanation{Reason: ReasonUndefined, Retry: RetryAfterFix, Actor: ActorSender}
}

// DetectProvider recognises the provider from the text of a bounce (host
// names, tokens, link hosts). It returns the provider id and the byte range of
// the token that identified it, or "" and -1, -1.
// STUB: replaced by the knowledge base.
func DetectProvider(text string) (id string, start, end int) {
	return "", -1, -1
}
