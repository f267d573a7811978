// Package policy is the guide's HTTP header policy, in one place: the
// security headers on every response, the caching rule of each kind of
// response, the content type of each kind of file and the encodings served.
// The Go server applies it to each response; package deploy writes the same
// policy as the configuration of nginx, Caddy, Apache, Netlify and
// Cloudflare Pages. Change a header here and every host follows.
package policy

import (
	"path"
	"sort"
	"strings"
)

// Header is one response header.
type Header struct{ Name, Value string }

// Kind is a kind of response. Each kind has its own caching rule, and the
// embed script its own resource policy.
type Kind int

const (
	// Page is a page of the guide whose address carries no answers: the
	// start page, the article index and the articles.
	Page Kind = iota
	// AnswerPage is a step of the guide (a question, the check page, the
	// result): its address is made to carry a visitor's answers, with or
	// without them.
	AnswerPage
	// File is a static file: app.wasm, styles, scripts, icons, go-app's
	// loader and service worker, the manifest, robots.txt.
	File
	// Embed is /embed.js, which clinics' pages on other origins load.
	Embed
	// Error is an error page, such as a 404, and the redirect that answers
	// a question form.
	Error
)

// The Cache-Control values.
const (
	// Revalidate keeps a response but has the browser check its ETag on
	// each use: files keep their names from build to build.
	Revalidate = "no-cache"
	// NoStore keeps a response nowhere: not in the browser, not in any
	// cache between.
	NoStore = "no-store"
)

// EmbedPath is the address of the embed script on every host.
const EmbedPath = "/embed.js"

// DecodedLengthHeader carries a compressed app.wasm's decoded length, so
// the loading bar can count progress in the bytes it decodes. The Go
// server sets it, and go-app's loader reads it.
const DecodedLengthHeader = "X-Decoded-Length"

// Policy is the header policy of one build of the guide.
type Policy struct {
	// CSP is the Content-Security-Policy (see site.CSP): the inline
	// stylesheet's hash and frame-ancestors with the clinic's origins.
	CSP string
	// HTTPS turns on Strict-Transport-Security.
	HTTPS bool
	// AnswerPrefixes are the path prefixes of the pages whose addresses
	// carry answers: "/q/", "/check", "/result". robots.txt keeps crawlers
	// out of the same paths.
	AnswerPrefixes []string
}

// Security returns the security and privacy headers that every response
// carries, whatever its kind or status. Cross-Origin-Resource-Policy is
// same-origin here; CORP gives the embed script's.
func (p Policy) Security() []Header {
	h := []Header{
		{"Content-Security-Policy", p.CSP},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		// Only the guide's own pages use its files; the embed script says
		// cross-origin for the clinics' pages that load it.
		{"Cross-Origin-Resource-Policy", CORP(File)},
	}
	if p.HTTPS {
		h = append(h, Header{"Strict-Transport-Security", "max-age=31536000"})
	}
	return h
}

// CORP returns the Cross-Origin-Resource-Policy of a response of kind k.
func CORP(k Kind) string {
	if k == Embed {
		return "cross-origin"
	}
	return "same-origin"
}

// Headers returns every header a response of kind k carries by policy: the
// security headers, with k's resource policy, and k's Cache-Control.
// query says whether the request has a query string.
func (p Policy) Headers(k Kind, query bool) []Header {
	h := p.Security()
	for i := range h {
		if h[i].Name == "Cross-Origin-Resource-Policy" {
			h[i].Value = CORP(k)
		}
	}
	return append(h, Header{"Cache-Control", CacheControl(k, query)})
}

// CacheControl returns the Cache-Control of a response of kind k. A page
// whose address carries answers, a page asked for with a query string (the
// server renders it from the answers there) and an error are never stored;
// everything else is revalidated on each use, and the service worker's
// versioned cache keeps it for repeat and offline visits.
func CacheControl(k Kind, query bool) string {
	switch {
	case k == AnswerPage, k == Error, k == Page && query:
		return NoStore
	}
	return Revalidate
}

// PageKind returns the kind of the page at path: AnswerPage or Page.
func (p Policy) PageKind(path string) Kind {
	for _, prefix := range p.AnswerPrefixes {
		if strings.HasPrefix(path, prefix) {
			return AnswerPage
		}
	}
	return Page
}

// types maps file extensions to the Content-Type every host sends.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".webp":        "image/webp",
	".woff2":       "font/woff2",
}

// DefaultType is the Content-Type of a file whose extension is not in the
// policy. Nothing the guide serves has one; a test keeps it so.
const DefaultType = "application/octet-stream"

// ContentType returns the Content-Type of the file name.
func ContentType(name string) string {
	if t, ok := types[path.Ext(name)]; ok {
		return t
	}
	return DefaultType
}

// Type is one file extension (with its dot) and its Content-Type.
type Type struct{ Ext, ContentType string }

// Types returns every extension the policy types, sorted.
func Types() []Type {
	t := make([]Type, 0, len(types))
	for ext, ct := range types {
		t = append(t, Type{ext, ct})
	}
	sort.Slice(t, func(i, j int) bool { return t[i].Ext < t[j].Ext })
	return t
}

// Encoding is a content coding the hosts serve from a copy made at build
// time, beside the file, with its suffix.
type Encoding struct{ Name, Suffix string }

// Encodings are the precompressed copies, in the order of preference: a
// file is sent as the first the client accepts, with Vary:
// Accept-Encoding whenever it has copies.
var Encodings = []Encoding{{"br", ".br"}, {"gzip", ".gz"}}

// Compared are the headers the hosts must agree on, besides the status:
// the security headers, the caching rules, the type and the encoding.
var Compared = []string{
	"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
	"Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Strict-Transport-Security",
	"Cache-Control", "Vary", "Content-Type", "Content-Encoding",
}
