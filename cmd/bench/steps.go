package main

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/chromedp/chromedp"
)

// appProfile is the in-app steps' profile: the page's CPU slowed 4× as on
// the slow profile, the network not throttled, so that only the app's own
// work is timed.
var appProfile = profile{name: "CPU 4×, network not throttled", latencyMS: 0, down: -1, up: -1, cpu: 4}

// stepSettle is how long the in-app steps wait after a page is usable
// before answering it, so that the app's work after a page change (focus,
// title) is not timed with the next click. The first page waits
// thinkTime after the app runs, as a visitor reads it, so that the app's
// start is not timed either.
const stepSettle = 500 * time.Millisecond

// appStep is one in-app step: from a Continue click to the next page
// painted, in milliseconds, with Chromium's own Event Timing duration of
// that click when it reported one.
type appStep struct {
	from, to    string
	ms          float64
	inDOM       float64 // from the click to the next heading in the document
	eventTiming float64 // NaN when Chromium reported no entry (under 16 ms)
}

// stepBench times the app's own steps on the Go server: in one tab, each
// walk loads the first question, waits for the app to run, then answers
// every page of the walk as planWalk chooses.
func stepBench(ctx context.Context, s *session, out *report, v *verdicts) error {
	plan, err := planWalk(s.g)
	if err != nil {
		return err
	}
	walks := max(s.o.runs, 3)
	if s.o.quick {
		walks = 2
	}
	limit := time.Duration(walks*(plan.steps()+2)) * stepLimit
	t, closeTab, err := openTab(ctx, s.bctx, s.ws, walkScript, appProfile, limit, s.o.verbose)
	if err != nil {
		return err
	}
	defer closeTab()
	var steps []appStep
	for i := range walks {
		progress("in-app steps, %s: walk %d of %d", s.goHost().name, i+1, walks)
		got, err := appWalk(t.ctx, s.goHost().base, plan)
		if err != nil {
			return fmt.Errorf("walk %d: %w", i+1, err)
		}
		if s.o.verbose {
			for _, st := range got {
				progress("  %s → %s: %.1f ms (in the document at %.1f ms), Event Timing %.0f ms", st.from, st.to, st.ms, st.inDOM, st.eventTiming)
			}
		}
		steps = append(steps, got...)
	}
	printSteps(out, v, s, plan, walks, steps)
	return nil
}

// appWalk loads the first question, waits for the app to run, and answers
// every page of plan; each step must stay in the document.
func appWalk(ctx context.Context, base string, plan walkPlan) ([]appStep, error) {
	if err := startNavigation(ctx, base+plan.start); err != nil {
		return nil, err
	}
	first, err := poll(ctx, plan.pages[0].heading, stepLimit, func(st pageState) bool {
		return st.App == "running" && st.Usable >= 0 && st.Ready == "complete"
	})
	if err != nil {
		return nil, fmt.Errorf("waiting for the app to run: %w", err)
	}
	var steps []appStep
	for i, pg := range plan.pages {
		st, err := poll(ctx, pg.heading, stepLimit, func(st pageState) bool { return st.Usable >= 0 })
		if err != nil {
			return nil, fmt.Errorf("step %d (%s): waiting for the page: %w", i+1, describePage(pg), err)
		}
		if st.Doc != first.Doc {
			return nil, fmt.Errorf("step %d (%s): a new document was loaded; the app should have handled the step: %s", i+1, describePage(pg), st)
		}
		planned := st.Usable + float64(stepSettle.Milliseconds())
		if i == 0 {
			planned = max(planned, first.Now+float64(thinkTime.Milliseconds()))
		}
		next, _, err := answerAndWait(ctx, plan, pg, st, planned, pageTimeOffset(st, time.Now()))
		if err != nil {
			return nil, fmt.Errorf("step %d (%s): %w", i+1, describePage(pg), err)
		}
		if next.Doc != first.Doc {
			return nil, fmt.Errorf("step %d (%s): the click loaded a new document; the app should have handled it: %s", i+1, describePage(pg), next)
		}
		et, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`(() => {
			const e = window.__walk.events.find((e) => Math.abs(e.start - %f) < 1);
			return e ? e.duration : -1;
		})()`, next.Click.T)))
		if err != nil {
			return nil, fmt.Errorf("step %d: reading Event Timing: %w", i+1, err)
		}
		steps = append(steps, appStep{from: stepName(plan, i), to: stepName(plan, i+1), ms: next.Shown - next.Click.T, inDOM: ms(next.InDOM) - next.Click.T, eventTiming: ms(et)})
	}
	return steps, nil
}

// printSteps prints the in-app steps: Continue to the next question (the
// check page after the last one), and the check page's button to the
// result apart, since the goal is about questions.
func printSteps(out *report, v *verdicts, s *session, plan walkPlan, walks int, steps []appStep) {
	out.printf("\n== 1c. In-app steps: %s, %s ==\n", s.goHost().name, appProfile.name)
	out.printf("%d walks in one tab, each from %s once the app runs (<html data-app=\"running\">; the first click %s after that),\n", walks, plan.start, thinkTime)
	out.printf("answering every page as the walk above, %s after each page is usable. Step: from the click's input event (Event.timeStamp,\n", stepSettle)
	out.printf("a capturing listener) to the next page's heading painted: the requestAnimationFrame that first sees it visible, plus one\n")
	out.printf("more frame. The time until that heading is in the document (a MutationObserver) tells the app's own work from the frames\n")
	out.printf("that paint it. Chromium's Event Timing (PerformanceObserver 'event', durationThreshold 16 ms) is a cross-check only: it\n")
	out.printf("times the click to the next paint after its handlers, which is not yet the next page, and reports nothing under 16 ms.\n\n")
	var questions, dom, result, et []float64
	reported := 0
	for _, st := range steps {
		if st.to == "result" {
			result = append(result, st.ms)
			continue
		}
		questions = append(questions, st.ms)
		dom = append(dom, st.inDOM)
		if !math.IsNaN(st.eventTiming) {
			reported++
			et = append(et, st.eventTiming)
		}
	}
	q, d, r, e := summarise(questions), summarise(dom), summarise(result), summarise(et)
	t := &table{header: []string{"in-app step", "n", "median", "min", "max", "goal", s.goHost().name}, right: map[int]bool{1: true, 2: true, 3: true, 4: true}}
	t.add("Continue → next page painted (rAF + 1 frame)", fmt.Sprint(q.n), millis1(q.median), millis1(q.min), millis1(q.max),
		targetCell("step"), v.check("step", fmt.Sprintf("%s, %s, median of %d steps", s.goHost().name, appProfile.name, q.n), q.median, millis1(q.median)).String())
	t.add("  of which until the heading is in the document", fmt.Sprint(d.n), millis1(d.median), millis1(d.min), millis1(d.max), "", "")
	t.add("  Event Timing of those clicks (entries ≥ 16 ms)", fmt.Sprintf("%d of %d", reported, len(questions)), millis1(e.median), millis1(e.min), millis1(e.max), "", "")
	t.add("check page's button → result painted", fmt.Sprint(r.n), millis1(r.median), millis1(r.min), millis1(r.max), "", "")
	out.printf("%s", t)

	// Each step's median, to see which page costs most.
	per := &table{header: []string{"step", "median", "max"}, right: map[int]bool{1: true, 2: true}}
	for i := range plan.steps() {
		from, to := stepName(plan, i), stepName(plan, i+1)
		var vals []float64
		for _, st := range steps {
			if st.from == from && st.to == to {
				vals = append(vals, st.ms)
			}
		}
		sm := summarise(vals)
		per.add(fmt.Sprintf("%s → %s", from, to), millis1(sm.median), millis1(sm.max))
	}
	out.printf("\n%s", per)
}

// millis1 formats milliseconds with one decimal, such as 42.5 ms.
func millis1(ms float64) string {
	if math.IsNaN(ms) {
		return "–"
	}
	return fmt.Sprintf("%.1f ms", ms)
}
