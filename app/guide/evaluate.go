package guide

import (
	"cmp"
	"slices"
)

// Reason is one answer that raised the outcome above routine.
type Reason struct {
	Question string
	Option   string
	Level    Level
	// Text is the answer said back in plain words, from the content.
	Text string
	// Source is the guideline the rule comes from; Where is the list or
	// passage in it.
	Source Source
	Where  string
}

// Note is what one caution answer tells the visitor to do.
type Note struct {
	Question string
	Option   string
	Label    string
	Text     string
}

// Result is what the guide concludes from a set of answers.
type Result struct {
	// Level is the outcome: the highest level any answer raises it to.
	Level Level
	// Reasons lists every answer that raised the outcome above routine, most
	// urgent first, then in question order.
	Reasons []Reason
	// Notes lists one note per caution answer, in question order.
	Notes []Note
	// Sections lists the matched sections, most specific first, no repeats.
	Sections []*Section
	// ForYou lists the sections to read first: those most specific to the
	// visitor's answers (see recommend), at most MaxForYou of Sections and
	// at most ForYouWords words together unless there is only one, in the
	// order of Sections. More lists the rest of
	// Sections, in their order; together they hold each section once.
	ForYou, More []*Section
	// CareFirst reports that the outcome sends the visitor to a doctor or
	// the emergency number before anything else (soon, urgent, emergency,
	// and under 16): the result stays short, and the sections wait for
	// later.
	CareFirst bool
	// Booking says how the booking prompt shows.
	Booking BookingMode
	// Underage reports that the visitor is under 16: the guide is for
	// adults, so it ends at a result that sends them to a doctor.
	Underage bool
	// Missing lists the questions the answers leave unanswered, in order,
	// as Guide.Missing does.
	Missing []string
}

// Ready reports whether r may be shown: every question is answered, or an
// emergency sign or an age under 16 already decides the outcome. Without
// the safety answers no routine result is ever shown.
func (r Result) Ready() bool {
	return len(r.Missing) == 0 || r.decided()
}

// decided reports whether the answers r comes from decide the outcome
// whatever the other answers are: an emergency sign, or an age the guide
// is not for.
func (r Result) decided() bool {
	return r.Level == Emergency || r.Underage
}

// Evaluate returns the result for a. It depends only on which options are
// chosen, never on the order they were chosen in.
func (g *Guide) Evaluate(a Answers) Result {
	a = g.Normalize(a)
	var r Result
	for _, q := range g.content.Questions {
		chosen := a[q.ID]
		if len(chosen) == 0 {
			r.Missing = append(r.Missing, q.ID)
		}
		rule, ok := safetyRules[q.ID]
		if !ok || len(chosen) == 0 {
			continue
		}
		// Normalize keeps chosen options in content order.
		for _, id := range chosen {
			o := &q.Options[g.options[q.ID][id]]
			s, isSign := rule.Signs[id]
			if isSign && (s.When == nil || a.HasAny(s.When.Question, s.When.Options)) {
				r.Level = max(r.Level, s.Level)
				r.Underage = r.Underage || s.Underage
				text := o.Reason
				if text == "" {
					text = o.Label
				}
				r.Reasons = append(r.Reasons, Reason{Question: q.ID, Option: id, Level: s.Level, Text: text, Source: sources[s.Source], Where: s.Where})
			}
			if o.Note != "" {
				r.Notes = append(r.Notes, Note{Question: q.ID, Option: id, Label: o.Label, Text: o.Note})
			}
		}
	}
	slices.SortStableFunc(r.Reasons, func(x, y Reason) int { return cmp.Compare(y.Level, x.Level) })
	r.Sections = g.Match(a)
	r.ForYou, r.More = recommend(r.Sections)
	r.Booking = bookingFor(r.Level, r.Underage)
	r.CareFirst = r.Level >= Soon || r.Underage
	return r
}

// Match returns the sections whose conditions all hold for a, those with more
// conditions first and otherwise in content order.
func (g *Guide) Match(a Answers) []*Section {
	var out []*Section
	for i := range g.content.Sections {
		s := &g.content.Sections[i]
		if matches(s, a) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(x, y *Section) int { return cmp.Compare(len(y.For), len(x.For)) })
	return out
}

// matches reports whether every condition of s holds for a.
func matches(s *Section, a Answers) bool {
	for _, c := range s.For {
		if !a.HasAny(c.Question, c.Options) {
			return false
		}
	}
	return true
}
