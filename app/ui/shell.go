package ui

import (
	"html"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shell is the layout every page shares: a skip link, the clinic's header,
// the page's content and a footer with the privacy promise.
type shell struct {
	app.Compo
	Language

	// Content is the page's own content, shown in the main landmark.
	Content []app.UI

	updateAvailable bool
}

// OnMount notes an update that arrived before this page was shown.
func (s *shell) OnMount(ctx app.Context) {
	s.updateAvailable = ctx.AppUpdateAvailable()
}

// OnAppUpdate shows the update notice once a new version has been
// downloaded and is ready.
func (s *shell) OnAppUpdate(ctx app.Context) {
	s.updateAvailable = ctx.AppUpdateAvailable()
}

// newShell returns the layout around content.
func newShell(l Language, content ...app.UI) *shell {
	return &shell{Language: l, Content: content}
}

// Render draws the layout.
func (s *shell) Render() app.UI {
	c := s.guide().Content().Clinic
	return app.Div().Class("page").Body(
		app.A().Class("skip-link").Href("#main").Text(s.words().Common.SkipToMain),
		// The notice has a slot of its own, so the page does not shift and
		// get rebuilt when it appears.
		app.Div().Class("update-slot").Body(
			app.If(s.updateAvailable, func() app.UI {
				// The answers live in the URL, so reloading keeps them.
				return app.Div().Class("update-notice").Role("status").Body(
					app.P().Text(s.words().Update.Text),
					app.Button().Type("button").Class("button button--secondary").Text(s.words().Update.Reload).
						OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
				)
			}),
		),
		app.Header().Class("site-header").Body(
			app.Div().Class("site-header__inner").Body(
				// The clinic's name follows, so the logo is decoration:
				// alt="". go-app leaves out attributes with empty values
				// (Alt("") writes no alt at all), hence the raw tag.
				app.Raw(`<img class="site-header__logo" src="/web/`+html.EscapeString(c.Logo)+`" alt="" width="40" height="40">`),
				app.Span().Class("site-header__name").Text(c.Name),
			),
		),
		app.Main().ID("main").Class("main").Body(s.Content...),
		app.Footer().Class("site-footer").Body(
			app.P().Text(s.words().Footer.Text),
		),
	)
}
