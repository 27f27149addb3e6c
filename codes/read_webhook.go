package codes

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// Webhook events of email sending services. A developer who wires up an
// ESP's webhook holds its JSON rather than a bounce mail: SendGrid's event
// webhook (an array of {"email", "event": "bounce", "status", "reason"}),
// Mailgun's ({"event-data": {"recipient", "delivery-status": {"code",
// "enhanced-code", "message"}}}), Postmark's ({"RecordType": "Bounce",
// "Email", "Details"}), SparkPost's ({"msys": {"message_event": {"rcpt_to",
// "raw_reason", "error_code"}}}), Mandrill's ({"event": "hard_bounce",
// "msg": {"email", "diag"}}), Brevo's, Mailjet's and Resend's. Amazon SES
// has its own reader (read_ses.go).
//
// Rather than one reader per service, readWebhook reads any JSON by the
// names of its fields: an object that names a recipient under one of
// hookRcptKeys is an event; its event name (hookEventKeys, in it or in the
// object around it) says whether it is a bounce, a deferral, a delivery or
// a complaint; the SMTP reply, status code and diagnostic text come from
// the fields of hookDiagKeys, hookStatusKeys and hookReplyKeys in it and in
// the objects it holds, the remote server from those of hookMTAKeys
// (Mailgun's "mx-host"). Keys are compared in lower case without '-' and
// '_' ("enhanced-code" is "enhancedcode"). Events that are none of those
// (opens, clicks) are skipped.

// The field names, in order of preference.
var (
	hookRcptKeys   = []string{"email", "recipient", "rcptto", "emailaddress", "to"}
	hookEventKeys  = []string{"event", "type", "recordtype", "eventtype", "severity", "bounceclass", "bounceclassification"}
	hookDiagKeys   = []string{"diag", "rawreason", "diagnosticcode", "details", "smtpresponse", "response", "reason", "message", "description", "error", "comment", "bouncedescription"}
	hookStatusKeys = []string{"enhancedcode", "status", "enhancedstatus", "dsn", "statuscode"}
	hookReplyKeys  = []string{"code", "errorcode", "smtpcode", "replycode", "statuscode"}
	hookMTAKeys    = []string{"mxhost", "remotemta", "remotehost"}
)

// hookEventWords maps words of event names (lower case, split at
// non-letters) to what the event means (hookKinds).
var hookEventWords = map[string]string{
	"bounce": "failed", "bounced": "failed", "hardbounce": "failed", "hard": "failed",
	"softbounce": "failed", "soft": "failed", "failed": "failed", "failure": "failed",
	"dropped": "failed", "blocked": "failed", "rejected": "failed", "reject": "failed",
	"permanent": "failed", "undeliverable": "failed",
	"deferred": "delayed", "deferral": "delayed", "delayed": "delayed", "delay": "delayed",
	"temporary": "delayed", "transient": "delayed", "deliverydelay": "delayed",
	"delivered": "delivered", "delivery": "delivered",
	"spamreport": "complaint", "complaint": "complaint", "complained": "complaint",
	"spamcomplaint": "complaint", "spam": "complaint",
}

// jsonNode is a value of a JSON text, with where it is.
type jsonNode struct {
	kind byte   // '{', '[', '"' (string), '0' (number or literal)
	key  string // its key in the object around it, folded by hookKey
	at   span   // the value; for a string, its text between the quotes
	str  string // a string's value, a number's text
	kids []*jsonNode
}

// Bounds of the JSON reader: deeper nesting or more values than these is
// no webhook event, and stops the reading.
const (
	maxJSONDepth = 32
	maxJSONNodes = 100000
)

// jsonReader parses JSON text, keeping the position of every value.
type jsonReader struct {
	s     string
	i     int
	nodes int
}

func (p *jsonReader) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// value reads one value at p.i; nil means the text is no JSON there.
func (p *jsonReader) value(depth int) *jsonNode {
	p.space()
	if p.i >= len(p.s) || depth > maxJSONDepth || p.nodes >= maxJSONNodes {
		return nil
	}
	p.nodes++
	start := p.i
	switch c := p.s[p.i]; {
	case c == '{' || c == '[':
		n := &jsonNode{kind: c}
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		p.i++
		p.space()
		if p.i < len(p.s) && p.s[p.i] == end {
			p.i++
			n.at = span{start, p.i}
			return n
		}
		for {
			key := ""
			if c == '{' {
				p.space()
				k := p.value(depth + 1)
				if k == nil || k.kind != '"' {
					return nil
				}
				p.space()
				if p.i >= len(p.s) || p.s[p.i] != ':' {
					return nil
				}
				p.i++
				key = hookKey(k.str)
			}
			v := p.value(depth + 1)
			if v == nil {
				return nil
			}
			v.key = key
			n.kids = append(n.kids, v)
			p.space()
			if p.i >= len(p.s) {
				return nil
			}
			if p.s[p.i] == ',' {
				p.i++
				continue
			}
			if p.s[p.i] != end {
				return nil
			}
			p.i++
			n.at = span{start, p.i}
			return n
		}
	case c == '"':
		p.i++
		esc := false
		for p.i < len(p.s) && p.s[p.i] != '"' {
			if p.s[p.i] == '\\' {
				esc = true
				p.i++
			}
			p.i++
		}
		if p.i >= len(p.s) {
			return nil
		}
		p.i++
		n := &jsonNode{kind: '"', at: span{start + 1, p.i - 1}, str: p.s[start+1 : p.i-1]}
		// Escapes and invalid UTF-8 (which encoding/json reads as U+FFFD)
		// need decoding.
		if (esc || !utf8.ValidString(n.str)) && json.Unmarshal([]byte(p.s[start:p.i]), &n.str) != nil {
			return nil
		}
		return n
	default:
		for p.i < len(p.s) && strings.IndexByte(",}] \t\r\n", p.s[p.i]) < 0 {
			p.i++
		}
		if p.i == start {
			return nil
		}
		return &jsonNode{kind: '0', at: span{start, p.i}, str: p.s[start:p.i]}
	}
}

// hookKey folds a key for comparison: lower case, without '-' and '_'.
func hookKey(k string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == '_':
			return -1
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return r
	}, k)
}

// field returns the first child of n with one of keys, in the order of
// keys, that satisfies ok.
func (n *jsonNode) field(keys []string, ok func(*jsonNode) bool) *jsonNode {
	for _, k := range keys {
		for _, c := range n.kids {
			if c.key == k && ok(c) {
				return c
			}
		}
	}
	return nil
}

// objects returns n and the objects it holds, down to depth levels, n first.
func (n *jsonNode) objects(depth int) []*jsonNode {
	out := []*jsonNode{n}
	if depth == 0 {
		return out
	}
	for _, c := range n.kids {
		if c.kind == '{' {
			out = append(out, c.objects(depth-1)...)
		}
	}
	return out
}

// readWebhook reads the webhook events of a pasted JSON text: one value, or
// one value per line (NDJSON, as services export their event logs).
func readWebhook(s string) []record {
	i := strings.IndexAny(s, "{[")
	if i < 0 || strings.TrimSpace(s[:i]) != "" {
		return nil
	}
	var recs []record
	var walk func(n, parent *jsonNode)
	walk = func(n, parent *jsonNode) {
		if n.kind == '{' {
			if r := hookEvent(s, n, parent); r != nil {
				recs = append(recs, r...)
				return
			}
		}
		// The object around an event, through arrays: {"eventType":
		// "DeliveryDelay", "delayedRecipients": [{"emailAddress", ...}]}.
		around := parent
		if n.kind == '{' {
			around = n
		}
		for _, c := range n.kids {
			if c.kind == '{' || c.kind == '[' {
				walk(c, around)
			}
		}
	}
	// The values at the top level, and the elements of a top-level array,
	// are read one at a time: the bound on values applies to each, so an
	// export of many events is read whole.
	p := &jsonReader{s: s, i: i}
	for p.i < len(s) && (s[p.i] == '{' || s[p.i] == '[') {
		if s[p.i] == '{' {
			p.nodes = 0
			root := p.value(0)
			if root == nil {
				break
			}
			walk(root, nil)
		} else {
			p.i++
			for {
				p.space()
				if p.i < len(s) && s[p.i] == ']' {
					p.i++
					break
				}
				p.nodes = 0
				v := p.value(1)
				if v == nil {
					return recs // cut or malformed: what was read so far
				}
				walk(v, nil)
				p.space()
				if p.i < len(s) && s[p.i] == ',' {
					p.i++
				}
			}
		}
		p.space()
	}
	return recs
}

// hookEvent reads the event object n (inside parent, or nil): one record
// per recipient it names, or nil when n is no event of a bounce, deferral,
// delivery or complaint.
func hookEvent(s string, n, parent *jsonNode) []record {
	var rcpts []*jsonNode
	for _, k := range hookRcptKeys {
		for _, c := range n.kids {
			if c.key != k {
				continue
			}
			switch c.kind {
			case '"':
				if hookAddr(c) {
					rcpts = append(rcpts, c)
				}
			case '[':
				for _, a := range c.kids {
					if a.kind == '"' && hookAddr(a) {
						rcpts = append(rcpts, a)
					}
				}
			}
		}
		if len(rcpts) > 0 {
			break
		}
	}
	if len(rcpts) == 0 {
		return nil
	}
	objs := n.objects(2)
	kind := hookKind(objs, parent)

	r := record{reader: "webhook", block: n.at}
	if n.at.end-n.at.start > maxHookBlock {
		// Provider detection reads the block once per recipient: an event
		// that lists thousands of addresses would make that quadratic.
		r.block = span{}
	}
	for _, o := range objs {
		if st := o.field(hookStatusKeys, func(c *jsonNode) bool { _, err := ParseEnhancedCode(c.str); return err == nil }); st != nil && r.status.IsZero() {
			r.status, _ = ParseEnhancedCode(st.str)
			r.stAt = st.at
		}
		if rp := o.field(hookReplyKeys, func(c *jsonNode) bool { return replyCodeValue(c.str) }); rp != nil && r.reply.IsZero() {
			r.reply, _ = ParseReplyCode(rp.str)
			r.replyAt = rp.at
		}
		if m := o.field(hookMTAKeys, func(c *jsonNode) bool { return c.kind == '"' && hostName(strings.TrimSuffix(c.str, ".")) }); m != nil && r.mta == "" {
			r.mta = strings.TrimSuffix(m.str, ".")
			if s[m.at.start:m.at.end] == m.str {
				r.mtaAt = span{m.at.start, m.at.start + len(r.mta)}
			}
		}
	}
	// The diagnostic: the first field that holds an SMTP reply or a status
	// code, else the longest that reads as a sentence (Mailgun's "reason"
	// is a word such as "bounce"; Mailjet's "error" says "user unknown"
	// where its "comment" has the server's words), or a single word that
	// says the service suppressed the address (Mailjet's "preblocked").
	var diag *jsonNode
	for _, o := range objs {
		if diag = o.field(hookDiagKeys, func(c *jsonNode) bool {
			if c.kind != '"' {
				return false
			}
			v, _ := typedValue(c.str)
			h := findCodes(v, 0, len(v))
			return !h.reply.IsZero() || !h.status.IsZero()
		}); diag != nil {
			break
		}
	}
	if diag == nil {
		for _, o := range objs {
			for _, c := range o.kids {
				if c.kind == '"' && slices.Contains(hookDiagKeys, c.key) && (strings.Contains(strings.TrimSpace(c.str), " ") || hookSuppressed(c.str)) &&
					(diag == nil || len(c.str) > len(diag.str)) {
					diag = c
				}
			}
		}
	}
	if diag != nil {
		v, off := typedValue(diag.str)
		r.diag = collapse(strings.TrimSpace(v))
		if raw := s[diag.at.start:diag.at.end]; strings.HasPrefix(raw, diag.str[:off]) {
			// The span is the value as written: with its escapes, if any
			// ("smtp;550 5.1.1 \"john@example.com\": ..."), which hold no
			// code.
			r.diagAt = trimSpan(s, span{diag.at.start + off, diag.at.end})
			h := findCodes2(s, r.diagAt.start, r.diagAt.end, kind == "delivered")
			if r.reply.IsZero() {
				r.reply, r.replyAt = h.reply, h.replyAt
			}
			if !h.status.IsZero() {
				preferStatus(&r, h.status, h.stAt)
			}
		}
	}
	if !r.block.ok() {
		r.block = r.diagAt
	}
	switch kind {
	case "":
		// No event name: a failure only with a failure's code, a deferral
		// with a temporary one.
		if r.reply.Class() < 4 && r.status.Class() < 4 {
			return nil
		}
		r.action = "failed"
		if r.reply.Class() != 5 && r.status.Class() != 5 {
			r.action = "delayed"
		}
	case "complaint":
		r.action, r.hint = "failed", ReasonFeedback
		if r.diag == "" {
			r.diag = "Complaint (spam report) sent through the service's webhook"
		}
	case "delivered":
		r.action, r.hint = "delivered", ReasonDelivered
	default:
		r.action = kind
	}
	if kind == "failed" && r.reply.IsZero() && r.status.IsZero() && hookSuppressed(r.diag) {
		r.hint = ReasonSuppressed
	}
	recs := make([]record, 0, len(rcpts))
	for _, a := range rcpts {
		// "Alice <alice@example.com>": the address only.
		sp := findAddr(a.str, 0, len(a.str))
		rr := r
		rr.rcpt = a.str[sp.start:sp.end]
		if a.str == s[a.at.start:a.at.end] {
			rr.rcptAt = span{a.at.start + sp.start, a.at.start + sp.end}
		}
		recs = append(recs, rr)
	}
	return recs
}

// maxHookBlock is the largest event whose text is the records' block (the
// text read for the provider and the context of the failure); a larger one
// falls back to the diagnostic.
const maxHookBlock = 16 << 10

// hookAddr reports whether a string value is an address.
func hookAddr(n *jsonNode) bool {
	return findAddr(n.str, 0, len(n.str)).ok()
}

// replyCodeValue reports whether v is a reply code of a failure or a
// delivery (2yz to 5yz).
func replyCodeValue(v string) bool {
	c, err := ParseReplyCode(strings.TrimSpace(v))
	return err == nil && c.Class() >= 2
}

// hookKinds are what event names mean, in the order they win: a deferral
// word over a failure word (Mailgun: "event": "failed", "severity":
// "temporary").
var hookKinds = [...]string{"complaint", "delayed", "failed", "delivered"}

// hookKind returns what the event names of the objects (and of the object
// around them) say: one of hookKinds, or "".
func hookKind(objs []*jsonNode, parent *jsonNode) string {
	best := len(hookKinds)
	note := func(w string) {
		if k, ok := hookEventWords[w]; ok {
			best = min(best, slices.Index(hookKinds[:], k))
		}
	}
	look := func(o *jsonNode) {
		for _, c := range o.kids {
			if c.kind != '"' || !slices.Contains(hookEventKeys, c.key) {
				continue
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(c.str), func(r rune) bool { return r < 'a' || r > 'z' }) {
				note(w)
			}
			note(hookKey(c.str)) // "hard_bounce", "SpamComplaint" as one word
		}
	}
	for _, o := range objs {
		look(o)
	}
	if parent != nil && parent.kind == '{' {
		look(parent)
	}
	if best == len(hookKinds) {
		return ""
	}
	return hookKinds[best]
}

// hookSuppressed reports whether a failure's text says the service did not
// even try: the address is on its suppression list (SendGrid "dropped":
// "Bounced Address", "Unsubscribed Address", "Spam Reporting Address";
// Mailjet "blocked": "preblocked", "spam reporter").
func hookSuppressed(diag string) bool {
	d := strings.ToLower(diag)
	for _, w := range [...]string{"bounced address", "unsubscribed address", "spam reporting address", "suppress", "inactive recipient", "preblocked", "spam reporter"} {
		if strings.Contains(d, w) {
			return true
		}
	}
	return false
}
