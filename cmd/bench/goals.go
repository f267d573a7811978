package main

import (
	"fmt"
	"math"
	"strings"
)

// goal is one target of issue 15 ("Fast on every host") that the benchmark
// measures. Every table prints a goal's target and mark from here, and the
// verdict at the end lists every mark recorded against each goal: there is
// no second copy of a target anywhere.
type goal struct {
	key    string // how the measuring code names it
	issue  string // the goal's number in the issue
	what   string
	target string
	met    func(v float64) bool
}

// goals is the one table of targets.
var goals = []goal{
	{"readable", "1", "slow profile: /q/pain readable (heading painted, not covered)", "≤ 1.00 s", atMost(1000)},
	{"answerable", "1", "slow profile: first answer possible (option + Continue work)", "≤ 1.50 s", atMost(1500)},
	{"wasm-once", "1", "app.wasm downloads on a cold visit", "1", equal(1)},
	{"wasm-repeat", "1", "app.wasm downloads on a repeat visit (service worker)", "0", equal(0)},
	{"walk-wait", "1", "slow profile, answering a page every 3 s: longest wait after a click, first question to result", "≤ 1.00 s", atMost(1000)},
	{"walk-wasm", "1", "app.wasm downloads over that whole visit (page + service worker)", "1", equal(1)},
	{"lighthouse-perf", "2", "Lighthouse 12 mobile performance", "≥ 0.95", atLeast(0.95)},
	{"lighthouse-100", "2", "Lighthouse 12 accessibility, best practices, SEO (lowest)", "= 1.00", atLeast(1)},
	{"tbt", "2", "Lighthouse 12 Total Blocking Time", "≤ 200 ms", atMost(200)},
	{"step", "3", "app running, CPU 4×: Continue to the next question painted, median", "≤ 50 ms", atMost(50)},
	{"ratio", "4", "Go server requests/s ÷ nginx's, same URL and load", "≥ 0.80×", atLeast(0.8)},
	{"p99-ratio", "4", "Go server p99 ÷ nginx's p99", "≤ 2.0×", atMost(2)},
	{"errors", "4", "Go server errors under load", "0", equal(0)},
	{"result-rps", "5", "result page rendered from answers, 64 connections", "≥ 2,000 req/s", atLeast(2000)},
	{"question-rps", "5", "question page with answers, 64 connections", "≥ 5,000 req/s", atLeast(5000)},
	{"answers-p99", "5", "p99 of pages rendered from answers, 64 connections", "≤ 100 ms", atMost(100)},
	{"memory", "5", "Go server memory growth over the whole wrk run", "< 20 MB", below(20e6)},
	{"wasm-bytes", "6", "app.wasm on the wire (brotli)", "≤ 1.50 MB", atMost(1.5e6)},
}

func atMost(limit float64) func(float64) bool  { return func(v float64) bool { return v <= limit } }
func atLeast(limit float64) func(float64) bool { return func(v float64) bool { return v >= limit } }
func below(limit float64) func(float64) bool   { return func(v float64) bool { return v < limit } }
func equal(want float64) func(float64) bool    { return func(v float64) bool { return v == want } }

// goalOf returns the goal called key; a key missing from the table is a
// mistake in the benchmark itself.
func goalOf(key string) goal {
	for _, g := range goals {
		if g.key == key {
			return g
		}
	}
	panic("bench: no goal " + key)
}

// mark is one measured figure held against a goal.
type mark struct {
	goal    goal
	subject string // what was measured, such as "Go server, /q/pain, 64 conns"
	figure  string // the figure as printed
	ok      bool
	missing bool // the figure was not measured (NaN)
}

func (m mark) String() string {
	switch {
	case m.missing:
		return "?"
	case m.ok:
		return "met"
	}
	return "MISSED"
}

// peek holds value against the goal called key without recording the mark,
// for a figure a table repeats that is marked elsewhere.
func peek(key string, value float64) mark {
	m := mark{goal: goalOf(key), missing: math.IsNaN(value)}
	m.ok = !m.missing && m.goal.met(value)
	return m
}

// verdicts collects the marks of one run.
type verdicts struct {
	marks []mark
}

// check holds value against the goal called key, records the mark and
// returns it for the table being printed.
func (v *verdicts) check(key, subject string, value float64, figure string) mark {
	g := goalOf(key)
	m := mark{goal: g, subject: subject, figure: figure, missing: math.IsNaN(value)}
	m.ok = !m.missing && g.met(value)
	v.marks = append(v.marks, m)
	return m
}

// print writes the verdict: each goal with every figure measured against
// it, in the order of the goals table.
func (v *verdicts) print(out *report) {
	out.printf("\n== Goals (issue 15): target, figure, mark ==\n")
	t := &table{header: []string{"goal", "what", "target", "measured", "figure", "mark"}}
	met, missed := 0, 0
	for _, g := range goals {
		first := true
		for _, m := range v.marks {
			if m.goal.key != g.key {
				continue
			}
			what, target := "", ""
			if first {
				what, target = g.what, g.target
				first = false
			}
			t.add(g.issue, what, target, m.subject, m.figure, m.String())
			if m.ok {
				met++
			} else {
				missed++
			}
		}
		if first {
			t.add(g.issue, g.what, g.target, "(not measured in this run)", "", "")
		}
	}
	out.printf("\n%s", t)
	out.printf("%d figures met their goal, %d did not (MISSED, or ? when not measured).\n", met, missed)
}

// targetCell is what a table prints in its target column for key.
func targetCell(key string) string { return goalOf(key).target }

// thousands formats n with a comma between thousands, as the goals do.
func thousands(n float64) string {
	s := fmt.Sprintf("%.0f", n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
