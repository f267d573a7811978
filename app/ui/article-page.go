package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// articlePage shows one of the clinic's articles whole: every section in
// order, whoever it is for, with its sources, the review dates and a way
// into the guide. Its URL carries no answers, so it is rendered once and
// cached like the start page.
type articlePage struct {
	app.Compo
	Language

	// Article is the index of the article in the guide's content.
	Article int
}

// newArticlePage returns the page of article i.
func newArticlePage(l Language, i int) *articlePage {
	return &articlePage{Language: l, Article: i}
}

// OnNav sets the page title and description and moves the focus: to the
// section a link named, such as "Read the whole article" on the result
// page, or else to the heading.
func (p *articlePage) OnNav(ctx app.Context) {
	art := p.guide().Content().Articles[p.Article]
	ctx.Page().SetTitle(art.Title + p.words().Common.TitleSuffix)
	ctx.Page().SetDescription(art.Description)
	if id, ok := strings.CutPrefix(ctx.Page().URL().Fragment, "section-"); ok {
		for _, s := range p.guide().Content().Sections {
			if s.ID == id && s.Article == p.Article {
				focusAfterNav(ctx, "section-"+id+"-title")
				return
			}
		}
	}
	focusAfterNav(ctx)
}

// Render draws the article.
func (p *articlePage) Render() app.UI {
	c := p.guide().Content()
	art := c.Articles[p.Article]
	var sections []app.UI
	for i := range c.Sections {
		if c.Sections[i].Article == p.Article {
			sections = append(sections, &articleSection{Language: p.Language, Section: &c.Sections[i], InArticle: true})
		}
	}
	return newShell(p.Language, Language{}.articleHref(art, ""),
		app.A().Class("back-link").Href(p.path(articlesPath)).Text(p.words().Articles.All),
		app.H1().ID(headingID).TabIndex(-1).Class("heading-xl").Text(art.Title),
		app.P().Class("lead").Text(art.Description),
		app.Div().Class("sections").Body(sections...),
		app.P().Class("review-dates").Body(
			app.Text(fill(p.words().Articles.LastReviewed, "date", art.LastReviewed)),
			app.Br(),
			app.Text(fill(p.words().Articles.NextReview, "date", art.NextReview)),
		),
		guidePrompt(p.Language),
	)
}

// guidePrompt invites a reader of the articles into the guide, through its
// start page and the warning signs there.
func guidePrompt(l Language) app.UI {
	return app.Div().Class("inset").Body(
		app.P().Text(l.words().Articles.StartLead),
		app.A().Class("button").Href(l.path(startPath)).Draggable(false).Text(l.words().Articles.StartButton),
	)
}
