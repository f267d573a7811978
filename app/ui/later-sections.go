package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// laterSections folds the matched sections away under one closed
// "Information for later" line, for results that send the visitor to a
// doctor first: nothing long stands between them and the phone number.
// Each section is its title, linking to its place in its article's page,
// and one line about it.
type laterSections struct {
	app.Compo
	Language

	// Sections are the sections to list, in order.
	Sections []*guide.Section
}

// Render draws the closed list.
func (l *laterSections) Render() app.UI {
	arts := l.guide().Content().Articles
	var items []app.UI
	for _, s := range l.Sections {
		items = append(items, app.Li().Class("later-list__item").DataSet("section", s.ID).Body(
			app.A().Href(l.articleHref(arts[s.Article], s.ID)).Text(s.Title),
			app.If(s.Summary != "", func() app.UI {
				return app.Span().Class("later-list__text").Text(s.Summary)
			}),
		))
	}
	return app.Details().Class("later").Body(
		app.Summary().Class("later__summary").Text(l.words().Result.LaterSummary),
		app.P().Text(l.words().Result.LaterLead),
		app.Ul().Class("later-list").Body(items...),
	)
}
