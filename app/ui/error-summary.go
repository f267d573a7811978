package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// errorSummaryID is the id of the error summary, which takes the focus when
// it appears so screen readers announce it.
const errorSummaryID = "error-summary"

// errorSummary draws the GOV.UK style "There is a problem" box with a link
// to the field at fault.
func (l Language) errorSummary(message, fieldID string) app.UI {
	return app.Div().ID(errorSummaryID).Class("error-summary").TabIndex(-1).
		Aria("labelledby", errorSummaryID+"-title").Role("alert").Body(
		app.H2().ID(errorSummaryID+"-title").Class("error-summary__title").Text(l.words().Errors.Summary),
		app.Ul().Class("list error-summary__list").Body(
			app.Li().Body(app.A().Href("#"+fieldID).Text(message)),
		),
	)
}
