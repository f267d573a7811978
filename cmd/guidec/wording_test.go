package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"symptomguide/app/guide"
)

// withoutComments drops the comment lines of Go or JavaScript source, which
// may quote what a page says.
func withoutComments(src string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(src, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "//") || strings.HasPrefix(t, "/*") || strings.HasPrefix(t, "*") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// TestNoWordingInCode checks that no visible sentence of the demo clinic's
// strings file is typed into the Go or JavaScript that serves the guide:
// every word a visitor reads lives in content/, so another clinic changes
// content/ only. Each run of text between placeholders longer than 12
// characters is searched for in app/, cmd/internal/server, cmd/internal/site
// and web/*.js, leaving out tests, test data and generated files.
func TestNoWordingInCode(t *testing.T) {
	root := filepath.Join("..", "..")
	src, err := os.ReadFile(filepath.Join(root, "content", "strings", "en-GB.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var s guide.Strings
	if err := yaml.Unmarshal(src, &s); err != nil {
		t.Fatal(err)
	}
	braces := regexp.MustCompile(`\{[^{}]*\}`)
	var phrases []string
	walkStrings(reflect.ValueOf(&s).Elem(), "", func(_ string, _ []string, v *string) {
		for _, p := range braces.Split(*v, -1) {
			if p = strings.TrimSpace(p); len(p) > 12 {
				phrases = append(phrases, p)
			}
		}
	})
	if len(phrases) < 50 {
		t.Fatalf("got %d phrases from content/strings/en-GB.yaml, want the file's sentences", len(phrases))
	}

	var files []string
	for _, dir := range []string{"app", filepath.Join("cmd", "internal", "server"), filepath.Join("cmd", "internal", "site")} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			name := d.Name()
			if !d.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && !strings.HasSuffix(name, "_gen.go") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	js, err := filepath.Glob(filepath.Join(root, "web", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, js...)

	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := withoutComments(string(b))
		for _, p := range phrases {
			if strings.Contains(text, p) {
				rel, _ := filepath.Rel(root, f)
				t.Errorf("%s: holds %q from content/strings/en-GB.yaml: read it from the compiled strings (guide.Content.Strings) instead", rel, p)
			}
		}
	}
}
