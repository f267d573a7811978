package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// frontMatter is the YAML block at the top of an article.
type frontMatter struct {
	Title        string `yaml:"title"`
	Description  string `yaml:"description"`
	LastReviewed string `yaml:"last_reviewed"`
	NextReview   string `yaml:"next_review"`
	Sources      []struct {
		ID    string `yaml:"id"`
		Title string `yaml:"title"`
		URL   string `yaml:"url"`
	} `yaml:"sources"`
}

// article is one parsed Markdown file.
type article struct {
	file     string
	front    frontMatter
	doc      *yamlDoc
	sections []section
}

// section is one part of an article as written, before it joins the guide.
type section struct {
	id        string
	title     string
	line      int // the heading's line
	forLine   int
	forText   string
	srcLine   int
	sourceIDs []string
	body      string
	bodyLine  int // the line the body starts on
	html      string
	plain     string // the body's text, lower-cased, for the text checks
	summary   string // one line about the section, for lists of sections
	words     int    // how many words the body has, as a reader sees it
}

var (
	headingRE = regexp.MustCompile(`^##\s+(.*?)\s*(?:\{#([^}]*)\})?\s*$`)
	dateRE    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// splitFrontMatter returns the YAML between the leading --- lines and the
// line the body starts on (1-based), or ok false.
func splitFrontMatter(src string) (yamlSrc, body string, bodyLine int, ok bool) {
	lines := strings.SplitAfter(src, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\r\n") != "---" {
		return "", "", 0, false
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r\n") == "---" {
			return strings.Join(lines[1:i], ""), strings.Join(lines[i+1:], ""), i + 2, true
		}
	}
	return "", "", 0, false
}

// parseArticle reads one article: front matter, then sections.
func parseArticle(file string, src []byte, today time.Time, ps *Problems) *article {
	a := &article{file: file}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	spam(file, 0, src, ps)
	yamlSrc, body, bodyLine, ok := splitFrontMatter(string(src))
	if !ok {
		ps.Add(file, 1, "", "an article must start with front matter between two lines of ---")
		return nil
	}
	doc, ok := decodeYAML(file, 1, []byte(yamlSrc), &a.front, ps)
	a.doc = doc
	if !ok {
		return nil
	}
	a.checkFront(today, ps)
	a.splitSections(body, bodyLine, ps)
	return a
}

// checkFront checks the front matter's fields and review dates.
func (a *article) checkFront(today time.Time, ps *Problems) {
	f, doc := a.front, a.doc
	if strings.TrimSpace(f.Title) == "" {
		ps.Add(a.file, doc.line("title"), "title", "is missing: add the article's title")
	}
	if strings.TrimSpace(f.Description) == "" {
		ps.Add(a.file, doc.line("description"), "description", "is missing: add one sentence saying what the article covers")
	}
	last := a.date("last_reviewed", f.LastReviewed, ps)
	next := a.date("next_review", f.NextReview, ps)
	switch {
	case last.IsZero() || next.IsZero():
	case last.After(today):
		ps.Add(a.file, doc.line("last_reviewed"), "last_reviewed", "%s is in the future: use the date the article was last reviewed", f.LastReviewed)
	case !next.After(last):
		ps.Add(a.file, doc.line("next_review"), "next_review", "%s must come after last_reviewed (%s)", f.NextReview, f.LastReviewed)
	case !next.After(today):
		ps.Add(a.file, doc.line("next_review"), "next_review", "the review due on %s is overdue: review the article, then set last_reviewed to today and next_review to a date ahead", f.NextReview)
	}
	seen := map[string]bool{}
	for i, s := range f.Sources {
		at := func(field string) (int, string) {
			return doc.line(fmt.Sprintf("sources.%d.%s", i, field)), fmt.Sprintf("sources[%d].%s", i, field)
		}
		if line, path := at("id"); !id.MatchString(s.ID) {
			ps.Add(a.file, line, path, "%q is not a valid id: use lower-case letters, digits and dashes", s.ID)
		} else if seen[s.ID] {
			ps.Add(a.file, line, path, "the source id %q is listed twice", s.ID)
		}
		seen[s.ID] = true
		if strings.TrimSpace(s.Title) == "" {
			line, path := at("title")
			ps.Add(a.file, line, path, "is missing: give the author, title and year")
		}
		if !isHTTPS(s.URL) {
			line, path := at("url")
			ps.Add(a.file, line, path, "must be a full https:// address (got %q)", s.URL)
		}
	}
}

// date parses a review date, recording a problem if it is missing or bad.
func (a *article) date(field, v string, ps *Problems) time.Time {
	line := a.doc.line(field)
	if v == "" {
		ps.Add(a.file, line, field, "is missing: add a date as YYYY-MM-DD")
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || !dateRE.MatchString(v) {
		ps.Add(a.file, line, field, "%q is not a date: write it as YYYY-MM-DD", v)
		return time.Time{}
	}
	return t
}

// splitSections cuts the body at its "## " headings and reads each
// section's For: and Sources: lines.
func (a *article) splitSections(body string, firstLine int, ps *Problems) {
	lines := strings.Split(body, "\n")
	var cur *section
	var buf []string
	fenced := false
	flush := func() {
		if cur != nil {
			cur.body = strings.Join(buf, "\n")
			a.sections = append(a.sections, *cur)
		}
		buf = nil
	}
	header := 0 // 1 after a heading, 2 after For:, 3 once the body starts
	for i, raw := range lines {
		no := firstLine + i
		line := strings.TrimRight(raw, "\r")
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(line, "## ") {
			flush()
			m := headingRE.FindStringSubmatch(line)
			cur = &section{title: m[1], id: m[2], line: no}
			if m[2] == "" {
				ps.Add(a.file, no, "heading", "%q has no id: end the heading with one, such as {#%s}", m[1], slug(m[1]))
			} else if !id.MatchString(m[2]) {
				ps.Add(a.file, no, "heading", "{#%s} is not a valid id: use lower-case letters, digits and dashes", m[2])
			}
			header = 1
			continue
		}
		if !fenced && strings.HasPrefix(line, "# ") {
			ps.Add(a.file, no, "heading", "a top-level heading is not allowed: the title comes from the front matter, and sections start with ## ")
			continue
		}
		switch {
		case cur == nil:
			if trimmed != "" {
				ps.Add(a.file, no, "", "text before the first section: start each section with a ## heading")
			}
			continue
		case header == 1 && trimmed == "":
			continue
		case header == 1:
			if v, ok := strings.CutPrefix(trimmed, "For:"); ok {
				cur.forText, cur.forLine = strings.TrimSpace(v), no
				header = 2
				continue
			}
			ps.Add(a.file, no, "For", "the line after the heading of section %q must say who it is for, such as For: everyone", cur.id)
			header = 3
		case header == 2:
			if v, ok := strings.CutPrefix(trimmed, "Sources:"); ok {
				cur.srcLine = no
				for _, s := range strings.Split(v, ",") {
					if s = strings.TrimSpace(s); s != "" {
						cur.sourceIDs = append(cur.sourceIDs, s)
					}
				}
				header = 3
				continue
			}
			header = 3
		}
		if len(buf) == 0 {
			if trimmed == "" {
				continue
			}
			cur.bodyLine = no
		}
		buf = append(buf, line)
	}
	flush()
	if len(a.sections) == 0 {
		ps.Add(a.file, firstLine, "", "the article has no sections: add at least one ## heading with a For: line")
	}
}

// slug suggests an id for a heading.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// markdown is the renderer for section bodies. Raw HTML is never rendered
// (goldmark omits it unless told otherwise) and render refuses it as well.
var markdown = goldmark.New()

// render turns a section's Markdown into HTML, checking that it has no raw
// HTML, no headings above level 3, and only https or site-relative links.
func (a *article) render(s *section, ps *Problems) {
	src := []byte(s.body)
	root := markdown.Parser().Parse(text.NewReader(src))
	at := func(offset int) int { return s.bodyLine + bytes.Count(src[:offset], []byte("\n")) }
	// lineOf finds the line a node starts on: its own text for inline nodes,
	// the first line of the nearest block otherwise.
	lineOf := func(n ast.Node) int {
		if offset, ok := inlineStart(n); ok {
			return at(offset)
		}
		for ; n != nil; n = n.Parent() {
			if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
				return at(n.Lines().At(0).Start)
			}
		}
		return s.bodyLine
	}
	var plain strings.Builder
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			ps.Add(a.file, lineOf(n), s.id, "raw HTML is not allowed in articles: use Markdown instead")
		case *ast.Heading:
			if n.Level < 3 {
				ps.Add(a.file, lineOf(n), s.id, "only ### and smaller headings may appear inside a section")
			}
		case *ast.Link:
			checkLink(a.file, lineOf(n), s.id, string(n.Destination), ps)
		case *ast.AutoLink:
			checkLink(a.file, lineOf(n), s.id, string(n.URL(src)), ps)
		case *ast.Image:
			if d := string(n.Destination); !strings.HasPrefix(d, "/") || strings.HasPrefix(d, "//") {
				ps.Add(a.file, lineOf(n), s.id, "image %q must be a file of the guide's own site, starting with /", d)
			}
		case *ast.Text:
			plain.Write(n.Segment.Value(src))
			plain.WriteByte(' ')
		case *ast.String:
			plain.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	var out bytes.Buffer
	if err := markdown.Renderer().Render(&out, src, root); err != nil {
		ps.Add(a.file, s.bodyLine, s.id, "the text could not be rendered: %v", err)
	}
	s.html = strings.TrimSpace(out.String())
	s.plain = strings.ToLower(plain.String())
	s.summary = summarize(firstParagraph(root, src))
	s.words = countWords(root, src)
}

// inlineStart returns the byte offset where an inline node's text starts.
func inlineStart(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, true
		}
	case *ast.AutoLink:
		return inlineStart(n.FirstChild())
	}
	if n != nil && n.Type() == ast.TypeInline {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if offset, ok := inlineStart(c); ok {
				return offset, true
			}
		}
	}
	return 0, false
}

// checkLink accepts https links and links within the guide's own site.
func checkLink(file string, line int, field, dest string, ps *Problems) {
	if isHTTPS(dest) || strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "tel:") {
		return
	}
	ps.Add(file, line, field, "link %q must start with https:// or /", dest)
}
