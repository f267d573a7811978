package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageState is what the visitor did on the prerendered page before the app
// started. go-app replaces the page's body when it mounts, so TakeOver reads
// the page first and the first page the app shows starts from it.
type pageState struct {
	taken   bool
	claimed bool
	path    string
	checked map[string][]string
	focusID string
	scrollX float64
	scrollY float64
	// pending is set when Continue was pressed on a static host, where the
	// form waits for the app instead of going to the host.
	pending bool
}

// handover holds the prerendered page's state until the first page uses it.
var handover pageState

// TakeOver reads the prerendered page's state: the ticked options, the
// focused element, the scroll position and a Continue waiting for the app.
// cmd/app calls it once, before go-app starts; on the server it does nothing.
func TakeOver() {
	if !app.IsClient {
		return
	}
	win := app.Window()
	doc := win.Get("document")
	handover = pageState{taken: true, checked: map[string][]string{}}
	handover.path = win.Get("location").Get("pathname").String()
	inputs := doc.Call("querySelectorAll", "main form input:checked")
	for i := range inputs.Length() {
		in := inputs.Index(i)
		name := in.Get("name").String()
		handover.checked[name] = append(handover.checked[name], in.Get("value").String())
	}
	if active := doc.Get("activeElement"); active.Truthy() && active.Get("id").String() != "" {
		handover.focusID = active.Get("id").String()
	}
	handover.scrollX = win.Get("scrollX").Float()
	handover.scrollY = win.Get("scrollY").Float()
	handover.pending = doc.Call("querySelector", "main form[data-pending]").Truthy()
}

// claim returns, once, what the visitor did on the prerendered page at path:
// the options ticked for question if they changed them (touched), and
// whether Continue was waiting for the app. Later pages read the URL only.
func (h *pageState) claim(path, question string) (checked []string, touched, pending bool) {
	if !h.taken || h.claimed || h.path != path {
		return nil, false, false
	}
	h.claimed = true
	checked, touched = h.checked[question]
	return checked, touched, h.pending
}

// restore puts the focus and the scroll position back where they were on
// the prerendered page.
func (h *pageState) restore() {
	if !h.taken {
		return
	}
	win := app.Window()
	win.Call("scrollTo", h.scrollX, h.scrollY)
	if h.focusID != "" {
		if el := win.GetElementByID(h.focusID); el.Truthy() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	}
}
