package ui

import (
	"net/url"
	"regexp"
	"testing"

	"symptomguide/app/guide"
)

// TestStartPage_StartingPoint checks that the start page's link carries a
// starting point's answer to the first question, and nothing for a refused
// one: a safety question, a warning sign, a shared answer or an unknown id.
func TestStartPage_StartingPoint(t *testing.T) {
	first := def.href(guide.Step{Page: guide.QuestionPage, Question: def.guide().Questions()[0].ID}, nil)
	hrefRE := regexp.MustCompile(`class="button button--start"[^>]*href="([^"]*)"|href="([^"]*)"[^>]*class="button button--start"`)
	startHref := func(t *testing.T, rawURL string) *url.URL {
		t.Helper()
		html := render(t, newStartPage(def), rawURL)
		m := hrefRE.FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("%s: no start link in %s", rawURL, html)
		}
		h := m[1] + m[2]
		u, err := url.Parse(regexp.MustCompile(`&amp;`).ReplaceAllString(h, "&"))
		if err != nil || u.Path != first {
			t.Fatalf("%s: got start link %q, want %s", rawURL, h, first)
		}
		return u
	}
	for _, id := range def.guide().StartPoints() {
		u := startHref(t, "/?"+guide.StartParam+"="+id)
		want, _ := def.guide().Start(id)
		if got := def.guide().Decode(u.Query()); len(got) != 1 || len(u.Query()) != 1 || !got.HasAny(keyOf(want), want[keyOf(want)]) {
			t.Errorf("start=%s: got start link %s, want the answer %v only", id, u, want)
		}
	}
	refused := []string{guide.EmergencyQuestion, guide.AgeQuestion, "no-such-answer", guide.NotSure, guide.None}
	for _, s := range def.guide().Signs() {
		refused = append(refused, s.Option)
	}
	for _, id := range refused {
		if u := startHref(t, "/?"+guide.StartParam+"="+url.QueryEscape(id)); u.RawQuery != "" {
			t.Errorf("start=%s: got start link %s, want no answer", id, u)
		}
	}
}

// def is the clinic's default language, which the tests render.
var def = Language{}

// keyOf returns the one question a holds.
func keyOf(a guide.Answers) string {
	for q := range a {
		return q
	}
	return ""
}
