package main

import (
	"strconv"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// batchChart is a small bar chart of counts, as CSS bars: the bar widths
// are classes in steps of 5% (the page allows no inline style).
type batchChart struct {
	app.Compo

	Title  string
	Hook   string // data-batch-chart value
	Counts []codes.BatchCount
	Total  int    // what the bars are a share of
	Empty  string // label for the empty key
}

func (c *batchChart) Render() app.UI {
	max := 0
	for _, n := range c.Counts {
		if n.Count > max {
			max = n.Count
		}
	}
	return app.Figure().Class("batch-chart").DataSet("batch-chart", c.Hook).Body(
		app.FigCaption().Text(c.Title),
		app.If(len(c.Counts) == 0, func() app.UI {
			return app.P().Class("batch-chart-none").Text("No failures.")
		}).Else(func() app.UI {
			return app.Ol().Body(
				app.Range(c.Counts).Slice(func(i int) app.UI {
					n := c.Counts[i]
					label := n.Key
					if label == "" {
						label = c.Empty
					}
					pct := 0
					if c.Total > 0 {
						pct = 100 * n.Count / c.Total
					}
					return app.Li().DataSet("key", n.Key).DataSet("count", n.Count).Body(
						app.Span().Class("batch-bar-label").Text(label),
						app.Span().Class("batch-bar "+batchBarClass(n.Count, max)),
						app.Span().Class("batch-bar-n").Text(strconv.Itoa(n.Count)+" ("+strconv.Itoa(pct)+"%)"),
					)
				}),
			)
		}),
	)
}

// batchBarClass returns the width class of a bar for n out of max: w0 to
// w100 in steps of 5, at least w5 for a non-zero count.
func batchBarClass(n, max int) string {
	if max <= 0 || n <= 0 {
		return "w0"
	}
	w := (20*n + max - 1) / max * 5
	if w > 100 {
		w = 100
	}
	return "w" + strconv.Itoa(w)
}
