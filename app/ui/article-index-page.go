package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// articleIndexPage lists the clinic's articles, each with its title and
// description, linking to its page.
type articleIndexPage struct {
	app.Compo
	Language
}

// newArticleIndexPage returns the article index.
func newArticleIndexPage(l Language) *articleIndexPage { return &articleIndexPage{Language: l} }

// OnNav sets the page title and moves the focus.
func (p *articleIndexPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle(p.words().Articles.IndexTitle + p.words().Common.TitleSuffix)
	focusAfterNav(ctx)
}

// Render draws the list of articles.
func (p *articleIndexPage) Render() app.UI {
	var items []app.UI
	for _, art := range p.guide().Content().Articles {
		items = append(items, app.Li().Class("article-list__item").Body(
			app.H2().Class("heading-m").Body(
				app.A().Href(p.articleHref(art, "")).Text(art.Title),
			),
			app.P().Text(art.Description),
		))
	}
	return newShell(p.Language, articlesPath,
		app.H1().ID(headingID).TabIndex(-1).Class("heading-xl").Text(p.words().Articles.IndexHeading),
		app.Ul().Class("article-list").Body(items...),
		guidePrompt(p.Language),
	)
}
