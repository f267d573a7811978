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

	// Here is the page's address in the default language, such as
	// /q/pain?age=20-49: the links to the page in the clinic's other
	// languages put their prefix before it, so the answers come along.
	// Empty for a page with no such twin.
	Here string
	// Content is the page's own content, shown in the main landmark.
	Content []app.UI

	// suggested is the language the browser prefers, when it is another
	// of the clinic's: its link then stands out, as the Go server's first
	// page did for the same Accept-Language. Never a redirect.
	suggested       string
	updateAvailable bool
}

// OnMount notes an update that arrived before this page was shown, and
// gives the document the page's language.
func (s *shell) OnMount(ctx app.Context) {
	s.updateAvailable = ctx.AppUpdateAvailable()
	s.setLang()
	s.suggest()
}

// suggest notes the language the browser prefers, from navigator.languages,
// when the clinic offers it and this page is in another.
func (s *shell) suggest() {
	if !app.IsClient || len(languages) < 2 {
		return
	}
	list := app.Window().Get("navigator").Get("languages")
	var prefs []string
	for i := range list.Length() {
		prefs = append(prefs, list.Index(i).String())
	}
	if p := Preferred(prefs); p != "" && p != s.lang().tag {
		s.suggested = p
	}
}

// OnNav gives the document the language of the page navigated to: the
// prerendered page had it from the server, but the app moves between
// languages without loading a new document.
func (s *shell) OnNav(ctx app.Context) {
	s.setLang()
	s.suggest()
}

// setLang sets <html lang> to the page's language.
func (s *shell) setLang() {
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Set("lang", s.lang().tag)
	}
}

// OnAppUpdate shows the update notice once a new version has been
// downloaded and is ready.
func (s *shell) OnAppUpdate(ctx app.Context) {
	s.updateAvailable = ctx.AppUpdateAvailable()
}

// newShell returns the layout around content.
func newShell(l Language, here string, content ...app.UI) *shell {
	return &shell{Language: l, Here: here, Content: content}
}

// otherLanguages links to this page in each of the clinic's other
// languages, each link in its own language's words, with lang and hreflang
// so browsers and screen readers read it in that language.
func (s *shell) otherLanguages() app.UI {
	if s.Here == "" || len(languages) < 2 {
		return nil
	}
	var links []app.UI
	for _, l := range languages {
		if l.tag == s.lang().tag {
			continue
		}
		name := l.guide.Content().Strings.Common.Language
		links = append(links, app.A().Class("lang-switch__link").Href(prefixed(l.prefix, s.Here)).
			Attr("lang", l.tag).Attr("hreflang", l.tag).Text(name))
	}
	return app.P().Class(classes("lang-switch", "lang-switch--suggested", s.suggested != "")).Body(links...)
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
		// Outside the header, which an embedding page hides.
		s.otherLanguages(),
		app.Main().ID("main").Class("main").Body(s.Content...),
		app.Footer().Class("site-footer").Body(
			app.P().Text(s.words().Footer.Text),
		),
	)
}
