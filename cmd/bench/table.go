package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// stats summarises repeated measurements.
type stats struct {
	n                int
	median, min, max float64
}

// summarise returns the median, min and max of the values that are not NaN
// (a NaN is a measurement that did not happen).
func summarise(values []float64) stats {
	v := slices.DeleteFunc(slices.Clone(values), math.IsNaN)
	if len(v) == 0 {
		return stats{median: math.NaN(), min: math.NaN(), max: math.NaN()}
	}
	slices.Sort(v)
	m := v[len(v)/2]
	if len(v)%2 == 0 {
		m = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return stats{n: len(v), median: m, min: v[0], max: v[len(v)-1]}
}

// table is a plain text table with aligned columns.
type table struct {
	header []string
	rows   [][]string
	// right aligns the columns whose index is true to the right.
	right map[int]bool
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// String draws the table with a rule under the header.
func (t *table) String() string {
	width := make([]int, len(t.header))
	all := append([][]string{t.header}, t.rows...)
	for _, r := range all {
		for i, c := range r {
			if i < len(width) {
				width[i] = max(width[i], utf8.RuneCountInString(c))
			}
		}
	}
	var b strings.Builder
	line := func(r []string) {
		for i := range width {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.right[i] {
				b.WriteString(pad + c)
			} else if i < len(width)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		b.WriteString("\n")
	}
	line(t.header)
	total := 0
	for _, w := range width {
		total += w
	}
	b.WriteString(strings.Repeat("-", total+2*(len(width)-1)) + "\n")
	for _, r := range t.rows {
		line(r)
	}
	return b.String()
}

// seconds formats milliseconds as seconds, such as 0.84 s; NaN is "–".
func seconds(ms float64) string {
	if math.IsNaN(ms) {
		return "–"
	}
	return fmt.Sprintf("%.2f s", ms/1000)
}

// megabytes formats bytes as decimal megabytes, as the budget is stated.
func megabytes(b float64) string {
	if math.IsNaN(b) {
		return "–"
	}
	return fmt.Sprintf("%.2f MB", b/1e6)
}

// kilobytes formats bytes as decimal kilobytes.
func kilobytes(b float64) string {
	if math.IsNaN(b) {
		return "–"
	}
	return fmt.Sprintf("%.1f kB", b/1e3)
}

// count formats a number of things.
func count(n float64) string {
	if math.IsNaN(n) {
		return "–"
	}
	return fmt.Sprintf("%g", n)
}
