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

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/loopback"
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
	// answers marks a page rendered from answers: only the Go server has
	// it (a static host serves the page without them), and it has goals
	// of its own rather than a ratio to nginx.
	answers string // "result-rps" or "question-rps"; "" for a ratio to nginx
}

// wrkServer is a server under load.
type wrkServer struct {
	name string
	base string
}

// goServer is the Go server run as a child process, as in production.
type goServer struct {
	addr string
	proc *process
	log  bytes.Buffer // written by exec's copying goroutine until it exits
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
	addr, err := loopback.FreeAddr()
	if err != nil {
		return nil, err
	}
	s := &goServer{addr: addr}
	cmd := exec.Command(bin, "-addr", addr, "-web", web)
	// Its start-up and shutdown lines are shown only if it fails.
	cmd.Stdout, cmd.Stderr = io.Discard, &s.log
	// GOMAXPROCS is left to the runtime, as in production.
	cmd.Env = slicesWithout(os.Environ(), "GOMAXPROCS=")
	if s.proc, err = startProcess(cmd); err != nil {
		return nil, err
	}
	if err := loopback.WaitUp(ctx, "http://"+addr+"/healthz", s.proc.done); err != nil {
		s.stop()
		return nil, fmt.Errorf("the Go server did not start: %w\n%s", err, s.log.String())
	}
	return s, nil
}

// stop sends SIGTERM and waits for the graceful shutdown.
func (s *goServer) stop() { s.proc.stop(syscall.SIGTERM, 20*time.Second) }

// memory reads the resident set size and its peak, in bytes.
func (s *goServer) memory() (rss, peak float64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.proc.cmd.Process.Pid))
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
func wrkBench(ctx context.Context, o options, tmp string, ng *nginx, out *report, v *verdicts) error {
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		return errors.New("wrk is not installed: make bench installs it (apt-get install -y wrk)")
	}
	script := filepath.Join(tmp, "summary.lua")
	if err := os.WriteFile(script, []byte(wrkScript), 0o644); err != nil {
		return err
	}
	result, question, err := answerPaths()
	if err != nil {
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
	const page, wasm = 2 * time.Second, 10 * time.Second
	cases := []wrkCase{
		{name: "start page /", path: "/", conns: 64, duration: short, timeout: page},
		{name: "start page /", path: "/", conns: 256, duration: long, timeout: page},
		{name: "question " + loadPath, path: loadPath, conns: 64, duration: short, timeout: page},
		{name: "question " + loadPath, path: loadPath, conns: 256, duration: short, timeout: page},
		// 256 downloads of 1.4 MB at once take longer than wrk's default
		// 2 s timeout on 2 cores without anything being wrong.
		{name: "/web/app.wasm (br)", path: "/web/app.wasm", conns: 64, duration: short, timeout: wasm},
		{name: "/web/app.wasm (br)", path: "/web/app.wasm", conns: 256, duration: short, timeout: wasm},
		{name: "result from answers", path: result, conns: 64, duration: short, timeout: page, answers: "result-rps"},
		{name: "question with answers", path: question, conns: 64, duration: short, timeout: page, answers: "question-rps"},
	}
	serversOf := func(c wrkCase) []wrkServer {
		if c.answers != "" {
			return servers[1:]
		}
		return servers
	}

	out.printf("\n== 3. Server load: wrk, 2 threads ==\n")
	out.printf("Accept-Encoding: %q for the pages (as Chromium sends), \"br\" for app.wasm.\n", pageEncoding)
	out.printf("%s; the Go server runs as a child process (go build ./cmd/server, GOMAXPROCS default).\n", ng.describe())
	out.printf("wrk, nginx and the Go server share the machine's %d cores. Each URL is warmed up for %s per server first.\n", numCPU(), warm)
	out.printf("Pages from answers (Go server only; a static host has no such page): result %s\nand question %s.\n", result, question)

	// What each server answers, once, so the figures compare like with like.
	info := &table{header: []string{"response", "server", "status", "encoding", "bytes", "cache-control"}, right: map[int]bool{4: true}}
	probed := map[string]bool{}
	for _, c := range cases {
		if probed[c.path] {
			continue
		}
		probed[c.path] = true
		for _, s := range serversOf(c) {
			status, enc, n, cc, err := probe(s.base, c.path)
			if err != nil {
				return err
			}
			if status != http.StatusOK {
				return fmt.Errorf("%s %s answered %d", s.name, c.path, status)
			}
			info.add(c.name, s.name, strconv.Itoa(status), enc, strconv.Itoa(n), cc)
		}
	}
	out.printf("\n%s", info)

	rssBefore, _, err := gs.memory()
	if err != nil {
		return err
	}
	results := map[string]wrkResult{}
	key := func(s wrkServer, c wrkCase) string { return fmt.Sprintf("%s|%s|%d", s.name, c.path, c.conns) }
	warmed := map[string]bool{}
	for _, c := range cases {
		for _, s := range serversOf(c) {
			if k := s.name + c.path; !warmed[k] {
				warmed[k] = true
				progress("wrk warm-up %s %s", s.name, c.name)
				if _, err := runWrk(ctx, wrk, script, s.base, c.path, 64, warm, c.timeout); err != nil {
					return err
				}
			}
			progress("wrk %s %s, %d connections, %s", s.name, c.name, c.conns, c.duration)
			r, err := runWrk(ctx, wrk, script, s.base, c.path, c.conns, c.duration, c.timeout)
			if err != nil {
				return err
			}
			results[key(s, c)] = r
		}
	}
	rssAfter, peak, err := gs.memory()
	if err != nil {
		return err
	}

	t := &table{
		header: []string{"URL", "conns", "time", "nginx req/s", "p50", "p99", "errors", "Go req/s", "p50", "p99", "errors", "Go/nginx", "p99 Go/nginx", "goal", "marks"},
		right:  map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true},
	}
	for _, c := range cases {
		g := results[key(servers[1], c)]
		subject := fmt.Sprintf("%s, %d connections", c.name, c.conns)
		errMark := v.check("errors", subject, g.errors(), fmt.Sprintf("%.0f", g.errors()))
		goCells := []string{thousands(g.rps()), latency(g.P50US), latency(g.P99US), fmt.Sprintf("%.0f", g.errors())}
		if c.answers != "" {
			rps := v.check(c.answers, subject, g.rps(), thousands(g.rps())+" req/s")
			p99 := v.check("answers-p99", subject, g.P99US/1000, latency(g.P99US))
			t.add(append(append([]string{c.name, strconv.Itoa(c.conns), c.duration.String(), "–", "", "", ""}, goCells...),
				"", "", targetCell(c.answers)+", p99 "+targetCell("answers-p99"),
				fmt.Sprintf("%s, p99 %s, errors %s", rps, p99, errMark))...)
			continue
		}
		n := results[key(servers[0], c)]
		ratio, p99Ratio := g.rps()/n.rps(), g.P99US/n.P99US
		rm := v.check("ratio", subject, ratio, fmt.Sprintf("%.2f×", ratio))
		pm := v.check("p99-ratio", subject, p99Ratio, fmt.Sprintf("%.2f× (%s / %s)", p99Ratio, latency(g.P99US), latency(n.P99US)))
		t.add(append(append([]string{c.name, strconv.Itoa(c.conns), c.duration.String(),
			thousands(n.rps()), latency(n.P50US), latency(n.P99US), fmt.Sprintf("%.0f", n.errors())}, goCells...),
			fmt.Sprintf("%.2f×", ratio), fmt.Sprintf("%.2f×", p99Ratio),
			targetCell("ratio")+", p99 "+targetCell("p99-ratio"),
			fmt.Sprintf("%s, p99 %s, errors %s", rm, pm, errMark))...)
	}
	out.printf("\n%s", t)
	out.printf("errors: connect + read + write + timeout + responses with status ≥ 400 (wrk's non-2xx/3xx count); timeout %s for pages, %s for app.wasm.\n", page, wasm)
	growth := rssAfter - rssBefore
	mm := v.check("memory", "Go server, VmRSS after the wrk run less before", growth, fmt.Sprintf("%.1f MB", growth/1e6))
	out.printf("\nGo server memory (VmRSS of the process): %.1f MB before the load, %.1f MB after, growth %.1f MB (goal %s: %s); peak (VmHWM) %.1f MB.\n",
		rssBefore/1e6, rssAfter/1e6, growth/1e6, targetCell("memory"), mm, peak/1e6)
	for _, s := range servers {
		for _, c := range cases {
			r, ok := results[key(s, c)]
			if ok && r.errors() > 0 {
				out.printf("%s %s at %d connections: connect %g, read %g, write %g, timeout %g, status ≥ 400 %g.\n",
					s.name, c.name, c.conns, r.Connect, r.Read, r.Write, r.Timeout, r.Status)
			}
		}
	}
	return nil
}

// answerPaths returns the two pages from answers the benchmark loads, found
// by walking the guide's own flow, so they fit any clinic's content: a
// result reached by answering every question, at each the option that
// gives the result the most article sections (the heaviest page to
// render) without ending the guide early; and the second question with
// the first one answered.
func answerPaths() (result, question string, err error) {
	g, err := guide.New(guidedata.Content)
	if err != nil {
		return "", "", err
	}
	qs := g.Questions()
	if len(qs) < 2 {
		return "", "", errors.New("the guide has fewer than two questions")
	}
	// open lists a question's options that do not end the guide early.
	open := func(a guide.Answers, q guide.Question) []string {
		var ids []string
		for _, opt := range q.Options {
			if g.Next(a.With(q.ID, opt.ID), q.ID).Page != guide.ResultPage {
				ids = append(ids, opt.ID)
			}
		}
		if len(ids) == 0 {
			ids = append(ids, q.Options[0].ID)
		}
		return ids
	}
	// complete answers the questions from step on with the last open
	// option of each, such as "none of these".
	complete := func(a guide.Answers, step guide.Step) guide.Answers {
		for step.Page == guide.QuestionPage {
			q, _ := g.Question(step.Question)
			ids := open(a, q)
			a = a.With(q.ID, ids[len(ids)-1])
			step = g.Next(a, q.ID)
		}
		return a
	}
	a := guide.Answers{}
	step := guide.Step{Page: guide.QuestionPage, Question: qs[0].ID}
	for step.Page == guide.QuestionPage {
		q, _ := g.Question(step.Question)
		best, most := "", -1
		for _, id := range open(a, q) {
			b := a.With(q.ID, id)
			if n := len(g.Evaluate(complete(b, g.Next(b, q.ID))).Sections); n >= most {
				best, most = id, n
			}
		}
		a = a.With(q.ID, best)
		if question == "" {
			next := g.Next(a, q.ID)
			question = questionPrefix + next.Question + "?" + g.Encode(a).Encode()
		}
		step = g.Next(a, q.ID)
	}
	return resultPath + "?" + g.Encode(a).Encode(), question, nil
}

// runWrk runs wrk once and parses its summary.
func runWrk(ctx context.Context, wrk, script, base, path string, conns int, d, timeout time.Duration) (wrkResult, error) {
	url := base + path
	wctx, cancel := context.WithTimeout(ctx, d+30*time.Second)
	defer cancel()
	cmd := exec.Command(wrk,
		"-t2", fmt.Sprintf("-c%d", conns), fmt.Sprintf("-d%ds", int(d.Seconds())),
		fmt.Sprintf("--timeout=%ds", int(timeout.Seconds())), "--latency",
		"-H", "Accept-Encoding: "+acceptEncoding(path),
		"-s", script, url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	p, err := startProcess(cmd)
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk %s: %w", url, err)
	}
	// Past its time, or on Ctrl+C, wrk is stopped as nginx and the Go
	// server are: SIGINT, on which it prints what it measured, then a kill.
	if err := p.wait(wctx, syscall.SIGINT, 5*time.Second); err != nil {
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
