package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// outcomeCard is the first thing on the result page: what to do now, and
// why. For an emergency it offers only the call; for urgent advice it offers
// the doctor and the urgent line; booking never comes first for either.
type outcomeCard struct {
	app.Compo

	// Result is the engine's result for the visitor's answers.
	Result guide.Result
}

// Render draws the card for the result's level.
func (c *outcomeCard) Render() app.UI {
	clinic := theGuide.Content().Clinic
	r := c.Result
	var heading string
	var body []app.UI
	switch {
	case r.Underage && r.Level < guide.Emergency:
		heading = "This guide is for adults"
		body = []app.UI{
			app.P().Text("Back pain in children and young people under 16 should be checked by a doctor. This guide cannot say what to do next, and acupuncture should not be booked through it."),
			app.P().Text("Contact your GP (doctor's surgery). If you cannot get an appointment, or you are worried, call " + clinic.Urgent.Service + "."),
			app.Div().Class("button-group").Body(
				app.A().Class("button button--urgent").Href("tel:" + clinic.Urgent.Number).Text(clinic.Urgent.Label),
			),
			emergencyLine(clinic),
		}
	case r.Level == guide.Emergency:
		heading = clinic.Emergency.Label + " now"
		body = []app.UI{
			app.P().Text("Your answers include a sign of a problem that needs help straight away. Do not wait, and do not book acupuncture."),
			reasons(r.Reasons, guide.Emergency),
			app.A().Class("button button--emergency").Href("tel:" + clinic.Emergency.Number).Text(clinic.Emergency.Label),
			app.P().Text("If you cannot call, go to the nearest emergency department."),
		}
	case r.Level == guide.Urgent:
		heading = "See a doctor today"
		body = []app.UI{
			app.P().Text("Your answers include a sign that a doctor should check today, before you try acupuncture."),
			reasons(r.Reasons, guide.Urgent),
			app.P().Text("Contact your doctor's surgery today, or call " + clinic.Urgent.Service + "."),
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
		heading = "See a GP in the next few days"
		body = []app.UI{
			app.P().Text("Your answers include something a GP should look at soon, before you try acupuncture. It is not an emergency."),
			reasons(r.Reasons, guide.Soon),
			app.P().Text("Book an appointment with your GP (doctor's surgery) for the next few days. If you cannot get one, or you get worse, call " + clinic.Urgent.Service + "."),
			emergencyLine(clinic),
		}
		if len(r.Notes) > 0 {
			body = append(body, notes("Later, before you book", r.Notes))
		}
	case r.Level == guide.Caution:
		heading = "Acupuncture may be possible: tell the practitioner first"
		body = []app.UI{
			app.P().Text("No warning signs in your answers need urgent care. Some of your answers mean the practitioner needs to know before your first session."),
			notes("Before you book", r.Notes),
			bookingButton(clinic),
		}
	default:
		heading = "No warning signs in your answers"
		body = []app.UI{
			app.P().Text("Nothing you told us needs urgent care. Read the information below that fits you. If you would like to try acupuncture, you can book a consultation to talk it through."),
			bookingButton(clinic),
		}
	}
	class := "outcome outcome--" + r.Level.String()
	if r.Underage && r.Level < guide.Emergency {
		class = "outcome outcome--underage"
	}
	return app.Section().Class(class).Aria("labelledby", headingID).Body(
		app.H1().ID(headingID).TabIndex(-1).Class("outcome__heading").Text(heading),
		app.Div().Class("outcome__body").Body(body...),
	)
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

// reasons lists what the visitor told us that led to the level.
func reasons(rs []guide.Reason, atLeast guide.Level) app.UI {
	var items []app.UI
	for _, r := range rs {
		if r.Level >= atLeast {
			items = append(items, app.Li().Text(r.Text))
		}
	}
	return app.Div().Class("outcome__reasons").Body(
		app.P().Text("You told us:"),
		app.Ul().Class("list list--bullet").Body(items...),
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
