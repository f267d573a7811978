//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/server"
)

// hostCSP is the strict policy of the demo clinic page: scripts and frames
// only from the guide's origin, styles only from the page's own origin.
const hostCSP = "default-src 'self'; script-src 'self' %[1]s; frame-src %[1]s; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'"

// hostPage is a fictional clinic blog post with two embeds.
const hostPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Five myths about back pain – Example Clinic blog</title>
<link rel="stylesheet" href="/host.css">
<script src="/host.js"></script>
</head>
<body>
<header class="masthead"><p>Example Clinic blog</p></header>
<article>
<h1>Five myths about back pain</h1>
<p>Most back pain gets better with time and gentle movement. Our short guide helps you decide what to do next.</p>
<div id="guide-one" data-symptom-guide data-title="Back pain guide"></div>
<p>Between the two guides, some more of the blog post.</p>
<div id="guide-two" data-symptom-guide data-height="500"></div>
</article>
<script src="%s/embed.js" async></script>
</body>
</html>`

// hostCSS styles the host page, with rules that would clash with the
// guide's if they leaked into it.
const hostCSS = `body { font-family: Georgia, serif; margin: 0 auto; max-width: 50rem; padding: 1rem; background: #fffbe6; }
h1, p { color: #402000; } iframe { outline: 2px dashed #c90; } .button { background: hotpink; }`

// hostJS records the guide's events on the page.
const hostJS = `window.guideEvents = [];
["ready", "started", "completed", "booking"].forEach(function (name) {
  document.addEventListener("symptom-guide:" + name, function (e) {
    window.guideEvents.push({ embed: e.target.id, name: name, detail: e.detail });
  });
});`

// embedSetup serves the guide allowing hostOrigin to frame it, and a host
// page on another origin (localhost rather than 127.0.0.1).
func embedSetup(t *testing.T, allowHost bool) (guideBase, hostBase string) {
	t.Helper()
	return embedHost(t, allowHost, hostPage, guide.MustNew(guidedata.Content))
}

// embedHost serves g (and the clinic's other languages) allowing the host
// to frame it (when allowHost), and
// page, a format whose %[1]s is the guide's address, as the host's page on
// another origin with the strict policy hostCSP.
func embedHost(t *testing.T, allowHost bool, page string, g *guide.Guide) (guideBase, hostBase string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hostBase = fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	var origins []string
	if allowHost {
		origins = []string{hostBase}
	}
	s, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: webDir, Guides: append([]*guide.Guide{g}, suite.guides[1:]...), EmbedOrigins: origins, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go s.Serve(ctx)
	t.Cleanup(cancel)
	guideBase = "http://" + s.Addr()

	host := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", fmt.Sprintf(hostCSP, guideBase))
		switch r.URL.Path {
		case "/host.css":
			w.Header().Set("Content-Type", "text/css")
			io.WriteString(w, hostCSS)
		case "/host.js":
			w.Header().Set("Content-Type", "text/javascript")
			io.WriteString(w, hostJS)
		case "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, page, guideBase)
		default:
			http.NotFound(w, r)
		}
	}))
	host.Listener.Close()
	host.Listener = ln
	host.Start()
	t.Cleanup(host.Close)
	return guideBase, hostBase
}

// frameVisitor attaches to the guide's iframe with the given element id on
// the host page: the frame is another site, so it is a target of its own.
func frameVisitor(t *testing.T, host *visitor, guideBase, embedID string) *visitor {
	t.Helper()
	return frameVisitorAt(t, host, guideBase, "#"+embedID+" iframe")
}

// frameVisitorAt attaches to the guide's iframe that the CSS selector sel
// finds on the host page.
func frameVisitorAt(t *testing.T, host *visitor, guideBase, sel string) *visitor {
	t.Helper()
	name := eval[string](host, fmt.Sprintf(`document.querySelector(%s).name`, jsString(sel)))
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(host.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type != "iframe" || !strings.HasPrefix(info.URL, guideBase) {
				continue
			}
			ctx, cancel := chromedp.NewContext(host.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			f := &visitor{t: t, ctx: ctx, base: guideBase}
			// The frame's name starts with the host's; the guide drops the
			// language it asked for once it has followed it.
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.name`))
			if err == nil && strings.HasPrefix(name, strings.TrimSpace(got)) && len(strings.Fields(got)) >= 5 {
				t.Cleanup(cancel)
				f.recordConsole()
				f.waitApp()
				return f
			}
			cancel()
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no frame of the guide for %s", sel)
	return nil
}

// fits asserts the frame shows all its content: no scrollbar inside.
func fits(t *testing.T, host, frame *visitor, embedID, step string) {
	t.Helper()
	// Chromium pauses rendering in frames out of view; look at this one.
	host.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector("#%s").scrollIntoView({block: "nearest"})`, embedID)))
	var content, client float64
	for range 40 {
		content = eval[float64](frame, `document.documentElement.scrollHeight`)
		client = eval[float64](host, fmt.Sprintf(`document.querySelector("#%s iframe").clientHeight`, embedID))
		if content <= client+1 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("%s: the guide's content is %v px high in a frame of %v px: it scrolls inside", step, content, client)
}

// hostEvents returns the guide events the host page received.
func hostEvents(t *testing.T, host *visitor) []map[string]any {
	t.Helper()
	raw := eval[string](host, `JSON.stringify(window.guideEvents)`)
	var events []map[string]any
	if err := json.Unmarshal([]byte(raw), &events); err != nil {
		t.Fatal(err)
	}
	return events
}

// TestEmbed walks the guide inside a clinic's page with a strict CSP: the
// frame keeps its height to the content at each step, the page receives the
// events without any answer in them, and the second embed is untouched.
func TestEmbed(t *testing.T) {
	guideBase, hostBase := embedSetup(t, true)
	host := newVisitor(t)
	host.viewport(390, 844)
	host.do(chromedp.Navigate(hostBase + "/"))
	host.poll("two frames", `document.querySelectorAll("iframe").length === 2`)
	if got := eval[string](host, `[...document.querySelectorAll("iframe")].map(f => f.loading).join(",")`); got != "lazy,lazy" {
		t.Errorf("got iframes loading %q, want two lazy iframes", got)
	}
	// The second frame is below the fold; bring it near so it loads.
	host.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#guide-two").scrollIntoView()`))
	host.poll("both guides ready", `window.guideEvents.filter(e => e.name === "ready").length === 2`)
	// The first frame keeps the page's data-title; the second, which has
	// none, takes the strings file's frame title from the guide.
	frameTitle := suite.guide.Content().Strings.Embed.FrameTitle
	if got, want := eval[string](host, `[...document.querySelectorAll("iframe")].map(f => f.title).join("|")`), "Back pain guide|"+frameTitle; got != want {
		t.Errorf("got iframe titles %q, want %q", got, want)
	}
	host.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))

	one := frameVisitor(t, host, guideBase, "guide-one")
	two := frameVisitor(t, host, guideBase, "guide-two")
	if eval[bool](one, `!document.documentElement.classList.contains("embedded") || getComputedStyle(document.querySelector(".site-header")).display !== "none"`) {
		t.Error("the embedded guide shows its own site header")
	}
	fits(t, host, one, "guide-one", "start page")

	one.press(words().Start.Button)
	one.waitHeading(questionTitle(t, "age"))
	fits(t, host, one, "guide-one", "first question")
	one.press(words().Question.Continue)
	one.poll("the error summary", `!!document.querySelector(".error-summary")`)
	fits(t, host, one, "guide-one", "error summary")
	one.tickInFrame(option(t, "age", "20-49").Label)
	one.continueTo(questionTitle(t, "pain"))
	one.tickInFrame(option(t, "pain", "lower-back").Label)
	one.continueTo(questionTitle(t, "duration"))
	fits(t, host, one, "guide-one", "third question")
	one.tickInFrame(option(t, "duration", "acute").Label)
	for _, q := range []string{"emergency", "urgent", "history"} {
		one.continueTo(questionTitle(t, q))
		one.tickInFrame(option(t, q, "none").Label)
	}
	one.continueTo(questionTitle(t, "factors"))
	one.tickInFrame(option(t, "factors", "screens").Label)
	one.continueTo(questionTitle(t, "cautions"))
	one.tickInFrame(option(t, "cautions", "pregnancy").Label)
	one.continueTo(headingCheck())
	fits(t, host, one, "guide-one", "check page")
	one.press(words().Check.Button)
	one.waitHeading(headingCaution())
	fits(t, host, one, "guide-one", "result page")
	host.poll("the completed event", `window.guideEvents.some(e => e.name === "completed" && e.embed === "guide-one")`)

	one.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("a[data-booking]").click()`))
	host.poll("the booking event", `window.guideEvents.some(e => e.name === "booking")`)

	events := hostEvents(t, host)
	seen := map[string]bool{}
	for _, e := range events {
		seen[fmt.Sprint(e["embed"], ":", e["name"])] = true
	}
	for _, want := range []string{"guide-one:ready", "guide-one:started", "guide-one:completed", "guide-one:booking", "guide-two:ready"} {
		if !seen[want] {
			t.Errorf("the host page did not receive %s; got %v", want, events)
		}
	}
	if seen["guide-two:started"] || seen["guide-two:completed"] {
		t.Errorf("the second embed reported progress it did not make: %v", events)
	}
	raw, _ := json.Marshal(events)
	for _, answer := range []string{"upper-back", "acute", "screens", "pregnan", "caution", "routine", "none"} {
		if strings.Contains(string(raw), answer) {
			t.Errorf("an event carries %q, a visitor's answer or outcome: %s", answer, raw)
		}
	}
	for _, e := range events {
		if e["name"] == "booking" {
			detail, _ := e["detail"].(map[string]any)
			if detail["href"] != guidedata.Content.Clinic.Booking.URL {
				t.Errorf("got booking href %v, want %s", detail["href"], guidedata.Content.Clinic.Booking.URL)
			}
		}
	}
	if got := two.heading(); got != headingStart() {
		t.Errorf("the second guide moved to %q", got)
	}
	fits(t, host, two, "guide-two", "second embed start page")
	for name, v := range map[string]*visitor{"host": host, "frame one": one, "frame two": two} {
		v.mu.Lock()
		for _, m := range v.console {
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				t.Errorf("%s console %s: %s (%s)", name, m.Type, m.Text, m.URL)
			}
		}
		v.mu.Unlock()
	}
}

// TestEmbed_RefusedOrigin asserts a page whose origin is not in the allowed
// list cannot frame the guide: the browser refuses to show it.
func TestEmbed_RefusedOrigin(t *testing.T) {
	guideBase, hostBase := embedSetup(t, false)
	host := newVisitor(t)
	host.do(chromedp.Navigate(hostBase + "/"))
	host.poll("the frames", `document.querySelectorAll("iframe").length === 2`)
	time.Sleep(2 * time.Second)
	if n := eval[int](host, `window.guideEvents.length`); n != 0 {
		t.Errorf("a refused frame sent %d events", n)
	}
	infos, err := chromedp.Targets(host.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range infos {
		if info.Type != "iframe" {
			continue
		}
		ctx, cancel := chromedp.NewContext(host.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.href.startsWith(`+jsString(guideBase)+`) && !!document.querySelector("h1")`))
		cancel()
		if err == nil && shown {
			t.Errorf("the guide shows in a frame of a refused origin: %s", info.URL)
		}
	}
	refused := false
	host.mu.Lock()
	for _, m := range host.console {
		if strings.Contains(m.Text, "frame-ancestors") || strings.Contains(m.Text, "Refused to frame") {
			refused = true
		}
	}
	host.mu.Unlock()
	if !refused {
		t.Error("the browser did not report refusing to frame the guide")
	}
}

// tickInFrame ticks the option labelled label in an embedded guide and waits
// until it is ticked. The host page resizes the frame as each page arrives,
// so a click can land while the frame moves; it is tried once more then.
func (v *visitor) tickInFrame(label string) {
	v.t.Helper()
	isTicked := fmt.Sprintf(`(() => {
		const l = [...document.querySelectorAll("label")].find(l => l.innerText.trim() === %s);
		const i = l && document.getElementById(l.htmlFor);
		return !!(i && i.checked);
	})()`, jsString(label))
	for try := 0; try < 2; try++ {
		v.choose(label)
		if v.eventually(isTicked, 2*time.Second) {
			return
		}
	}
	v.t.Fatalf("could not tick %q on %q", label, v.heading())
}
