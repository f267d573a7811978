package main

import (
	"strings"
	"testing"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/app/guidedata/fixture"
)

// TestOpenOption checks the option a walk ticks on one question, on the
// test clinic's content (its ids are those the safety rules fix).
func TestOpenOption(t *testing.T) {
	g := guide.MustNew(fixture.Content)
	emergency := map[[2]string]bool{}
	for _, s := range g.Signs() {
		if s.Level == guide.Emergency {
			emergency[[2]string{s.Question, s.Option}] = true
		}
	}
	tests := []struct {
		name     string
		question string
		answers  guide.Answers
		want     string // "" when no option keeps the walk going
		next     guide.Step
	}{
		{"the first age ends the guide for children: the next one", "age", guide.Answers{}, "16-19",
			guide.Step{Page: guide.QuestionPage, Question: "pain"}},
		{"a plain first option is taken", "pain", guide.Answers{"age": {"20-49"}}, "lower-back",
			guide.Step{Page: guide.QuestionPage, Question: "duration"}},
		{"emergency signs are passed over", "emergency", guide.Answers{"age": {"20-49"}, "pain": {"lower-back"}, "duration": {"acute"}}, "not-sure",
			guide.Step{Page: guide.QuestionPage, Question: "urgent"}},
		{"an urgent sign keeps the walk going", "urgent", guide.Answers{"age": {"20-49"}, "emergency": {"none"}}, "fever",
			guide.Step{Page: guide.QuestionPage, Question: "history"}},
		{"the last question leads to the check page", "cautions", guide.Answers{"age": {"20-49"}}, "pregnancy",
			guide.Step{Page: guide.CheckPage}},
		{"answers already decided: every option ends the walk", "urgent", guide.Answers{"emergency": {"chest-pain"}}, "", guide.Step{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := g.Question(tt.question)
			if !ok {
				t.Fatalf("no question %q", tt.question)
			}
			got, next, err := openOption(g, tt.answers, q, emergency)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("got %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || next != tt.next {
				t.Errorf("got %q then %+v, want %q then %+v", got, next, tt.want, tt.next)
			}
		})
	}
}

// TestPlanWalk checks the whole walk on every clinic and language built in:
// it asks every question once, in the engine's order, never ticks an
// emergency sign, and ends at the check page with a result that is ready.
func TestPlanWalk(t *testing.T) {
	contents := map[string][]*guide.Content{"demo": guidedata.Languages, "fixture": fixture.Languages}
	for name, langs := range contents {
		for _, c := range langs {
			t.Run(name+"/"+c.Clinic.Lang, func(t *testing.T) {
				g := guide.MustNew(c)
				p, err := planWalk(g)
				if err != nil {
					t.Fatal(err)
				}
				qs := g.Questions()
				if want := questionPrefix + qs[0].ID; p.start != want {
					t.Errorf("start: got %q, want %q", p.start, want)
				}
				if got, want := p.steps(), len(qs)+1; got != want {
					t.Fatalf("got %d pages, want every question and the check page (%d)", got, want)
				}
				for i, q := range qs {
					page := p.pages[i]
					if page.question != q.ID || page.heading != q.Title {
						t.Errorf("page %d: got %q %q, want %q %q", i, page.question, page.heading, q.ID, q.Title)
					}
					if p.next(i) == "" {
						t.Errorf("page %d: no heading after it", i)
					}
				}
				check := p.pages[len(p.pages)-1]
				if check.question != "" || check.heading != c.Strings.Check.Heading || p.checkButton != c.Strings.Check.Button {
					t.Errorf("the last page: got %+v and button %q, want the check page", check, p.checkButton)
				}
				if p.next(len(p.pages)-1) != "" {
					t.Error("the check page should lead to the result")
				}
				r := g.Evaluate(p.answers)
				if !r.Ready() || r.Level == guide.Emergency || r.Underage || len(r.Missing) > 0 {
					t.Errorf("the walk's answers %v give level %s, underage %v, missing %v", p.answers, r.Level, r.Underage, r.Missing)
				}
				for _, s := range g.Signs() {
					if s.Level == guide.Emergency && p.answers.Has(s.Question, s.Option) {
						t.Errorf("the walk ticks the emergency sign %s=%s", s.Question, s.Option)
					}
				}
				if strings.Contains(p.start, "?") {
					t.Errorf("the walk starts with answers: %q", p.start)
				}
			})
		}
	}
}
