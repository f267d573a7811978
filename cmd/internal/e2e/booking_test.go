//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
)

// levelQueries returns a result address's query for every outcome level of
// guide.Levels and for a child, from the compiled content's signs.
func levelQueries(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{guide.Routine.String(): answersUpTo(""), "underage": guide.AgeQuestion + "=" + guide.Under16}
	for _, l := range guide.Levels {
		if l == guide.Routine {
			continue
		}
		for _, s := range suite.guide.Signs() {
			if s.Level == l && s.When == nil && !s.Underage {
				v, _ := url.ParseQuery(answersUpTo(""))
				v.Set(s.Question, s.Option)
				if r := suite.guide.Evaluate(suite.guide.Decode(v)); r.Level != l {
					continue
				}
				out[l.String()] = v.Encode()
				break
			}
		}
		if out[l.String()] == "" {
			t.Fatalf("no answers give the level %v", l)
		}
	}
	return out
}

// newTabs returns the page targets opened since the tabs in before.
func newTabs(t *testing.T, v *visitor, before map[target.ID]bool) []*target.Info {
	t.Helper()
	infos, err := chromedp.Targets(v.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []*target.Info
	for _, info := range infos {
		if info.Type == "page" && !before[info.TargetID] {
			out = append(out, info)
		}
	}
	return out
}

// tabs returns the ids of the page targets open now.
func tabs(t *testing.T, v *visitor) map[target.ID]bool {
	t.Helper()
	infos, err := chromedp.Targets(v.ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[target.ID]bool{}
	for _, info := range infos {
		ids[info.TargetID] = true
	}
	return ids
}

// TestBooking_Embedded opens the result of every outcome inside a clinic's
// page and clicks each booking link: it opens the clinic's booking address
// exactly, in a new tab that cannot reach the guide (noopener), the guide
// stays on its result, and the page's booking event carries that address
// and nothing else. After an emergency or for a child there is no booking
// link and no event. No event carries an answer, an outcome or a section.
func TestBooking_Embedded(t *testing.T) {
	want := guidedata.Content.Clinic.Booking.URL
	guideBase, hostBase := embedSetup(t, true)
	host := newVisitor(t)
	host.viewport(1024, 900)
	host.do(chromedp.Navigate(hostBase + "/"))
	host.poll("the guide's ready event", `window.guideEvents.some(e => e.name === "ready" && e.embed === "guide-one")`)
	frame := frameVisitor(t, host, guideBase, "guide-one")
	var leaks []string
	for level, query := range levelQueries(t) {
		leaks = append(leaks, level)
		v, _ := url.ParseQuery(query)
		for q, opts := range v {
			leaks = append(leaks, q+"=")
			for _, o := range opts {
				if len(o) > 4 {
					leaks = append(leaks, o)
				}
			}
		}
		for _, s := range suite.guide.Evaluate(suite.guide.Decode(v)).Sections {
			leaks = append(leaks, s.ID)
		}
	}
	for level, query := range levelQueries(t) {
		t.Run(level, func(t *testing.T) {
			frame.t, host.t = t, t
			frame.open("/result?" + query)
			host.do(chromedp.Evaluate[chromedp.Void](`window.guideEvents = []`))
			links := eval[int](frame, `document.querySelectorAll("a[data-booking]").length`)
			r := suite.guide.Evaluate(suite.guide.Decode(mustQuery(t, query)))
			if hidden := r.Level == guide.Emergency || r.Underage; hidden != (links == 0) {
				t.Fatalf("got %d booking links, want none exactly when booking is hidden", links)
			}
			if hrefs := eval[[]string](frame, `[...document.querySelectorAll("a[data-booking]")].map(a => a.href + " " + a.target + " " + a.rel)`); len(hrefs) != links {
				t.Fatalf("got booking links %q", hrefs)
			} else {
				for _, h := range hrefs {
					if !strings.HasPrefix(h, want+" _blank ") || !strings.Contains(h, "noopener") {
						t.Errorf("got booking link %q, want %s in a new tab with noopener", h, want)
					}
				}
			}
			for i := range links {
				before := tabs(t, host)
				frame.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelectorAll("a[data-booking]").forEach((a, i) => a.toggleAttribute("data-e2e-book", i === %d))`, i)))
				frame.do(chromedp.Click(chromedp.CSS(`a[data-e2e-book]`)))
				var opened []*target.Info
				for deadline := time.Now().Add(5 * time.Second); len(opened) == 0 && time.Now().Before(deadline); {
					time.Sleep(100 * time.Millisecond)
					opened = newTabs(t, host, before)
				}
				if len(opened) != 1 {
					t.Fatalf("booking link %d opened %d tabs, want 1", i, len(opened))
				}
				tab := opened[0]
				// A new tab has no address for a moment.
				for deadline := time.Now().Add(5 * time.Second); (tab.URL == "" || tab.URL == "about:blank") && time.Now().Before(deadline); {
					time.Sleep(100 * time.Millisecond)
					for _, info := range newTabs(t, host, before) {
						if info.TargetID == tab.TargetID {
							tab = info
						}
					}
				}
				// The test machine cannot reach the clinic's site: the tab
				// may already show the browser's error page.
				if tab.URL != want && !strings.HasPrefix(tab.URL, "chrome-error://") {
					t.Errorf("booking link %d opened %s, want %s", i, tab.URL, want)
				}
				if tab.CanAccessOpener {
					t.Errorf("the booking tab can reach the guide's window: want noopener")
				}
				chromedp.Call(host.ctx, target.CloseTarget, target.CloseTargetParams{TargetID: tab.TargetID})
				if got := frame.url().Path; got != "/result" {
					t.Errorf("after the booking click the guide's frame moved to %s", got)
				}
			}
			if links > 0 {
				host.poll("the booking events", `window.guideEvents.filter(e => e.name === "booking").length >= 1`)
			}
			time.Sleep(200 * time.Millisecond)
			events := hostEvents(t, host)
			raw, _ := json.Marshal(events)
			for _, e := range events {
				if e["name"] != "booking" {
					continue
				}
				detail, _ := e["detail"].(map[string]any)
				if len(detail) != 1 || detail["href"] != want {
					t.Errorf("got booking event detail %v, want only href %s", detail, want)
				}
			}
			for _, l := range leaks {
				if strings.Contains(string(raw), l) && !strings.Contains(want, l) {
					t.Errorf("an event carries %q: %s", l, raw)
				}
			}
		})
	}
}

// mustQuery parses a query string.
func mustQuery(t *testing.T, q string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// bookingProviders are links as the content compiler builds them for each
// booking.provider (cmd/guidec's TestCheckBooking_Providers checks that).
var bookingProviders = []guide.Booking{
	{Provider: "url", URL: "https://willowlane.example/book?utm_source=symptom-guide"},
	{Provider: "jane", URL: "https://willowlane.janeapp.com/?utm_source=symptom-guide#/staff_member/1"},
	{Provider: "cliniko", URL: "https://willow-lane.uk2.cliniko.com/bookings"},
	{Provider: "calendly", URL: "https://calendly.com/willowlane/consultation?utm_source=symptom-guide"},
	{Provider: "cal.com", URL: "https://cal.com/willowlane/consultation"},
	{Provider: "acuity", URL: "https://willowlane.as.me/?ref=guide"},
}

// TestBooking_Providers serves a guide whose clinic books through each
// provider and opens a routine result as the server renders it (scripts
// off, so the page is exactly the server's): every booking link is the
// provider's address, opening in a new tab without an opener.
func TestBooking_Providers(t *testing.T) {
	defer embedSetup(t, true) // routes the suite's own content again
	for _, b := range bookingProviders {
		t.Run(b.Provider, func(t *testing.T) {
			c := *guidedata.Content
			c.Clinic.Booking.URL, c.Clinic.Booking.Provider = b.URL, b.Provider
			guideBase, _ := embedHost(t, false, hostPage, guide.MustNew(&c))
			v := newVisitorAt(t, guideBase)
			if _, err := chromedp.Call(v.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
			v.do(chromedp.Navigate(guideBase + "/result?" + answersUpTo("")))
			v.poll("the result", `!!document.querySelector(".outcome")`)
			type link struct{ Href, Target, Rel string }
			links := eval[[]link](v, `[...document.querySelectorAll("a[data-booking]")].map(a => ({href: a.getAttribute("href"), target: a.target, rel: a.rel}))`)
			if len(links) == 0 {
				t.Fatal("no booking link on a routine result")
			}
			for _, l := range links {
				if l.Href != b.URL || l.Target != "_blank" || !strings.Contains(l.Rel, "noopener") {
					t.Errorf("got booking link %+v, want %s in a new tab with noopener", l, b.URL)
				}
			}
			before := tabs(t, v)
			v.do(chromedp.Click(chromedp.CSS(`a[data-booking]`)))
			var opened []*target.Info
			for deadline := time.Now().Add(5 * time.Second); len(opened) == 0 && time.Now().Before(deadline); {
				time.Sleep(100 * time.Millisecond)
				opened = newTabs(t, v, before)
			}
			if len(opened) != 1 || opened[0].CanAccessOpener {
				t.Fatalf("the booking link opened %v, want one tab without an opener", opened)
			}
			chromedp.Call(v.ctx, target.CloseTarget, target.CloseTargetParams{TargetID: opened[0].TargetID})
		})
	}
}
