// Package compress writes brotli and gzip copies of a folder's files, for
// servers and static hosts that send pre-compressed files.
package compress

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"
)

// MinSize is the smallest file worth compressing: the Go server compresses
// pages it keeps in memory by the same rule.
const MinSize = 1024

// compressible lists the extensions worth compressing.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true, ".svg": true,
	".json": true, ".webmanifest": true, ".txt": true, ".xml": true,
}

// Dir writes name.br and name.gz beside every compressible file of dir of
// at least 1 KB, skipping copies that are already newer than their file.
func Dir(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[filepath.Ext(path)] {
			return err
		}
		return file(path)
	})
}

// file writes path.br and path.gz when they are missing or stale.
func file(path string) error {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < MinSize {
		return err
	}
	for _, c := range []struct {
		ext string
		fn  func([]byte) []byte
	}{{".br", Brotli}, {".gz", Gzip}} {
		if fresh(path, path+c.ext) {
			continue
		}
		if err := os.WriteFile(path+c.ext, c.fn(b), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// fresh reports whether out exists and is at least as new as in.
func fresh(in, out string) bool {
	i, err1 := os.Stat(in)
	o, err2 := os.Stat(out)
	return err1 == nil && err2 == nil && !o.ModTime().Before(i.ModTime())
}

// Brotli compresses b at the best level.
func Brotli(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// Gzip compresses b at the best level.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// fastWriters reuses gzip writers: each holds about a megabyte of state.
var fastWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// GzipFast compresses b quickly, for responses made on each request.
func GzipFast(b []byte) []byte {
	var buf bytes.Buffer
	w := fastWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(b)
	w.Close()
	w.Reset(nil)
	fastWriters.Put(w)
	return buf.Bytes()
}
