package ui

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// whyResult says, under the outcome card, which answers led to the result
// and where each rule comes from: the warning signs first, then what the
// practitioner needs to know. With no such answer it says so in one line.
type whyResult struct {
	app.Compo
	Language

	// Reasons are the result's reasons, most urgent first.
	Reasons []guide.Reason
}

// Render draws the list of reasons with their sources.
func (w *whyResult) Render() app.UI {
	var signs, practitioner []app.UI
	// What the practitioner needs to know is grouped by source, one line a
	// source: the notes themselves are in the card above.
	var bySource [][]guide.Reason
	for _, r := range w.Reasons {
		if r.Level > guide.Caution {
			signs = append(signs, app.Li().Class("why__item").Body(
				app.Span().Class("why__reason").Text(r.Text),
				app.Span().Class("why__source").Body(w.sourceOf(r)...),
			))
			continue
		}
		i := slices.IndexFunc(bySource, func(g []guide.Reason) bool { return g[0].Source == r.Source })
		if i < 0 {
			bySource = append(bySource, nil)
			i = len(bySource) - 1
		}
		bySource[i] = append(bySource[i], r)
	}
	for _, g := range bySource {
		var texts []string
		for _, r := range g {
			texts = append(texts, r.Text)
		}
		practitioner = append(practitioner, app.Li().Class("why__item").Body(
			app.Span().Class("why__reason").Text(strings.Join(texts, "; ")),
			app.Span().Class("why__source").Body(w.sourceOf(guide.Reason{Source: g[0].Source})...),
		))
	}
	body := []app.UI{app.H2().ID("why-heading").Class("heading-m").Text(w.words().Why.Heading)}
	if len(w.Reasons) == 0 {
		body = append(body, app.P().Text(w.words().Why.None))
	}
	if len(signs) > 0 {
		body = append(body, app.Ul().Class("list list--bullet why__list").Body(signs...))
	}
	if len(practitioner) > 0 {
		body = append(body,
			app.H3().Class("heading-s").Text(w.words().Why.Practitioner),
			app.Ul().Class("list list--bullet why__list").Body(practitioner...),
		)
	}
	return app.Section().Class("why").Aria("labelledby", "why-heading").Body(body...)
}

// sourceOf names the guideline a reason comes from, as a link when it has
// an address. The place in it (Reason.Where, such as a list's name) is for
// clinic staff, in SAFETY.md: it is written in the source's own words,
// which may name another country's services ("Call 999 or go to A&E") and
// are not in the visitor's language.
func (l Language) sourceOf(r guide.Reason) []app.UI {
	if r.Source.URL == "" {
		// The guide's own rule, in the visitor's language.
		return []app.UI{app.Text(l.words().Why.Source + l.words().Why.OwnRule)}
	}
	return []app.UI{
		app.Text(l.words().Why.Source),
		app.A().Href(r.Source.URL).Target("_blank").Rel("noopener noreferrer").Body(
			app.Text(r.Source.Title),
			app.Span().Class("visually-hidden").Text(" "+l.words().Common.NewTab),
		),
	}
}
