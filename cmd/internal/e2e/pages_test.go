//go:build browser

package e2e

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var readme = flag.Bool("readme", false, "also write the phone screenshots of a routine and an emergency result to "+docsShots+" for the README")

// docsShots is where -readme writes the README's pictures of the guide:
// under docs/, not web/, so they are never served to visitors.
const docsShots = "../../../docs/screenshots"

// readmeShots names the screenshots -readme copies to docsShots, and the
// file each becomes there.
var readmeShots = map[string]string{
	"phone-result-routine":   "result-routine.png",
	"phone-result-emergency": "result-emergency.png",
}

// axePath is axe-core as `npm ci` installs it from package-lock.json.
const axePath = "../../../node_modules/axe-core/axe.min.js"

// pageCase is one kind of page, reached by its URL as a visitor who
// bookmarked or reloaded it would.
type pageCase struct {
	name    string
	path    string
	heading string
	// setup runs after the page has loaded, to bring it into the state
	// under test.
	setup func(v *visitor)
	// served, for a case with setup, is an address whose page the server
	// prerenders in that state, as before the app runs; empty when only the
	// browser reaches it (lists opened in place).
	served string
}

// answersUpTo returns the query string of a routine walk's answers to the
// questions before question q, or to every question when q is "".
func answersUpTo(q string, extra ...string) string {
	walk := [][2]string{
		{"age", "20-49"},
		{"pain", "lower-back"},
		{"duration", "chronic"},
		{"emergency", "none"},
		{"urgent", "none"},
		{"history", "none"},
		{"factors", "stress"},
		{"cautions", "none"},
	}
	v := url.Values{}
	for _, a := range walk {
		if a[0] == q {
			break
		}
		v.Add(a[0], a[1])
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v.Encode()
}

// pageCases returns every kind of page the guide has: the start page, each
// question, a question showing its error, the check page, the result at
// each level (two of them also with their lists opened), the article index
// and an article.
func pageCases(t *testing.T) []pageCase {
	cases := []pageCase{{name: "start", path: lp("/"), heading: headingStart()}}
	for _, q := range suite.guide.Questions() {
		path := lp("/q/" + q.ID)
		if a := answersUpTo(q.ID); a != "" {
			path += "?" + a
		}
		cases = append(cases, pageCase{name: "question-" + q.ID, path: path, heading: q.Title})
	}
	cases = append(cases,
		pageCase{
			name:    "question-error",
			path:    lp("/q/duration?" + answersUpTo("duration")),
			heading: questionTitle(t, "duration"),
			setup: func(v *visitor) {
				v.press(words().Question.Continue)
				v.poll("the error summary", `!!document.getElementById("error-summary")`)
				v.settle()
			},
			// A form sent before the app runs, with nothing chosen.
			served: lp("/q/duration?" + answersUpTo("duration", "next", "1")),
		},
		pageCase{name: "check", path: lp("/check?" + answersUpTo("")), heading: headingCheck()},
		pageCase{name: "result-routine", path: lp("/result?" + answersUpTo("")), heading: headingRoutine()},
		pageCase{name: "result-caution", path: lp("/result?" + answersUpTo("", "cautions", "pregnancy")), heading: headingCaution()},
		pageCase{name: "result-soon", path: lp("/result?" + answersUpTo("", "history", "inflammatory")), heading: headingSoon()},
		pageCase{name: "result-underage", path: lp("/result?age=under-16"), heading: headingUnderage()},
		pageCase{name: "result-urgent", path: lp("/result?" + answersUpTo("", "urgent", "fever")), heading: headingUrgent()},
		pageCase{name: "result-emergency", path: lp("/result?" + answersUpTo("urgent", "emergency", "saddle-numbness")), heading: headingEmergency()},
		// The result pages again with every list opened in place.
		pageCase{name: "result-routine-open", path: lp("/result?" + answersUpTo("")), heading: headingRoutine(), setup: openAll},
		pageCase{name: "result-urgent-open", path: lp("/result?" + answersUpTo("", "urgent", "fever")), heading: headingUrgent(), setup: openAll},
		pageCase{name: "articles", path: lp("/articles"), heading: headingArticles()},
	)
	art := suite.guide.Content().Articles[0]
	cases = append(cases, pageCase{name: "article", path: lp("/articles/" + art.Slug), heading: art.Title})
	return cases
}

// axeInOther are the page cases axe checks in the clinic's other languages:
// one of each kind of page, with the error summary and each kind of
// outcome card. The default language has them all; the markup is the same
// in every language, and what a language changes (its words, lang) shows
// on these.
var axeInOther = []string{"start", "question-pain", "question-error", "check", "result-routine", "result-urgent", "result-emergency", "result-underage", "result-urgent-open", "articles", "article"}

// openAll opens every <details> on the page, as a visitor who opened each
// item of a result's lists would.
func openAll(v *visitor) {
	v.do(chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("main details").forEach(d => d.open = true)`))
}

// show opens the page case and brings it into its state.
func (v *visitor) show(pc pageCase) {
	v.t.Helper()
	v.open(pc.path)
	v.waitHeading(pc.heading)
	if pc.setup != nil {
		pc.setup(v)
	}
	v.settle()
}

// axeViolation is the part of an axe-core violation a failure shows.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	URL    string   `json:"helpUrl"`
	Nodes  []string `json:"nodes"`
}

// axeResult is what one axe-core run found.
type axeResult struct {
	Violations []axeViolation `json:"violations"`
	// Passes counts the rules that passed, to show axe really ran.
	Passes int `json:"passes"`
	// Incomplete lists the rules axe could not decide and leaves to a
	// person to review.
	Incomplete []string `json:"incomplete"`
}

// TestAccessibility runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on
// every kind of page and expects no violation.
func TestAccessibility(t *testing.T) {
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run `npm ci` in the repository root to install it from package-lock.json", err)
	}
	inEachLanguage(t, func(t *testing.T) {
		for _, pc := range pageCases(t) {
			if suite.guide != suite.guides[0] && !slices.Contains(axeInOther, pc.name) {
				continue
			}
			t.Run(pc.name, func(t *testing.T) {
				v := newVisitor(t)
				v.show(pc)
				res := v.axe(string(src))
				if res.Passes == 0 {
					t.Errorf("axe passed no rule on %s: it did not run", pc.path)
				}
				if len(res.Incomplete) > 0 {
					t.Logf("axe could not decide, review by hand: %s", strings.Join(res.Incomplete, ", "))
				}
				for _, viol := range res.Violations {
					t.Errorf("axe %s (%s): %s\n  %s\n  nodes:\n    %s", viol.ID, viol.Impact, viol.Help, viol.URL, strings.Join(viol.Nodes, "\n    "))
				}
				if len(res.Violations) > 0 {
					t.Errorf("got %d axe violations on %s, want 0", len(res.Violations), pc.path)
				}
			})
		}
	})
	// Check the check: axe must report a problem it is shown.
	t.Run("axe-finds-a-known-problem", func(t *testing.T) {
		v := newVisitor(t)
		v.open("/")
		v.settle()
		v.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("main").appendChild(Object.assign(document.createElement("img"), {src: "/web/logo.svg"}))`))
		res := v.axe(string(src))
		var ids []string
		for _, viol := range res.Violations {
			ids = append(ids, viol.ID)
		}
		if !slices.Contains(ids, "image-alt") {
			t.Errorf("axe violations for an image without alt text: got %q, want image-alt among them", ids)
		}
	})
}

// axe injects axe-core into the page and returns its violations.
func (v *visitor) axe(src string) axeResult {
	v.t.Helper()
	v.do(chromedp.Evaluate[chromedp.Void](src))
	out, err := chromedp.Run(v.ctx, chromedp.Evaluate[axeResult](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
	}).then(r => ({
		violations: r.violations.map(x => ({
			id: x.id,
			impact: x.impact || "",
			help: x.help,
			helpUrl: x.helpUrl,
			nodes: x.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ")),
		})),
		passes: r.passes.length,
		incomplete: r.incomplete.map(x => x.id + " (" + x.nodes.length + " nodes)"),
	}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		v.t.Fatalf("running axe-core: %v", err)
	}
	return out
}

// TestNarrowScreen checks that every kind of page fits a 320 px wide
// screen, the WCAG reflow width, without scrolling sideways.
func TestNarrowScreen(t *testing.T) {
	for _, pc := range pageCases(t) {
		t.Run(pc.name, func(t *testing.T) {
			v := newVisitor(t)
			v.phone(320, 640)
			v.show(pc)
			if got := eval[int](v, `window.innerWidth`); got != 320 {
				t.Fatalf("window.innerWidth is %d, want 320: the viewport was not set", got)
			}
			if got := eval[int](v, `document.documentElement.scrollWidth`); got > 320 {
				wide := eval[[]string](v, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 320.5).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ").join(".") : "") + " (right edge " + Math.round(e.getBoundingClientRect().right) + " px)")`)
				t.Errorf("document.documentElement.scrollWidth is %d at 320 px wide, want <= 320; widest elements: %s", got, strings.Join(wide, ", "))
			}
		})
	}
}

// TestScreenshots writes a picture of every kind of page on a phone and on
// a desktop to the screenshots folder, such as phone-result-routine.png.
// With -readme it also writes the phone pictures of a routine and an
// emergency result for the README to docs/screenshots.
func TestScreenshots(t *testing.T) {
	sizes := []struct {
		name  string
		w, h  int64
		phone bool
	}{
		{"phone", 390, 844, true},
		{"desktop", 1280, 800, false},
	}
	for _, size := range sizes {
		t.Run(size.name, func(t *testing.T) {
			v := newVisitor(t)
			if size.phone {
				v.phone(size.w, size.h)
			} else {
				v.viewport(size.w, size.h)
			}
			for _, pc := range pageCases(t) {
				name := size.name + "-" + pc.name
				v.show(pc)
				v.screenshot(name)
				if to, ok := readmeShots[name]; ok && *readme {
					copyFile(t, filepath.Join(*shotsDir, name+".png"), filepath.Join(docsShots, to))
				}
			}
		})
	}
}

// copyFile copies the file from to to, making to's folder if needed.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", to)
}
