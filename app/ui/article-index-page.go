package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// articleIndexPage lists the clinic's articles, each with its title and
// description, linking to its page.
type articleIndexPage struct {
	app.Compo
}

// newArticleIndexPage returns the article index.
func newArticleIndexPage() *articleIndexPage { return &articleIndexPage{} }

// OnNav sets the page title and moves the focus.
func (p *articleIndexPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle(words().Articles.IndexTitle + words().Common.TitleSuffix)
	focusAfterNav(ctx)
}

// Render draws the list of articles.
func (p *articleIndexPage) Render() app.UI {
	var items []app.UI
	for _, art := range theGuide.Content().Articles {
		items = append(items, app.Li().Class("article-list__item").Body(
			app.H2().Class("heading-m").Body(
				app.A().Href(articleHref(art, "")).Text(art.Title),
			),
			app.P().Text(art.Description),
		))
	}
	return newShell(
		app.H1().ID(headingID).TabIndex(-1).Class("heading-xl").Text(words().Articles.IndexHeading),
		app.Ul().Class("article-list").Body(items...),
		guidePrompt(),
	)
}
