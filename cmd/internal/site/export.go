package site

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/app/ui"
	"symptomguide/cmd/internal/compress"
)

// ErrorFile is the page a static host answers an unknown address with,
// with status 404: Netlify, Cloudflare Pages and GitHub Pages find it by
// this name, and the generated nginx, Caddy and Apache configurations name
// it. Without it, Cloudflare Pages would answer every unknown address with
// the start page and status 200.
const ErrorFile = "404.html"

// Export writes the static site for the built web folder into out, with
// robots.txt and, when siteURL (see ParseURL) is not empty, sitemap.xml.
func Export(web, out, siteURL string) error {
	_, err := ExportSite(web, out, siteURL)
	return err
}

// ExportSite is Export, returning the site it exported, whose Policy the
// hosts' configurations are written from.
func ExportSite(web, out, siteURL string) (*Site, error) {
	gs, err := guide.NewAll(guidedata.Languages)
	if err != nil {
		return nil, fmt.Errorf("the compiled content is broken: %w (run make build)", err)
	}
	s, err := Load(gs, web, StaticHost)
	if err != nil {
		return nil, err
	}
	s.EmbedOrigins, s.HTTPS = guidedata.Deploy.EmbedOrigins, guidedata.Deploy.HTTPS
	if s.URL, err = ParseURL(siteURL); err != nil {
		return nil, err
	}
	return s, s.export(web, out)
}

// export writes the site into out.
func (s *Site) export(web, out string) error {
	ui.Register(s.Guides...)
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, s.Handler(), ui.Paths()...); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	if err := writeDecided(out, s.Handler()); err != nil {
		return err
	}
	if err := s.finishPages(out); err != nil {
		return err
	}
	base, err := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err != nil {
		return err
	}
	manifests, err := s.Manifests(base)
	if err != nil {
		return err
	}
	for path, b := range manifests {
		file := filepath.Join(out, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			return err
		}
	}
	if err := copyDir(web, filepath.Join(out, "web")); err != nil {
		return err
	}
	// The embed snippet loads /embed.js from the guide's root.
	if err := copyFile(filepath.Join(web, "embed.js"), filepath.Join(out, "embed.js")); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "robots.txt"), s.Robots(), 0o644); err != nil {
		return err
	}
	if sitemap := s.Sitemap(); sitemap != nil {
		if err := os.WriteFile(filepath.Join(out, "sitemap.xml"), sitemap, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(out, ErrorFile), ErrorPage(http.StatusNotFound, s.Guide.Content()), 0o644); err != nil {
		return err
	}
	if err := compress.Dir(out); err != nil {
		return err
	}
	return nil
}

// writeDecided writes the result page of each answer that decides the
// outcome on its own (ui.Decided) into out, as path.html, rendered by h from
// the result's address with that one answer: a static host cannot render a
// result, and someone who ticks an emergency sign before the app has loaded
// must see what to do at once.
func writeDecided(out string, h http.Handler) error {
	for file, result := range ui.Decided() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, result, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("rendering %s for %s: status %d", result, file, rec.Code)
		}
		dst := filepath.Join(out, filepath.FromSlash(file)+".html")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, rec.Body.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// finishPages applies Finish to every page of the export, readies its
// question forms for a static host (staticForm) and inlines guide.js.
func (s *Site) finishPages(out string) error {
	return filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, path)
		if err != nil {
			return err
		}
		// The page's address: q/pain.html is /q/pain, index.html is /.
		page := "/" + strings.TrimSuffix(strings.TrimSuffix(filepath.ToSlash(rel), ".html"), "index")
		b = staticForm(Finish(b, page), s.GuideIn(ui.LangAt(page)).Content().Strings.JS.NeedsJS)
		return os.WriteFile(path, s.InlineScript(b), 0o644)
	})
}

// copyDir copies the files of src into dst, leaving out the README's
// pictures. Compressed copies come after their file, so they stay fresh.
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
		return copyFile(path, filepath.Join(dst, rel))
	})
}

// copyFile copies one file.
func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// GuideIn returns the engine of the language tagged lang, or the default
// language's.
func (s *Site) GuideIn(lang string) *guide.Guide {
	for _, g := range s.Guides {
		if g.Content().Clinic.Lang == lang {
			return g
		}
	}
	return s.Guide
}
