package guide_test

import (
	"slices"
	"testing"

	"symptomguide/app/guide"
)

// routine is a complete set of answers that raises nothing.
var routine = guide.Answers{
	guide.AgeQuestion:       {"20-49"},
	"pain":                  {"lower-back"},
	"duration":              {"acute"},
	guide.EmergencyQuestion: {"none"},
	guide.UrgentQuestion:    {"none"},
	guide.HistoryQuestion:   {"none"},
	"factors":               {"desk"},
	guide.CautionsQuestion:  {"none"},
}

// upTo returns the answers of routine to the questions before question id,
// in the guide's order.
func upTo(g *guide.Guide, id string) guide.Answers {
	a := guide.Answers{}
	for _, q := range g.Questions() {
		if q.ID == id {
			break
		}
		a[q.ID] = routine[q.ID]
	}
	return a
}

func question(id string) guide.Step { return guide.Step{Page: guide.QuestionPage, Question: id} }

// TestNext checks the step after each question, including the short cut to
// the result that an emergency sign takes.
func TestNext(t *testing.T) {
	g := mustGuide(t)
	withEmergency := upTo(g, guide.UrgentQuestion).With(guide.EmergencyQuestion, "saddle-numbness")
	tests := []struct {
		name     string
		a        guide.Answers
		question string
		want     guide.Step
	}{
		{"AgeToPain", upTo(g, "pain"), guide.AgeQuestion, question("pain")},
		{"UnderSixteenGoesToResult", guide.Answers{guide.AgeQuestion: {guide.Under16}}, guide.AgeQuestion, guide.Step{Page: guide.ResultPage}},
		{"PainToDuration", upTo(g, "duration"), "pain", question("duration")},
		{"DurationToEmergency", upTo(g, guide.EmergencyQuestion), "duration", question(guide.EmergencyQuestion)},
		{"NoneOnEmergency", upTo(g, guide.UrgentQuestion), guide.EmergencyQuestion, question(guide.UrgentQuestion)},
		{"EmergencySignGoesToResult", withEmergency, guide.EmergencyQuestion, guide.Step{Page: guide.ResultPage}},
		{"EmergencySignBesideNone", upTo(g, guide.UrgentQuestion).With(guide.EmergencyQuestion, "none", "chest-pain"), guide.EmergencyQuestion, guide.Step{Page: guide.ResultPage}},
		{"NotSureOnEmergencyAsksOn", upTo(g, guide.UrgentQuestion).With(guide.EmergencyQuestion, guide.NotSure), guide.EmergencyQuestion, question(guide.UrgentQuestion)},
		{"UrgentSignAsksOn", upTo(g, guide.HistoryQuestion).With(guide.UrgentQuestion, "fever"), guide.UrgentQuestion, question(guide.HistoryQuestion)},
		{"SoonSignAsksOn", upTo(g, "factors").With(guide.HistoryQuestion, "inflammatory"), guide.HistoryQuestion, question("factors")},
		{"LastToCheck", routine, guide.CautionsQuestion, guide.Step{Page: guide.CheckPage}},
		{"UnknownQuestionToCheck", routine, "knee", guide.Step{Page: guide.CheckPage}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Next(tt.a, tt.question); got != tt.want {
				t.Errorf("Next(%v, %q): got %+v, want %+v", tt.a, tt.question, got, tt.want)
			}
		})
	}
}

// TestBack checks where each back link leads.
func TestBack(t *testing.T) {
	g := mustGuide(t)
	qs := g.Questions()
	last := qs[len(qs)-1].ID
	shortCut := upTo(g, guide.UrgentQuestion).With(guide.EmergencyQuestion, "chest-pain")
	tests := []struct {
		name string
		a    guide.Answers
		from guide.Step
		want guide.Step
	}{
		{"FirstQuestionToStart", guide.Answers{}, question(qs[0].ID), guide.Step{Page: guide.StartPage}},
		{"QuestionToPrevious", upTo(g, guide.UrgentQuestion), question(guide.UrgentQuestion), question(guide.EmergencyQuestion)},
		{"CheckToLastQuestion", routine, guide.Step{Page: guide.CheckPage}, question(last)},
		{"ResultToCheck", routine, guide.Step{Page: guide.ResultPage}, guide.Step{Page: guide.CheckPage}},
		{"ShortCutResultToEmergency", shortCut, guide.Step{Page: guide.ResultPage}, question(guide.EmergencyQuestion)},
		{"UnderSixteenResultToAge", guide.Answers{guide.AgeQuestion: {guide.Under16}}, guide.Step{Page: guide.ResultPage}, question(guide.AgeQuestion)},
		{"ResultWithNothingToStart", guide.Answers{}, guide.Step{Page: guide.ResultPage}, guide.Step{Page: guide.StartPage}},
		{"StartToStart", routine, guide.Step{Page: guide.StartPage}, guide.Step{Page: guide.StartPage}},
		{"UnknownQuestionToStart", routine, question("knee"), guide.Step{Page: guide.StartPage}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Back(tt.a, tt.from); got != tt.want {
				t.Errorf("Back(%v, %+v): got %+v, want %+v", tt.a, tt.from, got, tt.want)
			}
			if tt.from.Page != guide.ResultPage {
				return
			}
			if got := g.BackFrom(g.Evaluate(tt.a)); got != tt.want {
				t.Errorf("BackFrom(Evaluate(%v)): got %+v, want %+v", tt.a, got, tt.want)
			}
		})
	}
}

// TestMissingReady checks which questions are left and when a result may be
// shown: never without the safety answers, unless an emergency sign already
// decides it.
func TestMissingReady(t *testing.T) {
	g := mustGuide(t)
	without := func(ids ...string) guide.Answers {
		a := routine.Clone()
		for _, id := range ids {
			delete(a, id)
		}
		return a
	}
	tests := []struct {
		name        string
		a           guide.Answers
		wantMissing []string
		wantReady   bool
	}{
		{"AllAnswered", routine, nil, true},
		{"NothingAnswered", guide.Answers{}, []string{guide.AgeQuestion, "pain", "duration", guide.EmergencyQuestion, guide.UrgentQuestion, guide.HistoryQuestion, "factors", guide.CautionsQuestion}, false},
		{"AgeUnanswered", without(guide.AgeQuestion), []string{guide.AgeQuestion}, false},
		{"HistoryUnanswered", without(guide.HistoryQuestion), []string{guide.HistoryQuestion}, false},
		{"UnderSixteenDecides", guide.Answers{guide.AgeQuestion: {guide.Under16}}, []string{"pain", "duration", guide.EmergencyQuestion, guide.UrgentQuestion, guide.HistoryQuestion, "factors", guide.CautionsQuestion}, true},
		{"UrgentUnanswered", without(guide.UrgentQuestion), []string{guide.UrgentQuestion}, false},
		{"CautionsUnanswered", without(guide.CautionsQuestion), []string{guide.CautionsQuestion}, false},
		{"UrgentAndCautionsUnanswered", without(guide.UrgentQuestion, guide.CautionsQuestion), []string{guide.UrgentQuestion, guide.CautionsQuestion}, false},
		{"EmergencyUnanswered", without(guide.EmergencyQuestion), []string{guide.EmergencyQuestion}, false},
		{"NotSureOnEmergencyIsNotEnough", without(guide.UrgentQuestion, guide.HistoryQuestion, "factors", guide.CautionsQuestion).With(guide.EmergencyQuestion, guide.NotSure), []string{guide.UrgentQuestion, guide.HistoryQuestion, "factors", guide.CautionsQuestion}, false},
		{"UrgentSignIsNotEnough", without(guide.CautionsQuestion).With(guide.UrgentQuestion, "fever"), []string{guide.CautionsQuestion}, false},
		{"EmergencySignDecides", without(guide.UrgentQuestion, guide.HistoryQuestion, "factors", guide.CautionsQuestion).With(guide.EmergencyQuestion, "both-legs"), []string{guide.UrgentQuestion, guide.HistoryQuestion, "factors", guide.CautionsQuestion}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Missing(tt.a); !slices.Equal(got, tt.wantMissing) {
				t.Errorf("Missing(%v): got %q, want %q", tt.a, got, tt.wantMissing)
			}
			if got := g.Ready(tt.a); got != tt.wantReady {
				t.Errorf("Ready(%v): got %v, want %v", tt.a, got, tt.wantReady)
			}
			r := g.Evaluate(tt.a)
			if !slices.Equal(r.Missing, tt.wantMissing) {
				t.Errorf("Evaluate(%v).Missing: got %q, want %q", tt.a, r.Missing, tt.wantMissing)
			}
			if got := r.Ready(); got != tt.wantReady {
				t.Errorf("Evaluate(%v).Ready(): got %v, want %v", tt.a, got, tt.wantReady)
			}
		})
	}
}

// TestReady_UnknownAnswersAreNotAnswers checks that an answer holding only
// options the guide does not know counts as no answer, as it does in
// Evaluate. Otherwise a caller that passes raw answers (say urgent=x from a
// hand-edited link) gets Ready true and a routine result without the urgent
// question ever being answered.
func TestReady_UnknownAnswersAreNotAnswers(t *testing.T) {
	g := mustGuide(t)
	tests := []struct {
		name        string
		a           guide.Answers
		wantMissing []string
	}{
		{"UnknownPain", routine.With("pain", "knee"), []string{"pain"}},
		{"UnknownUrgent", routine.With(guide.UrgentQuestion, "x"), []string{guide.UrgentQuestion}},
		{"OptionOfAnotherQuestion", routine.With(guide.CautionsQuestion, "fever"), []string{guide.CautionsQuestion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Evaluate(tt.a).Level; got != guide.Routine {
				t.Fatalf("Evaluate(%v).Level: got %v, want routine (the unknown answer is dropped)", tt.a, got)
			}
			if got := g.Missing(tt.a); !slices.Equal(got, tt.wantMissing) {
				t.Errorf("BUG: Missing(%v): got %q, want %q: Missing counts an answer Normalize drops as answered", tt.a, got, tt.wantMissing)
			}
			if g.Ready(tt.a) {
				t.Errorf("BUG: Ready(%v): got true, want false: a routine result would show although %q has no answer the guide knows", tt.a, tt.wantMissing)
			}
			if r := g.Evaluate(tt.a); !slices.Equal(r.Missing, tt.wantMissing) || r.Ready() {
				t.Errorf("BUG: Evaluate(%v): got Missing %q and Ready() %v, want %q and false", tt.a, r.Missing, r.Ready(), tt.wantMissing)
			}
		})
	}
}

// TestDecides checks which single answers decide the outcome: the
// emergency signs and an age under 16, and nothing else.
func TestDecides(t *testing.T) {
	g := mustGuide(t)
	decides := map[string]bool{}
	for _, s := range g.Signs() {
		if s.Level == guide.Emergency || s.Underage {
			decides[s.Question+"="+s.Option] = true
		}
	}
	if len(decides) == 0 {
		t.Fatal("the content has no emergency sign and no age under 16")
	}
	for _, q := range g.Questions() {
		for _, o := range q.Options {
			if got, want := g.Decides(q.ID, o.ID), decides[q.ID+"="+o.ID]; got != want {
				t.Errorf("Decides(%q, %q): got %v, want %v", q.ID, o.ID, got, want)
			}
		}
	}
	if g.Decides(guide.EmergencyQuestion, "no-such-option") || g.Decides("no-such-question", "none") {
		t.Error("Decides is true for an unknown answer")
	}
}
