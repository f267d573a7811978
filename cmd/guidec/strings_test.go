package main

import (
	"reflect"
	"strings"
	"testing"

	"symptomguide/app/guide"
)

// TestStrings_Tags checks that every field of guide.Strings has a key, and
// that no run-time parameter has the name of a clinic fact, which the
// compiler would fill instead.
func TestStrings_Tags(t *testing.T) {
	var check func(t reflect.Type, prefix string)
	check = func(typ reflect.Type, prefix string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			key := f.Tag.Get("yaml")
			if key == "" {
				t.Errorf("guide.%s.%s: got no yaml tag, want the key of the strings file", typ.Name(), f.Name)
			}
			for _, p := range strings.Split(f.Tag.Get("params"), ",") {
				if _, fact := placeholderByName(p); fact {
					t.Errorf("%s%s: parameter {%s} is a clinic fact, want another name", prefix, key, p)
				}
			}
			if f.Type.Kind() == reflect.Struct {
				check(f.Type, prefix+key+".")
			}
		}
	}
	check(reflect.TypeOf(guide.Strings{}), "")
}

// TestResolveString checks run-time parameters stay in braces while the
// clinic facts around them are filled.
func TestResolveString(t *testing.T) {
	facts := &clinicFacts{known: true, values: map[string]string{"clinic.name": "Elm Clinic", "gp": "family doctor"}}
	tests := []struct {
		text   string
		params []string
		want   string
		probs  int
	}{
		{"Question {n} of {total}", []string{"n", "total"}, "Question {n} of {total}", 0},
		{"Book with {clinic.name}", nil, "Book with Elm Clinic", 0},
		{"See a {gp}: {n} days", []string{"n"}, "See a family doctor: {n} days", 0},
		{"Question {n}", []string{"n", "total"}, "Question {n}", 1},
		{"Question {n}", nil, "Question {n}", 1}, // {n} is not a parameter here
	}
	for _, tt := range tests {
		var ps Problems
		got := resolveString("s.yaml", 1, "k", tt.text, tt.params, facts, &ps)
		if got != tt.want || len(ps) != tt.probs {
			t.Errorf("resolveString(%q, %v): got %q with %d problems %v, want %q with %d", tt.text, tt.params, got, len(ps), ps, tt.want, tt.probs)
		}
	}
}
