package main

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files: the compiled fixture (app/guidedata/fixture/content_gen.go) and testdata/valid.css.golden")

// fixtureGo is the valid fixture in two languages (testdata/valid, with
// testdata/translated laid over it) compiled: the golden file of the
// generated Go, and the content the pages' tests render (package fixture).
var fixtureGo = filepath.Join("..", "..", "app", "guidedata", "fixture", "content_gen.go")

// fixtureFolder is the folder the compiled fixture names; it is compiled
// from a temporary copy.
const fixtureFolder = "cmd/guidec/testdata/translated"

// today is the date the fixtures' review dates are checked against.
const today = "2026-06-01"

// mustToday returns today as a time.
func mustToday(tb testing.TB) time.Time {
	tb.Helper()
	t, err := time.Parse(time.DateOnly, today)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// golden compares got with the golden file at path, or rewrites the file
// when the test runs with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update and review the diff if the change is intended):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// fixtureSummary is the summary of the valid fixture. Its count of strings
// is every value written in the fixture's strings file, counted from the
// YAML: it grows with the strings file, so it is counted rather than typed.
func fixtureSummary(t *testing.T) string {
	t.Helper()
	file := filepath.Join("testdata", "valid", "strings", "en-GB.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var ps Problems
	var v any
	doc, _ := decodeYAML(file, 0, src, &v, &ps)
	return fmt.Sprintf("8 questions, 61 options, 5 levels (8 emergency, 15 urgent, 7 soon, 7 caution answers), 2 articles, 4 sections, 2 sources, %d strings, 567 answer paths checked, reading grade 2.8 to 6.9 (median 4.1)", len(doc.leafPaths()))
}

// TestCompile_Golden compiles the valid fixture and compares the generated
// Go source and stylesheet with their golden files.
func TestCompile_Golden(t *testing.T) {
	b, ps := Compile(translated(t, ""), mustToday(t))
	if len(ps) > 0 {
		t.Fatalf("Compile(testdata/valid with testdata/translated): got problems\n%s\nwant none", ps.Error())
	}
	b.Folder = fixtureFolder
	wantSum := fixtureSummary(t)
	c, sum := b.Languages[0], b.Summaries[0]
	if got := sum.String(); got != wantSum {
		t.Errorf("Compile(testdata/valid) summary: got %q, want %q", got, wantSum)
	}
	src, err := generateGo(b, "fixture")
	if err != nil {
		t.Fatalf("generateGo: %v", err)
	}
	golden(t, fixtureGo, src)
	golden(t, filepath.Join("testdata", "valid.css.golden"), generateCSS(c.Clinic.Colours))
}

// copyDir copies the files under src into dst, creating folders as needed
// and replacing files that exist. It skips want.txt, which describes a
// fixture rather than being part of it.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if rel == "want.txt" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// overlay returns a temporary content folder holding testdata/valid with the
// files of the fixture folder over it.
func overlay(t *testing.T, fixture string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, filepath.Join("testdata", "valid"), dir)
	copyDir(t, fixture, dir)
	return dir
}

// runContent runs the compiler on the content folder dir, writing to a
// temporary folder, and returns its exit code, its standard output, and the
// problem lines it printed with dir's path taken out of them, so that they
// read as paths inside the content folder. It checks that when there are
// problems, run ends with a line counting them and writes nothing.
func runContent(t *testing.T, dir string, extra ...string) (code int, stdout string, problems []string) {
	t.Helper()
	out := t.TempDir()
	args := append([]string{
		"-content", dir,
		"-go", filepath.Join(out, "content_gen.go"),
		"-css", filepath.Join(out, "clinic.css"),
		"-icons", out,
		"-today", today,
	}, extra...)
	var so, se bytes.Buffer
	code = run(args, &so, &se)
	text := strings.ReplaceAll(se.String(), dir+string(filepath.Separator), "")
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if code == 1 && len(lines) > 0 && strings.HasPrefix(lines[len(lines)-1], "guidec: ") {
		last := lines[len(lines)-1]
		lines = lines[:len(lines)-1]
		if want := fmt.Sprintf("guidec: %d problems in %s: nothing was written", len(lines), dir); last != want {
			t.Errorf("run: last line of stderr: got %q, want %q", last, want)
		}
		if names, _ := os.ReadDir(out); len(names) > 0 {
			t.Errorf("run wrote %s and more although it found problems, want nothing written", names[0].Name())
		}
	}
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	return code, so.String(), lines
}

// readLines returns the lines of a want.txt file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// TestRun_Broken runs the compiler on each fixture under testdata/broken,
// one a checker rule. A fixture folder holds only the files that differ from
// testdata/valid, and want.txt: every problem line the compiler must print,
// in the order it prints them, with paths relative to the content folder.
func TestRun_Broken(t *testing.T) {
	runBroken(t, filepath.Join("testdata", "broken"), overlay)
}

// runBroken runs the compiler on each fixture folder under dir, laid over
// its base by lay, and compares the problems it prints with the fixture's
// want.txt.
func runBroken(t *testing.T, dir string, lay func(t *testing.T, fixture string) string) {
	fixtures, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixtures) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	for _, f := range fixtures {
		if !f.IsDir() {
			continue
		}
		t.Run(f.Name(), func(t *testing.T) {
			fixture := filepath.Join(dir, f.Name())
			want := readLines(t, filepath.Join(fixture, "want.txt"))
			code, stdout, got := runContent(t, lay(t, fixture))
			if code != 1 {
				t.Errorf("run: got exit code %d, want 1 (stdout %q)", code, stdout)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("run: problems differ\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestRun_ListsEveryProblem checks that a fixture with problems in several
// files and several problems in one file gets every one of them listed, not
// only the first, and counted in the last line.
func TestRun_ListsEveryProblem(t *testing.T) {
	fixture := filepath.Join("testdata", "multi")
	want := readLines(t, filepath.Join(fixture, "want.txt"))
	dir := overlay(t, fixture)
	code, _, got := runContent(t, dir)
	if code != 1 {
		t.Errorf("run: got exit code %d, want 1", code)
	}
	missing := map[string]bool{}
	for _, w := range want {
		missing[w] = true
	}
	for _, g := range got {
		delete(missing, g)
	}
	for _, w := range want {
		if missing[w] {
			t.Errorf("run: problem %q is missing from the output", w)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("run: problems differ\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	files := map[string]bool{}
	for _, w := range want {
		files[strings.SplitN(w, ":", 2)[0]] = true
	}
	if len(files) < 3 {
		t.Errorf("testdata/multi/want.txt: got problems in %d files, want at least 3 for this test to mean anything", len(files))
	}
}

// TestRun_PreciseProblems runs the compiler on the fixtures under
// testdata/precise, which are broken in ways the compiler reports, but not
// yet where or only as it should: each want.txt holds the lines it ought to
// print. A failure here is a bug in the compiler, not in the fixture.
func TestRun_PreciseProblems(t *testing.T) {
	tests := []struct {
		fixture string
		why     string
	}{
		{
			fixture: "link-on-second-line",
			why: "a problem inside a paragraph is reported on the paragraph's first line, not the line it is on: " +
				"render's lineOf climbs from an inline node such as a link to its block and takes the block's first line",
		},
		{
			fixture: "html-on-second-line",
			why:     "inline raw HTML is reported on the paragraph's first line, not the line it is on (render's lineOf, as for links)",
		},
		{
			fixture: "questions-yaml-error",
			why: "when questions.yaml does not decode, Compile still builds the guide from no questions and reports " +
				"\"content has no questions\" and each safety question as missing, on line 1, which sends the writer looking for " +
				"questions that are there; only the YAML error should be listed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			fixture := filepath.Join("testdata", "precise", tt.fixture)
			want := readLines(t, filepath.Join(fixture, "want.txt"))
			code, _, got := runContent(t, overlay(t, fixture))
			if code != 1 {
				t.Errorf("run: got exit code %d, want 1", code)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("BUG: %s\ngot:\n%s\nwant:\n%s", tt.why, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestCompile_CRLF checks that content saved with Windows line endings
// compiles to the same Go source as the valid fixture.
func TestCompile_CRLF(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	copyDir(t, filepath.Join("testdata", "valid"), dir)
	copyDir(t, filepath.Join("testdata", "translated"), dir)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	b, ps := Compile(dir, mustToday(t))
	if len(ps) > 0 {
		t.Fatalf("Compile with CRLF line endings: got problems\n%s\nwant none", ps.Error())
	}
	b.Folder = fixtureFolder
	got, err := generateGo(b, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(fixtureGo)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Compile with CRLF line endings: generated Go differs from the compiled fixture:\n%s", got)
	}
}

// TestRun_ContentUpToDate checks that the clinic's content compiles and that
// the committed generated files match it. It fails when content/ was edited
// without running make build, and when an article's review falls due.
func TestRun_ContentUpToDate(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{
		"-check",
		"-content", filepath.Join("..", "..", "content"),
		"-go", filepath.Join("..", "..", "app", "guidedata", "content_gen.go"),
		"-css", filepath.Join("..", "..", "web", "clinic.css"),
		"-icons", filepath.Join("..", "..", "web"),
	}, &stdout, &stderr)
	if code != 0 {
		t.Errorf("guidec -check on content/: got exit code %d, want 0\n%s", code, stderr.String())
	}
}

// TestRun_Flags checks how run treats bad command lines.
func TestRun_Flags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    int
		wantErr string
	}{
		{"UnknownFlag", []string{"-bogus"}, 2, "flag provided but not defined: -bogus"},
		{"BadToday", []string{"-content", filepath.Join("testdata", "valid"), "-today", "1 June"}, 2, `guidec: -today "1 June" is not a date: write it as YYYY-MM-DD`},
		{"MissingFolder", []string{"-content", filepath.Join("testdata", "nothing-here"), "-today", today}, 1, filepath.Join("testdata", "nothing-here", "clinic.yaml") + ": cannot read the file: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, &stdout, &stderr); got != tt.want {
				t.Errorf("run(%q): got exit code %d, want %d", tt.args, got, tt.want)
			}
			if !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("run(%q): got stderr\n%s\nwant it to contain %q", tt.args, stderr.String(), tt.wantErr)
			}
		})
	}
}

// TestRun_Writes checks that run writes the Go source, stylesheet and icons
// for valid content, that a
// second run finds them up to date, and that -check fails when one is stale.
func TestRun_Writes(t *testing.T) {
	dir := translated(t, "")
	out := t.TempDir()
	goOut, cssOut := filepath.Join(out, "content_gen.go"), filepath.Join(out, "clinic.css")
	args := []string{"-content", dir, "-go", goOut, "-css", cssOut, "-icons", out, "-today", today}
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("run: got exit code %d, want 0\n%s", code, stderr.String())
	}
	wantOut := "guidec: en-GB: country GB preset (emergency 999, urgent \"NHS 111\", crisis \"Samaritans\" on 116 123, family doctor \"GP\", emergency department \"A&E\")\n" +
		"guidec: " + dir + " (en-GB): " + fixtureSummary(t) + "\n"
	if got := stdout.String(); !strings.HasPrefix(got, wantOut) || !strings.Contains(got, "guidec: "+dir+" (es-ES): ") {
		t.Errorf("run: got stdout %q, want %q", got, wantOut)
	}
	for _, p := range []struct{ file, golden string }{
		{goOut, fixtureGo},
		{cssOut, filepath.Join("testdata", "valid.css.golden")},
	} {
		got, err := os.ReadFile(p.file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(p.golden)
		if err != nil {
			t.Fatal(err)
		}
		// run writes package guidedata and the folder it was given; the
		// golden file is package fixture and names fixtureFolder.
		want = bytes.Replace(want, []byte("package fixture\n"), []byte("package guidedata\n"), 1)
		want = bytes.Replace(want, []byte(`var Folder = "`+fixtureFolder+`"`), []byte(`var Folder = "`+moduleRelative(dir)+`"`), 1)
		if !bytes.Equal(got, want) {
			t.Errorf("run wrote %s unlike %s", filepath.Base(p.file), p.golden)
		}
	}
	for _, p := range []struct {
		name string
		size int
	}{{"icon-192.png", 192}, {"icon-512.png", 512}, {"icon-maskable-512.png", 512}} {
		f, err := os.Open(filepath.Join(out, p.name))
		if err != nil {
			t.Errorf("run did not write %s: %v", p.name, err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != p.size || cfg.Height != p.size {
			t.Errorf("%s: got %dx%d (error %v), want a %dx%d PNG", p.name, cfg.Width, cfg.Height, err, p.size, p.size)
		}
	}
	if code := run(append(args, "-check"), &stdout, &stderr); code != 0 {
		t.Errorf("run -check after run: got exit code %d, want 0\n%s", code, stderr.String())
	}
	if err := os.WriteFile(cssOut, []byte("/* stale */\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	if code := run(append(args, "-check"), &stdout, &stderr); code != 1 {
		t.Errorf("run -check with a stale stylesheet: got exit code %d, want 1", code)
	}
	if want := "is out of date with"; !strings.Contains(stderr.String(), want) {
		t.Errorf("run -check with a stale stylesheet: got stderr %q, want it to contain %q", stderr.String(), want)
	}
}

// FuzzParseArticle feeds parseArticle arbitrary bytes, then renders and
// checks the sections it finds as Compile does, and checks that nothing
// panics, that an article refused always comes with a problem saying why,
// and that every problem names the file and a line inside it.
func FuzzParseArticle(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "valid", "articles", "*.md"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no seed articles in testdata/valid/articles: %v", err)
	}
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: [\n---\n## A {#a}\nFor: everyone\n\n<b>x</b>\n"))
	f.Add([]byte("---\r\ntitle: t\r\n---\r\n## A\r\nFor: pain is\r\n```\r\n## B {#b}\r\n"))
	day := mustToday(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "articles/fuzz.md"
		var ps Problems
		a := parseArticle(file, src, day, &ps)
		if a == nil && len(ps) == 0 {
			t.Fatalf("parseArticle(%q): got nil article and no problems, want a problem saying why", src)
		}
		if a != nil {
			for i := range a.sections {
				a.render(&a.sections[i], &ps)
				checkText(a, &a.sections[i], &ps)
			}
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range ps {
			if p.File != file {
				t.Errorf("parseArticle(%q): problem %q names file %q, want %q", src, p, p.File, file)
			}
			if p.Line < 1 || p.Line > lines+1 {
				t.Errorf("parseArticle(%q): problem %q is on line %d, want a line from 1 to %d", src, p, p.Line, lines+1)
			}
		}
	})
}

// TestCompile_Countries compiles the valid fixture for each country preset
// and checks that the text carries that country's facts and no placeholder
// is left. For the US, nothing British may remain: no 999, no NHS, no GP.
func TestCompile_Countries(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "valid", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	leftover := regexp.MustCompile(`\{[a-z]+(\.[a-z]+)*\}`)
	for code, p := range presets {
		t.Run(code, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "content")
			copyDir(t, filepath.Join("testdata", "valid"), dir)
			clinic := regexp.MustCompile(`(?m)^country: GB$`).ReplaceAll(src, []byte("country: "+code))
			if err := os.WriteFile(filepath.Join(dir, "clinic.yaml"), clinic, 0o644); err != nil {
				t.Fatal(err)
			}
			build, ps := Compile(dir, mustToday(t))
			sum := build.Summaries[0]
			if len(ps) > 0 {
				t.Fatalf("Compile with country %s: got problems\n%s\nwant none", code, ps.Error())
			}
			if want := "country " + code + " preset ("; !strings.HasPrefix(sum.Preset, want) {
				t.Errorf("Compile with country %s: preset line %q, want it to start %q", code, sum.Preset, want)
			}
			// The folder is a temporary one, whose random name could hold
			// any number; the test reads the content, not where it was.
			build.Folder = ""
			b, err := generateGo(build, "guidedata")
			if err != nil {
				t.Fatal(err)
			}
			gen := string(b)
			for _, want := range []string{
				fmt.Sprintf("Number:  %q", p.Emergency.Number),
				"Call " + p.Emergency.Number + " if both",
				p.GP.Name + " if it is not easing",
				html.EscapeString(p.Crisis.Line),
			} {
				if !strings.Contains(gen, want) {
					t.Errorf("Compile with country %s: generated Go lacks %q", code, want)
				}
			}
			// Run-time parameters of the strings file, such as {n}, stay
			// for the page to fill; clinic facts must all be resolved.
			for _, m := range leftover.FindAllString(gen, -1) {
				if _, fact := placeholderByName(strings.Trim(m, "{}")); fact {
					t.Errorf("Compile with country %s: generated Go still holds the placeholder %s", code, m)
				}
			}
			if code != "US" {
				return
			}
			for _, re := range []string{`999`, `NHS`, `\bGPs?\b`, `A&amp;E|A&E`, `Samaritans`} {
				if m := regexp.MustCompile(re).FindString(gen); m != "" {
					t.Errorf("Compile with country US: generated Go holds %q, want nothing British", m)
				}
			}
		})
	}
}
