//go:build browser

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/server"
	"symptomguide/cmd/internal/site"
)

// TestNoJavaScript walks from the start page to a result with JavaScript
// turned off: every step is a plain form or link answered by the Go server.
func TestNoJavaScript(t *testing.T) {
	v := newVisitor(t)
	if _, err := chromedp.Call(v.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	v.do(chromedp.Navigate(suite.base + "/"))
	v.waitHeadingStatic(headingStart())
	v.pressStatic(words().Start.Button)
	v.waitHeadingStatic(questionTitle(t, "age"))

	// Continue with nothing chosen: the server renders the error summary.
	v.pressStatic(words().Question.Continue)
	v.waitHeadingStatic(questionTitle(t, "age"))
	if !eval[bool](v, `!!document.querySelector(".error-summary")`) {
		t.Fatalf("no error summary after Continue with nothing chosen:\n%s", v.text())
	}
	if got := eval[string](v, `document.title`); !strings.HasPrefix(got, "Error: ") {
		t.Errorf("got title %q, want it to start with Error:", got)
	}
	v.chooseStatic(option(t, "age", "20-49").Label)
	v.continueStatic(questionTitle(t, "pain"))
	v.chooseStatic(option(t, "pain", "tension").Label)
	v.continueStatic(questionTitle(t, "duration"))
	v.chooseStatic(option(t, "duration", "weeks").Label)
	for _, q := range []string{"emergency", "urgent", "history"} {
		v.continueStatic(questionTitle(t, q))
		v.chooseStatic(option(t, q, "none").Label)
	}
	v.continueStatic(questionTitle(t, "factors"))
	v.chooseStatic(option(t, "factors", "stress").Label)
	v.continueStatic(questionTitle(t, "cautions"))
	v.chooseStatic(option(t, "cautions", "needle-fear").Label)
	v.continueStatic(headingCheck())

	// Change an answer from the check page and come back to it.
	v.do(chromedp.Click(chromedp.CSS(`a[href^="/q/duration?"][href*="change=1"]`)))
	v.waitHeadingStatic(questionTitle(t, "duration"))
	v.chooseStatic(option(t, "duration", "chronic").Label)
	v.continueStatic(headingCheck())
	if text := v.text(); !strings.Contains(text, option(t, "duration", "chronic").Label) || strings.Contains(text, option(t, "duration", "weeks").Label) {
		t.Errorf("the check page does not show the changed answer:\n%s", text)
	}
	v.pressStatic(words().Check.Button)
	v.waitHeadingStatic(headingCaution())
	if eval[bool](v, `!document.getElementById("section-tension") || !document.getElementById("section-needle-fear") || !document.getElementById("section-stress")`) {
		t.Error("the result lacks the tension, needle-fear or stress section")
	}
	if eval[bool](v, `document.documentElement.dataset.app === "running"`) {
		t.Error("the app ran although JavaScript is off")
	}
	// The back link works too.
	v.pressStatic(words().Common.Back)
	v.waitHeadingStatic(headingCheck())
}

// chooseStatic clicks the option labelled label on a page where scripts do
// not run (the shared helpers wait for the app to settle, which needs timers).
func (v *visitor) chooseStatic(label string) {
	v.t.Helper()
	id := eval[string](v, fmt.Sprintf(`([...document.querySelectorAll("label")].find(l => l.innerText.trim() === %s) || {}).htmlFor || ""`, jsString(label)))
	if id == "" {
		v.t.Fatalf("no option labelled %q; page text:\n%s", label, v.text())
	}
	v.do(chromedp.Click(chromedp.CSS(`label[for="` + id + `"]`)))
}

// pressStatic clicks the link or button whose text is text, without
// scripts.
func (v *visitor) pressStatic(text string) {
	v.t.Helper()
	ok := eval[bool](v, fmt.Sprintf(`(() => {
		const el = [...document.querySelectorAll("main a, main button")].find(e => e.innerText.trim() === %s);
		if (el) el.setAttribute("data-e2e-static", "1");
		window.e2eOld = true;
		return !!el;
	})()`, jsString(text)))
	if !ok {
		v.t.Fatalf("no button or link %q; page text:\n%s", text, v.text())
	}
	v.do(chromedp.Click(chromedp.CSS(`[data-e2e-static]`)))
}

// continueStatic presses Continue and waits for the next heading.
func (v *visitor) continueStatic(heading string) {
	v.t.Helper()
	v.pressStatic(words().Question.Continue)
	v.waitHeadingStatic(heading)
}

// waitHeadingStatic waits for a new page (pressStatic marks the old one)
// that shows heading. Page loads replace the document, so evaluation errors
// in between are retried.
func (v *visitor) waitHeadingStatic(heading string) {
	v.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		got, err := chromedp.Run(v.ctx, chromedp.Evaluate[string](`!window.e2eOld && document.readyState === "complete" ? (document.querySelector("h1") || {innerText: ""}).innerText.trim() : ""`))
		if err == nil && got == heading {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	v.t.Fatalf("no page with the heading %q; page text:\n%s", heading, v.text())
}

// heldServer serves the guide but holds app.wasm back until release is
// called, as a slow network would.
func heldServer(t *testing.T) (base string, release func()) {
	t.Helper()
	base, release, _ = heldServerLog(t)
	return base, release
}

// heldServerLog is heldServer that also returns the queries of the
// requests it was sent so far.
func heldServerLog(t *testing.T) (base string, release func(), queries func() []string) {
	t.Helper()
	s, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: webDir, Guides: guide.MustNewAll(guidedata.Languages)})
	if err != nil {
		t.Fatal(err)
	}
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	var mu sync.Mutex
	var seen []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.RawQuery)
		mu.Unlock()
		if r.URL.Path == "/web/app.wasm" {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		s.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(func() { release(); ts.Close() })
	return ts.URL, release, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}

// TestGoServer_BeforeTheApp walks the Go server while app.wasm is held
// back: question to question, the pages move on in the same document and
// no answer is sent; a deciding answer then goes to the server as plain
// HTML, carrying every answer given, and the server shows its result.
func TestGoServer_BeforeTheApp(t *testing.T) {
	base, _, queries := heldServerLog(t)
	v := newVisitorAt(t, base)
	qs := suite.guide.Questions()
	v.do(chromedp.Navigate(base + lp("/q/"+qs[0].ID)))
	v.waitHeading(qs[0].Title)
	v.poll("the navigation before the app", `document.documentElement.dataset.staticNav === "on"`)
	v.do(chromedp.Evaluate[chromedp.Void](`window.samePage = true`))
	dq, deciding := decidingOption(t, qs[0].ID)
	want := v.answerUpTo(dq)
	if !eval[bool](v, `window.samePage === true`) {
		t.Error("a step from question to question loaded a new document")
	}
	for _, q := range queries() {
		for _, qu := range qs {
			if strings.Contains(q, qu.ID+"=") {
				t.Errorf("a step from question to question sent an answer: ?%s", q)
			}
		}
	}
	v.choose(deciding.Label)
	v.press(words().Question.Continue)
	// A new document: evaluation errors while it loads are retried.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if ok, err := chromedp.Run(v.ctx, chromedp.Evaluate[bool](`!!document.querySelector(".outcome")`)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no result after a deciding answer:\n%s", v.text())
		}
	}
	want.Add(dq, deciding.ID)
	if got := v.url(); got.Path != lp("/result") || got.Query().Encode() != want.Encode() {
		t.Errorf("the result's address is %s, want %s?%s", got, lp("/result"), want.Encode())
	}
}

// TestHandOver ticks two options before the app has arrived, then lets the
// app start: the ticks, the focus and the scroll position stay, and Continue
// goes on in the app without a page load.
func TestHandOver(t *testing.T) {
	base, release := heldServer(t)
	v := newVisitor(t)
	v.viewport(390, 600)
	v.do(chromedp.Navigate(base + "/q/factors?age=20-49&pain=lower-back&duration=acute&emergency=none&urgent=none&history=none"))
	v.waitHeading(questionTitle(t, "factors"))

	// The prerendered page is readable at once: nothing covers the heading.
	covered := eval[bool](v, `(() => {
		const h = document.querySelector("h1"), r = h.getBoundingClientRect();
		const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !(el === h || h.contains(el));
	})()`)
	if covered {
		t.Error("the heading is covered before the app has started")
	}
	if eval[bool](v, `document.documentElement.dataset.app === "running"`) {
		t.Fatal("the app runs although app.wasm is held back")
	}

	v.choose(option(t, "factors", "sleep").Label)
	v.choose(option(t, "factors", "lifting").Label)
	v.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 120); window.samePage = true`))
	focus := eval[string](v, `document.activeElement.id`)
	scroll := eval[float64](v, `window.scrollY`)

	release()
	v.poll("the app to start", `document.documentElement.dataset.app === "running"`)
	if got, want := strings.Join(v.checked(), "|"), option(t, "factors", "sleep").Label+"|"+option(t, "factors", "lifting").Label; got != want {
		t.Errorf("after the app started got ticked %q, want the two options ticked before", got)
	}
	if got := eval[string](v, `document.activeElement.id`); got != focus {
		t.Errorf("got focus on %q, want it kept on %q", got, focus)
	}
	if got := eval[float64](v, `window.scrollY`); got != scroll {
		t.Errorf("got scroll %v, want it kept at %v", got, scroll)
	}

	v.continueTo(questionTitle(t, "cautions"))
	if !eval[bool](v, `window.samePage === true`) {
		t.Error("Continue loaded a new page; it should go on in the app")
	}
	if u := v.url(); u.Query().Get("factors") == "" || !strings.Contains(u.RawQuery, "sleep") || !strings.Contains(u.RawQuery, "lifting") {
		t.Errorf("the next page's URL lost the answers: %s", u)
	}
}

// heldStatic serves the static export of the guide as a static host does,
// holding app.wasm back until release is called, as a slow network would.
// It records each request's query and counts the requests for app.wasm.
type heldStatic struct {
	base    string
	release func()

	mu      sync.Mutex
	queries []string
	wasm    int
}

func newHeldStatic(t *testing.T) *heldStatic {
	t.Helper()
	dist := filepath.Join(t.TempDir(), "dist")
	if err := site.Export(webDir, dist, ""); err != nil {
		t.Fatal(err)
	}
	h := &heldStatic{}
	gate := make(chan struct{})
	var once sync.Once
	h.release = func() { once.Do(func() { close(gate) }) }
	files := http.FileServer(http.Dir(dist))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.queries = append(h.queries, r.URL.RawQuery)
		if r.URL.Path == "/web/app.wasm" {
			h.wasm++
		}
		h.mu.Unlock()
		if r.URL.Path == "/web/app.wasm" {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		// Like nginx's try_files $uri $uri.html.
		if path.Ext(r.URL.Path) == "" && r.URL.Path != "/" {
			r.URL.Path += ".html"
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { h.release(); ts.Close() })
	h.base = ts.URL
	return h
}

// wasmRequests returns how many times app.wasm was asked for.
func (h *heldStatic) wasmRequests() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.wasm
}

// checkNoAnswers fails the test if a request to the host carried an answer.
func (h *heldStatic) checkNoAnswers(t *testing.T) {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, q := range h.queries {
		for _, qu := range suite.guide.Questions() {
			if strings.Contains(q, qu.ID+"=") {
				t.Errorf("a request to the static host carried an answer: ?%s", q)
			}
		}
	}
}

// plainOption returns the first option of question q that does not decide
// the outcome on its own, so a walk goes on to the next question.
func plainOption(t *testing.T, q string) guide.Option {
	t.Helper()
	qu, _ := suite.guide.Question(q)
	for _, o := range qu.Options {
		if !suite.guide.Decides(q, o.ID) {
			return o
		}
	}
	t.Fatalf("every option of %s decides the outcome", q)
	return guide.Option{}
}

// decidingOption returns the first option of the guide that decides the
// outcome on its own, after question after.
func decidingOption(t *testing.T, after string) (string, guide.Option) {
	t.Helper()
	for _, q := range suite.guide.Questions()[suite.guide.Index(after)+1:] {
		for _, o := range q.Options {
			if suite.guide.Decides(q.ID, o.ID) {
				return q.ID, o
			}
		}
	}
	t.Fatalf("no option after %s decides the outcome", after)
	return "", guide.Option{}
}

// answerUpTo answers each question from the page shown up to question
// stop with its first plain option (plainOption), checking after each
// step that the next question shows with the answers so far in the
// address and the focus on its heading. It returns those answers.
func (v *visitor) answerUpTo(stop string) url.Values {
	v.t.Helper()
	qs := suite.guide.Questions()
	want := url.Values{}
	for i, q := range qs[:suite.guide.Index(stop)] {
		o := plainOption(v.t, q.ID)
		v.choose(o.Label)
		want.Add(q.ID, o.ID)
		v.continueTo(qs[i+1].Title)
		if got := v.url(); got.Path != lp("/q/"+qs[i+1].ID) || got.Query().Encode() != want.Encode() {
			v.t.Fatalf("after %s: address %s, want %s?%s", q.ID, got, lp("/q/"+qs[i+1].ID), want.Encode())
		}
		if got := eval[string](v, `document.activeElement.id`); got != "page-heading" {
			v.t.Errorf("after %s: focus on %q, want the heading", q.ID, got)
		}
	}
	return want
}

// TestStaticHost_BeforeTheApp walks a static host while app.wasm is held
// back: Start, Continue and Back move on in the same document (so app.wasm
// is asked for once however many pages are seen), answers go into the
// address and never to the host, a deciding answer shows its result at
// once, and the last question's Continue waits for the app, which carries
// on when it runs.
func TestStaticHost_BeforeTheApp(t *testing.T) {
	inEachLanguage(t, staticWalk)
}

// staticWalk is TestStaticHost_BeforeTheApp in one language.
func staticWalk(t *testing.T) {
	host := newHeldStatic(t)
	v := newVisitorAt(t, host.base)
	v.do(chromedp.Navigate(host.base + lp("/")))
	v.waitHeading(headingStart())
	v.poll("the static navigation", `document.documentElement.dataset.staticNav === "on"`)
	v.do(chromedp.Evaluate[chromedp.Void](`window.samePage = true`))
	wasm := host.wasmRequests()
	qs := suite.guide.Questions()

	v.press(words().Start.Button)
	v.waitHeading(qs[0].Title)
	// Answer the questions up to the one with a deciding option.
	dq, deciding := decidingOption(t, qs[0].ID)
	v.answerUpTo(dq)
	// Back shows the previous question with its answer ticked, and on.
	v.press(words().Common.Back)
	prev := qs[suite.guide.Index(dq)-1]
	v.waitHeading(prev.Title)
	if got := v.checked(); len(got) != 1 || got[0] != plainOption(t, prev.ID).Label {
		t.Errorf("Back to %s: ticked %q, want the answer given", prev.ID, got)
	}
	v.continueTo(qs[suite.guide.Index(dq)].Title)

	// A deciding answer shows its result at once, under the result's address.
	v.choose(deciding.Label)
	v.press(words().Question.Continue)
	v.poll("the deciding answer's result", `!!document.querySelector(".outcome")`)
	if got := v.url(); got.Path != lp("/result") || got.Query().Get(dq) != deciding.ID || got.Query().Get(qs[0].ID) == "" {
		t.Errorf("the result's address is %s, want %s with every answer", got, lp("/result"))
	}
	if tel := "tel:" + suite.guide.Content().Clinic.Emergency.Number; deciding.ID != guide.Under16 && !v.exists(`a[href="`+tel+`"]`) {
		t.Errorf("the result of %s=%s has no link to %s:\n%s", dq, deciding.ID, tel, v.text())
	}
	// The browser's Back returns to the question as it was left.
	v.do(chromedp.Evaluate[chromedp.Void](`history.back()`))
	v.waitHeading(qs[suite.guide.Index(dq)].Title)
	if got := v.checked(); len(got) != 1 || got[0] != deciding.Label {
		t.Errorf("Back from the result: ticked %q, want %q", got, deciding.Label)
	}
	if !eval[bool](v, `window.samePage === true`) {
		t.Fatal("a step loaded a new document; before the app runs a static host moves on in the page")
	}
	if got := host.wasmRequests(); got != wasm {
		t.Errorf("app.wasm was asked for %d more times during the walk, want 0", got-wasm)
	}

	// Walk on to the last question: its Continue waits for the app.
	v.choose(deciding.Label) // untick
	o := plainOption(t, dq)
	v.choose(o.Label)
	for i := suite.guide.Index(dq); i+1 < len(qs); i++ {
		v.continueTo(qs[i+1].Title)
		v.choose(plainOption(t, qs[i+1].ID).Label)
	}
	v.press(words().Question.Continue)
	v.poll("the quiet note", `!!document.querySelector(".pending-note")`)
	if got := v.heading(); got != qs[len(qs)-1].Title {
		t.Fatalf("the last Continue left the page before the app ran: heading %q", got)
	}
	host.release()
	v.waitHeading(headingCheck())
	v.poll("the app to start", `document.documentElement.dataset.app === "running"`)
	if u := v.url(); len(suite.guide.Missing(suite.guide.Decode(u.Query()))) != 0 {
		t.Errorf("the check page's address %s lacks answers", u)
	}
	host.checkNoAnswers(t)
}

// TestStaticHost_NoJavaScript opens a static host's question page with
// scripts off: the host cannot take answers, so Continue is off, a note
// in the page's words says why, and ticking and pressing sends nothing.
func TestStaticHost_NoJavaScript(t *testing.T) {
	inEachLanguage(t, func(t *testing.T) {
		host := newHeldStatic(t)
		v := newVisitorAt(t, host.base)
		if _, err := chromedp.Call(v.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		q := suite.guide.Questions()[1]
		v.do(chromedp.Navigate(host.base + lp("/q/"+q.ID)))
		v.waitHeadingStatic(q.Title)
		if !eval[bool](v, `document.querySelector('main form button[name="next"]').disabled`) {
			t.Error("Continue is on although no script runs")
		}
		if note := words().JS.NeedsJS; !strings.Contains(v.text(), note) {
			t.Errorf("the page does not say %q:\n%s", note, v.text())
		}
		v.chooseStatic(plainOption(t, q.ID).Label)
		v.do(chromedp.Click(chromedp.CSS(`main form button[name="next"]`)))
		time.Sleep(500 * time.Millisecond)
		if got := v.url(); got.RawQuery != "" {
			t.Errorf("pressing Continue went to %s", got)
		}
		host.checkNoAnswers(t)
	})
}
