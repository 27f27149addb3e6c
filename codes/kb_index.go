package codes

import (
	"slices"
	"strings"
	"sync"
)

// kbIndex holds the knowledge base's indexes, built from the reviewed
// tables (kbReplies, kbRegistry, the provider tables and kbBlocklists) on
// first use and never changed afterwards. Building them lazily keeps the
// package's initialisation cheap: in the browser it delays every page,
// also those that never explain a code.
type kbIndex struct {
	all          []Entry
	byID         map[string]int // index in all by ID
	provIdx      []int          // indexes in all of the provider entries
	statusOnly   map[string]bool
	uniqueOwner  map[string]bool
	tokens       []string // the lower-case tokens of all's entries, by index
	blocklistIdx []int    // indexes in all of the blocklist entries
	// markers are the provider markers, strongest first: kbMarkerTable and
	// the tokens of the provider entries, which only the provider's own
	// replies carry. ac finds them.
	markers []kbMarker
	ac      *kbAC
}

// kbx returns the knowledge base's indexes, building them on first use.
var kbx = sync.OnceValue(func() *kbIndex {
	x := &kbIndex{}
	tables := kbProviderTables()
	x.all, x.byID, x.provIdx, x.statusOnly, x.uniqueOwner = kbBuild(tables)
	x.tokens = kbLowerTokens(x.all)
	x.blocklistIdx = kbIndexesOf(x.all, KindBlocklist)
	x.markers = kbSortMarkers(append(slices.Clone(kbMarkerTable), kbTokenMarkers(tables)...))
	x.ac = kbBuildAC(x.markers)
	return x
})

func kbTokenMarkers(tables []kbTable) []kbMarker {
	var out []kbMarker
	seen := map[string]bool{}
	for _, t := range tables {
		for _, e := range t.entries {
			tok := kbLowerASCII(e.Token)
			if tok == "" || seen[tok] {
				continue
			}
			seen[tok] = true
			out = append(out, kbMarker{needle: tok, provider: t.provider, weight: kbMaxWeight})
		}
	}
	return out
}

func kbLowerTokens(all []Entry) []string {
	out := make([]string, len(all))
	for i, e := range all {
		out[i] = kbLowerASCII(e.Token)
	}
	return out
}

func kbIndexesOf(all []Entry, k EntryKind) []int {
	var out []int
	for i, e := range all {
		if e.Kind == k {
			out = append(out, i)
		}
	}
	return out
}

func kbSortMarkers(t []kbMarker) []kbMarker {
	out := slices.Clone(t)
	slices.SortStableFunc(out, func(a, b kbMarker) int { return b.weight - a.weight })
	return out
}

func kbBuild(tables []kbTable) (all []Entry, byID map[string]int, provIdx []int, statusOnly, uniqueOwner map[string]bool) {
	for _, r := range kbReplies {
		all = append(all, Entry{
			ID: r.code.String(), Kind: KindReply, Reply: r.code, Title: r.title, Meaning: r.meaning,
			Actor: r.actor, Retry: r.retry, Reason: r.reason, HardBounce: r.retry == RetryNo && r.reason.HardBounce(r.code.Permanent()),
			Fix: r.fix, RFC: r.rfc, Source: r.rfc, Links: kbRFCLinks(r.rfc),
		})
	}
	for _, class := range []int{2, 4, 5} {
		for _, r := range kbRegistry {
			if class == 2 && r.success == "" {
				continue
			}
			all = append(all, kbEnhancedEntry(class, r))
		}
	}
	for _, t := range tables {
		for _, e := range t.entries {
			e.Kind, e.Provider = KindProvider, t.provider
			if e.Source == "" {
				e.Source = t.source
			}
			if len(e.Links) == 0 {
				if p, ok := kbProviderByID(e.Provider); ok && p.URL != "" {
					e.Links = []Link{{p.Name + ": help for senders", p.URL}}
				}
			}
			if !e.HardBounce && e.Retry == RetryNo {
				e.HardBounce = e.Reason.HardBounce(kbEntryPermanent(e))
			}
			all = append(all, e)
		}
	}
	for _, e := range kbBlocklists {
		e.Kind = KindBlocklist
		all = append(all, e)
	}
	for _, e := range kbReasons {
		e.ID, e.Kind, e.Source = "reason-"+string(e.Reason), KindReason, kbSrcReasons
		e.HardBounce = e.Retry == RetryNo && e.Reason.HardBounce(true)
		all = append(all, e)
	}
	slices.SortStableFunc(all, kbCompareEntries)
	byID = make(map[string]int, len(all))
	statusOnly = map[string]bool{}
	uniqueOwner = map[string]bool{}
	perProv := map[string]int{}
	perCode := map[string]int{}
	key := func(e Entry) string { return e.Status.String() + "-" + strings.Repeat("+", e.DetailMax) }
	for i, e := range all {
		if _, dup := byID[e.ID]; dup {
			panic("codes: duplicate knowledge base entry " + e.ID)
		}
		byID[e.ID] = i
		if e.Kind == KindProvider {
			provIdx = append(provIdx, i)
			if !e.Status.IsZero() && e.Token == "" {
				perProv[e.Provider+" "+key(e)]++
				perCode[key(e)]++
			}
		}
	}
	for _, i := range provIdx {
		e := all[i]
		if e.Status.IsZero() || e.Token != "" {
			continue
		}
		// Only an entry marked Default applies on its code alone: a code
		// that is unique in a provider's table may still be used by the
		// provider with other meanings that are not documented.
		if e.Default {
			statusOnly[e.ID] = true
			uniqueOwner[e.ID] = perCode[key(e)] == perProv[e.Provider+" "+key(e)]
		}
	}
	return all, byID, provIdx, statusOnly, uniqueOwner
}

// kbEntryPermanent reports whether a provider entry describes a permanent failure.
func kbEntryPermanent(e Entry) bool {
	if !e.Status.IsZero() {
		return e.Status.Permanent()
	}
	return e.Reply.Permanent() || e.Reply.IsZero()
}

var kbKindRank = map[EntryKind]int{KindReply: 0, KindEnhanced: 1, KindProvider: 2, KindBlocklist: 3, KindReason: 4}

// kbCompareEntries orders entries by kind, provider, enhanced code, reply
// code and ID.
func kbCompareEntries(a, b Entry) int {
	if c := kbKindRank[a.Kind] - kbKindRank[b.Kind]; c != 0 {
		return c
	}
	if c := strings.Compare(a.Provider, b.Provider); c != 0 {
		return c
	}
	if c := kbCompareStatus(a.Status, b.Status); c != 0 {
		return c
	}
	if c := int(a.Reply) - int(b.Reply); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func kbCompareStatus(a, b EnhancedCode) int {
	for i := range a {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return 0
}

func kbEnhancedEntry(class int, r kbReg) Entry {
	code := EnhancedCode{class, r.subject, r.detail}
	e := Entry{
		ID: code.String(), Kind: KindEnhanced, Status: code, Title: r.title, RFC: r.rfc, Source: r.rfc + " (IANA SMTP Enhanced Status Codes registry)",
		Reason: r.reason, Actor: r.actor, Deprecated: r.deprecated,
		Links: append([]Link{kbLinkIANARegistry}, kbRFCLinks(r.rfc)...),
	}
	switch class {
	case 2:
		e.Meaning = "Success: " + r.success
		e.Reason, e.Actor, e.Retry, e.Fix = ReasonDelivered, ActorNobody, RetryNo, kbFixNone
	case 4:
		e.Meaning = "Temporary failure: " + r.meaning
		if r.temp != "" {
			e.Meaning += " " + r.temp
		}
		e.Retry = RetryLater
		switch r.reason {
		case ReasonNetworkError, ReasonSystemError, ReasonSystemFull, ReasonNotAccept, ReasonMailboxFull, ReasonOnHold:
			e.Actor = ActorNobody
		}
		e.Fix = append([]string{kbFixRetryBackoff}, slices.DeleteFunc(slices.Clone(r.fix), func(s string) bool { return s == kbFixRetryBackoff })...)
	case 5:
		e.Meaning = "Permanent failure: " + r.meaning
		if r.retry == RetryLater {
			// A full mailbox or system, a network fault: the code says
			// permanent, the condition often clears (RFC 3463 sections 3.3
			// to 3.5 call X.2.2, X.3.1 and X.4.1 "persistent transient").
			e.Meaning = "Refused with a permanent code, though the condition can clear: " + r.meaning
			if r.temp != "" {
				e.Meaning += " " + r.temp
			}
		}
		e.Retry = r.retry
		e.Fix = r.fix
		e.HardBounce = r.retry == RetryNo && r.reason.HardBounce(true)
	}
	if r.deprecated {
		e.Meaning += " This code is deprecated in the registry; X.6.8 replaces it."
	}
	return e
}

var kbLinkIANARegistry = Link{"IANA SMTP Enhanced Status Codes registry", "https://www.iana.org/assignments/smtp-enhanced-status-codes/"}

// kbRFCLinks links each "RFC nnnn" named in refs to its text.
func kbRFCLinks(refs string) []Link {
	var out []Link
	for _, ref := range strings.Split(refs, ", ") {
		if n, ok := strings.CutPrefix(ref, "RFC "); ok {
			out = append(out, Link{ref, "https://www.rfc-editor.org/rfc/rfc" + n})
		}
	}
	return out
}

// kbFindBlocklist returns the blocklist named in lt (normalized text, whose
// byte pairs are g): the entry with the longest matching phrase. A Spamhaus citation together with
// a 127.255.255.x answer is the receiver's query error, not a listing.
func kbFindBlocklist(lt string, g *kbGrams) (Entry, bool) {
	if lt == "" {
		return Entry{}, false
	}
	x := kbx()
	best, bestLen := -1, 0
	for _, i := range x.blocklistIdx {
		for _, m := range x.all[i].Match {
			if len(m) > bestLen && g.may(m) && kbIndexWord(lt, m) >= 0 {
				best, bestLen = i, len(m)
			}
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	e := x.all[best]
	if strings.HasPrefix(e.ID, "spamhaus") && strings.Contains(lt, "127.255.255.") {
		if i, ok := x.byID["spamhaus-query-error"]; ok {
			e = x.all[i]
		}
	}
	return e, true
}

// kbMarker is a text fragment that identifies a provider.
type kbMarker struct {
	needle   string // lower case
	provider string
	weight   int  // 4 reply-text marker, 3 receiving host, 2 help link or DSN sender, 1 bare domain
	host     bool // a host-name suffix: widen the span to the whole host name
}
