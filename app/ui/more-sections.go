package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// moreSections lists the matched sections not recommended first, each as
// its title and one line that open in place into the whole section, with
// its sources and a link to its article. It uses <details>, which works
// with the keyboard and screen readers, and before the app runs.
type moreSections struct {
	app.Compo
	Language

	// Sections are the sections to list, in order.
	Sections []*guide.Section
}

// Render draws the list, every item closed.
func (m *moreSections) Render() app.UI {
	var items []app.UI
	for _, s := range m.Sections {
		items = append(items, app.Li().Body(
			app.Details().Class("more-item").DataSet("section", s.ID).Body(
				app.Summary().Class("more-item__summary").Body(
					app.Span().Class("more-item__title").Text(s.Title),
					app.If(s.Summary != "", func() app.UI {
						return app.Span().Class("more-item__text").Text(s.Summary)
					}),
				),
				&articleSection{Language: m.Language, Section: s},
			),
		))
	}
	return app.Section().Class("more").Aria("labelledby", "more-heading").Body(
		app.H2().ID("more-heading").Class("heading-l").Text(m.words().Result.MoreHeading),
		app.Ul().Class("more-list").Body(items...),
	)
}
