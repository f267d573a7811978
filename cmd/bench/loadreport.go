package main

import (
	"fmt"
	"math"
	"strings"
)

// loadMetric is one row of a page load table.
type loadMetric struct {
	name   string
	get    func(visit) float64
	format func(float64) string
	// goal names the goal a median is held against on a profile with
	// goals, per phase; none when empty.
	goal map[phase]string
}

var loadMetrics = []loadMetric{
	{"first contentful paint", func(v visit) float64 { return v.fcp }, seconds, nil},
	{"readable (heading painted, not covered)", func(v visit) float64 { return v.readable }, seconds, map[phase]string{cold: "readable"}},
	{"answerable (option + Continue work)", func(v visit) float64 { return v.answerable }, seconds, map[phase]string{cold: "answerable"}},
	{"wasm started (data-app=running)", func(v visit) float64 { return v.wasm }, seconds, nil},
	{"app.wasm on the wire", func(v visit) float64 { return v.wasmBytes }, megabytes, map[phase]string{cold: "wasm-bytes"}},
	{"app.wasm downloads", func(v visit) float64 { return v.wasmDownloads }, count, map[phase]string{cold: "wasm-once", repeat: "wasm-repeat"}},
	{"all bytes on the wire (page + worker)", func(v visit) float64 { return v.pageBytes + v.workerBytes }, kilobytes, nil},
	{"  of which the service worker's", func(v visit) float64 { return v.workerBytes }, kilobytes, nil},
}

// printLoad prints one profile's tables, a cold and a repeat one, and holds
// the medians of a profile with goals against them, for every host.
func printLoad(out *report, v *verdicts, p profile, hosts []host, results loads) {
	out.printf("\n-- Profile %s --\n", p)
	for _, ph := range phases {
		t := &table{header: []string{ph.String()}, right: map[int]bool{}}
		for _, h := range hosts {
			t.header = append(t.header, h.name+" median", "min", "max")
		}
		if p.goals {
			t.header = append(t.header, "goal")
			for _, h := range hosts {
				t.header = append(t.header, h.name)
			}
		}
		for c := 1; c < 1+3*len(hosts); c++ {
			t.right[c] = true
		}
		for _, m := range loadMetrics {
			row := []string{m.name}
			medians := make([]float64, len(hosts))
			for hi, h := range hosts {
				var vals []float64
				for _, x := range results[h.name][ph] {
					vals = append(vals, m.get(x))
				}
				s := summarise(vals)
				medians[hi] = s.median
				row = append(row, m.format(s.median), m.format(s.min), m.format(s.max))
			}
			if key := m.goal[ph]; p.goals && key != "" {
				row = append(row, targetCell(key))
				for hi, h := range hosts {
					subject := fmt.Sprintf("%s, %s, %s profile, median", h.name, ph, p.name)
					row = append(row, v.check(key, subject, medians[hi], m.format(medians[hi])).String())
				}
			}
			t.add(row...)
		}
		out.printf("\n%s", t)
	}
	for _, n := range loadNotes(hosts, results) {
		out.printf("Note: %s\n", n)
	}
}

// loadNotes says what the tables cannot: frames that showed "Page not
// found", a Continue button below the fold, repeat visits the service
// worker did not serve, and how answerable is counted on each host.
func loadNotes(hosts []host, results loads) []string {
	var notes []string
	for _, h := range hosts {
		offscreen, uncontrolled := false, 0
		for _, ph := range phases {
			vs := results[h.name][ph]
			var flashes []string
			for _, x := range vs {
				offscreen = offscreen || x.offscreen
				if ph == repeat && !x.controlled {
					uncontrolled++
				}
				if !math.IsNaN(x.notFound) {
					flashes = append(flashes, fmt.Sprintf("%s (wasm started %s)", seconds(x.notFound), seconds(x.wasm)))
				}
			}
			if len(flashes) > 0 {
				notes = append(notes, fmt.Sprintf("PRODUCT: on the %s, %d of %d %ss painted \"Page not found\" as the heading while the app took over, at %s.",
					h.name, len(flashes), len(vs), ph.short(), strings.Join(flashes, ", ")))
			}
		}
		if offscreen {
			notes = append(notes, fmt.Sprintf("On the %s the Continue button is below the fold at %dx%d: it counts once it is visible (checkVisibility), without the hit test.", h.name, phoneWidth, phoneHeight))
		}
		if uncontrolled > 0 {
			notes = append(notes, fmt.Sprintf("On the %s, %d repeat visits were not served by the service worker.", h.name, uncontrolled))
		}
	}
	return append(notes, answerableNotes(hosts, results)...)
}

// answerableNotes say how answerable is counted on each host: on the
// static host it depends on whether guide.js turned its own navigation on
// (data-static-nav) in the visits measured.
func answerableNotes(hosts []host, results loads) []string {
	staticNav, static := 0, 0
	for _, h := range hosts {
		for _, x := range results[h.name][cold] {
			if x.static {
				static++
				if !math.IsNaN(x.staticNav) {
					staticNav++
				}
			}
		}
	}
	notes := []string{"On the Go server the form is plain HTML that works before the app runs: answerable is when the first option and Continue are on screen and not covered."}
	switch {
	case static == 0:
	case staticNav == 0:
		notes = append(notes, "On the static host Continue waits for the app (guide.js shows \"One moment\" and the app carries on once it runs), so there answerable = max(controls ready, wasm started).")
	default:
		notes = append(notes, fmt.Sprintf("On the static host guide.js turned its own navigation on (data-static-nav) in %d of %d cold visits: there answerable = max(controls ready, the earlier of data-static-nav and wasm started).", staticNav, static))
	}
	return notes
}
