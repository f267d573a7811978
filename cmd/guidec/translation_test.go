package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// translated returns a content folder of the valid fixture in two
// languages (testdata/translated over testdata/valid), with fixture laid
// over it when it is not "".
func translated(t *testing.T, fixture string) string {
	t.Helper()
	dir := overlay(t, filepath.Join("testdata", "translated"))
	if fixture != "" {
		copyDir(t, fixture, dir)
	}
	return dir
}

// TestCompile_Translated compiles the two-language fixture: both languages
// come out with the same structure, each with its own words, the clinic's
// languages listed in both, and the Spanish reading formula for es-ES.
func TestCompile_Translated(t *testing.T) {
	b, ps := Compile(translated(t, ""), mustToday(t))
	if len(ps) > 0 {
		t.Fatalf("Compile: got problems\n%s\nwant none", ps.Error())
	}
	if len(b.Languages) != 2 || len(b.Summaries) != 2 {
		t.Fatalf("Compile: got %d languages and %d summaries, want 2 and 2", len(b.Languages), len(b.Summaries))
	}
	en, es := b.Languages[0], b.Languages[1]
	for i, want := range []string{"en-GB", "es-ES"} {
		c := b.Languages[i]
		if c.Clinic.Lang != want || strings.Join(c.Clinic.Languages, " ") != "en-GB es-ES" {
			t.Errorf("language %d: Lang %q, Languages %q; want %q and [en-GB es-ES]", i, c.Clinic.Lang, c.Clinic.Languages, want)
		}
	}
	if en.Clinic.Name == es.Clinic.Name || es.Clinic.Booking.Label == en.Clinic.Booking.Label {
		t.Errorf("es-ES has the default language's clinic words: %q, %q", es.Clinic.Name, es.Clinic.Booking.Label)
	}
	if es.Clinic.Booking.URL != en.Clinic.Booking.URL || es.Clinic.Emergency.Number != en.Clinic.Emergency.Number || es.Clinic.Colours != en.Clinic.Colours {
		t.Errorf("es-ES does not share the default language's numbers, addresses and colours")
	}
	if len(es.Questions) != len(en.Questions) || len(es.Sections) != len(en.Sections) {
		t.Errorf("es-ES has %d questions and %d sections, want %d and %d", len(es.Questions), len(es.Sections), len(en.Questions), len(en.Sections))
	}
	if got := b.Summaries[1].Reading.String(); !strings.HasPrefix(got, "reading ease ") {
		t.Errorf("es-ES reading summary %q, want it scored as reading ease (Szigriszt-Pazos)", got)
	}
	src, err := generateGo(b, "guidedata")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), `Lang:      "es-ES"`) && !strings.Contains(string(src), `Lang: "es-ES"`) {
		t.Errorf("the generated Go has no es-ES content")
	}
}

// TestRun_BrokenTranslation runs the compiler on each fixture under
// testdata/broken-translation, laid over the two-language fixture: each is
// one way a translation can be out of step with the default language, and
// want.txt lists the problems the compiler must print, with their lines.
func TestRun_BrokenTranslation(t *testing.T) {
	runBroken(t, filepath.Join("testdata", "broken-translation"), translated)
}
