// Package deploy writes the configuration of each way to host the guide
// from its header policy (package policy), the one the Go server applies:
// Netlify and Cloudflare Pages' _headers and _redirects, an nginx server
// block, a Caddyfile and an Apache .htaccess for the static export, and a
// Caddyfile and a hardened systemd unit for the Go server behind Caddy.
// Every host then sends the same security headers, caching rules, types and
// encodings as the Go server, and answers 404 where it does.
package deploy

import (
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"symptomguide/app/ui"
	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// Site is what the configurations are written from: the header policy and
// every address the guide serves, as the Go server serves them.
type Site struct {
	Policy policy.Policy
	// Pages are the pages' addresses, such as "/", "/q/pain" and
	// "/articles/01-your-back-pain". The export writes each as its
	// address plus .html, and "/" as index.html.
	Pages []string
	// Folders hold pages of one kind that a host's rules may match as
	// one, by the folder's address: the export's result pages of
	// deciding answers ("/decided/", "/es/decided/"; see ui.Decided).
	Folders []string
	// Files are the other files, served at their own address, such as
	// "/app.js" and "/web/app.wasm", without their compressed copies.
	Files []string
}

// HostFiles are the files the export holds for the hosts to read, never to
// serve: every generated configuration answers 404 for them.
var HostFiles = []string{"_headers", "_redirects", ".htaccess"}

// FromExport describes the static export in dist of the site s.
func FromExport(s *site.Site, dist string) (Site, error) {
	// The result pages of deciding answers, which only the export has,
	// are pages too (see ui.Decided).
	out := Site{Policy: s.Policy(), Pages: append(ui.Paths(), slices.Sorted(maps.Keys(ui.Decided()))...), Folders: ui.DecidedFolders()}
	pages := map[string]bool{site.ErrorFile: true}
	for _, p := range out.Pages {
		pages[PageFile(p)] = true
	}
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dist, p)
		rel = filepath.ToSlash(rel)
		if pages[rel] || isCopy(rel) || isHostFile(rel) {
			return nil
		}
		if path.Ext(rel) == ".html" {
			return fmt.Errorf("the export holds %s, which is no page of the guide", rel)
		}
		out.Files = append(out.Files, "/"+rel)
		return nil
	})
	sort.Strings(out.Files)
	return out, err
}

// PageFile returns the export's file, relative to its root, for the page
// at address p.
func PageFile(p string) string {
	if p == "/" {
		return "index.html"
	}
	return strings.TrimPrefix(p, "/") + ".html"
}

// isCopy reports whether name is a compressed copy of another file.
func isCopy(name string) bool {
	for _, e := range policy.Encodings {
		if strings.HasSuffix(name, e.Suffix) {
			return true
		}
	}
	return false
}

func isHostFile(name string) bool {
	for _, h := range HostFiles {
		if name == h {
			return true
		}
	}
	return false
}

// kindOf returns the kind of response for the file at address p.
func kindOf(p string) policy.Kind {
	if p == policy.EmbedPath {
		return policy.Embed
	}
	return policy.File
}

// pagesOf returns the pages of kind k.
func (s Site) pagesOf(k policy.Kind) []string {
	var out []string
	for _, p := range s.Pages {
		if s.Policy.PageKind(p) == k {
			out = append(out, p)
		}
	}
	return out
}

// addresses returns the addresses of the pages: each at its own address
// and at its file's, which the export's service worker precaches ("/" and
// "/index.html", "/q/pain" and "/q/pain.html"). The Go server's worker
// asks for neither .html address, and the Go server answers them with 404.
func addresses(pages []string) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p, "/"+PageFile(p))
	}
	return out
}

// plainFiles returns the files that are neither the embed script nor
// pages.
func (s Site) plainFiles() []string {
	var out []string
	for _, f := range s.Files {
		if kindOf(f) == policy.File {
			out = append(out, f)
		}
	}
	return out
}

// Params are the facts of one installation that the configurations name.
// Defaults fills in the ones left empty.
type Params struct {
	// Host is the guide's host name, such as guide.your-clinic.example.
	Host string
	// Root is the folder the static export is copied to on the server.
	Root string
	// Listen is what nginx listens on, such as "80" or "127.0.0.1:8081".
	Listen string
	// Site is the static site's address in the Caddyfile: the host name,
	// for Caddy's automatic HTTPS, or an address such as
	// http://127.0.0.1:8081.
	Site string
	// Proxy is the Go server's public address in its Caddyfile, likewise.
	Proxy string
	// Upstream is where the Go server listens, behind Caddy.
	Upstream string
	// Binary and Web are the Go server's program and built web folder.
	Binary, Web string
	// SiteURL is the guide's public address, for the server's -site-url.
	SiteURL string
}

// placeholderHost is the host name the configurations name when the site's
// address is not known.
const placeholderHost = "guide.your-clinic.example"

// Defaults returns p with every empty field set for a real server at
// siteURL's host (or a placeholder host name when siteURL is "").
func (p Params) Defaults(siteURL string) Params {
	host := placeholderHost
	if u, err := url.Parse(siteURL); err == nil && u.Host != "" {
		host = u.Hostname()
	}
	def := func(v *string, d string) {
		if *v == "" {
			*v = d
		}
	}
	def(&p.Host, host)
	def(&p.Root, "/var/www/symptom-guide")
	def(&p.Listen, "80")
	def(&p.Site, p.Host)
	def(&p.Proxy, p.Host)
	def(&p.Upstream, "127.0.0.1:8080")
	def(&p.Binary, "/opt/symptom-guide/server")
	def(&p.Web, "/opt/symptom-guide/web")
	def(&p.SiteURL, siteURL)
	return p
}

// File is one generated configuration.
type File struct {
	// Dir is "dist" for the files the host reads from the site's own
	// folder, "deploy" for the others.
	Dir, Name string
	Body      []byte
}

// Files returns every configuration for s with p.
func Files(s Site, p Params) []File {
	return []File{
		{"dist", "_headers", Headers(s)},
		{"dist", "_redirects", Redirects(s)},
		{"dist", ".htaccess", Apache(s)},
		{"deploy", "nginx.conf", Nginx(s, p)},
		{"deploy", "Caddyfile", Caddy(s, p)},
		{"deploy", "Caddyfile.server", CaddyServer(s, p)},
		{"deploy", UnitName, Systemd(p)},
	}
}

// Export exports the guide into dist (site.Export) and writes every
// configuration: _headers, _redirects and .htaccess into dist, the others
// into deployDir. It returns the site it described.
func Export(web, dist, deployDir, siteURL string, p Params) (Site, error) {
	st, err := site.ExportSite(web, dist, siteURL)
	if err != nil {
		return Site{}, err
	}
	s, err := FromExport(st, dist)
	if err != nil {
		return Site{}, err
	}
	if err := os.MkdirAll(deployDir, 0o755); err != nil {
		return Site{}, err
	}
	for _, f := range Files(s, p.Defaults(st.URL)) {
		dir := dist
		if f.Dir == "deploy" {
			dir = deployDir
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Body, 0o644); err != nil {
			return Site{}, err
		}
	}
	return s, nil
}

// generated is the first line of every configuration.
const generated = "Symptom Guide: written by `make static` (cmd/static) from the header policy in cmd/internal/policy, which the Go server applies too. Do not edit: change the policy or content/clinic.yaml and run make static again."

// alternation returns a regular expression matching exactly the paths,
// without their leading slash.
func alternation(paths []string) string {
	q := make([]string, len(paths))
	for i, p := range paths {
		q[i] = regexp.QuoteMeta(strings.TrimPrefix(p, "/"))
	}
	return "(?:" + strings.Join(q, "|") + ")"
}
