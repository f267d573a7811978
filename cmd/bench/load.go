package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
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

// loadPath is the page measured: the first question.
const loadPath = "/q/pain"

// profile is a network and CPU the page loads on.
type profile struct {
	name      string
	latencyMS float64
	down, up  float64 // bytes per second
	cpu       float64 // CPU slow-down factor
	targets   bool    // show the targets next to this profile
}

// profiles are Lighthouse's slow 4G (its mobile default) and a 4G link.
var profiles = []profile{
	{name: "slow", latencyMS: 562.5, down: 1.47e6 / 8, up: 675e3 / 8, cpu: 4, targets: true},
	{name: "4G", latencyMS: 150, down: 9e6 / 8, up: 1.5e6 / 8, cpu: 4},
}

func (p profile) String() string {
	return fmt.Sprintf("%s: latency %g ms, download %.2f Mbps, upload %g kbps, CPU slowed %g×",
		p.name, p.latencyMS, p.down*8/1e6, p.up*8/1e3, p.cpu)
}

func (p profile) conditions() browser.NetworkConditions {
	return browser.NetworkConditions{Latency: p.latencyMS, DownloadThroughput: p.down, UploadThroughput: p.up}
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

// loadBench measures page loads of /q/pain in Chromium for each profile,
// on the Go server (in-process) and on nginx serving the static export.
func loadBench(ctx context.Context, o options, ng *nginx, out *report) error {
	if _, err := os.Stat(o.chromium); err != nil {
		return fmt.Errorf("Chromium not found at %s: make bench installs it (apt-get install -y chromium)", o.chromium)
	}
	g, err := guide.New(guidedata.Content)
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: o.web, Guide: g, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		return err
	}
	if err := srv.Listen(); err != nil {
		return err
	}
	sctx, stopServer := context.WithCancel(ctx)
	served := make(chan struct{})
	go func() { srv.Serve(sctx); close(served) }()
	defer func() { stopServer(); <-served }()
	hosts := []host{{"Go server", "http://" + srv.Addr()}, {"nginx static", ng.base()}}
	q, ok := g.Question(strings.TrimPrefix(loadPath, "/q/"))
	if !ok {
		return fmt.Errorf("the guide has no question at %s", loadPath)
	}
	title, _ := json.Marshal(q.Title)
	script := "window.__benchTitle = " + string(title) + ";\n" + marksScript

	tmp, err := os.MkdirTemp("", "bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, browser.Options(o.chromium, tmp, phoneWidth, phoneHeight)...)
	defer cancelAlloc()
	// chromedp reports the end of the auto-attached worker sessions it
	// never used as errors; they are not.
	bctx, cancelBrowser := chromedp.NewContext(alloc, chromedp.WithErrorf(func(format string, args ...any) {
		if o.verbose {
			progress("chromedp: "+format, args...)
		}
	}))
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("Chromium failed to start: %w", err)
	}
	version, _ := chromedp.CallBrowser(bctx, cdpBrowserGetVersion, cdp.Empty{})
	ws, err := watchWorkers(bctx)
	if err != nil {
		return err
	}

	out.printf("\n== 1. Page load in Chromium: %s ==\n", loadPath)
	out.printf("%s, headless, phone viewport %dx%d, each cold visit in a fresh browser context (empty cache, no service worker).\n",
		version.Product, phoneWidth, phoneHeight)
	out.printf("%d cold visits and %d repeat visits per profile and host, the hosts taking turns; median, min and max.\n", o.runs, o.runs)
	out.printf("Network.emulateNetworkConditions throttles the page and its service worker (paused at its start until throttled); each has its own emulated link. The CPU slow-down applies to the page.\n")
	out.printf("Repeat visit: the same tab loads %s again once the service worker is activated.\n", loadPath)

	for _, p := range profiles {
		// The hosts take turns, so a change in the machine's load falls on
		// both.
		results := map[string][2][]visit{} // host → cold, repeat
		for i := range o.runs {
			for _, h := range hosts {
				progress("load %s, %s: visit %d of %d", p.name, h.name, i+1, o.runs)
				c, r, err := measure(ctx, bctx, ws, script, p, h, o.verbose)
				if err != nil {
					return fmt.Errorf("%s, %s, visit %d: %w", p.name, h.name, i+1, err)
				}
				if o.verbose {
					progress("  cold   %+v", c)
					progress("  repeat %+v", r)
				}
				res := results[h.name]
				res[0] = append(res[0], c)
				res[1] = append(res[1], r)
				results[h.name] = res
			}
		}
		printLoad(out, p, hosts, results)
	}
	return nil
}

// cdpBrowserGetVersion is Browser.getVersion, for the report's header.
var cdpBrowserGetVersion = cdp.Command[cdp.Empty, struct {
	Product string `json:"product"`
}]{Method: "Browser.getVersion"}

// The viewport of a common phone.
const phoneWidth, phoneHeight = 412, 915

// netlog records the network events of one target: which requests went to
// the network and how many bytes each received.
type netlog struct {
	mu    sync.Mutex
	phase int
	reqs  map[network.RequestID]*request
}

type request struct {
	phase     int
	url       string
	status    int64
	cached    bool // from the HTTP cache or the service worker
	finished  bool
	bytes     float64 // encodedDataLength: headers and body as received
	bodyBytes float64
}

func newNetlog() *netlog { return &netlog{reqs: map[network.RequestID]*request{}} }

// setPhase starts a new phase: the requests sent from now on belong to it.
func (n *netlog) setPhase(p int) {
	n.mu.Lock()
	n.phase = p
	n.mu.Unlock()
}

// event handles one event; it runs in chromedp's read loop and must be fast.
func (n *netlog) event(ev any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if r, ok := n.reqs[ev.RequestID]; ok && ev.RedirectResponse != nil {
			// A redirect reuses the id; the hop before it is done.
			r.finished = true
		}
		n.reqs[ev.RequestID] = &request{phase: n.phase, url: ev.Request.URL}
	case *network.EventResponseReceived:
		if r, ok := n.reqs[ev.RequestID]; ok {
			r.status = ev.Response.Status
			r.cached = r.cached || ev.Response.FromDiskCache || ev.Response.FromServiceWorker || ev.Response.FromPrefetchCache
		}
	case *network.EventRequestServedFromCache:
		if r, ok := n.reqs[ev.RequestID]; ok {
			r.cached = true
		}
	case *network.EventLoadingFinished:
		if r, ok := n.reqs[ev.RequestID]; ok {
			r.finished = true
			r.bytes = ev.EncodedDataLength
			r.bodyBytes = ev.EncodedBodyLength
		}
	}
}

// dump lists a phase's requests, for -v.
func (n *netlog) dump(who string, phase int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, r := range n.reqs {
		if r.phase == phase {
			progress("    %s %d %s cached=%v finished=%v bytes=%.0f body=%.0f", who, r.status, r.url, r.cached, r.finished, r.bytes, r.bodyBytes)
		}
	}
}

// sum returns the bytes received from the network by the finished requests
// of a phase, and app.wasm's bytes and downloads among them.
func (n *netlog) sum(phase int) (total, wasm float64, wasmDownloads int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, r := range n.reqs {
		if r.phase != phase || !r.finished || r.cached {
			continue
		}
		total += r.bytes
		if strings.HasSuffix(strings.SplitN(r.url, "?", 2)[0], "/web/app.wasm") {
			wasm += r.bytes
			if r.bytes >= wasmDownload {
				wasmDownloads++
			}
		}
	}
	return total, wasm, wasmDownloads
}

// marks is what marks.js resolves with.
type marks struct {
	Readable   float64 `json:"readable"`
	Controls   float64 `json:"controls"`
	Wasm       float64 `json:"wasm"`
	FCP        float64 `json:"fcp"`
	Offscreen  bool    `json:"offscreen"`
	Static     bool    `json:"static"`
	Controlled bool    `json:"controlled"`
	NotFound   float64 `json:"notFound"`
	Covered    string  `json:"covered"` // the last check that failed, for -v
}

// workers puts every service worker of the browser under the network of
// the visit it belongs to, before the worker runs a line: page emulation
// does not reach a worker's own fetches (its precache). The browser
// auto-attaches to each new worker and pauses it; the worker then gets a
// session of its own with the visit's network conditions and network log,
// and runs.
type workers struct {
	mu     sync.Mutex
	visits map[cdp.BrowserContextID]*workerVisit
}

// workerVisit is what a visit's workers get.
type workerVisit struct {
	ctx     context.Context // the visit's tab
	profile profile
	log     *netlog
	mu      sync.Mutex
	errs    []error
	n       int // workers attached
}

// watchWorkers starts the auto-attach and the goroutine that serves it
// until ctx ends.
func watchWorkers(bctx context.Context) (*workers, error) {
	w := &workers{visits: map[cdp.BrowserContextID]*workerVisit{}}
	attached := chromedp.BrowserEvents(bctx, target.AttachedToTarget)
	_, err := chromedp.CallBrowser(bctx, target.SetAutoAttach, target.SetAutoAttachParams{
		AutoAttach:             true,
		WaitForDebuggerOnStart: true,
		Flatten:                new(true),
		Filter:                 target.Filter{{Type: "service_worker"}, {Exclude: true}},
	})
	if err != nil {
		return nil, fmt.Errorf("auto-attaching to service workers: %w", err)
	}
	go func() {
		for ev, err := range attached {
			if err != nil {
				return
			}
			// Sessions chromedp opens itself are reported too: only
			// workers paused by the auto-attach are new.
			if ev.TargetInfo == nil || ev.TargetInfo.Type != "service_worker" || !ev.WaitingForDebugger {
				continue
			}
			w.mu.Lock()
			v := w.visits[ev.TargetInfo.BrowserContextID]
			w.mu.Unlock()
			go w.attach(bctx, v, ev.TargetInfo.TargetID)
		}
	}()
	return w, nil
}

// attach gives a paused worker the visit's network, then lets it run.
func (w *workers) attach(bctx context.Context, v *workerVisit, id target.ID) {
	parent := bctx
	if v != nil {
		parent = v.ctx
	}
	sw, _ := chromedp.NewContext(parent, chromedp.WithTargetID(id))
	err := chromedp.Do(sw)
	if err == nil && v != nil {
		err = chromedp.Listen(sw, v.log.event)
		if err == nil {
			_, err = chromedp.Call(sw, browser.EmulateNetworkConditions, v.profile.conditions())
		}
		v.mu.Lock()
		v.n++
		v.mu.Unlock()
	}
	if err == nil {
		_, err = chromedp.Call(sw, runIfWaitingForDebugger, cdp.Empty{})
	}
	if err != nil && v != nil {
		v.mu.Lock()
		v.errs = append(v.errs, err)
		v.mu.Unlock()
	}
}

var runIfWaitingForDebugger = cdp.Command[cdp.Empty, cdp.Empty]{Method: "Runtime.runIfWaitingForDebugger"}

func (w *workers) register(id cdp.BrowserContextID, v *workerVisit) {
	w.mu.Lock()
	w.visits[id] = v
	w.mu.Unlock()
}

func (w *workers) unregister(id cdp.BrowserContextID) {
	w.mu.Lock()
	delete(w.visits, id)
	w.mu.Unlock()
}

// wasmDownload is the least a response of app.wasm with a body weighs on
// the wire; a revalidation (304) or a copy from the cache weighs less
// than a kilobyte.
const wasmDownload = 100_000

// measure makes one cold visit of loadPath in a fresh browser context, waits
// for the service worker to be active, then makes a repeat visit in the same
// tab.
func measure(parent, bctx context.Context, ws *workers, script string, p profile, h host, verbose bool) (cold, repeat visit, err error) {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 200*time.Second)
	defer cancelTimeout()
	stopParent := context.AfterFunc(parent, cancel)
	defer stopParent()
	if err := chromedp.Do(ctx); err != nil {
		return cold, repeat, fmt.Errorf("opening a tab: %w", err)
	}
	c := chromedp.FromContext(ctx)
	sw := &workerVisit{ctx: ctx, profile: p, log: newNetlog()}
	ws.register(c.BrowserContextID, sw)
	defer ws.unregister(c.BrowserContextID)

	pageLog := newNetlog()
	if err := chromedp.Listen(ctx, pageLog.event); err != nil {
		return cold, repeat, err
	}
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile, chromedp.EmulatePortrait),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: p.cpu}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, t, browser.EmulateNetworkConditions, p.conditions()); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
			return err
		}),
	)
	if err != nil {
		return cold, repeat, err
	}

	// The cold visit.
	pageLog.setPhase(1)
	sw.log.setPhase(1)
	m, err := load(ctx, h.base+loadPath)
	if err != nil {
		return cold, repeat, fmt.Errorf("cold visit: %w", err)
	}
	cold = m.visit()
	if verbose && m.Covered != "" {
		progress("    cold visit, last failed check: %s", m.Covered)
	}
	// The page's bytes until the app runs.
	pageTotal, pageWasm, pageDownloads := pageLog.sum(1)

	// Wait until the service worker has precached everything and is
	// active: from then on it serves the pages.
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then((r) => new Promise((resolve) => {
		const w = r.active;
		if (w.state === "activated") return resolve(true);
		w.addEventListener("statechange", () => w.state === "activated" && resolve(true));
	}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		return cold, repeat, fmt.Errorf("waiting for the service worker: %w", err)
	}
	sw.mu.Lock()
	attached, errs := sw.n, errors.Join(sw.errs...)
	sw.mu.Unlock()
	if errs != nil {
		return cold, repeat, fmt.Errorf("attaching to the service worker: %w", errs)
	}
	if attached == 0 {
		return cold, repeat, errors.New("the service worker ran without the benchmark attached to it")
	}
	swTotal, swWasm, swDownloads := sw.log.sum(1)
	cold.pageBytes = pageTotal
	cold.workerBytes = swTotal
	cold.wasmBytes = pageWasm + swWasm
	cold.wasmDownloads = float64(pageDownloads + swDownloads)
	if verbose {
		pageLog.dump("page", 1)
		sw.log.dump("worker", 1)
	}

	// The repeat visit, served by the worker.
	pageLog.setPhase(2)
	sw.log.setPhase(2)
	m, err = load(ctx, h.base+loadPath)
	if err != nil {
		return cold, repeat, fmt.Errorf("repeat visit: %w", err)
	}
	repeat = m.visit()
	if verbose && m.Covered != "" {
		progress("    repeat visit, last failed check: %s", m.Covered)
	}
	pageTotal, pageWasm, pageDownloads = pageLog.sum(2)
	swTotal, swWasm, swDownloads = sw.log.sum(2)
	repeat.pageBytes = pageTotal
	repeat.workerBytes = swTotal
	repeat.wasmBytes = pageWasm + swWasm
	repeat.wasmDownloads = float64(pageDownloads + swDownloads)
	if verbose {
		pageLog.dump("page", 2)
		sw.log.dump("worker", 2)
	}
	return cold, repeat, nil
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

// visit converts the page's marks. On a static host Continue waits for the
// app (guide.js shows "One moment"), so a first answer can be given only
// once the app runs.
func (m marks) visit() visit {
	v := visit{
		fcp: ms(m.FCP), readable: ms(m.Readable), controls: ms(m.Controls), wasm: ms(m.Wasm),
		offscreen: m.Offscreen, static: m.Static, controlled: m.Controlled, notFound: ms(m.NotFound),
	}
	v.answerable = v.controls
	if m.Static {
		v.answerable = math.Max(v.controls, v.wasm)
	}
	return v
}

// ms turns a mark into milliseconds, NaN when it is missing (-1).
func ms(v float64) float64 {
	if v < 0 {
		return math.NaN()
	}
	return v
}

// printLoad prints one profile's table.
func printLoad(out *report, p profile, hosts []host, results map[string][2][]visit) {
	out.printf("\n-- Profile %s --\n", p)
	type metric struct {
		name   string
		get    func(visit) float64
		format func(float64) string
		target string
	}
	metrics := []metric{
		{"first contentful paint", func(v visit) float64 { return v.fcp }, seconds, ""},
		{"readable (heading painted, not covered)", func(v visit) float64 { return v.readable }, seconds, "≤ 1.00 s"},
		{"answerable (option + Continue work)", func(v visit) float64 { return v.answerable }, seconds, "≤ 1.50 s"},
		{"wasm started (data-app=running)", func(v visit) float64 { return v.wasm }, seconds, ""},
		{"app.wasm on the wire", func(v visit) float64 { return v.wasmBytes }, megabytes, "≤ 1.50 MB"},
		{"app.wasm downloads", func(v visit) float64 { return v.wasmDownloads }, count, "1"},
		{"all bytes on the wire (page + worker)", func(v visit) float64 { return v.pageBytes + v.workerBytes }, kilobytes, ""},
		{"  of which the service worker's", func(v visit) float64 { return v.workerBytes }, kilobytes, ""},
	}
	for i, kind := range []string{"cold visit", "repeat visit (service worker)"} {
		t := &table{header: []string{kind}, right: map[int]bool{}}
		for _, h := range hosts {
			t.header = append(t.header, h.name+" median", "min", "max")
		}
		if p.targets {
			t.header = append(t.header, "target (Go server)", "")
		}
		for c := 1; c < len(t.header)-1; c++ {
			t.right[c] = true
		}
		for _, m := range metrics {
			if i == 1 && m.target == "1" {
				// Downloads on a repeat visit: should be none.
				m.target = "0"
			}
			row := []string{m.name}
			var goMedian float64
			for hi, h := range hosts {
				var vals []float64
				for _, v := range results[h.name][i] {
					vals = append(vals, m.get(v))
				}
				s := summarise(vals)
				if hi == 0 {
					goMedian = s.median
				}
				row = append(row, m.format(s.median), m.format(s.min), m.format(s.max))
			}
			if p.targets && i == 0 && m.target != "" {
				row = append(row, m.target, verdict(m.name, goMedian))
			} else if p.targets {
				row = append(row, "", "")
			}
			t.add(row...)
		}
		out.printf("\n%s", t)
	}
	var notes []string
	for _, h := range hosts {
		offscreen, uncontrolled := false, 0
		for i, vs := range results[h.name] {
			var flashes []string
			for _, v := range vs {
				offscreen = offscreen || v.offscreen
				if i == 1 && !v.controlled {
					uncontrolled++
				}
				if !math.IsNaN(v.notFound) {
					flashes = append(flashes, fmt.Sprintf("%s (wasm started %s)", seconds(v.notFound), seconds(v.wasm)))
				}
			}
			if len(flashes) > 0 {
				notes = append(notes, fmt.Sprintf("PRODUCT: on the %s, %d of %d %ss painted \"Page not found\" as the heading while the app took over, at %s.",
					h.name, len(flashes), len(vs), []string{"cold visit", "repeat visit"}[i], strings.Join(flashes, ", ")))
			}
		}
		if offscreen {
			notes = append(notes, fmt.Sprintf("On the %s the Continue button is below the fold at %dx%d: it counts once it is visible (checkVisibility), without the hit test.", h.name, phoneWidth, phoneHeight))
		}
		if uncontrolled > 0 {
			notes = append(notes, fmt.Sprintf("On the %s, %d repeat visits were not served by the service worker.", h.name, uncontrolled))
		}
	}
	notes = append(notes,
		"On the static host Continue waits for the app (guide.js shows \"One moment\" and the app carries on once it runs), so there answerable = max(controls ready, wasm started).",
		"On the Go server the form is plain HTML that works before the app runs: answerable is when the first option and Continue are on screen and not covered.")
	for _, n := range dedupe(notes) {
		out.printf("Note: %s\n", n)
	}
}

// verdict compares the Go server's median with the slow profile's target.
func verdict(name string, v float64) string {
	if math.IsNaN(v) {
		return "?"
	}
	var ok bool
	switch {
	case strings.HasPrefix(name, "readable"):
		ok = v <= 1000
	case strings.HasPrefix(name, "answerable"):
		ok = v <= 1500
	case name == "app.wasm on the wire":
		ok = v <= 1.5e6
	case name == "app.wasm downloads":
		ok = v == 1
	}
	if ok {
		return "met"
	}
	return "MISSED"
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
