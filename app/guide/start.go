package guide

import (
	"errors"
	"fmt"
)

// Why a starting point is refused. The errors are for the web developer who
// wrote data-start on a clinic's page (the guide logs them to the browser's
// console); a visitor never reads them, and the guide simply starts without
// an answer chosen.
var (
	// ErrStartUnknown: the id is no answer of the guide's questions.
	ErrStartUnknown = errors.New("is not an answer in this guide")
	// ErrStartSafety: the id is a safety question or one of its answers.
	// Warning signs, age, how long the pain has lasted, health history and
	// cautions are always the visitor's own answers.
	ErrStartSafety = errors.New("is a safety question or answer, which the visitor must always answer themselves")
	// ErrStartAnswer: the id is an answer that makes no sense chosen in
	// advance ("None of these", "I'm not sure") or is used by several
	// questions.
	ErrStartAnswer = errors.New("cannot be chosen in advance")
)

// StartError is a refused starting point: the id asked for and why.
type StartError struct {
	ID  string
	Err error
}

// Error says which id was refused and why, for the browser's console.
func (e *StartError) Error() string {
	return fmt.Sprintf("symptom guide: data-start %q %v; the guide starts with nothing chosen (starting points: the ids of the kinds of pain and of the things in the visitor's life, such as %q)", e.ID, e.Err, "sciatica")
}

// Unwrap returns the reason, one of the ErrStart errors.
func (e *StartError) Unwrap() error { return e.Err }

// Start returns the answers a guide started at the starting point id holds:
// one answer, chosen in advance, that the visitor sees ticked when they reach
// its question and can change. A starting point is an option of the pain
// question that is not a warning sign, or of a question the safety rules do
// not read (such as the factors in the visitor's life). Start refuses, with
// a *StartError, an unknown id, a safety question or any of its answers, and
// exclusive or "not sure" answers: a warning sign is never answered for the
// visitor. An empty id is no starting point: Start returns nil and no error.
func (g *Guide) Start(id string) (Answers, error) {
	if id == "" {
		return nil, nil
	}
	refuse := func(err error) (Answers, error) { return nil, &StartError{ID: id, Err: err} }
	if len(id) > maxValue {
		return refuse(ErrStartUnknown)
	}
	if _, ok := g.questions[id]; ok {
		if _, safety := safetyRules[id]; safety {
			return refuse(ErrStartSafety)
		}
		return refuse(ErrStartAnswer)
	}
	var found []string
	for _, q := range g.content.Questions {
		if g.Known(q.ID, id) {
			found = append(found, q.ID)
		}
	}
	if len(found) == 0 {
		return refuse(ErrStartUnknown)
	}
	for _, q := range found {
		rule, safety := safetyRules[q]
		if _, sign := rule.Signs[id]; sign || safety && q != PainQuestion {
			return refuse(ErrStartSafety)
		}
	}
	if len(found) > 1 {
		return refuse(ErrStartAnswer)
	}
	q := found[0]
	o, _ := g.Option(q, id)
	if o.Exclusive || id == NotSure || id == None {
		return refuse(ErrStartAnswer)
	}
	return Answers{q: {id}}, nil
}

// StartPoints returns every id Start accepts, in question and option order.
func (g *Guide) StartPoints() []string {
	var out []string
	for _, q := range g.content.Questions {
		for _, o := range q.Options {
			if _, err := g.Start(o.ID); err == nil {
				out = append(out, o.ID)
			}
		}
	}
	return out
}
