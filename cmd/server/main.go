// Command server serves the Symptom Guide: the built web folder, the
// prerendered pages and nothing else. It keeps no logs of requests.
//
//	server [-addr localhost:8080] [-web web] [-embed-origins https://a.example,https://b.example] [-site-url https://guide.example]
//
// ADDR, WEB, EMBED_ORIGINS and SITE_URL in the environment set the defaults
// of the flags.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/server"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run parses the flags, starts the server and serves until SIGINT or
// SIGTERM. Start-up errors are one clear line and a non-zero exit.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", envOr("ADDR", "localhost:8080"), "the address to listen on")
	web := fs.String("web", envOr("WEB", "web"), "the folder of built static files")
	origins := fs.String("embed-origins", envOr("EMBED_ORIGINS", ""), "comma-separated origins allowed to embed the guide, besides those in content/clinic.yaml")
	siteURL := fs.String("site-url", envOr("SITE_URL", ""), "the guide's public address, such as https://guide.your-clinic.example, for sitemap.xml; without it there is no sitemap")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	logger := log.New(stderr, "server: ", 0)
	gs, err := guide.NewAll(guidedata.Languages)
	if err != nil {
		logger.Printf("the compiled content is broken: %v (run make build)", err)
		return 1
	}
	embedders := slices.Clone(guidedata.Deploy.EmbedOrigins)
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			embedders = append(embedders, o)
		}
	}
	s, err := server.New(server.Config{Addr: *addr, WebDir: *web, Guides: gs, EmbedOrigins: embedders, HTTPS: guidedata.Deploy.HTTPS, SiteURL: *siteURL, Log: logger})
	if err != nil {
		logger.Print(err)
		return 1
	}
	if err := s.Listen(); err != nil {
		logger.Print(err)
		return 1
	}
	fmt.Fprintf(stderr, "Symptom Guide is running at http://%s/ (version %s). Press Ctrl+C to stop.\n", s.Addr(), s.Version())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := s.Serve(ctx); err != nil {
		logger.Print(err)
		return 1
	}
	logger.Print("stopped")
	return 0
}

// envOr returns the environment variable key, or def when it is unset.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
