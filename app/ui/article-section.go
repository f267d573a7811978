package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// articleSection shows one section of the clinic's articles with its
// sources. On the result page it also names its article with the review
// dates and links to the whole article; on the article's own page, which
// shows those once, it leaves them out.
type articleSection struct {
	app.Compo
	Language

	// Section is the section to show.
	Section *guide.Section
	// InArticle shows the section on its article's page, under the
	// article's h1: its title is an h2 that can take the focus, and the
	// line naming the article is left out.
	InArticle bool
}

// Render draws the section. Its HTML was rendered and checked at build time
// by cmd/guidec, which refuses raw HTML in content.
func (s *articleSection) Render() app.UI {
	sec := s.Section
	art := s.guide().Content().Articles[sec.Article]
	var sources []app.UI
	for _, src := range sec.Sources {
		sources = append(sources, app.Li().Body(
			app.A().Href(src.URL).Target("_blank").Rel("noopener noreferrer").Text(src.Title),
		))
	}
	titleID := "section-" + sec.ID + "-title"
	// A link to the section on its article page moves the focus to its
	// title.
	var title app.UI = app.H3().ID(titleID).Class("heading-m").Text(sec.Title)
	if s.InArticle {
		title = app.H2().ID(titleID).TabIndex(-1).Class("heading-m").Text(sec.Title)
	}
	body := []app.UI{
		title,
		app.Raw(`<div class="prose">` + sec.HTML + `</div>`),
		app.If(len(sources) > 0 && s.InArticle, func() app.UI {
			return app.Div().Class("sources").Body(
				app.H3().Class("heading-s").Text(s.words().Articles.Sources),
				app.Ol().Class("list list--sources").Body(sources...),
			)
		}),
		// On the result page the sources fold away, to keep the page short
		// on a phone; they are one press away.
		app.If(len(sources) > 0 && !s.InArticle, func() app.UI {
			return app.Details().Class("sources").Body(
				app.Summary().Class("sources__summary").Text(fill(s.words().Articles.SourcesCount, "n", strconv.Itoa(len(sources)))),
				app.Ol().Class("list list--sources").Body(sources...),
			)
		}),
	}
	if !s.InArticle {
		body = append(body,
			app.P().Class("review-dates").Body(
				app.Text(fill(s.words().Articles.From, "title", art.Title, "reviewed", art.LastReviewed, "next", art.NextReview)),
			),
			// Every matched section has this link, so it names its article
			// for screen readers. It never carries answers.
			app.P().Class("article-link").Body(
				app.A().Href(s.articleHref(art, sec.ID)).Body(
					app.Text(s.words().Articles.ReadWhole),
					app.Span().Class("visually-hidden").Text(" “"+art.Title+"”"),
				),
			),
		)
	}
	return app.Article().ID("section-"+sec.ID).Class("section").Aria("labelledby", titleID).Body(body...)
}
