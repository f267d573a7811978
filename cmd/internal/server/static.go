package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"symptomguide/cmd/internal/compress"
	"symptomguide/cmd/internal/policy"
)

// largeFile is the size from which a file is sent from disk on each request
// rather than held in memory: app.wasm in each encoding (1.5 MB brotli,
// 2 MB gzip, 8.9 MB raw). http.ServeContent sends a file with sendfile,
// which under load keeps the slowest downloads much closer to nginx's
// (wrk, 256 connections, 2 cores: p99 220 to 270 ms from disk, 460 to
// 670 ms written from memory, at the same requests per second).
const largeFile = 1 << 20

// asset is one file to serve, in each encoding it has.
type asset struct {
	ctype    string
	modtime  time.Time
	size     int // decoded length
	variants []variant
}

// variant is one encoding of an asset: held in memory, or for large files
// read from disk on each request.
type variant struct {
	encoding string // "", "br" or "gzip"
	data     []byte
	path     string
	size     int64
	modtime  time.Time // of a file read from disk on each request
	etag     string
}

// identity returns the asset's content as it is, not compressed: held in
// memory for every asset the server makes itself, such as a page.
func (a *asset) identity() []byte {
	for _, v := range a.variants {
		if v.encoding == "" && v.data != nil {
			return v.data
		}
	}
	return nil
}

// open returns the variant's content and its length. A file read from
// disk on each request may have been replaced since start-up (a new build
// copied over a running server): then changed is true, and the length is
// the new file's.
func (v variant) open() (content io.ReadSeeker, size int64, changed bool, done func(), err error) {
	if v.path == "" {
		return bytes.NewReader(v.data), v.size, false, func() {}, nil
	}
	f, err := os.Open(v.path)
	if err != nil {
		return nil, 0, false, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, false, nil, err
	}
	changed = fi.Size() != v.size || !fi.ModTime().Equal(v.modtime)
	return f, fi.Size(), changed, func() { f.Close() }, nil
}

// etagOf returns a strong ETag for content.
func etagOf(b []byte, encoding string) string {
	sum := sha256.Sum256(b)
	tag := hex.EncodeToString(sum[:10])
	if encoding != "" {
		tag += "-" + encoding
	}
	return `"` + tag + `"`
}

// loadAssets reads the web folder. Copies ending in .br and .gz are served
// as encodings of the file they compress, and only while they are at least
// as new as it, so a stale copy from an older build is never served.
func loadAssets(dir string) (map[string]*asset, error) {
	assets := map[string]*asset{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || isCopy(p) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		a := &asset{ctype: policy.ContentType(p), modtime: info.ModTime(), size: int(info.Size())}
		// The copies in the policy's order of preference, then the file.
		for _, enc := range append(slices.Clone(policy.Encodings), policy.Encoding{}) {
			file := p + enc.Suffix
			fi, err := os.Stat(file)
			if err != nil || fi.ModTime().Before(info.ModTime()) {
				continue
			}
			v, err := fileVariant(file, enc.Name, fi)
			if err != nil {
				return err
			}
			a.variants = append(a.variants, v)
		}
		assets[filepath.ToSlash(rel)] = a
		return nil
	})
	return assets, err
}

// isCopy reports whether name is a compressed copy of another file.
func isCopy(name string) bool {
	for _, enc := range policy.Encodings {
		if strings.HasSuffix(name, enc.Suffix) {
			return true
		}
	}
	return false
}

// fileVariant reads a file's ETag, keeping its content in memory unless it
// is large.
func fileVariant(file, encoding string, fi fs.FileInfo) (variant, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return variant{}, err
	}
	v := variant{encoding: encoding, size: fi.Size(), modtime: fi.ModTime(), etag: etagOf(b, encoding)}
	if v.size >= largeFile {
		v.path = file
	} else {
		v.data = b
	}
	return v, nil
}

// memoryAsset makes an asset of content in memory, with brotli and gzip
// copies when it is worth compressing.
func memoryAsset(body []byte, ctype string, modtime time.Time) *asset {
	a := &asset{ctype: ctype, modtime: modtime, size: len(body)}
	if len(body) >= compress.MinSize {
		br, gz := compress.Brotli(body), compress.Gzip(body)
		a.variants = append(a.variants,
			variant{encoding: "br", data: br, size: int64(len(br)), etag: etagOf(body, "br")},
			variant{encoding: "gzip", data: gz, size: int64(len(gz)), etag: etagOf(body, "gzip")})
	}
	a.variants = append(a.variants, variant{data: body, size: int64(len(body)), etag: etagOf(body, "")})
	return a
}

// static serves the web folder under /web/: brotli, then gzip, by
// Accept-Encoding, with ETags, 304s, Range and HEAD. Requests never touch
// the file system by their path: a name is served only if it is one of the
// clean names read from the folder at start-up, so dot segments, encoded
// slashes, backslashes and NUL bytes find nothing and folders are never
// listed.
func (s *Server) static() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/web/")
		a := s.assets[name]
		if !ok || a == nil {
			s.notFound(w)
			return
		}
		s.serveAsset(w, r, a)
	})
}

// serveAsset writes an asset in the best encoding the client accepts.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	v := a.variants[len(a.variants)-1]
	if len(a.variants) > 1 {
		h.Set("Vary", "Accept-Encoding")
		for _, c := range a.variants {
			if c.encoding != "" && accepts(r, c.encoding) {
				v = c
				break
			}
		}
	}
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", v.etag)
	// A file unless the handler said otherwise (see policy.CacheControl).
	if h.Get("Cache-Control") == "" {
		setKind(w, policy.File, false)
	}
	if v.encoding != "" {
		h.Set("Content-Encoding", v.encoding)
		// Content-Length counts the compressed bytes; go-app's loader reads
		// this header to show progress in decoded bytes.
		h.Set(policy.DecodedLengthHeader, strconv.Itoa(a.size))
		// http.ServeContent leaves Content-Length out for encoded bodies;
		// a whole body's length is known, so say it.
		if r.Header.Get("Range") == "" {
			h.Set("Content-Length", strconv.FormatInt(v.size, 10))
		}
	}
	if v.data != nil && plain(r) {
		// The common case, from memory: no range, no condition to check.
		h.Set("Content-Length", strconv.Itoa(len(v.data)))
		if r.Method != http.MethodHead {
			w.Write(v.data)
		}
		return
	}
	content, size, changed, done, err := v.open()
	if err != nil {
		s.errorPage(w, http.StatusInternalServerError)
		return
	}
	defer done()
	if changed {
		// The headers read at start-up describe the old file: send the
		// new one as it is, without a validator that no longer fits it.
		h.Del("ETag")
		if h.Get("Content-Length") != "" {
			h.Set("Content-Length", strconv.FormatInt(size, 10))
		}
	}
	http.ServeContent(w, r, "", a.modtime, content)
}

// plain reports whether r asks for the whole body with no condition, so
// http.ServeContent's checks have nothing to do.
func plain(r *http.Request) bool {
	h := r.Header
	return h.Get("Range") == "" && h.Get("If-None-Match") == "" && h.Get("If-Modified-Since") == "" &&
		h.Get("If-Match") == "" && h.Get("If-Unmodified-Since") == ""
}

// accepts reports whether the request's Accept-Encoding allows coding.
func accepts(r *http.Request, coding string) bool {
	rest := r.Header.Get("Accept-Encoding")
	for rest != "" {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
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
