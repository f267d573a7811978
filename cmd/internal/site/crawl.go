package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"

	"symptomguide/app/ui"
)

// ParseURL checks the guide's public address as -site-url gives it: an
// absolute http or https URL of the root of a domain or subdomain (go-app
// does not run under a sub-path), such as https://guide.example. It returns
// the address without a trailing slash, and "" for "".
func ParseURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		u.Opaque != "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Errorf("site URL %q is not the address of a site's root, such as https://guide.your-clinic.example", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

// Robots returns robots.txt: crawlers may read the start page and the
// articles but not the questions, the check page or the result, whose URLs
// carry a visitor's answers. With a site URL it names the sitemap.
func (s *Site) Robots() []byte {
	allow, disallow := ui.RobotsRules()
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	for _, p := range allow {
		b.WriteString("Allow: " + p + "\n")
	}
	for _, p := range disallow {
		b.WriteString("Disallow: " + p + "\n")
	}
	if s.URL != "" {
		b.WriteString("\nSitemap: " + s.URL + "/sitemap.xml\n")
	}
	return []byte(b.String())
}

// Sitemap returns sitemap.xml, listing the start page and the article pages
// at the site's URL: never a page whose URL carries answers. A sitemap needs
// absolute URLs, so without a site URL there is none and it returns nil.
func (s *Site) Sitemap() []byte {
	if s.URL == "" {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range ui.IndexablePaths() {
		b.WriteString("  <url><loc>")
		xml.EscapeText(&b, []byte(s.URL+p))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
