package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// checkPage lists every answer with a link to change it.
type checkPage struct {
	app.Compo
	Language

	answers guide.Answers
}

// newCheckPage returns the check page.
func newCheckPage(l Language) *checkPage { return &checkPage{Language: l} }

// OnNav reads the answers from the URL.
func (p *checkPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL())
	ctx.Page().SetTitle(p.words().Check.Title + p.words().Common.TitleSuffix)
	focusAfterNav(ctx)
}

// OnInit reads the URL before the first render in the browser, so the app's
// first frame shows the same page as the prerendered HTML it replaces.
func (p *checkPage) OnInit() {
	if app.IsClient {
		p.load(app.Window().URL())
	}
}

// load reads the page's state from its URL.
func (p *checkPage) load(u *url.URL) {
	p.answers = p.guide().Decode(u.Query())
}

// Render draws the check page.
func (p *checkPage) Render() app.UI {
	a := p.answers
	var rows []app.UI
	for _, q := range p.guide().Questions() {
		change := p.href(guide.Step{Page: guide.QuestionPage, Question: q.ID}, a, changeParam, "1")
		var value app.UI = app.Text(p.words().Check.NotAnswered)
		action := p.words().Check.Answer
		if a.Answered(q.ID) {
			var items []app.UI
			for _, id := range a[q.ID] {
				o, _ := p.guide().Option(q.ID, id)
				items = append(items, app.Li().Text(o.Label))
			}
			value = app.Ul().Class("list").Body(items...)
			action = p.words().Check.Change
		}
		rows = append(rows, app.Div().Class("summary-list__row").Body(
			app.Dt().Class("summary-list__key").Text(q.Summary),
			app.Dd().Class("summary-list__value").Body(value),
			app.Dd().Class("summary-list__actions").Body(
				app.A().Href(change).Body(
					app.Text(action),
					app.Span().Class("visually-hidden").Text(" "+lower(q.Summary)),
				),
			),
		))
	}
	next := p.href(guide.Step{Page: guide.ResultPage}, a)
	if missing := p.guide().Missing(a); len(missing) > 0 {
		next = p.href(guide.Step{Page: guide.QuestionPage, Question: missing[0]}, a)
	}
	return newShell(p.Language, Language{}.href(guide.Step{Page: guide.CheckPage}, a),
		app.A().Class("back-link").Href(p.href(p.guide().Back(a, guide.Step{Page: guide.CheckPage}), a)).Text(p.words().Common.Back),
		app.H1().ID(headingID).TabIndex(-1).Class("heading-l").Text(p.words().Check.Heading),
		app.Dl().Class("summary-list").Body(rows...),
		app.P().Text(p.words().Check.Lead),
		app.A().Class("button").Href(next).Draggable(false).Text(p.words().Check.Button),
	)
}

// lower lower-cases the first letter of s, for text inside a sentence.
func lower(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}
