package deploy

import (
	"bytes"
	"fmt"
	"strings"

	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// Caddy returns a Caddyfile that serves the static export: each address
// the guide serves from its file, with the brotli or gzip copy the client
// accepts, the policy's headers and types; anything else is 404 with
// 404.html. With a host name as its address Caddy gets and renews the
// certificate itself. Caddy keeps no access log unless told to.
func Caddy(s Site, p Params) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# %s\n#\n# Caddy, serving the static export: copy the contents of dist/ to %s,\n# this file to /etc/caddy/Caddyfile, and run systemctl reload caddy.\n\n", generated, p.Root)
	w("%s {\n\troot * %s\n\n", p.Site, p.Root)
	w("\t# The headers of every response, errors included.\n\theader {\n")
	for _, h := range s.Policy.Security() {
		w("\t\t%s %s\n", h.Name, caddyQuote(h.Value))
	}
	w("\t}\n\n")
	w("\t# A page asked for with a query string is never stored.\n\tmap {query} {page_cache} {\n\t\t\"\" %s\n\t\tdefault %s\n\t}\n\n",
		policy.CacheControl(policy.Page, false), policy.CacheControl(policy.Page, true))
	w("\t# Types by extension, as every host sends them.\n")
	for _, t := range policy.Types() {
		name := strings.TrimPrefix(t.Ext, ".")
		w("\t@type_%s path *%s\n\theader @type_%s Content-Type %s\n", name, t.Ext, name, caddyQuote(t.ContentType))
	}
	w("\n")
	matcher := func(name string, paths []string) {
		w("\t@%s path %s\n", name, strings.Join(paths, " "))
	}
	// A page is at its address and at its file's: the export's service
	// worker precaches it by its file name.
	matcher("start", addresses([]string{"/"}))
	matcher("pages", addresses(without(s.pagesOf(policy.Page), "/")))
	matcher("answers", addresses(s.pagesOf(policy.AnswerPage)))
	matcher("files", s.plainFiles())
	matcher("embed", []string{policy.EmbedPath})
	w("\n")
	handle := func(comment, name, rewrite string, k policy.Kind, cache string) {
		w("\t# %s\n\thandle @%s {\n", comment, name)
		if cache == "" {
			cache = policy.CacheControl(k, false)
		}
		w("\t\theader Cache-Control %s\n", cache)
		if k == policy.Embed {
			w("\t\theader Cross-Origin-Resource-Policy %s\n", policy.CORP(k))
		}
		if rewrite != "" {
			w("\t\t%s\n", rewrite)
		}
		w("\t\tfile_server {\n\t\t\tprecompressed %s\n\t\t}\n\t}\n\n", encodingNames())
	}
	handle("The start page", "start", "rewrite * /index.html", policy.Page, "{page_cache}")
	handle("Pages without answers", "pages", "try_files {path}.html {path}", policy.Page, "{page_cache}")
	handle("Pages whose addresses carry answers", "answers", "try_files {path}.html {path}", policy.AnswerPage, "")
	handle("Files", "files", "", policy.File, "")
	handle("The embed script, loaded by the clinic's pages", "embed", "", policy.Embed, "")
	w("\t# Anything else, as on the Go server.\n\thandle {\n\t\terror 404\n\t}\n\n")
	w("\thandle_errors {\n\t\theader Cache-Control %s\n\t\theader Cross-Origin-Resource-Policy %s\n\t\theader -Vary\n\t\trewrite * /%s\n\t\tfile_server\n\t}\n}\n",
		policy.CacheControl(policy.Error, false), policy.CORP(policy.Error), site.ErrorFile)
	return b.Bytes()
}

// CaddyServer returns a Caddyfile for the Go server behind Caddy, which
// gets and renews the certificate itself. The Go server sends every header
// of the policy; Caddy passes them on, adds none and keeps no access log.
func CaddyServer(s Site, p Params) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n#\n# Caddy in front of the Go server (see %s): put this file in\n# /etc/caddy/Caddyfile and run systemctl reload caddy.\n\n", generated, UnitName)
	fmt.Fprintf(&b, "%s {\n\treverse_proxy %s\n}\n", p.Proxy, p.Upstream)
	return b.Bytes()
}

// encodingNames returns the policy's encodings as Caddy names them.
func encodingNames() string {
	var n []string
	for _, e := range policy.Encodings {
		n = append(n, e.Name)
	}
	return strings.Join(n, " ")
}

// caddyQuote quotes a header value for a Caddyfile.
func caddyQuote(v string) string {
	if !strings.ContainsAny(v, " \t\"';{}") {
		return v
	}
	return `"` + strings.ReplaceAll(v, `"`, `\"`) + `"`
}
