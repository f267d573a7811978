package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"symptomguide/app/guide"
)

// Summary counts what a compile produced and checked.
type Summary struct {
	// Lang is the language compiled, such as en-GB.
	Lang      string
	Questions int
	Options   int
	Articles  int
	Sections  int
	Sources   int
	Paths     int
	// Strings counts the values of the strings file.
	Strings int
	// Signs counts the answers that raise the outcome to each level.
	Signs   map[guide.Level]int
	Reading readingRange // the spread of the sections' reading grades
	// Preset says which country preset filled the clinic facts; it is
	// printed on a line of its own, not by String.
	Preset string
}

// String writes the summary as one line.
func (s Summary) String() string {
	line := fmt.Sprintf("%d questions, %d options, %d levels (%s), %d articles, %d sections, %d sources, %d strings, %d answer paths checked",
		s.Questions, s.Options, len(guide.Levels), s.signs(), s.Articles, s.Sections, s.Sources, s.Strings, s.Paths)
	if r := s.Reading.String(); r != "" {
		line += ", " + r
	}
	return line
}

// signs writes how many answers lead to each level above routine.
func (s Summary) signs() string {
	var parts []string
	for _, l := range guide.Levels {
		if l > guide.Routine {
			parts = append(parts, fmt.Sprintf("%d %s", s.Signs[l], l))
		}
	}
	return strings.Join(parts, ", ") + " answers"
}

// Build is what the compiler makes of a content folder.
type Build struct {
	// Languages holds the guide's content in each of the clinic's
	// languages, the default first.
	Languages []*guide.Content
	// Summaries count what was compiled and checked, per language.
	Summaries []Summary
	// Deploy holds the deployment settings, which the servers read.
	Deploy deployment
	// Folder is the content folder, from the module's root (slashes), or
	// as given when it is outside the module.
	Folder string
}

// Compile reads the content folder dir, checks all of it, and returns the
// guide's content in each of the clinic's languages. It collects every
// problem rather than stopping at the first; the content is only usable
// when there are none. today is the date review dates are checked against.
//
// The default language's questions, articles and strings are in dir
// (questions.yaml, articles/, strings/<lang>.yaml); every other language
// has its questions and articles in a folder named after it, such as
// dir/es-US/, with the clinic's words in that language in its clinic.yaml,
// and its strings in strings/<lang>.yaml. A translation must be in step
// with the default language: see checkInStep.
func Compile(dir string, today time.Time) (*Build, Problems) {
	var ps Problems
	cfg := clinicConfig{facts: &clinicFacts{}}
	file := filepath.Join(dir, "clinic.yaml")
	src := readContent(file, &ps)
	if src != nil {
		cfg = loadClinic(file, src, &ps)
	}
	b := &Build{Deploy: cfg.deploy, Folder: moduleRelative(dir)}
	languages := cfg.clinic.Languages
	if len(languages) == 0 {
		languages = []string{cfg.clinic.Lang}
	}
	var where []places
	for i, lang := range languages {
		folder, clinic, facts := dir, cfg.clinic, cfg.facts
		if i > 0 {
			folder = filepath.Join(dir, lang)
			clinic, facts = loadTranslatedClinic(folder, cfg, lang, &ps)
		}
		formula := readingFormulaFor(file, src, lang, &ps)
		c, sum, w := compileLanguage(dir, folder, clinic, facts, formula, today, &ps)
		b.Languages = append(b.Languages, c)
		b.Summaries = append(b.Summaries, sum)
		where = append(where, w)
	}
	for i := 1; i < len(b.Languages); i++ {
		checkInStep(b.Languages[0], b.Languages[i], where[0], where[i], &ps)
	}
	return b, ps
}

// moduleRelative returns dir from the root of the Go module it is in, with
// slashes, or dir itself when it is in none.
func moduleRelative(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.ToSlash(dir)
	}
	for root := abs; ; {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				break
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(root)
		if parent == root {
			break
		}
		root = parent
	}
	return filepath.ToSlash(dir)
}

// readContent reads one file of the content folder, or records why it
// cannot.
func readContent(file string, ps *Problems) []byte {
	b, err := os.ReadFile(file)
	if err != nil {
		ps.Add(file, 0, "", "cannot read the file: %v", errors.Unwrap(err))
		return nil
	}
	return b
}

// compileLanguage compiles one language of the content: its strings file
// from dir/strings/, its questions and articles from folder (dir itself for
// the default language). formula scores the sections' reading ease; its
// zero value scores nothing.
func compileLanguage(dir, folder string, clinic guide.Clinic, facts *clinicFacts, formula readingFormula, today time.Time, ps *Problems) (*guide.Content, Summary, places) {
	c := &guide.Content{Clinic: clinic}
	where := places{sections: map[string]sectionPlace{}}
	if c.Clinic.Lang != "" {
		file := filepath.Join(dir, "strings", c.Clinic.Lang+".yaml")
		if src, err := os.ReadFile(file); errors.Is(err, fs.ErrNotExist) {
			ps.Add(file, 0, "", "there is no strings file for the page language %q (clinic.yaml's lang or languages): copy another language's file in strings/ to this name and translate its values", c.Clinic.Lang)
		} else if err != nil {
			ps.Add(file, 0, "", "cannot read the file: %v", errors.Unwrap(err))
		} else {
			c.Strings = loadStrings(file, src, facts, ps)
		}
	}
	var scores []float64
	qfile := filepath.Join(folder, "questions.yaml")
	qsrc := readContent(qfile, ps)
	var lines questionLines
	var g *guide.Guide
	if qsrc != nil {
		checkQuoted(qfile, 0, qsrc, ps)
		c.Questions, lines = loadQuestions(qfile, qsrc, ps)
		facts.resolveQuestions(qfile, c.Questions, lines.doc, ps)
		where.questions, where.lines = qfile, lines
	}
	// Without questions (the file is missing or does not decode) the
	// engine's checks would only repeat that problem.
	if len(c.Questions) > 0 {
		var err error
		if g, err = guide.New(c); err != nil {
			addGuideErrors(qfile, lines, err, ps)
		}
	}
	where.checked = g != nil

	names, err := filepath.Glob(filepath.Join(folder, "articles", "*.md"))
	if err != nil || len(names) == 0 {
		ps.Add(filepath.Join(folder, "articles"), 0, "", "no articles found: add Markdown files ending in .md")
	}
	sort.Strings(names)
	seen := map[string]string{}
	sources := map[string]bool{}
	type placed struct {
		a *article
		s *section
	}
	var all []placed
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			ps.Add(name, 0, "", "cannot read the file: %v", errors.Unwrap(err))
			continue
		}
		a := parseArticle(name, facts.resolveArticle(name, src, ps), today, ps)
		if a == nil {
			continue
		}
		c.Articles = append(c.Articles, guide.Article{
			Slug:         strings.TrimSuffix(filepath.Base(name), ".md"),
			Title:        facts.resolve(name, a.doc.line("title"), "title", a.front.Title, false, ps),
			Description:  facts.resolve(name, a.doc.line("description"), "description", a.front.Description, false, ps),
			LastReviewed: a.front.LastReviewed,
			NextReview:   a.front.NextReview,
		})
		byID := map[string]guide.Source{}
		for _, s := range a.front.Sources {
			byID[s.ID] = guide.Source{Title: s.Title, URL: s.URL}
		}
		for i := range a.sections {
			s := &a.sections[i]
			if where, dup := seen[s.id]; dup && s.id != "" {
				ps.Add(name, s.line, "heading", "the section id %q is already used at %s: ids must be unique across articles", s.id, where)
			}
			seen[s.id] = fmt.Sprintf("%s:%d", name, s.line)
			a.render(s, ps)
			checkText(a, s, ps)
			if formula.score != nil {
				if score, ok := checkReading(a, s, formula, ps); ok {
					scores = append(scores, score)
				}
			}
			where.sections[s.id] = sectionPlace{file: name, line: s.line, forLine: s.forLine, srcLine: s.srcLine}
			sec := guide.Section{ID: s.id, Article: len(c.Articles) - 1, Title: s.title, Summary: s.summary, HTML: s.html, Words: s.words}
			for _, sid := range s.sourceIDs {
				if src, ok := byID[sid]; ok {
					sec.Sources = append(sec.Sources, src)
					sources[src.URL] = true
				}
			}
			if g != nil {
				conds, ok := parseFor(a, s, g, ps)
				if !ok && s.forLine != 0 {
					continue
				}
				sec.For = conds
			}
			c.Sections = append(c.Sections, sec)
			all = append(all, placed{a, s})
		}
	}

	sum := Summary{Lang: c.Clinic.Lang, Questions: len(c.Questions), Articles: len(c.Articles), Sections: len(c.Sections), Sources: len(sources), Strings: stringKeys(c.Strings)}
	if facts.known {
		sum.Preset = facts.describe()
	}
	sum.Reading = newReadingRange(formula.measure, scores)
	for _, q := range c.Questions {
		sum.Options += len(q.Options)
	}
	if g == nil || len(*ps) > 0 {
		return c, sum, where
	}
	g, err = guide.New(c)
	if err != nil {
		addGuideErrors(qfile, lines, err, ps)
		return c, sum, where
	}
	for i := range c.Sections {
		if _, ok := witness(g, &c.Sections[i]); !ok {
			p := all[i]
			ps.Add(p.a.file, p.s.forLine, "For", "section %q can never be shown: no visitor can give all of these answers at once", p.s.id)
		}
	}
	sum.Paths = paths(g, filepath.Join(folder, "articles"), ps)
	sum.Signs = g.SignCounts()
	return c, sum, where
}

// addGuideErrors places the engine's refusals on the lines of questions.yaml.
func addGuideErrors(file string, lines questionLines, err error, ps *Problems) {
	var joined interface{ Unwrap() []error }
	errs := []error{err}
	if errors.As(err, &joined) {
		errs = joined.Unwrap()
	}
	for _, e := range errs {
		var ce *guide.ContentError
		if errors.As(e, &ce) && strings.Contains(ce.Msg, "used twice") {
			// loadQuestions has reported the duplicate with its line.
			continue
		}
		if errors.As(e, &ce) && lines.doc != nil {
			field := ce.Question
			if ce.Option != "" {
				field += "." + ce.Option
			}
			ps.Add(file, lines.line(ce.Question, ce.Option), field, "%s", ce.Msg)
			continue
		}
		ps.Add(file, 0, "", "%v", e)
	}
}
