package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// articleSection shows one matched section of the clinic's articles with
// its sources and review dates.
type articleSection struct {
	app.Compo

	// Section is the section to show.
	Section *guide.Section
}

// Render draws the section. Its HTML was rendered and checked at build time
// by cmd/guidec, which refuses raw HTML in content.
func (s *articleSection) Render() app.UI {
	sec := s.Section
	art := theGuide.Content().Articles[sec.Article]
	var sources []app.UI
	for _, src := range sec.Sources {
		sources = append(sources, app.Li().Body(
			app.A().Href(src.URL).Target("_blank").Rel("noopener noreferrer").Text(src.Title),
		))
	}
	return app.Article().ID("section-"+sec.ID).Class("section").Aria("labelledby", "section-"+sec.ID+"-title").Body(
		app.H3().ID("section-"+sec.ID+"-title").Class("heading-m").Text(sec.Title),
		app.Raw(`<div class="prose">`+sec.HTML+`</div>`),
		app.If(len(sources) > 0, func() app.UI {
			return app.Div().Class("sources").Body(
				app.H4().Class("heading-s").Text("Sources"),
				app.Ol().Class("list list--sources").Body(sources...),
			)
		}),
		app.P().Class("review-dates").Body(
			app.Text("From “"+art.Title+"”. Page last reviewed: "+art.LastReviewed+". Next review due: "+art.NextReview+"."),
		),
	)
}
