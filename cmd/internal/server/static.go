package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// decodedLengthHeader carries a compressed file's decoded length.
const decodedLengthHeader = "X-Decoded-Length"

// asset is one file of the web folder, held in memory with its
// pre-compressed copies.
type asset struct {
	body    []byte
	br, gz  []byte
	etag    string
	ctype   string
	modtime time.Time
}

// loadAssets reads every file of dir into memory. Copies ending in .br and
// .gz are attached to the file they compress rather than served alone.
func loadAssets(dir string) (map[string]*asset, error) {
	assets := map[string]*asset{}
	root := os.DirFS(dir)
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			return err
		}
		body, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		a := &asset{
			body:    body,
			etag:    `"` + hex.EncodeToString(sum[:10]) + `"`,
			ctype:   contentType(name),
			modtime: info.ModTime(),
		}
		// A compressed copy is only used when it is newer than its file, so
		// a stale copy from an older build is never served.
		a.br = compressedCopy(root, name+".br", info.ModTime())
		a.gz = compressedCopy(root, name+".gz", info.ModTime())
		assets[name] = a
		return nil
	})
	return assets, err
}

// compressedCopy reads a compressed copy if it is at least as new as its
// source.
func compressedCopy(root fs.FS, name string, source time.Time) []byte {
	info, err := fs.Stat(root, name)
	if err != nil || info.ModTime().Before(source) {
		return nil
	}
	b, err := fs.ReadFile(root, name)
	if err != nil {
		return nil
	}
	return b
}

// contentType returns the MIME type for a file name.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	case ".js":
		return "text/javascript; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// static serves the web folder under /web/ from memory: brotli, then gzip,
// by Accept-Encoding, with ETags, 304s, Range and HEAD. Folders are never
// listed and nothing outside the folder is reachable: only names read at
// start-up exist.
func (s *Server) static() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/web/")
		a := s.assets[name]
		if !ok || a == nil || !cleanPath(r.URL.Path) {
			notFound(w)
			return
		}
		s.serveAsset(w, r, a)
	})
}

// serveAsset writes one asset in the best encoding the client accepts.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	body, etag := a.body, a.etag
	if a.br != nil || a.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		switch {
		case a.br != nil && accepts(r, "br"):
			body, etag = a.br, strings.TrimSuffix(a.etag, `"`)+`-br"`
			h.Set("Content-Encoding", "br")
		case a.gz != nil && accepts(r, "gzip"):
			body, etag = a.gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", etag)
	// Files keep their names from build to build, so browsers check the
	// ETag each time; the service worker's versioned cache keeps them for
	// repeat and offline visits.
	h.Set("Cache-Control", "no-cache")
	if h.Get("Content-Encoding") != "" {
		// Content-Length counts the compressed bytes; go-app's loader reads
		// this header to show progress in decoded bytes.
		h.Set(decodedLengthHeader, strconv.Itoa(len(a.body)))
		// http.ServeContent leaves Content-Length out for encoded bodies;
		// a whole body's length is known, so say it.
		if r.Header.Get("Range") == "" {
			h.Set("Content-Length", strconv.Itoa(len(body)))
		}
	}
	http.ServeContent(w, r, "", a.modtime, bytes.NewReader(body))
}

// accepts reports whether the request's Accept-Encoding allows coding.
func accepts(r *http.Request, coding string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q := strings.TrimSpace(params)
		if v, ok := strings.CutPrefix(q, "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			return err == nil && f > 0
		}
		return true
	}
	return false
}
