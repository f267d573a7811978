package deploy

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"symptomguide/cmd/internal/policy"
)

// Headers returns _headers for Netlify and Cloudflare Pages. The two merge
// the rules that match one address differently (Netlify keeps the last
// value of a header, Cloudflare joins them with commas), so no header is
// set by two rules that can match one address: /* holds the headers every
// response carries, and each address the guide serves has one rule of its
// own with its caching rule, resource policy and type. An unknown address
// matches /* alone: these hosts answer it with 404.html and their own
// Cache-Control. They compress on their own, so the file says nothing of
// encodings. Neither can match a query string, so a page whose address
// carries answers is never stored, with or without them.
func Headers(s Site) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n# Netlify and Cloudflare Pages read this file from the site's folder.\n\n/*\n", generated)
	for _, h := range s.Policy.Security() {
		if h.Name != "Cross-Origin-Resource-Policy" {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
	}
	rule := func(addr string, k policy.Kind, ctype string) {
		fmt.Fprintf(&b, "%s\n  Cross-Origin-Resource-Policy: %s\n  Cache-Control: %s\n  Content-Type: %s\n",
			addr, policy.CORP(k), policy.CacheControl(k, false), ctype)
	}
	b.WriteString("\n# Pages without answers, at their own address and their file's\n")
	for _, p := range addresses(s.pagesOf(policy.Page)) {
		rule(p, policy.Page, policy.ContentType(".html"))
	}
	b.WriteString("\n# Pages whose addresses carry answers: never stored\n")
	var folders []string
	for _, p := range addresses(s.pagesOf(policy.AnswerPage)) {
		if f := s.folderOf(p); f != "" {
			// Both hosts read 100 rules at most: a folder of pages
			// of one kind takes one rule.
			if !slices.Contains(folders, f) {
				folders = append(folders, f)
				rule(f+"*", policy.AnswerPage, policy.ContentType(".html"))
			}
			continue
		}
		rule(p, policy.AnswerPage, policy.ContentType(".html"))
	}
	b.WriteString("\n# Files\n")
	for _, f := range s.Files {
		rule(f, kindOf(f), policy.ContentType(f))
	}
	return b.Bytes()
}

// Redirects returns _redirects for Netlify and Cloudflare Pages. It holds
// no rule, on purpose: both hosts serve /q/pain from q/pain.html by
// themselves, a rewrite to a .html file is refused by Cloudflare Pages as a
// loop, and a redirect away from q/pain.html would break the export's
// service worker, which precaches the pages by their file names. The file
// says so, for whoever looks for the rules.
func Redirects(s Site) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n# Netlify and Cloudflare Pages read this file from the site's folder.\n#\n", generated)
	b.WriteString("# No rules, on purpose. Both hosts serve each page's address (/q/pain) from its file\n")
	b.WriteString("# (q/pain.html) by themselves; the service worker precaches the pages by their file\n")
	b.WriteString("# names, so those must not be redirected; and unknown addresses get 404.html with 404.\n")
	return b.Bytes()
}

// folderOf returns the folder of s.Folders that holds the page at address
// p, or "".
func (s Site) folderOf(p string) string {
	for _, f := range s.Folders {
		if strings.HasPrefix(p, f) {
			return f
		}
	}
	return ""
}
