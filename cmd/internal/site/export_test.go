package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/site"
)

// MustWeb writes a stand-in for a built web folder and returns its path.
func MustWeb(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	for _, name := range []string{"app.wasm", "guide.css", "clinic.css", "guide.js", "embed.js", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "logo.svg"} {
		body := "x"
		if name == "app.wasm" {
			body = "\x00asm fake"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// read returns the file name in dir, failing the test when it is missing.
func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("the export lacks %s: %v", name, err)
	}
	return string(b)
}

func TestExport_Articles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if err := site.Export(MustWeb(t), out, "https://guide.example"); err != nil {
		t.Fatal(err)
	}
	index := read(t, out, "articles.html")
	worker := read(t, out, "app-worker.js")
	sitemap := read(t, out, "sitemap.xml")
	for _, a := range guidedata.Content.Articles {
		page := read(t, out, filepath.Join("articles", a.Slug+".html"))
		if !strings.Contains(page, ">"+a.Title+"</h1>") {
			t.Errorf("articles/%s.html lacks its title %q as h1", a.Slug, a.Title)
		}
		if !strings.Contains(index, `href="/articles/`+a.Slug+`"`) {
			t.Errorf("articles.html does not link to %s", a.Slug)
		}
		// The service worker precaches the file the static host serves.
		if !strings.Contains(worker, `"/articles/`+a.Slug+`.html"`) {
			t.Errorf("app-worker.js does not precache /articles/%s.html", a.Slug)
		}
		if !strings.Contains(sitemap, "<loc>https://guide.example/articles/"+a.Slug+"</loc>") {
			t.Errorf("sitemap.xml does not list the article %s", a.Slug)
		}
	}
	// No page for a slug the content lacks: the host answers 404.
	if _, err := os.Stat(filepath.Join(out, "articles", "nope.html")); err == nil {
		t.Error("the export has a page for an unknown article")
	}
	for _, m := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(sitemap, -1) {
		for _, bad := range []string{"/q/", "/check", "/result", "?"} {
			if strings.Contains(m[1], bad) {
				t.Errorf("sitemap.xml lists %s, holding %q: it lists only the start page and the articles", m[1], bad)
			}
		}
	}
	if robots := read(t, out, "robots.txt"); !strings.Contains(robots, "Disallow: /result\n") || !strings.Contains(robots, "Sitemap: https://guide.example/sitemap.xml\n") {
		t.Errorf("robots.txt does not keep crawlers from the result or name the sitemap:\n%s", robots)
	}
}

func TestExport_NoSiteURL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if err := site.Export(MustWeb(t), out, ""); err != nil {
		t.Fatal(err)
	}
	if robots := read(t, out, "robots.txt"); strings.Contains(robots, "Sitemap:") {
		t.Errorf("robots.txt names a sitemap without a site URL:\n%s", robots)
	}
	if _, err := os.Stat(filepath.Join(out, "sitemap.xml")); err == nil {
		t.Error("the export has a sitemap.xml without a site URL: its URLs cannot be absolute")
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "", true},
		{"https://guide.example", "https://guide.example", true},
		{"https://guide.example/", "https://guide.example", true},
		{"http://localhost:8080", "http://localhost:8080", true},
		{"guide.example", "", false},
		{"https://guide.example/guide", "", false},
		{"https://guide.example/?q=1", "", false},
		{"https://guide.example/#top", "", false},
		{"https://user@guide.example", "", false},
		{"javascript:alert(1)", "", false},
	}
	for _, tt := range tests {
		got, err := site.ParseURL(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseURL(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
