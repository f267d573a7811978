package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// lighthouseBin is Lighthouse's command as npm installs it from
// cmd/bench/package.json (pinned, with its package-lock.json), relative to
// the module root.
const lighthouseBin = "cmd/bench/node_modules/.bin/lighthouse"

// lighthouseAttempts is how many times one Lighthouse run is tried.
const lighthouseAttempts = 3

// lighthouseCategories are the four scores Lighthouse prints.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// lighthouseReport is what the benchmark reads of Lighthouse's JSON.
type lighthouseReport struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	RuntimeError      *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Score        *float64 `json:"score"`
		NumericValue *float64 `json:"numericValue"`
		// Details differ from audit to audit; only long-tasks' are read.
		Details json.RawMessage `json:"details"`
	} `json:"audits"`
}

// longTasks is the details of the long-tasks audit.
type longTasks struct {
	Items []struct {
		URL      string  `json:"url"`
		Duration float64 `json:"duration"`
	} `json:"items"`
}

// lighthouseRun is one run's figures: the four scores, Total Blocking Time
// and Time to Interactive in milliseconds; NaN when missing.
type lighthouseRun struct {
	scores   map[string]float64
	tbt, tti float64
	// failed lists the audits that cost a score other than performance
	// its full marks, such as "seo: is-crawlable".
	failed []string
	// longest is the longest main-thread task: what ran it and how long.
	longest         string
	longestDuration float64
}

// parseLighthouse reads a Lighthouse JSON report.
func parseLighthouse(b []byte) (lighthouseRun, string, error) {
	var r lighthouseReport
	if err := json.Unmarshal(b, &r); err != nil {
		return lighthouseRun{}, "", fmt.Errorf("Lighthouse's report: %w", err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return lighthouseRun{}, r.LighthouseVersion, fmt.Errorf("Lighthouse: %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	run := lighthouseRun{scores: map[string]float64{}, tbt: math.NaN(), tti: math.NaN()}
	for _, c := range lighthouseCategories {
		run.scores[c] = math.NaN()
		if cat, ok := r.Categories[c]; ok && cat.Score != nil {
			run.scores[c] = *cat.Score
		}
	}
	if a, ok := r.Audits["total-blocking-time"]; ok && a.NumericValue != nil {
		run.tbt = *a.NumericValue
	}
	if a, ok := r.Audits["interactive"]; ok && a.NumericValue != nil {
		run.tti = *a.NumericValue
	}
	for _, c := range lighthouseCategories[1:] {
		for _, ref := range r.Categories[c].AuditRefs {
			if a, ok := r.Audits[ref.ID]; ok && ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				run.failed = append(run.failed, c+": "+ref.ID)
			}
		}
	}
	var tasks longTasks
	if d := r.Audits["long-tasks"].Details; len(d) > 0 {
		if err := json.Unmarshal(d, &tasks); err != nil {
			return run, r.LighthouseVersion, fmt.Errorf("Lighthouse's long tasks: %w", err)
		}
	}
	for _, t := range tasks.Items {
		if t.Duration > run.longestDuration {
			run.longest, run.longestDuration = t.URL, t.Duration
		}
	}
	return run, r.LighthouseVersion, nil
}

// lighthouseGoals are the goals the Lighthouse table marks.
func lighthouseGoals() []string { return []string{"lighthouse-perf", "lighthouse-100", "tbt"} }

// lighthouseBench runs Lighthouse (mobile, its default settings: simulated
// slow 4G and a 4× slower CPU) on the start page, the first question and a
// result, on the Go server and on nginx, and prints the median of each
// figure.
func lighthouseBench(ctx context.Context, o options, tmp string, ng *nginx, out *report, v *verdicts) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	bin := filepath.Join(root, lighthouseBin)
	if _, err := os.Stat(bin); err != nil {
		return errors.New("Lighthouse is not installed: make bench runs npm ci (package.json pins lighthouse)")
	}
	result, _, err := answerPaths()
	if err != nil {
		return err
	}
	hosts, stopGuide, err := startHosts(ctx, o, ng)
	if err != nil {
		return err
	}
	defer stopGuide()
	pages := []struct{ name, path string }{{"/", "/"}, {loadPath, loadPath}, {"result", result}}
	runs := o.lighthouseRuns
	if o.quick {
		runs = 1
	}

	out.printf("\n== 2. Lighthouse, mobile (default settings: simulated slow 4G, CPU 4×) ==\n")
	out.printf("%d runs per page and host, the hosts and pages taking turns; medians. Result: %s\n", runs, result)

	// host → page → runs.
	all := map[string]map[string][]lighthouseRun{}
	version := ""
	for i := range runs {
		for _, p := range pages {
			for _, h := range hosts {
				progress("lighthouse %s %s, run %d of %d", h.name, p.name, i+1, runs)
				// Lighthouse now and then fails to record a trace
				// (NO_NAVSTART) and asks to be run again.
				var r lighthouseRun
				var ver string
				for attempt := 1; ; attempt++ {
					if r, ver, err = runLighthouse(ctx, bin, o.chromium, tmp, h.base+p.path); err == nil || attempt == lighthouseAttempts || ctx.Err() != nil {
						break
					}
					progress("lighthouse %s %s failed, running it again: %v", h.name, p.name, err)
				}
				if err != nil {
					return fmt.Errorf("%s %s: %w", h.name, p.path, err)
				}
				version = ver
				if all[h.name] == nil {
					all[h.name] = map[string][]lighthouseRun{}
				}
				all[h.name][p.name] = append(all[h.name][p.name], r)
			}
		}
	}
	out.printf("Lighthouse %s, Chromium %s.\n", version, o.chromium)
	t := &table{
		header: []string{"page", "host", "performance", "accessibility", "best practices", "SEO", "TBT", "TTI", "goals: perf " + targetCell("lighthouse-perf") + ", others " + targetCell("lighthouse-100") + ", TBT " + targetCell("tbt")},
		right:  map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true},
	}
	for _, p := range pages {
		for _, h := range hosts {
			rs := all[h.name][p.name]
			median := func(get func(lighthouseRun) float64) float64 {
				var vals []float64
				for _, r := range rs {
					vals = append(vals, get(r))
				}
				return summarise(vals).median
			}
			score := map[string]float64{}
			for _, c := range lighthouseCategories {
				score[c] = median(func(r lighthouseRun) float64 { return r.scores[c] })
			}
			tbt, tti := median(func(r lighthouseRun) float64 { return r.tbt }), median(func(r lighthouseRun) float64 { return r.tti })
			subject := fmt.Sprintf("%s, %s", h.name, p.name)
			perf := v.check("lighthouse-perf", subject, score["performance"], fmt.Sprintf("%.2f", score["performance"]))
			lowest := math.Min(score["accessibility"], math.Min(score["best-practices"], score["seo"]))
			others := v.check("lighthouse-100", subject, lowest, fmt.Sprintf("%.2f", lowest))
			tm := v.check("tbt", subject, tbt, millis(tbt))
			t.add(p.name, h.name, fmt.Sprintf("%.2f", score["performance"]), fmt.Sprintf("%.2f", score["accessibility"]),
				fmt.Sprintf("%.2f", score["best-practices"]), fmt.Sprintf("%.2f", score["seo"]), millis(tbt), seconds(tti),
				fmt.Sprintf("perf %s, others %s, TBT %s", perf, others, tm))
		}
	}
	out.printf("\n%s", t)
	// What the scores and TBT come from, once per page and host.
	for _, p := range pages {
		for _, h := range hosts {
			failed, tasks := map[string]bool{}, []string{}
			for _, r := range all[h.name][p.name] {
				for _, f := range r.failed {
					failed[f] = true
				}
				if r.longest != "" {
					tasks = append(tasks, fmt.Sprintf("%s %s", millis(r.longestDuration), r.longest))
				}
			}
			if len(failed) > 0 {
				out.printf("Note: %s, %s: below full marks on %s.\n", h.name, p.name, strings.Join(slices.Sorted(maps.Keys(failed)), ", "))
			}
			if len(tasks) > 0 {
				out.printf("Note: %s, %s: longest main-thread task per run: %s.\n", h.name, p.name, strings.Join(tasks, "; "))
			}
		}
	}
	out.printf("Lighthouse's simulated throttling scales the CPU work it observes by 4; on a 2-core machine shared with other work its TBT swings from run to run.\n")
	return nil
}

// runLighthouse runs Lighthouse once on url and reads its report.
func runLighthouse(ctx context.Context, bin, chromium, tmp, url string) (lighthouseRun, string, error) {
	report := filepath.Join(tmp, "lighthouse.json")
	os.Remove(report)
	profile, err := os.MkdirTemp(tmp, "lighthouse-profile-")
	if err != nil {
		return lighthouseRun{}, "", err
	}
	defer os.RemoveAll(profile)
	lctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(lctx, bin, url,
		"--output=json", "--output-path="+report, "--quiet",
		"--only-categories="+strings.Join(lighthouseCategories, ","),
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir="+profile)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if b, err := cmd.CombinedOutput(); err != nil {
		return lighthouseRun{}, "", fmt.Errorf("lighthouse: %w\n%s", err, b)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		return lighthouseRun{}, "", err
	}
	return parseLighthouse(b)
}

// millis formats milliseconds, such as 650 ms; NaN is "–".
func millis(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.0f ms", v)
}
