//go:build browser

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
)

// popupPage is a clinic's page about back pain with a button that opens the
// guide in a dialog, and enough text to scroll.
var popupPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back pain – Example Clinic</title>
<link rel="stylesheet" href="/host.css">
<script src="/host.js"></script>
</head>
<body>
<header class="masthead"><p>Example Clinic</p></header>
<main>
<h1>Back pain</h1>
<p>Most back pain gets better with time and gentle movement.</p>
<p><button type="button" id="open-guide" class="button" data-symptom-guide-open>Check your back pain</button></p>
` + strings.Repeat("<p>More about back pain, to make the page longer than the screen.</p>\n", 40) + `</main>
<script src="%[1]s/embed.js" async></script>
</body>
</html>`

// popupSizes are the screens the popup is checked on: a phone, where it
// fills the screen, and a laptop, where it is a centred panel.
var popupSizes = []struct {
	name   string
	w, h   int64
	mobile bool
}{
	{"phone", 412, 823, true},
	{"desktop", 1280, 800, false},
}

// TestPopup opens the guide from a button on a strict-CSP page of another
// origin, by mouse and then by keyboard, on a phone and a desktop screen:
// nothing is focused or framed on load; the dialog opens with the focus on
// the guide's heading, the page behind does not scroll, the frame fills the
// dialog with no scrollbar of the dialog's own, axe finds nothing on the
// page or in the frame, Escape and the close button close it and the focus
// returns to the button; the console stays free of errors.
func TestPopup(t *testing.T) {
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run `npm ci`", err)
	}
	for _, size := range popupSizes {
		t.Run(size.name, func(t *testing.T) {
			guideBase, hostBase := embedHost(t, true, popupPage, guide.MustNew(guidedata.Content))
			host := newVisitor(t)
			if size.mobile {
				host.phone(size.w, size.h)
			} else {
				host.viewport(size.w, size.h)
			}
			host.do(chromedp.Navigate(hostBase + "/"))
			host.poll("embed.js", `document.readyState === "complete" && [...document.scripts].some(s => s.src.endsWith("/embed.js"))`)
			time.Sleep(300 * time.Millisecond)
			if n := eval[int](host, `document.querySelectorAll("iframe, dialog").length`); n != 0 {
				t.Errorf("a page with only a popup button got %d frames or dialogs before any click", n)
			}
			if got := eval[string](host, `document.activeElement.tagName`); got != "BODY" {
				t.Errorf("on load the focus is on %s, want the page's body: nothing may take it", got)
			}

			// By mouse.
			host.do(chromedp.Click(chromedp.CSS("#open-guide")))
			host.poll("the dialog", `!!document.querySelector("dialog[open] iframe")`)
			host.poll("the guide's ready event", `window.guideEvents.some(e => e.name === "ready" && e.embed === "open-guide")`)
			frame := frameVisitorAt(t, host, guideBase, "dialog iframe")
			checkFocusInGuide(t, host, frame)
			checkPopupLayout(t, host, frame, size.w, size.h)
			checkPopupNames(t, host)
			if got := eval[string](host, `getComputedStyle(document.documentElement).overflow`); got != "hidden" {
				t.Errorf("with the dialog open the page's overflow is %q, want hidden: the page scrolls behind it", got)
			}
			if n := eval[int](host, `document.querySelectorAll("[style]").length - document.querySelectorAll("dialog, dialog *, html").length`); n > 0 {
				t.Errorf("embed.js styled %d elements outside its dialog", n)
			}
			for name, v := range map[string]*visitor{"host page": host, "frame": frame} {
				res := v.axe(string(axeSrc))
				if res.Passes == 0 {
					t.Errorf("axe did not run on the %s", name)
				}
				for _, viol := range res.Violations {
					t.Errorf("%s with the dialog open: axe %s (%s): %s\n    %s", name, viol.ID, viol.Impact, viol.Help, strings.Join(viol.Nodes, "\n    "))
				}
			}
			if size.mobile {
				host.screenshot("popup-phone")
				if *readme {
					copyFile(t, *shotsDir+"/popup-phone.png", docsShots+"/popup-phone.png")
				}
			} else {
				host.screenshot("popup-desktop")
			}

			// The guide works inside: its first step.
			frame.press(words().Start.Button)
			frame.waitHeading(questionTitle(t, "age"))
			host.poll("the started event", `window.guideEvents.some(e => e.name === "started" && e.embed === "open-guide")`)
			checkPopupLayout(t, host, frame, size.w, size.h)

			// Escape, pressed in the guide, closes the dialog.
			host.keys("\x1b")
			checkClosed(t, host, "Escape")

			// By keyboard: Enter on the focused button opens it again,
			// where the visitor left it.
			host.keys("\r")
			host.poll("the dialog opened by Enter", `!!document.querySelector("dialog[open]")`)
			if got := frame.heading(); got != questionTitle(t, "age") {
				t.Errorf("opened again, the guide shows %q, want the question the visitor left", got)
			}
			checkFocusInGuide(t, host, frame)

			// The close button closes it.
			host.do(chromedp.Click(chromedp.CSS("dialog[open] button")))
			checkClosed(t, host, "the close button")

			// Space opens it too.
			host.keys(" ")
			host.poll("the dialog opened by Space", `!!document.querySelector("dialog[open]")`)
			checkFocusInGuide(t, host, frame)
			host.keys("\x1b")
			checkClosed(t, host, "Escape again")

			if n := eval[int](host, `document.querySelectorAll("dialog").length`); n != 1 {
				t.Errorf("got %d dialogs after opening three times, want 1", n)
			}
			checkNoConsoleErrors(t, map[string]*visitor{"host": host, "frame": frame})
		})
	}
}

// checkFocusInGuide asserts the focus is in the dialog's frame, on the
// guide's page heading.
func checkFocusInGuide(t *testing.T, host, frame *visitor) {
	t.Helper()
	if !host.eventually(`document.activeElement && document.activeElement.tagName === "IFRAME" && !!document.activeElement.closest("dialog[open]")`, 5*time.Second) {
		t.Errorf("with the dialog open the page's focus is on %s, want the guide's frame", host.focusedDescription())
		return
	}
	if !frame.eventually(`document.hasFocus() && document.activeElement && document.activeElement.id === "page-heading"`, 5*time.Second) {
		t.Errorf("in the guide the focus is on %s, want its page heading", frame.focusedDescription())
	}
}

// checkClosed asserts the dialog closed, the focus is back on the button
// that opened it, and the page scrolls again.
func checkClosed(t *testing.T, host *visitor, how string) {
	t.Helper()
	if !host.eventually(`!document.querySelector("dialog[open]")`, 5*time.Second) {
		t.Fatalf("%s did not close the dialog", how)
	}
	if got := host.focused(); got != "open-guide" {
		t.Errorf("after %s the focus is on %s, want the button that opened the guide", how, host.focusedDescription())
	}
	if !host.eventually(`getComputedStyle(document.documentElement).overflow !== "hidden"`, 2*time.Second) {
		t.Errorf("after %s the page still cannot scroll", how)
	}
}

// checkPopupLayout asserts the dialog fills a phone's screen or is a
// centred panel on a larger one, does not scroll itself, and that the frame
// fills it below the close button, with nothing wider than the frame.
func checkPopupLayout(t *testing.T, host, frame *visitor, w, h int64) {
	t.Helper()
	type rect struct{ Left, Top, Right, Bottom, ScrollH, ClientH float64 }
	get := func(sel string) rect {
		return eval[rect](host, fmt.Sprintf(`(() => { const e = document.querySelector(%s), r = e.getBoundingClientRect();
			return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, scrollH: e.scrollHeight, clientH: e.clientHeight}; })()`, jsString(sel)))
	}
	d, f, b := get("dialog[open]"), get("dialog[open] iframe"), get("dialog[open] button")
	if w <= 640 {
		if d.Left > 0.5 || d.Top > 0.5 || d.Right < float64(w)-0.5 || d.Bottom < float64(h)-0.5 {
			t.Errorf("on a %dx%d phone the dialog is at %+v, want the whole screen", w, h, d)
		}
	} else if d.Left < 16 || d.Top < 16 || abs(d.Left-(float64(w)-d.Right)) > 1 || abs(d.Top-(float64(h)-d.Bottom)) > 1 {
		t.Errorf("on a %dx%d screen the dialog is at %+v, want a centred panel", w, h, d)
	}
	if d.ScrollH > d.ClientH+1 {
		t.Errorf("the dialog scrolls (%v px of content in %v px): the guide must size to it", d.ScrollH, d.ClientH)
	}
	if abs(f.Left-d.Left) > 1 || abs(f.Right-d.Right) > 1 || abs(f.Bottom-d.Bottom) > 1 || f.Top < b.Bottom-1 {
		t.Errorf("the frame is at %+v in a dialog at %+v under a close button at %+v: want it to fill the dialog below the button", f, d, b)
	}
	if got := eval[float64](frame, `window.innerHeight`); abs(got-(f.Bottom-f.Top)) > 1 {
		t.Errorf("the guide's window is %v px high in a frame of %v px", got, f.Bottom-f.Top)
	}
	if over := eval[float64](frame, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the guide is %v px wider than the dialog: it scrolls sideways", over)
	}
}

// checkPopupNames asserts the dialog and its close button have the names
// the guide's strings file gives them.
func checkPopupNames(t *testing.T, host *visitor) {
	t.Helper()
	w := suite.guide.Content().Strings.Embed
	if !host.eventually(fmt.Sprintf(`document.querySelector("dialog[open] button").getAttribute("aria-label") === %s`, jsString(w.Close)), 5*time.Second) {
		t.Errorf("the close button is named %q, want %q", eval[string](host, `document.querySelector("dialog[open] button").getAttribute("aria-label")`), w.Close)
	}
	for _, sel := range []string{"dialog[open]", "dialog[open] iframe"} {
		attr := "aria-label"
		if strings.HasSuffix(sel, "iframe") {
			attr = "title"
		}
		if got := eval[string](host, fmt.Sprintf(`document.querySelector(%s).getAttribute(%s)`, jsString(sel), jsString(attr))); got != w.FrameTitle {
			t.Errorf("%s has %s %q, want %q", sel, attr, got, w.FrameTitle)
		}
	}
}

// checkNoConsoleErrors asserts no visitor's console shows an error.
func checkNoConsoleErrors(t *testing.T, visitors map[string]*visitor) {
	t.Helper()
	for name, v := range visitors {
		v.mu.Lock()
		for _, m := range v.console {
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				t.Errorf("%s console %s: %s (%s)", name, m.Type, m.Text, m.URL)
			}
		}
		v.mu.Unlock()
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
