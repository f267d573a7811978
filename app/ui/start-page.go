package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// startPage says what the guide does and starts it.
type startPage struct {
	app.Compo
}

// newStartPage returns the start page.
func newStartPage() *startPage { return &startPage{} }

// OnNav sets the page title and moves the focus.
func (p *startPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("Back pain guide – " + theGuide.Content().Clinic.Name)
	focusAfterNav(ctx)
}

// Render draws the start page.
func (p *startPage) Render() app.UI {
	c := theGuide.Content().Clinic
	first := guide.Step{Page: guide.QuestionPage, Question: theGuide.Questions()[0].ID}
	return newShell(
		app.H1().ID(headingID).TabIndex(-1).Class("heading-xl").Text("Back pain: is acupuncture right for you?"),
		app.P().Class("lead").Text("Answer a few questions about your back pain. We will show you the information that fits you and what to do next."),
		app.P().Text("Use this guide to find out:"),
		app.Ul().Class("list list--bullet").Body(
			app.Li().Text("whether you should get medical help first"),
			app.Li().Text("what acupuncture can and cannot do for your kind of back pain"),
			app.Li().Text("what to tell a practitioner before you book"),
		),
		app.P().Text(fmt.Sprintf("It takes about 2 minutes. There are %d questions.", len(theGuide.Questions()))),
		app.A().Class("button button--start").Href(Href(first, nil)).Draggable(false).Text("Start now"),
		app.H2().Class("heading-m").Text("Before you start"),
		app.P().Text("This guide is not a diagnosis and does not replace a doctor. Your answers are not stored or sent to the clinic. Once the guide has loaded, they stay on this device. Until then, the guide's own server may see them, but only to show you the next page, and it keeps nothing."),
		app.Div().Class("inset inset--warning").Body(
			app.P().Body(
				app.Strong().Text("If you have back pain with numbness around your bottom or genitals, new problems peeing, weakness in both legs, chest pain, or after a serious accident: "),
				app.A().Href("tel:"+c.Emergency.Number).Text(c.Emergency.Label+" now"),
				app.Text("."),
			),
		),
	)
}
