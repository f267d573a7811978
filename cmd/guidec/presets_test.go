package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestPresets_Complete checks that every preset sets every fact (an urgent
// line may lack a number and a URL where the country has none), that
// labels and lines name their own numbers, and that each passes the checks
// clinic.yaml gets.
func TestPresets_Complete(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "valid", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	optional := map[string]bool{"Urgent.Number": true, "Urgent.URL": true}
	for code, p := range presets {
		t.Run(code, func(t *testing.T) {
			v := reflect.ValueOf(p)
			for i := range v.NumField() {
				group := v.Type().Field(i).Name
				for j := range v.Field(i).NumField() {
					name := group + "." + v.Field(i).Type().Field(j).Name
					if v.Field(i).Field(j).String() == "" && !optional[name] {
						t.Errorf("presets[%q].%s is empty, want a value", code, name)
					}
				}
			}
			if !strings.Contains(p.Emergency.Label, p.Emergency.Number) {
				t.Errorf("presets[%q].Emergency.Label %q does not name the number %q", code, p.Emergency.Label, p.Emergency.Number)
			}
			if !strings.Contains(p.Crisis.Line, p.Crisis.Number) {
				t.Errorf("presets[%q].Crisis.Line %q does not name the number %q", code, p.Crisis.Line, p.Crisis.Number)
			}
			if n := p.Urgent.Number; n != "" && !strings.Contains(p.Urgent.Label, n) && !strings.Contains(p.Urgent.Label, p.Urgent.Service) {
				t.Errorf("presets[%q].Urgent.Label %q names neither the number %q nor the service %q", code, p.Urgent.Label, n, p.Urgent.Service)
			}
			var ps Problems
			clinic := regexp.MustCompile(`(?m)^country: GB$`).ReplaceAll(src, []byte("country: "+code))
			if !bytes.Contains(clinic, []byte("country: "+code)) {
				t.Fatalf("testdata/valid/clinic.yaml has no line country: GB")
			}
			facts := loadClinic("clinic.yaml", clinic, &ps).facts
			if len(ps) > 0 {
				t.Errorf("loadClinic with country %s: got problems\n%s\nwant none", code, ps.Error())
			}
			if !facts.preset || len(facts.set) > 0 {
				t.Errorf("loadClinic with country %s: got preset %v, set %q; want the preset and nothing set over it", code, facts.preset, facts.set)
			}
		})
	}
}

// presetsTable parses presets.go and returns the composite literal of the
// variable name, and each comment group's text by its last line.
func presetsTable(t *testing.T, name string) (*token.FileSet, *ast.CompositeLit, map[int]string) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "presets.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var table *ast.CompositeLit
	ast.Inspect(file, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == name {
			table, _ = vs.Values[0].(*ast.CompositeLit)
		}
		return table == nil
	})
	if table == nil {
		t.Fatalf("presets.go: no composite literal var %s", name)
	}
	comments := map[int]string{}
	for _, cg := range file.Comments {
		comments[fset.Position(cg.End()).Line] = cg.Text()
	}
	return fset, table, comments
}

// TestPresets_Sources reads presets.go and checks that each fact of each
// preset has a comment right above it with the address of its source.
func TestPresets_Sources(t *testing.T) {
	fset, table, comments := presetsTable(t, "presets")
	groups := reflect.TypeOf(preset{})
	var countries []string
	for _, elt := range table.Elts {
		kv := elt.(*ast.KeyValueExpr)
		code := strings.Trim(kv.Key.(*ast.BasicLit).Value, `"`)
		countries = append(countries, code)
		seen := map[string]bool{}
		for _, f := range kv.Value.(*ast.CompositeLit).Elts {
			fkv := f.(*ast.KeyValueExpr)
			name := fkv.Key.(*ast.Ident).Name
			seen[name] = true
			line := fset.Position(fkv.Pos()).Line
			if c := comments[line-1]; !strings.Contains(c, "https://") && !strings.Contains(c, "http://") {
				t.Errorf("presets.go:%d: presets[%q].%s has no comment above it naming its source (an http(s) address)", line, code, name)
			}
		}
		for i := range groups.NumField() {
			if name := groups.Field(i).Name; !seen[name] {
				t.Errorf("presets.go: presets[%q] does not set %s", code, name)
			}
		}
	}
	sort.Strings(countries)
	for _, want := range []string{"AU", "CA", "ES", "GB", "IE", "US"} {
		if i := sort.SearchStrings(countries, want); i == len(countries) || countries[i] != want {
			t.Errorf("presets.go: no preset for %s", want)
		}
	}
}

// TestLoadClinic_Presets checks how clinic.yaml and the country preset
// combine: the preset fills what clinic.yaml leaves out, and clinic.yaml
// wins where it sets a fact.
func TestLoadClinic_Presets(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "valid", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		country string
		extra   string
		want    map[string]string
		set     []string
		line    string // want facts.describe()
	}{
		{
			name: "GB", country: "GB",
			want: map[string]string{"emergency.number": "999", "urgent.service": "NHS 111", "gp": "GP", "emergency.department": "A&E", "crisis.number": "116 123"},
			line: `country GB preset (emergency 999, urgent "NHS 111", crisis "Samaritans" on 116 123, family doctor "GP", emergency department "A&E")`,
		},
		{
			name: "US", country: "US",
			want: map[string]string{"emergency.number": "911", "urgent.number": "", "urgent.service": "an urgent care center", "gp": "primary care doctor", "crisis.number": "988"},
			line: `country US preset (emergency 911, urgent "an urgent care center", crisis "the 988 Suicide & Crisis Lifeline" on 988, family doctor "primary care doctor", emergency department "the emergency room")`,
		},
		{
			name: "Override", country: "GB",
			extra: "urgent:\n  service: NHS 111 Wales\n  url: https://111.wales.nhs.uk/\ngp:\n  explained: GP (your family doctor)\n",
			want:  map[string]string{"urgent.service": "NHS 111 Wales", "urgent.url": "https://111.wales.nhs.uk/", "urgent.number": "111", "urgent.label": "Call NHS 111", "gp.explained": "GP (your family doctor)", "gp": "GP"},
			set:   []string{"urgent.service", "urgent.url", "gp.explained"},
			line:  `country GB preset (emergency 999, urgent "NHS 111 Wales", crisis "Samaritans" on 116 123, family doctor "GP", emergency department "A&E"); clinic.yaml sets urgent.service, urgent.url, gp.explained`,
		},
		{
			name: "SameAsPreset", country: "GB",
			extra: "emergency:\n  number: \"999\"\n  label: Call 999\n",
			want:  map[string]string{"emergency.number": "999"},
		},
		{
			name: "NoPreset", country: "NZ",
			extra: "emergency:\n  number: \"111\"\n  label: Call 111\n  service: emergency services\nurgent:\n  number: \"0800 611 116\"\n  label: Call Healthline\n  service: Healthline\ngp:\n  name: GP\n",
			want:  map[string]string{"emergency.number": "111", "urgent.service": "Healthline", "gp": "GP", "crisis.line": ""},
			line:  `country NZ has no preset, so clinic.yaml sets every fact (emergency 111, urgent "Healthline" on 0800 611 116, family doctor "GP")`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := regexp.MustCompile(`(?m)^country: GB$`).ReplaceAllString(string(base), "country: "+tt.country) + tt.extra
			var ps Problems
			facts := loadClinic("clinic.yaml", []byte(src), &ps).facts
			if len(ps) > 0 {
				t.Fatalf("loadClinic: got problems\n%s\nwant none", ps.Error())
			}
			for k, v := range tt.want {
				if got := facts.values[k]; got != v {
					t.Errorf("loadClinic: {%s} is %q, want %q", k, got, v)
				}
			}
			if strings.Join(facts.set, ",") != strings.Join(tt.set, ",") {
				t.Errorf("loadClinic: clinic.yaml sets %q, want %q", facts.set, tt.set)
			}
			if got := facts.describe(); tt.line != "" && got != tt.line {
				t.Errorf("describe: got %q, want %q", got, tt.line)
			}
		})
	}
}

// TestPresetFor checks that presetFor keeps the country's numbers and URLs
// and lays the words of the visitor's language over the English ones.
func TestPresetFor(t *testing.T) {
	tests := []struct {
		country, lang string
		ok            bool
		want          map[string]string // field path in the preset: value
	}{
		{country: "US", lang: "en-US", ok: true, want: map[string]string{
			"Emergency.Label": "Call 911", "Emergency.Number": "911", "GP.Name": "primary care doctor", "Crisis.URL": "https://988lifeline.org/",
		}},
		{country: "us", lang: "", ok: true, want: map[string]string{"Urgent.Service": "an urgent care center"}},
		{country: "US", lang: "es-US", ok: true, want: map[string]string{
			"Emergency.Number": "911", "Emergency.Label": "Llame al 911", "Emergency.Department": "la sala de emergencias",
			"Urgent.Number": "", "Urgent.URL": "", "Urgent.Service": "un centro de atención de urgencia", "Urgent.Label": "Llame a su médico",
			"Crisis.Number": "988", "Crisis.URL": "https://988lifeline.org/", "Crisis.Line": "la Línea 988 de Prevención del Suicidio y Crisis, gratis al 988",
			"GP.Name": "médico de atención primaria", "GP.Place": "consultorio médico",
		}},
		{country: "US", lang: "es", ok: true, want: map[string]string{"Emergency.Label": "Llame al 911"}},
		{country: "ES", lang: "es-ES", ok: true, want: map[string]string{
			"Emergency.Number": "112", "Emergency.Label": "Llame al 112", "Urgent.Service": "su centro de salud",
			"Crisis.Number": "024", "Crisis.URL": "https://www.sanidad.gob.es/linea024/home.htm", "GP.Name": "médico de familia",
		}},
		// No Spanish words for GB: the numbers stay, the words are left for
		// clinic.yaml to set rather than falling back to English.
		{country: "GB", lang: "es", ok: true, want: map[string]string{
			"Emergency.Number": "999", "Emergency.Label": "", "Urgent.Number": "111", "Urgent.URL": "https://111.nhs.uk/", "Urgent.Service": "", "GP.Name": "",
		}},
		{country: "NZ", lang: "es", ok: false, want: map[string]string{"Emergency.Number": ""}},
		{country: "NZ", lang: "en", ok: false, want: map[string]string{"Emergency.Label": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.country+"/"+tt.lang, func(t *testing.T) {
			p, ok := presetFor(tt.country, tt.lang)
			if ok != tt.ok {
				t.Errorf("presetFor(%q, %q): got ok %v, want %v", tt.country, tt.lang, ok, tt.ok)
			}
			v := reflect.ValueOf(p)
			for path, want := range tt.want {
				group, field, _ := strings.Cut(path, ".")
				if got := v.FieldByName(group).FieldByName(field).String(); got != want {
					t.Errorf("presetFor(%q, %q).%s: got %q, want %q", tt.country, tt.lang, path, got, want)
				}
			}
		})
	}
	// English gives the preset exactly as it is.
	for code, base := range presets {
		if p, _ := presetFor(code, "en-GB"); p != base {
			t.Errorf("presetFor(%q, \"en-GB\"): got %+v, want the preset as it is", code, p)
		}
	}
}

// TestPresetWords_Complete checks every language's words of every preset:
// each word is set, no number or URL is repeated, labels and lines name the
// preset's own numbers, and in Spanish the words fit the sentences they go
// into ("vaya a {urgent.service}", "llame a {crisis.line}").
func TestPresetWords_Complete(t *testing.T) {
	for code, langs := range presetWords {
		base, ok := presets[code]
		if !ok {
			t.Errorf("presetWords[%q]: no preset for that country", code)
			continue
		}
		for lang, words := range langs {
			t.Run(code+"/"+lang, func(t *testing.T) {
				if lang != strings.ToLower(lang) || strings.Contains(lang, "-") || lang == "en" {
					t.Errorf("presetWords[%q][%q]: key by the primary language subtag (es), and never en: the presets are English", code, lang)
				}
				v := reflect.ValueOf(words)
				for i := range v.NumField() {
					group := v.Type().Field(i).Name
					for j := range v.Field(i).NumField() {
						name := v.Field(i).Type().Field(j).Name
						value := v.Field(i).Field(j).String()
						switch {
						case !presetWordField(name) && value != "":
							t.Errorf("presetWords[%q][%q].%s.%s is %q: numbers and URLs come from the preset, leave it out", code, lang, group, name, value)
						case presetWordField(name) && strings.TrimSpace(value) == "":
							t.Errorf("presetWords[%q][%q].%s.%s is empty, want the word in that language", code, lang, group, name)
						}
					}
				}
				if !strings.Contains(words.Emergency.Label, base.Emergency.Number) {
					t.Errorf("presetWords[%q][%q].Emergency.Label %q does not name the number %q", code, lang, words.Emergency.Label, base.Emergency.Number)
				}
				if !strings.Contains(words.Crisis.Line, base.Crisis.Number) {
					t.Errorf("presetWords[%q][%q].Crisis.Line %q does not name the number %q", code, lang, words.Crisis.Line, base.Crisis.Number)
				}
				if lang != "es" {
					return
				}
				for _, w := range []struct{ field, value string }{
					{"Urgent.Service", words.Urgent.Service},
					{"Emergency.Department", words.Emergency.Department},
					{"Crisis.Line", words.Crisis.Line},
					{"Crisis.Service", words.Crisis.Service},
				} {
					first, _, _ := strings.Cut(w.value, " ")
					switch first {
					case "un", "una", "la", "las", "los", "su", "sus":
					default:
						t.Errorf("presetWords[%q][%q].%s %q: start with un, una, la, las, los or su, as the Spanish texts assume (never el: a + el is al)", code, lang, w.field, w.value)
					}
				}
			})
		}
	}
}

// TestPresetWords_Sources reads presets.go and checks that each fact of
// each language's words has a comment right above it with the address of
// its source, as the presets have.
func TestPresetWords_Sources(t *testing.T) {
	fset, table, comments := presetsTable(t, "presetWords")
	n := 0
	for _, elt := range table.Elts {
		kv := elt.(*ast.KeyValueExpr)
		code := strings.Trim(kv.Key.(*ast.BasicLit).Value, `"`)
		for _, l := range kv.Value.(*ast.CompositeLit).Elts {
			lkv := l.(*ast.KeyValueExpr)
			lang := strings.Trim(lkv.Key.(*ast.BasicLit).Value, `"`)
			for _, f := range lkv.Value.(*ast.CompositeLit).Elts {
				fkv := f.(*ast.KeyValueExpr)
				name := fkv.Key.(*ast.Ident).Name
				line := fset.Position(fkv.Pos()).Line
				n++
				if c := comments[line-1]; !strings.Contains(c, "https://") && !strings.Contains(c, "http://") {
					t.Errorf("presets.go:%d: presetWords[%q][%q].%s has no comment above it naming its source (an http(s) address)", line, code, lang, name)
				}
			}
		}
	}
	if n == 0 {
		t.Error("presets.go: presetWords has no facts")
	}
}
