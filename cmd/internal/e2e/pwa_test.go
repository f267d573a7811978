//go:build browser

package e2e

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/browser"
	"symptomguide/cmd/internal/server"
	"symptomguide/cmd/internal/site"
)

// waitServiceWorker waits until the guide's service worker has installed
// every file and is active: pages loaded from then on are served by it.
func (v *visitor) waitServiceWorker() {
	v.t.Helper()
	_, err := chromedp.Run(v.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then((r) => new Promise((resolve) => {
		const w = r.active;
		if (w.state === "activated") return resolve(true);
		w.addEventListener("statechange", () => w.state === "activated" && resolve(true));
	}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		v.t.Fatalf("waiting for the service worker: %v", err)
	}
}

// serviceWorkerTarget returns the id of the page's service worker target.
func (v *visitor) serviceWorkerTarget() target.ID {
	v.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(v.ctx)
		if err != nil {
			v.t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "service_worker" && strings.HasPrefix(info.URL, suiteOrigin(v)) {
				return info.TargetID
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	v.t.Fatal("no service worker target")
	return ""
}

// suiteOrigin returns the origin of the page the visitor is on.
func suiteOrigin(v *visitor) string {
	u := v.url()
	return u.Scheme + "://" + u.Host
}

// goOffline cuts the network for the page and for the service worker: page
// emulation alone does not reach the worker's own fetches.
func (v *visitor) goOffline() {
	v.t.Helper()
	sw, cancel := chromedp.NewContext(v.ctx, chromedp.WithTargetID(v.serviceWorkerTarget()))
	v.t.Cleanup(cancel)
	for _, ctx := range []context.Context{v.ctx, sw} {
		if _, err := chromedp.Call(ctx, browser.EmulateNetworkConditions, browser.Offline); err != nil {
			v.t.Fatalf("going offline: %v", err)
		}
	}
}

// TestPWA_Installable asserts Chromium finds no installability errors.
func TestPWA_Installable(t *testing.T) {
	// Chromium never offers to install from an incognito-like context, so
	// this visitor uses a tab of the browser's own profile.
	ctx, cancel := chromedp.NewContext(suite.browser)
	t.Cleanup(cancel)
	v := &visitor{t: t, ctx: ctx}
	v.open("/")
	v.waitServiceWorker()
	res, err := chromedp.Call(v.ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.InstallabilityErrors {
		t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
	}
	t.Logf("installability errors: %d", len(res.InstallabilityErrors))
}

// TestPWA_OfflineDeepLink loads the guide once, goes offline, opens a deep
// link with answers in a new tab and walks on to the result.
func TestPWA_OfflineDeepLink(t *testing.T) {
	inEachLanguage(t, func(t *testing.T) { offlineWalk(t, newVisitor(t)) })
}

// offlineWalk is TestPWA_OfflineDeepLink for the visitor v, on whichever
// host v uses.
func offlineWalk(t *testing.T, v *visitor) {
	v.open(lp("/"))
	v.waitServiceWorker()
	v.goOffline()

	// A new tab in the same browser context, offline as well.
	w := v.offlineTab()
	w.open(lp("/q/urgent?age=20-49&pain=sciatica&duration=chronic&emergency=none"))
	w.waitHeading(questionTitle(t, "urgent"))
	if got := w.heading(); got != questionTitle(t, "urgent") {
		t.Fatalf("offline deep link: got heading %q", got)
	}
	if online := eval[bool](w, `navigator.onLine`); online {
		t.Error("the tab is online; the test must run offline")
	}
	w.choose(option(t, "urgent", "none").Label)
	w.continueTo(questionTitle(t, "history"))
	w.choose(option(t, "history", "none").Label)
	w.continueTo(questionTitle(t, "factors"))
	w.choose(option(t, "factors", "desk").Label)
	w.continueTo(questionTitle(t, "cautions"))
	w.choose(option(t, "cautions", "none").Label)
	w.continueTo(headingCheck())
	w.press(words().Check.Button)
	w.waitHeading(headingRoutine())
	if !strings.Contains(w.text(), sectionTitle(t, "sciatica")) && eval[bool](w, `!document.getElementById("section-sciatica")`) {
		t.Error("offline result lacks the sciatica section")
	}
	// A reload offline keeps the page and its answers.
	w.do(chromedp.Reload())
	w.waitApp()
	w.waitHeading(headingRoutine())
}

// TestPWA_Compression asserts app.wasm travels brotli-compressed, at the
// size of the brotli file, and that the browser downloads it once.
func TestPWA_Compression(t *testing.T) {
	req, _ := http.NewRequest("GET", suite.base+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	info, err := os.Stat(filepath.Join(webDir, "app.wasm.br"))
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Header.Get("Content-Encoding"); got != "br" {
		t.Errorf("got Content-Encoding %q, want br", got)
	}
	if n != info.Size() {
		t.Errorf("got %d bytes on the wire, want the brotli file's %d", n, info.Size())
	}

	v := newVisitor(t)
	v.open("/")
	size := eval[float64](v, `performance.getEntriesByType("resource").filter(e => e.name.endsWith("/web/app.wasm")).reduce((n, e) => n + e.encodedBodySize, 0)`)
	if int64(size) != info.Size() {
		t.Errorf("the browser received %v bytes of app.wasm, want %d (brotli)", size, info.Size())
	}
	t.Logf("app.wasm on the wire: %d bytes (brotli)", info.Size())
}

// TestPWA_Update serves version A, then deploys version B on the same
// address: the open guide offers a reload, and after it runs B.
func TestPWA_Update(t *testing.T) {
	web := t.TempDir()
	if err := copyTree(webDir, web); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	stopA, versionA := serveBuild(t, addr, web)

	// A returning visitor: the second load is served by the worker.
	v := newVisitor(t)
	v.do(chromedp.Navigate("http://" + addr + "/q/pain?pain=disc"))
	v.waitApp()
	v.waitServiceWorker()
	v.do(chromedp.Reload())
	v.waitApp()
	if eval[bool](v, `!navigator.serviceWorker.controller`) {
		t.Fatal("the reloaded page is not served by the service worker")
	}
	if got := eval[string](v, `goappGetenv("GOAPP_VERSION")`); got != versionA {
		t.Fatalf("got version %q, want A %q", got, versionA)
	}

	// Deploy B: a changed stylesheet is a new build with a new version.
	stopA()
	css := filepath.Join(web, "guide.css")
	b, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(b, []byte("\n/* version B */\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(css + ".br")
	os.Remove(css + ".gz")
	_, versionB := serveBuild(t, addr, web)
	if versionA == versionB {
		t.Fatal("the new build has the same version")
	}

	v.do(chromedp.Evaluate[chromedp.Void](`goappTryUpdate()`))
	v.poll("the update notice", `!!document.querySelector(".update-notice") && document.querySelector(".update-notice").innerText.includes("A new version")`)
	v.do(chromedp.Evaluate[chromedp.Void](`window.beforeReload = true`))
	v.do(chromedp.Click(chromedp.CSS(".update-notice button")))
	v.waitNewDocument()
	v.poll("version B to run", fmt.Sprintf(`goappGetenv("GOAPP_VERSION") === %q`, versionB))
	if got := v.checked(); len(got) != 1 || got[0] != option(t, "pain", "disc").Label {
		t.Errorf("after the reload got ticked %v, want the disc answer kept", got)
	}
	if eval[bool](v, `!!document.querySelector(".update-notice")`) {
		t.Error("the update notice is still shown after the reload")
	}
}

// waitNewDocument waits until a new document has replaced the one marked
// with window.beforeReload and the app runs in it.
func (v *visitor) waitNewDocument() {
	v.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(v.ctx, chromedp.Evaluate[bool](`!window.beforeReload && document.documentElement.dataset.app === "running"`))
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	v.t.Fatal("no new document with the app running")
}

// serveBuild serves the web folder on addr and returns a stop func and the
// version it serves.
func serveBuild(t *testing.T, addr, web string) (func(), string) {
	t.Helper()
	s, err := server.New(server.Config{Addr: addr, WebDir: web, Guides: guide.MustNewAll(guidedata.Languages), Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	var lerr error
	for range 50 {
		if lerr = s.Listen(); lerr == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if lerr != nil {
		t.Fatal(lerr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Serve(ctx); close(done) }()
	stop := func() { cancel(); <-done }
	t.Cleanup(stop)
	return stop, s.Version()
}

// TestPWA_StaticExport exports the guide, serves dist/ with Python's plain
// static file server, and walks a persona on it.
func TestPWA_StaticExport(t *testing.T) {
	dist := filepath.Join(t.TempDir(), "dist")
	if err := site.Export(webDir, dist, ""); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command("python3", "-m", "http.server", "--bind", "127.0.0.1", fmt.Sprint(port))
	cmd.Dir = dist
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting python3 -m http.server: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	for i := 0; ; i++ {
		res, err := http.Get(base + "/")
		if err == nil {
			res.Body.Close()
			break
		}
		if i > 50 {
			t.Fatalf("the static server did not start: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	v := newVisitor(t)
	v.do(chromedp.Navigate(base + "/"))
	v.waitApp()
	v.press(words().Start.Button)
	v.waitHeading(questionTitle(t, "age"))
	v.answerFrom("age", map[string][]string{
		"age": {"20-49"}, "pain": {"arthritis"}, "duration": {"chronic"}, "cautions": {"blood-thinners"},
	})
	v.press(words().Check.Button)
	v.waitHeading(headingCaution())
	if eval[bool](v, `!document.getElementById("section-arthritis") || !document.getElementById("section-blood-thinners")`) {
		t.Error("the static result lacks the arthritis or blood thinners section")
	}
	if got := eval[string](v, `document.querySelector('meta[name="guide-hosting"]')?.content || ""`); got != "static" {
		t.Errorf("got hosting %q, want static", got)
	}
	for _, r := range v.requestsSince(0) {
		if !strings.HasPrefix(r, base+"/") {
			t.Errorf("request to another origin: %s", r)
		}
	}
}

// copyTree copies the files of src into dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

// offlineTab opens a new tab in v's browser context, offline like v, for a
// visit that only the service worker can answer.
func (v *visitor) offlineTab() *visitor {
	t := v.t
	t.Helper()
	tab, cancel := chromedp.NewContext(v.ctx)
	t.Cleanup(cancel)
	w := &visitor{t: t, ctx: tab, base: v.base}
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, browser.EmulateNetworkConditions, browser.Offline); err != nil {
		t.Fatal(err)
	}
	return w
}
