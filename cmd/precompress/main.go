// Command precompress writes brotli (.br) and gzip (.gz) copies beside every
// compressible file in a folder, so servers can send them without compressing
// on each request. With -report it prints the raw, gzip and brotli sizes of
// the files named instead.
//
//	precompress DIR...
//	precompress -report FILE...
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// minSize is the smallest file worth compressing.
const minSize = 1024

// compressible lists the extensions worth compressing.
var compressible = map[string]bool{".wasm": true, ".js": true, ".css": true, ".html": true, ".svg": true, ".json": true, ".webmanifest": true, ".txt": true}

func main() {
	report := flag.Bool("report", false, "print the sizes of the named files instead of writing copies")
	flag.Parse()
	if err := run(flag.Args(), *report, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "precompress:", err)
		os.Exit(1)
	}
}

func run(args []string, report bool, out io.Writer) error {
	if report {
		for _, name := range args {
			b, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			br, gz := Brotli(b), Gzip(b)
			fmt.Fprintf(out, "%s: raw %d bytes (%.2f MB), gzip %d bytes (%.2f MB), brotli %d bytes (%.2f MB)\n",
				name, len(b), mb(len(b)), len(gz), mb(len(gz)), len(br), mb(len(br)))
		}
		return nil
	}
	for _, dir := range args {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !compressible[filepath.Ext(path)] {
				return err
			}
			return compressFile(path)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes path.br and path.gz when they are missing or stale.
func compressFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil || len(b) < minSize {
		return err
	}
	for ext, compress := range map[string]func([]byte) []byte{".br": Brotli, ".gz": Gzip} {
		if fresh(path, path+ext) {
			continue
		}
		if err := os.WriteFile(path+ext, compress(b), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// fresh reports whether out exists and is newer than in.
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

func mb(n int) float64 { return float64(n) / 1e6 }
