package main

import (
	"testing"

	"github.com/yuin/goldmark/text"
)

// TestCountWords counts the words a reader sees in Markdown: across line
// breaks, blocks, lists and headings, with emphasis and links inside or
// beside words, and without link addresses.
func TestCountWords(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want int
	}{
		{"Empty", "", 0},
		{"Paragraph", "Keep moving as much as you can.", 7},
		{"SoftLineBreak", "Keep moving\nas much as you can.", 7},
		{"Paragraphs", "One two.\n\nThree four.", 4},
		{"Headings", "### What helps\n\nWalking.", 3},
		{"LabelAndList", "**What usually helps**\n\n- Keep moving.\n- Try heat.", 7},
		{"EmphasisInsideAWord", "un**believ**able and *very* good", 4},
		{"Link", "See the [NHS page on back pain](https://www.nhs.uk/conditions/back-pain/), then rest.", 9},
		{"AutoLink", "Read <https://www.nhs.uk/> now.", 3},
		{"Punctuation", "Pain – not harm – is common.", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.md)
			root := markdown.Parser().Parse(text.NewReader(src))
			if got := countWords(root, src); got != tt.want {
				t.Errorf("countWords(%q): got %d, want %d", tt.md, got, tt.want)
			}
		})
	}
}
