// Command guidec is the content compiler. It reads the clinic's content/
// folder, checks all of it, renders the articles' Markdown to safe HTML, and
// writes the result as Go source (app/guidedata), the clinic's colours as a
// stylesheet (web/clinic.css) and the app icons in those colours (web/). It lists every problem it finds, each with
// its file, line and field, and exits non-zero if there is any.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main with its arguments and outputs, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("guidec", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("content", "content", "the content folder to compile")
	goOut := fs.String("go", "app/guidedata/content_gen.go", "where to write the generated Go source")
	cssOut := fs.String("css", "web/clinic.css", "where to write the clinic's stylesheet")
	iconDir := fs.String("icons", "web", "the folder to write the app icons to")
	check := fs.Bool("check", false, "only check: fail if the generated files are out of date instead of writing them")
	todayFlag := fs.String("today", "", "the date to check review dates against, as YYYY-MM-DD (default: today)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if *todayFlag != "" {
		t, err := time.Parse(time.DateOnly, *todayFlag)
		if err != nil {
			fmt.Fprintf(stderr, "guidec: -today %q is not a date: write it as YYYY-MM-DD\n", *todayFlag)
			return 2
		}
		today = t
	}
	b, ps := Compile(*dir, today)
	if len(ps) > 0 {
		fmt.Fprintln(stderr, ps.Error())
		fmt.Fprintf(stderr, "guidec: %d problems in %s: nothing was written\n", len(ps), *dir)
		return 1
	}
	c := b.Languages[0]
	src, err := generateGo(b, "guidedata")
	if err != nil {
		fmt.Fprintf(stderr, "guidec: generating Go failed: %v\n", err)
		return 1
	}
	outputs := []struct {
		path string
		data []byte
	}{
		{*goOut, src},
		{*cssOut, generateCSS(c.Clinic.Colours)},
		{filepath.Join(*iconDir, "icon-192.png"), icon(192, c.Clinic.Colours.Brand, c.Clinic.Colours.OnBrand, false)},
		{filepath.Join(*iconDir, "icon-512.png"), icon(512, c.Clinic.Colours.Brand, c.Clinic.Colours.OnBrand, false)},
		{filepath.Join(*iconDir, "icon-maskable-512.png"), icon(512, c.Clinic.Colours.Brand, c.Clinic.Colours.OnBrand, true)},
	}
	for _, o := range outputs {
		old, _ := os.ReadFile(o.path)
		if bytes.Equal(old, o.data) {
			continue
		}
		if *check {
			fmt.Fprintf(stderr, "guidec: %s is out of date with %s: run make build\n", o.path, *dir)
			return 1
		}
		if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
			fmt.Fprintf(stderr, "guidec: %v\n", err)
			return 1
		}
		if err := os.WriteFile(o.path, o.data, 0o644); err != nil {
			fmt.Fprintf(stderr, "guidec: %v\n", err)
			return 1
		}
	}
	for _, sum := range b.Summaries {
		if sum.Preset != "" {
			fmt.Fprintf(stdout, "guidec: %s: %s\n", sum.Lang, sum.Preset)
		}
		fmt.Fprintf(stdout, "guidec: %s (%s): %s\n", *dir, sum.Lang, sum)
	}
	return 0
}
