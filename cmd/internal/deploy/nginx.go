package deploy

import (
	"bytes"
	"fmt"
	"strings"

	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// pageCacheVar is the nginx variable that holds a page's Cache-Control:
// a page asked for with a query string is never stored.
const pageCacheVar = "$symptom_guide_page_cache"

// Nginx returns an nginx server block (with the map it needs) for the
// static export, to be included inside http {}, as Debian's
// /etc/nginx/conf.d/*.conf files are. Only the addresses the guide serves
// are answered, each from its file with its copies (brotli_static,
// gzip_static); anything else is 404 with 404.html. add_header in a
// location replaces the server's, so each location lists every header.
func Nginx(s Site, p Params) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# %s\n", generated)
	w("#\n# nginx: put this file in /etc/nginx/conf.d/ and the contents of dist/ in %s.\n", p.Root)
	w("# It needs Debian's libnginx-mod-http-brotli-static for the brotli copies.\n")
	w("# For HTTPS add your certificate to the server block (certbot --nginx does this)\n# and set https: true in content/clinic.yaml, which turns HSTS on.\n\n")
	w("map $args %s {\n    \"\"      %q;\n    default %q;\n}\n\n", pageCacheVar, policy.CacheControl(policy.Page, false), policy.CacheControl(policy.Page, true))
	w("server {\n")
	for _, l := range strings.Fields(p.Listen) {
		w("    listen %s;\n", l)
	}
	if p.Listen == "80" {
		w("    listen [::]:80;\n")
	}
	w("    server_name %s;\n    root %s;\n\n", p.Host, p.Root)
	w("    # No access log: the guide's addresses carry a visitor's answers.\n    access_log off;\n    log_not_found off;\n    server_tokens off;\n\n")
	w("    types {\n")
	for _, t := range policy.Types() {
		w("        %q %s;\n", t.ContentType, strings.TrimPrefix(t.Ext, "."))
	}
	w("    }\n    default_type %s;\n\n", policy.DefaultType)
	w("    # Copies made at build time; nothing is compressed at request time.\n")
	w("    brotli_static on;\n    gzip_static on;\n    gzip_vary on;\n    gzip off;\n\n")
	w("    error_page 404 /%s;\n\n", site.ErrorFile)

	location := func(comment, match, body string, k policy.Kind, cache string) {
		w("    # %s\n    location %s {\n", comment, match)
		if body != "" {
			w("        %s\n", body)
		}
		for _, h := range s.Policy.Headers(k, false) {
			v := fmt.Sprintf("%q", h.Value)
			if h.Name == "Cache-Control" && cache != "" {
				v = cache
			}
			w("        add_header %s %s always;\n", h.Name, v)
		}
		w("    }\n\n")
	}
	// A page is at its address and at its file's: the export's service
	// worker precaches it by its file name.
	location("The start page", "~ ^/(?:index\\.html)?$", "try_files /index.html =404;", policy.Page, pageCacheVar)
	location("Pages without answers", "~ ^/"+alternation(without(s.pagesOf(policy.Page), "/"))+"(?:\\.html)?$", "try_files $uri.html $uri =404;", policy.Page, pageCacheVar)
	location("Pages whose addresses carry answers", "~ ^/"+alternation(s.pagesOf(policy.AnswerPage))+"(?:\\.html)?$", "try_files $uri.html $uri =404;", policy.AnswerPage, "")
	location("Files", "~ ^/"+alternation(s.plainFiles())+"$", "", policy.File, "")
	location("The embed script, loaded by the clinic's pages", "= "+policy.EmbedPath, "", policy.Embed, "")
	location("The error page", "= /"+site.ErrorFile, "internal;", policy.Error, "")
	w("    # Anything else, as on the Go server.\n    location / {\n        return 404;\n    }\n}\n")
	return b.Bytes()
}

// without returns paths without p.
func without(paths []string, p string) []string {
	var out []string
	for _, x := range paths {
		if x != p {
			out = append(out, x)
		}
	}
	return out
}
