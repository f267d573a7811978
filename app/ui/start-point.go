package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// warnedStart is the address whose refused starting point was last
// reported, so that one address warns once.
var warnedStart string

// startAnswers returns the answers of the starting point in u
// (/?start=sciatica), which the start page's link carries to the questions.
// A refused starting point starts the guide with nothing chosen; in the
// browser it is reported to the web developer: a warning in the console
// and, inside a clinic's page, a message that embed.js repeats there.
func (l Language) startAnswers(u *url.URL) guide.Answers {
	id := u.Query().Get(guide.StartParam)
	a, err := l.guide().Start(id)
	if err != nil && app.IsClient && warnedStart != u.String() {
		warnedStart = u.String()
		app.Window().Get("console").Call("warn", err.Error())
		postToEmbedder("start-refused", id)
	}
	return a
}

// postToEmbedder tells the page that embeds the guide (embed.js) of event,
// with the embed's own start value: the frame's name says which embed it is
// and the page's origin, the only origin the message may go to. Outside
// such a frame it does nothing.
func postToEmbedder(event, start string) {
	w := app.Window()
	if w.Get("parent").Equal(w.JSValue()) {
		return
	}
	name := strings.Fields(w.Get("name").String())
	if len(name) < 3 || name[0] != "symptom-guide" {
		return
	}
	w.Get("parent").Call("postMessage", map[string]any{
		"type": "symptom-guide", "id": name[1], "event": event, "start": start,
	}, name[2])
}
