package ui

import (
	"strings"
)

// fill returns s, a string of the strings file, with its run-time
// parameters filled: pairs are name, value, ..., and each {name} in s
// becomes its value. Clinic facts were filled at build time; only the
// parameters a field's params tag names (see guide.Strings) are left.
func fill(s string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// around splits s at its parameter {name}, for a string that puts a link or
// other element where the parameter is: it returns the text before and
// after it.
func around(s, name string) (before, after string) {
	before, after, _ = strings.Cut(s, "{"+name+"}")
	return before, after
}
