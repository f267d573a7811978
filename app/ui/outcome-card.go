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

// wordsFor returns the card's words for r.
func wordsFor(r guide.Result, clinic guide.Clinic) outcomeWords {
	switch {
	case r.Underage && r.Level < guide.Emergency:
		return outcomeWords{
			heading: "This guide is for adults",
			lead:    "Back pain in children and young people under 16 should be checked by a doctor. This guide cannot say what to do next, and acupuncture should not be booked through it.",
			action:  "Contact your GP (doctor's surgery). If you cannot get an appointment, or you are worried, call " + clinic.Urgent.Service + ".",
		}
	case r.Level == guide.Emergency:
		return outcomeWords{
			heading: clinic.Emergency.Label + " now",
			lead:    "Your answers include a sign of a problem that needs help straight away. Do not wait, and do not book acupuncture.",
			action:  "If you cannot call, go to the nearest emergency department.",
		}
	case r.Level == guide.Urgent:
		return outcomeWords{
			heading: "See a doctor today",
			lead:    "Your answers include a sign that a doctor should check today, before you try acupuncture.",
			action:  "Contact your doctor's surgery today, or call " + clinic.Urgent.Service + ".",
		}
	case r.Level == guide.Soon:
		return outcomeWords{
			heading: "See a GP in the next few days",
			lead:    "Your answers include something a GP should look at soon, before you try acupuncture. It is not an emergency.",
			action:  "Book an appointment with your GP (doctor's surgery) for the next few days. If you cannot get one, or you get worse, call " + clinic.Urgent.Service + ".",
		}
	case r.Level == guide.Caution:
		return outcomeWords{
			heading: "Acupuncture may be possible: tell the practitioner first",
			lead:    "No warning signs in your answers need urgent care. Some of your answers mean the practitioner needs to know before your first session.",
		}
	}
	return outcomeWords{
		heading: "No warning signs in your answers",
		lead:    "Nothing you told us needs urgent care. Read the information below that fits you. If you would like to try acupuncture, you can book a consultation to talk it through.",
	}
}

// Render draws the card for the result's level.
func (c *outcomeCard) Render() app.UI {
	clinic := theGuide.Content().Clinic
	r := c.Result
	w := wordsFor(r, clinic)
	var body []app.UI
	switch {
	case r.Underage && r.Level < guide.Emergency:
		body = []app.UI{
			app.P().Text(w.lead),
			app.P().Text(w.action),
			app.Div().Class("button-group").Body(
				app.A().Class("button button--urgent").Href("tel:" + clinic.Urgent.Number).Text(clinic.Urgent.Label),
			),
			emergencyLine(clinic),
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
			app.Div().Class("button-group").Body(
				app.A().Class("button button--urgent").Href("tel:"+clinic.Urgent.Number).Text(clinic.Urgent.Label),
				app.If(clinic.Urgent.URL != "", func() app.UI {
					return app.A().Class("link-external").Href(clinic.Urgent.URL).Target("_blank").Rel("noopener noreferrer").Text(clinic.Urgent.Service + " online (opens in a new tab)")
				}),
			),
			emergencyLine(clinic),
		}
		if len(r.Notes) > 0 {
			body = append(body, notes("Later, before you book", r.Notes))
		}
	case r.Level == guide.Soon:
		body = []app.UI{
			app.P().Text(w.lead),
			app.P().Text(w.action),
			emergencyLine(clinic),
		}
		if len(r.Notes) > 0 {
			body = append(body, notes("Later, before you book", r.Notes))
		}
	case r.Level == guide.Caution:
		body = []app.UI{
			app.P().Text(w.lead),
			notes("Before you book", r.Notes),
			bookingButton(clinic),
		}
	default:
		body = []app.UI{
			app.P().Text(w.lead),
			bookingButton(clinic),
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

// emergencyLine tells the visitor which new signs mean calling the
// emergency number instead.
func emergencyLine(clinic guide.Clinic) app.UI {
	return app.P().Body(
		app.Text("If you get worse, or notice numbness around your bottom or genitals, problems peeing or weakness in both legs, "),
		app.A().Href("tel:"+clinic.Emergency.Number).Text(lower(clinic.Emergency.Label)),
		app.Text(" now."),
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
func bookingButton(c guide.Clinic) app.UI {
	return app.A().Class("button button--book").Href(c.Booking.URL).Target("_blank").Rel("noopener").
		DataSet("booking", "primary").Body(
		app.Text(c.Booking.Label),
		app.Span().Class("visually-hidden").Text(" (opens in a new tab)"),
	)
}
