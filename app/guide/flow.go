package guide

// Page is a kind of page in the guide.
type Page int

const (
	// StartPage says what the guide does and starts it.
	StartPage Page = iota
	// QuestionPage asks one question.
	QuestionPage
	// CheckPage lists the answers with a way to change each.
	CheckPage
	// ResultPage shows the outcome and the matched sections.
	ResultPage
)

// Step is one page of the guide; Question is set on question pages.
type Step struct {
	Page     Page
	Question string
}

// Next returns the step after question for answers a. An emergency sign goes
// straight to the result: nobody with one should answer more questions first;
// so does an age under 16, as the guide is for adults. After the last
// question comes the check page.
func (g *Guide) Next(a Answers, question string) Step {
	if g.decided(a) {
		return Step{Page: ResultPage}
	}
	i := g.Index(question)
	if i >= 0 && i+1 < len(g.content.Questions) {
		return Step{Page: QuestionPage, Question: g.content.Questions[i+1].ID}
	}
	return Step{Page: CheckPage}
}

// Back returns the step a back link on s leads to.
func (g *Guide) Back(a Answers, s Step) Step {
	qs := g.content.Questions
	switch s.Page {
	case QuestionPage:
		if i := g.Index(s.Question); i > 0 {
			return Step{Page: QuestionPage, Question: qs[i-1].ID}
		}
		return Step{Page: StartPage}
	case CheckPage:
		return Step{Page: QuestionPage, Question: qs[len(qs)-1].ID}
	case ResultPage:
		return g.backFromResult(g.Missing(a))
	}
	return Step{Page: StartPage}
}

// BackFrom returns the step the result page's back link leads to for
// result r: Back for the answers r was evaluated from, without evaluating
// them again.
func (g *Guide) BackFrom(r Result) Step {
	return g.backFromResult(r.Missing)
}

// backFromResult returns the step before the result page when the
// questions missing are unanswered: the check page when none is, else the
// question before the first one missing.
func (g *Guide) backFromResult(missing []string) Step {
	if len(missing) > 0 {
		if i := g.Index(missing[0]); i > 0 {
			return Step{Page: QuestionPage, Question: g.content.Questions[i-1].ID}
		}
		return Step{Page: StartPage}
	}
	return Step{Page: CheckPage}
}

// Missing returns the ids of the questions a leaves unanswered, in order.
// Answers the guide does not know count as missing.
func (g *Guide) Missing(a Answers) []string {
	a = g.Normalize(a)
	var out []string
	for _, q := range g.content.Questions {
		if !a.Answered(q.ID) {
			out = append(out, q.ID)
		}
	}
	return out
}

// Ready reports whether a result can be shown for a (see Result.Ready).
func (g *Guide) Ready(a Answers) bool {
	return g.Evaluate(a).Ready()
}

// decided reports whether a already decides the outcome whatever the other
// answers are: an emergency sign, or an age the guide is not for.
func (g *Guide) decided(a Answers) bool {
	return g.Evaluate(a).decided()
}

// Return returns the step after question when the visitor came to change an
// answer from the check page: back to the check page, or to the result if the
// change is an emergency sign, or on to a question still unanswered.
func (g *Guide) Return(a Answers, question string) Step {
	if g.decided(a) {
		return Step{Page: ResultPage}
	}
	if missing := g.Missing(a); len(missing) > 0 {
		return Step{Page: QuestionPage, Question: missing[0]}
	}
	return Step{Page: CheckPage}
}

// Decides reports whether choosing option for question decides the outcome
// on its own, whatever the other answers are (an emergency sign, or an age
// the guide is not for): Next then goes straight to the result. Pages
// written before the app runs carry this, so a static host can show the
// result for such an answer at once without a copy of the rules. New works
// them out once, since every question page asks.
func (g *Guide) Decides(question, option string) bool {
	return g.deciding[question][option]
}
