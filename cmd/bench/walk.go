package main

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// walkScript records the walk's moments in every document; see walk.js.
//
//go:embed walk.js
var walkScript string

// thinkTime is how long the visitor of a walk takes over each page once it
// is usable: a page every 3 s (issue 15, goal 1).
const thinkTime = 3 * time.Second

// stepLimit bounds each step of a walk: from waiting for a page to be
// usable to the next page painted.
const stepLimit = 90 * time.Second

// firstDocScript wraps marks.js so that it runs in a tab's first document
// only, where it records when the first page was readable and answerable
// as the page load benchmark does; later documents have other headings.
func firstDocScript(title string) string {
	return `(() => {
  try {
    if (sessionStorage.getItem("bench-walk-first")) return;
    sessionStorage.setItem("bench-walk-first", "1");
  } catch (err) {
    return;
  }
` + marksFor(title) + "\n})();\n"
}

// walkBench walks from the first question to the result on each host, on
// the slow profile, o.runs cold visits per host with the hosts taking
// turns, as a visitor who answers a page every thinkTime.
func walkBench(ctx context.Context, s *session, out *report, v *verdicts) (walkResults, error) {
	plan, err := planWalk(s.g)
	if err != nil {
		return nil, err
	}
	p := goalProfile()
	script := walkScript + "\n" + firstDocScript(plan.pages[0].heading)
	// Each host behind a relay that counts what it sends.
	relays := map[string]*wire{}
	for _, h := range s.hosts {
		r, err := startWire(ctx, strings.TrimPrefix(h.base, "http://"))
		if err != nil {
			return nil, err
		}
		defer r.stop()
		relays[h.name] = r
	}
	results := walkResults{}
	for i := range s.o.runs {
		for _, h := range s.hosts {
			progress("walk %s, %s: visit %d of %d", p.name, h.name, i+1, s.o.runs)
			w, err := s.walk(ctx, plan, p, h, relays[h.name], script)
			if err != nil && ctx.Err() == nil {
				progress("walk %s, %s: visit %d failed, trying once more: %v", p.name, h.name, i+1, err)
				w, err = s.walk(ctx, plan, p, h, relays[h.name], script)
			}
			if err != nil {
				return nil, fmt.Errorf("%s, visit %d: %w", h.name, i+1, err)
			}
			if s.o.verbose {
				for _, st := range w.steps {
					progress("  %q: usable+%.0f late %.0f wait %.0f new document %v", st.from, st.usable-w.start, st.late(), st.wait(), st.newDocument)
				}
			}
			results[h.name] = append(results[h.name], w)
		}
	}
	printWalk(out, v, s, plan, p, results)
	return results, nil
}

// goalProfile is the profile whose figures are held against the goals.
func goalProfile() profile {
	for _, p := range profiles {
		if p.goals {
			return p
		}
	}
	return profiles[0]
}

// walk makes one cold visit of host h, through the relay r, in a fresh
// browser context that answers every page of plan, then waits for the
// service worker to be active and counts the bytes of the whole visit.
func (s *session) walk(ctx context.Context, plan walkPlan, p profile, h host, r *wire, script string) (walkVisit, error) {
	limit := time.Duration(plan.steps()+3) * stepLimit
	t, closeTab, err := openTab(ctx, s.bctx, s.ws, script, p, limit, s.o.verbose)
	if err != nil {
		return walkVisit{}, err
	}
	defer closeTab()
	cut := newCutoffs()
	if err := chromedp.Listen(t.ctx, cut.event); err != nil {
		return walkVisit{}, err
	}
	r.take()
	if err := startNavigation(t.ctx, r.base()+plan.start); err != nil {
		return walkVisit{}, err
	}
	w := walkVisit{}
	for i, pg := range plan.pages {
		st, err := s.step(t.ctx, plan, i, &w)
		if err != nil {
			return w, fmt.Errorf("step %d of %d (%s): %w", i+1, plan.steps(), describePage(pg), err)
		}
		w.steps = append(w.steps, st)
	}

	// The whole visit's bytes include the service worker's precache: wait
	// until it is active.
	wctx, cancel := context.WithTimeout(t.ctx, stepLimit)
	defer cancel()
	if _, err := chromedp.Run(wctx, chromedp.Evaluate[bool](workerActiveJS, chromedp.EvalAwaitPromise)); err != nil {
		return w, fmt.Errorf("waiting for the service worker after the result: %w", err)
	}
	if err := t.workers.check(); err != nil {
		return w, err
	}
	w.page, w.worker, w.cut, w.sent = t.page.sum(cold), t.workers.log.sum(cold), cut.sum(), r.take()
	if s.o.verbose {
		t.page.dump("page", cold)
		t.workers.log.dump("worker", cold)
		cut.dump()
	}
	return w, nil
}

// workerActiveJS resolves once the page's service worker is activated.
const workerActiveJS = `navigator.serviceWorker.ready.then((r) => new Promise((resolve) => {
	const w = r.active;
	if (w.state === "activated") return resolve(true);
	w.addEventListener("statechange", () => w.state === "activated" && resolve(true));
}))`

// describePage names a page of the walk in an error.
func describePage(pg walkPage) string {
	if pg.question == "" {
		return fmt.Sprintf("the check page %q", pg.heading)
	}
	return fmt.Sprintf("question %s, ticking %s", pg.question, pg.option)
}

// step answers page i of plan: it waits until the page is usable, then
// until thinkTime has passed, ticks the page's option and clicks Continue
// (the check page's button on the check page) with the mouse, and waits
// for the next page painted. On the first page it also reads marks.js's
// marks into w.
func (s *session) step(ctx context.Context, plan walkPlan, i int, w *walkVisit) (walkStep, error) {
	ctx, cancel := context.WithTimeout(ctx, stepLimit)
	defer cancel()
	pg := plan.pages[i]
	st, err := poll(ctx, pg.heading, stepLimit, func(st pageState) bool { return st.Usable >= 0 })
	if err != nil {
		return walkStep{}, fmt.Errorf("waiting for the page to be usable: %w", err)
	}
	offset := pageTimeOffset(st, time.Now())
	step := walkStep{from: pg.heading, to: plan.next(i), usable: st.Usable, planned: st.Usable + float64(thinkTime.Milliseconds())}
	if i == 0 {
		w.start = st.Doc
		if w.first, err = firstMarks(ctx); err != nil {
			return step, err
		}
	}
	next, retried, err := answerAndWait(ctx, plan, pg, st, step.planned, offset)
	if err != nil {
		return step, err
	}
	step.click, step.delay, step.painted, step.newDocument, step.retried = next.Click.T, next.Click.Delay, next.Shown, next.Doc != st.Doc, retried
	if i == 0 && !step.newDocument && math.IsNaN(w.first.answerable) {
		// On a static host a first answer may wait for the app or for
		// guide.js's own navigation, which come later in the same
		// document: read the marks again.
		if m, err := firstMarks(ctx); err == nil {
			w.first = m
		}
	}
	return step, nil
}

// missAfter is how long after a planned click the page may still show the
// same question with its option unticked, not waiting for the app, before
// the benchmark takes the click as missed.
const missAfter = 5 * time.Second

// answerAndWait answers page pg, shown as st, at planned (answerAt), and
// waits for the next page painted. Clicks that could not be aimed (not on
// screen together, or covered), and a click that missed (the option not
// ticked, or the error summary of Continue with nothing chosen: the page
// moved under the mouse; made again once), are made with answer instead,
// and the wait then counts from that click; retried says so.
func answerAndWait(ctx context.Context, plan walkPlan, pg walkPage, st pageState, planned, offset float64) (next pageState, retried bool, err error) {
	to := plan.next(plan.index(pg))
	ticked, aimed, err := answerAt(ctx, plan, pg, planned, offset)
	if err != nil {
		return st, false, fmt.Errorf("answering: %w", err)
	}
	since := st.Usable
	for try := 0; ; try++ {
		if !aimed || try > 0 {
			retried = true
			since = st.Now
			if now, err := poll(ctx, pg.heading, 5*time.Second, func(pageState) bool { return true }); err == nil {
				since = now.Now
			}
			if err := answer(ctx, plan, pg); err != nil {
				state, _ := poll(ctx, pg.heading, 5*time.Second, func(pageState) bool { return true })
				return state, retried, fmt.Errorf("%w; the page: %s", err, state)
			}
		}
		missed := false
		next, err = poll(ctx, to, stepLimit, func(n pageState) bool {
			if n.Shown >= 0 && n.Click != nil && n.Click.T >= since {
				return true
			}
			if n.Heading == pg.heading && (n.Error || (ticked != "" && !n.Pending && !slices.Contains(n.Checked, ticked) && n.Now-planned > float64(missAfter.Milliseconds()))) {
				missed = true
				return true
			}
			return false
		})
		if err != nil {
			return next, retried, fmt.Errorf("waiting for %s after the click: %w", nextName(to), err)
		}
		if !missed {
			return next, retried, nil
		}
		if try == 1 {
			return next, retried, fmt.Errorf("the click missed twice; the page: %s", next)
		}
		st = next
	}
}

// nextName names what a step waits for in an error.
func nextName(heading string) string {
	if heading == "" {
		return "the result's outcome (.outcome)"
	}
	return fmt.Sprintf("the next page's heading %q", heading)
}

// firstMarks reads marks.js's marks of the tab's first document, with
// whether the page is on a static host, once they say when the first
// option and Continue were on screen (within 5 s).
func firstMarks(ctx context.Context) (visit, error) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		m, err := chromedp.Run(ctx, chromedp.Evaluate[*marks](`window.__bench ? Object.assign({}, window.__bench, {
			static: !!document.querySelector('meta[name="guide-hosting"][content="static"]'),
			controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
		}) : null`))
		switch {
		case err != nil:
			return visit{}, fmt.Errorf("reading the first page's marks: %w", err)
		case m == nil:
			return visit{}, fmt.Errorf("marks.js did not run in the first page")
		case m.Controls >= 0 || time.Now().After(deadline):
			return m.visit(), nil
		}
		time.Sleep(pollEvery)
	}
}
