package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/server"
)

// webFiles is a stand-in for a built web folder.
var webFiles = map[string]string{
	"app.wasm":              "\x00asm fake",
	"guide.css":             "body{}",
	"clinic.css":            ":root{}",
	"guide.js":              "//",
	"icon-192.png":          "png",
	"icon-512.png":          "png",
	"icon-maskable-512.png": "png",
	"logo.svg":              "<svg/>",
	"embed.js":              "/* embed */",
	"app.wasm.br":           "brotli bytes",
	"app.wasm.gz":           "gzip bytes!",
}

// MustWeb writes a fake built web folder and returns its path.
func MustWeb(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	// Compressed copies are written last, so they are never older than
	// their file (the server ignores stale copies).
	names := make([]string, 0, len(webFiles))
	for name := range webFiles {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return !compressed(names[i]) && compressed(names[j]) })
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(webFiles[name]), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func compressed(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// MustServer returns a server over a fake build, logging into logs.
func MustServer(tb testing.TB, logs *bytes.Buffer) *server.Server {
	tb.Helper()
	s, err := server.New(server.Config{
		Addr:   "127.0.0.1:0",
		WebDir: MustWeb(tb),
		Guides: guide.MustNewAll(guidedata.Languages),
		// The clinic's embedders, as cmd/server passes them.
		EmbedOrigins: guidedata.Deploy.EmbedOrigins,
		Log:          log.New(logs, "", 0),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// get sends a request through the server's handler.
func get(s *server.Server, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

func TestServer_Pages(t *testing.T) {
	var logs bytes.Buffer
	s := MustServer(t, &logs)
	// The words come from the clinic's compiled content, never typed here.
	c, w := guidedata.Content, guidedata.Content.Strings
	title := func(q string) string {
		question, _ := guide.MustNew(c).Question(q)
		return question.Title
	}
	n := 0
	for i, q := range c.Questions {
		if q.ID == "urgent" {
			n = i + 1
		}
	}
	counter := strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(len(c.Questions))).Replace(w.Question.Counter)
	esc := html.EscapeString
	tests := []struct {
		name, target string
		status       int
		contains     []string
	}{
		{"start", "/", 200, []string{esc(w.Start.Heading), esc(w.Start.Button), `id="app-wasm-loader"`}},
		{"deep question", "/q/urgent?age=20-49&pain=lower-back&duration=acute&emergency=none", 200, []string{esc(title("urgent")), esc(counter), `name="emergency"`}},
		{"error summary", "/q/duration?pain=disc&next=1", 200, []string{esc(w.Errors.Summary), esc(w.Errors.SelectOne)}},
		{"check", "/check?pain=disc", 200, []string{esc(w.Check.Heading)}},
		{"result", "/result?pain=disc&duration=acute&emergency=both-legs", 200, []string{esc(c.Clinic.Emergency.Label), "tel:" + c.Clinic.Emergency.Number}},
		{"healthz", "/healthz", 200, []string{"ok"}},
		{"unknown page", "/nope", 404, []string{esc(w.ErrorPages.NotFound)}},
		{"unknown question", "/q/nope", 404, []string{esc(w.ErrorPages.NotFound)}},
		{"web file", "/web/guide.css", 200, []string{"body{}"}},
		{"missing web file", "/web/nope.css", 404, []string{esc(w.ErrorPages.NotFound)}},
		{"web folder", "/web/", 404, []string{esc(w.ErrorPages.NotFound)}},
		{"go-app script", "/app.js", 200, []string{"goappInitWebAssembly"}},
		{"manifest", "/manifest.webmanifest", 200, []string{`"start_url":"/"`, "/web/icon-512.png"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(s, "GET", tt.target)
			if w.Code != tt.status {
				t.Fatalf("GET %s: got status %d, want %d", tt.target, w.Code, tt.status)
			}
			for _, c := range tt.contains {
				if !strings.Contains(w.Body.String(), c) {
					t.Errorf("GET %s: body does not contain %q", tt.target, c)
				}
			}
			if got := w.Header().Get("Referrer-Policy"); got != "no-referrer" {
				t.Errorf("GET %s: got Referrer-Policy %q, want no-referrer", tt.target, got)
			}
			if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("GET %s: got CSP %q", tt.target, csp)
			}
		})
	}
}

func TestServer_NoJavaScriptContinue(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	w := get(s, "GET", "/q/emergency?pain=lower-back&duration=acute&emergency=saddle-numbness&next=1")
	if w.Code != http.StatusSeeOther {
		t.Fatalf("got status %d, want 303", w.Code)
	}
	if got, want := w.Header().Get("Location"), "/result?duration=acute&emergency=saddle-numbness&pain=lower-back"; got != want {
		t.Errorf("got Location %q, want %q", got, want)
	}
	if got := w.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("got Cache-Control %q, want no-store", got)
	}
}

func TestServer_AnswersNeverCached(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	w := get(s, "GET", "/result?pain=lower-back&duration=acute&emergency=none&urgent=none&factors=none&cautions=none")
	if got := w.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("got Cache-Control %q on a page with answers, want no-store", got)
	}
}

func TestServer_Methods(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		w := get(s, m, "/")
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: got %d Allow %q, want 405 Allow \"GET, HEAD\"", m, w.Code, w.Header().Get("Allow"))
		}
	}
	if w := get(s, "HEAD", "/web/guide.css"); w.Code != 200 || w.Header().Get("Content-Length") != "6" {
		t.Errorf("HEAD /web/guide.css: got %d length %q, want 200 length 6", w.Code, w.Header().Get("Content-Length"))
	}
}

func TestServer_Traversal(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	for _, target := range []string{
		"/web/../go.mod", "/web/%2e%2e/go.mod", "/web/..%2fgo.mod", "/web/%2e%2e%2fgo.mod",
		"/web/..\\go.mod", "/web/guide.css%00", "/web//etc/passwd", "/web/./guide.css",
	} {
		w := httptest.NewRecorder()
		r2, err := http.NewRequest("GET", "http://example.org"+target, nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		s.Handler().ServeHTTP(w, r2)
		if w.Code == http.StatusOK {
			t.Errorf("GET %s: got 200, want it refused", target)
		}
		if strings.Contains(w.Body.String(), "module symptomguide") {
			t.Errorf("GET %s: served a file outside the web folder", target)
		}
	}
}

func TestServer_LogsNoQueries(t *testing.T) {
	var logs bytes.Buffer
	s := MustServer(t, &logs)
	for _, target := range []string{
		"/q/urgent?pain=sciatica&emergency=not-sure", "/result?cautions=pregnancy", "/nope?cautions=pregnancy",
		"/q/pain?pain=%ff&next=1", "/web/x?cautions=pregnancy",
	} {
		get(s, "GET", target)
	}
	get(s, "POST", "/result?cautions=pregnancy")
	for _, secret := range []string{"pregnancy", "sciatica", "not-sure", "cautions"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs.String())
		}
	}
}

func TestNew_MissingBuild(t *testing.T) {
	dir := MustWeb(t)
	os.Remove(filepath.Join(dir, "app.wasm"))
	_, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: dir, Guides: guide.MustNewAll(guidedata.Languages)})
	if err == nil || !strings.Contains(err.Error(), "app.wasm is missing: run make build") {
		t.Fatalf("got %v, want an error naming app.wasm and make build", err)
	}
}

func TestServer_PortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s, err := server.New(server.Config{Addr: ln.Addr().String(), WebDir: MustWeb(t), Guides: guide.MustNewAll(guidedata.Languages)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err == nil || !strings.Contains(err.Error(), "cannot listen on") {
		t.Fatalf("got %v, want a clear error for a port in use", err)
	}
}

func TestServer_ServeAndShutdown(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	res, err := http.Get("http://" + s.Addr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != "ok\n" {
		t.Errorf("GET /healthz: got %d %q", res.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve returned %v after shutdown, want nil", err)
	}
}

func TestServer_Compression(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	tests := []struct {
		accept, encoding, body string
	}{
		{"gzip, deflate, br, zstd", "br", "brotli bytes"},
		{"gzip", "gzip", "gzip bytes!"},
		{"br;q=0, gzip;q=0.5", "gzip", "gzip bytes!"},
		{"", "", "\x00asm fake"},
		{"identity", "", "\x00asm fake"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/web/app.wasm", nil)
		r.Header.Set("Accept-Encoding", tt.accept)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		if got := w.Header().Get("Content-Encoding"); got != tt.encoding {
			t.Errorf("Accept-Encoding %q: got Content-Encoding %q, want %q", tt.accept, got, tt.encoding)
		}
		if w.Body.String() != tt.body || w.Header().Get("Content-Length") != strconv.Itoa(len(tt.body)) {
			t.Errorf("Accept-Encoding %q: got body %q length %s, want %q", tt.accept, w.Body.String(), w.Header().Get("Content-Length"), tt.body)
		}
		if w.Header().Get("Vary") != "Accept-Encoding" || w.Header().Get("Content-Type") != "application/wasm" {
			t.Errorf("Accept-Encoding %q: got Vary %q Content-Type %q", tt.accept, w.Header().Get("Vary"), w.Header().Get("Content-Type"))
		}
	}
}

func TestServer_ETagAndRange(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	w := get(s, "GET", "/web/guide.css")
	etag := w.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on a static file")
	}
	r := httptest.NewRequest("GET", "/web/guide.css", nil)
	r.Header.Set("If-None-Match", etag)
	w = httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	if w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: got %d, want 304", w.Code)
	}
	for _, tt := range []struct {
		rng    string
		status int
		body   string
	}{
		{"bytes=0-3", http.StatusPartialContent, "body"},
		{"bytes=4-", http.StatusPartialContent, "{}"},
		{"bytes=100-200", http.StatusRequestedRangeNotSatisfiable, ""},
	} {
		r := httptest.NewRequest("GET", "/web/guide.css", nil)
		r.Header.Set("Range", tt.rng)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		if w.Code != tt.status || (tt.body != "" && w.Body.String() != tt.body) {
			t.Errorf("Range %s: got %d %q, want %d %q", tt.rng, w.Code, w.Body.String(), tt.status, tt.body)
		}
	}
}

func TestServer_FirstPaintNeedsOnlyTheHTML(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	w := get(s, "GET", "/q/pain")
	body := w.Body.String()
	css := webFiles["clinic.css"] + webFiles["guide.css"]
	if !strings.Contains(body, "<style>"+css+"</style>") {
		t.Error("the page does not inline the stylesheet")
	}
	if strings.Contains(body, `href="/app.css"`) || strings.Contains(body, `href="/web/guide.css"`) {
		t.Error("the page still links a render-blocking stylesheet")
	}
	sum := sha256.Sum256([]byte(css))
	if hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(w.Header().Get("Content-Security-Policy"), "style-src 'self' "+hash) {
		t.Errorf("the CSP does not allow the inline stylesheet by its hash %s: %s", hash, w.Header().Get("Content-Security-Policy"))
	}
	again := get(s, "GET", "/q/pain")
	if again.Body.String() != body || again.Header().Get("ETag") == "" {
		t.Error("a page without answers renders differently the second time")
	}
	r := httptest.NewRequest("GET", "/q/pain", nil)
	r.Header.Set("If-None-Match", again.Header().Get("ETag"))
	w = httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	if w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match on a page: got %d, want 304", w.Code)
	}
}

// TestServer_RendersEachPageOnce sends a burst of first requests for the
// same pages at once, as a cold start under load does: each page is
// rendered once, and every request gets it whole.
func TestServer_RendersEachPageOnce(t *testing.T) {
	s := MustServer(t, &bytes.Buffer{})
	paths := []string{"/", "/q/" + guidedata.Content.Questions[0].ID, "/app.js"}
	before := s.Rendered() // what New rendered ahead
	var wg sync.WaitGroup
	bodies := make([][]byte, 16*len(paths))
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := get(s, http.MethodGet, paths[i%len(paths)])
			if w.Code != http.StatusOK {
				t.Errorf("GET %s: status %d", paths[i%len(paths)], w.Code)
			}
			bodies[i] = w.Body.Bytes()
		}()
	}
	wg.Wait()
	if got := s.Rendered() - before; got != int64(len(paths)) {
		t.Errorf("rendered %d times for %d pages, want once each", got, len(paths))
	}
	for i := range bodies {
		if !bytes.Equal(bodies[i], bodies[i%len(paths)]) {
			t.Errorf("request %d for %s got another body than the first", i, paths[i%len(paths)])
		}
	}
}
