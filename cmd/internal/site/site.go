// Package site describes the guide as a go-app web app: its name, icons,
// styles, scripts and version. The server and the static export both build
// their go-app handler here, so the two ways of hosting serve the same app.
package site

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/ui"
)

// workerTemplate is the guide's service worker; go-app fills in the version
// and the list of files to precache.
//
//go:embed app-worker.js
var workerTemplate string

// Files the guide cannot run without, relative to the web folder.
var required = []string{"app.wasm", "guide.css", "clinic.css", "guide.js", "icon-192.png", "icon-512.png", "icon-maskable-512.png"}

// Check reports a clear error when the built web folder is incomplete.
func Check(webDir string) error {
	for _, name := range required {
		if _, err := os.Stat(filepath.Join(webDir, name)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s is missing: run make build", filepath.Join(webDir, name))
			}
			return err
		}
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

// Handler returns the go-app handler for the guide. Icons are local so the
// offline cache holds them, and the version is the build's hash.
func Handler(g *guide.Guide, version string, hosting Hosting) *app.Handler {
	c := g.Content().Clinic
	var headers []string
	pages := ui.Paths(g)
	if hosting == StaticHost {
		// guide.js reads this before the app runs: on a static host a
		// question form must wait for the app rather than go to the host.
		headers = append(headers, `<meta name="guide-hosting" content="static">`)
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
		Title:           "Back pain guide – " + c.Name,
		Description:     c.Description,
		Author:          c.Name,
		Lang:            c.Lang,
		BackgroundColor: c.Colours.Background,
		ThemeColor:      c.Colours.Brand,
		LoadingLabel:    "Loading {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/" + c.Logo,
		},
		Styles:  []string{"/web/clinic.css", "/web/guide.css"},
		Scripts: []string{"/web/guide.js defer"},
		Version: version,
		// The server sends app.wasm compressed; this header has its size.
		WasmContentLengthHeader: "X-Decoded-Length",
		// Every page and file the guide needs, so it all works offline.
		CacheableResources:    append(pages, "/web/"+c.Logo),
		ServiceWorkerTemplate: workerTemplate,
		// The server serves /web itself; go-app only resolves its paths.
		Resources: app.LocalDir(""),
	}
}
