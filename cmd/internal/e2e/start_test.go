//go:build browser

package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
)

// startPage is a clinic's page with one embed whose data-start is %[2]s.
const startPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sciatica – Example Clinic</title>
<link rel="stylesheet" href="/host.css">
<script src="/host.js"></script>
</head>
<body>
<h1>Sciatica</h1>
<div id="guide" data-symptom-guide data-start="%[2]s"></div>
<script src="%[1]s/embed.js" async></script>
</body>
</html>`

// startHost serves a host page whose embed starts at start, and returns
// the host and the guide's frame.
func startHost(t *testing.T, start string) (host, frame *visitor) {
	t.Helper()
	page := strings.ReplaceAll(startPage, "%[2]s", start)
	guideBase, hostBase := embedHost(t, true, page, guide.MustNew(guidedata.Content))
	host = newVisitor(t)
	host.viewport(800, 900)
	host.do(chromedp.Navigate(hostBase + "/"))
	host.poll("the guide's ready event", `window.guideEvents.some(e => e.name === "ready")`)
	return host, frameVisitorAt(t, host, guideBase, "#guide iframe")
}

// warned reports whether v's console has a warning that mentions id.
func warned(v *visitor, id string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, m := range v.console {
		if m.Type == chromedp.ConsoleWarning && strings.Contains(m.Text, id) {
			return true
		}
	}
	return false
}

// TestStart_Walk starts the guide at a kind of pain and at a factor in the
// visitor's life: the answer waits, ticked, on its question; the visitor
// can change it; the questions before it come first, as always.
func TestStart_Walk(t *testing.T) {
	points := suite.guide.StartPoints()
	pain, factor := "", ""
	for _, id := range points {
		a, _ := suite.guide.Start(id)
		switch {
		case a.Answered(guide.PainQuestion) && pain == "":
			pain = id
		case !a.Answered(guide.PainQuestion) && factor == "":
			factor = id
		}
	}
	if slices.Contains(points, "sciatica") {
		pain = "sciatica"
	}
	if pain == "" || factor == "" {
		t.Fatalf("starting points %v: want a kind of pain and a factor", points)
	}

	t.Run("pain "+pain, func(t *testing.T) {
		host, frame := startHost(t, pain)
		if src := eval[string](host, `document.querySelector("#guide iframe").src`); !strings.HasSuffix(src, "/?start="+pain) {
			t.Errorf("got frame address %s, want the start page with start=%s", src, pain)
		}
		if got := eval[string](host, `document.activeElement.tagName`); got != "BODY" {
			t.Errorf("with the guide loaded the page's focus is on %s, want its body: an embed never takes it", got)
		}
		frame.press(words().Start.Button)
		frame.waitHeading(questionTitle(t, guide.AgeQuestion))
		if got := frame.checked(); len(got) != 0 {
			t.Errorf("the first question has %q ticked, want nothing: the age is the visitor's to give", got)
		}
		frame.tickInFrame(option(t, guide.AgeQuestion, "20-49").Label)
		frame.continueTo(questionTitle(t, guide.PainQuestion))
		label := option(t, guide.PainQuestion, pain).Label
		if got := frame.checked(); !slices.Equal(got, []string{label}) {
			t.Fatalf("the pain question has %q ticked, want %q, the starting point", got, label)
		}
		// The visitor changes it: unticks it and ticks another.
		other := ""
		for _, o := range mustQuestion(t, guide.PainQuestion).Options {
			if _, err := suite.guide.Start(o.ID); err == nil && o.ID != pain {
				other = o.ID
				break
			}
		}
		frame.choose(label)
		frame.tickInFrame(option(t, guide.PainQuestion, other).Label)
		if got := frame.checked(); !slices.Equal(got, []string{option(t, guide.PainQuestion, other).Label}) {
			t.Errorf("after changing it the pain question has %q ticked", got)
		}
		frame.continueTo(questionTitle(t, guide.DurationQuestion))
		if q := frame.url().Query(); !slices.Equal(q[guide.PainQuestion], []string{other}) {
			t.Errorf("got pain answers %v in the address, want the visitor's own %s", q[guide.PainQuestion], other)
		}
		checkNoConsoleErrors(t, map[string]*visitor{"host": host, "frame": frame})
	})

	t.Run("factor "+factor, func(t *testing.T) {
		_, frame := startHost(t, factor)
		frame.press(words().Start.Button)
		frame.waitHeading(questionTitle(t, guide.AgeQuestion))
		u := frame.url()
		a, _ := suite.guide.Start(factor)
		if got := suite.guide.Decode(u.Query()); len(got) != 1 || !got.HasAny(keyOf(a), a[keyOf(a)]) {
			t.Errorf("the first question's address %s holds %v, want only the starting point %v", u, got, a)
		}
		// Straight to the factor's question with the earlier answers, as
		// a visitor reaches it: the starting point is ticked there.
		q := keyOf(a)
		frame.open(fmt.Sprintf("/q/%s?%s&%s=%s", q, answersUpTo(q), q, factor))
		frame.waitHeading(questionTitle(t, q))
		if got := frame.checked(); !slices.Equal(got, []string{option(t, q, factor).Label}) {
			t.Errorf("question %s has %q ticked, want the starting point", q, got)
		}
	})
}

// TestStart_Refused starts the guide at a safety question and at warning
// signs: embed.js refuses a safety question's id itself; the guide refuses
// a sign of every level, warns in the console of the frame, and embed.js
// repeats the warning on the clinic's page; the guide starts with nothing
// chosen, and the sign's question has nothing ticked.
func TestStart_Refused(t *testing.T) {
	t.Run("question "+guide.EmergencyQuestion, func(t *testing.T) {
		host, frame := startHost(t, guide.EmergencyQuestion)
		if src := eval[string](host, `document.querySelector("#guide iframe").src`); strings.Contains(src, "start=") {
			t.Errorf("embed.js sent a safety question as a starting point: %s", src)
		}
		if !host.eventually("true", time.Second) || !warned(host, guide.EmergencyQuestion) {
			t.Errorf("the clinic's page got no console warning about data-start=%q", guide.EmergencyQuestion)
		}
		checkStartsEmpty(t, frame)
	})
	seen := map[guide.Level]bool{}
	for _, s := range suite.guide.Signs() {
		if seen[s.Level] || s.Question == guide.AgeQuestion {
			continue
		}
		seen[s.Level] = true
		t.Run(s.Level.String()+" "+s.Option, func(t *testing.T) {
			host, frame := startHost(t, s.Option)
			// Load the frame's page again, now that its console is
			// recorded.
			frame.do(chromedp.Evaluate[chromedp.Void](`location.reload()`))
			reloaded := false
			for try := 0; try < 20 && !reloaded; try++ {
				// The page goes away under a check made while it reloads.
				reloaded = frame.eventually(`performance.getEntriesByType("navigation")[0].type === "reload" && document.readyState === "complete" && !document.getElementById("app-wasm-loader")`, time.Second)
			}
			if !reloaded {
				t.Fatal("the guide's frame did not reload")
			}
			deadline := time.Now().Add(10 * time.Second)
			for !(warned(frame, s.Option) && warned(host, s.Option)) && time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
			}
			if !warned(frame, s.Option) {
				t.Errorf("the guide logged no console warning about data-start=%q", s.Option)
			}
			if !warned(host, s.Option) {
				t.Errorf("the clinic's page got no console warning about data-start=%q", s.Option)
			}
			checkStartsEmpty(t, frame)
			frame.open(fmt.Sprintf("/q/%s?%s", s.Question, answersUpTo(s.Question)))
			frame.waitHeading(questionTitle(t, s.Question))
			if got := frame.checked(); len(got) != 0 {
				t.Errorf("question %s has %q ticked, want nothing", s.Question, got)
			}
			checkNoConsoleErrors(t, map[string]*visitor{"host": host, "frame": frame})
		})
	}
}

// checkStartsEmpty asserts the guide's start link carries no answer.
func checkStartsEmpty(t *testing.T, frame *visitor) {
	t.Helper()
	href := eval[string](frame, `document.querySelector("a.button--start").getAttribute("href")`)
	if strings.Contains(href, "?") {
		t.Errorf("the start link %s carries answers, want none", href)
	}
}

// mustQuestion returns the question with id id.
func mustQuestion(t *testing.T, id string) guide.Question {
	t.Helper()
	q, ok := suite.guide.Question(id)
	if !ok {
		t.Fatalf("no question %q", id)
	}
	return q
}

// keyOf returns the one question a answers.
func keyOf(a guide.Answers) string {
	for q := range a {
		return q
	}
	return ""
}
