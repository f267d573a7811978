//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
)

// headingArticles returns the heading of the article index.
func headingArticles() string { return suite.guide.Content().Strings.Articles.IndexHeading }

// article returns the article with slug and, when section is not "", its
// section with that id, as the content defines them.
func article(t *testing.T, slug, section string) (guide.Article, guide.Section) {
	t.Helper()
	c := suite.guide.Content()
	for i, a := range c.Articles {
		if a.Slug != slug {
			continue
		}
		if section == "" {
			return a, guide.Section{}
		}
		for _, s := range c.Sections {
			if s.ID == section && s.Article == i {
				return a, s
			}
		}
		t.Fatalf("the article %q has no section %q", slug, section)
	}
	t.Fatalf("no article %q in the guide", slug)
	return guide.Article{}, guide.Section{}
}

// TestArticles_ReadWholeArticle follows the first "Read the whole article"
// link a routine result shows: it lands on the article's page, in the app,
// with the section on screen and no answer in the URL.
func TestArticles_ReadWholeArticle(t *testing.T) {
	v := newVisitor(t)
	v.open("/result?" + answersUpTo(""))
	link := `[...document.querySelectorAll('main a[href^="/articles/"]')].find(a => a.offsetParent !== null && a.getAttribute("href").includes("#section-"))`
	v.poll("a link to read the whole article", link)
	href := eval[string](v, `(() => { const a = `+link+`; a.setAttribute("data-e2e-target", "1"); return a.getAttribute("href"); })()`)
	u, err := url.Parse(href)
	if err != nil || u.RawQuery != "" || u.ForceQuery {
		t.Fatalf("the link %q carries a query: answers must never reach an article's URL", href)
	}
	slug, _ := strings.CutPrefix(u.Path, "/articles/")
	id, _ := strings.CutPrefix(u.Fragment, "section-")
	art, sec := article(t, slug, id)
	if eval[bool](v, `window.samePage = true`) != true {
		t.Fatal("could not mark the page")
	}

	v.do(chromedp.Click(`[data-e2e-target]`))
	v.waitHeading(art.Title)
	if got := v.url(); got.Path != u.Path || got.RawQuery != "" || got.Fragment != u.Fragment {
		t.Errorf("landed on %s, want %s with no query", got, href)
	}
	if !eval[bool](v, `window.samePage === true`) {
		t.Error("the link loaded a new page; the app should have shown the article")
	}
	if got := v.textOf("#section-" + sec.ID + "-title"); strings.TrimSpace(got) != sec.Title {
		t.Errorf("the section's heading reads %q, want %q", got, sec.Title)
	}
	v.poll("the section to be on screen", fmt.Sprintf(`(() => {
		const r = document.getElementById(%s).getBoundingClientRect();
		return r.top < window.innerHeight && r.bottom > 0 && r.top > -r.height / 2;
	})()`, jsString("section-"+sec.ID)))
	if got, want := v.focused(), "section-"+sec.ID+"-title"; got != want {
		t.Errorf("the focus is on %s, want the section's title #%s", v.focusedDescription(), want)
	}
	if got := v.title(); !strings.HasPrefix(got, art.Title) {
		t.Errorf("got the document title %q, want it to start with %q", got, art.Title)
	}
	v.checkPrivacy()
}

// TestArticles_Offline loads the guide once, checks the service worker has
// stored the article index and every article's prerendered page, then goes
// offline and opens each of them in a new tab.
func TestArticles_Offline(t *testing.T) {
	v := newVisitor(t)
	v.open("/")
	v.waitServiceWorker()
	paths := []string{"/articles"}
	for _, a := range suite.guide.Content().Articles {
		paths = append(paths, "/articles/"+a.Slug)
	}
	// Offline, the worker would also answer an unknown page with the start
	// page, where the app then shows the article: only the cache tells
	// whether the article's own page was stored.
	list, _ := json.Marshal(paths)
	missing, err := chromedp.Run(v.ctx, chromedp.Evaluate[[]string](`caches.keys()
		.then((keys) => caches.open(keys.find((k) => k.startsWith("symptom-guide-"))))
		.then((cache) => Promise.all(`+string(list)+`.map((p) => cache.match(p).then((r) => r ? "" : p))))
		.then((paths) => paths.filter((p) => p))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("reading the service worker's cache: %v", err)
	}
	if len(missing) > 0 {
		t.Errorf("the service worker did not store %v", missing)
	}
	v.goOffline()

	w := v.offlineTab()
	w.do(chromedp.Navigate(suite.base + "/articles"))
	for _, a := range suite.guide.Content().Articles {
		w.poll("the index to list "+a.Slug, fmt.Sprintf(`!!document.querySelector('main a[href="/articles/%s"]')`, a.Slug))
	}
	for _, a := range suite.guide.Content().Articles {
		w.do(chromedp.Navigate(suite.base + "/articles/" + a.Slug))
		w.waitHeading(a.Title)
	}
	if eval[bool](w, `navigator.onLine`) {
		t.Error("the tab is online; the test must run offline")
	}
}
