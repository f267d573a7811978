// Command precompress writes brotli (.br) and gzip (.gz) copies beside every
// compressible file in a folder, so servers can send them without compressing
// on each request. With -report it prints the raw, gzip and brotli sizes of
// the files named instead.
//
//	precompress DIR...
//	precompress -report FILE...
package main

import (
	"flag"
	"fmt"
	"os"

	"symptomguide/cmd/internal/compress"
)

func main() {
	report := flag.Bool("report", false, "print the sizes of the named files instead of writing copies")
	flag.Parse()
	for _, name := range flag.Args() {
		if err := run(name, *report); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

func run(name string, report bool) error {
	if !report {
		return compress.Dir(name)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	br, gz := len(compress.Brotli(b)), len(compress.Gzip(b))
	fmt.Printf("%s: raw %d bytes (%.2f MB), gzip %d bytes (%.2f MB), brotli %d bytes (%.2f MB)\n",
		name, len(b), mb(len(b)), gz, mb(gz), br, mb(br))
	return nil
}

// mb converts bytes to decimal megabytes.
func mb(n int) float64 { return float64(n) / 1e6 }
