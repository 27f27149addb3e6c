package codes

import "strings"

// Collector gathers the rows and the summary of a batch, item after item.
// Mail logs and message traces report one delivery several times (deferred,
// deferred, then delivered or bounced); for them the Collector keeps only
// the last event of each message and recipient (Item.Keys), so that counts
// and rows say how each delivery ended. Mails are all kept. The zero value
// is ready to use.
type Collector struct {
	Summary    Summary
	Superseded int // events replaced by a later event of the same message and recipient

	rows  []Row
	dead  []bool // rows replaced by a later event
	ndead int
	last  map[string]collected
}

// collected is what a Collector remembers of the last event of a key.
type collected struct {
	row int       // index of its row, -1 when it made none
	rc  Recipient // the fields Summary counts
}

// Add counts an item of the named file and keeps its rows.
func (c *Collector) Add(file string, it Item) {
	c.Summary.Add(it.Report)
	rows := RowsOf(file, it)
	n := 0 // next of rows
	for i, rc := range it.Report.Recipients {
		row := -1
		if v := VerdictOf(rc); v == VerdictPermanent || v == VerdictTemporary {
			row = len(c.rows)
			c.rows = append(c.rows, rows[n])
			c.dead = append(c.dead, false)
			n++
		}
		if i >= len(it.Keys) || it.Keys[i] == "" {
			continue
		}
		if c.last == nil {
			c.last = map[string]collected{}
		}
		key := it.Keys[i]
		if old, ok := c.last[key]; ok {
			c.Summary.count(old.rc, -1)
			if old.row >= 0 {
				c.dead[old.row] = true
				c.ndead++
			}
			c.Superseded++
		} else {
			key = strings.Clone(key)
		}
		c.last[key] = collected{row: row, rc: Recipient{
			Recipient: strings.Clone(rc.Recipient), Action: strings.Clone(rc.Action), Reason: rc.Reason,
			Provider: strings.Clone(rc.Provider), Permanent: rc.Permanent, HardBounce: rc.HardBounce,
		}}
	}
}

// Rows returns the rows kept, in the order of the input.
func (c *Collector) Rows() []Row {
	out := make([]Row, 0, len(c.rows)-c.ndead)
	for i, r := range c.rows {
		if !c.dead[i] {
			out = append(out, r)
		}
	}
	return out
}
