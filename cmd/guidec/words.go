package main

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// countWords returns how many words a reader sees in a parsed section: the
// text of every block, headings and list items included, with emphasis and
// links joined to the words around them, no link address counted, and
// nothing without a letter or digit (a dash) counted as a word.
func countWords(root ast.Node, src []byte) int {
	var b strings.Builder
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			// Blocks never run into each other: "Heading" then "Text"
			// are two words, not one.
			b.WriteByte(' ')
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text, *ast.String:
			writeText(&b, n, src)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		}
		return ast.WalkContinue, nil
	})
	n := 0
	for _, f := range strings.Fields(b.String()) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}
