package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// now returns the time the printed summary is dated; tests replace it.
var now = time.Now

// printSummary is the result on one sheet, to bring to an appointment:
// the clinic, the date, the outcome and what to do, why, the notes for the
// practitioner, the answers and the sections to read with their addresses.
// It is hidden on screen and is all that prints (web/guide.css); it holds
// no article text.
type printSummary struct {
	app.Compo
	Language

	// Result is the engine's result for Answers.
	Result  guide.Result
	Answers guide.Answers
	// Origin is the page's scheme and host, such as https://guide.example,
	// for the articles' full addresses; empty when unknown (the server),
	// then the addresses are paths.
	Origin string
}

// Render draws the summary.
func (p *printSummary) Render() app.UI {
	clinic := p.guide().Content().Clinic
	r := p.Result
	w := wordsFor(r, p.guide().Content().Strings.Outcome)
	body := []app.UI{
		app.P().Class("print-summary__clinic").Body(
			app.Span().Body(
				app.Strong().Text(clinic.Name),
				app.Text(" · "+clinic.Booking.Phone),
			),
			app.Span().Text(p.dateText(now())),
		),
		app.H2().Class("print-summary__title").Text(p.words().Print.Title),
		app.P().Class("print-summary__outcome").Text(w.heading),
		app.P().Text(strings.TrimSpace(w.lead + " " + w.action)),
		app.H3().Text(p.words().Print.Why),
	}
	// The warning signs with their sources; the answers the practitioner
	// must know come with their notes below, each said once.
	var signs []app.UI
	for _, rs := range r.Reasons {
		if rs.Level > guide.Caution {
			signs = append(signs, app.Li().Body(app.Text(rs.Text+" "), sourceName(rs)))
		}
	}
	if len(signs) > 0 {
		body = append(body, app.Ul().Body(signs...))
	} else {
		body = append(body, app.P().Text(p.words().Print.None))
	}
	if len(r.Notes) > 0 {
		var items []app.UI
		for _, n := range r.Notes {
			parts := []app.UI{app.Strong().Text(n.Label + ". "), app.Text(n.Text + " ")}
			if i := slices.IndexFunc(r.Reasons, func(rs guide.Reason) bool { return rs.Question == n.Question && rs.Option == n.Option }); i >= 0 {
				parts = append(parts, sourceName(r.Reasons[i]))
			}
			items = append(items, app.Li().Body(parts...))
		}
		body = append(body, app.H3().Text(p.words().Print.Practitioner), app.Ul().Body(items...))
	}
	var answers []app.UI
	for _, q := range p.guide().Questions() {
		if !p.Answers.Answered(q.ID) {
			continue
		}
		var labels []string
		for _, id := range p.Answers[q.ID] {
			o, _ := p.guide().Option(q.ID, id)
			labels = append(labels, o.Label)
		}
		answers = append(answers, app.Li().Body(app.Strong().Text(q.Summary+": "), app.Text(strings.Join(labels, "; "))))
	}
	body = append(body, app.H3().Text(p.words().Print.Answers), app.Ul().Body(answers...))
	// The articles are written for adults: a child's result names none.
	if len(r.ForYou) > 0 && !r.Underage {
		heading := p.words().Print.Read
		if r.CareFirst {
			heading = p.words().Print.ReadLater
		}
		arts := p.guide().Content().Articles
		var items []app.UI
		for _, s := range r.ForYou {
			items = append(items, app.Li().Body(
				app.Text(s.Title+": "),
				app.Span().Class("print-summary__url").Text(p.Origin+p.articleHref(arts[s.Article], "")),
			))
		}
		body = append(body, app.H3().Text(heading), app.Ul().Body(items...))
	}
	body = append(body, app.P().Class("print-summary__footer").Text(p.words().Print.Footer))
	return app.Div().Class("print-summary").Body(body...)
}

// sourceName names the guideline a reason comes from, for print.
func sourceName(r guide.Reason) app.UI {
	return app.Span().Class("print-summary__source").Text("(" + r.Source.Title + ")")
}

// dateText writes day t as the strings file's print.date says, with the
// month's name from print.months.
func (l Language) dateText(t time.Time) string {
	w := l.words().Print
	month := t.Month().String()
	if len(w.Months) == 12 {
		month = w.Months[t.Month()-1]
	}
	return fill(w.Date, "day", strconv.Itoa(t.Day()), "month", month, "year", strconv.Itoa(t.Year()))
}
