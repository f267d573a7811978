package main

import (
	"fmt"
	"net/url"
	"regexp"
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
	} `yaml:"booking"`
	Emergency lineFile `yaml:"emergency"`
	Urgent    lineFile `yaml:"urgent"`
	Country   string   `yaml:"country"`
	Region    string   `yaml:"region"`
	Lang      string   `yaml:"lang"`
	Colours   struct {
		Brand      string `yaml:"brand"`
		OnBrand    string `yaml:"on_brand"`
		Background string `yaml:"background"`
		Text       string `yaml:"text"`
	} `yaml:"colours"`
	Logo         string   `yaml:"logo"`
	EmbedOrigins []string `yaml:"embed_origins"`
	HTTPS        bool     `yaml:"https"`
}

// lineFile is a phone line in clinic.yaml.
type lineFile struct {
	Number  string `yaml:"number"`
	Label   string `yaml:"label"`
	Service string `yaml:"service"`
	URL     string `yaml:"url"`
}

var (
	hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	phoneish  = regexp.MustCompile(`^\+?[0-9][0-9 ()-]*[0-9]$`)
	langTag   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	logoPath  = regexp.MustCompile(`^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(svg|png)$`)
)

// loadClinic reads and checks clinic.yaml.
func loadClinic(file string, src []byte, ps *Problems) guide.Clinic {
	var f clinicFile
	doc, ok := decodeYAML(file, 0, src, &f, ps)
	if !ok {
		return guide.Clinic{}
	}
	spam(file, 0, src, ps)
	need := func(path, v, what string) {
		if strings.TrimSpace(v) == "" {
			ps.Add(file, doc.line(path), path, "is missing: add %s", what)
		}
	}
	need("name", f.Name, "the clinic's name")
	need("short_name", f.ShortName, "a short name (up to 12 characters or so) for the installed app")
	need("description", f.Description, "one sentence about the guide")
	need("booking.label", f.Booking.Label, `the text of the booking button, such as "Book a consultation"`)
	need("emergency.label", f.Emergency.Label, `the text of the emergency call button, such as "Call 999"`)
	need("emergency.service", f.Emergency.Service, `the name of the emergency service`)
	need("urgent.label", f.Urgent.Label, `the text of the urgent line's button, such as "Call NHS 111"`)
	need("urgent.service", f.Urgent.Service, `the name of the urgent line`)
	need("country", f.Country, "the two-letter country code, such as GB or US")
	if u := f.Booking.URL; !isHTTPS(u) {
		ps.Add(file, doc.line("booking.url"), "booking.url", "must be a full https:// address (got %q)", u)
	}
	for _, p := range []struct{ path, v string }{
		{"booking.phone", f.Booking.Phone},
		{"emergency.number", f.Emergency.Number},
		{"urgent.number", f.Urgent.Number},
	} {
		if !phoneish.MatchString(p.v) {
			ps.Add(file, doc.line(p.path), p.path, "must be a phone number of digits, spaces and an optional leading + (got %q)", p.v)
		}
	}
	if u := f.Urgent.URL; u != "" && !isHTTPS(u) {
		ps.Add(file, doc.line("urgent.url"), "urgent.url", "must be a full https:// address or left out (got %q)", u)
	}
	if !langTag.MatchString(f.Lang) {
		ps.Add(file, doc.line("lang"), "lang", "must be a language tag such as en-GB (got %q)", f.Lang)
	}
	if !logoPath.MatchString(f.Logo) {
		ps.Add(file, doc.line("logo"), "logo", "must be an .svg or .png file inside web/, such as logo.svg (got %q)", f.Logo)
	}
	for i, o := range f.EmbedOrigins {
		if !isOrigin(o) {
			path := fmt.Sprintf("embed_origins.%d", i)
			ps.Add(file, doc.line(path), "embed_origins", "%q is not an origin: write scheme and host only, such as https://www.example.org", o)
		}
	}
	c := guide.Colours{Brand: f.Colours.Brand, OnBrand: f.Colours.OnBrand, Background: f.Colours.Background, Text: f.Colours.Text}
	checkColours(file, doc, c, ps)
	return guide.Clinic{
		Name:         f.Name,
		ShortName:    f.ShortName,
		Description:  f.Description,
		Booking:      guide.Booking{URL: f.Booking.URL, Label: f.Booking.Label, Phone: f.Booking.Phone},
		Emergency:    guide.Line(f.Emergency),
		Urgent:       guide.Line(f.Urgent),
		Country:      f.Country,
		Region:       f.Region,
		Lang:         f.Lang,
		Colours:      c,
		Logo:         f.Logo,
		EmbedOrigins: f.EmbedOrigins,
		HTTPS:        f.HTTPS,
	}
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
		}
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
