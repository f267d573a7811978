package ui

import (
	"net/url"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// resultPage shows the outcome card first, then why, then the sections the
// engine recommends in full (Result.ForYou: at most three, within a word
// budget) and the others as a list that opens in place; results
// that send the visitor to a doctor first keep only the card, why and one
// closed list for later. Then the booking prompt, a print button and a way
// to start again; the printed summary is a part of its own.
type resultPage struct {
	app.Compo
	Language

	// query is the query string the page last read, and loaded reports
	// that it read one: load evaluates each query once. In the browser
	// OnInit and OnNav both load, and a visitor who comes from the check
	// page brings the same query the result page has.
	query  string
	loaded bool
	// answers and result are the visitor's answers and the engine's result
	// for them, and back the back link's address: computed once in load,
	// read by Render and passed to every part of the page.
	answers guide.Answers
	result  guide.Result
	back    string
	// origin is the page's scheme and host in the browser, for full
	// addresses in the printed summary; empty on the server.
	origin string
}

// newResultPage returns the result page.
func newResultPage(l Language) *resultPage { return &resultPage{Language: l} }

// evaluate asks the engine for the result of a. The result page evaluates
// answers only through it, and only in load, so a test can count how often
// that happens; it calls no other engine function that evaluates (Ready,
// Next, Return).
var evaluate = func(g *guide.Guide, a guide.Answers) guide.Result { return g.Evaluate(a) }

// OnNav reads the answers from the URL and asks the engine for the result.
func (p *resultPage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL())
	title := p.words().Result.Title
	if !p.result.Ready() {
		title = p.words().Result.MissingHeading
	}
	ctx.Page().SetTitle(title + p.words().Common.TitleSuffix)
	focusAfterNav(ctx)
}

// OnInit reads the URL before the first render in the browser, so the app's
// first frame shows the same page as the prerendered HTML it replaces.
func (p *resultPage) OnInit() {
	if app.IsClient {
		p.load(app.Window().URL())
	}
}

// load reads the answers from the URL and asks the engine for the result,
// unless it already has them for this query.
func (p *resultPage) load(u *url.URL) {
	if p.loaded && u.RawQuery == p.query {
		return
	}
	p.query, p.loaded = u.RawQuery, true
	p.answers = p.guide().Decode(u.Query())
	p.result = evaluate(p.guide(), p.answers)
	p.back = p.href(p.guide().BackFrom(p.result), p.answers)
	p.origin = ""
	if app.IsClient && u.Host != "" {
		p.origin = u.Scheme + "://" + u.Host
	}
}

// Render draws the result page from what load computed.
func (p *resultPage) Render() app.UI {
	if !p.loaded {
		// Only on the server, which renders a page once before OnNav.
		return newShell(p.Language, "")
	}
	a, r := p.answers, p.result
	back := app.A().Class("back-link").Href(p.back).Text(p.words().Common.Back)
	if !r.Ready() {
		return newShell(p.Language, Language{}.href(guide.Step{Page: guide.ResultPage}, a),
			back,
			app.H1().ID(headingID).TabIndex(-1).Class("heading-l").Text(p.words().Result.MissingHeading),
			app.P().Text(p.words().Result.MissingLead),
			app.A().Class("button").Href(p.href(guide.Step{Page: guide.QuestionPage, Question: r.Missing[0]}, a)).Text(p.words().Result.MissingButton),
		)
	}
	content := []app.UI{
		back,
		&outcomeCard{Language: p.Language, Result: r},
		&whyResult{Language: p.Language, Reasons: r.Reasons},
	}
	switch {
	case r.Underage:
		// The articles are written for adults: a child's result has none.
	case r.CareFirst:
		if len(r.Sections) > 0 {
			content = append(content, &laterSections{Language: p.Language, Sections: append(slices.Clip(r.ForYou), r.More...)})
		}
	default:
		if len(r.ForYou) > 0 {
			content = append(content, p.forYou(r.ForYou))
		}
		if len(r.More) > 0 {
			content = append(content, &moreSections{Language: p.Language, Sections: r.More})
		}
	}
	return newShell(p.Language, Language{}.href(guide.Step{Page: guide.ResultPage}, a), append(content,
		&bookingPrompt{Language: p.Language, Mode: r.Booking},
		app.Div().Class("result-actions").Body(
			app.Button().Type("button").Class("button button--secondary").DataSet("action", "print").Text(p.words().Result.Print),
			app.A().Class("button button--secondary").Href(p.path(startPath)).DataSet("action", "restart").Draggable(false).Text(p.words().Result.Restart),
		),
		&printSummary{Language: p.Language, Result: r, Answers: a, Origin: p.origin},
	)...)
}

// forYou shows the sections recommended first, in full.
func (l Language) forYou(sections []*guide.Section) app.UI {
	var body []app.UI
	for _, s := range sections {
		body = append(body, &articleSection{Language: l, Section: s})
	}
	return app.Section().Class("sections for-you").Aria("labelledby", "for-you-heading").Body(
		app.H2().ID("for-you-heading").Class("heading-l").Text(l.words().Result.ForYouHeading),
		app.Div().Body(body...),
	)
}
