package guide

import (
	"net/url"
	"slices"
	"unicode/utf8"
)

// Answers maps a question id to the ids of the options chosen for it. A
// question that is absent has not been answered.
//
// Answers live in the page URL's query string, one parameter per chosen option
// (pain=lower-back&pain=sciatica), which is also what a plain HTML form sends.
type Answers map[string][]string

// Has reports whether option was chosen for question.
func (a Answers) Has(question, option string) bool {
	return slices.Contains(a[question], option)
}

// HasAny reports whether any of options was chosen for question.
func (a Answers) HasAny(question string, options []string) bool {
	for _, o := range options {
		if a.Has(question, o) {
			return true
		}
	}
	return false
}

// Answered reports whether question has an answer.
func (a Answers) Answered(question string) bool { return len(a[question]) > 0 }

// Clone returns a copy of a that shares nothing with it.
func (a Answers) Clone() Answers {
	b := make(Answers, len(a))
	for q, opts := range a {
		b[q] = slices.Clone(opts)
	}
	return b
}

// With returns a copy of a with question answered by options.
func (a Answers) With(question string, options ...string) Answers {
	b := a.Clone()
	if len(options) == 0 {
		delete(b, question)
	} else {
		b[question] = slices.Clone(options)
	}
	return b
}

// The query parameters the guide uses for navigation beside the answers. No
// question may take their names: New refuses such content.
const (
	// ChangeParam marks a question visited from the check page, so that
	// Continue returns there.
	ChangeParam = "change"
	// NextParam is sent by a question form's Continue button. Only a page
	// loaded without the app running ever sees it in a URL.
	NextParam = "next"
	// StartParam names a starting point on the start page's address
	// (/?start=sciatica): an answer chosen in advance by the clinic's page
	// that embeds the guide. See Guide.Start.
	StartParam = "start"
)

// maxValue bounds the length of one parameter value; no option id is longer.
const maxValue = 64

// Decode reads answers from a URL query and returns them normalized.
// Parameters that are not question ids are ignored, so navigation
// parameters can share the query; values that are not answers to the
// guide's questions (unknown, longer than any option id, or not UTF-8) are
// dropped, so a hand-edited or stale link shows the nearest sensible page:
// a question the dropped value leaves unanswered is asked again.
func (g *Guide) Decode(v url.Values) Answers {
	a := make(Answers)
	for _, q := range g.content.Questions {
		for _, val := range v[q.ID] {
			if len(val) <= maxValue && utf8.ValidString(val) && g.Known(q.ID, val) {
				a[q.ID] = append(a[q.ID], val)
			}
		}
	}
	return g.Normalize(a)
}

// Encode writes answers as URL query values; Decode(Encode(a)) equals
// Normalize(a).
func (g *Guide) Encode(a Answers) url.Values {
	v := make(url.Values, len(a))
	for q, opts := range g.Normalize(a) {
		v[q] = opts
	}
	return v
}

// Normalize returns a with unknown questions and options dropped, repeats
// removed and options in content order. Where a checkbox answer holds both an
// exclusive option and others, the others win: a warning sign ticked beside
// "None of these" is never dropped. A radio answer keeps its first option in
// content order. The result does not depend on the order of a's options.
func (g *Guide) Normalize(a Answers) Answers {
	out := make(Answers, len(a))
	for _, q := range g.content.Questions {
		chosen := a[q.ID]
		if len(chosen) == 0 {
			continue
		}
		var opts, exclusive []string
		for _, o := range q.Options {
			if !slices.Contains(chosen, o.ID) {
				continue
			}
			if o.Exclusive {
				exclusive = append(exclusive, o.ID)
			} else {
				opts = append(opts, o.ID)
			}
		}
		if len(opts) == 0 && len(exclusive) > 0 {
			opts = exclusive[:1]
		}
		if q.Kind == Radios && len(opts) > 1 {
			opts = opts[:1]
		}
		if len(opts) > 0 {
			out[q.ID] = opts
		}
	}
	return out
}
