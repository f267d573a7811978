// Command static exports the guide as a folder of static files (default
// dist/) for any static host or CDN, served at the root of a domain or
// subdomain: every page of the guide prerendered, go-app's scripts, the
// service worker, the manifest, the web folder with app.wasm, and brotli and
// gzip copies beside the large files, robots.txt, 404.html and, with
// -site-url, sitemap.xml. It writes each host's configuration from the
// header policy the Go server applies (package deploy): _headers,
// _redirects and .htaccess into the export, which Netlify, Cloudflare Pages
// and Apache read there, and nginx.conf, Caddyfile, Caddyfile.server and
// symptom-guide.service into a folder beside it (default deploy/).
//
//	static [-web web] [-out dist] [-deploy deploy] [-site-url https://guide.your-clinic.example]
//
// SITE_URL in the environment sets the default of -site-url.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"symptomguide/cmd/internal/deploy"
)

func main() {
	web := flag.String("web", "web", "the built web folder")
	out := flag.String("out", "dist", "the folder to write; it is replaced")
	configs := flag.String("deploy", "", "the folder for the nginx, Caddy and systemd configurations (default: deploy beside -out)")
	siteURL := flag.String("site-url", os.Getenv("SITE_URL"), "the guide's public address, such as https://guide.your-clinic.example; without it there is no sitemap.xml")
	flag.Parse()
	if *configs == "" {
		*configs = filepath.Join(filepath.Dir(filepath.Clean(*out)), "deploy")
	}
	if _, err := deploy.Export(*web, *out, *configs, *siteURL, deploy.Params{}); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
	fmt.Printf("static: wrote %s (with _headers, _redirects, .htaccess) and %s (nginx.conf, Caddyfile, Caddyfile.server, %s); serve it at the root of a domain or subdomain (see README, Deploy)\n",
		*out, *configs, deploy.UnitName)
}
