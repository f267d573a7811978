package main

import (
	"fmt"

	"symptomguide/app/guide"
)

// walkPage is one page a walk answers: a question page, with the option the
// visitor ticks, or the check page (question empty), whose button leads to
// the result.
type walkPage struct {
	question string
	option   string
	// heading is the page's heading as the engine and the strings write it:
	// the question's title, or the check page's heading.
	heading string
}

// walkPlan is the whole walk from the first question to the result, chosen
// from the compiled content, so no words of the clinic are typed here.
type walkPlan struct {
	// start is the address of the first page: the engine's first question.
	start string
	// pages are the question pages in the order the engine asks them, then
	// the check page.
	pages []walkPage
	// checkButton is the check page's button, which opens the result.
	checkButton string
	// answers are the answers the walk gives.
	answers guide.Answers
}

// planWalk chooses the walk's answers from the engine: on each question
// the first option that is not an emergency sign and after which the engine
// asks the next question (or, after the last one, shows the check page), so
// the walk never ends early at a result. For a checkbox question that can be
// its exclusive "none" option.
func planWalk(g *guide.Guide) (walkPlan, error) {
	qs := g.Questions()
	if len(qs) == 0 {
		return walkPlan{}, fmt.Errorf("the guide has no questions")
	}
	emergency := map[[2]string]bool{}
	for _, s := range g.Signs() {
		if s.Level == guide.Emergency {
			emergency[[2]string{s.Question, s.Option}] = true
		}
	}
	words := g.Content().Strings
	plan := walkPlan{start: questionPrefix + qs[0].ID, checkButton: words.Check.Button, answers: guide.Answers{}}
	step := guide.Step{Page: guide.QuestionPage, Question: qs[0].ID}
	for step.Page == guide.QuestionPage {
		q, ok := g.Question(step.Question)
		if !ok {
			return walkPlan{}, fmt.Errorf("the engine leads to question %q, which it does not have", step.Question)
		}
		if len(plan.pages) > len(qs) {
			return walkPlan{}, fmt.Errorf("the engine asks question %q a second time", q.ID)
		}
		option, next, err := openOption(g, plan.answers, q, emergency)
		if err != nil {
			return walkPlan{}, err
		}
		plan.answers = plan.answers.With(q.ID, option)
		plan.pages = append(plan.pages, walkPage{question: q.ID, option: option, heading: q.Title})
		step = next
	}
	if step.Page != guide.CheckPage {
		return walkPlan{}, fmt.Errorf("after question %q the engine shows page %d, not the check page", plan.pages[len(plan.pages)-1].question, step.Page)
	}
	if missing := g.Missing(plan.answers); len(missing) > 0 {
		return walkPlan{}, fmt.Errorf("the walk leaves %v unanswered", missing)
	}
	plan.pages = append(plan.pages, walkPage{heading: words.Check.Heading})
	return plan, nil
}

// openOption returns the first option of q that is not an emergency sign
// and after which, with the answers so far, the engine still asks a
// question or shows the check page; and that next step.
func openOption(g *guide.Guide, a guide.Answers, q guide.Question, emergency map[[2]string]bool) (string, guide.Step, error) {
	for _, o := range q.Options {
		if emergency[[2]string{q.ID, o.ID}] {
			continue
		}
		next := g.Next(a.With(q.ID, o.ID), q.ID)
		if next.Page == guide.QuestionPage || next.Page == guide.CheckPage {
			return o.ID, next, nil
		}
	}
	return "", guide.Step{}, fmt.Errorf("every option of question %q ends the guide early, with the answers %v", q.ID, a)
}

// steps is how many Continue clicks the walk makes: one per question page,
// and the check page's button.
func (p walkPlan) steps() int { return len(p.pages) }

// next is the heading of the page after page i, or "" for the result.
func (p walkPlan) next(i int) string {
	if i+1 < len(p.pages) {
		return p.pages[i+1].heading
	}
	return ""
}

// index returns the position of pg in the walk.
func (p walkPlan) index(pg walkPage) int {
	for i, q := range p.pages {
		if q == pg {
			return i
		}
	}
	return -1
}
