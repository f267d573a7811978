package ui

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// queryHref matches a link whose address has a query string.
var queryHref = regexp.MustCompile(`href="[^"]*\?[^"]*"`)

func TestArticlePages_Golden(t *testing.T) {
	c := inDefault.guide().Content()
	art := c.Articles[0]
	tests := []struct {
		name     string
		page     app.Composer
		url      string
		contains []string
		excludes []string
	}{
		{"article", newArticlePage(Language{}, 0), inDefault.articleHref(art, ""), []string{
			`<h1 class="heading-xl" id="page-heading" tabindex="-1">` + html.EscapeString(art.Title) + `</h1>`,
			html.EscapeString(art.Description),
			"Page last reviewed: " + art.LastReviewed, "Next review due: " + art.NextReview,
			`href="` + startPath + `"`, `href="` + articlesPath + `"`,
		}, []string{"From “", "Read the whole article"}},
		{"article-index", newArticleIndexPage(Language{}), articlesPath, nil, nil},
	}
	for _, a := range c.Articles {
		tests[1].contains = append(tests[1].contains,
			`<a href="`+inDefault.articleHref(a, "")+`">`+html.EscapeString(a.Title)+`</a>`, html.EscapeString(a.Description))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.page, tt.url)
			for _, s := range tt.contains {
				if !strings.Contains(got, s) {
					t.Errorf("the page does not contain %q", s)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(got, s) {
					t.Errorf("the page contains %q", s)
				}
			}
			// Nothing on an article page carries answers.
			if m := queryHref.FindString(got); m != "" {
				t.Errorf("the page has a link with a query: %s", m)
			}
			golden(t, tt.name, got)
		})
	}
}

// TestArticlePage_EverySection asserts each article's page shows all of its
// sections, whoever they are for, in the content's order, as h2s under the
// article's h1, and no section of another article.
func TestArticlePage_EverySection(t *testing.T) {
	c := inDefault.guide().Content()
	for i, art := range c.Articles {
		t.Run(art.Slug, func(t *testing.T) {
			got := render(t, newArticlePage(Language{}, i), inDefault.articleHref(art, ""))
			last := -1
			for _, s := range c.Sections {
				at := strings.Index(got, `id="section-`+s.ID+`"`)
				switch {
				case s.Article != i && at >= 0:
					t.Errorf("the page shows section %q of another article", s.ID)
				case s.Article != i:
				case at < 0:
					t.Errorf("the page lacks section %q", s.ID)
				case at < last:
					t.Errorf("section %q is out of the content's order", s.ID)
				default:
					last = at
					if !strings.Contains(got, `<h2 class="heading-m" id="section-`+s.ID+`-title" tabindex="-1">`+html.EscapeString(s.Title)+`</h2>`) {
						t.Errorf("section %q has no h2 with its title", s.ID)
					}
				}
			}
		})
	}
}

// TestArticleSection_ReadWholeArticle asserts that each section, as the
// result page shows it, links to its place in its article, with no answers
// in the link.
func TestArticleSection_ReadWholeArticle(t *testing.T) {
	c := inDefault.guide().Content()
	for i := range c.Sections {
		s := &c.Sections[i]
		got := render(t, &articleSection{Section: s}, "/")
		want := `<a href="/articles/` + c.Articles[s.Article].Slug + `#section-` + s.ID + `">`
		if !strings.Contains(got, want) || !strings.Contains(got, "Read the whole article") {
			t.Errorf("section %q: no link %s to read the whole article", s.ID, want)
		}
		if m := queryHref.FindString(got); m != "" {
			t.Errorf("section %q: a link carries a query: %s", s.ID, m)
		}
	}
}

func TestIsPage_Articles(t *testing.T) {
	paths := Paths()
	for _, a := range inDefault.guide().Content().Articles {
		p := "/articles/" + a.Slug
		if !IsPage(p) {
			t.Errorf("IsPage(%q) = false, want true", p)
		}
		if !contains(paths, p) || !contains(IndexablePaths(), p) {
			t.Errorf("%s is missing from Paths or IndexablePaths", p)
		}
	}
	for _, p := range []string{"/articles/nope", "/articles/", "/articles/" + inDefault.guide().Content().Articles[0].Slug + "/", "/article"} {
		if IsPage(p) {
			t.Errorf("IsPage(%q) = true, want false", p)
		}
	}
	for _, p := range IndexablePaths() {
		if _, step := StepAt(p); step && p != startPath {
			t.Errorf("IndexablePaths holds %s, a step whose URL carries answers", p)
		}
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
