//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"symptomguide/app/guide"
	"symptomguide/app/ui"
)

// otherLanguage returns the clinic's second language, or skips a test of
// moving between languages for a clinic that has one.
func otherLanguage(t *testing.T) *guide.Guide {
	t.Helper()
	if len(suite.guides) < 2 {
		t.Skip("the clinic offers one language: there is no other to move to")
	}
	return suite.guides[1]
}

// switchTo follows the page's link to the same page in language g.
func (v *visitor) switchTo(g *guide.Guide) {
	v.t.Helper()
	tag := g.Content().Clinic.Lang
	sel := fmt.Sprintf(`a.lang-switch__link[hreflang=%s]`, jsString(tag))
	if !v.exists(sel) {
		v.t.Fatalf("no link to the page in %s on %q", tag, v.heading())
	}
	v.settle()
	v.do(chromedp.Click(chromedp.CSS(sel)))
}

// TestLanguages_SwitchKeepsAnswers moves between the clinic's languages in
// the middle of a walk: each page comes back in the other language with the
// answers given so far, ticked where they were, and the walk goes on there.
func TestLanguages_SwitchKeepsAnswers(t *testing.T) {
	other := otherLanguage(t)
	def := suite.guide
	v := newVisitor(t)
	v.open("/")
	v.waitHeading(headingStart())
	v.press(words().Start.Button)
	v.waitHeading(questionTitle(t, guide.AgeQuestion))
	v.choose(option(t, guide.AgeQuestion, "20-49").Label)
	v.continueTo(questionTitle(t, guide.PainQuestion))
	v.choose(option(t, guide.PainQuestion, "sciatica").Label)
	v.continueTo(questionTitle(t, guide.DurationQuestion))

	// To the other language: the same question, the answers kept.
	v.switchTo(other)
	func() {
		suite.guide = other
		defer func() { suite.guide = def }()
		v.waitHeading(questionTitle(t, guide.DurationQuestion))
		u := v.url()
		if want := lp("/q/" + guide.DurationQuestion); u.Path != want {
			t.Errorf("after the switch the address is %s, want %s", u.Path, want)
		}
		checkAnswersKept(t, u, map[string]string{guide.AgeQuestion: "20-49", guide.PainQuestion: "sciatica"})
		if got, want := eval[string](v, `document.documentElement.lang`), other.Content().Clinic.Lang; got != want {
			t.Errorf("<html lang> is %q in the other language, want %q", got, want)
		}
		// The walk goes on in the other language.
		v.choose(option(t, guide.DurationQuestion, "chronic").Label)
		v.continueTo(questionTitle(t, guide.EmergencyQuestion))
		v.press(words().Common.Back)
		v.waitHeading(questionTitle(t, guide.DurationQuestion))
		if got, want := v.checked(), []string{option(t, guide.DurationQuestion, "chronic").Label}; !slices.Equal(got, want) {
			t.Errorf("back on the duration question, ticked %q, want %q", got, want)
		}
	}()

	// And back: the answer given in the other language is kept.
	v.switchTo(def)
	v.waitHeading(questionTitle(t, guide.DurationQuestion))
	checkAnswersKept(t, v.url(), map[string]string{guide.AgeQuestion: "20-49", guide.PainQuestion: "sciatica", guide.DurationQuestion: "chronic"})
	if got, want := v.checked(), []string{option(t, guide.DurationQuestion, "chronic").Label}; !slices.Equal(got, want) {
		t.Errorf("back in the default language, ticked %q, want %q", got, want)
	}
	if got, want := eval[string](v, `document.documentElement.lang`), def.Content().Clinic.Lang; got != want {
		t.Errorf("<html lang> is %q back in the default language, want %q", got, want)
	}
	v.checkPrivacy()
}

// checkAnswersKept asserts the address u carries each answer in want.
func checkAnswersKept(t *testing.T, u *url.URL, want map[string]string) {
	t.Helper()
	for q, o := range want {
		if got := u.Query()[q]; !slices.Equal(got, []string{o}) {
			t.Errorf("the address %s has %s=%q, want %q", u, q, got, o)
		}
	}
}

// htmlLang finds the <html> element's lang attribute in a served page.
var htmlLang = regexp.MustCompile(`<html[^>]* lang="([^"]*)"`)

// TestLanguages_Attributes checks every page type in every language, as the
// server sends it and as the app shows it: <html lang> is the page's
// language, and the link to each other language says its own language in
// lang and hreflang and leads to the same page with the same answers.
func TestLanguages_Attributes(t *testing.T) {
	otherLanguage(t)
	inEachLanguage(t, func(t *testing.T) {
		tag := suite.guide.Content().Clinic.Lang
		// One page of each type.
		types := []string{"start", "question-" + guide.PainQuestion, "check", "result-routine", "result-emergency", "articles", "article"}
		for _, pc := range pageCases(t) {
			if !slices.Contains(types, pc.name) {
				continue
			}
			t.Run(pc.name, func(t *testing.T) {
				page := string(fetchPage(t, pc.path))
				if m := htmlLang.FindStringSubmatch(page); m == nil || m[1] != tag {
					t.Errorf("%s is served with <html lang=%q>, want %q", pc.path, m, tag)
				}
				v := newVisitor(t)
				v.show(pc)
				if got := eval[string](v, `document.documentElement.lang`); got != tag {
					t.Errorf("%s in the app has <html lang=%q>, want %q", pc.path, got, tag)
				}
				links := eval[[]map[string]string](v, `[...document.querySelectorAll("a.lang-switch__link")].map(a => ({lang: a.lang, hreflang: a.hreflang, href: a.getAttribute("href"), text: a.textContent}))`)
				if len(links) != len(suite.guides)-1 {
					t.Fatalf("%s links to %d other languages, want %d", pc.path, len(links), len(suite.guides)-1)
				}
				for _, l := range links {
					g := guideIn(t, l["hreflang"])
					if l["lang"] != l["hreflang"] || l["text"] != g.Content().Strings.Common.Language {
						t.Errorf("the link %v: want lang and hreflang %s and the text %q", l, l["hreflang"], g.Content().Strings.Common.Language)
					}
					rest := strings.TrimPrefix(pc.path, ui.Prefix(tag))
					if rest == "" || rest[0] == '?' {
						rest = "/" + rest
					}
					if want := ui.PathIn(l["hreflang"], rest); !sameAddress(l["href"], want) {
						t.Errorf("the link to %s leads to %s, want %s", l["hreflang"], l["href"], want)
					}
				}
			})
		}
	})
}

// sameAddress reports whether a and b are the same path with the same
// query parameters, in any order.
func sameAddress(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Path == ub.Path && reflect.DeepEqual(ua.Query(), ub.Query())
}

// guideIn returns the engine of language tag.
func guideIn(t *testing.T, tag string) *guide.Guide {
	t.Helper()
	for _, g := range suite.guides {
		if g.Content().Clinic.Lang == tag {
			return g
		}
	}
	t.Fatalf("the clinic has no language %q", tag)
	return nil
}

// embedLangPage is a clinic's page in its language %[2]s with an embed
// whose data-lang is %[3]s (empty: none).
const embedLangPage = `<!doctype html>
<html lang="%[2]s">
<head>
<meta charset="utf-8">
<title>Dolor de espalda – Example Clinic</title>
<link rel="stylesheet" href="/host.css">
<script src="/host.js"></script>
</head>
<body>
<h1>Dolor de espalda</h1>
<div id="guide" data-symptom-guide %[3]s></div>
<script src="%[1]s/embed.js" async></script>
</body>
</html>`

// TestLanguages_Embed embeds the guide in a clinic's page: the frame shows
// the language data-lang names, else the page's own <html lang> when the
// clinic offers it, else the default; a language the clinic does not offer
// is the default.
func TestLanguages_Embed(t *testing.T) {
	other := otherLanguage(t)
	def := suite.guide
	otherTag := other.Content().Clinic.Lang
	primary := primaryOf(otherTag)
	tests := []struct {
		name, pageLang, dataLang string
		want                     *guide.Guide
	}{
		{"data-lang", "en", `data-lang="` + primary + `"`, other},
		{"data-lang exact", "en", `data-lang="` + otherTag + `"`, other},
		{"page language", primary, "", other},
		{"data-lang over the page", primary, `data-lang="` + def.Content().Clinic.Lang + `"`, def},
		{"not offered", "xx", "", def},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := strings.NewReplacer("%[2]s", tt.pageLang, "%[3]s", tt.dataLang).Replace(embedLangPage)
			guideBase, hostBase := embedHost(t, true, page, suite.guides[0])
			host := newVisitor(t)
			host.viewport(800, 900)
			host.do(chromedp.Navigate(hostBase + "/"))
			host.poll("the guide's ready event", `window.guideEvents.some(e => e.name === "ready")`)
			frame := frameVisitorAt(t, host, guideBase, "#guide iframe")
			want := tt.want.Content().Strings.Start.Heading
			frame.waitHeading(want)
			if got, tag := eval[string](frame, `document.documentElement.lang`), tt.want.Content().Clinic.Lang; got != tag {
				t.Errorf("the frame's <html lang> is %q, want %q", got, tag)
			}
			if title := eval[string](host, `document.querySelector("#guide iframe").title`); title != tt.want.Content().Strings.Embed.FrameTitle {
				t.Errorf("the frame's title is %q, want %q, in the language it shows", title, tt.want.Content().Strings.Embed.FrameTitle)
			}
		})
	}
}

// TestLanguages_Suggestion asks for a page in the default language with a
// browser that prefers the other one: the Go server answers that page (no
// redirect) with the other language's link made prominent, for this
// visitor only (no-store), and the app keeps it, from navigator.languages.
// A browser that prefers the page's language gets the page as usual.
func TestLanguages_Suggestion(t *testing.T) {
	other := otherLanguage(t)
	otherTag := other.Content().Clinic.Lang
	get := func(path, accept string) (*http.Response, string) {
		req, err := http.NewRequest("GET", suite.base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept-Language", accept)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	// The class on the element (the inlined stylesheet names it too).
	const suggested = `class="lang-switch lang-switch--suggested"`
	res, body := get("/", otherTag+",en;q=0.5")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, suggested) {
		t.Errorf("GET / preferring %s: status %d, suggestion %v; want 200 and the suggestion", otherTag, res.StatusCode, strings.Contains(body, suggested))
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("the page with a suggestion has Cache-Control %q, want no-store", cc)
	}
	res, body = get("/", suite.guides[0].Content().Clinic.Lang)
	if strings.Contains(body, suggested) || strings.Contains(res.Header.Get("Cache-Control"), "no-store") {
		t.Errorf("GET / preferring the page's language: got a suggestion or no-store (%q)", res.Header.Get("Cache-Control"))
	}
	if _, body = get(ui.PathIn(otherTag, "/"), otherTag); strings.Contains(body, suggested) {
		t.Errorf("the page in %s suggests another language to a browser that prefers %s", otherTag, otherTag)
	}

	v := newVisitor(t)
	ua := eval[string](v, `navigator.userAgent`)
	if _, err := chromedp.Call(v.ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: otherTag + "," + primaryOf(otherTag)}); err != nil {
		t.Fatalf("preferring %s in the browser: %v", otherTag, err)
	}
	v.open("/")
	v.waitApp()
	v.waitHeading(headingStart())
	if !v.exists(`.lang-switch--suggested a[hreflang="` + otherTag + `"]`) {
		t.Errorf("with the app running, the link to %s is not suggested", otherTag)
	}
	if got := v.url().Path; got != "/" {
		t.Errorf("the visitor was moved to %s: a suggestion must never redirect", got)
	}
}

// primaryOf returns a language tag's primary subtag: es for es-US.
func primaryOf(tag string) string {
	p, _, _ := strings.Cut(tag, "-")
	return p
}

// TestLanguages_NotFound asks the Go server for an unknown address under
// each language's prefix: the 404 page is in that language.
func TestLanguages_NotFound(t *testing.T) {
	otherLanguage(t)
	for _, g := range suite.guides {
		tag := g.Content().Clinic.Lang
		res, err := http.Get(suite.base + ui.PathIn(tag, "/q/no-such-question"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want := html.EscapeString(g.Content().Strings.ErrorPages.NotFound)
		if res.StatusCode != http.StatusNotFound || !strings.Contains(string(b), want) || !strings.Contains(string(b), `lang="`+tag+`"`) {
			t.Errorf("%s: status %d; want 404 with %q in lang %s:\n%s", ui.PathIn(tag, "/q/no-such-question"), res.StatusCode, want, tag, b)
		}
	}
}

// TestLanguages_Manifest checks that each language's pages link to a web
// app manifest in that language: its name, language and start page, so the
// guide installed from a page in one language opens in it.
func TestLanguages_Manifest(t *testing.T) {
	otherLanguage(t)
	link := regexp.MustCompile(`<link[^>]*rel="manifest"[^>]*>`)
	href := regexp.MustCompile(`href="([^"]*)"`)
	for _, g := range suite.guides {
		c := g.Content().Clinic
		page := string(fetchPage(t, ui.PathIn(c.Lang, "/")))
		tag := link.FindString(page)
		m := href.FindStringSubmatch(tag)
		if m == nil {
			t.Fatalf("%s: no manifest link in %q", c.Lang, tag)
		}
		res, err := http.Get(suite.base + m[1])
		if err != nil {
			t.Fatal(err)
		}
		var manifest map[string]any
		err = json.NewDecoder(res.Body).Decode(&manifest)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: GET %s: status %d, %v", c.Lang, m[1], res.StatusCode, err)
		}
		if manifest["name"] != c.Name || manifest["start_url"] != ui.PathIn(c.Lang, "/") {
			t.Errorf("%s: manifest %s has name %v and start_url %v, want %q and %q", c.Lang, m[1], manifest["name"], manifest["start_url"], c.Name, ui.PathIn(c.Lang, "/"))
		}
		if g != suite.guides[0] && manifest["lang"] != c.Lang {
			t.Errorf("%s: manifest %s has lang %v", c.Lang, m[1], manifest["lang"])
		}
	}
}
