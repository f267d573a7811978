package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// aimAhead is how long before the planned click the benchmark looks where
// to click: close enough that the page no longer moves, early enough that
// the clicks themselves need nothing from the page.
const aimAhead = 400 * time.Millisecond

// answerTargets are the JavaScript expressions of what answering pg
// clicks, in order: the option's label (unless its box is ticked already)
// and Continue, or the check page's button; with the option's name=value
// as walk.js lists it among the ticked, or "".
func answerTargets(ctx context.Context, plan walkPlan, pg walkPage) (exprs []string, ticked string, err error) {
	if pg.question == "" {
		label, _ := json.Marshal(plan.checkButton)
		return []string{fmt.Sprintf(`[...document.querySelectorAll("main a, main button")].find((e) => e.textContent.trim() === %s)`, label)}, "", nil
	}
	input := optionInput(pg)
	on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(`+input+` || {}).checked`))
	if err != nil {
		return nil, "", fmt.Errorf("reading option %s: %w", pg.option, err)
	}
	button := `document.querySelector('main form button[type="submit"]')`
	ticked = pg.question + "=" + pg.option
	if on {
		return []string{button}, ticked, nil
	}
	// A click on the label ticks the box, as a visitor's finger would.
	return []string{`((i) => i && (i.labels[0] || i))(` + input + `)`, button}, ticked, nil
}

// optionInput is the JavaScript expression of pg's option's input.
func optionInput(pg walkPage) string {
	q, _ := json.Marshal(pg.question)
	o, _ := json.Marshal(pg.option)
	return fmt.Sprintf(`document.querySelector('main form input[name="' + CSS.escape(%s) + '"][value="' + CSS.escape(%s) + '"]')`, q, o)
}

// aimJS scrolls so that the elements %s (an array) are in the middle of
// the screen together, and returns where a click reaches each one (a
// label's click may land on its input).
const aimJS = `((els) => {
	if (els.some((el) => !el)) return { found: false };
	const rects = els.map((el) => el.getBoundingClientRect());
	const top = Math.min(...rects.map((r) => r.top)), bottom = Math.max(...rects.map((r) => r.bottom));
	window.scrollBy({ top: (top + bottom) / 2 - innerHeight / 2, behavior: "instant" });
	const targets = els.map((el) => {
		const r = el.getBoundingClientRect();
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		const hit = document.elementFromPoint(x, y);
		const hits = !!hit && (hit === el || el.contains(hit) || (!!el.control && hit === el.control));
		return { found: true, x, y, hits, hit: hits || !hit ? "" : hit.outerHTML.slice(0, 120) };
	});
	return { found: true, targets };
})([%s])`

// aim is where answering clicks.
type aim struct {
	Found   bool          `json:"found"`
	Targets []clickTarget `json:"targets"`
}

// answerAt answers pg as a visitor who clicks at planned (milliseconds
// since the epoch on the page's clock, offset from ours): it looks where
// to click aimAhead before, then clicks each target with the mouse, every
// input event stamped with planned. A busy page handles the clicks later,
// as it would a visitor's, and the wait then counts from planned. It
// returns the option as walk.js lists it among the ticked ("" on the check
// page), and false when the targets were not all on screen and clear, so
// that the caller answers with answer instead.
func answerAt(ctx context.Context, plan walkPlan, pg walkPage, planned, offset float64) (string, bool, error) {
	if err := sleepUntil(ctx, planned-float64(aimAhead.Milliseconds()), offset); err != nil {
		return "", false, err
	}
	exprs, ticked, err := answerTargets(ctx, plan, pg)
	if err != nil {
		return "", false, err
	}
	a, err := chromedp.Run(ctx, chromedp.Evaluate[aim](fmt.Sprintf(aimJS, strings.Join(exprs, ", "))))
	if err != nil {
		return "", false, fmt.Errorf("aiming: %w", err)
	}
	if !a.Found {
		return ticked, false, nil
	}
	for _, tg := range a.Targets {
		if !tg.Hits {
			return ticked, false, nil
		}
	}
	if err := sleepUntil(ctx, planned, offset); err != nil {
		return "", false, err
	}
	stamp := func(p *input.DispatchMouseEventParams) { p.Timestamp = input.TimeSinceEpoch((planned - offset) / 1000) }
	for _, tg := range a.Targets {
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(tg.X, tg.Y, stamp)); err != nil {
			return "", false, err
		}
	}
	return ticked, true, nil
}

// answer ticks the page's option and clicks Continue, or on the check page
// clicks its button, with the mouse, each click once the page says the
// element is on screen and clear; the clicks are stamped when they are
// made.
func answer(ctx context.Context, plan walkPlan, pg walkPage) error {
	if pg.question == "" {
		exprs, _, _ := answerTargets(ctx, plan, pg)
		return clickOn(ctx, "the check page's button", exprs[0])
	}
	for try := 0; ; try++ {
		exprs, _, err := answerTargets(ctx, plan, pg)
		if err != nil {
			return err
		}
		if len(exprs) == 1 {
			break
		}
		if try == 2 {
			return fmt.Errorf("option %s is not ticked after two clicks", pg.option)
		}
		if err := clickOn(ctx, "option "+pg.option, exprs[0]); err != nil {
			return err
		}
	}
	return clickOn(ctx, "Continue", `document.querySelector('main form button[type="submit"]')`)
}
