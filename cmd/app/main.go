// Command app is the guide's browser program, compiled to web/app.wasm. It
// holds only client code: the component tree, the engine and the compiled
// content. The server is a separate program (cmd/server).
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/app/ui"
)

// main starts the app in three tasks, with a yield to the browser between
// them (see yield): the first is the module's instantiation and Go's
// runtime and package initialisation, which run before main; the second
// builds the engines and registers the routes; the third reads the
// prerendered page and lets go-app replace it. Meanwhile the prerendered
// page stays usable, and guide.js keeps handling it (see holdLoader).
func main() {
	releaseLoader := holdLoader()
	yield()

	ui.Register(guide.MustNewAll(guidedata.Languages)...)
	yield()

	// Read what the visitor did on the prerendered page before go-app
	// replaces it, in the same task, so nothing they do in between is lost.
	ui.TakeOver()
	// This goroutine runs when main first blocks, in go-app's loop once the
	// page is mounted and before Go returns to the browser: when app.js
	// removed the loader before main yielded.
	go releaseLoader()
	app.RunWhenOnBrowser()
}
