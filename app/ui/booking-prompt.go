package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// bookingPrompt closes the result page with the clinic's booking link and
// phone. After urgent advice it is clearly secondary; after an emergency it
// is not drawn at all.
type bookingPrompt struct {
	app.Compo

	// Mode says how booking shows.
	Mode guide.BookingMode
}

// Render draws the prompt.
func (b *bookingPrompt) Render() app.UI {
	c := theGuide.Content().Clinic
	switch b.Mode {
	case guide.BookingHidden:
		return app.Div().Class("booking booking--hidden")
	case guide.BookingSecondary:
		return app.Section().Class("booking booking--secondary").Aria("labelledby", "booking-heading").Body(
			app.H2().ID("booking-heading").Class("heading-m").Text("Booking with "+c.Name),
			app.P().Text("Please see a doctor first. Once a doctor has checked you and said it is safe, you can book with us."),
			app.P().Body(
				app.A().Href(c.Booking.URL).Target("_blank").Rel("noopener").DataSet("booking", "secondary").Text("Book later, after seeing a doctor (opens in a new tab)"),
			),
		)
	}
	return app.Section().Class("booking").Aria("labelledby", "booking-heading").Body(
		app.H2().ID("booking-heading").Class("heading-m").Text("Book a consultation with "+c.Name),
		app.P().Text("At your first visit the practitioner asks about your health and your back pain, and tells you honestly whether acupuncture is worth trying."),
		bookingButton(c),
		app.P().Body(
			app.Text("Or call us on "),
			app.A().Href("tel:"+telDigits(c.Booking.Phone)).Text(c.Booking.Phone),
			app.Text("."),
		),
	)
}

// telDigits strips a displayed phone number down to what a tel: link takes.
func telDigits(s string) string {
	var b []rune
	for _, r := range s {
		if r == '+' || r >= '0' && r <= '9' {
			b = append(b, r)
		}
	}
	return string(b)
}
