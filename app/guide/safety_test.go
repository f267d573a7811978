package guide_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"symptomguide/app/guidedata"
)

var update = flag.Bool("update", false, "rewrite the clinic's SAFETY.md (content/SAFETY.md for the demo) from the safety rules")

// safetyTable is where the table of signs, levels and sources lives for
// clinic staff: SAFETY.md in the content folder the guide was compiled from.
var safetyTable = filepath.Join("..", "..", filepath.FromSlash(guidedata.Folder), "SAFETY.md")

// TestSafetyTable checks that content/SAFETY.md lists exactly the safety
// rules the engine applies to the content, with each answer's label, its
// level and its source, so the document clinic staff read cannot drift from
// the code. Run go test ./app/guide -run TestSafetyTable -update after a
// change to the rules or to a safety answer's label.
func TestSafetyTable(t *testing.T) {
	g := mustGuide(t)
	var b strings.Builder
	b.WriteString(`# Safety rules: every sign, its level and its source

This table is written from the guide's safety rules (app/guide/safety.go) and the
labels in questions.yaml; a test fails when they disagree. The levels, most urgent
first: **emergency** (call the emergency number now), **urgent** (see a doctor
today or call the urgent line), **soon** (see a GP in the next few days, before
trying acupuncture), **caution** (tell the practitioner first), **routine**.
Booking is never offered for an emergency or to under-16s, and is only shown below
the care advice for urgent and soon.

Where the sources disagree, the guide takes the safer reading:
- Upper-back pain on its own is urgent, as on the NHS back-pain page (NICE CKS lists
  thoracic pain as a cancer flag without a time).
- A history of cancer with back pain is urgent (NICE NG234: contact within 24 hours
  for worrying spinal pain), though some red-flag lists treat it as "soon".
- New back pain under 20 or at 50 or over is "soon" (NICE CKS uses 50; some older
  lists use 55). Not knowing how long the pain has lasted counts as new.
- "I'm not sure" is never read as "no": on the emergency signs it is urgent, on the
  health history it is "soon".

| Question | Answer | Level | Only when | Source | Where in the source |
|---|---|---|---|---|---|
`)
	for _, s := range g.Signs() {
		when := ""
		if s.When != nil {
			when = fmt.Sprintf("%s is %s", s.When.Question, strings.Join(s.When.Options, " or "))
		}
		level := s.Level.String()
		if s.Underage {
			level += ", ends the guide, no booking"
		}
		src := s.Source.Title
		if s.Source.URL != "" {
			src = fmt.Sprintf("[%s](%s)", s.Source.Title, s.Source.URL)
		}
		fmt.Fprintf(&b, "| %s | %s (`%s`) | %s | %s | %s | %s |\n", s.Question, s.Label, s.Option, level, when, src, s.Where)
	}
	got := b.String()
	if *update {
		if err := os.WriteFile(safetyTable, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(safetyTable)
	if err != nil {
		t.Fatalf("%v (run go test ./app/guide -run TestSafetyTable -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is out of step with the safety rules: run go test ./app/guide -run TestSafetyTable -update and review the diff", safetyTable)
	}
}
