// Package site describes the guide as a go-app web app: its name, icons,
// styles, scripts and version. The server and the static export both build
// their go-app handler here, so the two ways of hosting serve the same app.
package site

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/ui"
	"symptomguide/cmd/internal/policy"
)

// workerTemplate is the guide's service worker; go-app fills in the version
// and the list of files to precache.
//
//go:embed app-worker.js
var workerTemplate string

// Files the guide cannot run without, relative to the web folder.
var required = []string{"app.wasm", "guide.css", "clinic.css", "guide.js", "embed.js", "icon-192.png", "icon-512.png", "icon-maskable-512.png"}

// Check reports a clear error when the built web folder is incomplete or
// its app.wasm is not WebAssembly.
func Check(webDir string) error {
	for _, name := range required {
		if _, err := os.Stat(filepath.Join(webDir, name)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s is missing: run make build", filepath.Join(webDir, name))
			}
			return err
		}
	}
	wasm := filepath.Join(webDir, "app.wasm")
	f, err := os.Open(wasm)
	if err != nil {
		return err
	}
	defer f.Close()
	magic := make([]byte, 4)
	if _, err := io.ReadFull(f, magic); err != nil || string(magic) != "\x00asm" {
		return fmt.Errorf("%s is not a WebAssembly file: run make build", wasm)
	}
	return nil
}

// Version returns a hash of every file in webDir, so that the version
// changes when, and only when, a build changes what visitors download.
func Version(webDir string) (string, error) {
	var names []string
	err := filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, path)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(webDir, name)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// Hosting is how the guide is served.
type Hosting int

const (
	// GoServer is the guide's own server, which can render any page from
	// the answers in its URL and keeps nothing.
	GoServer Hosting = iota
	// StaticHost is any static file host or CDN: it cannot render pages
	// from answers and may log query strings, so no answer is ever sent
	// to it.
	StaticHost
)

// Site is the guide as one build serves it.
type Site struct {
	// Guide is the engine in the clinic's default language; Guides has
	// one for each of its languages, Guide first.
	Guide   *guide.Guide
	Guides  []*guide.Guide
	Version string
	Hosting Hosting
	// CSS is the guide's whole stylesheet (clinic.css then guide.css),
	// inlined in every page so the first paint waits for nothing but the
	// HTML. The Content-Security-Policy allows it by its hash.
	CSS string
	// Script is guide.js. The static export inlines it at the end of each
	// page, so a static host's pages move on without a second round trip
	// (see InlineScript); the Go server's pages load it as a file, since
	// their forms work without it. The Content-Security-Policy allows it
	// by its hash on every host, so their headers stay the same.
	Script string
	// EmbedOrigins are the origins allowed to frame the guide besides its
	// own: clinic.yaml's embed_origins (guidedata.Deploy), plus any the
	// server was started with.
	EmbedOrigins []string
	// HTTPS reports whether the guide is served over TLS, which turns on
	// Strict-Transport-Security (clinic.yaml's https).
	HTTPS bool
	// URL is the guide's public address, such as https://guide.example,
	// from -site-url (see ParseURL), or "" when it is not known. The
	// sitemap needs it.
	URL string
}

// Load reads the build in webDir and describes the site it makes.
func Load(gs []*guide.Guide, webDir string, hosting Hosting) (*Site, error) {
	if err := Check(webDir); err != nil {
		return nil, err
	}
	version, err := Version(webDir)
	if err != nil {
		return nil, fmt.Errorf("reading the build in %s: %w", webDir, err)
	}
	var css strings.Builder
	for _, name := range []string{"clinic.css", "guide.css"} {
		b, err := os.ReadFile(filepath.Join(webDir, name))
		if err != nil {
			return nil, err
		}
		css.Write(b)
	}
	script, err := os.ReadFile(filepath.Join(webDir, "guide.js"))
	if err != nil {
		return nil, err
	}
	if bytes.Contains(bytes.ToLower(script), []byte("</script")) {
		return nil, fmt.Errorf("%s holds </script, which would end it when inlined", filepath.Join(webDir, "guide.js"))
	}
	return &Site{Guide: gs[0], Guides: gs, Version: version, Hosting: hosting, CSS: css.String(), Script: string(script)}, nil
}

// CSP returns the Content-Security-Policy of every response: only the
// guide's own origin, WebAssembly allowed, no inline script or style but
// the guide's own stylesheet by its hash, and framing only by the clinic's
// allowed origins.
func (s *Site) CSP() string {
	ancestors := append([]string{"'self'"}, s.EmbedOrigins...)
	return s.metaCSP() + "; frame-ancestors " + strings.Join(ancestors, " ")
}

// metaCSP is CSP without frame-ancestors, for the <meta> tag of the static
// export's pages: browsers ignore frame-ancestors there, and say so as a
// console error on every page. The hosts' header carries the whole policy.
func (s *Site) metaCSP() string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval' " + hashSource(s.Script),
		"style-src 'self' " + hashSource(s.CSS),
		"img-src 'self'",
		"connect-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"form-action 'self'",
		"base-uri 'none'",
		"object-src 'none'",
	}, "; ")
}

// hashSource returns the CSP source that allows the inline script or
// style text by its hash.
func hashSource(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// scriptTag is how go-app links guide.js in the head of a page.
const scriptTag = `<script src="/web/guide.js" defer></script>`

// InlineScript replaces page's link to guide.js with the script itself at
// the end of the body, where the page above it is parsed, as defer would
// have run it. A page without the link is returned as it is.
func (s *Site) InlineScript(page []byte) []byte {
	i := bytes.Index(page, []byte(scriptTag))
	end := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 || end < i {
		return page
	}
	start := i
	for start > 0 && isSpace(page[start-1]) {
		start--
	}
	out := make([]byte, 0, len(page)+len(s.Script))
	out = append(out, page[:start]...)
	out = append(out, page[i+len(scriptTag):end]...)
	out = append(out, "<script>"...)
	out = append(out, s.Script...)
	out = append(out, "</script>\n"...)
	return append(out, page[end:]...)
}

// Policy returns the site's header policy: its CSP, HSTS when the clinic
// serves the guide over HTTPS, and the pages whose addresses carry answers
// (those robots.txt keeps crawlers out of).
func (s *Site) Policy() policy.Policy {
	_, answers := ui.RobotsRules()
	return policy.Policy{CSP: s.CSP(), HTTPS: s.HTTPS, AnswerPrefixes: answers}
}

// ErrorPage returns the short generic page every host answers an error
// with, such as a 404: a heading for the status from the strings file and a
// link to the start. It names nothing of the request.
func ErrorPage(status int, c *guide.Content) []byte {
	w := c.Strings.ErrorPages
	text := w.ServerError
	switch status {
	case http.StatusNotFound:
		text = w.NotFound
	case http.StatusMethodNotAllowed:
		text = w.NotAllowed
	case http.StatusRequestURITooLong, http.StatusRequestHeaderFieldsTooLarge:
		text = w.TooLong
	}
	text = html.EscapeString(text)
	return []byte(`<!doctype html><html lang="` + html.EscapeString(c.Clinic.Lang) + `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>` +
		text + `</title><link rel="stylesheet" href="/web/guide.css"></head><body><main class="main"><h1 class="heading-l">` +
		text + `</h1><p><a href="/">` + html.EscapeString(w.StartLink) + `</a></p></main></body></html>`)
}

// appCSS is the address in the link to go-app's loader stylesheet, which
// go-app puts in every page; guide.css restyles the loader, so the link
// would only cost a render-blocking round trip.
var appCSS = []byte(`href="/app.css"`)

// Finish completes a page go-app rendered at path: it drops the
// render-blocking link to go-app's loader stylesheet, with the white space
// before it, and gives <html> the language of the page (go-app writes the
// default language on every page).
func Finish(page []byte, path string) []byte {
	lang := ui.LangAt(path)
	page = setLang(removeAppCSS(page), lang)
	if prefix := ui.Prefix(lang); prefix != "" {
		// The page's own language's manifest (see Manifests).
		page = bytes.Replace(page, []byte(`href="`+manifestPath+`"`), []byte(`href="`+prefix+manifestPath+`"`), 1)
	}
	return page
}

// manifestPath is where go-app serves the web app manifest.
const manifestPath = "/manifest.webmanifest"

// Manifests returns the web app manifest of each of the clinic's other
// languages by its address (/es/manifest.webmanifest), made from base,
// the default language's as go-app writes it: the clinic's name, short name
// and description in that language, its language, and its start page, so
// that the guide installed from a Spanish page opens in Spanish. Their
// pages link to it (Finish).
func (s *Site) Manifests(base []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, g := range s.Guides[1:] {
		var m map[string]any
		if err := json.Unmarshal(base, &m); err != nil {
			return nil, fmt.Errorf("reading go-app's manifest: %w", err)
		}
		c := g.Content().Clinic
		m["name"], m["short_name"], m["description"] = c.Name, c.ShortName, c.Description
		m["lang"], m["start_url"] = c.Lang, ui.PathIn(c.Lang, "/")
		b, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		out[ui.Prefix(c.Lang)+manifestPath] = b
	}
	return out, nil
}

// Suggest marks the page's links to the clinic's other languages as a
// suggestion (the app marks them the same way from navigator.languages).
func Suggest(page []byte) []byte {
	return bytes.Replace(page, []byte(`<p class="lang-switch">`), []byte(`<p class="lang-switch lang-switch--suggested">`), 1)
}

// setLang gives the page's <html> element the language lang. The pages of
// the default language are returned as they are.
func setLang(page []byte, lang string) []byte {
	const tag = `<html lang="`
	i := bytes.Index(page, []byte(tag))
	if i < 0 {
		return page
	}
	start := i + len(tag)
	end := bytes.IndexByte(page[start:], '"')
	if end < 0 || string(page[start:start+end]) == lang {
		return page
	}
	out := make([]byte, 0, len(page)+len(lang))
	out = append(out, page[:start]...)
	out = append(out, html.EscapeString(lang)...)
	return append(out, page[start+end:]...)
}

// removeAppCSS drops go-app's loader stylesheet link from page. It runs on
// every page rendered from answers, so it scans the page once and copies
// it at most once (a regular expression here cost half the time of such a
// request).
func removeAppCSS(page []byte) []byte {
	var out []byte
	rest := page
	for {
		i := bytes.Index(rest, appCSS)
		if i < 0 {
			break
		}
		start := bytes.LastIndex(rest[:i], []byte("<link "))
		end := bytes.IndexByte(rest[i:], '>')
		if start < 0 || end < 0 || bytes.IndexByte(rest[start:i], '>') >= 0 {
			// Not inside a link tag: keep it.
			out = append(out, rest[:i+len(appCSS)]...)
			rest = rest[i+len(appCSS):]
			continue
		}
		for start > 0 && isSpace(rest[start-1]) {
			start--
		}
		if out == nil {
			out = make([]byte, 0, len(page))
		}
		out = append(out, rest[:start]...)
		rest = rest[i+end+1:]
	}
	if out == nil {
		return page
	}
	return append(out, rest...)
}

// isSpace reports whether c is white space as \s means it: space, tab,
// newline, form feed or carriage return.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// Handler returns the go-app handler for the guide. Icons are local so the
// offline cache holds them, and the version is the build's hash.
func (s *Site) Handler() *app.Handler {
	g := s.Guide
	c := g.Content().Clinic
	w := g.Content().Strings
	// guide.js shows these words before the app runs, and tells embed.js
	// the frame's title; none is typed into the scripts.
	headers := []string{"<style>" + s.CSS + "</style>"}
	for _, lg := range s.Guides {
		w := lg.Content().Strings
		headers = append(headers, `<meta name="guide-strings" content="words"`+
			` data-lang="`+html.EscapeString(lg.Content().Clinic.Lang)+`"`+
			` data-prefix="`+ui.Prefix(lg.Content().Clinic.Lang)+`"`+
			` data-wait="`+html.EscapeString(w.JS.Wait)+`"`+
			` data-wait-note="`+html.EscapeString(w.JS.WaitNote)+`"`+
			` data-frame-title="`+html.EscapeString(w.Embed.FrameTitle)+`"`+
			` data-close="`+html.EscapeString(w.Embed.Close)+`">`)
	}
	pages := ui.Paths()
	if s.Hosting == StaticHost {
		// guide.js reads this before the app runs: on a static host a
		// question form must wait for the app rather than go to the host.
		// A static host may send no policy header (GitHub Pages cannot),
		// so the page carries the policy but frame-ancestors, which only a
		// header can carry (see README, Deploy).
		headers = append(headers,
			`<meta name="guide-hosting" content="static">`,
			`<meta http-equiv="Content-Security-Policy" content="`+s.metaCSP()+`">`)
		// The export writes each page as path.html; any host serves that.
		for i, p := range pages {
			if p != "/" {
				pages[i] = p + ".html"
			}
		}
	}
	return &app.Handler{
		RawHeaders:      headers,
		Name:            c.Name,
		ShortName:       c.ShortName,
		Title:           w.Start.Title + w.Common.TitleSuffix,
		Description:     c.Description,
		Author:          c.Name,
		Lang:            c.Lang,
		BackgroundColor: c.Colours.Background,
		ThemeColor:      c.Colours.Brand,
		LoadingLabel:    w.JS.Loading,
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/" + c.Logo,
		},
		Scripts: []string{"/web/guide.js defer"},
		Version: s.Version,
		// The server sends app.wasm compressed; this header has its size.
		WasmContentLengthHeader: policy.DecodedLengthHeader,
		// Every page and file the guide needs, so it all works offline.
		CacheableResources:    append(pages, "/web/"+c.Logo),
		ServiceWorkerTemplate: workerTemplate,
		// The server serves /web itself; go-app only resolves its paths.
		Resources: app.LocalDir(""),
	}
}
