package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// resultPage shows the outcome first, then the sections that fit, then the
// booking prompt, a print button and a way to start again.
type resultPage struct {
	app.Compo

	answers guide.Answers
	result  guide.Result
	ready   bool
}

// newResultPage returns the result page.
func newResultPage() *resultPage { return &resultPage{} }

// OnNav reads the answers from the URL and asks the engine for the result.
func (p *resultPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL())
	title := "Your results"
	if !p.ready {
		title = "Some questions are not answered yet"
	}
	ctx.Page().SetTitle(title + " – " + theGuide.Content().Clinic.Name)
	focusAfterNav(ctx)
}

// OnInit reads the URL before the first render in the browser, so the app's
// first frame shows the same page as the prerendered HTML it replaces.
func (p *resultPage) OnInit() {
	if app.IsClient {
		p.load(app.Window().URL())
	}
}

// load reads the answers from the URL and asks the engine for the result.
func (p *resultPage) load(u *url.URL) {
	p.answers, _ = theGuide.Decode(u.Query())
	p.ready = theGuide.Ready(p.answers)
	p.result = theGuide.Evaluate(p.answers)
}

// Render draws the result page.
func (p *resultPage) Render() app.UI {
	a := p.answers
	back := app.A().Class("back-link").Href(Href(theGuide.Back(a, guide.Step{Page: guide.ResultPage}), a)).Text("Back")
	if !p.ready {
		missing := theGuide.Missing(a)
		return newShell(
			back,
			app.H1().ID(headingID).TabIndex(-1).Class("heading-l").Text("Some questions are not answered yet"),
			app.P().Text("We need your answers to the safety questions before we can show you what to do next."),
			app.A().Class("button").Href(Href(guide.Step{Page: guide.QuestionPage, Question: missing[0]}, a)).Text("Answer the questions"),
		)
	}
	r := p.result
	var sections []app.UI
	// The articles are written for adults: a child's result has none.
	if !r.Underage {
		for _, s := range r.Sections {
			sections = append(sections, &articleSection{Section: s})
		}
	}
	sectionsHeading := "Information for you"
	if r.Level >= guide.Soon {
		sectionsHeading = "For later: information about your back pain"
	}
	return newShell(
		back,
		&outcomeCard{Result: r},
		app.Section().Class("sections").Aria("labelledby", "sections-heading").Body(
			app.H2().ID("sections-heading").Class("heading-l").Text(sectionsHeading),
			app.Div().Body(sections...),
		),
		&bookingPrompt{Mode: r.Booking},
		answerSummary(a),
		app.Div().Class("result-actions").Body(
			app.Button().Type("button").Class("button button--secondary").DataSet("action", "print").Text("Print or save as PDF"),
			app.A().Class("button button--secondary").Href(startPath).DataSet("action", "restart").Draggable(false).Text("Start again"),
		),
	)
}

// answerSummary lists the visitor's answers, for the printed summary to bring
// to an appointment.
func answerSummary(a guide.Answers) app.UI {
	var rows []app.UI
	for _, q := range theGuide.Questions() {
		if !a.Answered(q.ID) {
			continue
		}
		var items []app.UI
		for _, id := range a[q.ID] {
			o, _ := theGuide.Option(q.ID, id)
			items = append(items, app.Li().Text(o.Label))
		}
		rows = append(rows, app.Div().Class("summary-list__row").Body(
			app.Dt().Class("summary-list__key").Text(q.Summary),
			app.Dd().Class("summary-list__value").Body(app.Ul().Class("list").Body(items...)),
		))
	}
	return app.Section().Class("answers").Aria("labelledby", "answers-heading").Body(
		app.H2().ID("answers-heading").Class("heading-m").Text("Your answers"),
		app.Dl().Class("summary-list").Body(rows...),
	)
}
