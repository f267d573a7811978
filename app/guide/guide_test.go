package guide_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
)

// mustGuide returns the guide built from the clinic's real, compiled content.
func mustGuide(tb testing.TB) *guide.Guide {
	tb.Helper()
	g, err := guide.New(guidedata.Content)
	if err != nil {
		tb.Fatalf("guide.New(guidedata.Content): %v", err)
	}
	return g
}

// sign returns an emergency or urgent sign with the reason the rules require.
func sign(id string) guide.Option {
	return guide.Option{ID: id, Label: "Label " + id, Reason: "Reason " + id}
}

// caution returns a caution answer with the note the rules require.
func caution(id string) guide.Option {
	return guide.Option{ID: id, Label: "Label " + id, Note: "Note " + id}
}

// plain returns an answer that raises nothing.
func plain(id string) guide.Option { return guide.Option{ID: id, Label: "Label " + id} }

// none returns the exclusive "None of these" answer.
func none() guide.Option {
	return guide.Option{ID: guide.None, Label: "None of these", Exclusive: true}
}

// minimalContent returns the smallest content New accepts: the safety
// questions with every option the safety rules read, age first, and one
// ordinary question (factors) for the sections to refer to. Each call
// returns a fresh value, so a test may change it freely.
func minimalContent() *guide.Content {
	weakImmune := caution("weak-immune")
	weakImmune.Reason = "Reason weak-immune"
	return &guide.Content{
		Clinic: guide.Clinic{Name: "Test clinic"},
		Questions: []guide.Question{
			{ID: guide.AgeQuestion, Kind: guide.Radios, Options: []guide.Option{
				sign(guide.Under16), sign("16-19"), plain("20-49"), sign("50-plus"),
			}},
			{ID: "pain", Kind: guide.Checkboxes, Options: []guide.Option{
				plain("lower-back"), sign("upper-back"), plain("sciatica"),
				{ID: guide.NotSure, Label: "Not sure", Exclusive: true},
			}},
			{ID: "duration", Kind: guide.Radios, Options: []guide.Option{
				plain("acute"), plain("weeks"), plain("chronic"), plain(guide.NotSure),
			}},
			{ID: guide.EmergencyQuestion, Kind: guide.Checkboxes, Options: []guide.Option{
				sign("saddle-numbness"), sign("bladder-bowel"), sign("both-legs"), sign("walking"),
				sign("sexual"), sign("serious-injury"), sign("chest-pain"), sign("tummy-pain"),
				sign(guide.NotSure), none(),
			}},
			{ID: guide.UrgentQuestion, Kind: guide.Checkboxes, Options: []guide.Option{
				sign("fever"), sign("weight-loss"), sign("lump"), sign("night-pain"),
				sign("cough-sneeze"), sign("one-leg"), sign("severe-central"), sign(guide.NotSure), none(),
			}},
			{ID: guide.HistoryQuestion, Kind: guide.Checkboxes, Options: []guide.Option{
				sign("cancer"), sign("injecting-drugs"), sign("recent-infection"), sign("spine-procedure"),
				sign("osteoporosis-fall"), sign("inflammatory"), sign("not-checked"), sign(guide.NotSure), none(),
			}},
			{ID: "factors", Kind: guide.Checkboxes, Options: []guide.Option{
				plain("desk"), plain("stress"), none(),
			}},
			{ID: guide.CautionsQuestion, Kind: guide.Checkboxes, Options: []guide.Option{
				caution("pregnancy"), caution("bleeding-disorder"), caution("blood-thinners"),
				caution("pacemaker"), caution("skin-infection"), weakImmune,
				caution("needle-fear"), caution(guide.NotSure), none(),
			}},
		},
		Articles: []guide.Article{{Slug: "a", Title: "A"}},
		Sections: []guide.Section{{ID: "everyone", Title: "Everyone"}},
	}
}

// questionOf returns a pointer to question id of c, or fails the test.
func questionOf(tb testing.TB, c *guide.Content, id string) *guide.Question {
	tb.Helper()
	i := slices.IndexFunc(c.Questions, func(q guide.Question) bool { return q.ID == id })
	if i < 0 {
		tb.Fatalf("content has no question %q", id)
	}
	return &c.Questions[i]
}

// optionOf returns a pointer to option o of question q of c, or fails the test.
func optionOf(tb testing.TB, c *guide.Content, q, o string) *guide.Option {
	tb.Helper()
	qq := questionOf(tb, c, q)
	i := slices.IndexFunc(qq.Options, func(x guide.Option) bool { return x.ID == o })
	if i < 0 {
		tb.Fatalf("question %q has no option %q", q, o)
	}
	return &qq.Options[i]
}

// contentErrors returns every *guide.ContentError in err's tree.
func contentErrors(err error) []*guide.ContentError {
	var out []*guide.ContentError
	var walk func(error)
	walk = func(err error) {
		if ce, ok := err.(*guide.ContentError); ok {
			out = append(out, ce)
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			if e := u.Unwrap(); e != nil {
				walk(e)
			}
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// TestNew_MinimalContent checks that the helper content is valid, so that
// each refusal in TestNew_RefusesContent is caused by its one change.
func TestNew_MinimalContent(t *testing.T) {
	if _, err := guide.New(minimalContent()); err != nil {
		t.Fatalf("New(minimalContent()): got error %v, want nil", err)
	}
}

// TestNew_RealContent checks that the compiled content passes the safety
// rules.
func TestNew_RealContent(t *testing.T) {
	mustGuide(t)
}

// TestNew_RefusesContent checks that New refuses content that would switch a
// safety rule off, and says which question and option are at fault.
func TestNew_RefusesContent(t *testing.T) {
	removeQuestion := func(id string) func(*testing.T, *guide.Content) {
		return func(t *testing.T, c *guide.Content) {
			c.Questions = slices.DeleteFunc(c.Questions, func(q guide.Question) bool { return q.ID == id })
		}
	}
	removeOption := func(q, o string) func(*testing.T, *guide.Content) {
		return func(t *testing.T, c *guide.Content) {
			qq := questionOf(t, c, q)
			qq.Options = slices.DeleteFunc(qq.Options, func(x guide.Option) bool { return x.ID == o })
		}
	}
	tests := []struct {
		name   string
		change func(*testing.T, *guide.Content)
		// The ContentError that must be among those returned.
		question, option, msg string
	}{
		{
			name:     "EmergencyQuestionRemoved",
			change:   removeQuestion(guide.EmergencyQuestion),
			question: guide.EmergencyQuestion,
			msg:      "this safety question is missing",
		},
		{
			name:     "UrgentQuestionRemoved",
			change:   removeQuestion(guide.UrgentQuestion),
			question: guide.UrgentQuestion,
			msg:      "this safety question is missing",
		},
		{
			name:     "CautionsQuestionRemoved",
			change:   removeQuestion(guide.CautionsQuestion),
			question: guide.CautionsQuestion,
			msg:      "this safety question is missing",
		},
		{
			name:     "ChestPainRemoved",
			change:   removeOption(guide.EmergencyQuestion, "chest-pain"),
			question: guide.EmergencyQuestion,
			msg:      "the safety options chest-pain are missing",
		},
		{
			name:     "UrgentNotSureRemoved",
			change:   removeOption(guide.UrgentQuestion, guide.NotSure),
			question: guide.UrgentQuestion,
			msg:      "the safety options not-sure are missing",
		},
		{
			name:     "CautionNoneRemoved",
			change:   removeOption(guide.CautionsQuestion, guide.None),
			question: guide.CautionsQuestion,
			msg:      "the safety options none are missing",
		},
		{
			name: "SignMarkedExclusive",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.EmergencyQuestion, "both-legs").Exclusive = true
			},
			question: guide.EmergencyQuestion,
			option:   "both-legs",
			msg:      "a safety sign cannot be exclusive",
		},
		{
			name: "UrgentNotSureMarkedExclusive",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.UrgentQuestion, guide.NotSure).Exclusive = true
			},
			question: guide.UrgentQuestion,
			option:   guide.NotSure,
			msg:      "a safety sign cannot be exclusive",
		},
		{
			name: "NoneNotExclusive",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.UrgentQuestion, guide.None).Exclusive = false
			},
			question: guide.UrgentQuestion,
			option:   guide.None,
			msg:      "this option must have exclusive: true",
		},
		{
			name: "CautionWithoutNote",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.CautionsQuestion, "pacemaker").Note = ""
			},
			question: guide.CautionsQuestion,
			option:   "pacemaker",
			msg:      "needs a note",
		},
		{
			name: "EmergencySignWithoutReason",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.EmergencyQuestion, "saddle-numbness").Reason = ""
			},
			question: guide.EmergencyQuestion,
			option:   "saddle-numbness",
			msg:      "needs a reason",
		},
		{
			name: "EmergencyNotSureWithoutReason",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.EmergencyQuestion, guide.NotSure).Reason = ""
			},
			question: guide.EmergencyQuestion,
			option:   guide.NotSure,
			msg:      "needs a reason",
		},
		{
			name: "WeakImmuneWithoutReason",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.CautionsQuestion, "weak-immune").Reason = ""
			},
			question: guide.CautionsQuestion,
			option:   "weak-immune",
			msg:      "needs a reason",
		},
		{
			name: "SafetyQuestionAsRadios",
			change: func(t *testing.T, c *guide.Content) {
				questionOf(t, c, guide.UrgentQuestion).Kind = guide.Radios
			},
			question: guide.UrgentQuestion,
			msg:      "a safety question must be answered with checkboxes",
		},
		{
			name: "QuestionIDIsANavigationParameter",
			change: func(t *testing.T, c *guide.Content) {
				questionOf(t, c, "factors").ID = guide.NextParam
			},
			question: guide.NextParam,
			msg:      "the id is used by the guide's links",
		},
		{
			name:     "AgeQuestionRemoved",
			change:   removeQuestion(guide.AgeQuestion),
			question: guide.AgeQuestion,
			msg:      "this safety question is missing",
		},
		{
			name:     "HistoryQuestionRemoved",
			change:   removeQuestion(guide.HistoryQuestion),
			question: guide.HistoryQuestion,
			msg:      "this safety question is missing",
		},
		{
			name: "AgeNotFirst",
			change: func(t *testing.T, c *guide.Content) {
				c.Questions[0], c.Questions[1] = c.Questions[1], c.Questions[0]
			},
			question: guide.AgeQuestion,
			msg:      "must be the first question",
		},
		{
			name:     "UnderSixteenRemoved",
			change:   removeOption(guide.AgeQuestion, guide.Under16),
			question: guide.AgeQuestion,
			msg:      "the safety options under-16 are missing",
		},
		{
			name:     "UpperBackRemoved",
			change:   removeOption(guide.PainQuestion, "upper-back"),
			question: guide.PainQuestion,
			msg:      "the safety options upper-back are missing",
		},
		{
			name:     "DurationWeeksRemoved",
			change:   removeOption(guide.DurationQuestion, "weeks"),
			question: guide.DurationQuestion,
			msg:      "the safety options weeks are missing",
		},
		{
			name:     "AneurysmRemoved",
			change:   removeOption(guide.EmergencyQuestion, "tummy-pain"),
			question: guide.EmergencyQuestion,
			msg:      "the safety options tummy-pain are missing",
		},
		{
			name: "SoonSignWithoutReason",
			change: func(t *testing.T, c *guide.Content) {
				optionOf(t, c, guide.HistoryQuestion, "inflammatory").Reason = ""
			},
			question: guide.HistoryQuestion,
			option:   "inflammatory",
			msg:      "needs a reason",
		},
		{
			name: "AgeAsCheckboxes",
			change: func(t *testing.T, c *guide.Content) {
				questionOf(t, c, guide.AgeQuestion).Kind = guide.Checkboxes
			},
			question: guide.AgeQuestion,
			msg:      "a safety question must be answered with radios",
		},
		{
			name: "SectionNamesUnknownAnswer",
			change: func(t *testing.T, c *guide.Content) {
				c.Sections = append(c.Sections, guide.Section{ID: "x", For: []guide.Condition{{Question: "pain", Options: []string{"knee"}}}})
			},
			question: "pain",
			option:   "knee",
			msg:      `section "x" names an answer that does not exist`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := minimalContent()
			tt.change(t, c)
			g, err := guide.New(c)
			if err == nil {
				t.Fatalf("New: got nil error, want a *guide.ContentError for question %q, option %q", tt.question, tt.option)
			}
			if g != nil {
				t.Errorf("New: got a guide with error %v, want nil", err)
			}
			var ce *guide.ContentError
			if !errors.As(err, &ce) {
				t.Fatalf("New: got error %v (%T), want one that errors.As finds a *guide.ContentError in", err, err)
			}
			for _, ce := range contentErrors(err) {
				if ce.Question == tt.question && ce.Option == tt.option && strings.Contains(ce.Msg, tt.msg) {
					return
				}
			}
			t.Errorf("New: got error\n%v\nwant a *guide.ContentError{Question: %q, Option: %q} saying %q", err, tt.question, tt.option, tt.msg)
		})
	}
}

// TestContentError_Error checks the error text names where the problem is.
func TestContentError_Error(t *testing.T) {
	tests := []struct {
		err  guide.ContentError
		want string
	}{
		{guide.ContentError{Msg: "content has no questions"}, "content has no questions"},
		{guide.ContentError{Question: "urgent", Msg: "m"}, `question "urgent": m`},
		{guide.ContentError{Question: "urgent", Option: "fever", Msg: "m"}, `question "urgent", option "fever": m`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%#v.Error(): got %q, want %q", tt.err, got, tt.want)
		}
	}
}
