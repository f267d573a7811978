package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// headingID is the id of every page's main heading.
const headingID = "page-heading"

// arrived records whether the app has shown its first page. The first page
// keeps the focus where the browser put it; after that, each step moves the
// focus to the new heading so screen reader and keyboard users start there.
var arrived bool

// focusAfterNav moves the focus to the page heading after an in-app
// navigation, and does nothing on the first page or on the server.
func focusAfterNav(ctx app.Context) {
	if !app.IsClient {
		return
	}
	if !arrived {
		arrived = true
		return
	}
	focusID(ctx, headingID)
}

// focusID focuses the element with id once the current render is on screen.
func focusID(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}
