package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// wrkScript prints wrk's summary as one line of JSON after its usual text.
// Latencies are in microseconds.
const wrkScript = `-- Written by cmd/bench.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"duration_us":%.0f,"requests":%.0f,"bytes":%.0f,' ..
    '"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,' ..
    '"p50_us":%.0f,"p90_us":%.0f,"p99_us":%.0f,"max_us":%.0f,"mean_us":%.1f}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
`

// wrkResult is one wrk run's summary.
type wrkResult struct {
	DurationUS float64 `json:"duration_us"`
	Requests   float64 `json:"requests"`
	Bytes      float64 `json:"bytes"`
	Connect    float64 `json:"connect"`
	Read       float64 `json:"read"`
	Write      float64 `json:"write"`
	Status     float64 `json:"status"` // responses with a status of 400 or more
	Timeout    float64 `json:"timeout"`
	P50US      float64 `json:"p50_us"`
	P90US      float64 `json:"p90_us"`
	P99US      float64 `json:"p99_us"`
	MaxUS      float64 `json:"max_us"`
	MeanUS     float64 `json:"mean_us"`
}

// rps returns the requests per second.
func (r wrkResult) rps() float64 {
	if r.DurationUS <= 0 {
		return 0
	}
	return r.Requests / (r.DurationUS / 1e6)
}

// errors returns every error wrk counted: socket errors and responses with
// an error status.
func (r wrkResult) errors() float64 {
	return r.Connect + r.Read + r.Write + r.Status + r.Timeout
}

// parseWrk reads the JSON line wrkScript prints from wrk's output. It also
// reads wrk's "Non-2xx or 3xx responses" line, in case a version of wrk
// counts them apart from errors.status.
func parseWrk(output string) (wrkResult, error) {
	var r wrkResult
	found := false
	non2xx := -1.0
	sc := bufio.NewScanner(strings.NewReader(output))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if js, ok := strings.CutPrefix(line, "BENCH-JSON "); ok {
			dec := json.NewDecoder(strings.NewReader(js))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				return r, fmt.Errorf("wrk's summary: %w", err)
			}
			found = true
		}
		if v, ok := strings.CutPrefix(line, "Non-2xx or 3xx responses:"); ok {
			n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return r, fmt.Errorf("wrk's line %q: %w", line, err)
			}
			non2xx = n
		}
	}
	if !found {
		return r, errors.New("wrk printed no summary (BENCH-JSON line)")
	}
	if non2xx > r.Status {
		r.Status = non2xx
	}
	if r.Requests == 0 {
		return r, errors.New("wrk completed no request")
	}
	return r, nil
}

// wrkCase is one URL under one load.
type wrkCase struct {
	name     string
	path     string
	conns    int
	duration time.Duration
	timeout  time.Duration
}

// wrkServer is a server under load.
type wrkServer struct {
	name string
	base string
}

// goServer is the Go server run as a child process, as in production.
type goServer struct {
	addr string
	cmd  *exec.Cmd
	done chan struct{}
	log  bytes.Buffer // written by exec's copying goroutine until done
}

// startGoServer builds cmd/server and runs it on a free loopback port.
func startGoServer(ctx context.Context, tmp, web string) (*goServer, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(tmp, "server")
	build := exec.CommandContext(ctx, goCmd, "build", "-o", bin, "./cmd/server")
	build.Dir = root
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("go build ./cmd/server: %w", err)
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	s := &goServer{addr: addr, done: make(chan struct{})}
	s.cmd = exec.Command(bin, "-addr", addr, "-web", web)
	// Its start-up and shutdown lines are shown only if it fails.
	s.cmd.Stdout, s.cmd.Stderr = io.Discard, &s.log
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	// GOMAXPROCS is left to the runtime, as in production.
	s.cmd.Env = slicesWithout(os.Environ(), "GOMAXPROCS=")
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.cmd.Wait(); close(s.done) }()
	if err := waitHTTP(ctx, "http://"+addr+"/healthz", s.done); err != nil {
		s.stop()
		return nil, fmt.Errorf("the Go server did not start: %w\n%s", err, s.log.String())
	}
	return s, nil
}

// stop sends SIGTERM and waits for the graceful shutdown, then kills.
func (s *goServer) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// memory reads the resident set size and its peak, in bytes.
func (s *goServer) memory() (rss, peak float64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	return parseStatusKB(string(b), "VmRSS"), parseStatusKB(string(b), "VmHWM"), nil
}

// parseStatusKB reads a "Key:   123 kB" line of /proc/<pid>/status as bytes.
func parseStatusKB(status, key string) float64 {
	for _, line := range strings.Split(status, "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			f := strings.Fields(v)
			if len(f) >= 1 {
				n, err := strconv.ParseFloat(f[0], 64)
				if err == nil {
					return n * 1024
				}
			}
		}
	}
	return math.NaN()
}

func slicesWithout(env []string, prefix string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, prefix) {
			out = append(out, e)
		}
	}
	return out
}

// pageEncoding is what Chromium sends for a page: both servers may answer
// with their precompressed copies. app.wasm is asked for with br only.
const pageEncoding = "gzip, deflate, br, zstd"

// acceptEncoding returns the Accept-Encoding wrk sends for path.
func acceptEncoding(path string) string {
	if strings.HasSuffix(path, ".wasm") {
		return "br"
	}
	return pageEncoding
}

// wrkBench runs wrk against nginx and the Go server and prints the table.
func wrkBench(ctx context.Context, o options, tmp string, ng *nginx, out *report) error {
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		return errors.New("wrk is not installed: make bench installs it (apt-get install -y wrk)")
	}
	script := filepath.Join(tmp, "summary.lua")
	if err := os.WriteFile(script, []byte(wrkScript), 0o644); err != nil {
		return err
	}
	progress("building and starting the Go server")
	gs, err := startGoServer(ctx, tmp, o.web)
	if err != nil {
		return err
	}
	defer gs.stop()
	servers := []wrkServer{{"nginx", ng.base()}, {"Go", "http://" + gs.addr}}

	short, long, warm := 10*time.Second, 30*time.Second, 2*time.Second
	if o.quick {
		short, long, warm = 2*time.Second, 3*time.Second, time.Second
	}
	cases := []wrkCase{
		{"start page /", "/", 64, short, 2 * time.Second},
		{"start page /", "/", 256, long, 2 * time.Second},
		{"question /q/pain", loadPath, 64, short, 2 * time.Second},
		{"question /q/pain", loadPath, 256, short, 2 * time.Second},
		// 256 downloads of 1.4 MB at once take longer than wrk's default
		// 2 s timeout on 2 cores without anything being wrong.
		{"/web/app.wasm (br)", "/web/app.wasm", 64, short, 10 * time.Second},
		{"/web/app.wasm (br)", "/web/app.wasm", 256, short, 10 * time.Second},
	}

	out.printf("\n== 2. Server load: wrk, 2 threads ==\n")
	out.printf("Accept-Encoding: %q for the pages (as Chromium sends), \"br\" for app.wasm.\n", pageEncoding)
	out.printf("nginx (worker_processes 2, brotli_static and gzip_static, try_files $uri $uri.html $uri/) serves the export; the Go server runs as a child process (go build ./cmd/server, GOMAXPROCS default).\n")
	out.printf("wrk, nginx and the Go server share the machine's %d cores. Each URL is warmed up for %s per server first.\n", numCPU(), warm)

	// What each server answers, once, so the figures compare like with like.
	info := &table{header: []string{"response", "server", "status", "encoding", "bytes", "cache-control"}, right: map[int]bool{4: true}}
	for _, path := range []string{"/", loadPath, "/web/app.wasm"} {
		for _, s := range servers {
			status, enc, n, cc, err := probe(s.base, path)
			if err != nil {
				return err
			}
			if status != http.StatusOK {
				return fmt.Errorf("%s %s answered %d", s.name, path, status)
			}
			info.add(path, s.name, strconv.Itoa(status), enc, strconv.Itoa(n), cc)
		}
	}
	out.printf("\n%s", info)

	rssBefore, _, err := gs.memory()
	if err != nil {
		return err
	}
	results := map[string]wrkResult{}
	warmed := map[string]bool{}
	for _, c := range cases {
		for _, s := range servers {
			if key := s.name + c.path; !warmed[key] {
				warmed[key] = true
				progress("wrk warm-up %s %s", s.name, c.path)
				if _, err := runWrk(ctx, wrk, script, s.base, c.path, 64, warm, c.timeout); err != nil {
					return err
				}
			}
			progress("wrk %s %s, %d connections, %s", s.name, c.path, c.conns, c.duration)
			r, err := runWrk(ctx, wrk, script, s.base, c.path, c.conns, c.duration, c.timeout)
			if err != nil {
				return err
			}
			results[fmt.Sprintf("%s|%s|%d", s.name, c.path, c.conns)] = r
		}
	}
	rssAfter, peak, err := gs.memory()
	if err != nil {
		return err
	}

	t := &table{
		header: []string{"URL", "conns", "time", "nginx req/s", "p50", "p99", "errors", "Go req/s", "p50", "p99", "errors", "Go/nginx", "target", ""},
		right:  map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true},
	}
	zeroErrors256 := true
	for _, c := range cases {
		n := results[fmt.Sprintf("nginx|%s|%d", c.path, c.conns)]
		g := results[fmt.Sprintf("Go|%s|%d", c.path, c.conns)]
		ratio := g.rps() / n.rps()
		target, verdict := "", ""
		switch c.path {
		case "/web/app.wasm":
			target, verdict = "≥ 0.80× (static file)", meets(ratio >= 0.8)
		default:
			target, verdict = "≥ 0.50× (page)", meets(ratio >= 0.5)
		}
		if c.conns == 256 && c.duration >= 30*time.Second {
			target += ", 0 errors"
			if g.errors() > 0 {
				verdict = "MISSED"
			}
		}
		if c.conns == 256 && g.errors() > 0 {
			zeroErrors256 = false
		}
		t.add(c.name, strconv.Itoa(c.conns), c.duration.String(),
			fmt.Sprintf("%.0f", n.rps()), latency(n.P50US), latency(n.P99US), fmt.Sprintf("%.0f", n.errors()),
			fmt.Sprintf("%.0f", g.rps()), latency(g.P50US), latency(g.P99US), fmt.Sprintf("%.0f", g.errors()),
			fmt.Sprintf("%.2f×", ratio), target, verdict)
	}
	out.printf("\n%s", t)
	out.printf("errors: connect + read + write + timeout + responses with status ≥ 400 (wrk's non-2xx/3xx count); timeout %s for pages, %s for app.wasm.\n",
		2*time.Second, 10*time.Second)
	if !zeroErrors256 {
		out.printf("The Go server had errors at 256 connections.\n")
	}
	growth := rssAfter - rssBefore
	out.printf("\nGo server memory (VmRSS of the process): %.1f MB before the load, %.1f MB after, growth %.1f MB (target under 20 MB: %s); peak (VmHWM) %.1f MB.\n",
		rssBefore/1e6, rssAfter/1e6, growth/1e6, meets(growth < 20e6), peak/1e6)
	for _, s := range []string{"nginx", "Go"} {
		for _, c := range cases {
			r := results[fmt.Sprintf("%s|%s|%d", s, c.path, c.conns)]
			if r.errors() > 0 {
				out.printf("%s %s at %d connections: connect %g, read %g, write %g, timeout %g, status ≥ 400 %g.\n",
					s, c.path, c.conns, r.Connect, r.Read, r.Write, r.Timeout, r.Status)
			}
		}
	}
	return nil
}

// runWrk runs wrk once and parses its summary.
func runWrk(ctx context.Context, wrk, script, base, path string, conns int, d, timeout time.Duration) (wrkResult, error) {
	url := base + path
	wctx, cancel := context.WithTimeout(ctx, d+30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(wctx, wrk,
		"-t2", fmt.Sprintf("-c%d", conns), fmt.Sprintf("-d%ds", int(d.Seconds())),
		fmt.Sprintf("--timeout=%ds", int(timeout.Seconds())), "--latency",
		"-H", "Accept-Encoding: "+acceptEncoding(path),
		"-s", script, url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return wrkResult{}, fmt.Errorf("wrk %s: %w\n%s%s", url, err, stdout.String(), stderr.String())
	}
	r, err := parseWrk(stdout.String())
	if err != nil {
		return r, fmt.Errorf("wrk %s: %w\n%s", url, err, stdout.String())
	}
	return r, nil
}

// probe fetches url once as wrk does and describes the response.
func probe(base, path string) (status int, encoding string, n int, cacheControl string, err error) {
	req, err := http.NewRequest("GET", base+path, nil)
	if err != nil {
		return 0, "", 0, "", err
	}
	req.Header.Set("Accept-Encoding", acceptEncoding(path))
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return 0, "", 0, "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, "", 0, "", err
	}
	enc := res.Header.Get("Content-Encoding")
	if enc == "" {
		enc = "identity"
	}
	cc := res.Header.Get("Cache-Control")
	if cc == "" {
		cc = "(none)"
	}
	return res.StatusCode, enc, len(b), cc, nil
}

// latency formats microseconds as milliseconds.
func latency(us float64) string {
	if us >= 10_000 {
		return fmt.Sprintf("%.0f ms", us/1000)
	}
	return fmt.Sprintf("%.2f ms", us/1000)
}

func meets(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}
