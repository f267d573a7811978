//go:build browser

package e2e

import (
	"symptomguide/app/guide"

	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// keyStep is one page of a walk done with the keyboard alone.
type keyStep struct {
	// heading is the page's heading.
	heading string
	// keys are pressed on the page after the focus is checked. An entry
	// "#id" presses Tab until the element with that id has the focus; any
	// other entry is typed as it is.
	keys []string
	// ticked are the labels of the options the keys must have ticked.
	ticked []string
	// leave is the text of the link or button to Tab to and press Enter on;
	// empty on the last page.
	leave string
}

// TestKeyboardOnly uses the guide with Tab, Space, Enter and the arrow keys
// only.
func TestKeyboardOnly(t *testing.T) {
	t.Run("walk to a routine result", testKeyboardWalk)
	t.Run("error summary", testKeyboardError)
}

// testKeyboardWalk walks the guide from the start page to a routine result
// and checks that the focus moves to the new page's heading after each step
// inside the app.
func testKeyboardWalk(t *testing.T) {
	none := func(q string) []string { return []string{option(t, q, guide.None).Label} }
	steps := []keyStep{
		{heading: headingStart(), leave: words().Start.Button},
		{
			heading: questionTitle(t, "age"),
			// Tab enters the radio group on its first radio; each arrow
			// moves to the next radio and selects it.
			keys:   []string{kb.Tab, "#age-under-16", kb.ArrowDown, kb.ArrowDown},
			ticked: []string{option(t, "age", "20-49").Label},
			leave:  words().Question.Continue,
		},
		{
			heading: questionTitle(t, "pain"),
			keys:    []string{kb.Tab, "#pain-lower-back", " ", "#pain-sciatica", " "},
			ticked:  []string{option(t, "pain", "lower-back").Label, option(t, "pain", "sciatica").Label},
			leave:   words().Question.Continue,
		},
		{
			heading: questionTitle(t, "duration"),
			// Tab enters the radio group on its first radio; each arrow
			// moves to the next radio and selects it.
			keys:   []string{kb.Tab, "#duration-acute", kb.ArrowDown, kb.ArrowDown},
			ticked: []string{option(t, "duration", "chronic").Label},
			leave:  words().Question.Continue,
		},
		{heading: questionTitle(t, "emergency"), keys: []string{"#emergency-none", " "}, ticked: none("emergency"), leave: words().Question.Continue},
		{heading: questionTitle(t, "urgent"), keys: []string{"#urgent-none", " "}, ticked: none("urgent"), leave: words().Question.Continue},
		{heading: questionTitle(t, "history"), keys: []string{"#history-none", " "}, ticked: none("history"), leave: words().Question.Continue},
		{
			heading: questionTitle(t, "factors"),
			keys:    []string{"#factors-desk", " "},
			ticked:  []string{option(t, "factors", "desk").Label},
			leave:   words().Question.Continue,
		},
		{heading: questionTitle(t, "cautions"), keys: []string{"#cautions-none", " "}, ticked: none("cautions"), leave: words().Question.Continue},
		{heading: headingCheck(), leave: words().Check.Button},
		{heading: headingRoutine()},
	}

	v := newVisitor(t)
	v.open("/")
	since := v.requestCount()
	for i, step := range steps {
		v.waitHeading(step.heading)
		// The first page keeps the focus where the browser put it; every
		// later one moves it to its heading.
		if i > 0 && !v.eventually(`document.activeElement && document.activeElement.id === "page-heading"`, 3*time.Second) {
			t.Errorf("on %q the focus is on %s, want the page heading (id page-heading)", step.heading, v.focusedDescription())
		}
		for _, k := range step.keys {
			if id, ok := strings.CutPrefix(k, "#"); ok {
				v.tabUntil("#"+id, fmt.Sprintf(`document.activeElement && document.activeElement.id === %s`, jsString(id)))
				continue
			}
			v.keys(k)
			v.settle()
		}
		if step.ticked != nil {
			if got := v.checked(); !sameSet(got, step.ticked) {
				t.Errorf("on %q the keys ticked %q, want %q", step.heading, got, step.ticked)
			}
		}
		if step.leave != "" {
			v.tabUntil(step.leave, fmt.Sprintf(`document.activeElement && document.activeElement.matches("a, button") && document.activeElement.innerText.trim() === %s`, jsString(step.leave)))
			v.keys(kb.Enter)
		}
	}
	if !v.exists(`[data-booking="primary"]`) {
		t.Errorf("the routine result has no primary booking link")
	}
	for _, r := range v.requestsSince(since) {
		for _, id := range []string{"lower-back", "sciatica", "chronic", "desk", "none"} {
			if strings.Contains(r, id) {
				t.Errorf("request %s carries the answer %q; want no answer to leave the browser", r, id)
			}
		}
	}
	v.checkPrivacy()
}

// testKeyboardError presses Continue with nothing chosen, then answers and
// goes on, with the keyboard: the focus goes to the error summary, and stays
// on the option the Space key ticks while the error summary goes away.
func testKeyboardError(t *testing.T) {
	v := newVisitor(t)
	v.open("/q/duration?pain=lower-back")
	v.waitHeading(questionTitle(t, "duration"))
	v.tabUntil(words().Question.Continue, `document.activeElement && document.activeElement.innerText.trim() === `+jsString(words().Question.Continue))
	v.keys(kb.Enter)
	v.poll("the error summary", `!!document.getElementById("error-summary")`)
	v.settle()
	if !v.eventually(`document.activeElement && document.activeElement.id === "error-summary"`, 3*time.Second) {
		t.Errorf("after Enter on Continue with nothing chosen the focus is on %s, want the error summary (id error-summary)", v.focusedDescription())
	}
	v.tabUntil("the first option (#duration-acute)", `document.activeElement && document.activeElement.id === "duration-acute"`)
	v.keys(kb.ArrowDown)
	v.settle()
	if got, want := v.checked(), []string{"6 to 12 weeks"}; !sameSet(got, want) {
		t.Errorf("after the arrow key got %q ticked, want %q", got, want)
	}
	if !v.eventually(`document.activeElement && document.activeElement.id === "duration-weeks"`, 2*time.Second) {
		t.Errorf("after the arrow key ticked an option and the error summary went away, the focus is on %s, want the option it ticked (id duration-weeks)", v.focusedDescription())
	}
	v.tabUntil(words().Question.Continue, `document.activeElement && document.activeElement.innerText.trim() === `+jsString(words().Question.Continue))
	v.keys(kb.Enter)
	v.waitHeading(questionTitle(t, "emergency"))
	if !v.eventually(`document.activeElement && document.activeElement.id === "page-heading"`, 3*time.Second) {
		t.Errorf("on the next question the focus is on %s, want the page heading (id page-heading)", v.focusedDescription())
	}
	v.checkPrivacy()
}
