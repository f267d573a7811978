package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Limits of a section's one-line summary.
const (
	// summaryMinWords: a first sentence shorter than this, such as
	// "Questions first.", takes the next sentence with it.
	summaryMinWords = 5
	// summaryMaxRunes: a longer summary is cut at a word and ends with "…".
	summaryMaxRunes = 200
)

// firstParagraph returns the plain text of the first paragraph of a parsed
// section: the first block of text at any depth, so a section that opens
// with a list gives its first item. Emphasis and links keep their words.
func firstParagraph(root ast.Node, src []byte) string {
	var block ast.Node
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			block = n
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if block == nil {
		return ""
	}
	var b strings.Builder
	ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text, *ast.String:
			writeText(&b, n, src)
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// summarize returns the first sentence of text, with the next ones while it
// has fewer than summaryMinWords words, cut to summaryMaxRunes at a word. A
// sentence ends at ".", "!" or "?" (and any closing quotes or brackets)
// followed by a space and a capital letter or digit, so "e.g. warfarin"
// does not end one.
func summarize(text string) string {
	text = strings.TrimSpace(text)
	out := text
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i
		for end < len(text) {
			c, size := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`"'”’)]`, c) {
				break
			}
			end += size
		}
		if end == len(text) {
			break
		}
		if text[end] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[end:], " "))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(`"“‘(`, next) {
			continue
		}
		if len(strings.Fields(text[:end])) >= summaryMinWords {
			out = text[:end]
			break
		}
	}
	if utf8.RuneCountInString(out) <= summaryMaxRunes {
		return out
	}
	cut := string([]rune(out)[:summaryMaxRunes])
	if sp := strings.LastIndexByte(cut, ' '); sp > 0 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
