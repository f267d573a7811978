package guide_test

import (
	"slices"
	"testing"

	"symptomguide/app/guide"
)

// forYouContent is minimalContent with sections about each kind of answer:
// for everyone, the kind of pain, how long, a factor, a caution, the health
// history, and one about the pain and a factor at once.
func forYouContent() *guide.Content {
	c := minimalContent()
	cond := func(q string, o ...string) guide.Condition { return guide.Condition{Question: q, Options: o} }
	c.Sections = []guide.Section{
		{ID: "everyone-1"},
		{ID: "lower", For: []guide.Condition{cond("pain", "lower-back")}},
		{ID: "sciatica", For: []guide.Condition{cond("pain", "sciatica")}},
		{ID: "inflammatory", For: []guide.Condition{cond(guide.HistoryQuestion, "inflammatory")}},
		{ID: "acute", For: []guide.Condition{cond("duration", "acute")}},
		{ID: "chronic", For: []guide.Condition{cond("duration", "chronic")}},
		{ID: "upper-desk", For: []guide.Condition{cond("pain", "upper-back"), cond("factors", "desk")}},
		{ID: "everyone-2"},
		{ID: "desk", For: []guide.Condition{cond("factors", "desk")}},
		{ID: "stress", For: []guide.Condition{cond("factors", "stress")}},
		{ID: "pregnancy", For: []guide.Condition{cond(guide.CautionsQuestion, "pregnancy")}},
		{ID: "pacemaker", For: []guide.Condition{cond(guide.CautionsQuestion, "pacemaker")}},
		{ID: "everyone-3"},
		{ID: "everyone-4"},
	}
	return c
}

// TestEvaluate_ForYou checks which sections a result recommends reading
// first, with sections of no words (TestEvaluate_ForYouWords checks the
// budget): at most three, the most specific to the visitor (sections with
// several conditions, then the kind of pain, how long, and a caution before
// a factor), never a section for everyone unless nothing else fits; and
// that More holds the rest in order.
func TestEvaluate_ForYou(t *testing.T) {
	g, err := guide.New(forYouContent())
	if err != nil {
		t.Fatal(err)
	}
	everyone := []string{"everyone-1", "everyone-2", "everyone-3", "everyone-4"}
	tests := []struct {
		name   string
		a      guide.Answers
		forYou []string
		// more lists the other sections with conditions; the sections for
		// everyone follow them, unless they are recommended.
		more []string
	}{
		{
			name:   "PainDurationFactor",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"stress"}}),
			forYou: []string{"lower", "chronic", "stress"},
		},
		{
			name:   "CautionBeforeFactor",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"stress"}}).With(guide.CautionsQuestion, "pregnancy"),
			forYou: []string{"lower", "chronic", "pregnancy"},
			more:   []string{"stress"},
		},
		{
			name:   "StrongestCautionIsTheFirst",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"acute"}, "factors": {"none"}}).With(guide.CautionsQuestion, "pacemaker", "pregnancy"),
			forYou: []string{"lower", "acute", "pregnancy"},
			more:   []string{"pacemaker"},
		},
		{
			name:   "HealthHistoryCountsAsHealth",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"desk"}}).With(guide.HistoryQuestion, "inflammatory").With(guide.CautionsQuestion, "pregnancy"),
			forYou: []string{"lower", "inflammatory", "chronic"},
			more:   []string{"desk", "pregnancy"},
		},
		{
			name:   "OnePainSectionOfTwo",
			a:      safe(guide.Answers{"pain": {"sciatica", "lower-back"}, "duration": {"acute"}, "factors": {"desk"}}),
			forYou: []string{"lower", "acute", "desk"},
			more:   []string{"sciatica"},
		},
		{
			name:   "SeveralConditionsFirst",
			a:      safe(guide.Answers{"pain": {"upper-back"}, "duration": {"acute"}, "factors": {"desk", "stress"}}),
			forYou: []string{"upper-desk", "acute", "desk"},
			more:   []string{"stress"},
		},
		{
			name:   "NoDurationSectionLeavesRoomForBoth",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {guide.NotSure}, "factors": {"stress"}}).With(guide.CautionsQuestion, "pregnancy", "pacemaker"),
			forYou: []string{"lower", "stress", "pregnancy"},
			more:   []string{"pacemaker"},
		},
		{
			name:   "RoomLeftGoesToHealthFirst",
			a:      safe(guide.Answers{"pain": {guide.NotSure}, "duration": {guide.NotSure}, "factors": {"desk", "stress"}}).With(guide.CautionsQuestion, "pregnancy", "pacemaker"),
			forYou: []string{"desk", "pregnancy", "pacemaker"},
			more:   []string{"stress"},
		},
		{
			name:   "FewerThanThree",
			a:      safe(guide.Answers{"pain": {"sciatica"}, "duration": {guide.NotSure}, "factors": {"none"}}),
			forYou: []string{"sciatica"},
		},
		{
			name:   "OnlyEveryone",
			a:      safe(guide.Answers{"pain": {guide.NotSure}, "duration": {guide.NotSure}, "factors": {"none"}}),
			forYou: everyone[:3],
		},
		{
			name:   "Unanswered",
			a:      guide.Answers{},
			forYou: everyone[:3],
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := g.Evaluate(tt.a)
			if got := sectionIDs(r.ForYou); !slices.Equal(got, tt.forYou) {
				t.Errorf("ForYou: got %q, want %q", got, tt.forYou)
			}
			wantMore := slices.Clone(tt.more)
			for _, id := range everyone {
				if !slices.Contains(tt.forYou, id) {
					wantMore = append(wantMore, id)
				}
			}
			if got := sectionIDs(r.More); !slices.Equal(got, wantMore) {
				t.Errorf("More: got %q, want %q", got, wantMore)
			}
		})
	}
}

// TestEvaluate_ForYouWords checks the word budget: the recommended
// sections are taken in their order while their words stay within
// guide.ForYouWords, the first whatever its length; the first that does
// not fit ends the choice, so a shorter, less specific section never takes
// its place; and the rest go to More in order.
func TestEvaluate_ForYouWords(t *testing.T) {
	c := forYouContent()
	words := map[string]int{
		"everyone-1": 200, "everyone-2": 200, "everyone-3": 50, "everyone-4": 50,
		"lower": 120, "sciatica": guide.ForYouWords + 100, "acute": 200, "chronic": 150,
		"stress": 100, "desk": 30, "pregnancy": 60, "pacemaker": 60,
	}
	for i := range c.Sections {
		c.Sections[i].Words = words[c.Sections[i].ID]
	}
	g, err := guide.New(c)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		a            guide.Answers
		forYou, more []string
	}{
		{
			name:   "TwoFitTheThirdDoesNot",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"stress"}}),
			forYou: []string{"lower", "chronic"},
			more:   []string{"stress"},
		},
		{
			name:   "AllThreeFit",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {guide.NotSure}, "factors": {"stress"}}).With(guide.CautionsQuestion, "pregnancy"),
			forYou: []string{"lower", "stress", "pregnancy"},
		},
		{
			name:   "NoShorterSectionInItsPlace",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"acute"}, "factors": {"desk"}}),
			forYou: []string{"lower"},
			more:   []string{"acute", "desk"},
		},
		{
			name:   "FirstAlwaysWhateverItsLength",
			a:      safe(guide.Answers{"pain": {"sciatica"}, "duration": {"chronic"}, "factors": {"desk"}}),
			forYou: []string{"sciatica"},
			more:   []string{"chronic", "desk"},
		},
		{
			name:   "OnlyEveryoneWithinTheBudget",
			a:      safe(guide.Answers{"pain": {guide.NotSure}, "duration": {guide.NotSure}, "factors": {"none"}}),
			forYou: []string{"everyone-1"},
			more:   []string{"everyone-2", "everyone-3", "everyone-4"},
		},
	}
	everyone := []string{"everyone-1", "everyone-2", "everyone-3", "everyone-4"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := g.Evaluate(tt.a)
			if got := sectionIDs(r.ForYou); !slices.Equal(got, tt.forYou) {
				t.Errorf("ForYou: got %q, want %q", got, tt.forYou)
			}
			wantMore := slices.Clone(tt.more)
			if !slices.Contains(tt.forYou, everyone[0]) {
				wantMore = append(wantMore, everyone...)
			}
			if got := sectionIDs(r.More); !slices.Equal(got, wantMore) {
				t.Errorf("More: got %q, want %q", got, wantMore)
			}
		})
	}
}

// TestEvaluate_ForYouRealContent checks the recommended sections for some
// visitors of the clinic's content. Its sections have 150 to 350 words, so
// within guide.ForYouWords a result recommends one: the most specific.
func TestEvaluate_ForYouRealContent(t *testing.T) {
	g := mustGuide(t)
	tests := []struct {
		name   string
		a      guide.Answers
		forYou []string
	}{
		{
			name:   "LowerBackStress",
			a:      safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"stress"}}),
			forYou: []string{"lower-back"},
		},
		{
			name:   "PregnantWithSciaticaAndDisc",
			a:      safe(guide.Answers{"pain": {"sciatica", "disc"}, "duration": {"weeks"}, "factors": {"none"}}).With(guide.CautionsQuestion, "pregnancy"),
			forYou: []string{"sciatica"},
		},
		{
			name:   "UpperBackScreens",
			a:      safe(guide.Answers{"pain": {"upper-back"}, "duration": {"acute"}, "factors": {"desk", "screens"}}),
			forYou: []string{"upper-back-screens"},
		},
		{
			name:   "NotSureOfThePain",
			a:      safe(guide.Answers{"pain": {guide.NotSure}, "duration": {"chronic"}, "factors": {"stress"}}).With(guide.CautionsQuestion, "pregnancy"),
			forYou: []string{"pain-not-sure"},
		},
		{
			name:   "NotSureOfAnything",
			a:      safe(guide.Answers{"pain": {guide.NotSure}, "duration": {guide.NotSure}, "factors": {"none"}}),
			forYou: []string{"pain-not-sure"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := g.Evaluate(tt.a)
			if got := sectionIDs(r.ForYou); !slices.Equal(got, tt.forYou) {
				t.Errorf("ForYou: got %q, want %q", got, tt.forYou)
			}
			if len(r.ForYou) > 0 && r.ForYou[0].Words == 0 {
				t.Errorf("ForYou: %q has no word count: run make build", r.ForYou[0].ID)
			}
		})
	}
}

// TestEvaluate_CareFirst checks that every outcome that sends the visitor
// to a doctor first keeps the result short, and no other does.
func TestEvaluate_CareFirst(t *testing.T) {
	g := mustGuide(t)
	base := safe(guide.Answers{"pain": {"lower-back"}, "duration": {"chronic"}, "factors": {"none"}})
	tests := []struct {
		name string
		a    guide.Answers
		want bool
	}{
		{"Routine", base, false},
		{"Caution", base.With(guide.CautionsQuestion, "pregnancy"), false},
		{"Soon", base.With(guide.HistoryQuestion, "inflammatory"), true},
		{"Urgent", base.With(guide.UrgentQuestion, "fever"), true},
		{"Emergency", base.With(guide.EmergencyQuestion, "chest-pain"), true},
		{"Under16", guide.Answers{guide.AgeQuestion: {guide.Under16}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Evaluate(tt.a).CareFirst; got != tt.want {
				t.Errorf("CareFirst: got %v, want %v", got, tt.want)
			}
		})
	}
}
