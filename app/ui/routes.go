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
)

// The query parameters the guide uses besides the answers; package guide
// owns them, so that no question id can take their names.
const (
	changeParam = guide.ChangeParam
	nextParam   = guide.NextParam
)

// theGuide is the engine every page reads; Register sets it once, before
// any page renders.
var theGuide *guide.Guide

// Register routes the guide's pages for g. The server and the browser both
// call it, so every URL prerenders the same page the app later runs.
func Register(g *guide.Guide) {
	theGuide = g
	app.Route(startPath, func() app.Composer { return newStartPage() })
	app.RouteWithRegexp("^"+questionPath+"[a-z0-9-]+$", func() app.Composer { return newQuestionPage() })
	app.Route(checkPath, func() app.Composer { return newCheckPage() })
	app.Route(resultPath, func() app.Composer { return newResultPage() })
	app.Route(articlesPath, func() app.Composer { return newArticleIndexPage() })
	// One route per article, so an unknown slug is no page at all.
	for i, a := range g.Content().Articles {
		app.Route(articleHref(a, ""), func() app.Composer { return newArticlePage(i) })
	}
}

// Paths returns the path of every page of the guide, for the static export
// and the service worker.
func Paths(g *guide.Guide) []string {
	paths := IndexablePaths(g)
	for _, q := range g.Questions() {
		paths = append(paths, questionPath+q.ID)
	}
	return append(paths, checkPath, resultPath)
}

// IndexablePaths returns the paths of the pages that never carry answers and
// that search engines may list: the start page, the article index and each
// article. The sitemap lists them.
func IndexablePaths(g *guide.Guide) []string {
	paths := []string{startPath, articlesPath}
	for _, a := range g.Content().Articles {
		paths = append(paths, articleHref(a, ""))
	}
	return paths
}

// RobotsRules returns the robots.txt path patterns crawlers may and may not
// follow: the start page and the articles are allowed; the questions, the
// check page and the result are not, as their URLs carry a visitor's
// answers.
func RobotsRules() (allow, disallow []string) {
	return []string{startPath + "$", articlesPath}, []string{questionPath, checkPath, resultPath}
}

// IsPage reports whether path is a page of the guide: a step, the article
// index or an article.
func IsPage(path string) bool {
	if _, ok := StepAt(path); ok {
		return true
	}
	if path == articlesPath {
		return true
	}
	for _, a := range theGuide.Content().Articles {
		if path == articleHref(a, "") {
			return true
		}
	}
	return false
}

// articleHref returns the address of article a, at its section with id
// section when that is not empty. It never carries answers.
func articleHref(a guide.Article, section string) string {
	href := articlesPath + "/" + a.Slug
	if section != "" {
		href += "#section-" + section
	}
	return href
}

// Href returns the URL of step s carrying answers a.
func Href(s guide.Step, a guide.Answers, extra ...string) string {
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
	v := theGuide.Encode(a)
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// StepAt returns the step a path shows, or false if the path is not a page
// of the guide.
func StepAt(path string) (guide.Step, bool) {
	switch path {
	case startPath:
		return guide.Step{Page: guide.StartPage}, true
	case checkPath:
		return guide.Step{Page: guide.CheckPage}, true
	case resultPath:
		return guide.Step{Page: guide.ResultPage}, true
	}
	if id, ok := strings.CutPrefix(path, questionPath); ok && theGuide.Index(id) >= 0 {
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
	step, isPage := StepAt(u.Path)
	if !isPage || step.Page != guide.QuestionPage || q.Get(nextParam) == "" {
		return "", false
	}
	a := theGuide.Decode(q)
	if !a.Answered(step.Question) {
		return "", false
	}
	return continueFrom(step.Question, a, q.Get(changeParam) != ""), true
}

// continueFrom returns the URL after answering question: the next step, or
// back towards the check page when the visitor came to change an answer.
func continueFrom(question string, a guide.Answers, change bool) string {
	if change {
		return Href(theGuide.Return(a, question), a)
	}
	return Href(theGuide.Next(a, question), a)
}
