package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// headingID is the id of every page's main heading.
const headingID = "page-heading"

// arrived records whether the app has shown its first page.
var arrived bool

// focusAfterNav runs after each page's OnNav. On the first page the app
// shows, it restores what the visitor did on the prerendered page (focus and
// scroll; the ticks are read by the page itself) and marks the document as
// run by the app. After that, each step moves the focus to the new heading,
// so screen reader and keyboard users start there. focus names another
// element to focus instead, such as the error summary.
func focusAfterNav(ctx app.Context, focus ...string) {
	if !app.IsClient {
		return
	}
	if !arrived {
		arrived = true
		ctx.Defer(func(app.Context) {
			handover.restore()
			app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "running")
		})
		if len(focus) == 0 {
			return
		}
	}
	id := headingID
	if len(focus) > 0 {
		id = focus[0]
	}
	focusID(ctx, id)
}

// focusID focuses the element with id once the current render is on screen.
func focusID(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}
