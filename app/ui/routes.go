// Package ui is the guide's go-app component tree. The same components run
// in the browser (compiled to app.wasm) and prerender on the server. They
// read the visitor's answers from the page URL and show what the engine in
// package guide decides; no rule lives here.
package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// The guide's paths. Answers ride along in the query string.
const (
	startPath    = "/"
	questionPath = "/q/"
	checkPath    = "/check"
	resultPath   = "/result"
	// articlesPath lists the clinic's articles; each article is at
	// articlesPath/<slug>. Article pages never carry answers.
	articlesPath = "/articles"
	// decidedPath holds, in the static export only, the result page of
	// each answer that decides the outcome on its own, at
	// decidedPath<question>/<option>: a static host shows it at once,
	// before the app runs (see Decided).
	decidedPath = "/decided/"
)

// The query parameters the guide uses besides the answers; package guide
// owns them, so that no question id can take their names.
const (
	changeParam = guide.ChangeParam
	nextParam   = guide.NextParam
)

// Language is the language a component shows. A page takes it from its
// route and passes it to every component it holds; each component embeds
// it, and reads its engine, its words and its addresses through it.
type Language struct {
	// Tag is one of the clinic's languages, such as es-US.
	Tag string
}

// language is one of the clinic's languages as the pages use it.
type language struct {
	guide *guide.Guide
	tag   string
	// prefix is the address prefix of its pages: "" for the default
	// language, "/es" for es-US.
	prefix string
}

// languages are the clinic's languages, the default first. Register sets
// them once, before any page renders; nothing changes them after, so pages
// rendering at once on the server read them safely.
var languages []*language

// lang returns the language l names, or the default one.
func (l Language) lang() *language {
	for _, x := range languages {
		if x.tag == l.Tag {
			return x
		}
	}
	return languages[0]
}

// path returns path (a path of the default language, such as /articles)
// in l.
func (l Language) path(path string) string { return prefixed(l.lang().prefix, path) }

// prefixed puts a language's prefix before p, an address in the default
// language. The start page of another language is the bare prefix (/es,
// not /es/): every static host serves it from es.html, as it serves
// /articles from articles.html.
func prefixed(prefix, p string) string {
	if prefix == "" {
		return p
	}
	if p == startPath || strings.HasPrefix(p, startPath+"?") {
		return prefix + p[len(startPath):]
	}
	return prefix + p
}

// guide returns the engine with the content in l.
func (l Language) guide() *guide.Guide { return l.lang().guide }

// words returns the strings file's words in l.
func (l Language) words() *guide.Strings { return &l.lang().guide.Content().Strings }

// Register routes the guide's pages in each language of gs, the default
// first: the default language's pages at /, /q/pain ..., each other's under
// the prefix of its primary language subtag: /es/, /es/q/pain .... The
// server and the browser both call it, so every URL prerenders the same
// page the app later runs.
func Register(gs ...*guide.Guide) {
	languages = nil
	for i, g := range gs {
		tag := g.Content().Clinic.Lang
		l := &language{guide: g, tag: tag}
		if i > 0 {
			primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
			l.prefix = "/" + primary
		}
		languages = append(languages, l)
	}
	for _, l := range languages {
		lang := Language{Tag: l.tag}
		app.Route(lang.path(startPath), func() app.Composer { return newStartPage(lang) })
		if l.prefix != "" {
			// /es/ is the same page as /es on the Go server.
			app.Route(l.prefix+startPath, func() app.Composer { return newStartPage(lang) })
		}
		app.RouteWithRegexp("^"+l.prefix+questionPath+"[a-z0-9-]+$", func() app.Composer { return newQuestionPage(lang) })
		app.Route(l.prefix+checkPath, func() app.Composer { return newCheckPage(lang) })
		app.Route(l.prefix+resultPath, func() app.Composer { return newResultPage(lang) })
		app.Route(l.prefix+articlesPath, func() app.Composer { return newArticleIndexPage(lang) })
		// One route per article, so an unknown slug is no page at all.
		for i, a := range l.guide.Content().Articles {
			app.Route(lang.articleHref(a, ""), func() app.Composer { return newArticlePage(lang, i) })
		}
	}
}

// Paths returns the path of every page of the guide in every language, for
// the static export and the service worker.
func Paths() []string {
	paths := IndexablePaths()
	for _, l := range languages {
		for _, q := range l.guide.Questions() {
			paths = append(paths, l.prefix+questionPath+q.ID)
		}
		paths = append(paths, l.prefix+checkPath, l.prefix+resultPath)
	}
	return paths
}

// Decided returns, in every language, the result pages the static export
// writes for the answers that decide the outcome on their own (an emergency
// sign, an age under 16): each file's address, such as
// /decided/emergency/chest-pain, mapped to the result's address with that
// one answer. Before the app runs, guide.js shows the file's page for such
// an answer (the option's data-decides names it) and puts the result's
// address in the address bar; the app, once it runs, shows the result for
// every answer given.
func Decided() map[string]string {
	out := map[string]string{}
	for _, l := range languages {
		lang := Language{Tag: l.tag}
		for _, q := range l.guide.Questions() {
			for _, o := range q.Options {
				if l.guide.Decides(q.ID, o.ID) {
					out[lang.decided(q.ID, o.ID)] = lang.href(guide.Step{Page: guide.ResultPage}, guide.Answers{q.ID: {o.ID}})
				}
			}
		}
	}
	return out
}

// DecidedFolders returns the folder of the pages of Decided in each
// language, such as /decided/ and /es/decided/.
func DecidedFolders() []string {
	var out []string
	for _, l := range languages {
		out = append(out, Language{Tag: l.tag}.path(decidedPath))
	}
	return out
}

// decided returns the address of the export's result page for option of
// question, an answer that decides the outcome on its own.
func (l Language) decided(question, option string) string {
	return l.path(decidedPath + question + "/" + option)
}

// IndexablePaths returns the paths of the pages that never carry answers and
// that search engines may list, in every language: the start page, the
// article index and each article. The sitemap lists them.
func IndexablePaths() []string {
	var paths []string
	for _, l := range languages {
		lang := Language{Tag: l.tag}
		paths = append(paths, lang.path(startPath), l.prefix+articlesPath)
		for _, a := range l.guide.Content().Articles {
			paths = append(paths, lang.articleHref(a, ""))
		}
	}
	return paths
}

// RobotsRules returns the robots.txt path patterns crawlers may and may not
// follow: the start pages and the articles are allowed; the questions, the
// check pages and the results are not, as their URLs carry a visitor's
// answers.
func RobotsRules() (allow, disallow []string) {
	for _, l := range languages {
		allow = append(allow, prefixed(l.prefix, startPath)+"$", l.prefix+articlesPath)
		disallow = append(disallow, l.prefix+questionPath, l.prefix+checkPath, l.prefix+resultPath, l.prefix+decidedPath)
	}
	return allow, disallow
}

// languageAt returns the language of the page at path and the path without
// its language prefix.
func languageAt(path string) (Language, string) {
	for _, l := range languages[1:] {
		if path == l.prefix {
			return Language{Tag: l.tag}, startPath
		}
		if rest, ok := strings.CutPrefix(path, l.prefix); ok && strings.HasPrefix(rest, "/") {
			return Language{Tag: l.tag}, rest
		}
	}
	return Language{Tag: languages[0].tag}, path
}

// Prefix returns the address prefix of the pages in language tag: "" for
// the default language, such as /es for es-US.
func Prefix(tag string) string { return Language{Tag: tag}.lang().prefix }

// PathIn returns path, an address in the default language such as
// /q/pain?age=20-49, in language tag.
func PathIn(tag, path string) string { return prefixed(Prefix(tag), path) }

// Preferred returns the clinic's language a visitor who reads the
// languages prefs (most preferred first, as Accept-Language or
// navigator.languages lists them) would choose: the first that the clinic
// offers with the same tag, or else with the same primary language. It
// returns "" when the clinic offers none of them.
func Preferred(prefs []string) string {
	for _, p := range prefs {
		p = strings.ToLower(strings.TrimSpace(p))
		if p == "" || p == "*" {
			continue
		}
		for _, l := range languages {
			if strings.ToLower(l.tag) == p {
				return l.tag
			}
		}
		primary, _, _ := strings.Cut(p, "-")
		for _, l := range languages {
			if lp, _, _ := strings.Cut(strings.ToLower(l.tag), "-"); lp == primary {
				return l.tag
			}
		}
	}
	return ""
}

// LangAt returns the language tag of the page at path, such as es-US.
func LangAt(path string) string {
	l, _ := languageAt(path)
	return l.Tag
}

// IsPage reports whether path is a page of the guide in one of its
// languages: a step, the article index or an article.
func IsPage(path string) bool {
	l, rest := languageAt(path)
	if _, ok := l.stepAt(rest); ok {
		return true
	}
	if rest == articlesPath {
		return true
	}
	for _, a := range l.guide().Content().Articles {
		if path == l.articleHref(a, "") {
			return true
		}
	}
	return false
}

// articleHref returns the address of article a in l, at its section with
// id section when that is not empty. It never carries answers.
func (l Language) articleHref(a guide.Article, section string) string {
	href := l.lang().prefix + articlesPath + "/" + a.Slug
	if section != "" {
		href += "#section-" + section
	}
	return href
}

// Href returns the URL of step s carrying answers a, in the default
// language.
func Href(s guide.Step, a guide.Answers, extra ...string) string {
	return Language{}.href(s, a, extra...)
}

// href returns the URL of step s in l, carrying answers a and the
// parameters in extra (name, value, ...).
func (l Language) href(s guide.Step, a guide.Answers, extra ...string) string {
	var path string
	switch s.Page {
	case guide.QuestionPage:
		path = questionPath + s.Question
	case guide.CheckPage:
		path = checkPath
	case guide.ResultPage:
		path = resultPath
	default:
		path = startPath
	}
	path = l.path(path)
	v := l.guide().Encode(a)
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// StepAt returns the step a path shows in the default language, or false
// if the path is not a step of the guide.
func StepAt(path string) (guide.Step, bool) {
	return Language{}.stepAt(path)
}

// stepAt returns the step path (without its language prefix) shows.
func (l Language) stepAt(path string) (guide.Step, bool) {
	switch path {
	case startPath:
		return guide.Step{Page: guide.StartPage}, true
	case checkPath:
		return guide.Step{Page: guide.CheckPage}, true
	case resultPath:
		return guide.Step{Page: guide.ResultPage}, true
	}
	if id, ok := strings.CutPrefix(path, questionPath); ok && l.guide().Index(id) >= 0 {
		return guide.Step{Page: guide.QuestionPage, Question: id}, true
	}
	return guide.Step{}, false
}

// Submitted handles a question form sent to the server before the app runs
// (or with JavaScript off). When u is such a submission with an answer, it
// returns where the visitor goes next; with no answer it returns false and
// the page prerenders with its error summary.
func Submitted(u *url.URL) (location string, ok bool) {
	q := u.Query()
	l, rest := languageAt(u.Path)
	step, isPage := l.stepAt(rest)
	if !isPage || step.Page != guide.QuestionPage || q.Get(nextParam) == "" {
		return "", false
	}
	a := l.guide().Decode(q)
	if !a.Answered(step.Question) {
		return "", false
	}
	return l.continueFrom(step.Question, a, q.Get(changeParam) != ""), true
}

// continueFrom returns the URL after answering question: the next step, or
// back towards the check page when the visitor came to change an answer.
func (l Language) continueFrom(question string, a guide.Answers, change bool) string {
	if change {
		return l.href(l.guide().Return(a, question), a)
	}
	return l.href(l.guide().Next(a, question), a)
}
