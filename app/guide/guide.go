package guide

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ContentError is one way content breaks the guide's rules. Question and
// Option name where, so the content compiler can point at the line.
type ContentError struct {
	Question string
	Option   string
	Msg      string
}

// Error returns the problem with where it is.
func (e *ContentError) Error() string {
	switch {
	case e.Option != "":
		return fmt.Sprintf("question %q, option %q: %s", e.Question, e.Option, e.Msg)
	case e.Question != "":
		return fmt.Sprintf("question %q: %s", e.Question, e.Msg)
	}
	return e.Msg
}

// Guide answers questions about one Content. It is safe for concurrent use
// once built: nothing in it changes after New.
type Guide struct {
	content *Content
	// questions maps a question id to its index in content.Questions.
	questions map[string]int
	// options maps a question id to its option ids and their indexes.
	options map[string]map[string]int
	// deciding holds, per question id, the options that decide the outcome
	// on their own (see Decides), worked out once by New: every question
	// page carries them.
	deciding map[string]map[string]bool
}

// New checks c against the safety rules and indexes it. It refuses content
// that lacks a safety question, lacks one of its required options, or marks a
// sign as exclusive, so that no edit to content/ can switch a warning off.
func New(c *Content) (*Guide, error) {
	g := &Guide{
		content:   c,
		questions: make(map[string]int, len(c.Questions)),
		options:   make(map[string]map[string]int, len(c.Questions)),
	}
	var errs []error
	fail := func(q, o, format string, args ...any) {
		errs = append(errs, &ContentError{Question: q, Option: o, Msg: fmt.Sprintf(format, args...)})
	}
	if len(c.Questions) == 0 {
		fail("", "", "content has no questions")
	}
	for i, q := range c.Questions {
		if q.ID == "" {
			fail("", "", "question %d has no id", i+1)
			continue
		}
		if q.ID == ChangeParam || q.ID == NextParam || q.ID == StartParam {
			fail(q.ID, "", "the id is used by the guide's links: choose another id")
			continue
		}
		if _, dup := g.questions[q.ID]; dup {
			fail(q.ID, "", "the id is used twice")
			continue
		}
		g.questions[q.ID] = i
		opts := make(map[string]int, len(q.Options))
		for j, o := range q.Options {
			if _, dup := opts[o.ID]; dup || o.ID == "" {
				fail(q.ID, o.ID, "the option id is empty or used twice")
				continue
			}
			opts[o.ID] = j
		}
		g.options[q.ID] = opts
		if len(q.Options) < 2 {
			fail(q.ID, "", "a question needs at least two options")
		}
	}
	for _, id := range safetyQuestions {
		errs = append(errs, g.checkSafety(id)...)
	}
	if len(c.Questions) > 0 && c.Questions[0].ID != AgeQuestion {
		fail(AgeQuestion, "", "must be the first question: the guide is for adults, so it asks the age before anything else")
	}
	for _, s := range c.Sections {
		for _, cond := range s.For {
			for _, o := range cond.Options {
				if !g.Known(cond.Question, o) {
					fail(cond.Question, o, "section %q names an answer that does not exist", s.ID)
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	g.deciding = map[string]map[string]bool{}
	for _, q := range c.Questions {
		for _, o := range q.Options {
			if g.decided(Answers{q.ID: {o.ID}}) {
				if g.deciding[q.ID] == nil {
					g.deciding[q.ID] = map[string]bool{}
				}
				g.deciding[q.ID][o.ID] = true
			}
		}
	}
	return g, nil
}

// safetyQuestions lists the questions the safety rules read, in the order
// their problems are reported.
var safetyQuestions = []string{AgeQuestion, PainQuestion, DurationQuestion, EmergencyQuestion, UrgentQuestion, HistoryQuestion, CautionsQuestion}

// checkSafety checks that the safety question id is present, is answered the
// way its rule says, keeps every answer the rule reads, and that no sign is
// exclusive and every sign says back why it matters.
func (g *Guide) checkSafety(id string) []error {
	rule := safetyRules[id]
	var errs []error
	fail := func(o, format string, args ...any) {
		errs = append(errs, &ContentError{Question: id, Option: o, Msg: fmt.Sprintf(format, args...)})
	}
	i, ok := g.questions[id]
	if !ok {
		fail("", "this safety question is missing: it can be reworded but not removed")
		return errs
	}
	q := g.content.Questions[i]
	if q.Kind != rule.Kind {
		kind := "checkboxes"
		if rule.Kind == Radios {
			kind = "radios"
		}
		fail("", "a safety question must be answered with %s", kind)
	}
	var missing []string
	for _, o := range requiredOptions(rule) {
		if !g.Known(id, o) {
			missing = append(missing, o)
		}
	}
	if len(missing) > 0 {
		fail("", "the safety options %s are missing: they can be reworded but not removed", strings.Join(missing, ", "))
	}
	for _, o := range q.Options {
		s, isSign := rule.Signs[o.ID]
		switch {
		case o.ID == None && !o.Exclusive:
			fail(o.ID, "this option must have exclusive: true")
		case isSign && o.Exclusive:
			fail(o.ID, "a safety sign cannot be exclusive, or ticking it would clear a warning sign")
		case o.ID != None && rule.Notes && o.Note == "":
			fail(o.ID, "needs a note: telling the visitor what to do")
		case isSign && s.Level >= Soon && o.Reason == "":
			fail(o.ID, "needs a reason: the result page says it back to the visitor")
		}
	}
	return errs
}

// requiredOptions lists, in a fixed order, the answers content must keep for
// rule: its signs and the answers it reads.
func requiredOptions(rule safetyRule) []string {
	out := slices.Sorted(maps.Keys(rule.Signs))
	return append(out, rule.Keep...)
}

// Content returns the content the guide was built from.
func (g *Guide) Content() *Content { return g.content }

// Questions returns the questions in the order visitors answer them.
func (g *Guide) Questions() []Question { return g.content.Questions }

// Question returns the question with the given id.
func (g *Guide) Question(id string) (Question, bool) {
	i, ok := g.questions[id]
	if !ok {
		return Question{}, false
	}
	return g.content.Questions[i], true
}

// Index returns the position of question id in the guide, from 0, or -1.
func (g *Guide) Index(id string) int {
	i, ok := g.questions[id]
	if !ok {
		return -1
	}
	return i
}

// Known reports whether option is an answer to question.
func (g *Guide) Known(question, option string) bool {
	_, ok := g.options[question][option]
	return ok
}

// Option returns the option of question with the given id.
func (g *Guide) Option(question, option string) (Option, bool) {
	j, ok := g.options[question][option]
	if !ok {
		return Option{}, false
	}
	return g.content.Questions[g.questions[question]].Options[j], true
}

// MustNew is New for content already checked at build time; it panics on
// content New refuses.
func MustNew(c *Content) *Guide {
	g, err := New(c)
	if err != nil {
		panic(err)
	}
	return g
}

// NewAll returns an engine for the content in each of the clinic's
// languages, in the same order (the default first).
func NewAll(cs []*Content) ([]*Guide, error) {
	gs := make([]*Guide, len(cs))
	for i, c := range cs {
		g, err := New(c)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Clinic.Lang, err)
		}
		gs[i] = g
	}
	return gs, nil
}

// MustNewAll is NewAll for content known to be valid, such as the compiled
// content; it panics on an error.
func MustNewAll(cs []*Content) []*Guide {
	gs, err := NewAll(cs)
	if err != nil {
		panic(err)
	}
	return gs
}
