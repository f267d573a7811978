// Command bench measures the guide: how fast /q/pain becomes readable and
// answerable in Chromium on a slow and a 4G network, served by the Go server
// and by nginx serving the static export; how long a visitor who answers a
// page every 3 s waits on the way to a result on both, and what the whole
// visit costs on the wire; how fast the running app goes from one question
// to the next; Lighthouse's scores for three
// pages on both; then how much load the Go server takes next to nginx, and
// how fast it renders pages from answers, measured with wrk. Every figure
// with a goal (issue 15) is marked met or MISSED, from one table of goals
// (goals.go). Everything runs on 127.0.0.1, is
// bounded in time and stops by itself. `make bench` runs it from the
// repository's root after building; it prints the tables and writes them to
// bench-results.txt.
//
//	bench [-web web] [-chromium /usr/bin/chromium] [-out bench-results.txt]
//	      [-runs 5] [-lighthouse-runs 3] [-quick] [-skip-load] [-skip-walk] [-skip-steps]
//	      [-skip-lighthouse] [-skip-wrk] [-v]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"symptomguide/cmd/internal/deploy"
	"symptomguide/cmd/internal/site"
)

// goCmd is the go command that builds cmd/server.
var goCmd = "go"

// options are the command's flags.
type options struct {
	web      string
	chromium string
	out      string
	runs     int
	quick    bool
	skipLoad bool
	// skipWalk and skipSteps: the walk to a result, the in-app steps.
	skipWalk  bool
	skipSteps bool
	skipWrk   bool
	// skipLighthouse and lighthouseRuns: the Lighthouse part.
	skipLighthouse bool
	lighthouseRuns int
	verbose        bool
}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.StringVar(&o.web, "web", "web", "the built web folder")
	fs.StringVar(&o.chromium, "chromium", envOr("CHROMIUM", "/usr/bin/chromium"), "the Chromium binary")
	fs.StringVar(&o.out, "out", "bench-results.txt", "the file the tables are written to (empty: none)")
	fs.IntVar(&o.runs, "runs", 5, "cold-cache page loads per profile and host, and walks per host")
	fs.BoolVar(&o.quick, "quick", false, "short runs, to try the benchmark itself (figures are not meaningful)")
	fs.BoolVar(&o.skipLoad, "skip-load", false, "skip the Chromium page loads")
	fs.BoolVar(&o.skipWalk, "skip-walk", false, "skip the walk to a result on both hosts")
	fs.BoolVar(&o.skipSteps, "skip-steps", false, "skip the in-app steps")
	fs.BoolVar(&o.skipWrk, "skip-wrk", false, "skip the wrk server benchmark")
	fs.BoolVar(&o.skipLighthouse, "skip-lighthouse", false, "skip Lighthouse")
	fs.IntVar(&o.lighthouseRuns, "lighthouse-runs", 3, "Lighthouse runs per page and host")
	fs.BoolVar(&o.verbose, "v", false, "print each page load as it is measured")
	fs.StringVar(&goCmd, "go", envOr("GO", "go"), "the go command, to build cmd/server")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.runs < 1 {
		o.runs = 1
	}
	if o.quick && o.runs > 2 {
		o.runs = 2
	}
	web, err := filepath.Abs(o.web)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	o.web = web

	start := time.Now()
	// A hard bound on the whole run: whatever hangs, the command stops.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 45*time.Minute)
	defer cancel()

	out := &report{w: os.Stdout}
	if err := bench(ctx, o, out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	out.printf("\nTotal run time: %s\n", time.Since(start).Round(time.Second))
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(out.buf.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 1
		}
		fmt.Printf("bench: wrote %s\n", o.out)
	}
	return 0
}

// bench runs both benchmarks and writes their tables to out.
func bench(ctx context.Context, o options, out *report) error {
	if err := site.Check(o.web); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "symptomguide-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// nginx's workers may run as another user: they must reach the export.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}

	out.printf("Symptom Guide benchmarks, %s\n", time.Now().Format("2006-01-02 15:04 MST"))
	out.printf("Machine: %s\n", machine())
	if o.quick {
		out.printf("QUICK MODE: short runs, the figures are not meaningful.\n")
	}

	progress("exporting the static site")
	// Exactly what make static does (cmd/static): the export and the
	// nginx server block written for it.
	dist := filepath.Join(tmp, "dist")
	st, err := deploy.Export(o.web, dist, filepath.Join(tmp, "deploy"), "", deploy.Params{})
	if err != nil {
		return fmt.Errorf("exporting the static site: %w", err)
	}
	ng, err := startNginx(ctx, tmp, dist, st)
	if err != nil {
		return err
	}
	defer ng.stop()
	out.printf("%s\n", ng.describe())

	v := &verdicts{}
	if !o.skipLoad || !o.skipWalk || !o.skipSteps {
		if err := browserBench(ctx, o, ng, out, v); err != nil {
			return err
		}
		out.printf("Load average after the Chromium parts: %s.\n", loadavg())
	}
	if !o.skipLighthouse {
		if err := lighthouseBench(ctx, o, tmp, ng, out, v); err != nil {
			return fmt.Errorf("Lighthouse: %w", err)
		}
	}
	if !o.skipWrk {
		if err := wrkBench(ctx, o, tmp, ng, out, v); err != nil {
			return fmt.Errorf("server benchmark: %w", err)
		}
		out.printf("Load average after the server load: %s.\n", loadavg())
	}
	v.print(out)
	return nil
}

// report collects the tables: they go to the terminal as they come and to
// the results file at the end.
type report struct {
	w   io.Writer
	buf strings.Builder
}

func (r *report) printf(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	r.buf.WriteString(s)
	io.WriteString(r.w, s)
}

// progress tells the person waiting what runs now; it is not part of the
// results.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

// machine describes the machine: cores, CPU model, Go version, load.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	s := fmt.Sprintf("nproc %d, %s, %s %s/%s", runtime.NumCPU(), model, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if l := loadavg(); l != "" {
		s += ", load average " + l + " at the start"
	}
	return s
}

// loadavg returns the 1, 5 and 15 minute load averages, or "".
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func numCPU() int { return runtime.NumCPU() }

// moduleRoot returns the folder of go.mod above the working folder, where
// go build must run.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working folder: run make bench from the repository")
		}
		dir = parent
	}
}
