//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/app/ui"
	"symptomguide/cmd/internal/browser"
	"symptomguide/cmd/internal/server"
)

var (
	chromiumPath = flag.String("chromium", envOr("CHROMIUM", "/usr/bin/chromium"), "the Chromium binary")
	shotsDir     = flag.String("screenshots", envOr("SCREENSHOTS", "../../../screenshots"), "where screenshots are written")
)

// webDir is the built web folder the server serves: web/ for the demo
// clinic, or the folder make builds another clinic's content into (the
// Makefile sets WEB when CONTENT names another clinic).
var webDir = envOr("WEB", "../../../web")

// suite holds what every test shares: one server and one browser.
var suite struct {
	base    string // the server's URL, such as http://127.0.0.1:43123
	browser context.Context
	// guide is the engine of the language a test is in, for question
	// titles, option labels and words: the default one, or another inside
	// inEachLanguage.
	guide *guide.Guide
	// guides has one engine for each of the clinic's languages, the
	// default first.
	guides []*guide.Guide
}

// inEachLanguage runs f as a subtest in each of the clinic's languages,
// with suite.guide that language's engine, so the helpers read its words,
// titles and labels, and lp gives its addresses.
func inEachLanguage(t *testing.T, f func(t *testing.T)) {
	forEachLanguage(func(g *guide.Guide) { t.Run(g.Content().Clinic.Lang, f) })
}

// forEachLanguage calls f with each of the clinic's engines, with
// suite.guide set to it, and sets it back to the default after.
func forEachLanguage(f func(g *guide.Guide)) {
	def := suite.guide
	defer func() { suite.guide = def }()
	for _, g := range suite.guides {
		suite.guide = g
		f(g)
	}
}

// lp returns path, an address in the default language such as /q/pain, in
// the language of the test (see inEachLanguage): /es/q/pain for es-US.
func lp(path string) string { return ui.PathIn(suite.guide.Content().Clinic.Lang, path) }

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runSuite(m))
}

// runSuite starts the server and the browser, runs the tests and cleans up.
func runSuite(m *testing.M) int {
	if _, err := exec.LookPath(*chromiumPath); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: Chromium not found at %s: install it with `apt-get install -y chromium` (make test does this as root)\n", *chromiumPath)
		return 1
	}
	gs, err := guide.NewAll(guidedata.Languages)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	g := gs[0]
	// The clinic's deployment settings, as cmd/server passes them.
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: webDir, Guides: gs, EmbedOrigins: guidedata.Deploy.EmbedOrigins, HTTPS: guidedata.Deploy.HTTPS, Log: log.New(os.Stderr, "server: ", 0)})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	if err := srv.Listen(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go srv.Serve(ctx)
	suite.base = "http://" + srv.Addr()
	suite.guide, suite.guides = g, gs

	tmp, err := os.MkdirTemp("", "e2e-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, browser.Options(*chromiumPath, tmp, 1280, 800)...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: Chromium failed to start: %v\n", err)
		return 1
	}
	suite.browser = browser
	return m.Run()
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// visitor is one person using the guide in a fresh browser context: no
// cookies, storage or cache shared with any other test.
type visitor struct {
	t   *testing.T
	ctx context.Context
	// base is the URL of the host the visitor uses; "" is the suite's
	// Go server.
	base string

	mu       sync.Mutex
	requests []string
	console  []chromedp.ConsoleMessage
}

// newVisitor opens a new incognito-like browser context and tab, recording
// every network request and console message.
func newVisitor(t *testing.T) *visitor {
	t.Helper()
	return newVisitorAt(t, "")
}

// newVisitorAt is newVisitor on the host at base, such as another server
// of the static export; "" is the suite's Go server.
func newVisitorAt(t *testing.T, base string) *visitor {
	t.Helper()
	ctx, cancel := chromedp.NewContext(suite.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	v := &visitor{t: t, ctx: ctx, base: base}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enabling the network domain: %v", err)
	}
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			v.mu.Lock()
			v.requests = append(v.requests, ev.Request.URL)
			v.mu.Unlock()
		}
	}()
	v.recordConsole()
	return v
}

// recordConsole keeps every console message of the visitor's target from
// now on.
func (v *visitor) recordConsole() {
	console := chromedp.Console(v.ctx)
	go func() {
		for msg, err := range console {
			if err != nil {
				return
			}
			v.mu.Lock()
			v.console = append(v.console, msg)
			v.mu.Unlock()
		}
	}()
}

// do runs chromedp steps, failing the test on error.
func (v *visitor) do(steps ...chromedp.Action[chromedp.Void]) {
	v.t.Helper()
	if err := chromedp.Do(v.ctx, steps...); err != nil {
		v.t.Fatalf("browser: %v", err)
	}
}

// eval evaluates a JavaScript expression and returns its value.
func eval[T any](v *visitor, expr string) T {
	v.t.Helper()
	out, err := chromedp.Run(v.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		v.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return out
}

// poll waits until a JavaScript expression is truthy.
func (v *visitor) poll(what, expr string) {
	v.t.Helper()
	_, err := chromedp.Run(v.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		v.t.Fatalf("waiting for %s: %v\npage text:\n%s", what, err, v.text())
	}
}

// open loads a path of the guide and waits until the app runs.
func (v *visitor) open(path string) {
	v.t.Helper()
	v.do(chromedp.Navigate(v.origin() + path))
	v.waitApp()
}

// origin returns the URL of the host the visitor uses.
func (v *visitor) origin() string {
	if v.base != "" {
		return v.base
	}
	return suite.base
}

// waitApp waits until the wasm app has started: go-app removes its loader.
func (v *visitor) waitApp() {
	v.t.Helper()
	v.poll("the app to start", `document.readyState === "complete" && !document.getElementById("app-wasm-loader") && !!document.querySelector("h1")`)
}

// heading returns the page's main heading.
func (v *visitor) heading() string {
	v.t.Helper()
	return eval[string](v, `(document.querySelector("h1") || {innerText: ""}).innerText.trim()`)
}

// waitHeading waits until the page heading is want.
func (v *visitor) waitHeading(want string) {
	v.t.Helper()
	v.poll(fmt.Sprintf("the heading %q", want), fmt.Sprintf(`(document.querySelector("h1")||{}).innerText?.trim() === %s`, jsString(want)))
}

// text returns the visible text of the page's main content.
func (v *visitor) text() string {
	v.t.Helper()
	s, _ := chromedp.Run(v.ctx, chromedp.Evaluate[string](`(document.querySelector("main") || document.body).innerText`))
	return s
}

// choose clicks the radio or checkbox whose visible label is label.
func (v *visitor) choose(label string) {
	v.t.Helper()
	id := eval[string](v, fmt.Sprintf(`(() => {
		const l = [...document.querySelectorAll("label")].find(l => l.innerText.trim() === %s);
		return l ? l.htmlFor : "";
	})()`, jsString(label)))
	if id == "" {
		v.t.Fatalf("no option labelled %q on %q; page text:\n%s", label, v.heading(), v.text())
	}
	v.do(chromedp.Click(chromedp.CSS(`label[for="` + id + `"]`)))
	v.settle()
}

// checked returns the labels of the ticked options on the page.
func (v *visitor) checked() []string {
	v.t.Helper()
	return eval[[]string](v, `[...document.querySelectorAll("input:checked")].map(i => document.querySelector('label[for="' + i.id + '"]').innerText.trim())`)
}

// press clicks the button or link whose visible text is text. A link with
// visually hidden text also matches its whole text, as a screen reader reads
// it: "Change how long you have had it".
func (v *visitor) press(text string) {
	v.t.Helper()
	v.settle()
	sel := eval[string](v, fmt.Sprintf(`(() => {
		const t = %s;
		const el = [...document.querySelectorAll("main a, main button")].find(e => e.innerText.trim() === t || e.textContent.replace(/\s+/g, " ").trim() === t);
		if (!el) return "";
		el.setAttribute("data-e2e-target", "1");
		return "[data-e2e-target]";
	})()`, jsString(text)))
	if sel == "" {
		v.t.Fatalf("no button or link %q on %q; page text:\n%s", text, v.heading(), v.text())
	}
	v.do(chromedp.Click(chromedp.CSS(sel)))
	// The attribute goes with the old page on navigation; remove it if the
	// click did not navigate.
	chromedp.Run(v.ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("[data-e2e-target]").forEach(e => e.removeAttribute("data-e2e-target"))`))
}

// settle waits until the page has stopped changing for a moment. The app
// renders after each event, and a click must not land on a layout that is
// still moving (an error summary that comes or goes shifts the form). It
// gives up quietly after 3 seconds (a page whose scripts are turned off has
// no timers) and when the page goes away under it (a navigation).
func (v *visitor) settle() {
	v.t.Helper()
	ctx, cancel := context.WithTimeout(v.ctx, 3*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`new Promise(resolve => {
		let quiet;
		const done = () => { obs.disconnect(); resolve(); };
		const obs = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 80); });
		obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
		quiet = setTimeout(done, 80);
		setTimeout(done, 2000);
	})`, chromedp.EvalAwaitPromise))
	if err != nil && v.ctx.Err() != nil {
		v.t.Fatalf("waiting for the page to settle: %v", v.ctx.Err())
	}
}

// continueTo presses Continue and waits for the next heading.
func (v *visitor) continueTo(heading string) {
	v.t.Helper()
	v.press(words().Question.Continue)
	v.waitHeading(heading)
}

// url returns the page's current URL.
func (v *visitor) url() *url.URL {
	v.t.Helper()
	u, err := url.Parse(eval[string](v, `location.href`))
	if err != nil {
		v.t.Fatal(err)
	}
	return u
}

// screenshot writes a PNG of what the viewport shows to the screenshots
// folder; full adds the whole page.
func (v *visitor) screenshot(name string) {
	v.t.Helper()
	b, err := chromedp.Run(v.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		v.t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(*shotsDir, 0o755); err != nil {
		v.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*shotsDir, name+".png"), b, 0o644); err != nil {
		v.t.Fatal(err)
	}
}

// viewport sets the window size.
func (v *visitor) viewport(w, h int64) {
	v.t.Helper()
	v.do(chromedp.EmulateViewport(w, h))
}

// checkPrivacy asserts what the guide promises: every request stays on the
// guide's origin, no cookies are set, and the console shows no errors.
func (v *visitor) checkPrivacy() {
	v.t.Helper()
	base, _ := url.Parse(v.origin())
	v.mu.Lock()
	requests := append([]string(nil), v.requests...)
	console := append([]chromedp.ConsoleMessage(nil), v.console...)
	v.mu.Unlock()
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Host != base.Host) {
			v.t.Errorf("request to another origin: %s", r)
		}
	}
	res, err := chromedp.Call(v.ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		v.t.Fatalf("reading cookies: %v", err)
	}
	if len(res.Cookies) > 0 {
		v.t.Errorf("cookies set: %v", res.Cookies)
	}
	for _, m := range console {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
			v.t.Errorf("console %s: %s", m.Type, m.Text)
		}
	}
}

// requestsSince returns the requests recorded after the first n.
func (v *visitor) requestsSince(n int) []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]string(nil), v.requests[min(n, len(v.requests)):]...)
}

// requestCount returns how many requests were recorded so far.
func (v *visitor) requestCount() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return len(v.requests)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// back presses the browser's back button and waits until the previous
// history entry shows: a new page load, or the app's own navigation.
func (v *visitor) back() {
	v.t.Helper()
	v.do(chromedp.NavigateBack())
}

// reload reloads the page as the browser's reload button does and waits
// until the app runs again.
func (v *visitor) reload() {
	v.t.Helper()
	v.do(chromedp.Reload())
	v.waitApp()
}

// keys types keys as key presses on whatever has the focus; see package kb
// for the names of special keys.
func (v *visitor) keys(keys string) {
	v.t.Helper()
	v.do(chromedp.KeyEvent(keys))
}

// focused returns the id of the element that has the focus, or "" when it
// has none.
func (v *visitor) focused() string {
	v.t.Helper()
	return eval[string](v, `document.activeElement ? document.activeElement.id : ""`)
}

// title returns the document title.
func (v *visitor) title() string {
	v.t.Helper()
	return eval[string](v, `document.title`)
}

// exists reports whether an element matches the CSS selector.
func (v *visitor) exists(selector string) bool {
	v.t.Helper()
	return eval[bool](v, fmt.Sprintf(`!!document.querySelector(%s)`, jsString(selector)))
}

// textOf returns the visible text of the first element matching selector,
// or "" when there is none.
func (v *visitor) textOf(selector string) string {
	v.t.Helper()
	return eval[string](v, fmt.Sprintf(`(document.querySelector(%s) || {innerText: ""}).innerText`, jsString(selector)))
}

// phone sets a mobile viewport of w×h CSS pixels, as a phone's browser
// lays the page out.
func (v *visitor) phone(w, h int64) {
	v.t.Helper()
	v.do(chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulatePortrait))
}

// questionTitle returns the heading of the question with id q.
func questionTitle(t *testing.T, q string) string {
	t.Helper()
	question, ok := suite.guide.Question(q)
	if !ok {
		t.Fatalf("no question %q in the guide", q)
	}
	return question.Title
}

// sectionTitle returns the title of the section with id id.
func sectionTitle(t *testing.T, id string) string {
	t.Helper()
	for _, s := range suite.guide.Content().Sections {
		if s.ID == id {
			return s.Title
		}
	}
	t.Fatalf("no section %q in the guide", id)
	return ""
}

// option returns the option o of question q as the content defines it.
func option(t *testing.T, q, o string) guide.Option {
	t.Helper()
	opt, ok := suite.guide.Option(q, o)
	if !ok {
		t.Fatalf("no option %q for the question %q in the guide", o, q)
	}
	return opt
}

// eventually reports whether a JavaScript expression becomes truthy within
// timeout, for checks that report a failure and go on rather than stop.
func (v *visitor) eventually(expr string, timeout time.Duration) bool {
	v.t.Helper()
	_, err := chromedp.Run(v.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	return err == nil
}

// focusedDescription describes the element that has the focus, for error
// messages: its tag, id and text.
func (v *visitor) focusedDescription() string {
	v.t.Helper()
	return eval[string](v, `(() => {
		const el = document.activeElement;
		if (!el) return "nothing";
		return "<" + el.tagName.toLowerCase() + (el.id ? ' id="' + el.id + '"' : "") + ">" + (el === document.body ? "" : " " + JSON.stringify(el.innerText.trim().slice(0, 60)));
	})()`)
}

// tabUntil presses Tab until the JavaScript expression is true of the
// focused element, failing after 40 presses; what names the target.
func (v *visitor) tabUntil(what, expr string) {
	v.t.Helper()
	for range 40 {
		if eval[bool](v, expr) {
			return
		}
		v.keys(kb.Tab)
	}
	v.t.Fatalf("pressed Tab 40 times on %q and the focus never reached %s; it is on %s", v.heading(), what, v.focusedDescription())
}

// answerFrom answers every question of the guide from question id on, in
// the guide's order and by visible label: the options picks names, or
// "None of these" where picks names none. It starts on id's page and ends
// on the check page.
func (v *visitor) answerFrom(id string, picks map[string][]string) {
	t := v.t
	t.Helper()
	qs := suite.guide.Questions()
	started := false
	for i, q := range qs {
		started = started || q.ID == id
		if !started {
			continue
		}
		opts := picks[q.ID]
		if opts == nil {
			opts = []string{"none"}
		}
		for _, o := range opts {
			v.choose(option(t, q.ID, o).Label)
		}
		next := headingCheck()
		if i+1 < len(qs) {
			next = qs[i+1].Title
		}
		v.continueTo(next)
	}
}
