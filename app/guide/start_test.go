package guide_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"symptomguide/app/guide"
)

// TestGuide_Start checks every id of the compiled content: an answer of the
// pain or factors questions that raises nothing is a starting point; every
// safety question, every answer of the other safety questions, every warning
// sign, exclusive and "not sure" answers and unknown ids are refused.
func TestGuide_Start(t *testing.T) {
	g := mustGuide(t)
	signs := map[string]bool{}
	for _, s := range g.Signs() {
		signs[s.Question+"/"+s.Option] = true
	}
	safety := map[string]bool{}
	for _, id := range []string{guide.AgeQuestion, guide.PainQuestion, guide.DurationQuestion, guide.EmergencyQuestion, guide.UrgentQuestion, guide.HistoryQuestion, guide.CautionsQuestion} {
		safety[id] = true
	}
	ids := map[string]int{}
	for _, q := range g.Questions() {
		for _, o := range q.Options {
			ids[o.ID]++
		}
	}
	accepted := 0
	for _, q := range g.Questions() {
		t.Run(q.ID, func(t *testing.T) {
			if _, err := g.Start(q.ID); err == nil {
				t.Errorf("Start(%q), a question id, was accepted", q.ID)
			} else if safety[q.ID] && !errors.Is(err, guide.ErrStartSafety) {
				t.Errorf("Start(%q): got %v, want ErrStartSafety", q.ID, err)
			}
			for _, o := range q.Options {
				a, err := g.Start(o.ID)
				refused := ids[o.ID] > 1 || o.Exclusive || o.ID == guide.NotSure || signs[q.ID+"/"+o.ID] ||
					(safety[q.ID] && q.ID != guide.PainQuestion)
				switch {
				case refused && err == nil:
					t.Errorf("Start(%q) was accepted: got %v", o.ID, a)
				case refused:
					var se *guide.StartError
					if !errors.As(err, &se) || se.ID != o.ID || !strings.Contains(err.Error(), o.ID) {
						t.Errorf("Start(%q): got error %v, want a *StartError naming it", o.ID, err)
					}
					if signs[q.ID+"/"+o.ID] && !errors.Is(err, guide.ErrStartSafety) {
						t.Errorf("Start(%q), a warning sign: got %v, want ErrStartSafety", o.ID, err)
					}
				case err != nil:
					t.Errorf("Start(%q): got error %v, want answers", o.ID, err)
				default:
					accepted++
					if want := (guide.Answers{q.ID: {o.ID}}); len(a) != 1 || !slices.Equal(a[q.ID], want[q.ID]) {
						t.Errorf("Start(%q): got %v, want %v", o.ID, a, want)
					}
					if r := g.Evaluate(a); r.Level != guide.Routine {
						t.Errorf("Start(%q) alone raises the outcome to %v", o.ID, r.Level)
					}
				}
			}
		})
	}
	if accepted == 0 || !slices.Contains(g.StartPoints(), "sciatica") {
		t.Errorf("got starting points %v, want the pain and factors answers, sciatica among them", g.StartPoints())
	}
	if got := len(g.StartPoints()); got != accepted {
		t.Errorf("StartPoints has %d ids, Start accepts %d", got, accepted)
	}
	for _, id := range []string{"no-such-answer", "Sciatica", strings.Repeat("x", 100), "sciatica&emergency=none"} {
		if _, err := g.Start(id); !errors.Is(err, guide.ErrStartUnknown) {
			t.Errorf("Start(%q): got %v, want ErrStartUnknown", id, err)
		}
	}
	if a, err := g.Start(""); a != nil || err != nil {
		t.Errorf("Start(\"\"): got %v, %v, want nothing", a, err)
	}
}

// TestNew_StartParam checks that no question may be named after the start
// parameter, as it shares the start page's query with the answers.
func TestNew_StartParam(t *testing.T) {
	c := minimalContent()
	c.Questions = append(c.Questions, guide.Question{ID: guide.StartParam, Kind: guide.Radios,
		Options: []guide.Option{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}}})
	if _, err := guide.New(c); err == nil || !strings.Contains(err.Error(), guide.StartParam) {
		t.Errorf("New accepted a question with id %q: %v", guide.StartParam, err)
	}
}
