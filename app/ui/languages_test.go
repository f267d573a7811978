package ui

import (
	"html"
	"slices"
	"strings"
	"testing"

	"symptomguide/app/guide"
)

// inOther is the fixture's second language (es-ES), whose pages are under
// the prefix /es.
func inOther(t *testing.T) Language {
	t.Helper()
	if len(languages) < 2 {
		t.Fatal("the fixture has one language; the tests need two")
	}
	return Language{Tag: languages[1].tag}
}

// TestLanguages_Addresses checks where each language's pages are: the
// default language's at /, the other's under its prefix, for every step and
// article, and that each address is read back as a page of its language.
func TestLanguages_Addresses(t *testing.T) {
	es := inOther(t)
	a := guide.Answers{"age": {"20-49"}, "pain": {"sciatica"}}
	tests := []struct {
		lang Language
		got  string
		want string
	}{
		{inDefault, inDefault.href(guide.Step{}, nil), "/"},
		{es, es.href(guide.Step{}, nil), "/es"},
		{es, es.href(guide.Step{Page: guide.QuestionPage, Question: "pain"}, a), "/es/q/pain?age=20-49&pain=sciatica"},
		{es, es.href(guide.Step{Page: guide.CheckPage}, a), "/es/check?age=20-49&pain=sciatica"},
		{es, es.href(guide.Step{Page: guide.ResultPage}, nil), "/es/result"},
		{es, es.path(articlesPath), "/es/articles"},
		{es, es.articleHref(es.guide().Content().Articles[0], "low-back"), "/es/articles/" + es.guide().Content().Articles[0].Slug + "#section-low-back"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
		path, _, _ := strings.Cut(strings.Split(tt.got, "#")[0], "?")
		if got := LangAt(path); got != tt.lang.lang().tag {
			t.Errorf("LangAt(%q) = %q, want %q", path, got, tt.lang.lang().tag)
		}
		if !IsPage(path) {
			t.Errorf("IsPage(%q) = false, want true", path)
		}
	}
	for _, p := range []string{"/es/q/nope", "/es/articles/nope", "/esp", "/es/es/q/pain", "/fr/q/pain"} {
		if IsPage(p) {
			t.Errorf("IsPage(%q) = true, want false", p)
		}
	}
	paths := Paths()
	for _, want := range []string{"/", "/es", "/q/pain", "/es/q/pain", "/es/check", "/es/result", "/es/articles"} {
		if !slices.Contains(paths, want) {
			t.Errorf("Paths() lacks %s", want)
		}
	}
	// The export's result pages for single deciding answers, in both
	// languages, each standing for the result with that one answer.
	decided := Decided()
	for _, l := range []Language{inDefault, es} {
		for _, s := range l.guide().Signs() {
			file, want := l.decided(s.Question, s.Option), l.href(guide.Step{Page: guide.ResultPage}, guide.Answers{s.Question: {s.Option}})
			if got, ok := decided[file]; ok != l.guide().Decides(s.Question, s.Option) || (ok && got != want) {
				t.Errorf("Decided()[%q] = %q, %v; want %q only if %s=%s decides alone", file, got, ok, want, s.Question, s.Option)
			}
		}
	}
	if _, ok := decided["/es/decided/emergency/chest-pain"]; !ok {
		t.Errorf("Decided() lacks the Spanish page of an emergency sign: %v", decided)
	}
	allow, disallow := RobotsRules()
	if !slices.Contains(allow, "/es$") || !slices.Contains(disallow, "/es/q/") || !slices.Contains(disallow, "/es/result") || !slices.Contains(disallow, "/es/decided/") {
		t.Errorf("RobotsRules() = %q, %q: want /es$ allowed and /es/q/, /es/result kept out", allow, disallow)
	}
}

// TestLanguages_Pages renders pages in the second language: its own words,
// its own addresses in every link and form, and a link to the same page in
// the default language, in that language's words, keeping the answers.
func TestLanguages_Pages(t *testing.T) {
	es := inOther(t)
	en := inDefault.words()
	query := "age=20-49&pain=sciatica"
	tests := []struct {
		name string
		page interface {
			loader
		}
		url      string
		contains []string
	}{
		{"start", newStartPage(es), "/es", []string{html.EscapeString(es.words().Start.Button), `href="/es/q/age"`,
			`href="/" hreflang="` + inDefault.lang().tag + `" lang="` + inDefault.lang().tag + `">` + en.Common.Language}},
		{"question", newQuestionPage(es), "/es/q/duration?" + query, []string{`action="/es/q/duration"`, `href="/es/q/pain?` + query + `"`,
			`href="/q/duration?` + query + `" hreflang=`}},
		{"check", newCheckPage(es), "/es/check?" + query, []string{`href="/es/q/pain?age=20-49&change=1&pain=sciatica"`, `href="/check?`}},
		{"result", newResultPage(es), "/es/result?" + all, []string{`href="/result?`, `href="/es/articles/`, `data-action="restart" draggable="false" href="/es"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.page, tt.url)
			for _, s := range tt.contains {
				if !strings.Contains(got, s) {
					t.Errorf("the page does not contain %q", s)
				}
			}
			if strings.Contains(got, `href="/q/`) && tt.name != "question" {
				t.Errorf("the page links to a question in the default language")
			}
		})
	}
}

// TestPreferred picks the clinic's language for a browser's preferences:
// the same tag first, then the same primary language, in the order of the
// preferences; none when the clinic offers none of them.
func TestPreferred(t *testing.T) {
	def, other := languages[0].tag, languages[1].tag
	otherPrimary, _, _ := strings.Cut(other, "-")
	tests := []struct {
		prefs []string
		want  string
	}{
		{nil, ""},
		{[]string{"xx"}, ""},
		{[]string{"*"}, ""},
		{[]string{other}, other},
		{[]string{strings.ToUpper(other)}, other},
		{[]string{otherPrimary + "-XX"}, other},
		{[]string{otherPrimary}, other},
		{[]string{"xx", def}, def},
		{[]string{def, other}, def},
		{[]string{"xx-YY", otherPrimary, def}, other},
	}
	for _, tt := range tests {
		if got := Preferred(tt.prefs); got != tt.want {
			t.Errorf("Preferred(%q) = %q, want %q", tt.prefs, got, tt.want)
		}
	}
}
