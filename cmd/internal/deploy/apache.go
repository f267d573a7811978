package deploy

import (
	"bytes"
	"fmt"
	"strings"

	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// Apache returns .htaccess for Apache 2.4 with mod_rewrite, mod_headers and
// mod_mime, for the static export at the root of a (sub)domain, as shared
// hosting serves it. The rules run twice: first on the address as sent,
// which must be one the guide serves (anything else is 404 with 404.html),
// mapping a page to its .html file; then on that file, which is swapped
// for its brotli or gzip copy when the client accepts one. Headers come
// from the original request line, which no internal rewrite changes.
func Apache(s Site) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# %s\n#\n# Apache: copy the contents of dist/ (this file included) to the document root of\n# the guide's (sub)domain. It needs AllowOverride All (or FileInfo Indexes Options)\n# and mod_rewrite, mod_headers and mod_mime, which shared hosting has.\n\n", generated)
	w("Options -Indexes -MultiViews\nDirectoryIndex disabled\n<IfModule mod_dir.c>\n    DirectorySlash Off\n</IfModule>\n")
	w("AddDefaultCharset Off\nErrorDocument 404 /%s\n\n", site.ErrorFile)

	w("# Types by extension, as every host sends them; copies keep their file's type.\n<IfModule mod_mime.c>\n")
	var suffixes []string
	for _, e := range policy.Encodings {
		suffixes = append(suffixes, e.Suffix)
	}
	w("    RemoveType %s\n    RemoveLanguage %s\n    RemoveCharset %s\n", strings.Join(suffixes, " "), strings.Join(suffixes, " "), strings.Join(suffixes, " "))
	for _, t := range policy.Types() {
		w("    AddType %q %s\n", t.ContentType, t.Ext)
	}
	for _, e := range policy.Encodings {
		w("    AddEncoding %s %s\n", e.Name, e.Suffix)
	}
	w("</IfModule>\n\n")
	w("# Nothing is compressed at request time: the copies are made at build time.\n<IfModule mod_deflate.c>\n    SetEnv no-gzip 1\n</IfModule>\n<IfModule mod_brotli.c>\n    SetEnv no-brotli 1\n</IfModule>\n\n")

	start := "" // the start page's address, without its slash
	w("RewriteEngine On\n\n")
	w("# 1. The address as sent (no internal rewrite yet): only the guide's own.\n")
	// A page is at its address and at its file's: the export's service
	// worker precaches it by its file name.
	var served []string
	served = append(served, addresses(s.Pages)...)
	served = append(served, s.Files...)
	w("RewriteCond %%{ENV:REDIRECT_STATUS} ^$\nRewriteRule !^%s$ - [R=404]\n", alternation(served))
	w("RewriteCond %%{ENV:REDIRECT_STATUS} ^$\nRewriteRule ^%s$ %s [L]\n", start, PageFile("/"))
	w("RewriteCond %%{ENV:REDIRECT_STATUS} ^$\nRewriteRule ^%s$ $0.html [L]\n\n", alternation(without(s.Pages, "/")))
	w("# 2. The file: its copy in the first encoding the client accepts.\n")
	for _, e := range policy.Encodings {
		w("RewriteCond %%{HTTP:Accept-Encoding} \\b%s\\b [NV]\nRewriteCond %%{REQUEST_FILENAME}%s -f\nRewriteRule ^.+$ $0%s [END]\n", e.Name, e.Suffix, e.Suffix)
	}
	w("\n")

	w("<IfModule mod_headers.c>\n")
	w("    # Every response, errors included.\n")
	for _, h := range s.Policy.Headers(policy.File, false) {
		w("    Header always set %s %q\n", h.Name, h.Value)
	}
	page := "/" + alternation(addresses(s.pagesOf(policy.Page)))
	answers := "/" + alternation(addresses(s.pagesOf(policy.AnswerPage)))
	w("    # Pages whose addresses carry answers, pages asked for with a query string, errors.\n")
	w("    <If \"%%{THE_REQUEST} =~ m#^\\S+ %s[\\s?]# || %%{THE_REQUEST} =~ m#^\\S+ %s\\?# || %%{reqenv:REDIRECT_STATUS} =~ /^[45]/\">\n", answers, page)
	w("        Header always set Cache-Control %q\n    </If>\n", policy.NoStore)
	w("    # The embed script, loaded by the clinic's pages.\n")
	w("    <If \"%%{THE_REQUEST} =~ m#^\\S+ %s[\\s?]#\">\n        Header always set Cross-Origin-Resource-Policy %q\n    </If>\n",
		strings.ReplaceAll(policy.EmbedPath, ".", `\.`), policy.CORP(policy.Embed))
	w("    # Vary wherever there is a copy to choose.\n")
	w("    Header always append Vary Accept-Encoding \"expr=%%{REQUEST_FILENAME} =~ /\\.(%s)$/ || -f '%%{REQUEST_FILENAME}%s'\"\n",
		strings.Join(suffixNames(), "|"), policy.Encodings[len(policy.Encodings)-1].Suffix)
	w("</IfModule>\n")
	return b.Bytes()
}

// suffixNames returns the encodings' suffixes without their dots.
func suffixNames() []string {
	var n []string
	for _, e := range policy.Encodings {
		n = append(n, strings.TrimPrefix(e.Suffix, "."))
	}
	return n
}
