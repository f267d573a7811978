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

func main() {
	ui.Register(guide.MustNewAll(guidedata.Languages)...)
	// Read what the visitor did on the prerendered page before go-app
	// replaces it.
	ui.TakeOver()
	app.RunWhenOnBrowser()
}
