package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pageState is what walk.js reports of the page (window.__walk.state):
// times in milliseconds since the Unix epoch, -1 when not yet.
type pageState struct {
	Doc       float64    `json:"doc"` // the document's performance.timeOrigin
	Now       float64    `json:"now"`
	Shown     float64    `json:"shown"`
	Usable    float64    `json:"usable"`
	InDOM     float64    `json:"inDom"` // when the heading (or outcome) came into the document
	Click     *pageClick `json:"click"`
	URL       string     `json:"url"`
	Heading   string     `json:"heading"`
	App       string     `json:"app"`
	StaticNav string     `json:"staticNav"`
	Pending   bool       `json:"pending"`
	Error     bool       `json:"error"`
	Checked   []string   `json:"checked"`
	Ready     string     `json:"ready"`
}

// pageClick is the tab's last click on a button or link.
type pageClick struct {
	T     float64 `json:"t"`
	Delay float64 `json:"delay"` // input delay: from T to the first listener, ms
	Text  string  `json:"text"`
	Doc   float64 `json:"doc"`
}

// String describes the page for an error.
func (s pageState) String() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// pollEvery is how often the benchmark asks the page how it stands. The
// times come from the page itself, so this only delays the benchmark.
const pollEvery = 100 * time.Millisecond

// poll asks the page for the state of heading ("" for the result's outcome)
// until done accepts it, within limit. Between two documents the page may
// not answer: poll asks again. On failure the error says where the page
// stood.
func poll(ctx context.Context, heading string, limit time.Duration, done func(pageState) bool) (pageState, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	arg, _ := json.Marshal(heading)
	expr := "window.__walk ? window.__walk.state(" + string(arg) + ") : null"
	var last pageState
	var lastErr error
	for {
		ectx, ecancel := context.WithTimeout(ctx, 10*time.Second)
		st, err := chromedp.Run(ectx, chromedp.Evaluate[*pageState](expr))
		ecancel()
		switch {
		case err != nil:
			lastErr = err
		case st == nil:
			lastErr = errors.New("walk.js is not in the page")
		default:
			last, lastErr = *st, nil
			if done(*st) {
				return *st, nil
			}
		}
		select {
		case <-ctx.Done():
			if lastErr != nil {
				return last, fmt.Errorf("%w (last error: %v); the page: %s", ctx.Err(), lastErr, last)
			}
			return last, fmt.Errorf("%w; the page: %s", ctx.Err(), last)
		case <-time.After(pollEvery):
		}
	}
}

// startNavigation sends the tab to url without waiting for the page to
// load: a visitor answers as soon as the page lets them.
func startNavigation(ctx context.Context, url string) error {
	r, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: url})
	if err != nil {
		return err
	}
	if r.ErrorText != "" {
		return fmt.Errorf("navigating to %s: %s", url, r.ErrorText)
	}
	return nil
}

// clickTarget is where a click on an element lands.
type clickTarget struct {
	Found bool    `json:"found"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Hits  bool    `json:"hits"`
	Hit   string  `json:"hit"` // what is at the point, when it is not the element
}

// clickOn clicks, with the mouse, the element the JavaScript expression
// finds, once it is on screen and nothing covers it (asking again for up
// to 5 s while the page settles). It returns when Chromium has handled the
// click.
func clickOn(ctx context.Context, what, expr string) error {
	deadline := time.Now().Add(5 * time.Second)
	for {
		a, err := chromedp.Run(ctx, chromedp.Evaluate[aim](fmt.Sprintf(aimJS, expr)))
		if err == nil && a.Found && a.Targets[0].Hits {
			return chromedp.Do(ctx, chromedp.MouseClickXY(a.Targets[0].X, a.Targets[0].Y))
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			switch {
			case err != nil:
				return fmt.Errorf("finding %s: %w", what, err)
			case !a.Found:
				return fmt.Errorf("no %s in the page", what)
			}
			return fmt.Errorf("%s is covered by %s", what, a.Targets[0].Hit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// pageTimeOffset estimates the page's clock (milliseconds since the epoch,
// as walk.js counts) minus the benchmark's, from a state the page reported
// just now.
func pageTimeOffset(st pageState, received time.Time) float64 {
	return st.Now - float64(received.UnixNano())/1e6
}

// sleepUntil waits until the page's clock reaches t (milliseconds since
// the epoch), given the offset between the page's clock and ours.
func sleepUntil(ctx context.Context, t, offset float64) error {
	d := time.Duration((t - offset - float64(time.Now().UnixNano())/1e6) * float64(time.Millisecond))
	if d <= 0 {
		return nil
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
