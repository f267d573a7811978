package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// yield returns to the browser's event loop and carries on in a task of its
// own, so that the app's start is several shorter tasks instead of one long
// one: between them the browser handles the visitor's input and paints.
//
// Go's WebAssembly scheduler returns to JavaScript whenever every goroutine
// is blocked; main blocks here until the browser calls back. It calls back
// through scheduler.yield() where there is one, which puts the rest of the
// start ahead of other waiting tasks and is not slowed down in a
// background tab, and else through a zero-delay timer.
func yield() {
	if !app.IsClient {
		return
	}
	resumed := make(chan struct{})
	resume := app.FuncOf(func(app.Value, []app.Value) any {
		close(resumed)
		return nil
	})
	if s := app.Window().Get("scheduler"); s.Truthy() && s.Get("yield").Truthy() {
		s.Call("yield").Call("then", resume)
	} else {
		app.Window().Call("setTimeout", resume, 0)
	}
	<-resumed
	resume.Release()
}

// loaderID is the id of go-app's loading bar in the prerendered page.
const loaderID = "app-wasm-loader"

// holdLoader keeps go-app's loader in the page until the app has taken it
// over, and returns the function that removes it then.
//
// app.js removes the loader as soon as main first returns to the browser,
// which the first yield now does long before the page is mounted, and
// guide.js reads a page without the loader as one the app runs: until
// then it keeps the options and the static host's navigation working. So
// the loader's remove does nothing until the returned function runs, and
// the loading bar stays while the app starts.
func holdLoader() (release func()) {
	if !app.IsClient {
		return func() {}
	}
	loader := app.Window().GetElementByID(loaderID)
	if !loader.Truthy() {
		return func() {}
	}
	keep := app.FuncOf(func(app.Value, []app.Value) any { return nil })
	// An own property of this element, so no other element changes.
	loader.Set("remove", keep)
	return func() {
		// The element's own remove, which the property above hides.
		app.Window().Get("Element").Get("prototype").Get("remove").Call("call", loader)
		keep.Release()
	}
}
