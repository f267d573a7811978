package main

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"symptomguide/app/guide"
)

// paramRE matches a run-time parameter in a string: a name in braces with no
// dot, such as {n}.
var paramRE = regexp.MustCompile(`\{([A-Za-z][A-Za-z0-9_]*)\}`)

// loadStrings decodes the strings file src strictly, so an unknown key is
// reported with its line, then checks that every key is present and resolves
// the clinic facts in every value. A field's params tag lists the run-time
// parameters its value must use, each once; they are kept in braces for the
// page to fill.
func loadStrings(file string, src []byte, facts *clinicFacts, ps *Problems) guide.Strings {
	var s guide.Strings
	checkQuoted(file, 0, src, ps)
	doc, ok := decodeYAML(file, 0, src, &s, ps)
	if !ok {
		return s
	}
	walkStrings(reflect.ValueOf(&s).Elem(), "", func(path string, params []string, v *string) {
		if *v == "" {
			ps.Add(file, doc.line(path), path, "missing: every key of the strings file needs a value (see the demo clinic's content/strings for what it says)")
			return
		}
		*v = resolveString(file, doc.line(path), path, *v, params, facts, ps)
	})
	if n := len(s.Print.Months); n != 0 && n != 12 {
		ps.Add(file, doc.line("print.months"), "print.months", "lists %d months, want the 12 names of the months, January first", n)
	}
	return s
}

// walkStrings calls f for every string of v, a struct of guide.Strings,
// with its dotted key path and the run-time parameters its field allows.
func walkStrings(v reflect.Value, prefix string, f func(path string, params []string, v *string)) {
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		key := prefix + strings.Split(sf.Tag.Get("yaml"), ",")[0]
		var params []string
		if p := sf.Tag.Get("params"); p != "" {
			params = strings.Split(p, ",")
		}
		fv := v.Field(i)
		switch fv.Kind() {
		case reflect.Struct:
			walkStrings(fv, key+".", f)
		case reflect.String:
			f(key, params, fv.Addr().Interface().(*string))
		case reflect.Slice:
			if fv.Len() == 0 {
				var empty string
				f(key, params, &empty)
			}
			for j := range fv.Len() {
				f(key+"."+strconv.Itoa(j), params, fv.Index(j).Addr().Interface().(*string))
			}
		}
	}
}

// resolveString checks the parameters of one value and resolves its clinic
// facts. A parameter is escaped while the facts are resolved, so the
// resolver keeps it in braces.
func resolveString(file string, line int, key, text string, params []string, facts *clinicFacts, ps *Problems) string {
	count := map[string]int{}
	escaped := paramRE.ReplaceAllStringFunc(text, func(m string) string {
		name := paramRE.FindStringSubmatch(m)[1]
		for _, p := range params {
			if p == name {
				count[name]++
				return `\` + m
			}
		}
		return m
	})
	for _, p := range params {
		if count[p] != 1 {
			ps.Add(file, line, key, "must use {%s} exactly once, where the page fills it in (found %d)", p, count[p])
		}
	}
	out := facts.resolve(file, line, key, escaped, false, ps)
	for _, p := range params {
		out = strings.ReplaceAll(out, `\{`+p+`}`, "{"+p+"}")
	}
	return out
}

// stringKeys counts the keys of a strings file: every string, each item of a
// list counted once.
func stringKeys(s guide.Strings) int {
	n := 0
	walkStrings(reflect.ValueOf(&s).Elem(), "", func(string, []string, *string) { n++ })
	return n
}
