package main

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestGoals_KeysUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, g := range goals {
		if seen[g.key] {
			t.Errorf("goal %q is in the table twice", g.key)
		}
		seen[g.key] = true
		if g.met == nil || g.target == "" || g.issue == "" {
			t.Errorf("goal %q lacks its target, test or issue number", g.key)
		}
	}
}

// TestGoals_EveryKeyUsed checks that every key the measuring code names is
// in the table (goalOf panics otherwise).
func TestGoals_EveryKeyUsed(t *testing.T) {
	var keys []string
	for _, m := range loadMetrics {
		for _, k := range m.goal {
			keys = append(keys, k)
		}
	}
	for _, m := range walkMetrics {
		if m.goal != "" {
			keys = append(keys, m.goal)
		}
	}
	keys = append(keys, "step", "ratio", "p99-ratio", "errors", "result-rps", "question-rps", "answers-p99", "memory")
	keys = append(keys, lighthouseGoals()...)
	for _, k := range keys {
		goalOf(k)
	}
}

func TestVerdicts_Check(t *testing.T) {
	tests := []struct {
		key   string
		value float64
		want  string
	}{
		{"answerable", 1500, "met"},
		{"answerable", 1501, "MISSED"},
		{"ratio", 0.8, "met"},
		{"ratio", 0.79, "MISSED"},
		{"wasm-once", 1, "met"},
		{"wasm-once", 2, "MISSED"},
		{"memory", 20e6, "MISSED"},
		{"tbt", math.NaN(), "?"},
	}
	v := &verdicts{}
	for _, tt := range tests {
		if got := v.check(tt.key, "subject", tt.value, "figure").String(); got != tt.want {
			t.Errorf("%s at %v: got %s, want %s", tt.key, tt.value, got, tt.want)
		}
	}
	var buf bytes.Buffer
	v.print(&report{w: &buf})
	text := buf.String()
	for _, want := range []string{"≤ 1.50 s", "MISSED", "(not measured in this run)", "3 figures met their goal, 5 did not"} {
		if !strings.Contains(text, want) {
			t.Errorf("the verdict lacks %q:\n%s", want, text)
		}
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 27146.4: "27,146", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(in); got != want {
			t.Errorf("thousands(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestAnswerPaths(t *testing.T) {
	result, question, err := answerPaths()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(result, "/result?") || strings.Count(result, "=") < 2 {
		t.Errorf("result: got %q, want /result? with answers", result)
	}
	if !strings.HasPrefix(question, "/q/") || !strings.Contains(question, "?") {
		t.Errorf("question: got %q, want a question with answers", question)
	}
}

func TestNginxMain(t *testing.T) {
	conf := nginxMain("/tmp/x", "/tmp/x/guide-nginx.conf")
	for _, want := range []string{"load_module " + brotliModule, "include /tmp/x/guide-nginx.conf;", "sendfile on;", "pid /tmp/x/nginx.pid;", "daemon off;"} {
		if !strings.Contains(conf, want) {
			t.Errorf("the configuration lacks %q:\n%s", want, conf)
		}
	}
}
