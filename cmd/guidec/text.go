package main

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// writeText writes the text of an inline Text or String node to b, with a
// soft or hard line break as a space. Other nodes write nothing.
func writeText(b *strings.Builder, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(n.Value)
	}
}
