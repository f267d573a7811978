package guide

import "sort"

// Reason is one answer that raised the outcome above routine.
type Reason struct {
	Question string
	Option   string
	Level    Level
	Text     string
}

// Note is what one caution answer tells the visitor to do.
type Note struct {
	Option string
	Label  string
	Text   string
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
	// Booking says how the booking prompt shows.
	Booking BookingMode
}

// Evaluate returns the result for a. It depends only on which options are
// chosen, never on the order they were chosen in.
func (g *Guide) Evaluate(a Answers) Result {
	a = g.Normalize(a)
	var r Result
	for _, q := range g.content.Questions {
		if _, ok := safetyRules[q.ID]; !ok {
			continue
		}
		for _, o := range q.Options {
			if !a.Has(q.ID, o.ID) {
				continue
			}
			l := levelOf(q.ID, o.ID)
			r.Level = max(r.Level, l)
			if l > Routine {
				text := o.Reason
				if text == "" {
					text = o.Label
				}
				r.Reasons = append(r.Reasons, Reason{Question: q.ID, Option: o.ID, Level: l, Text: text})
			}
			if o.Note != "" {
				r.Notes = append(r.Notes, Note{Option: o.ID, Label: o.Label, Text: o.Note})
			}
		}
	}
	sort.SliceStable(r.Reasons, func(i, j int) bool { return r.Reasons[i].Level > r.Reasons[j].Level })
	r.Sections = g.Match(a)
	r.Booking = bookingFor(r.Level)
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
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].For) > len(out[j].For) })
	return out
}

// matches reports whether every condition of s holds for a.
func matches(s *Section, a Answers) bool {
	for _, c := range s.For {
		hit := false
		for _, o := range c.Options {
			if a.Has(c.Question, o) {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	return true
}
