package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// outcomeCard is the first thing on the result page: what to do now. The
// answers that led there follow it, in whyResult. For an emergency it offers
// only the call; for urgent advice it offers the doctor and the urgent line;
// booking never comes first for either. For a caution it puts the notes
// right before the booking button.
type outcomeCard struct {
	app.Compo
	Language

	// Result is the engine's result for the visitor's answers.
	Result guide.Result
}

// outcomeWords is what the card says for a result in plain sentences: the
// heading, the lead that says what the answers mean, and, where the card
// says it apart from the lead, the action. The printed summary says the
// same words.
type outcomeWords struct {
	heading, lead, action string
}

// wordsFor returns the card's words for r, from the strings file.
func wordsFor(r guide.Result, o guide.OutcomeStrings) outcomeWords {
	level := func(l guide.OutcomeLevelStrings) outcomeWords {
		return outcomeWords{heading: l.Heading, lead: l.Lead, action: l.Action}
	}
	switch {
	case r.Underage && r.Level < guide.Emergency:
		return level(o.Underage)
	case r.Level == guide.Emergency:
		return level(o.Emergency)
	case r.Level == guide.Urgent:
		return level(o.Urgent)
	case r.Level == guide.Soon:
		return level(o.Soon)
	case r.Level == guide.Caution:
		return outcomeWords{heading: o.Caution.Heading, lead: o.Caution.Lead}
	}
	return outcomeWords{heading: o.Routine.Heading, lead: o.Routine.Lead}
}

// Render draws the card for the result's level.
func (c *outcomeCard) Render() app.UI {
	clinic := c.guide().Content().Clinic
	o := c.guide().Content().Strings.Outcome
	r := c.Result
	w := wordsFor(r, o)
	var body []app.UI
	switch {
	case r.Underage && r.Level < guide.Emergency:
		body = []app.UI{
			app.P().Text(w.lead),
			app.P().Text(w.action),
			urgentLinks(clinic, o.UrgentOnline),
			c.emergencyLine(clinic),
		}
	case r.Level == guide.Emergency:
		body = []app.UI{
			app.P().Text(w.lead),
			app.A().Class("button button--emergency").Href("tel:" + clinic.Emergency.Number).Text(clinic.Emergency.Label),
			app.P().Text(w.action),
		}
	case r.Level == guide.Urgent:
		body = []app.UI{
			app.P().Text(w.lead),
			app.P().Text(w.action),
			urgentLinks(clinic, o.UrgentOnline),
			c.emergencyLine(clinic),
		}
		if len(r.Notes) > 0 {
			body = append(body, notes(o.NotesLater, r.Notes))
		}
	case r.Level == guide.Soon:
		body = []app.UI{
			app.P().Text(w.lead),
			app.P().Text(w.action),
			c.emergencyLine(clinic),
		}
		if len(r.Notes) > 0 {
			body = append(body, notes(o.NotesLater, r.Notes))
		}
	case r.Level == guide.Caution:
		body = []app.UI{
			app.P().Text(w.lead),
			notes(o.NotesFirst, r.Notes),
			c.bookingButton(clinic),
		}
	default:
		body = []app.UI{
			app.P().Text(w.lead),
			c.bookingButton(clinic),
		}
	}
	return app.Section().Class(outcomeClass(r)).Aria("labelledby", headingID).Body(
		app.H1().ID(headingID).TabIndex(-1).Class("outcome__heading").Text(w.heading),
		app.Div().Class("outcome__body").Body(body...),
	)
}

// outcomeClass returns the card's classes for r's level.
func outcomeClass(r guide.Result) string {
	if r.Underage && r.Level < guide.Emergency {
		return "outcome outcome--underage"
	}
	return "outcome outcome--" + r.Level.String()
}

// urgentLinks offers the urgent line: a call button where the country has
// a number, and its web site where it has one. Where it has neither (an
// urgent care center in the US) the action sentence above says where to go.
func urgentLinks(clinic guide.Clinic, online string) app.UI {
	return app.Div().Class("button-group").Body(
		app.If(clinic.Urgent.Number != "", func() app.UI {
			return app.A().Class("button button--urgent").Href("tel:" + clinic.Urgent.Number).Text(clinic.Urgent.Label)
		}),
		app.If(clinic.Urgent.URL != "", func() app.UI {
			return app.A().Class("link-external").Href(clinic.Urgent.URL).Target("_blank").Rel("noopener noreferrer").Text(online)
		}),
	)
}

// emergencyLine tells the visitor which new signs mean calling the
// emergency number instead.
func (l Language) emergencyLine(clinic guide.Clinic) app.UI {
	o := l.words().Outcome
	before, after := around(o.Worse, "link")
	return app.P().Body(
		app.Text(before),
		app.A().Href("tel:"+clinic.Emergency.Number).Text(o.WorseLink),
		app.Text(after),
	)
}

// notes lists what each caution answer asks the visitor to do.
func notes(heading string, ns []guide.Note) app.UI {
	var items []app.UI
	for _, n := range ns {
		items = append(items, app.Li().Body(
			app.Strong().Text(n.Label+". "),
			app.Text(n.Text),
		))
	}
	return app.Div().Class("outcome__notes").Body(
		app.H2().Class("heading-s").Text(heading),
		app.Ul().Class("list list--notes").Body(items...),
	)
}

// bookingButton is the clinic's booking link as the main call to action.
func (l Language) bookingButton(c guide.Clinic) app.UI {
	return app.A().Class("button button--book").Href(c.Booking.URL).Target("_blank").Rel("noopener").
		DataSet("booking", "primary").Body(
		app.Text(c.Booking.Label),
		app.Span().Class("visually-hidden").Text(" "+l.words().Common.NewTab),
	)
}
