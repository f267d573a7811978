package server

import (
	"cmp"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"symptomguide/app/ui"
	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// goAppFiles are the files go-app generates for the page: its loader
// script, the Go wasm runtime, the service worker, the manifest and the
// loader's styles.
var goAppFiles = map[string]bool{
	"/app.js":               true,
	"/wasm_exec.js":         true,
	"/app-worker.js":        true,
	"/manifest.webmanifest": true,
	"/app.css":              true,
}

// routes returns the server's handler chain. Every route is here.
func (s *Server) routes() http.Handler {
	static := s.static()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte("ok\n"))
	})
	mux.Handle("GET /web/", static)
	// The embed snippet's script keeps one address for every build, and
	// clinics' pages on other origins load it.
	mux.HandleFunc("GET "+policy.EmbedPath, func(w http.ResponseWriter, r *http.Request) {
		setKind(w, policy.Embed, false)
		s.serveAsset(w, r, s.assets["embed.js"])
	})
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case goAppFiles[r.URL.Path]:
			s.serveAsset(w, r, s.cached(r.URL.Path))
		case s.root[r.URL.Path] != nil:
			s.serveAsset(w, r, s.root[r.URL.Path])
		case ui.IsPage(r.URL.Path):
			// A step or an article; any other path, such as an
			// unknown article, is a 404.
			s.page(w, r)
		default:
			s.errorPageIn(w, http.StatusNotFound, ui.LangAt(r.URL.Path))
		}
	})
	return s.headers(s.recoverer(s.limits(s.methods(mux))))
}

// Request limits: longer URLs get 414 and larger header blocks 431. The
// http.Server refuses header blocks past maxHeaderBytes itself.
const (
	maxURL         = 8 << 10
	maxHeaderTotal = 16 << 10
)

// limits refuses requests with an overlong URL or too many header bytes.
func (s *Server) limits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.RequestURI) > maxURL {
			s.errorPage(w, http.StatusRequestURITooLong)
			return
		}
		n := 0
		for k, vs := range r.Header {
			for _, v := range vs {
				n += len(k) + len(v) + 4
			}
		}
		if n > maxHeaderTotal {
			s.errorPage(w, http.StatusRequestHeaderFieldsTooLarge)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic into a generic 500 page: no stack trace reaches
// the client, and the log line names neither the URL nor the query.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.cfg.Log.Printf("internal error while serving a request: %T", v)
				s.errorPage(w, http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// page prerenders a page of the guide. A question form sent before the app
// runs is answered with a redirect to the next page. A page without answers
// is rendered once and kept in memory; a page rendered from answers is
// never kept, here or by any cache: nothing of the answers outlives the
// response.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	if next, ok := ui.Submitted(r.URL); ok {
		setKind(w, policy.Error, false)
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	query := r.URL.RawQuery != ""
	suggested := !query && s.suggests(r)
	// A page with a language suggestion is for this visitor only: kept
	// by no cache, as a page with answers.
	setKind(w, s.policy.PageKind(r.URL.Path), query || suggested)
	if !query && !suggested {
		s.serveAsset(w, r, s.cached(r.URL.Path))
		return
	}
	// A page rendered from answers is compressed on the fly and never
	// stored: not here, not by the browser, not by any cache between.
	var body []byte
	if suggested {
		body = site.Suggest(s.cached(r.URL.Path).identity())
	} else {
		body = s.render(r)
	}
	h := w.Header()
	h.Set("Content-Type", policy.ContentType(".html"))
	h.Set("Vary", "Accept-Encoding")
	if accepts(r, "gzip") {
		body = s.answers.gzip(body)
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// suggests reports whether the visitor's Accept-Language prefers another
// of the clinic's languages than the page's: the page then points at that
// language's link (site.Suggest), and never redirects, which would break a
// bookmark or a shared link.
func (s *Server) suggests(r *http.Request) bool {
	if len(s.cfg.Guides) < 2 {
		return false
	}
	pref := ui.Preferred(acceptedLanguages(r.Header.Get("Accept-Language")))
	return pref != "" && pref != ui.LangAt(r.URL.Path)
}

// acceptedLanguages returns the language tags of an Accept-Language header,
// most preferred first, leaving out those with q=0.
func acceptedLanguages(header string) []string {
	type tag struct {
		name string
		q    float64
	}
	var tags []tag
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		t := tag{name: strings.TrimSpace(name), q: 1}
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if q, err := strconv.ParseFloat(v, 64); err == nil {
				t.q = q
			}
		}
		if t.name != "" && t.q > 0 {
			tags = append(tags, t)
		}
	}
	slices.SortStableFunc(tags, func(a, b tag) int { return cmp.Compare(b.q, a.q) })
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.name
	}
	return names
}

// cached returns what go-app serves at path (a page without answers, or
// one of go-app's scripts), rendering and compressing it the first time:
// requests for a path not rendered yet wait for the one rendering it, so a
// burst at start-up renders each path once. Nothing here depends on a
// visitor: no path with a query is ever cached.
func (s *Server) cached(path string) *asset {
	e, ok := s.pages.Load(path)
	if !ok {
		e, _ = s.pages.LoadOrStore(path, &lazyAsset{})
	}
	l := e.(*lazyAsset)
	l.once.Do(func() { l.asset = s.renderAsset(path) })
	return l.asset
}

// lazyAsset is an asset rendered once, by the first request that needs it.
type lazyAsset struct {
	once  sync.Once
	asset *asset
}

// renderAsset has go-app render what it serves at path and keeps it as an
// asset in memory.
func (s *Server) renderAsset(path string) *asset {
	s.rendered.Add(1)
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, ctype := rec.Body.Bytes(), rec.Header().Get("Content-Type")
	if strings.HasPrefix(ctype, "text/html") {
		body, ctype = site.Finish(body, path), policy.ContentType(".html")
	} else {
		// go-app's scripts, manifest and styles, typed as every host
		// types the files of the static export.
		ctype = policy.ContentType(path)
	}
	return memoryAsset(body, ctype, time.Time{})
}

// render has go-app prerender the page for r and finishes it.
func (s *Server) render(r *http.Request) []byte {
	defer s.answers.slot()()
	w := &bodyWriter{header: http.Header{}}
	r2 := r.Clone(r.Context())
	r2.Method = http.MethodGet
	r2.Header.Del("If-None-Match")
	s.app.ServeHTTP(w, r2)
	return site.Finish(w.body, r.URL.Path)
}

// methods answers anything but GET and HEAD with 405 and an Allow header.
func (s *Server) methods(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.errorPage(w, http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// notFound answers 404 with a generic body.
func (s *Server) notFound(w http.ResponseWriter) { s.errorPage(w, http.StatusNotFound) }

// errorPage answers with status and a short generic page in the default
// language; internals are never echoed.
func (s *Server) errorPage(w http.ResponseWriter, status int) {
	s.errorPageIn(w, status, "")
}

// errorPageIn is errorPage in language lang: the page of an unknown
// address under /es is in Spanish.
func (s *Server) errorPageIn(w http.ResponseWriter, status int, lang string) {
	c := s.site.GuideIn(lang).Content()
	h := w.Header()
	h.Set("Content-Type", policy.ContentType(".html"))
	setKind(w, policy.Error, false)
	h.Del("ETag")
	h.Del("Vary")
	h.Del("Content-Encoding")
	w.WriteHeader(status)
	w.Write(site.ErrorPage(status, c))
}
