package ui

import (
	"regexp"
	"strings"
	"testing"

	"symptomguide/app/guide"
)

// routineAnswers answers every question with nothing that raises the
// outcome, from the compiled content: an adult, the first kind of pain,
// "None of these" or the first plain answer everywhere else.
func routineAnswers(t *testing.T) guide.Answers {
	t.Helper()
	signs := map[string]bool{}
	for _, s := range def.guide().Signs() {
		signs[s.Question+"/"+s.Option] = true
	}
	a := guide.Answers{}
	for _, q := range def.guide().Questions() {
		for _, o := range q.Options {
			if o.ID == guide.None || !signs[q.ID+"/"+o.ID] && o.ID != guide.NotSure && !o.Exclusive && a[q.ID] == nil {
				a[q.ID] = []string{o.ID}
			}
		}
	}
	if r := def.guide().Evaluate(a); r.Level != guide.Routine || !r.Ready() {
		t.Fatalf("routine answers %v give %v", a, r.Level)
	}
	return a
}

// levelAnswers returns answers for every outcome level of guide.Levels and
// for a child, each made from the routine answers and one sign of the
// compiled content.
func levelAnswers(t *testing.T) map[string]guide.Answers {
	t.Helper()
	out := map[string]guide.Answers{"routine": routineAnswers(t)}
	for _, l := range guide.Levels {
		if l == guide.Routine {
			continue
		}
		for _, s := range def.guide().Signs() {
			if s.Level == l && s.When == nil && !s.Underage {
				out[l.String()] = routineAnswers(t).With(s.Question, s.Option)
				break
			}
		}
		if got := def.guide().Evaluate(out[l.String()]); got.Level != l {
			t.Fatalf("no answers for level %v: got %v", l, got.Level)
		}
	}
	out["underage"] = guide.Answers{guide.AgeQuestion: {guide.Under16}}
	return out
}

// TestBookingPrompt_Private checks the booking links of the result for
// every outcome: each is exactly the clinic's compiled booking address (no
// answer, outcome or section added), opens in a new tab without an opener,
// and there is none after an emergency or for a child.
func TestBookingPrompt_Private(t *testing.T) {
	want := def.guide().Content().Clinic.Booking.URL
	linkRE := regexp.MustCompile(`<a [^>]*data-booking="[^"]*"[^>]*>`)
	attr := func(tag, name string) string {
		m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			return ""
		}
		return strings.ReplaceAll(m[1], "&amp;", "&")
	}
	for level, a := range levelAnswers(t) {
		t.Run(level, func(t *testing.T) {
			r := def.guide().Evaluate(a)
			html := render(t, newResultPage(def), def.href(guide.Step{Page: guide.ResultPage}, a))
			links := linkRE.FindAllString(html, -1)
			if hidden := r.Level == guide.Emergency || r.Underage; hidden != (len(links) == 0) {
				t.Fatalf("got %d booking links, want none exactly when booking is hidden", len(links))
			}
			for _, tag := range links {
				href := attr(tag, "href")
				if href != want {
					t.Errorf("got booking link %q, want the clinic's %q", href, want)
				}
				if attr(tag, "target") != "_blank" || !strings.Contains(attr(tag, "rel"), "noopener") {
					t.Errorf("booking link %s does not open in a new tab without an opener", tag)
				}
				var leaks []string
				for q, opts := range a {
					leaks = append(leaks, q+"=")
					leaks = append(leaks, opts...)
				}
				for _, l := range guide.Levels {
					leaks = append(leaks, l.String())
				}
				for _, s := range r.Sections {
					leaks = append(leaks, s.ID)
				}
				for _, l := range leaks {
					if len(l) > 3 && strings.Contains(strings.ToLower(href), l) && !strings.Contains(strings.ToLower(want), l) {
						t.Errorf("booking link %q carries %q", href, l)
					}
				}
			}
		})
	}
}
