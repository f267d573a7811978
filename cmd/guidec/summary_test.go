package main

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// TestSummarize checks the one-line summary of a section's first paragraph.
func TestSummarize(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end."
	tests := []struct {
		name, text, want string
	}{
		{"FirstSentence", "Lower back pain is very common. Most people have it at some point.", "Lower back pain is very common."},
		{"OneSentence", "Lower back pain is very common", "Lower back pain is very common"},
		{"ShortFirstTakesTheNext", "Questions first. The practitioner asks about your health. Then more.", "Questions first. The practitioner asks about your health."},
		{"Question", "Does it hurt? The needles are much thinner than the ones used for injections. More.", "Does it hurt? The needles are much thinner than the ones used for injections."},
		{"ClosingQuote", `When back pain lasts, doctors call it "chronic." This just means long-lasting.`, `When back pain lasts, doctors call it "chronic."`},
		{"AbbreviationIsNoEnd", "Some medicines, e.g. warfarin, thin the blood. Tell the practitioner.", "Some medicines, e.g. warfarin, thin the blood."},
		{"NumberIsNoEnd", "The needles stay in for about 2.5 minutes or more. Then they come out.", "The needles stay in for about 2.5 minutes or more."},
		{"Empty", "", ""},
		{"CutAtAWord", long, strings.TrimSpace(strings.Repeat("word ", 40)) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summarize(tt.text); got != tt.want {
				t.Errorf("summarize(%q):\ngot  %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFirstParagraph checks that the summary is read from the first block
// of text, as plain text, at any depth.
func TestFirstParagraph(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"Plain", "First line\nwraps here.\n\nSecond paragraph.", "First line wraps here."},
		{"EmphasisAndLinks", "**Questions first.** See [the NHS](https://www.nhs.uk/) page.", "Questions first. See the NHS page."},
		{"AfterAHeading", "### A heading\n\nThe text.", "The text."},
		{"List", "- **Does it hurt?** Not much.\n- Second item.", "Does it hurt? Not much."},
		{"NoText", "---", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.md)
			root := markdown.Parser().Parse(text.NewReader(src))
			if got := firstParagraph(root, src); got != tt.want {
				t.Errorf("firstParagraph(%q): got %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}
