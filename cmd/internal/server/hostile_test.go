package server_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"symptomguide/app/guidedata"
)

// liveServer serves s on a loopback port until the test ends.
func liveServer(t *testing.T) string {
	t.Helper()
	s := MustServer(t, new(bytes.Buffer))
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Serve(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return s.Addr()
}

// raw sends a request exactly as written and reads the response.
func raw(t *testing.T, addr, request string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the response to %.80q: %v", request, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(body)
}

func get1(target string, headers ...string) string {
	return "GET " + target + " HTTP/1.1\r\nHost: guide.test\r\n" + strings.Join(headers, "") + "Connection: close\r\n\r\n"
}

// TestHostileRequests sends broken and hostile requests: each gets the right
// status, never a panic or a stack trace, and (where the request reaches the
// guide's handler) the guide's security headers.
func TestHostileRequests(t *testing.T) {
	addr := liveServer(t)
	// Thousands of parameters within the URL limit.
	many := make([]string, 3000)
	for i := range many {
		many[i] = "a"
	}
	tests := []struct {
		name    string
		request string
		status  []int
		// ours is false for refusals net/http makes before the handler.
		ours bool
	}{
		{"dot segments", get1("/web/../go.mod"), []int{301, 307, 404}, true},
		{"encoded dots", get1("/web/%2e%2e/go.mod"), []int{301, 307, 404}, true},
		{"encoded slash", get1("/web/..%2fgo.mod"), []int{404}, true},
		{"encoded dots and slashes", get1("/web/%2e%2e%2f%2e%2e%2fetc%2fpasswd"), []int{404}, true},
		{"backslash", get1(`/web/..\go.mod`), []int{404}, true},
		{"encoded backslash", get1("/web/..%5cgo.mod"), []int{404}, true},
		{"encoded NUL", get1("/web/guide.css%00.png"), []int{404}, true},
		{"NUL in a page path", get1("/q/pain%00"), []int{404}, true},
		{"raw NUL byte", "GET /web/guide.css\x00 HTTP/1.1\r\nHost: guide.test\r\n\r\n", []int{400}, false},
		{"double slash", get1("//etc/passwd"), []int{301, 307, 404}, true},
		{"long URL", get1("/q/pain?pain=" + strings.Repeat("a", 9000)), []int{414}, true},
		{"huge URL", get1("/q/pain?pain=" + strings.Repeat("a", 70000)), []int{431}, false},
		{"large headers", get1("/", "X-Big: "+strings.Repeat("b", 20000)+"\r\n"), []int{431}, true},
		{"POST", "POST / HTTP/1.1\r\nHost: guide.test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", []int{405}, true},
		{"DELETE", "DELETE /web/guide.css HTTP/1.1\r\nHost: guide.test\r\nConnection: close\r\n\r\n", []int{405}, true},
		{"TRACE", "TRACE / HTTP/1.1\r\nHost: guide.test\r\nConnection: close\r\n\r\n", []int{405}, true},
		{"range", get1("/web/app.wasm", "Range: bytes=0-3\r\n"), []int{206}, true},
		{"range past the end", get1("/web/app.wasm", "Range: bytes=999999-\r\n"), []int{416}, true},
		{"thousands of parameters", get1("/result?" + strings.Join(many, "&")), []int{200}, true},
		{"repeated answers", get1("/q/pain?pain=lower-back&pain=lower-back&pain=lower-back"), []int{200}, true},
		{"unknown answers", get1("/result?pain=knee&emergency=maybe&colour=blue"), []int{200}, true},
		{"invalid UTF-8", get1("/q/pain?pain=%ff%fe%fd"), []int{200}, true},
		{"overlong value", get1("/q/pain?pain=" + strings.Repeat("lower-back", 40)), []int{200}, true},
		{"invalid escape", get1("/q/pain?pain=%zz"), []int{200}, true},
		{"exclusive and signs", get1("/result?pain=disc&duration=acute&emergency=none&emergency=chest-pain"), []int{200}, true},
		{"unknown page", get1("/%ff"), []int{404}, true},
		{"no Host", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", []int{400}, false},
		{"bad version", "GET / HTTP/9.9\r\nHost: guide.test\r\n\r\n", []int{505}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := raw(t, addr, tt.request)
			ok := false
			for _, s := range tt.status {
				ok = ok || res.StatusCode == s
			}
			if !ok {
				t.Errorf("got status %d, want one of %v", res.StatusCode, tt.status)
			}
			for _, leak := range []string{"goroutine ", "panic", "runtime error", ".go:", "module symptomguide", "root:"} {
				if strings.Contains(body, leak) {
					t.Errorf("the response gives away %q", leak)
				}
			}
			if tt.ours {
				for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
					if res.Header.Get(h) == "" {
						t.Errorf("no %s header", h)
					}
				}
			}
			if res.StatusCode == 405 && res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("405 without Allow: GET, HEAD")
			}
			if tt.name == "exclusive and signs" && !strings.Contains(body, html.EscapeString(guidedata.Content.Strings.Outcome.Emergency.Heading)) {
				t.Error("a warning sign ticked beside None of these was dropped")
			}
		})
	}
}

// TestHeadLengths asserts HEAD answers with the length GET sends.
func TestHeadLengths(t *testing.T) {
	addr := liveServer(t)
	for _, target := range []string{"/", "/q/pain", "/q/pain?pain=disc", "/web/guide.css", "/web/app.wasm", "/embed.js", "/app.js"} {
		get, body := raw(t, addr, get1(target, "Accept-Encoding: br\r\n"))
		head, headBody := raw(t, addr, "HEAD "+target+" HTTP/1.1\r\nHost: guide.test\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n")
		if head.StatusCode != 200 || headBody != "" {
			t.Errorf("HEAD %s: got %d with %d body bytes", target, head.StatusCode, len(headBody))
		}
		if want := fmt.Sprint(len(body)); head.Header.Get("Content-Length") != want || get.Header.Get("Content-Length") != want {
			t.Errorf("%s: HEAD Content-Length %q, GET %q, GET body %s", target, head.Header.Get("Content-Length"), get.Header.Get("Content-Length"), want)
		}
	}
}

// TestSecurityHeaders asserts the header set on each kind of response.
func TestSecurityHeaders(t *testing.T) {
	addr := liveServer(t)
	for _, target := range []struct {
		name, request string
		corp          string
	}{
		{"page", get1("/"), "same-origin"},
		{"page with answers", get1("/result?pain=disc"), "same-origin"},
		{"asset", get1("/web/guide.css"), "same-origin"},
		{"go-app script", get1("/app.js"), "same-origin"},
		{"embed script", get1("/embed.js"), "cross-origin"},
		{"404", get1("/nope"), "same-origin"},
		{"405", "POST / HTTP/1.1\r\nHost: guide.test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "same-origin"},
		{"414", get1("/?" + strings.Repeat("a", 9000)), "same-origin"},
	} {
		res, _ := raw(t, addr, target.request)
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", strings.TrimSpace("frame-ancestors 'self' " + strings.Join(guidedata.Deploy.EmbedOrigins, " ")), "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target.name, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows unsafe-inline", target.name)
		}
		for h, want := range map[string]string{
			"X-Content-Type-Options":       "nosniff",
			"Referrer-Policy":              "no-referrer",
			"Cross-Origin-Resource-Policy": target.corp,
			"Cross-Origin-Opener-Policy":   "same-origin",
		} {
			if got := res.Header.Get(h); got != want {
				t.Errorf("%s: got %s %q, want %q", target.name, h, got, want)
			}
		}
		if pp := res.Header.Get("Permissions-Policy"); !strings.Contains(pp, "camera=()") || !strings.Contains(pp, "geolocation=()") {
			t.Errorf("%s: got Permissions-Policy %q", target.name, pp)
		}
		if res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent although the demo clinic does not run behind TLS", target.name)
		}
	}
}

// TestSlowClient holds a connection open by sending its headers slowly: the
// server closes it once the header timeout has passed.
func TestSlowClient(t *testing.T) {
	t.Parallel()
	addr := liveServer(t)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: guide.test\r\n")
	closed := make(chan time.Duration, 1)
	go func() {
		buf := make([]byte, 1024)
		for {
			conn.SetReadDeadline(time.Now().Add(20 * time.Second))
			if _, err := conn.Read(buf); err != nil {
				closed <- time.Since(start)
				return
			}
		}
	}()
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case d := <-closed:
			if d > 8*time.Second {
				t.Errorf("the server held a slow client for %v", d)
			}
			t.Logf("a slow client was cut off after %v", d.Round(100*time.Millisecond))
			return
		case <-tick.C:
			io.WriteString(conn, "X-Slow: 1\r\n")
		case <-time.After(15 * time.Second):
			t.Fatal("the server never closed a slow client's connection")
		}
	}
}

// TestShutdownUnderLoad stops the server while clients keep sending: every
// request the server accepted completes with 2xx, and new connections are
// refused rather than dropped halfway.
func TestShutdownUnderLoad(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx) }()
	base := "http://" + s.Addr()

	var ok, bad, refused atomic.Int64
	var wg sync.WaitGroup
	quit := make(chan struct{})
	client := &http.Client{Timeout: 10 * time.Second}
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			targets := []string{"/", "/q/pain?pain=disc", "/web/app.wasm", "/result?pain=disc&duration=acute&emergency=none&urgent=none&factors=none&cautions=none"}
			for i := 0; ; i++ {
				select {
				case <-quit:
					return
				default:
				}
				res, err := client.Get(base + targets[(w+i)%len(targets)])
				if err != nil {
					// Refused: the listener is closed. Reset: the connection
					// sat in the kernel's queue and was never accepted; when
					// the listener closes, the kernel resets it. EOF: the
					// client sent the request on a kept-alive connection the
					// moment Shutdown closed it as idle, so the server never
					// read it (Shutdown closes only connections with no
					// request in flight).
					if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) {
						refused.Add(1)
						time.Sleep(5 * time.Millisecond)
						continue
					}
					bad.Add(1)
					t.Errorf("a request failed during shutdown: %v", err)
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode/100 == 2 {
					ok.Add(1)
				} else {
					bad.Add(1)
					t.Errorf("got status %d during shutdown", res.StatusCode)
				}
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	stop() // as SIGTERM does in cmd/server
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	time.Sleep(100 * time.Millisecond)
	close(quit)
	wg.Wait()
	if ok.Load() == 0 || refused.Load() == 0 {
		t.Errorf("the load did not span the shutdown: %d served, %d refused after it", ok.Load(), refused.Load())
	}
	t.Logf("%d requests served, %d failed, %d refused after shutdown", ok.Load(), bad.Load(), refused.Load())
}
