//go:build browser

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
)

// prefer emulates the visitor's system colour scheme, "light" or "dark".
func (v *visitor) prefer(scheme string) {
	v.t.Helper()
	if _, err := chromedp.Call(v.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		v.t.Fatalf("emulating prefers-color-scheme: %s: %v", scheme, err)
	}
}

// colourOf returns the computed CSS property prop of the first element
// matching sel, as rgb(r, g, b).
func colourOf(v *visitor, sel, prop string) string {
	v.t.Helper()
	return eval[string](v, fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? getComputedStyle(e)[%s] : ""; })()`, jsString(sel), jsString(prop)))
}

// isDark reports whether the page's background is dark and its text light.
func isDark(v *visitor) bool {
	v.t.Helper()
	return eval[bool](v, `(() => {
		const lum = c => { const [r, g, b] = c.match(/\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
		const s = getComputedStyle(document.body);
		return lum(s.backgroundColor) < 0.2 && lum(s.color) > 0.8;
	})()`)
}

// TestTheme_Dark shows every kind of page to a visitor whose system prefers
// dark: the page is dark, axe finds nothing (contrast included), the
// emergency card keeps its red and the urgent and soon cards their yellow,
// and a phone screenshot of each is written (dark-phone-<page>.png).
func TestTheme_Dark(t *testing.T) {
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core is missing (%v): run `npm ci`", err)
	}
	cards := map[string]string{
		"result-emergency": "rgb(196, 40, 26)",
		"result-urgent":    "rgb(255, 221, 0)",
		"result-soon":      "rgb(255, 221, 0)",
	}
	v := newVisitor(t)
	v.phone(390, 844)
	v.prefer("dark")
	for _, pc := range pageCases(t) {
		t.Run(pc.name, func(t *testing.T) {
			v.t = t
			v.show(pc)
			if !isDark(v) {
				t.Errorf("%s: the page is not dark (background %s, text %s)", pc.path, colourOf(v, "body", "backgroundColor"), colourOf(v, "body", "color"))
			}
			if want, ok := cards[pc.name]; ok {
				if got := colourOf(v, ".outcome__heading", "backgroundColor"); got != want {
					t.Errorf("%s: the outcome card's heading is %s, want %s as in light mode", pc.name, got, want)
				}
			}
			res := v.axe(string(axeSrc))
			if res.Passes == 0 {
				t.Errorf("axe did not run on %s", pc.path)
			}
			for _, viol := range res.Violations {
				t.Errorf("dark %s: axe %s (%s): %s\n    %s", pc.name, viol.ID, viol.Impact, viol.Help, strings.Join(viol.Nodes, "\n    "))
			}
			v.screenshot("dark-phone-" + pc.name)
		})
	}
	v.t = t
	// Printing stays black on white.
	v.show(pageCases(t)[0])
	if _, err := chromedp.Call(v.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print",
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	if isDark(v) {
		t.Error("in print the page is dark, want black on white")
	}
}

// themePage is a clinic's page with one embed forced light and one dark.
const themePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Themes – Example Clinic</title>
<link rel="stylesheet" href="/host.css">
<script src="/host.js"></script>
</head>
<body>
<h1>Themes</h1>
<div id="light" data-symptom-guide data-theme="light"></div>
<div id="dark" data-symptom-guide data-theme="dark" data-height="700"></div>
<div id="auto" data-symptom-guide data-theme="auto" data-height="700"></div>
<script src="%[1]s/embed.js" async></script>
</body>
</html>`

// TestTheme_Override embeds the guide three times on a strict-CSP page,
// with data-theme light, dark and auto: whatever the visitor's system
// prefers, the first is light and the second dark; the third follows the
// system.
func TestTheme_Override(t *testing.T) {
	guideBase, hostBase := embedHost(t, true, themePage, guide.MustNew(guidedata.Content))
	host := newVisitor(t)
	host.viewport(800, 3000)
	host.do(chromedp.Navigate(hostBase + "/"))
	host.poll("three guides ready", `window.guideEvents.filter(e => e.name === "ready").length === 3`)
	frames := map[string]*visitor{}
	for _, id := range []string{"light", "dark", "auto"} {
		frames[id] = frameVisitor(t, host, guideBase, id)
	}
	for _, system := range []string{"dark", "light"} {
		for id, f := range frames {
			f.prefer(system)
			want := id == "dark" || id == "auto" && system == "dark"
			if !f.eventually(fmt.Sprintf(`(() => {
				const lum = c => { const [r, g, b] = c.match(/\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
				return (lum(getComputedStyle(document.body).backgroundColor) < 0.2) === %t;
			})()`, want), 3*time.Second) {
				t.Errorf("data-theme=%q with the system preferring %s: got background %s, want dark %t", id, system, colourOf(f, "body", "backgroundColor"), want)
			}
		}
	}
	frames["dark"].press(words().Start.Button)
	frames["dark"].waitHeading(questionTitle(t, guide.AgeQuestion))
	if got := eval[string](frames["dark"], `document.documentElement.getAttribute("data-theme")`); got != "dark" {
		t.Errorf("after a step the dark guide's data-theme is %q, want it kept", got)
	}
	checkNoConsoleErrors(t, map[string]*visitor{"host": host, "light": frames["light"], "dark": frames["dark"]})
}
