package codes

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Verdict sorts a recipient of a batch into one bucket of the summary.
type Verdict string

// The verdicts. A hard bounce (remove address) is also permanent.
const (
	VerdictPermanent Verdict = "permanent" // failed for good: the message was not delivered and will not be retried
	VerdictTemporary Verdict = "temporary" // delayed: the sending server keeps trying
	VerdictDelivered Verdict = "delivered" // delivered (a DSN with Action: delivered, a log "sent" line)
	VerdictOther     Verdict = "other"     // not a delivery failure: feedback report, auto-reply, relayed, expanded
)

// VerdictOf returns the verdict for one recipient of a report.
func VerdictOf(rc Recipient) Verdict {
	switch {
	case rc.Action == "delivered" || rc.Reason == ReasonDelivered:
		return VerdictDelivered
	case rc.Reason == ReasonFeedback || rc.Reason == ReasonVacation || rc.Action == "relayed" || rc.Action == "expanded":
		return VerdictOther
	case rc.Permanent:
		return VerdictPermanent
	}
	return VerdictTemporary
}

// Row is one failed recipient of a batch (verdict permanent or temporary),
// as shown in the batch table and exported as CSV and JSON.
type Row struct {
	File       string  `json:"file,omitempty"` // input file name, when the caller reads several
	Mail       int     `json:"mail"`           // Item.Index: 1-based mail or log event number in the file
	Start      int     `json:"start"`          // Item byte range in the input (Batch.Data)
	End        int     `json:"end"`            //
	Recipient  string  `json:"recipient"`
	Domain     string  `json:"domain"`
	Verdict    Verdict `json:"verdict"`
	ReplyCode  string  `json:"reply_code"`
	Status     string  `json:"status"`
	Reason     Reason  `json:"reason"`
	Provider   string  `json:"provider"`
	Permanent  bool    `json:"permanent"`
	HardBounce bool    `json:"hard_bounce"`
	Retry      Retry   `json:"retry"`
	Summary    string  `json:"summary"`
	Diagnostic string  `json:"diagnostic"`
}

// RowsOf returns the rows of the failed recipients of one item.
func RowsOf(file string, it Item) []Row {
	var rows []Row
	for _, rc := range it.Report.Recipients {
		v := VerdictOf(rc)
		if v != VerdictPermanent && v != VerdictTemporary {
			continue
		}
		// Clone the strings: they may be slices of the report's text,
		// which a row must not keep alive.
		rows = append(rows, Row{
			File: file, Mail: it.Index, Start: it.Start, End: it.End,
			Recipient: strings.Clone(rc.Recipient), Domain: strings.Clone(DomainOf(rc.Recipient)), Verdict: v,
			ReplyCode: strings.Clone(rc.ReplyCode), Status: strings.Clone(rc.Status), Reason: rc.Reason, Provider: rc.Provider,
			Permanent: rc.Permanent, HardBounce: rc.HardBounce, Retry: rc.Retry,
			Summary: strings.Clone(rc.Summary), Diagnostic: strings.Clone(rc.Diagnostic),
		})
	}
	return rows
}

// DomainOf returns the lower-case domain of an address, or "" when it has
// none.
func DomainOf(addr string) string {
	i := strings.LastIndexByte(addr, '@')
	if i < 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(addr[i+1:], "<>. "))
}

// Summary counts the results of a batch. The zero value is ready to use.
type Summary struct {
	Items      int `json:"items"`       // mails or log events read
	Bounces    int `json:"bounces"`     // items that report a failure or delay
	NotBounce  int `json:"not_bounces"` // items with no bounce found
	Problems   int `json:"problems"`    // items decoded with problems or errors
	Recipients int `json:"recipients"`  // recipients reported, all verdicts
	Failed     int `json:"failed"`      // rows: permanent + temporary
	Permanent  int `json:"permanent"`
	Temporary  int `json:"temporary"`
	Remove     int `json:"remove"` // hard bounces (rows whose address should be removed)
	Delivered  int `json:"delivered"`
	Other      int `json:"other"`

	// Counts of failed recipients (rows) by reason, provider ("" when
	// unknown) and recipient domain.
	ByReason   map[string]int `json:"by_reason"`
	ByProvider map[string]int `json:"by_provider"`
	ByDomain   map[string]int `json:"by_domain"`

	remove map[string]int // hard-bounce rows per lower-case address
}

// Add counts one item's report.
func (s *Summary) Add(r Report) {
	s.Items++
	if len(r.Problems) > 0 {
		s.Problems++
	}
	if !r.Bounce {
		s.NotBounce++
	}
	bounce := false
	for _, rc := range r.Recipients {
		if s.count(rc, 1) {
			bounce = true
		}
	}
	if bounce {
		s.Bounces++
	}
}

// count adds d (1 or -1) to the counts of one recipient and reports
// whether it is a failure.
func (s *Summary) count(rc Recipient, d int) bool {
	if s.ByReason == nil {
		s.ByReason, s.ByProvider, s.ByDomain = map[string]int{}, map[string]int{}, map[string]int{}
	}
	s.Recipients += d
	switch VerdictOf(rc) {
	case VerdictDelivered:
		s.Delivered += d
		return false
	case VerdictOther:
		s.Other += d
		return false
	case VerdictPermanent:
		s.Permanent += d
	default:
		s.Temporary += d
	}
	s.Failed += d
	countKey(s.ByReason, string(rc.Reason), d)
	countKey(s.ByProvider, rc.Provider, d)
	countKey(s.ByDomain, DomainOf(rc.Recipient), d)
	if rc.HardBounce {
		s.Remove += d
		if a := strings.ToLower(strings.TrimSpace(rc.Recipient)); a != "" {
			if s.remove == nil {
				s.remove = map[string]int{}
			}
			countKey(s.remove, a, d)
		}
	}
	return true
}

// countKey adds d to m[k], storing a copy of k when it is new so that the
// map keeps no decoded text alive, and deleting k when its count drops to 0.
func countKey(m map[string]int, k string, d int) {
	n, ok := m[k]
	if !ok {
		k = strings.Clone(k)
	}
	if n+d == 0 {
		delete(m, k)
		return
	}
	m[k] = n + d
}

// AddressesToRemove returns the addresses of hard bounces, lower-cased,
// unique and sorted.
func (s *Summary) AddressesToRemove() []string {
	out := make([]string, 0, len(s.remove))
	for a := range s.remove {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// BatchCount is one bar of a summary chart.
type BatchCount struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// TopCounts returns the counts of m, largest first (ties by key), at most n of
// them (all when n <= 0).
func TopCounts(m map[string]int, n int) []BatchCount {
	out := make([]BatchCount, 0, len(m))
	for k, c := range m {
		out = append(out, BatchCount{k, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// RowHeader is the header row of the CSV export.
func RowHeader() []string {
	return []string{"file", "mail", "recipient", "domain", "verdict", "reply_code", "status", "reason", "provider", "permanent", "hard_bounce", "retry", "summary", "diagnostic"}
}

// Record returns the row's CSV fields, in RowHeader order. Fields that a
// spreadsheet would run as a formula (starting with = + - @ or a control
// character) are prefixed with an apostrophe.
func (r Row) Record() []string {
	return []string{
		csvSafe(r.File), strconv.Itoa(r.Mail), csvSafe(r.Recipient), csvSafe(r.Domain), string(r.Verdict),
		r.ReplyCode, r.Status, string(r.Reason), csvSafe(r.Provider),
		strconv.FormatBool(r.Permanent), strconv.FormatBool(r.HardBounce), string(r.Retry),
		csvSafe(r.Summary), csvSafe(r.Diagnostic),
	}
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteCSV writes rows as CSV (RFC 4180: header row, CRLF line ends,
// quotes where needed).
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(RowHeader()); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.Record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes rows as a JSON array, one row a line.
func WriteJSON(w io.Writer, rows []Row) error {
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, r := range rows {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n]\n")
	return err
}
