package ui

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// startPage says what the guide does and starts it.
type startPage struct {
	app.Compo
	Language

	// start holds the answer chosen in advance by a starting point
	// (/?start=sciatica), if any; the start link carries it.
	start guide.Answers
}

// newStartPage returns the start page.
func newStartPage(l Language) *startPage { return &startPage{Language: l} }

// OnInit reads the starting point before the first render in the browser,
// so the app's first frame matches the prerendered page.
func (p *startPage) OnInit() {
	if app.IsClient {
		p.load(app.Window().URL())
	}
}

// load reads the starting point from the page's URL.
func (p *startPage) load(u *url.URL) { p.start = p.startAnswers(u) }

// OnNav reads the starting point, sets the page title and moves the focus.
func (p *startPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL())
	ctx.Page().SetTitle(p.words().Start.Title + p.words().Common.TitleSuffix)
	focusAfterNav(ctx)
}

// Render draws the start page.
func (p *startPage) Render() app.UI {
	c := p.guide().Content().Clinic
	first := guide.Step{Page: guide.QuestionPage, Question: p.guide().Questions()[0].ID}
	w := p.words().Start
	var items []app.UI
	for _, it := range w.FindOutItems {
		items = append(items, app.Li().Text(it))
	}
	warnBefore, warnAfter := around(w.Emergency, "link")
	return newShell(p.Language, Language{}.href(guide.Step{}, p.start),
		app.H1().ID(headingID).TabIndex(-1).Class("heading-xl").Text(p.words().Start.Heading),
		app.P().Class("lead").Text(p.words().Start.Lead),
		app.P().Text(p.words().Start.FindOut),
		app.Ul().Class("list list--bullet").Body(items...),
		app.P().Text(fill(p.words().Start.Duration, "n", strconv.Itoa(len(p.guide().Questions())))),
		app.A().Class("button button--start").Href(p.href(first, p.start)).Draggable(false).Text(p.words().Start.Button),
		app.H2().Class("heading-m").Text(p.words().Start.BeforeHeading),
		app.P().Text(p.words().Start.Before),
		app.Div().Class("inset inset--warning").Body(
			app.P().Body(
				app.Strong().Text(warnBefore),
				app.A().Href("tel:"+c.Emergency.Number).Text(w.EmergencyLink),
				app.Text(warnAfter),
			),
		),
	)
}
