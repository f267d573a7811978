package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"math"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/browser"
	"symptomguide/cmd/internal/server"
)

// marksScript records the moments the benchmark reports; see marks.js.
//
//go:embed marks.js
var marksScript string

// The addresses of a question and of the result; pages from answers carry
// them in the query, in the engine's own codec (guide.Encode).
const (
	questionPrefix = "/q/"
	resultPath     = "/result"
)

// loadPath is the page measured: the first question.
const loadPath = questionPrefix + "pain"

// phase is one of a visit's two page loads.
type phase int

const (
	// cold is the first load in a fresh browser context: empty cache, no
	// service worker.
	cold phase = iota + 1
	// repeat loads the page again in the same tab once the service worker
	// is active.
	repeat
)

// phases are the loads of each visit, in order.
var phases = []phase{cold, repeat}

func (p phase) String() string {
	if p == cold {
		return "cold visit"
	}
	return "repeat visit (service worker)"
}

// short names the phase in a sentence.
func (p phase) short() string {
	if p == cold {
		return "cold visit"
	}
	return "repeat visit"
}

// host is one way of serving the guide in the load benchmark.
type host struct {
	name string
	base string // such as http://127.0.0.1:41234
}

// visit is what one page load measured. Times are milliseconds since the
// navigation started; NaN when they did not happen.
type visit struct {
	fcp, readable, controls, answerable, wasm float64
	// staticNav is when guide.js turned its own navigation on (a static
	// host's <html data-static-nav="on">), NaN when it did not.
	staticNav float64
	// wasmBytes is app.wasm's bytes on the wire; wasmDownloads counts its
	// downloads with a body, by the page and by the service worker.
	wasmBytes     float64
	wasmDownloads float64
	// pageBytes is every byte the page's requests received from the
	// network until the app ran; workerBytes what the service worker
	// fetched from the network (its precache on a cold visit).
	pageBytes, workerBytes float64
	offscreen              bool    // the Continue button was below the fold
	static                 bool    // the page said it is on a static host
	controlled             bool    // a service worker served the page
	notFound               float64 // when a frame showed "Page not found", or NaN
}

// loads holds a profile's visits: host name → phase → one visit per run.
type loads map[string]map[phase][]visit

func (l loads) add(h string, p phase, v visit) {
	if l[h] == nil {
		l[h] = map[phase][]visit{}
	}
	l[h][p] = append(l[h][p], v)
}

// startGuide runs the Go server in-process on a free loopback port until
// the returned function is called.
func startGuide(ctx context.Context, web string) (base string, stop func(), err error) {
	g, err := guide.New(guidedata.Content)
	if err != nil {
		return "", nil, err
	}
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: web, Guides: []*guide.Guide{g}, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		return "", nil, err
	}
	if err := srv.Listen(); err != nil {
		return "", nil, err
	}
	sctx, cancel := context.WithCancel(ctx)
	served := make(chan struct{})
	go func() { srv.Serve(sctx); close(served) }()
	return "http://" + srv.Addr(), func() { cancel(); <-served }, nil
}

// startBrowser starts Chromium with a phone viewport until the returned
// function is called, and the watch on its service workers.
func startBrowser(ctx context.Context, o options, tmp string) (bctx context.Context, ws *workers, product string, stop func(), err error) {
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, browser.Options(o.chromium, tmp, phoneWidth, phoneHeight)...)
	// chromedp reports the end of the auto-attached worker sessions it
	// never used as errors; they are not.
	bctx, cancelBrowser := chromedp.NewContext(alloc, chromedp.WithErrorf(func(format string, args ...any) {
		if o.verbose {
			progress("chromedp: "+format, args...)
		}
	}))
	stop = func() { cancelBrowser(); cancelAlloc() }
	if err := chromedp.Do(bctx); err != nil {
		stop()
		return nil, nil, "", nil, fmt.Errorf("Chromium failed to start: %w", err)
	}
	version, _ := chromedp.CallBrowser(bctx, cdpBrowserGetVersion, cdp.Empty{})
	if ws, err = watchWorkers(bctx); err != nil {
		stop()
		return nil, nil, "", nil, err
	}
	return bctx, ws, version.Product, stop, nil
}

// loadBench measures page loads of /q/pain in Chromium for each profile,
// on the Go server (in-process) and on nginx serving the static export. It
// returns the visits of the profile held against the goals.
func loadBench(ctx context.Context, s *session, out *report, v *verdicts) (loads, error) {
	o := s.o
	q, ok := s.g.Question(strings.TrimPrefix(loadPath, questionPrefix))
	if !ok {
		return nil, fmt.Errorf("the guide has no question at %s", loadPath)
	}
	script := marksFor(q.Title)

	out.printf("\n== 1. Page load in Chromium: %s ==\n", loadPath)
	out.printf("%s, headless, phone viewport %dx%d, each cold visit in a fresh browser context (empty cache, no service worker).\n",
		s.product, phoneWidth, phoneHeight)
	out.printf("%d cold visits and %d repeat visits per profile and host, the hosts taking turns; median, min and max.\n", o.runs, o.runs)
	out.printf("Network.emulateNetworkConditions throttles the page and its service worker (paused at its start until throttled); each has its own emulated link. The CPU slow-down applies to the page.\n")
	out.printf("Repeat visit: the same tab loads %s again once the service worker is activated.\n", loadPath)

	var goalLoads loads
	for _, p := range profiles {
		// The hosts take turns, so a change in the machine's load falls on
		// both.
		results := loads{}
		for i := range o.runs {
			for _, h := range s.hosts {
				progress("load %s, %s: visit %d of %d", p.name, h.name, i+1, o.runs)
				visits, err := measure(ctx, s.bctx, s.ws, script, p, h, o.verbose)
				if err != nil && ctx.Err() == nil {
					// On a machine shared with other work a load now and
					// then passes its 90 s bound: one more try, in a
					// fresh browser context as always.
					progress("load %s, %s: visit %d failed, trying once more: %v", p.name, h.name, i+1, err)
					visits, err = measure(ctx, s.bctx, s.ws, script, p, h, o.verbose)
				}
				if err != nil {
					return nil, fmt.Errorf("%s, %s, visit %d: %w", p.name, h.name, i+1, err)
				}
				for _, ph := range phases {
					if o.verbose {
						progress("  %s %+v", ph, visits[ph])
					}
					results.add(h.name, ph, visits[ph])
				}
			}
		}
		printLoad(out, v, p, s.hosts, results)
		if p.goals {
			goalLoads = results
		}
	}
	out.printf("Load average after the page loads: %s.\n", loadavg())
	return goalLoads, nil
}

// marksFor is marks.js with the title of the question it waits for.
func marksFor(title string) string {
	b, _ := json.Marshal(title)
	return "window.__benchTitle = " + string(b) + ";\n" + marksScript
}

// cdpBrowserGetVersion is Browser.getVersion, for the report's header.
var cdpBrowserGetVersion = cdp.Command[cdp.Empty, struct {
	Product string `json:"product"`
}]{Method: "Browser.getVersion"}

// tab is one visit's tab with its network logs.
type tab struct {
	ctx     context.Context
	page    *netlog
	workers *workerVisit
	verbose bool
}

// measure makes one cold visit of loadPath in a fresh browser context, waits
// for the service worker to be active, then makes a repeat visit in the same
// tab.
func measure(parent, bctx context.Context, ws *workers, script string, p profile, h host, verbose bool) (map[phase]visit, error) {
	t, closeTab, err := openTab(parent, bctx, ws, script, p, 200*time.Second, verbose)
	if err != nil {
		return nil, err
	}
	defer closeTab()
	visits := map[phase]visit{}
	for _, ph := range phases {
		if visits[ph], err = t.visit(ph, h.base+loadPath); err != nil {
			return nil, fmt.Errorf("%s: %w", ph, err)
		}
	}
	return visits, nil
}

// openTab opens a tab in a fresh browser context (empty cache, no service
// worker) with a phone's viewport, profile p's CPU slow-down and network
// (for the page, and for its service workers through ws), and script run in
// every document before the page's own. The tab closes after limit, when
// parent ends, or when closeTab is called. Its requests count as the cold
// phase until the visit says otherwise.
func openTab(parent, bctx context.Context, ws *workers, script string, p profile, limit time.Duration, verbose bool) (t *tab, closeTab func(), err error) {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	stopParent := context.AfterFunc(parent, cancel)
	var unregister func()
	closeTab = func() {
		if unregister != nil {
			unregister()
		}
		stopParent()
		cancelTimeout()
		cancel()
	}
	if err := chromedp.Do(ctx); err != nil {
		closeTab()
		return nil, nil, fmt.Errorf("opening a tab: %w", err)
	}
	t = &tab{ctx: ctx, page: newNetlog(), workers: &workerVisit{ctx: ctx, profile: p, log: newNetlog()}, verbose: verbose}
	t.page.setPhase(cold)
	t.workers.log.setPhase(cold)
	unregister = ws.register(chromedp.FromContext(ctx).BrowserContextID, t.workers)
	if err := chromedp.Listen(ctx, t.page.event); err != nil {
		closeTab()
		return nil, nil, err
	}
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile, chromedp.EmulatePortrait),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: p.cpu}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, browser.EmulateNetworkConditions, p.conditions()); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
			return err
		}),
	)
	if err != nil {
		closeTab()
		return nil, nil, err
	}
	return t, closeTab, nil
}

// visit loads url as phase ph and counts the bytes the page and its
// service worker received. After the cold visit it waits until the
// service worker has precached everything and is active: from then on it
// serves the pages.
func (t *tab) visit(ph phase, url string) (visit, error) {
	t.page.setPhase(ph)
	t.workers.log.setPhase(ph)
	m, err := load(t.ctx, url)
	if err != nil {
		return visit{}, err
	}
	v := m.visit()
	if t.verbose && m.Covered != "" {
		progress("    %s, last failed check: %s", ph, m.Covered)
	}
	// The page's bytes until the app runs.
	pageTraffic := t.page.sum(ph)
	if ph == cold {
		_, err = chromedp.Run(t.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then((r) => new Promise((resolve) => {
			const w = r.active;
			if (w.state === "activated") return resolve(true);
			w.addEventListener("statechange", () => w.state === "activated" && resolve(true));
		}))`, chromedp.EvalAwaitPromise))
		if err != nil {
			return v, fmt.Errorf("waiting for the service worker: %w", err)
		}
		if err := t.workers.check(); err != nil {
			return v, err
		}
	}
	workerTraffic := t.workers.log.sum(ph)
	both := pageTraffic.plus(workerTraffic)
	v.pageBytes, v.workerBytes = pageTraffic.total, workerTraffic.total
	v.wasmBytes, v.wasmDownloads = both.wasm, float64(both.wasmDownloads)
	if t.verbose {
		t.page.dump("page", ph)
		t.workers.log.dump("worker", ph)
	}
	return v, nil
}

// load navigates to url and waits until marks.js has every mark.
func load(ctx context.Context, url string) (marks, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return marks{}, err
	}
	wctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	m, err := chromedp.Run(wctx, chromedp.Evaluate[marks](`window.__benchDone`, chromedp.EvalAwaitPromise))
	if err != nil && ctx.Err() == nil {
		// Say how far the page got.
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		state, _ := chromedp.Run(sctx, chromedp.Evaluate[string](`JSON.stringify({bench: window.__bench, app: document.documentElement.dataset.app, loader: !!document.getElementById("app-wasm-loader"), url: location.href})`))
		return m, fmt.Errorf("%w; the page: %s", err, state)
	}
	return m, err
}

// marks is what marks.js resolves with.
type marks struct {
	Readable   float64 `json:"readable"`
	Controls   float64 `json:"controls"`
	Wasm       float64 `json:"wasm"`
	StaticNav  float64 `json:"staticNav"`
	FCP        float64 `json:"fcp"`
	Offscreen  bool    `json:"offscreen"`
	Static     bool    `json:"static"`
	Controlled bool    `json:"controlled"`
	NotFound   float64 `json:"notFound"`
	Covered    string  `json:"covered"` // the last check that failed, for -v
}

// visit converts the page's marks. On a static host Continue first waited
// for the app (guide.js showed "One moment"), so a first answer could be
// given only once the app ran; guide.js now answers it itself once it marks
// <html data-static-nav="on">, whichever comes first.
func (m marks) visit() visit {
	v := visit{
		fcp: ms(m.FCP), readable: ms(m.Readable), controls: ms(m.Controls), wasm: ms(m.Wasm), staticNav: ms(m.StaticNav),
		offscreen: m.Offscreen, static: m.Static, controlled: m.Controlled, notFound: ms(m.NotFound),
	}
	v.answerable = answerable(v.controls, v.static, v.wasm, v.staticNav)
	return v
}

// answerable is when a first answer is possible: once the option and
// Continue are on screen (controls); on a static host also once the app
// runs (wasm) or guide.js's own navigation is on (staticNav), whichever
// comes first. NaN for a time that did not happen.
func answerable(controls float64, static bool, wasm, staticNav float64) float64 {
	if !static {
		return controls
	}
	gate := wasm
	if !math.IsNaN(staticNav) && (math.IsNaN(wasm) || staticNav < wasm) {
		gate = staticNav
	}
	return math.Max(controls, gate)
}

// ms turns a mark into milliseconds, NaN when it is missing (-1).
func ms(v float64) float64 {
	if v < 0 {
		return math.NaN()
	}
	return v
}
