package site

import (
	"bytes"
	"html"
)

// staticForm readies a static host's question page for a visitor whose
// browser runs no JavaScript: such a host cannot take the answers (it can
// only serve files, and may log addresses), so the page's Continue button
// is disabled and a note says why, in the page's language. guide.js turns
// the button on as soon as it runs, before anything can be sent. A page
// without a question form is returned as it is.
func staticForm(page []byte, note string) []byte {
	button := nextButton(page)
	form := bytes.Index(page, []byte("<form "))
	if button < 0 || form < 0 || form > button {
		return page
	}
	end := form + bytes.IndexByte(page[form:], '>') + 1
	insert := []byte(`<noscript><p class="pending-note">` + html.EscapeString(note) + `</p></noscript>`)
	out := make([]byte, 0, len(page)+len(insert)+len(" disabled"))
	out = append(out, page[:end]...)
	out = append(out, insert...)
	out = append(out, page[end:button+len("<button")]...)
	out = append(out, " disabled"...)
	return append(out, page[button+len("<button"):]...)
}

// nextButton returns the offset of the question form's Continue button (the
// <button> named next, its attributes in any order), or -1.
func nextButton(page []byte) int {
	for off := 0; ; {
		i := bytes.Index(page[off:], []byte("<button"))
		if i < 0 {
			return -1
		}
		i += off
		end := bytes.IndexByte(page[i:], '>')
		if end < 0 {
			return -1
		}
		if bytes.Contains(page[i:i+end], []byte(`name="next"`)) {
			return i
		}
		off = i + end
	}
}
