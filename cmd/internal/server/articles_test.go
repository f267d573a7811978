package server_test

import (
	"bytes"
	"encoding/xml"
	"html"
	"log"
	"net/url"
	"slices"
	"strings"
	"testing"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/app/ui"
	"symptomguide/cmd/internal/server"
)

// siteURL is the public address the tests give the server.
const siteURL = "https://guide.example"

// MustServerAt returns a server over a fake build whose public address is
// site ("" for none).
func MustServerAt(tb testing.TB, site string) *server.Server {
	tb.Helper()
	s, err := server.New(server.Config{
		Addr:    "127.0.0.1:0",
		WebDir:  MustWeb(tb),
		Guides:  guide.MustNewAll(guidedata.Languages),
		SiteURL: site,
		Log:     log.New(new(bytes.Buffer), "", 0),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestServer_Articles asserts each article has a page with its title,
// rendered once and cached like the start page, and the index lists them
// all.
func TestServer_Articles(t *testing.T) {
	s := MustServerAt(t, "")
	arts := guidedata.Content.Articles
	if len(arts) == 0 {
		t.Fatal("the content has no articles")
	}
	index := get(s, "GET", "/articles")
	if index.Code != 200 {
		t.Fatalf("GET /articles: got status %d, want 200", index.Code)
	}
	for _, a := range arts {
		path := "/articles/" + a.Slug
		t.Run(a.Slug, func(t *testing.T) {
			w := get(s, "GET", path)
			if w.Code != 200 {
				t.Fatalf("GET %s: got status %d, want 200", path, w.Code)
			}
			title := html.EscapeString(a.Title)
			for _, want := range []string{">" + title + "</h1>", "<title>" + title + " – "} {
				if !strings.Contains(w.Body.String(), want) {
					t.Errorf("GET %s: body does not contain %q", path, want)
				}
			}
			if got := w.Header().Get("Cache-Control"); got == "no-store" || w.Header().Get("ETag") == "" {
				t.Errorf("GET %s: got Cache-Control %q and ETag %q, want a cached page", path, got, w.Header().Get("ETag"))
			}
			if got := w.Header().Get("Referrer-Policy"); got != "no-referrer" {
				t.Errorf("GET %s: got Referrer-Policy %q, want the header policy's no-referrer", path, got)
			}
			if !strings.Contains(index.Body.String(), `href="`+path+`"`) || !strings.Contains(index.Body.String(), title) {
				t.Errorf("GET /articles: no link to %s with its title", path)
			}
		})
	}
}

func TestServer_UnknownArticle(t *testing.T) {
	s := MustServerAt(t, "")
	slug := guidedata.Content.Articles[0].Slug
	for _, target := range []string{"/articles/nope", "/articles/", "/articles/" + slug + "/", "/articles/" + slug + ".html", "/articles/nope?pain=disc"} {
		if w := get(s, "GET", target); w.Code != 404 {
			t.Errorf("GET %s: got status %d, want 404", target, w.Code)
		}
	}
}

func TestServer_Sitemap(t *testing.T) {
	s := MustServerAt(t, siteURL+"/")
	w := get(s, "GET", "/sitemap.xml")
	if w.Code != 200 {
		t.Fatalf("GET /sitemap.xml: got status %d, want 200", w.Code)
	}
	if got := w.Header().Get("Content-Type"); !strings.HasPrefix(got, "application/xml") {
		t.Errorf("got Content-Type %q, want application/xml", got)
	}
	if got := w.Header().Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'self'") || w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the sitemap lacks the header policy: CSP %q", got)
	}
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(w.Body.Bytes(), &set); err != nil {
		t.Fatalf("the sitemap is not a sitemaps.org urlset: %v\n%s", err, w.Body)
	}
	var got []string
	for _, u := range set.URLs {
		got = append(got, u.Loc)
		loc, err := url.Parse(u.Loc)
		if err != nil || loc.Scheme != "https" || loc.Host != "guide.example" {
			t.Errorf("%q is not an absolute URL on %s", u.Loc, siteURL)
			continue
		}
		if loc.RawQuery != "" || loc.ForceQuery || loc.Fragment != "" {
			t.Errorf("%q has a query string or fragment", u.Loc)
		}
		for _, step := range []string{"/q/", "/check", "/result"} {
			if strings.Contains(loc.Path, step) {
				t.Errorf("%q is a step of the guide", u.Loc)
			}
		}
	}
	// Every language's start page, article index and articles.
	var want []string
	for _, c := range guidedata.Languages {
		tag := c.Clinic.Lang
		want = append(want, siteURL+ui.PathIn(tag, "/"), siteURL+ui.PathIn(tag, "/articles"))
		for _, a := range c.Articles {
			want = append(want, siteURL+ui.PathIn(tag, "/articles/"+a.Slug))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("the sitemap lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, path := range want {
		path = strings.TrimPrefix(path, siteURL)
		if w := get(s, "GET", path); w.Code != 200 {
			t.Errorf("the sitemap lists %s, which answers %d", path, w.Code)
		}
	}
}

func TestServer_Robots(t *testing.T) {
	for _, tt := range []struct {
		name, site, sitemap string
	}{
		{"with a site URL", siteURL, "Sitemap: " + siteURL + "/sitemap.xml"},
		{"without", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := MustServerAt(t, tt.site)
			w := get(s, "GET", "/robots.txt")
			if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") {
				t.Fatalf("GET /robots.txt: got %d %q, want 200 text/plain", w.Code, w.Header().Get("Content-Type"))
			}
			if w.Header().Get("Referrer-Policy") != "no-referrer" || w.Header().Get("Content-Security-Policy") == "" {
				t.Error("robots.txt lacks the header policy")
			}
			lines := strings.Split(w.Body.String(), "\n")
			for _, want := range []string{"User-agent: *", "Allow: /$", "Allow: /articles", "Disallow: /q/", "Disallow: /check", "Disallow: /result"} {
				if !slices.Contains(lines, want) {
					t.Errorf("robots.txt lacks the line %q:\n%s", want, w.Body)
				}
			}
			var sitemaps []string
			for _, l := range lines {
				if strings.HasPrefix(l, "Sitemap:") {
					sitemaps = append(sitemaps, l)
				}
			}
			sm := get(s, "GET", "/sitemap.xml")
			switch {
			case tt.sitemap == "" && (len(sitemaps) > 0 || sm.Code != 404):
				t.Errorf("without a site URL: got %q in robots.txt and /sitemap.xml %d, want no Sitemap line and 404", sitemaps, sm.Code)
			case tt.sitemap != "" && (len(sitemaps) != 1 || sitemaps[0] != tt.sitemap || sm.Code != 200):
				t.Errorf("got %q in robots.txt and /sitemap.xml %d, want %q and 200", sitemaps, sm.Code, tt.sitemap)
			}
		})
	}
}

func TestNew_BadSiteURL(t *testing.T) {
	for _, bad := range []string{"guide.example", "ftp://guide.example", "https://guide.example/guide/", "https://guide.example/?a=1", "https://"} {
		_, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: MustWeb(t), Guides: guide.MustNewAll(guidedata.Languages), SiteURL: bad})
		if err == nil || !strings.Contains(err.Error(), "site URL") {
			t.Errorf("SiteURL %q: got %v, want an error naming the site URL", bad, err)
		}
	}
}
