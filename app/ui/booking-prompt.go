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
	Language

	// Mode says how booking shows.
	Mode guide.BookingMode
}

// Render draws the prompt.
func (b *bookingPrompt) Render() app.UI {
	c := b.guide().Content().Clinic
	switch b.Mode {
	case guide.BookingHidden:
		return app.Div().Class("booking booking--hidden")
	case guide.BookingSecondary:
		return app.Section().Class("booking booking--secondary").Aria("labelledby", "booking-heading").Body(
			app.H2().ID("booking-heading").Class("heading-m").Text(b.words().Booking.AfterHeading),
			app.P().Text(b.words().Booking.AfterLead),
			app.P().Body(
				app.A().Href(c.Booking.URL).Target("_blank").Rel("noopener").DataSet("booking", "secondary").Text(b.words().Booking.AfterLink),
			),
		)
	}
	callBefore, callAfter := around(b.words().Booking.Call, "phone")
	return app.Section().Class("booking").Aria("labelledby", "booking-heading").Body(
		app.H2().ID("booking-heading").Class("heading-m").Text(b.words().Booking.Heading),
		app.P().Text(b.words().Booking.Lead),
		b.bookingButton(c),
		app.P().Body(
			app.Text(callBefore),
			app.A().Href("tel:"+telDigits(c.Booking.Phone)).Text(c.Booking.Phone),
			app.Text(callAfter),
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
