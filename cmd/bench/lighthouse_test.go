package main

import (
	"math"
	"os"
	"strings"
	"testing"
)

func TestParseLighthouse(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		run, version, err := parseLighthouse([]byte(`{"lighthouseVersion":"12.8.2",
			"categories":{"performance":{"score":0.84},"accessibility":{"score":1},"best-practices":{"score":1},
				"seo":{"score":null,"auditRefs":[{"id":"is-crawlable","weight":4.043},{"id":"manual","weight":0}]}},
			"audits":{"total-blocking-time":{"numericValue":650.5},"interactive":{"numericValue":1700},"other":{},
				"is-crawlable":{"score":0},"manual":{"score":0},
				"long-tasks":{"details":{"items":[{"url":"Unattributable","duration":120},{"url":"http://x/wasm_exec.js","duration":595}]}}}}`))
		if err != nil {
			t.Fatal(err)
		}
		if version != "12.8.2" {
			t.Errorf("version: got %q, want 12.8.2", version)
		}
		if run.scores["performance"] != 0.84 || run.scores["accessibility"] != 1 || !math.IsNaN(run.scores["seo"]) {
			t.Errorf("scores: got %v, want performance 0.84, accessibility 1, seo missing", run.scores)
		}
		if len(run.failed) != 1 || run.failed[0] != "seo: is-crawlable" {
			t.Errorf("failed audits: got %q, want [seo: is-crawlable]", run.failed)
		}
		if run.longest != "http://x/wasm_exec.js" || run.longestDuration != 595 {
			t.Errorf("longest task: got %s %v, want wasm_exec.js 595", run.longest, run.longestDuration)
		}
		if run.tbt != 650.5 || run.tti != 1700 {
			t.Errorf("got TBT %v and TTI %v, want 650.5 and 1700", run.tbt, run.tti)
		}
	})
	t.Run("OK/Report", func(t *testing.T) {
		// A whole report of Lighthouse 12.8.2 on the start page.
		b, err := os.ReadFile("testdata/lighthouse.json")
		if err != nil {
			t.Fatal(err)
		}
		run, version, err := parseLighthouse(b)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(version, "12.") || math.IsNaN(run.scores["performance"]) || math.IsNaN(run.tbt) || run.longest == "" {
			t.Errorf("got version %q, %+v; want Lighthouse 12 with a performance score, TBT and a longest task", version, run)
		}
	})
	t.Run("ErrRuntime", func(t *testing.T) {
		_, _, err := parseLighthouse([]byte(`{"lighthouseVersion":"12.8.2","runtimeError":{"code":"NO_FCP","message":"The page did not paint"}}`))
		if err == nil || !strings.Contains(err.Error(), "NO_FCP") {
			t.Errorf("got %v, want the runtime error", err)
		}
	})
	t.Run("ErrJSON", func(t *testing.T) {
		if _, _, err := parseLighthouse([]byte("not json")); err == nil {
			t.Error("got no error for a broken report")
		}
	})
}
