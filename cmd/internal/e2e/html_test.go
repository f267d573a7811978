//go:build browser

package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"symptomguide/app/guide"
)

// vnuPath is the Nu HTML Checker as `npm ci` installs it from
// package-lock.json (npm package vnu-jar); it runs on Debian's Java.
const vnuPath = "../../../node_modules/vnu-jar/build/dist/vnu.jar"

// vnuMessage is one message of the checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`
	SubType   string `json:"subType"`
	URL       string `json:"url"`
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// TestValidHTML checks the HTML the Go server prerenders for every kind of
// page (pageCases: the start page, each question, a question with its
// error, the check page, each outcome, the article index and an article)
// with the Nu HTML Checker, and expects no error. It fetches each page as
// a browser first does, before the app runs, writes them to a folder and
// runs the checker once for all of them; a failure names the page's file,
// the line and the checker's message.
func TestValidHTML(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal("the Nu HTML Checker needs Java: install it with `apt-get install -y default-jre-headless` (make test does this as root)")
	}
	if _, err := os.Stat(vnuPath); err != nil {
		t.Fatalf("the Nu HTML Checker is missing (%v): run `npm ci` in the repository root to install it from package-lock.json", err)
	}
	dir := t.TempDir()
	var files []string
	pages := map[string]string{} // file name to the page's address
	// Every page case in every language (the page cases read the words of
	// suite.guide, which forEachLanguage sets).
	forEachLanguage(func(g *guide.Guide) {
		for _, pc := range pageCases(t) {
			path := pc.path
			if pc.setup != nil {
				// The state this case reaches in the browser; the server
				// renders it only where served says how.
				if pc.served == "" {
					continue
				}
				path = pc.served
			}
			name := g.Content().Clinic.Lang + "-" + pc.name + ".html"
			if err := os.WriteFile(filepath.Join(dir, name), fetchPage(t, path), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
			pages[name] = path
		}
	})
	start := time.Now()
	cmd := exec.Command(java, append([]string{"-jar", absPath(t, vnuPath), "--errors-only", "--format", "json"}, files...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		t.Fatalf("running the Nu HTML Checker: %v", runErr)
	}
	// The checker writes its report to stderr, and exits 1 when it has
	// found an error.
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &report); err != nil {
		t.Fatalf("reading the Nu HTML Checker's report: %v (exit %v)\nstdout:\n%s\nstderr:\n%s", err, runErr, stdout.String(), stderr.String())
	}
	t.Logf("the Nu HTML Checker checked %d pages in %.1fs", len(files), time.Since(start).Seconds())
	errs := 0
	for _, m := range report.Messages {
		name := fileOf(m.URL)
		where := fmt.Sprintf("%s:%d", name, m.LastLine)
		if m.FirstLine != 0 && m.FirstLine != m.LastLine {
			where = fmt.Sprintf("%s:%d-%d", name, m.FirstLine, m.LastLine)
		}
		if m.Type == "info" {
			t.Logf("%s: %s: %s (%s)", where, m.SubType, m.Message, pages[name])
			continue
		}
		errs++
		t.Errorf("%s: %s (%s)\n  %s", where, m.Message, pages[name], strings.TrimSpace(m.Extract))
	}
	if runErr != nil && errs == 0 {
		t.Errorf("the Nu HTML Checker exited with %v but reported no error:\n%s", runErr, stderr.String())
	}
	if errs > 0 {
		t.Logf("the pages are in %s while the test runs; fetch one with curl %s<address> to see it whole", dir, suite.base)
	}
}

// fetchPage returns the HTML the Go server sends for path, failing the
// test unless it answers 200 with an HTML page.
func fetchPage(t *testing.T, path string) []byte {
	t.Helper()
	res, err := http.Get(suite.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: got %s (%s), want 200 and an HTML page", path, res.Status, res.Header.Get("Content-Type"))
	}
	return b
}

// fileOf returns the file name in a file: URL the checker reports.
func fileOf(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Path == "" {
		return u
	}
	return filepath.Base(p.Path)
}

// absPath returns path made absolute, failing the test if it cannot be.
func absPath(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
