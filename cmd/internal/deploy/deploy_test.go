package deploy_test

import (
	"slices"
	"symptomguide/app/guidedata"

	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"symptomguide/cmd/internal/deploy"
	"symptomguide/cmd/internal/policy"
)

// writeWeb writes a stand-in for a built web folder into dir.
func writeWeb(dir string) {
	for _, name := range []string{"app.wasm", "guide.css", "clinic.css", "guide.js", "embed.js", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "logo.svg"} {
		body := "x"
		if name == "app.wasm" {
			body = "\x00asm fake"
		}
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
}

// export is the stand-in build exported once, as make static does, for
// every test: the site, the export and the deploy folder.
var export struct {
	once          sync.Once
	dir           string
	site          deploy.Site
	dist, configs string
	err           error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if export.dir != "" {
		os.RemoveAll(export.dir)
	}
	os.Exit(code)
}

// MustExport returns the shared export; tests must not change its files.
func MustExport(tb testing.TB) (deploy.Site, string, string) {
	tb.Helper()
	export.once.Do(func() {
		if export.dir, export.err = os.MkdirTemp("", "deploy-test-"); export.err != nil {
			return
		}
		web := filepath.Join(export.dir, "web")
		if export.err = os.Mkdir(web, 0o755); export.err != nil {
			return
		}
		writeWeb(web)
		export.dist, export.configs = filepath.Join(export.dir, "dist"), filepath.Join(export.dir, "deploy")
		export.site, export.err = deploy.Export(web, export.dist, export.configs, "https://guide.example", deploy.Params{})
	})
	if export.err != nil {
		tb.Fatal(export.err)
	}
	return export.site, export.dist, export.configs
}

func TestExport_WritesEveryConfiguration(t *testing.T) {
	s, dist, configs := MustExport(t)
	for _, f := range deploy.Files(s, deploy.Params{}.Defaults("https://guide.example")) {
		dir := dist
		if f.Dir == "deploy" {
			dir = configs
		}
		b, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatalf("make static did not write %s/%s: %v", f.Dir, f.Name, err)
		}
		if string(b) != string(f.Body) {
			t.Errorf("%s/%s differs from what deploy.Files makes", f.Dir, f.Name)
		}
	}
	for _, f := range []string{"nginx.conf", "Caddyfile", "Caddyfile.server"} {
		if b, _ := os.ReadFile(filepath.Join(configs, f)); !strings.Contains(string(b), "guide.example") {
			t.Errorf("%s does not name the site's host guide.example", f)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(configs, deploy.UnitName)); !strings.Contains(string(b), "-site-url https://guide.example") {
		t.Errorf("%s does not pass the site URL to the server", deploy.UnitName)
	}
}

// TestExport_EveryFileTyped asserts every file of the export has its type
// in the policy, so no host falls back on a type of its own.
func TestExport_EveryFileTyped(t *testing.T) {
	s, _, _ := MustExport(t)
	for _, f := range s.Files {
		if policy.ContentType(f) == policy.DefaultType {
			t.Errorf("%s has no type in the policy (package policy, types)", f)
		}
	}
	if len(s.Pages) == 0 || len(s.Files) == 0 {
		t.Fatalf("got %d pages and %d files", len(s.Pages), len(s.Files))
	}
}

// TestConfigs_OnePolicy asserts every configuration carries every header of
// the policy, HSTS included when the clinic serves the guide over HTTPS,
// and that none sets a header the policy lacks.
func TestConfigs_OnePolicy(t *testing.T) {
	s, _, _ := MustExport(t)
	for _, https := range []bool{false, true} {
		s.Policy.HTTPS = https
		for _, f := range deploy.Files(s, deploy.Params{}.Defaults("")) {
			if f.Name == "_redirects" || f.Name == "Caddyfile.server" || f.Name == deploy.UnitName {
				continue // no headers: none, the Go server's own, none
			}
			body := string(f.Body)
			for _, h := range s.Policy.Headers(policy.Embed, false) {
				if !strings.Contains(body, h.Name) || !strings.Contains(body, h.Value) {
					t.Errorf("%s (https %v) lacks %s: %s", f.Name, https, h.Name, h.Value)
				}
			}
			for _, v := range []string{policy.NoStore, policy.Revalidate, "same-origin", strings.TrimSpace("frame-ancestors 'self' " + strings.Join(guidedata.Deploy.EmbedOrigins, " "))} {
				if !strings.Contains(body, v) {
					t.Errorf("%s lacks %q", f.Name, v)
				}
			}
			if hsts := strings.Contains(body, "Strict-Transport-Security"); hsts != https {
				t.Errorf("%s: Strict-Transport-Security present %v with https %v", f.Name, hsts, https)
			}
		}
	}
}

// TestHeaders_NoOverlap asserts no header is set by two _headers rules that
// can match one address: Netlify keeps the last value, Cloudflare Pages
// joins them, so such a header would differ between the two.
func TestHeaders_NoOverlap(t *testing.T) {
	s, _, _ := MustExport(t)
	rules := map[string]map[string]bool{}
	var order []string
	var cur string
	for _, line := range strings.Split(string(deploy.Headers(s)), "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			cur = line
			if rules[cur] != nil {
				t.Errorf("_headers has two rules for %s", cur)
			}
			rules[cur] = map[string]bool{}
			order = append(order, cur)
		default:
			name, _, _ := strings.Cut(strings.TrimSpace(line), ":")
			rules[cur][name] = true
		}
	}
	for _, pattern := range order {
		if pattern == "/*" {
			continue
		}
		if folder, ok := strings.CutSuffix(pattern, "*"); ok && slices.Contains(s.Folders, folder) {
			// A folder of pages takes one rule; no other rule may
			// match an address in it.
			for _, other := range order {
				if other != pattern && strings.HasPrefix(other, folder) {
					t.Errorf("_headers rules %s and %s can match one address", pattern, other)
				}
			}
		} else if strings.ContainsAny(pattern, "*:") {
			t.Errorf("_headers rule %s is a pattern: every rule but /* is one address or a folder of pages", pattern)
		}
		for name := range rules[pattern] {
			if rules["/*"][name] {
				t.Errorf("%s is set by /* and by %s", name, pattern)
			}
		}
	}
	if len(order) > 100 {
		t.Errorf("_headers has %d rules; Cloudflare Pages reads 100 at most", len(order))
	}
}

// TestSystemd verifies the unit with systemd-analyze when it is installed
// and logs its exposure score; without systemd-analyze it says so.
func TestSystemd(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze is not installed: the unit is not verified")
		return
	}
	dir := t.TempDir()
	// verify checks that the program exists: a stand-in for the server.
	bin := filepath.Join(dir, "server")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	unit := filepath.Join(dir, deploy.UnitName)
	p := deploy.Params{Binary: bin, Web: filepath.Join(dir, "web")}.Defaults("https://guide.example")
	if err := os.WriteFile(unit, deploy.Systemd(p), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(analyze, "verify", unit).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify %s: %v\n%s", deploy.UnitName, err, out)
	}
	out, err := exec.Command(analyze, "security", "--offline=yes", unit).CombinedOutput()
	if err != nil {
		t.Logf("systemd-analyze security --offline=yes could not score the unit: %v\n%s", err, out)
		return
	}
	m := regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+) (\S+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no exposure level in systemd-analyze security's output:\n%s", out)
	}
	t.Logf("systemd-analyze security: exposure %s %s (0 is the most locked down, 10 the least)", m[1], m[2])
	if score, _ := strconv.ParseFloat(string(m[1]), 64); score > 2 {
		t.Errorf("the unit's exposure is %s, above 2:\n%s", m[1], out)
	}
}
