// Command static exports the guide as a folder of static files (default
// dist/) for any static host or CDN, served at the root of a domain or
// subdomain: every page of the guide prerendered, go-app's scripts, the
// service worker, the manifest, the web folder with app.wasm, and brotli and
// gzip copies beside the large files.
//
//	static [-web web] [-out dist]
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/app/ui"
	"symptomguide/cmd/internal/compress"
	"symptomguide/cmd/internal/site"
)

func main() {
	web := flag.String("web", "web", "the built web folder")
	out := flag.String("out", "dist", "the folder to write; it is replaced")
	flag.Parse()
	if err := export(*web, *out); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
}

// export writes the static site for the built web folder into out.
func export(web, out string) error {
	if err := site.Check(web); err != nil {
		return err
	}
	g, err := guide.New(guidedata.Content)
	if err != nil {
		return fmt.Errorf("the compiled content is broken: %w (run make build)", err)
	}
	version, err := site.Version(web)
	if err != nil {
		return err
	}
	ui.Register(g)
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	h := site.Handler(g, version, site.StaticHost)
	if err := app.GenerateStaticWebsite(out, h, ui.Paths(g)...); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	if err := copyDir(web, filepath.Join(out, "web")); err != nil {
		return err
	}
	if err := compress.Dir(out); err != nil {
		return err
	}
	fmt.Printf("static: wrote %s (version %s): %d pages; serve it at the root of a domain\n", out, version, len(ui.Paths(g)))
	return nil
}

// copyDir copies the files of src into dst, leaving out compressed copies
// (export writes fresh ones) and the README's pictures.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if rel == "readme" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		switch filepath.Ext(path) {
		case ".br", ".gz":
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}
