//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

const batchUsage = `usage: bounce-decoder decode --batch [-csv] [-remove] FILE... | -

Reads mailboxes (mbox), .eml files, mail-server logs (Postfix, Exim,
Sendmail, qmail), CSV exports (Microsoft 365 / Exchange message traces, PowerMTA
accounting files, sending services' bounce lists), plain, gzip or bzip2, and prints one JSON line per failed recipient, then one summary line:
  {"summary": {...counts...}, "remove": [addresses to remove]}
With -csv it prints the failed recipients as CSV instead (no summary);
with -remove only the addresses to remove, one a line. For logs, only the
last event of each message and recipient counts (deferred, then sent is
one delivery).
`

// batchSummaryLine is the last line "decode --batch" prints.
type batchSummaryLine struct {
	Summary    codes.Summary `json:"summary"`
	Superseded int           `json:"superseded"` // log events replaced by a later event of the same message and recipient
	Remove     []string      `json:"remove"`
	Errors     []string      `json:"errors,omitempty"`
}

// decodeBatch runs "decode --batch": args are what follows "--batch".
func (c *cli) decodeBatch(args []string) int {
	fs := c.flags("decode --batch", "[-csv] [-remove] FILE... | -")
	fs.Usage = func() { fmt.Fprint(c.stderr, batchUsage) }
	asCSV := fs.Bool("csv", false, "print the failed recipients as CSV")
	onlyRemove := fs.Bool("remove", false, "print only the addresses to remove")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	var col codes.Collector
	var errs []string
	code := 0
	for _, name := range fs.Args() {
		err := c.batchFile(name, func(file string, it codes.Item) error {
			col.Add(file, it)
			return nil
		})
		if err != nil {
			fmt.Fprintf(c.stderr, "decode --batch: %s: %v\n", name, err)
			errs = append(errs, name+": "+err.Error())
			code = 1
		}
	}
	sum := col.Summary
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	var err error
	switch {
	case *asCSV:
		err = codes.WriteCSV(c.stdout, col.Rows())
	case *onlyRemove:
		for _, a := range sum.AddressesToRemove() {
			if _, err = fmt.Fprintln(c.stdout, a); err != nil {
				break
			}
		}
	default:
		for _, row := range col.Rows() {
			if err = enc.Encode(row); err != nil {
				break
			}
		}
		if err == nil {
			err = enc.Encode(batchSummaryLine{Summary: sum, Superseded: col.Superseded, Remove: sum.AddressesToRemove(), Errors: errs})
		}
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "decode --batch: %v\n", err)
		return 1
	}
	return code
}

// batchFile reads the named file (standard input for "-") as a batch and
// calls each for every item. An input error (binary data, too large, not
// recognised) is returned after whatever could be read was handed to each.
func (c *cli) batchFile(name string, each func(file string, it codes.Item) error) error {
	var in io.Reader = c.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, codes.MaxBatchSize+1))
	if err != nil {
		return err
	}
	b, berr := codes.NewBatch(data, "")
	if b == nil {
		return berr
	}
	if errors.Is(berr, codes.ErrBatchTooLarge) {
		berr = fmt.Errorf("%w: read the first %d MiB only", berr, codes.MaxBatchSize>>20)
	}
	file := filepath.Base(name)
	for {
		it, ok := b.Next()
		if !ok {
			break
		}
		if it.Err != nil {
			fmt.Fprintf(c.stderr, "decode --batch: %s: item %d: %v\n", name, it.Index, it.Err)
		}
		if err := each(file, it); err != nil {
			return err
		}
	}
	return berr
}
