// Package server is the guide's HTTP server: one handler chain that sets the
// policy headers, serves the built files in web/, prerenders the guide's pages
// through go-app, and keeps nothing of what visitors send. cmd/server is a
// thin main over it, and the browser tests run it in-process.
package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/ui"
	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// Config is what a Server needs.
type Config struct {
	// Addr is the address to listen on, such as localhost:8080.
	Addr string
	// WebDir is the folder of built static files (app.wasm, styles, icons).
	WebDir string
	// Guides are the engines with the clinic's content, one for each of
	// its languages, the default first.
	Guides []*guide.Guide
	// EmbedOrigins are the origins allowed to frame the guide besides its
	// own: cmd/server passes clinic.yaml's (guidedata.Deploy) and those of
	// -embed-origins.
	EmbedOrigins []string
	// HTTPS reports whether the guide is served over TLS, which turns on
	// Strict-Transport-Security: clinic.yaml's https, which cmd/server
	// passes.
	HTTPS bool
	// SiteURL is the guide's public address, such as https://guide.example
	// (see site.ParseURL). Without it the server has no sitemap.xml, and
	// robots.txt names none.
	SiteURL string
	// Log receives start-up, shutdown and error lines, never a request's
	// URL or query: those carry a visitor's answers.
	Log *log.Logger
}

// Server serves the guide.
type Server struct {
	cfg    Config
	site   *site.Site
	policy policy.Policy
	assets map[string]*asset
	// root holds the files served at the root besides the pages:
	// robots.txt and, with a site URL, sitemap.xml (path → *asset).
	root map[string]*asset
	// pages holds what go-app serves without answers, rendered once: pages
	// and go-app's scripts (path → *lazyAsset); rendered counts those
	// renders.
	pages    sync.Map
	rendered atomic.Int64
	// answers is what rendering pages from answers needs besides go-app
	// (see answerPages).
	answers *answerPages
	app     *app.Handler
	handler http.Handler
	http    *http.Server
	ln      net.Listener
}

// Timeouts bound how long a client may hold a connection.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 15 * time.Second
	maxHeaderBytes    = 64 << 10
)

// New checks the build in cfg.WebDir and returns a server for it. It fails
// with one clear line when the build is missing or incomplete.
func New(cfg Config) (*Server, error) {
	if len(cfg.Guides) == 0 {
		return nil, errors.New("no guide content")
	}
	st, err := site.Load(cfg.Guides, cfg.WebDir, site.GoServer)
	if err != nil {
		return nil, err
	}
	st.EmbedOrigins, st.HTTPS = cfg.EmbedOrigins, cfg.HTTPS
	if st.URL, err = site.ParseURL(cfg.SiteURL); err != nil {
		return nil, err
	}
	if cfg.Log == nil {
		cfg.Log = log.New(log.Writer(), "server: ", 0)
	}
	assets, err := loadAssets(cfg.WebDir)
	if err != nil {
		return nil, fmt.Errorf("reading the build in %s: %w", cfg.WebDir, err)
	}
	ui.Register(cfg.Guides...)
	root := map[string]*asset{"/robots.txt": memoryAsset(st.Robots(), policy.ContentType("robots.txt"), time.Time{})}
	if sitemap := st.Sitemap(); sitemap != nil {
		root["/sitemap.xml"] = memoryAsset(sitemap, policy.ContentType("sitemap.xml"), time.Time{})
	}
	s := &Server{cfg: cfg, site: st, policy: st.Policy(), assets: assets, root: root, app: st.Handler(), answers: newAnswerPages(st)}
	// The manifests of the other languages, from go-app's.
	manifests, err := st.Manifests(s.cached("/manifest.webmanifest").identity())
	if err != nil {
		return nil, err
	}
	for path, b := range manifests {
		root[path] = memoryAsset(b, policy.ContentType("manifest.webmanifest"), time.Time{})
	}
	s.handler = s.routes()
	s.http = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		// The standard library's own error lines can hold a client's
		// request line; keep them out of the log.
		ErrorLog: log.New(discard{}, "", 0),
	}
	return s, nil
}

// Handler returns the server's whole handler chain.
func (s *Server) Handler() http.Handler { return s.handler }

// Version returns the version the server runs.
func (s *Server) Version() string { return s.site.Version }

// Listen binds the configured address. A port in use fails here, before
// anything is served.
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	return nil
}

// Addr returns the address the server listens on, once Listen has run.
func (s *Server) Addr() string {
	if s.ln == nil {
		return s.cfg.Addr
	}
	return s.ln.Addr().String()
}

// Serve serves until ctx is done, then shuts down gracefully: it stops
// accepting connections and lets every accepted request finish.
func (s *Server) Serve(ctx context.Context) error {
	if s.ln == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(s.ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := s.http.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// discard is an io.Writer that drops everything.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
