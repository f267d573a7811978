package main

import (
	"math"
	"testing"
)

// steps builds a walk's steps from (click, painted) pairs, in ms since the
// epoch.
func steps(pairs ...[2]float64) []walkStep {
	var out []walkStep
	for _, p := range pairs {
		out = append(out, walkStep{click: p[0], painted: p[1]})
	}
	return out
}

func TestWalkVisit_Figures(t *testing.T) {
	tests := []struct {
		name                       string
		w                          walkVisit
		accepted, median, max, end float64
	}{
		{
			name:     "three steps",
			w:        walkVisit{start: 1000, steps: steps([2]float64{5000, 5300}, [2]float64{9000, 9100}, [2]float64{13000, 15000})},
			accepted: 4300, median: 300, max: 2000, end: 14000,
		},
		{
			name:     "an even number of waits: the mean of the middle two",
			w:        walkVisit{start: 0, steps: steps([2]float64{100, 200}, [2]float64{300, 700})},
			accepted: 200, median: 250, max: 400, end: 700,
		},
		{
			name:     "no steps",
			w:        walkVisit{start: 0},
			accepted: math.NaN(), median: math.NaN(), max: math.NaN(), end: math.NaN(),
		},
	}
	same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []float64{tt.w.firstAccepted(), tt.w.medianWait(), tt.w.maxWait(), tt.w.result()}
			want := []float64{tt.accepted, tt.median, tt.max, tt.end}
			for i, name := range []string{"first accepted", "median wait", "longest wait", "result"} {
				if !same(got[i], want[i]) {
					t.Errorf("%s: got %v, want %v", name, got[i], want[i])
				}
			}
		})
	}
}

// TestAcross checks that a figure of each visit, such as its longest wait,
// is summarised across visits: the median of the visits' maxima, not the
// longest wait of all visits.
func TestAcross(t *testing.T) {
	visits := []walkVisit{
		{steps: steps([2]float64{0, 100}, [2]float64{0, 5000})}, // longest 5000
		{steps: steps([2]float64{0, 300}, [2]float64{0, 200})},  // longest 300
		{steps: steps([2]float64{0, 400})},                      // longest 400
	}
	tests := []struct {
		name              string
		figure            func(walkVisit) float64
		median, min, max  float64
		wantN             int
		stepI             int
		stepMedian, stepN float64
	}{
		{"longest wait", walkVisit.maxWait, 400, 300, 5000, 3, 1, 2600, 2},
		{"median wait", walkVisit.medianWait, 400, 250, 2550, 3, 0, 300, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := across(visits, tt.figure)
			if s.median != tt.median || s.min != tt.min || s.max != tt.max || s.n != tt.wantN {
				t.Errorf("got %+v, want median %v, min %v, max %v over %d", s, tt.median, tt.min, tt.max, tt.wantN)
			}
			w := stepWaits(visits, tt.stepI)
			if sw := summarise(w); sw.median != tt.stepMedian || float64(sw.n) != tt.stepN {
				t.Errorf("step %d: got %+v, want median %v over %v visits", tt.stepI, sw, tt.stepMedian, tt.stepN)
			}
		})
	}
}

func TestAnswerable(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name                  string
		controls              float64
		static                bool
		wasm, staticNav, want float64
	}{
		{"Go server: the controls", 1200, false, 9000, nan, 1200},
		{"static host, Continue waits for the app", 1200, true, 9000, nan, 9000},
		{"static host with its own navigation", 1200, true, 9000, 800, 1200},
		{"static host, navigation on after the controls", 1200, true, 9000, 1500, 1500},
		{"static host, the app first", 1200, true, 2000, 3000, 2000},
		{"static host, neither yet", 1200, true, nan, nan, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := answerable(tt.controls, tt.static, tt.wasm, tt.staticNav)
			if got != tt.want && !(math.IsNaN(got) && math.IsNaN(tt.want)) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWalkVisit_Wasm checks how a walk's app.wasm transfers are counted:
// by the host, and as Chromium reports them.
func TestWalkVisit_Wasm(t *testing.T) {
	tests := []struct {
		name           string
		w              walkVisit
		host, reported float64
	}{
		{"one download by the page", walkVisit{sent: hostSent{wasmBodies: 1}, page: traffic{wasmDownloads: 1}}, 1, 1},
		{"left by a page, carried on by the worker's precache", walkVisit{sent: hostSent{wasmBodies: 1}, cut: cutoff{wasmCut: 1}}, 1, 1},
		{"left before 100 kB, finished through the cache", walkVisit{sent: hostSent{wasmBodies: 1}}, 1, 0},
		{"downloaded again by the next page", walkVisit{sent: hostSent{wasmBodies: 2}, page: traffic{wasmDownloads: 1}, cut: cutoff{wasmCut: 1}}, 2, 2},
		{"page and worker each", walkVisit{sent: hostSent{wasmBodies: 2}, page: traffic{wasmDownloads: 1}, worker: traffic{wasmDownloads: 1}}, 2, 2},
	}
	for _, tt := range tests {
		if got := tt.w.wasmDownloads(); got != tt.host {
			t.Errorf("%s: host count %v, want %v", tt.name, got, tt.host)
		}
		if got := tt.w.reportedWasmDownloads(); got != tt.reported {
			t.Errorf("%s: Chromium's count %v, want %v", tt.name, got, tt.reported)
		}
	}
}
