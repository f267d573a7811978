package main

import (
	"math"
	"slices"
)

// walkStep is one Continue of a walk (or the check page's button): times
// in milliseconds since the Unix epoch, as walk.js counts them.
type walkStep struct {
	from, to string // the headings of the page answered and of the next ("" for the result)
	// usable is when the page answered was painted with its controls
	// usable; planned when the visitor meant to click (usable + think
	// time); click the Continue click's event time; painted when the next
	// page's heading (or the outcome) was painted and visible.
	usable, planned, click, painted float64
	// delay is the click's input delay: from its event time to the page's
	// first listener, the time a busy page kept it waiting.
	delay       float64
	newDocument bool // the next page was a new document
	retried     bool // the clicks were not made as planned: made again, or unaimed
}

// wait is how long the visitor waited: from the click to the next page
// painted.
func (s walkStep) wait() float64 { return s.painted - s.click }

// late is how far the click's event time is from the planned moment: about
// zero, since the clicks are stamped with it, unless the click was made
// again (retried).
func (s walkStep) late() float64 { return s.click - s.planned }

// walkVisit is one cold visit that walks from the first question to the
// result.
type walkVisit struct {
	// start is when the navigation to the first page started (its
	// document's time origin), in milliseconds since the Unix epoch.
	start float64
	// first holds the first page's marks (marks.js): readable, controls,
	// wasm, staticNav, and when a first answer was possible.
	first visit
	steps []walkStep
	// sent is what the host sent over the whole visit, counted by the
	// relay in front of it.
	sent hostSent
	// page and worker are what Chromium reports the page and its service
	// worker received from the network over the whole visit (finished
	// requests); cut is what requests cut off by a new document had
	// received.
	page, worker traffic
	cut          cutoff
}

// The figures of one walk, in milliseconds since its navigation started
// unless said otherwise.

// firstPossible is when a first answer was possible on the first page.
func (w walkVisit) firstPossible() float64 { return w.first.answerable }

// firstAccepted is when the first Continue was honoured: its click plus
// its wait, which is when the second page was painted.
func (w walkVisit) firstAccepted() float64 {
	if len(w.steps) == 0 {
		return math.NaN()
	}
	return w.steps[0].painted - w.start
}

// waits are the walk's waits after each click, in order.
func (w walkVisit) waits() []float64 {
	out := make([]float64, len(w.steps))
	for i, s := range w.steps {
		out[i] = s.wait()
	}
	return out
}

// medianWait is the median of the walk's waits.
func (w walkVisit) medianWait() float64 { return summarise(w.waits()).median }

// maxWait is the longest wait of the walk.
func (w walkVisit) maxWait() float64 { return summarise(w.waits()).max }

// maxDelay is the longest input delay of the walk's clicks.
func (w walkVisit) maxDelay() float64 {
	d := make([]float64, len(w.steps))
	for i, s := range w.steps {
		d[i] = s.delay
	}
	return summarise(d).max
}

// retries counts the steps whose clicks were not made as planned.
func (w walkVisit) retries() float64 {
	n := 0
	for _, s := range w.steps {
		if s.retried {
			n++
		}
	}
	return float64(n)
}

// result is when the result's outcome was painted.
func (w walkVisit) result() float64 {
	if len(w.steps) == 0 {
		return math.NaN()
	}
	return w.steps[len(w.steps)-1].painted - w.start
}

// wasmDownloads counts the times app.wasm crossed the wire over the visit:
// the responses for it with at least wasmDownload bytes that the host sent.
func (w walkVisit) wasmDownloads() float64 { return float64(w.sent.wasmBodies) }

// reportedWasmDownloads counts app.wasm's downloads as Chromium reports
// them (netlog's count for the page and the service worker, and the
// page's requests a new document cut off after wasmDownload bytes).
func (w walkVisit) reportedWasmDownloads() float64 {
	return float64(w.page.wasmDownloads + w.worker.wasmDownloads + w.cut.wasmCut)
}

// wasmBytes is app.wasm's bytes the host sent over the visit.
func (w walkVisit) wasmBytes() float64 { return w.sent.wasm }

// bytes is every byte the host sent over the visit, to the pages and the
// service worker.
func (w walkVisit) bytes() float64 { return w.sent.total }

// reported is every byte Chromium reports the visit received: the page's,
// the service worker's, and those of requests cut off.
func (w walkVisit) reported() float64 { return w.page.total + w.worker.total + w.cut.bytes }

// newDocuments counts the steps that loaded a new document.
func (w walkVisit) newDocuments() float64 {
	n := 0
	for _, s := range w.steps {
		if s.newDocument {
			n++
		}
	}
	return float64(n)
}

// walkResults holds each host's walks, by host name.
type walkResults map[string][]walkVisit

// across returns the summary over visits of one figure of each visit: the
// median across visits of a figure that is itself, say, the longest wait
// within one visit.
func across(visits []walkVisit, figure func(walkVisit) float64) stats {
	vals := make([]float64, len(visits))
	for i, w := range visits {
		vals[i] = figure(w)
	}
	return summarise(vals)
}

// stepWaits returns the waits of every visit's step i, for the per-step
// table; steps a visit does not have are left out.
func stepWaits(visits []walkVisit, i int) []float64 {
	var out []float64
	for _, w := range visits {
		if i < len(w.steps) {
			out = append(out, w.steps[i].wait())
		}
	}
	return slices.Clip(out)
}
