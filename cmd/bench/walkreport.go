package main

import (
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
)

// walkMetric is one row of the walk's table.
type walkMetric struct {
	name   string
	get    func(walkVisit) float64
	format func(float64) string
	goal   string // the goal the median across visits is held against, if any
}

var walkMetrics = []walkMetric{
	{"first answer possible (first page: option + Continue work)", walkVisit.firstPossible, seconds, "answerable"},
	{"first answer accepted (first click + its wait)", walkVisit.firstAccepted, seconds, ""},
	{"wait after a click, median over the walk", walkVisit.medianWait, milliseconds, ""},
	{"wait after a click, longest in the walk", walkVisit.maxWait, milliseconds, "walk-wait"},
	{"input delay of a click (page busy), longest", walkVisit.maxDelay, milliseconds, ""},
	{"result painted (.outcome), since the first navigation", walkVisit.result, seconds, ""},
	{"steps that loaded a new document", walkVisit.newDocuments, count, ""},
	{"clicks not made at their moment (page moved)", walkVisit.retries, count, ""},
	{"app.wasm requests the pages sent to the network", func(w walkVisit) float64 { return float64(w.cut.wasmStarted) }, count, ""},
	{"app.wasm bodies the host sent (100 kB or more each)", walkVisit.wasmDownloads, count, "walk-wasm"},
	{"app.wasm downloads Chromium reports (page + worker)", walkVisit.reportedWasmDownloads, count, ""},
	{"app.wasm bytes the host sent", walkVisit.wasmBytes, megabytes, ""},
	{"all bytes the host sent (pages + service worker)", walkVisit.bytes, kilobytes, ""},
	{"all bytes Chromium reports received (page + worker)", walkVisit.reported, kilobytes, ""},
	{"  of which the service worker's", func(w walkVisit) float64 { return w.worker.total }, kilobytes, ""},
	{"  of which requests a new document cut off", func(w walkVisit) float64 { return w.cut.bytes }, kilobytes, ""},
}

// printWalk prints the walk's tables: the figures of each host with their
// goals, then the wait of each step.
func printWalk(out *report, v *verdicts, s *session, plan walkPlan, p profile, results walkResults) {
	out.printf("\n== 1b. A visitor's walk to a result: %s, profile %s ==\n", plan.start, p.name)
	out.printf("Each visit is cold (a fresh browser context). On each page, once its heading, an option and Continue are painted and not covered,\n")
	out.printf("the visitor waits until %s have passed, ticks an option and clicks Continue with the mouse (Input.dispatchMouseEvent); after the\n", thinkTime)
	out.printf("last question the check page's button leads to the result. The options come from the engine: the first on each page that is no\n")
	out.printf("emergency sign and does not end the walk early: %s.\n", url.Values(s.g.Encode(plan.answers)).Encode())
	out.printf("Wait: from the click's input event (Event.timeStamp) to the next page's heading painted, visible and not covered (the frame after\n")
	out.printf("requestAnimationFrame saw it; in a new document not before its first contentful paint), or to the result's .outcome. Times\n")
	out.printf("across documents are performance.timeOrigin + performance.now(). %d visits per host, the hosts taking turns; median, min and\n", s.o.runs)
	out.printf("max across visits of each visit's figure (the longest wait is the longest within one visit).\n\n")

	t := &table{header: []string{"walk"}, right: map[int]bool{}}
	for _, h := range s.hosts {
		t.header = append(t.header, h.name+" median", "min", "max")
	}
	for c := 1; c < 1+3*len(s.hosts); c++ {
		t.right[c] = true
	}
	t.header = append(t.header, "goal")
	for _, h := range s.hosts {
		t.header = append(t.header, h.name)
	}
	for _, m := range walkMetrics {
		row := []string{m.name}
		medians := make([]float64, len(s.hosts))
		for hi, h := range s.hosts {
			st := across(results[h.name], m.get)
			medians[hi] = st.median
			row = append(row, m.format(st.median), m.format(st.min), m.format(st.max))
		}
		if m.goal != "" {
			row = append(row, targetCell(m.goal))
			for hi, h := range s.hosts {
				subject := fmt.Sprintf("%s, walk from %s, %s profile, median", h.name, plan.start, p.name)
				row = append(row, v.check(m.goal, subject, medians[hi], m.format(medians[hi])).String())
			}
		}
		t.add(row...)
	}
	out.printf("%s", t)

	// Each step's wait, to see where the waits fall.
	st := &table{header: []string{"wait after the click, per step"}, right: map[int]bool{}}
	for _, h := range s.hosts {
		st.header = append(st.header, h.name+" median", "max", "new document")
	}
	for c := 1; c < len(st.header); c++ {
		st.right[c] = true
	}
	for i := range plan.steps() {
		row := []string{fmt.Sprintf("%d. %s → %s", i+1, stepName(plan, i), stepName(plan, i+1))}
		for _, h := range s.hosts {
			w := summarise(stepWaits(results[h.name], i))
			row = append(row, milliseconds(w.median), milliseconds(w.max), newDocumentShare(results[h.name], i))
		}
		st.add(row...)
	}
	out.printf("\n%s", st)
	for _, n := range walkNotes() {
		out.printf("Note: %s\n", n)
	}
}

// stepName names page i of the walk by its question's id, "check" or
// "result".
func stepName(plan walkPlan, i int) string {
	switch {
	case i >= len(plan.pages):
		return "result"
	case plan.pages[i].question == "":
		return "check"
	}
	return plan.pages[i].question
}

// newDocumentShare says in how many visits step i loaded a new document.
func newDocumentShare(visits []walkVisit, i int) string {
	n, of := 0, 0
	for _, w := range visits {
		if i < len(w.steps) {
			of++
			if w.steps[i].newDocument {
				n++
			}
		}
	}
	return fmt.Sprintf("%d of %d", n, of)
}

// walkNotes say what the walk's tables cannot.
func walkNotes() []string {
	return []string{
		"First answer possible is the page load's answerable, on the walk's first page (see the notes of the load table); first answer accepted includes the " + thinkTime.String() + " the visitor takes.",
		"The clicks are aimed " + aimAhead.String() + " before their moment and stamped with it (Input.dispatchMouseEvent's timestamp), so a page busy at that moment delays them as it would a visitor's; the input delay is that delay.",
		"Each host is reached through a relay that counts what it sends, by request: the times app.wasm crossed the wire are its responses of " + kilobytes(wasmDownload) + " or more. Chromium's own figures undercount a download one page left and another reader of the HTTP cache (the service worker's precache, the next page) carried on, and report nothing for a request its page left.",
	}
}

// printBytes prints what a first visit costs on the wire on each host
// (issue 15, goal 6): app.wasm, and every byte of a cold load and of a walk
// to the result, the service worker's precache included.
func printBytes(out *report, s *session, loaded loads, walks walkResults) {
	out.printf("\n== 1d. Bytes of a first visit (page + service worker's precache), profile %s, medians ==\n\n", goalProfile().name)
	t := &table{header: []string{"first visit"}, right: map[int]bool{}}
	for i, h := range s.hosts {
		t.header = append(t.header, h.name)
		t.right[i+1] = true
	}
	t.header = append(t.header, "goal")
	for _, h := range s.hosts {
		t.header = append(t.header, h.name)
	}
	add := func(name string, format func(float64) string, goal string, get func(h host) float64) {
		row := []string{name}
		values := make([]float64, len(s.hosts))
		for i, h := range s.hosts {
			values[i] = get(h)
			row = append(row, format(values[i]))
		}
		if goal != "" {
			row = append(row, targetCell(goal))
			for i := range s.hosts {
				row = append(row, peek(goal, values[i]).String())
			}
		}
		t.add(row...)
	}
	size := math.NaN()
	if fi, err := os.Stat(filepath.Join(s.o.web, "app.wasm.br")); err == nil {
		size = float64(fi.Size())
	}
	add("app.wasm.br, the file (make size)", megabytes, "", func(host) float64 { return size })
	if loaded != nil {
		coldFigure := func(get func(visit) float64) func(host) float64 {
			return func(h host) float64 {
				var vals []float64
				for _, x := range loaded[h.name][cold] {
					vals = append(vals, get(x))
				}
				return summarise(vals).median
			}
		}
		add("app.wasm on the wire, cold load of "+loadPath+" (as in the load table)", megabytes, "wasm-bytes", coldFigure(func(x visit) float64 { return x.wasmBytes }))
		add("all bytes, cold load of "+loadPath, kilobytes, "", coldFigure(func(x visit) float64 { return x.pageBytes + x.workerBytes }))
		add("  of which the service worker's", kilobytes, "", coldFigure(func(x visit) float64 { return x.workerBytes }))
	}
	if walks != nil {
		walkFigure := func(get func(walkVisit) float64) func(host) float64 {
			return func(h host) float64 { return across(walks[h.name], get).median }
		}
		add("all bytes the host sent, walk to a result", kilobytes, "", walkFigure(walkVisit.bytes))
		add("  of which app.wasm", megabytes, "", walkFigure(walkVisit.wasmBytes))
		add("all bytes Chromium reports, walk to a result", kilobytes, "", walkFigure(walkVisit.reported))
		add("  of which the service worker's", kilobytes, "", walkFigure(func(w walkVisit) float64 { return w.worker.total }))
	}
	out.printf("%s", t)
	out.printf("Note: Chromium's bytes are encodedDataLength (headers and body as received); the host's are what the relay passed on. The wasm-bytes goal is marked in the load table; here it is repeated, not counted again in the verdict.\n")
}

// milliseconds formats milliseconds, such as 84 ms; NaN is "–".
func milliseconds(ms float64) string {
	if math.IsNaN(ms) {
		return "–"
	}
	return fmt.Sprintf("%.0f ms", ms)
}
