package main

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"symptomguide/app/guide"
)

// clinicFile is content/clinic.yaml.
type clinicFile struct {
	Name        string `yaml:"name"`
	ShortName   string `yaml:"short_name"`
	Description string `yaml:"description"`
	Booking     struct {
		URL   string `yaml:"url"`
		Label string `yaml:"label"`
		Phone string `yaml:"phone"`
		// Provider is the booking service (booking.go); Tag an optional
		// fixed key=value added to the link, off by default.
		Provider string `yaml:"provider"`
		Tag      string `yaml:"tag"`
	} `yaml:"booking"`
	// The clinic facts below default to the country's preset (presets.go).
	Emergency    emergencyFile    `yaml:"emergency"`
	Urgent       lineFile         `yaml:"urgent"`
	Crisis       crisisFile       `yaml:"crisis"`
	GP           gpFile           `yaml:"gp"`
	Practitioner practitionerFile `yaml:"practitioner"`
	Country      string           `yaml:"country"`
	Lang         string           `yaml:"lang"`
	Languages    []string         `yaml:"languages"`
	Colours      struct {
		Brand      string `yaml:"brand"`
		OnBrand    string `yaml:"on_brand"`
		Background string `yaml:"background"`
		Text       string `yaml:"text"`
	} `yaml:"colours"`
	Logo         string   `yaml:"logo"`
	EmbedOrigins []string `yaml:"embed_origins"`
	HTTPS        bool     `yaml:"https"`
}

// lineFile is a phone line in clinic.yaml: the urgent line.
type lineFile struct {
	Number  string `yaml:"number"`
	Label   string `yaml:"label"`
	Service string `yaml:"service"`
	URL     string `yaml:"url"`
}

// emergencyFile is the emergency number in clinic.yaml, with the country's
// word for a hospital's emergency department.
type emergencyFile struct {
	Number     string `yaml:"number"`
	Label      string `yaml:"label"`
	Service    string `yaml:"service"`
	Department string `yaml:"department"` // "A&E", "the emergency room": {emergency.department}
}

// crisisFile is the mental-health crisis line in clinic.yaml.
type crisisFile struct {
	Service string `yaml:"service"` // "Samaritans": {crisis.service}
	Number  string `yaml:"number"`  // "116 123": {crisis.number}
	Line    string `yaml:"line"`    // what follows "call": "Samaritans free on 116 123": {crisis.line}
	URL     string `yaml:"url"`
}

// gpFile is the country's words for a family doctor in clinic.yaml.
type gpFile struct {
	Name      string `yaml:"name"`      // "GP": {gp}
	Explained string `yaml:"explained"` // "GP (family doctor)": {gp.explained}
	Place     string `yaml:"place"`     // "GP surgery": {gp.place}
	Places    string `yaml:"places"`    // "GP surgeries": {gp.places}
}

// practitionerFile names the registers of acupuncturists in clinic.yaml.
type practitionerFile struct {
	Register string `yaml:"register"` // {practitioner.register}
}

var (
	hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	phoneish  = regexp.MustCompile(`^\+?[0-9][0-9 ()-]*[0-9]$`)
	langTag   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	country   = regexp.MustCompile(`^[A-Z]{2}$`)
	logoPath  = regexp.MustCompile(`^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(svg|png)$`)
)

// deployment holds clinic.yaml's deployment settings. The servers and the
// static export read them (guidedata.Deploy); the engine and the browser
// never do.
type deployment struct {
	// EmbedOrigins lists the origins allowed to frame the guide.
	EmbedOrigins []string
	// HTTPS reports whether the guide is served over TLS, which turns on
	// Strict-Transport-Security.
	HTTPS bool
}

// clinicConfig is clinic.yaml as the compiler uses it.
type clinicConfig struct {
	// raw is the file as written, before the country's preset filled it:
	// each translation's words are laid over it.
	raw    clinicFile
	clinic guide.Clinic
	// facts are the values of the placeholders in the default language.
	facts  *clinicFacts
	deploy deployment
}

// loadClinic reads and checks clinic.yaml, filling the clinic facts it
// leaves out from its country's preset, and returns the clinic, the values
// of the placeholders and the deployment settings.
func loadClinic(file string, src []byte, ps *Problems) clinicConfig {
	var f clinicFile
	doc, ok := decodeYAML(file, 0, src, &f, ps)
	if !ok {
		return clinicConfig{facts: &clinicFacts{}}
	}
	spam(file, 0, src, ps)
	cfg := clinicConfig{raw: f}
	languages := clinicLanguages(file, doc, &f, ps)
	cfg.facts = checkFacts(file, doc, &f, languages[0], false, ps)
	if !logoPath.MatchString(f.Logo) {
		ps.Add(file, doc.line("logo"), "logo", "must be an .svg or .png file inside web/, such as logo.svg (got %q)", f.Logo)
	}
	for i, o := range f.EmbedOrigins {
		if !isOrigin(o) {
			path := fmt.Sprintf("embed_origins.%d", i)
			ps.Add(file, doc.line(path), "embed_origins", "%q is not an origin: write scheme and host only, such as https://www.example.org", o)
		}
	}
	checkColours(file, doc, coloursOf(f), ps)
	cfg.clinic = clinicOf(f, languages[0])
	cfg.clinic.Languages = languages
	cfg.deploy = deployment{EmbedOrigins: f.EmbedOrigins, HTTPS: f.HTTPS}
	return cfg
}

// clinicLanguages returns the clinic's languages, the default first: lang
// for a guide in one language, or the list in languages. A missing or
// malformed tag is reported, and the default is then "".
func clinicLanguages(file string, doc *yamlDoc, f *clinicFile, ps *Problems) []string {
	switch {
	case f.Lang != "" && len(f.Languages) > 0:
		ps.Add(file, doc.line("languages"), "languages", "set either lang (one language) or languages (several, the default first), not both")
		return []string{f.Lang}
	case len(f.Languages) == 0:
		if !langTag.MatchString(f.Lang) {
			ps.Add(file, doc.line("lang"), "lang", "must be a language tag such as en-GB (got %q)", f.Lang)
		}
		return []string{f.Lang}
	}
	seen := map[string]bool{}
	for i, l := range f.Languages {
		path := fmt.Sprintf("languages.%d", i)
		switch {
		case !langTag.MatchString(l):
			ps.Add(file, doc.line(path), "languages", "must be a language tag such as es-US (got %q)", l)
		case seen[strings.ToLower(l)]:
			ps.Add(file, doc.line(path), "languages", "%s is listed twice", l)
		case i > 0 && strings.EqualFold(prefixOf(l), prefixOf(f.Languages[0])):
			ps.Add(file, doc.line(path), "languages", "%s and %s would share the address prefix /%s/: the guide offers one variety of each language", l, f.Languages[0], prefixOf(l))
		}
		seen[strings.ToLower(l)] = true
	}
	return f.Languages
}

// prefixOf returns the address prefix of a language's pages: the primary
// language subtag, such as es for es-US.
func prefixOf(lang string) string {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return primary
}

// checkFacts fills the clinic facts f leaves out from its country's preset
// in language lang, checks every fact, and returns the placeholders' values.
// For a translation (a language other than the default) it checks only the
// words: the numbers, addresses and settings are the default language's,
// checked there.
func checkFacts(file string, doc *yamlDoc, f *clinicFile, lang string, translation bool, ps *Problems) *clinicFacts {
	facts := applyPreset(file, doc, f, lang, ps)
	noPreset := ""
	if !facts.preset && country.MatchString(f.Country) {
		noPreset = fmt.Sprintf(" (there is no preset for country %s; presets: %s)", f.Country, presetCountries())
	}
	need := func(path, v, what string) {
		if strings.TrimSpace(v) == "" {
			ps.Add(file, doc.line(path), path, "is missing: add %s", what)
		}
	}
	needFact := func(path, v, what string) { need(path, v, what+noPreset) }
	need("name", f.Name, "the clinic's name")
	need("short_name", f.ShortName, "a short name (up to 12 characters or so) for the installed app")
	need("description", f.Description, "one sentence about the guide")
	need("booking.label", f.Booking.Label, `the text of the booking button, such as "Book a consultation"`)
	needFact("emergency.label", f.Emergency.Label, `the text of the emergency call button, such as "Call 999"`)
	needFact("emergency.service", f.Emergency.Service, `the name of the emergency service`)
	needFact("urgent.label", f.Urgent.Label, `the text of the urgent line's button, such as "Call NHS 111"`)
	needFact("urgent.service", f.Urgent.Service, `the name of the urgent line, or whom to contact where there is none`)
	if !translation {
		checkNumbers(file, doc, f, needFact, ps)
	}
	facts.values = map[string]string{
		"clinic.name":           f.Name,
		"booking.phone":         f.Booking.Phone,
		"booking.url":           bookingLink(f),
		"emergency.number":      f.Emergency.Number,
		"emergency.label":       f.Emergency.Label,
		"emergency.service":     f.Emergency.Service,
		"emergency.department":  f.Emergency.Department,
		"urgent.service":        f.Urgent.Service,
		"urgent.label":          f.Urgent.Label,
		"urgent.number":         f.Urgent.Number,
		"urgent.url":            f.Urgent.URL,
		"crisis.line":           f.Crisis.Line,
		"crisis.service":        f.Crisis.Service,
		"crisis.number":         f.Crisis.Number,
		"crisis.url":            f.Crisis.URL,
		"gp":                    f.GP.Name,
		"gp.explained":          f.GP.Explained,
		"gp.place":              f.GP.Place,
		"gp.places":             f.GP.Places,
		"practitioner.register": f.Practitioner.Register,
	}
	for _, p := range placeholders {
		if v := facts.values[p.name]; strings.ContainsAny(v, "\r\n") {
			ps.Add(file, doc.line(p.path), p.path, "must be one line: it is put into sentences")
			facts.values[p.name] = strings.Join(strings.Fields(v), " ")
		}
	}
	facts.known = true
	facts.numbers = refusedNumbers(f)
	return facts
}

// checkNumbers checks clinic.yaml's country, numbers and addresses.
func checkNumbers(file string, doc *yamlDoc, f *clinicFile, needFact func(path, v, what string), ps *Problems) {
	if strings.TrimSpace(f.Country) == "" {
		ps.Add(file, doc.line("country"), "country", "is missing: add the two-letter country code, such as GB or US")
	}
	if f.Country != "" && !country.MatchString(f.Country) {
		ps.Add(file, doc.line("country"), "country", "must be a two-letter country code in capitals, such as GB or US (got %q)", f.Country)
	}
	checkBooking(file, doc, f, ps)
	for _, p := range []struct {
		path, v  string
		optional bool
	}{
		{"booking.phone", f.Booking.Phone, false},
		{"emergency.number", f.Emergency.Number, false},
		// A country with no national urgent line has no number: urgent.service
		// says whom to contact instead.
		{"urgent.number", f.Urgent.Number, true},
		{"crisis.number", f.Crisis.Number, true},
	} {
		if p.path == "emergency.number" && p.v == "" {
			needFact(p.path, p.v, "the emergency number, such as 999")
			continue
		}
		if !phoneish.MatchString(p.v) && !(p.optional && p.v == "") {
			ps.Add(file, doc.line(p.path), p.path, "must be a phone number of digits, spaces and an optional leading + (got %q)", p.v)
		}
	}
	for _, p := range []struct{ path, v string }{
		{"urgent.url", f.Urgent.URL},
		{"crisis.url", f.Crisis.URL},
	} {
		if p.v != "" && !isHTTPS(p.v) {
			ps.Add(file, doc.line(p.path), p.path, "must be a full https:// address or left out (got %q)", p.v)
		}
	}
}

// coloursOf returns the colours of f.
func coloursOf(f clinicFile) guide.Colours {
	return guide.Colours{Brand: f.Colours.Brand, OnBrand: f.Colours.OnBrand, Background: f.Colours.Background, Text: f.Colours.Text}
}

// clinicOf returns the clinic f describes, in language lang.
func clinicOf(f clinicFile, lang string) guide.Clinic {
	c := coloursOf(f)
	return guide.Clinic{
		Name:        f.Name,
		ShortName:   f.ShortName,
		Description: f.Description,
		Booking:     guide.Booking{URL: bookingLink(&f), Label: f.Booking.Label, Phone: f.Booking.Phone, Provider: providerOf(f.Booking.Provider)},
		Emergency:   guide.Line{Number: f.Emergency.Number, Label: f.Emergency.Label, Service: f.Emergency.Service},
		Urgent:      guide.Line(f.Urgent),
		Lang:        lang,
		Colours:     c,
		Logo:        f.Logo,
	}
}

// applyPreset fills the clinic facts f leaves empty from the preset of its
// country, if there is one, and says which facts f sets itself. A clinic
// that changes a number must also set the preset's other facts that name
// that number (a label "Call 999" beside the number 112 would send visitors
// to the wrong one).
func applyPreset(file string, doc *yamlDoc, f *clinicFile, lang string, ps *Problems) *clinicFacts {
	facts := &clinicFacts{country: f.Country}
	// "gb" is refused by loadClinic, but still gets the GB preset, so that
	// the one mistake is reported once.
	p, ok := presetFor(f.Country, lang)
	if !ok {
		return facts
	}
	facts.preset = true
	dst := reflect.ValueOf(f).Elem()
	src := reflect.ValueOf(p)
	for i := range src.NumField() {
		group := src.Type().Field(i)
		from, to := src.Field(i), dst.FieldByName(group.Name)
		prefix := yamlName(dst.Type(), group.Name)
		number := ""
		if n := from.FieldByName("Number"); n.IsValid() {
			number = n.String()
		}
		mineNumber := ""
		if n := to.FieldByName("Number"); n.IsValid() {
			mineNumber = n.String()
		}
		changed := number != "" && mineNumber != "" && mineNumber != number
		var stale []string
		for j := range from.NumField() {
			name := from.Type().Field(j).Name
			path := prefix + "." + yamlName(to.Type(), name)
			v, mine := from.Field(j).String(), to.FieldByName(name)
			switch {
			case mine.String() != "" && mine.String() != v:
				facts.set = append(facts.set, path)
			case mine.String() != "":
			default:
				if changed && name != "Number" && strings.Contains(v, number) {
					stale = append(stale, fmt.Sprintf("%s %q", path, v))
				}
				mine.SetString(v)
			}
		}
		if len(stale) > 0 {
			fits := "no longer fits: set it"
			if len(stale) > 1 {
				fits = "no longer fit: set them"
			}
			ps.Add(file, doc.line(prefix+".number"), prefix+".number", "%q replaces the %s preset's %s, so the preset's %s %s in clinic.yaml too",
				mineNumber, strings.ToUpper(f.Country), number, strings.Join(stale, ", "), fits)
		}
	}
	return facts
}

// yamlName returns the yaml key of the field name of struct type t.
func yamlName(t reflect.Type, name string) string {
	field, _ := t.FieldByName(name)
	key, _, _ := strings.Cut(field.Tag.Get("yaml"), ",")
	return key
}

// presetCountries lists the countries with a preset.
func presetCountries() string {
	codes := make([]string, 0, len(presets))
	for c := range presets {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return strings.Join(codes, ", ")
}

// checkColours checks the format of each colour and that text keeps a WCAG
// AA contrast of 4.5:1 on the background and on the brand colour.
func checkColours(file string, doc *yamlDoc, c guide.Colours, ps *Problems) {
	ok := true
	for _, p := range []struct{ path, v string }{
		{"colours.brand", c.Brand},
		{"colours.on_brand", c.OnBrand},
		{"colours.background", c.Background},
		{"colours.text", c.Text},
	} {
		if !hexColour.MatchString(p.v) {
			ps.Add(file, doc.line(p.path), p.path, `must be a colour written as "#rrggbb" (got %q)`, p.v)
			ok = false
		}
	}
	if !ok {
		return
	}
	for _, p := range []struct{ path, fg, bg, what string }{
		{"colours.on_brand", c.OnBrand, c.Brand, "text on buttons (on_brand on brand)"},
		{"colours.brand", c.Brand, c.Background, "links (brand on background)"},
		{"colours.text", c.Text, c.Background, "text (text on background)"},
	} {
		if r := contrast(p.fg, p.bg); r < 4.5 {
			ps.Add(file, doc.line(p.path), p.path, "%s has a contrast of %.2f:1, below the 4.5:1 that WCAG AA needs: choose a darker or lighter colour", p.what, r)
			ok = false
		}
	}
	if ok {
		checkDarkColours(file, doc, c, ps)
	}
}

// isHTTPS reports whether s is an absolute https URL with a host.
func isHTTPS(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil
}

// isOrigin reports whether s is a bare http(s) origin.
func isOrigin(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		u.Path == "" && u.RawQuery == "" && u.Fragment == "" && u.User == nil
}
