// Command static exports the guide as a folder of static files (default
// dist/) for any static host or CDN, served at the root of a domain or
// subdomain: every page of the guide prerendered, go-app's scripts, the
// service worker, the manifest, the web folder with app.wasm, and brotli and
// gzip copies beside the large files, robots.txt and, with -site-url,
// sitemap.xml.
//
//	static [-web web] [-out dist] [-site-url https://guide.your-clinic.example]
//
// SITE_URL in the environment sets the default of -site-url.
package main

import (
	"flag"
	"fmt"
	"os"

	"symptomguide/cmd/internal/site"
)

func main() {
	web := flag.String("web", "web", "the built web folder")
	out := flag.String("out", "dist", "the folder to write; it is replaced")
	siteURL := flag.String("site-url", os.Getenv("SITE_URL"), "the guide's public address, such as https://guide.your-clinic.example; without it there is no sitemap.xml")
	flag.Parse()
	if err := site.Export(*web, *out, *siteURL); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
	fmt.Printf("static: wrote %s; serve it at the root of a domain or subdomain (see README)\n", *out)
}
