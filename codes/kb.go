package codes

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Query is what the decoder found about one failure, as asked of the
// knowledge base.
type Query struct {
	Provider string       // provider id if already known (e.g. from the remote MTA), else ""
	Reply    ReplyCode    // zero if none
	Status   EnhancedCode // zero if none
	Text     string       // the diagnostic text (may be "")
	// Reason is the reason read from the text (by the reason classifier),
	// "" if none. Where the codes alone say less (a bare 5.0.0 with "User
	// unknown" in the text), the explanation follows this reason.
	Reason Reason
	// Delayed is set when the message is still queued (a DSN's "Action:
	// delayed", a log's "status=deferred"): the sending server retries by
	// itself. An "expired" reason then explains a delay (kbDelay), not an
	// expiry.
	Delayed bool
	// NoGuess keeps Explain from looking for a provider in Text when
	// Provider is "": the caller knows the text names the wrong one (a
	// notice written by the sender's provider, help links included).
	NoGuess bool
}

// Explanation is what the knowledge base says about a failure.
type Explanation struct {
	Entry      string // ID of the most specific entry used ("google-550-5.7.26", "5.7.26", "550"), "" if none
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
	Blocklist  string // ID of the blocklist entry named in the text ("spamhaus-pbl"), "" if none
}

// EntryKind says what an Entry describes.
type EntryKind string

// The entry kinds.
const (
	KindReply     EntryKind = "reply"     // an SMTP reply code (RFC 5321)
	KindEnhanced  EntryKind = "enhanced"  // an IANA enhanced status code (RFC 3463, RFC 5248)
	KindProvider  EntryKind = "provider"  // a provider's own use of a code or token
	KindBlocklist EntryKind = "blocklist" // a DNS blocklist named in rejection texts
	KindReason    EntryKind = "reason"    // a bounce reason, explained
)

// Entry is one reviewed piece of knowledge: a reply code, an enhanced status
// code, a provider's code or token, or a blocklist.
type Entry struct {
	ID         string       // stable URL-safe slug: "550", "5.7.26", "google-550-5.7.26", "yahoo-421-4.7.0-tss04", "spamhaus-pbl"
	Kind       EntryKind    // reply, enhanced, provider or blocklist
	Provider   string       // provider id for provider entries, "" otherwise
	Reply      ReplyCode    // zero if the entry is not tied to a reply code
	Status     EnhancedCode // zero if the entry is not tied to an enhanced code
	DetailMax  int          // for a range of codes (Microsoft 5.7.606-649): the last detail, else 0
	Token      string       // provider token such as "[TSS04]", "AUP#CXBL" or "(S3140)", "" if none
	Match      []string     // lower-case fragments of the provider's documented wording
	Title      string       // a short name for what happened
	Meaning    string       // what happened, in plain words
	Actor      Actor        // who has to act
	Retry      Retry        // whether to retry
	Reason     Reason       // the bounce reason it usually means
	HardBounce bool         // the address should be removed from lists
	Fix        []string     // numbered fix steps, in order
	Links      []Link       // help, lookup or removal pages
	Source     string       // citation of the documentation the entry rests on
	Deprecated bool         // the code is deprecated in the registry (X.6.10)
	// AgainstIANA is set on provider entries whose provider uses an
	// enhanced code against its registry meaning (Microsoft 5.1.10, Gmail 5.7.29).
	AgainstIANA bool
	// Default marks the provider's usual meaning of its code: the entry
	// applies on the code alone when no phrase or token of the text matches.
	Default bool
	RFC     string // for reply and enhanced codes: the defining RFC(s)
}

// ProviderInfo names a mailbox provider, filter or sending service known to
// the knowledge base.
type ProviderInfo struct {
	ID   string `json:"id"`   // stable lower-case id ("google", "microsoft", ...)
	Name string `json:"name"` // display name
	URL  string `json:"url"`  // the provider's postmaster or help page
}

// Entries returns every entry: reply codes, enhanced status codes, provider
// entries, blocklists and bounce reasons, in that order and sorted within
// each kind. The slice and its contents are a fresh copy.
func Entries() []Entry {
	x := kbx()
	out := make([]Entry, len(x.all))
	for i, e := range x.all {
		out[i] = e.clone()
	}
	return out
}

// LookupEntry returns the entry with the given ID.
func LookupEntry(id string) (Entry, bool) {
	x := kbx()
	i, ok := x.byID[id]
	if !ok {
		return Entry{}, false
	}
	return x.all[i].clone(), true
}

// Providers returns the providers known to the knowledge base, sorted by ID.
func Providers() []ProviderInfo {
	return slices.Clone(kbProviders)
}

// ProviderName returns the display name of a provider id, or id itself if it
// is unknown.
func ProviderName(id string) string {
	if p, ok := kbProviderByID(id); ok {
		return p.Name
	}
	return id
}

func kbProviderByID(id string) (ProviderInfo, bool) {
	i, ok := slices.BinarySearchFunc(kbProviders, id, func(p ProviderInfo, id string) int { return strings.Compare(p.ID, id) })
	if !ok {
		return ProviderInfo{}, false
	}
	return kbProviders[i], true
}

func (e Entry) clone() Entry {
	e.Match = slices.Clone(e.Match)
	e.Fix = slices.Clone(e.Fix)
	e.Links = slices.Clone(e.Links)
	return e
}

// Explain returns the most specific knowledge for q. The precedence is:
//
//  1. a provider entry, when the provider is known (q.Provider, or recognised
//     from q.Text by DetectProvider unless q.NoGuess) and one of its entries matches the codes
//     and a phrase of its documented wording in q.Text, or matches the code
//     alone where the entry is the provider's usual meaning of it (Default);
//     an entry with a distinctive token (Yahoo "[TSS04]", Comcast "BL000001")
//     applies only where the token is written, and then even when the
//     provider was not recognised; among several, the longest phrase and the
//     exact code win;
//  2. the IANA enhanced status code entry for q.Status;
//  3. for an unregistered detail (5.7.999), the subject and class meanings;
//  4. the reply code entry for q.Reply;
//  5. the meanings of the reply code's first and second digits.
//
// When q.Text names a DNS blocklist, the explanation says what the listing
// means and where to look it up (Explanation.Blocklist); that replaces a
// generic code explanation, as do greylisting in a transient reply and
// q.Reason when it differs from what the code alone means.
// The result always has a Title, Summary, Meaning, Actor and Retry, and for a
// failure (class 4 or 5) at least one Fix step. Only the first 64 KiB of
// q.Text are read: a diagnostic is far shorter.
func Explain(q Query) Explanation {
	if len(q.Text) > kbMaxText {
		q.Text = q.Text[:kbMaxText]
	}
	lt := kbNormalize(q.Text)
	var g kbGrams
	g.add(lt)
	prov := q.Provider
	if prov == "" && q.Text != "" && !q.NoGuess {
		prov, _, _ = DetectProvider(q.Text)
	}
	var ex Explanation
	bl, listed := kbFindBlocklist(lt, &g)
	if e, ok := kbMatchProvider(q, lt, &g, prov); ok {
		ex = kbFromEntry(e, q)
		ex.Provider = e.Provider
		if e.AgainstIANA && !q.Status.IsZero() {
			if r, ok := kbRegistryFor(q.Status); ok {
				ex.Meaning += " Note: " + ProviderName(e.Provider) + " uses " + q.Status.String() +
					" against its IANA registry meaning (X." + kbSD(q.Status) + " \"" + r.title +
					"\", " + r.rfc + "); since the provider is identified, its meaning applies here."
			}
		}
	} else {
		ex = kbExplainGeneric(q)
		if !listed {
			// A named blocklist explains better than a reason read from
			// the words around it ("mailbox unavailable (... IP listed
			// by Spamhaus)").
			kbFollowReason(&ex, q)
		}
		ex.Provider = prov
		if p, ok := kbProviderByID(prov); ok && p.URL != "" {
			ex.Links = append(ex.Links, Link{p.Name + ": help for senders", p.URL})
		}
	}
	if listed && ex.Entry != bl.ID {
		ex.Blocklist = bl.ID
		if k := kbKindOf(ex.Entry); k == KindProvider {
			ex.Meaning += " The text names " + bl.Title + ": " + bl.Meaning
			ex.Links = append(ex.Links, bl.Links...)
		} else {
			// A generic code entry knows less than the named list.
			meaning := bl.Meaning
			if ex.Entry != "" {
				meaning += " (The text names the list; the code alone only means: " + ex.Title + ".)"
			}
			ex.Entry, ex.Title, ex.Meaning = bl.ID, bl.Title, meaning
			ex.Links = append(slices.Clone(bl.Links), ex.Links...)
			ex.Reason, ex.Retry, ex.Actor, ex.HardBounce = bl.Reason, bl.Retry, bl.Actor, false
			ex.Fix = slices.Clone(bl.Fix)
		}
	} else if kbKindOf(ex.Entry) != KindProvider && kbTemporary(q) && kbGreylisted(lt) {
		ex.Title = "Greylisted: the first attempt is deferred"
		ex.Meaning = "The receiver greylists: it defers the first attempt from a sender it does not know yet and accepts the same message when it is retried after a few minutes. Nothing is wrong; it clears by itself."
		ex.Actor, ex.Retry, ex.Reason, ex.HardBounce = ActorNobody, RetryLater, ReasonOnHold, false
		ex.Fix = []string{
			"Let your mail server retry as usual (after a few minutes); do not resend by hand.",
			"Retry from the same IP address with the same sender: greylisting remembers the combination (mail services that rotate IPs are delayed longer).",
		}
	}
	if q.Delayed && ex.Reason == ReasonExpired && kbKindOf(ex.Entry) != KindProvider {
		kbDelayed(&ex)
	}
	ex.Summary = kbSummary(ex, q)
	if ex.Reason == "" {
		ex.Reason = ReasonUndefined
	}
	return ex
}

// kbMaxText bounds the text Explain reads.
const kbMaxText = 64 << 10

// kbTemporary reports whether q's codes say temporary.
func kbTemporary(q Query) bool {
	return q.Status.Temporary() || q.Status.IsZero() && q.Reply.Temporary()
}

// kbQueued reports whether q is about a message still queued (Delayed)
// with no code to say more: a queue listing's "(connect to mx.example.com
// [192.0.2.1]:25: Connection timed out)".
func kbQueued(q Query) bool {
	return q.Delayed && q.Status.IsZero() && q.Reply.IsZero()
}

// kbGreylisted reports whether the text says the sender was greylisted.
func kbGreylisted(lt string) bool {
	for _, w := range []string{"greylist", "graylist", "grey-list", "gray-list", "grey list", "gray list"} {
		if strings.Contains(lt, w) {
			return true
		}
	}
	return false
}

// kbFollowReason replaces a generic explanation by the explanation of
// q.Reason when the reason read from the text says more than the codes. An
// X.0.0 code ("Other undefined status") says nothing the reason does not,
// even when their reasons agree: a delivery with 250 2.0.0 reads
// "Delivered".
func kbFollowReason(ex *Explanation, q Query) {
	x := kbx()
	r := q.Reason
	undefined := !q.Status.IsZero() && q.Status.Subject() == 0 && q.Status.Detail() == 0 && ex.Entry == q.Status.String()
	if r == "" || r == ReasonUndefined || r == ReasonOnHold || r == ex.Reason && !undefined {
		return
	}
	i, ok := x.byID["reason-"+string(r)]
	if !ok {
		return
	}
	e := x.all[i]
	temporary := kbTemporary(q) || kbQueued(q)
	meaning := e.Meaning
	if ex.Entry != "" && r != ex.Reason {
		meaning += " (The text says so; the code alone only means: " + ex.Title + ".)"
	}
	*ex = Explanation{
		Entry: e.ID, Title: e.Title, Meaning: meaning, Actor: e.Actor, Retry: e.Retry, Reason: r,
		HardBounce: e.HardBounce && !temporary, Fix: slices.Clone(e.Fix), Links: append(slices.Clone(e.Links), ex.Links...),
	}
	if temporary && ex.Retry == RetryNo && r != ReasonDelivered && r != ReasonVacation && r != ReasonFeedback {
		ex.Retry = RetryLater
		ex.Fix = append([]string{kbFixRetryBackoff}, ex.Fix...)
	}
}

// kbDelayed turns the explanation of an expiry into that of a delay
// (kbDelay): the message is still queued, and the text or code that made the
// reason "expired" (a timeout, X.4.7) is the last temporary error, shown
// with the diagnostic.
func kbDelayed(ex *Explanation) {
	ex.Entry, ex.Title, ex.Meaning = kbDelay.ID, kbDelay.Title, kbDelay.Meaning
	ex.Actor, ex.Retry, ex.HardBounce = kbDelay.Actor, kbDelay.Retry, false
	ex.Fix = slices.Clone(kbDelay.Fix)
}

// kbAdvisesRemoval reports whether the entry id advises removing the
// address from mailing lists (Entry.HardBounce).
func kbAdvisesRemoval(id string) bool {
	x := kbx()
	i, ok := x.byID[id]
	return ok && x.all[i].HardBounce
}

func kbKindOf(id string) EntryKind {
	x := kbx()
	if i, ok := x.byID[id]; ok {
		return x.all[i].Kind
	}
	return ""
}

func kbSD(s EnhancedCode) string {
	return s.String()[2:]
}

func kbFromEntry(e Entry, q Query) Explanation {
	return Explanation{
		Entry:      e.ID,
		Title:      e.Title,
		Meaning:    e.Meaning,
		Actor:      e.Actor,
		Retry:      e.Retry,
		Reason:     e.Reason,
		HardBounce: e.HardBounce,
		Fix:        slices.Clone(e.Fix),
		Links:      slices.Clone(e.Links),
	}
}

// kbSummary writes the one-line summary: title, who said it, and the verdict.
func kbSummary(ex Explanation, q Query) string {
	var b strings.Builder
	title := ex.Title
	var codes []string
	if !q.Reply.IsZero() {
		codes = append(codes, q.Reply.String())
	}
	if !q.Status.IsZero() {
		codes = append(codes, q.Status.String())
	}
	if ex.Provider != "" && kbKindOf(ex.Entry) != KindProvider {
		// Provider entries name their provider in the title already.
		codes = append(codes, "at "+ProviderName(ex.Provider))
	}
	switch {
	case len(codes) > 0 && strings.HasSuffix(title, ")"):
		// "Title (Gmail)" becomes "Title (Gmail, 550 5.7.26)".
		b.WriteString(title[:len(title)-1])
		b.WriteString(", ")
		b.WriteString(strings.Join(codes, " "))
		b.WriteString(")")
	case len(codes) > 0:
		b.WriteString(title)
		b.WriteString(" (")
		b.WriteString(strings.Join(codes, " "))
		b.WriteString(")")
	default:
		b.WriteString(title)
	}
	switch {
	case ex.Reason == ReasonDelivered || ex.Reason == ReasonVacation || ex.Reason == ReasonFeedback ||
		(q.Reply.Class() == 2 || q.Reply.Class() == 3) && q.Status.Class() != 4 && q.Status.Class() != 5:
		b.WriteString(": not a delivery failure, nothing to retry.")
	case ex.Retry == RetryLater && (q.Status.Permanent() || q.Status.IsZero() && q.Reply.Permanent()):
		b.WriteString(": refused for now, but the cause can clear; retry later, not right away.")
	case ex.Retry == RetryLater:
		b.WriteString(": temporary, retry later with backoff.")
	case ex.Retry == RetryNo && ex.HardBounce:
		b.WriteString(": permanent, do not retry; remove the address from your lists.")
	case ex.Retry == RetryNo && kbAdvisesRemoval(ex.Entry):
		// The address exists (no hard bounce) but is disabled or
		// abandoned: Gmail's "inactive", Yahoo's "disabled".
		b.WriteString(": do not retry; stop sending to this address.")
	case ex.Retry == RetryNo:
		b.WriteString(": do not retry this message as it is.")
	case ex.Retry == RetryAfterFix && q.Delayed && (kbTemporary(q) || kbQueued(q)):
		b.WriteString(": still queued, but the retries keep failing until the cause is fixed.")
	default:
		b.WriteString(": retrying as-is will fail; fix the cause first.")
	}
	return b.String()
}

// kbStripCodes replaces by one space each reply code and enhanced code that
// start the lines of a multi-line reply ("550-5.7.26 "), also where the
// lines were already joined, so that phrases split over lines match once
// they are removed. It removes what the regular expression
//
//	(?m)^[ \t>]*[245][0-9][0-9][ -]([245]\.[0-9]{1,3}\.[0-9]{1,3}[ \t]+)?|[ \t][245][0-9][0-9]-[245]\.[0-9]{1,3}\.[0-9]{1,3}[ \t]
//
// matches, in one pass without backtracking.
func kbStripCodes(s string) string {
	var b []byte // nil until the first code
	last := 0
	for i := 0; i < len(s); i++ {
		n := 0
		if i == 0 || s[i-1] == '\n' {
			n = kbLineCodeAt(s, i)
		}
		if n == 0 && (s[i] == ' ' || s[i] == '\t') {
			n = kbJoinedCodeAt(s, i)
		}
		if n == 0 {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(append(b, s[last:i]...), ' ')
		i += n - 1
		last = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// kbLineCodeAt returns the length of the codes that start the line at
// s[i:] ("> 550-5.7.26 ", "550 "), or 0.
func kbLineCodeAt(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '>') {
		j++
	}
	if !kbReplyAt(s, j) || (s[j+3] != ' ' && s[j+3] != '-') {
		return 0
	}
	j += 4
	if k := kbStatusAt(s, j); k > 0 && j+k < len(s) && (s[j+k] == ' ' || s[j+k] == '\t') {
		j += k
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
	}
	return j - i
}

// kbJoinedCodeAt returns the length of a blank followed by the codes of a
// continued reply line and one blank at s[i:] (" 550-5.7.26 "), or 0.
func kbJoinedCodeAt(s string, i int) int {
	j := i + 1
	if !kbReplyAt(s, j) || s[j+3] != '-' {
		return 0
	}
	j += 4
	k := kbStatusAt(s, j)
	if k == 0 || j+k >= len(s) || (s[j+k] != ' ' && s[j+k] != '\t') {
		return 0
	}
	return j + k + 1 - i
}

// kbReplyAt reports whether s[j:] starts with a reply code of class 2, 4
// or 5 and one more byte.
func kbReplyAt(s string, j int) bool {
	return j+3 < len(s) && (s[j] == '2' || s[j] == '4' || s[j] == '5') && isDigit(s[j+1]) && isDigit(s[j+2])
}

// kbStatusAt returns the length of the enhanced status code of class 2, 4
// or 5 at s[j:] whose parts have 1 to 3 digits and that is not followed by
// more digits, or 0.
func kbStatusAt(s string, j int) int {
	if j+1 >= len(s) || (s[j] != '2' && s[j] != '4' && s[j] != '5') || s[j+1] != '.' {
		return 0
	}
	k := j + 2
	for part := 0; part < 2; part++ {
		d := 0
		for k+d < len(s) && isDigit(s[k+d]) {
			d++
		}
		if d == 0 || d > 3 {
			return 0
		}
		k += d
		if part == 0 {
			if k >= len(s) || s[k] != '.' {
				return 0
			}
			k++
		}
	}
	return k - j
}

// kbNormalize lower-cases ASCII letters, drops the codes that start reply
// lines and collapses runs of white space to one space.
func kbNormalize(s string) string {
	if s == "" {
		return ""
	}
	s = kbStripCodes(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && b.Len() > 0 && !kbJSONSep(b.String()) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// kbJSONSep reports whether s ends with `":` or `",`, after which a space
// is dropped so that JSON fields match however they were spaced.
func kbJSONSep(s string) bool {
	n := len(s)
	return n >= 2 && s[n-2] == '"' && (s[n-1] == ':' || s[n-1] == ',')
}

// kbLowerASCII lower-cases ASCII letters only, so byte offsets stay valid.
func kbLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func kbIsAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// kbIndexWord returns the first index of needle in s (both lower case) that
// is not glued to a letter or digit on a side where needle itself begins or
// ends with one, or -1.
func kbIndexWord(s, needle string) int {
	if needle == "" {
		return -1
	}
	checkL := kbIsAlnum(needle[0])
	checkR := kbIsAlnum(needle[len(needle)-1])
	off := 0
	for {
		i := strings.Index(s[off:], needle)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(needle)
		if (!checkL || i == 0 || !kbIsAlnum(s[i-1])) && (!checkR || j == len(s) || !kbIsAlnum(s[j])) {
			return i
		}
		off = i + 1
	}
}

// DetectProvider recognises the provider from the text of a bounce (host
// names, reply markers such as Google's "gsmtp", help-link hosts). It returns
// the provider id and the byte range of the token that identified it, or ""
// and -1, -1. Markers that only a receiving server writes (reply tails, MX
// host names) win over weaker ones (a bare provider domain, which may be the
// sender's own); among equals, the first in the text wins.
func DetectProvider(text string) (id string, start, end int) {
	x := kbx()
	best, at := kbDetect(text)
	if best < 0 {
		return "", -1, -1
	}
	m := x.markers[best]
	start, end = at, at+len(m.needle)
	if m.host {
		// Widen a host suffix to the whole host name (gmail-smtp-in.l.google.com).
		for start > 0 && (kbIsAlnum(text[start-1]) || text[start-1] == '.' || text[start-1] == '-') {
			start--
		}
		for start < at && (text[start] == '.' || text[start] == '-') {
			start++
		}
	}
	return m.provider, start, end
}

// kbGrams is the set of the byte pairs of a text, hashed to 4096 bits: a
// needle one of whose pairs is not in the set is not in the text, which
// saves most of the searches for the knowledge base's tokens and phrases.
type kbGrams [64]uint64

// kbGram hashes the byte pair a, b.
func kbGram(a, b byte) uint { return (uint(a)<<5 ^ uint(b)) & 4095 }

// add adds the byte pairs of s.
func (g *kbGrams) add(s string) {
	for i := 0; i+1 < len(s); i++ {
		h := kbGram(s[i], s[i+1])
		g[h>>6] |= 1 << (h & 63)
	}
}

// may reports whether needle may be in the text: false when one of its
// byte pairs is not.
func (g *kbGrams) may(needle string) bool {
	for i := 0; i+1 < len(needle); i++ {
		if h := kbGram(needle[i], needle[i+1]); g[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// kbProvKey is what kbMatchProvider reads of a provider entry to rule it
// out, kept small and together so that it does not load whole entries for
// that (the numbers of the tables' codes fit in 16 bits).
type kbProvKey struct {
	status    [3]uint16 // Status
	detailMax uint16    // DetailMax
	reply     uint16    // Reply
	provider  uint8     // index of Provider in kbProvKeys' names
	token     bool      // the entry has a Token
}

// statusRel is kbStatusRel of the entry.
func (k *kbProvKey) statusRel(s EnhancedCode) int {
	if k.status == [3]uint16{} || s.IsZero() {
		return 0
	}
	if int(k.status[0]) == s[0] && int(k.status[1]) == s[1] {
		if int(k.status[2]) == s[2] {
			return 2
		}
		if k.detailMax > 0 && s[2] >= int(k.status[2]) && s[2] <= int(k.detailMax) {
			return 1
		}
	}
	return -1
}

// kbProvKeyTable is the kbProvKey of each provider entry, in the order of
// kbx().provIdx, and the provider names they index.
type kbProvKeyTable struct {
	keys  []kbProvKey
	names []string
}

// kbProvKeys returns the kbProvKeyTable, building it on first use.
var kbProvKeys = sync.OnceValue(func() *kbProvKeyTable {
	x := kbx()
	t := &kbProvKeyTable{keys: make([]kbProvKey, len(x.provIdx))}
	fits := func(n int) uint16 {
		if n < 0 || n > 0xffff {
			panic("codes: a provider entry's code does not fit kbProvKey")
		}
		return uint16(n)
	}
	for k, i := range x.provIdx {
		e := &x.all[i]
		p := slices.Index(t.names, e.Provider)
		if p < 0 {
			p = len(t.names)
			t.names = append(t.names, e.Provider)
		}
		if p > 0xff {
			panic("codes: more providers than kbProvKey counts")
		}
		t.keys[k] = kbProvKey{
			status:    [3]uint16{fits(e.Status[0]), fits(e.Status[1]), fits(e.Status[2])},
			detailMax: fits(e.DetailMax), reply: fits(int(e.Reply)), provider: uint8(p), token: e.Token != "",
		}
	}
	return t
})

// kbMatchProvider finds the best provider entry for q.
func kbMatchProvider(q Query, lt string, g *kbGrams, prov string) (Entry, bool) {
	x := kbx()
	pk := kbProvKeys()
	provKey := -1 // prov's index in pk.names
	if prov != "" {
		provKey = slices.Index(pk.names, prov)
	}
	best, bestScore := -1, 0
	for k, i := range x.provIdx {
		ek := &pk.keys[k]
		same := int(ek.provider) == provKey
		st := ek.statusRel(q.Status)
		if st < 0 {
			continue
		}
		if ek.reply != 0 && !q.Reply.IsZero() && int(ek.reply) != int(q.Reply) && ek.status == [3]uint16{} && int(ek.reply)/100 != q.Reply.Class() {
			continue
		}
		codeOnly := st > 0 && x.statusOnly[x.all[i].ID]
		if !same && !ek.token && !(codeOnly && prov == "") {
			continue // only tokens select another provider's entries
		}
		e := &x.all[i]
		tok := e.Token != "" && lt != "" && g.may(x.tokens[i]) && kbIndexWord(lt, x.tokens[i]) >= 0
		if e.Token != "" && !tok {
			continue // a token entry applies only where its token is written
		}
		plen := 0
		for _, m := range e.Match {
			if len(m) > plen && g.may(m) && strings.Contains(lt, m) {
				plen = len(m)
			}
		}
		phr := plen > 0
		switch {
		case tok:
		case phr && same:
		case codeOnly && same:
		case codeOnly && prov == "" && !kbRegistered(q.Status) && x.uniqueOwner[e.ID]:
		default:
			continue
		}
		score := 0
		if same {
			score += 3200
		}
		if tok {
			score += 1600
		}
		if phr {
			score += 800 + min(plen, 99)
		}
		score += st * 200
		if !e.Reply.IsZero() && e.Reply == q.Reply {
			score += 100
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	return x.all[best], true
}

// kbStatusRel relates an entry's code to the queried one: 2 exact, 1 inside
// the entry's range, 0 when either side has no code, -1 when they differ.
func kbStatusRel(e *Entry, s EnhancedCode) int {
	if e.Status.IsZero() || s.IsZero() {
		return 0
	}
	if e.Status == s {
		return 2
	}
	if e.DetailMax > 0 && e.Status[0] == s[0] && e.Status[1] == s[1] && s[2] >= e.Status[2] && s[2] <= e.DetailMax {
		return 1
	}
	return -1
}

// kbRegistered reports whether s is in the IANA registry.
func kbRegistered(s EnhancedCode) bool {
	_, ok := kbRegistryFor(s)
	return ok
}

// kbExplainGeneric explains q from the registry and reply code tables.
func kbExplainGeneric(q Query) Explanation {
	x := kbx()
	if !q.Status.IsZero() {
		id := q.Status.String()
		if i, ok := x.byID[id]; ok {
			ex := kbFromEntry(x.all[i], q)
			kbNoteReplyClass(&ex, q)
			return ex
		}
		return kbFallbackStatus(q)
	}
	if !q.Reply.IsZero() {
		if i, ok := x.byID[q.Reply.String()]; ok {
			return kbFromEntry(x.all[i], q)
		}
		return kbFallbackReply(q.Reply)
	}
	return Explanation{
		Title:   "No status code",
		Meaning: "The text carries neither an SMTP reply code nor an enhanced status code, so only its wording can tell what happened.",
		Actor:   ActorSender,
		Retry:   RetryAfterFix,
		Reason:  ReasonUndefined,
		Fix: []string{
			"Read the diagnostic text for the cause (for example a named blocklist, \"user unknown\" or \"mailbox full\").",
			"If it is unclear, ask the recipient's mail administrator, quoting the full bounce.",
		},
	}
}

// kbNoteReplyClass adds a note when the reply code and the enhanced code
// disagree on the class (Google's "421 5.7.32").
func kbNoteReplyClass(ex *Explanation, q Query) {
	rc, sc := q.Reply.Class(), q.Status.Class()
	if q.Reply.IsZero() || rc == sc || (rc != 4 && rc != 5) || (sc != 4 && sc != 5) {
		return
	}
	if rc == 4 && sc == 5 {
		ex.Meaning += " The reply code " + q.Reply.String() + " is temporary, so the sending server will retry, but the enhanced code " + q.Status.String() + " says the message is refused: retries fail until the cause is fixed."
		ex.Retry = RetryAfterFix
	} else {
		ex.Meaning += " The reply code " + q.Reply.String() + " is permanent while the enhanced code " + q.Status.String() + " is temporary: the sending server gives up now, but the cause may clear by itself, so sending again later can succeed."
	}
}

// kbFallbackStatus explains an enhanced code whose detail (or subject) is not
// in the registry, from its subject and class.
func kbFallbackStatus(q Query) Explanation {
	x := kbx()
	s := q.Status
	subj := SubjectMeaning(s.Subject())
	base := EnhancedCode{s.Class(), s.Subject(), 0}
	if subj == "" {
		base = EnhancedCode{s.Class(), 0, 0}
	}
	ex := Explanation{Actor: ActorSender, Retry: RetryAfterFix, Reason: ReasonForStatus(s)}
	if i, ok := x.byID[base.String()]; ok {
		b := x.all[i]
		ex.Entry, ex.Actor, ex.Retry, ex.Fix, ex.Links = b.ID, b.Actor, b.Retry, slices.Clone(b.Fix), slices.Clone(b.Links)
	}
	cls := ClassMeaning(s.Class())
	if subj != "" {
		ex.Title = "Unlisted " + kbSubjectNoun(s.Subject()) + " (" + s.String() + ")"
		ex.Meaning = s.String() + " is not in the IANA registry of enhanced status codes, so only its parts can be read. Class " +
			strconv.Itoa(s.Class()) + ": " + cls + ". Subject " + strconv.Itoa(s.Subject()) + ": " + subj + "."
	} else {
		ex.Title = "Unlisted status code (" + s.String() + ")"
		ex.Meaning = s.String() + " is not in the IANA registry and its subject " + strconv.Itoa(s.Subject()) +
			" is not defined, so only its class can be read. Class " + strconv.Itoa(s.Class()) + ": " + cls + "."
	}
	ex.Meaning += " The provider may use the code privately; its text usually says more."
	if s.Class() == 2 {
		ex.Actor, ex.Retry, ex.Reason, ex.Fix = ActorNobody, RetryNo, ReasonDelivered, nil
	}
	if ex.Reason == "" {
		ex.Reason = ReasonUndefined
	}
	kbNoteReplyClass(&ex, q)
	return ex
}

// kbFallbackReply explains a reply code missing from the table by its digits.
func kbFallbackReply(r ReplyCode) Explanation {
	ex := Explanation{
		Title: "Unlisted reply code " + r.String(),
		Meaning: r.String() + " is not a standard SMTP reply code, so only its digits can be read. First digit " + strconv.Itoa(r.Class()) + ": " +
			ClassMeaning(r.Class()) + ". Second digit " + strconv.Itoa(r.Subject()) + ": " + kbOr(ReplySubjectMeaning(r.Subject()), "not defined") + ".",
		Reason: ReasonUndefined,
	}
	switch r.Class() {
	case 4:
		ex.Actor, ex.Retry = ActorNobody, RetryLater
		ex.Fix = []string{"Let the sending server retry with backoff (minutes, then hours).", "If it keeps failing for more than a day, read the text for the cause."}
	case 5:
		ex.Actor, ex.Retry = ActorSender, RetryAfterFix
		ex.Fix = []string{"Do not resend as-is: read the text for the cause and fix it first.", "If the text does not say, ask the recipient's mail administrator, quoting the full reply."}
	default:
		ex.Actor, ex.Retry = ActorNobody, RetryNo
	}
	return ex
}

func kbOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
