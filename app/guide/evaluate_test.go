package guide_test

import (
	"slices"
	"testing"

	"symptomguide/app/guide"
)

// safe returns answers a with every safety question answered None.
func safe(a guide.Answers) guide.Answers {
	return a.With(guide.AgeQuestion, "20-49").
		With(guide.EmergencyQuestion, guide.None).
		With(guide.UrgentQuestion, guide.None).
		With(guide.HistoryQuestion, guide.None).
		With(guide.CautionsQuestion, guide.None)
}

// sectionIDs returns the ids of ss in order.
func sectionIDs(ss []*guide.Section) []string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return ids
}

// orderContent is minimalContent with sections of one, two and three
// conditions placed out of order, to test the order Match returns them in.
func orderContent() *guide.Content {
	c := minimalContent()
	cond := func(q string, o ...string) guide.Condition { return guide.Condition{Question: q, Options: o} }
	c.Sections = []guide.Section{
		{ID: "everyone-1"},
		{ID: "lower", For: []guide.Condition{cond("pain", "lower-back")}},
		{ID: "lower-chronic", For: []guide.Condition{cond("pain", "lower-back"), cond("duration", "chronic")}},
		{ID: "everyone-2"},
		{ID: "desk", For: []guide.Condition{cond("factors", "desk")}},
		{ID: "back-desk-or-stress", For: []guide.Condition{cond("pain", "lower-back", "upper-back"), cond("factors", "desk", "stress")}},
		{ID: "lower-chronic-desk", For: []guide.Condition{cond("pain", "lower-back"), cond("duration", "chronic"), cond("factors", "desk")}},
		{ID: "chronic", For: []guide.Condition{cond("duration", "chronic")}},
		{ID: "pregnancy", For: []guide.Condition{cond(guide.CautionsQuestion, "pregnancy")}},
	}
	return c
}

// TestMatch_Order checks that Match puts sections with more conditions first
// and otherwise keeps content order, and that a condition holds when any of
// its options is chosen.
func TestMatch_Order(t *testing.T) {
	g, err := guide.New(orderContent())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		a    guide.Answers
		want []string
	}{
		{
			name: "OnlyEveryone",
			a:    safe(guide.Answers{"pain": {"sciatica"}, "duration": {"acute"}, "factors": {"none"}}),
			want: []string{"everyone-1", "everyone-2"},
		},
		{
			name: "SingleBeforeEveryone",
			a:    safe(guide.Answers{"pain": {"lower-back"}, "duration": {"acute"}, "factors": {"none"}}),
			want: []string{"lower", "everyone-1", "everyone-2"},
		},
		{
			name: "TiesInContentOrder",
			a:    safe(guide.Answers{"pain": {"sciatica"}, "duration": {"chronic"}, "factors": {"desk"}}),
			want: []string{"desk", "chronic", "everyone-1", "everyone-2"},
		},
		{
			name: "TwoBeforeOne",
			a:    safe(guide.Answers{"pain": {"upper-back"}, "duration": {"acute"}, "factors": {"stress"}}),
			want: []string{"back-desk-or-stress", "everyone-1", "everyone-2"},
		},
		{
			name: "ThreeTwoOneEveryone",
			a:    safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"desk"}}),
			want: []string{
				"lower-chronic-desk",
				"lower-chronic", "back-desk-or-stress",
				"lower", "desk", "chronic",
				"everyone-1", "everyone-2",
			},
		},
		{
			name: "CautionSection",
			a: safe(guide.Answers{"pain": {"sciatica"}, "duration": {"acute"}, "factors": {"none"}}).
				With(guide.CautionsQuestion, "pregnancy", "pacemaker"),
			want: []string{"pregnancy", "everyone-1", "everyone-2"},
		},
		{
			name: "ExclusiveLosesBeforeMatching",
			a:    safe(guide.Answers{"pain": {"not-sure", "lower-back"}, "duration": {"acute"}, "factors": {"none"}}),
			want: []string{"lower", "everyone-1", "everyone-2"},
		},
		{
			name: "RadioKeepsOneBeforeMatching",
			a:    safe(guide.Answers{"pain": {"sciatica"}, "duration": {"chronic", "acute"}, "factors": {"none"}}),
			want: []string{"everyone-1", "everyone-2"},
		},
		{
			name: "Unanswered",
			a:    guide.Answers{},
			want: []string{"everyone-1", "everyone-2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sectionIDs(g.Evaluate(tt.a).Sections); !slices.Equal(got, tt.want) {
				t.Errorf("Evaluate(%v).Sections: got %q, want %q", tt.a, got, tt.want)
			}
		})
	}
}

// TestMatch_RealContentOrder checks the order of matched sections in the
// clinic's content: two-condition sections such as upper-back-screens come
// first, then single-condition sections in content order, then the sections
// for everyone in content order.
func TestMatch_RealContentOrder(t *testing.T) {
	g := mustGuide(t)
	var everyone []string
	for _, s := range g.Content().Sections {
		if len(s.For) == 0 {
			everyone = append(everyone, s.ID)
		}
	}
	if len(everyone) == 0 {
		t.Fatal("the content has no section for everyone")
	}
	tests := []struct {
		name string
		a    guide.Answers
		// specific lists the sections with conditions, in order; the sections
		// for everyone must follow them.
		specific []string
	}{
		{
			name:     "UpperBackScreens",
			a:        safe(guide.Answers{"pain": {"upper-back"}, "duration": {"acute"}, "factors": {"screens"}}),
			specific: []string{"upper-back-screens", "upper-back", "new-pain", "desk-posture"},
		},
		{
			name:     "UpperBackDeskShuffled",
			a:        safe(guide.Answers{"factors": {"sleep", "desk"}, "duration": {"chronic"}, "pain": {"upper-back", "lower-back"}}),
			specific: []string{"upper-back-screens", "lower-back", "upper-back", "lasting-pain", "sleep", "desk-posture"},
		},
		{
			name:     "SciaticaDisc",
			a:        safe(guide.Answers{"pain": {"disc", "sciatica"}, "duration": {"weeks"}, "factors": {"none"}}),
			specific: []string{"sciatica", "disc", "lasting-pain", "evidence-sciatica"},
		},
		{
			name:     "NotSureEverywhere",
			a:        safe(guide.Answers{"pain": {"not-sure"}, "duration": {"not-sure"}, "factors": {"none"}}),
			specific: []string{"pain-not-sure"},
		},
		{
			name: "Cautions",
			a: safe(guide.Answers{"pain": {"lower-back"}, "duration": {"acute"}, "factors": {"none"}}).
				With(guide.CautionsQuestion, "weak-immune", "pregnancy"),
			specific: []string{"lower-back", "new-pain", "pregnancy", "weak-immune"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := append(slices.Clone(tt.specific), everyone...)
			if got := sectionIDs(g.Match(g.Normalize(tt.a))); !slices.Equal(got, want) {
				t.Errorf("Match(%v):\ngot  %q\nwant %q", tt.a, got, want)
			}
		})
	}
}

// TestEvaluate_SingleAnswerLevels checks the level each answer raises the
// outcome to on its own, against wantLevel and ageLevel (written from the
// sources), and that it is said back with its source.
func TestEvaluate_SingleAnswerLevels(t *testing.T) {
	g := mustGuide(t)
	for _, q := range g.Questions() {
		for _, o := range q.Options {
			r := g.Evaluate(guide.Answers{q.ID: {o.ID}})
			want := wantLevel[q.ID][o.ID]
			if q.ID == guide.AgeQuestion {
				want = ageLevel(o.ID, "")
			}
			if r.Level != want {
				t.Errorf("Evaluate(%s=%s).Level: got %v, want %v", q.ID, o.ID, r.Level, want)
			}
			if r.Level == guide.Routine {
				if len(r.Reasons) != 0 {
					t.Errorf("Evaluate(%s=%s).Reasons: got %+v, want none", q.ID, o.ID, r.Reasons)
				}
				continue
			}
			// A caution has no reason of its own and is said back by its label.
			text := o.Reason
			if text == "" {
				text = o.Label
			}
			if len(r.Reasons) != 1 {
				t.Errorf("Evaluate(%s=%s).Reasons: got %+v, want one", q.ID, o.ID, r.Reasons)
				continue
			}
			got := r.Reasons[0]
			if got.Question != q.ID || got.Option != o.ID || got.Level != r.Level || got.Text != text || got.Source.Title == "" || got.Where == "" {
				t.Errorf("Evaluate(%s=%s).Reasons[0]: got %+v, want level %v, text %q and a source", q.ID, o.ID, got, r.Level, text)
			}
		}
	}
}

// TestEvaluate_AgeAndDuration checks the age rules: new back pain under 20
// or at 50 or over needs a GP soon, long-standing pain does not on its own,
// and under 16 ends the guide without booking whatever else is answered.
func TestEvaluate_AgeAndDuration(t *testing.T) {
	g := mustGuide(t)
	ages, _ := g.Question(guide.AgeQuestion)
	durations, _ := g.Question(guide.DurationQuestion)
	for _, age := range ages.Options {
		for _, d := range durations.Options {
			a := safe(guide.Answers{guide.PainQuestion: {"lower-back"}, "factors": {guide.None}}).
				With(guide.AgeQuestion, age.ID).With(guide.DurationQuestion, d.ID)
			r := g.Evaluate(a)
			if want := ageLevel(age.ID, d.ID); r.Level != want {
				t.Errorf("age %s, duration %s: got level %v, want %v", age.ID, d.ID, r.Level, want)
			}
			if under := age.ID == guide.Under16; r.Underage != under || under && r.Booking != guide.BookingHidden {
				t.Errorf("age %s, duration %s: got underage %v, booking %d", age.ID, d.ID, r.Underage, r.Booking)
			}
		}
	}
}

// TestEvaluate_Reasons checks that reasons come most urgent first, then in
// question and option order.
func TestEvaluate_Reasons(t *testing.T) {
	g := mustGuide(t)
	a := guide.Answers{
		guide.CautionsQuestion:  {"pregnancy", "weak-immune"},
		guide.UrgentQuestion:    {"lump", "fever"},
		guide.HistoryQuestion:   {"inflammatory"},
		guide.EmergencyQuestion: {guide.NotSure, "chest-pain"},
	}
	type key struct {
		q, o string
		l    guide.Level
	}
	want := []key{
		{guide.EmergencyQuestion, "chest-pain", guide.Emergency},
		{guide.EmergencyQuestion, guide.NotSure, guide.Urgent},
		{guide.UrgentQuestion, "fever", guide.Urgent},
		{guide.UrgentQuestion, "lump", guide.Urgent},
		{guide.CautionsQuestion, "weak-immune", guide.Urgent},
		{guide.HistoryQuestion, "inflammatory", guide.Soon},
		{guide.CautionsQuestion, "pregnancy", guide.Caution},
	}
	var got []key
	for _, r := range g.Evaluate(a).Reasons {
		got = append(got, key{r.Question, r.Option, r.Level})
	}
	if !slices.Equal(got, want) {
		t.Errorf("Evaluate(%v).Reasons:\ngot  %v\nwant %v", a, got, want)
	}
}

// TestEvaluate_Booking checks how booking shows at each level.
func TestEvaluate_Booking(t *testing.T) {
	g := mustGuide(t)
	tests := []struct {
		a         guide.Answers
		wantLevel guide.Level
		want      guide.BookingMode
	}{
		{safe(guide.Answers{}), guide.Routine, guide.BookingPrimary},
		{safe(guide.Answers{}).With(guide.CautionsQuestion, "needle-fear"), guide.Caution, guide.BookingPrimary},
		{safe(guide.Answers{}).With(guide.HistoryQuestion, "inflammatory"), guide.Soon, guide.BookingSecondary},
		{safe(guide.Answers{}).With(guide.UrgentQuestion, "fever"), guide.Urgent, guide.BookingSecondary},
		{safe(guide.Answers{}).With(guide.AgeQuestion, guide.Under16), guide.Soon, guide.BookingHidden},
		{safe(guide.Answers{}).With(guide.EmergencyQuestion, guide.NotSure), guide.Urgent, guide.BookingSecondary},
		{safe(guide.Answers{}).With(guide.EmergencyQuestion, "bladder-bowel"), guide.Emergency, guide.BookingHidden},
	}
	for _, tt := range tests {
		r := g.Evaluate(tt.a)
		if r.Level != tt.wantLevel || r.Booking != tt.want {
			t.Errorf("Evaluate(%v): got level %v, booking %d; want level %v, booking %d", tt.a, r.Level, r.Booking, tt.wantLevel, tt.want)
		}
	}
}

// TestLevel_String checks the level names used in CSS classes.
func TestLevel_String(t *testing.T) {
	tests := []struct {
		l    guide.Level
		want string
	}{
		{guide.Routine, "routine"},
		{guide.Caution, "caution"},
		{guide.Soon, "soon"},
		{guide.Urgent, "urgent"},
		{guide.Emergency, "emergency"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("Level(%d).String(): got %q, want %q", int(tt.l), got, tt.want)
		}
	}
}
