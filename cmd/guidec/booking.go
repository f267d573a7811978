package main

import (
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// bookingProvider is an online booking service a clinic may use: where its
// booking pages live, so that a link to another site is caught at build
// time rather than by a visitor.
type bookingProvider struct {
	// name is the service's name in messages.
	name string
	// hosts are the hosts of its booking pages; one starting with a dot
	// matches any subdomain (the clinic's own, such as
	// willowlane.janeapp.com).
	hosts []string
	// example is what a booking page's address looks like.
	example string
}

// bookingProviders are the services booking.provider may name. "url" (the
// default) is any https page, such as the clinic's own booking form.
var bookingProviders = map[string]bookingProvider{
	"url":      {name: "a booking page", example: "https://www.your-clinic.example/book"},
	"jane":     {name: "Jane", hosts: []string{".janeapp.com", ".janeapp.co.uk"}, example: "https://your-clinic.janeapp.com/"},
	"cliniko":  {name: "Cliniko", hosts: []string{".cliniko.com"}, example: "https://your-clinic.uk2.cliniko.com/bookings"},
	"calendly": {name: "Calendly", hosts: []string{"calendly.com"}, example: "https://calendly.com/your-clinic/consultation"},
	"cal.com":  {name: "Cal.com", hosts: []string{"cal.com", "app.cal.com"}, example: "https://cal.com/your-clinic/consultation"},
	"acuity":   {name: "Acuity Scheduling", hosts: []string{".as.me", ".acuityscheduling.com"}, example: "https://your-clinic.as.me/"},
}

// bookingTagKeys are the query parameters booking.tag may set: the
// analytics tags booking services and analytics tools read.
var bookingTagKeys = []string{"utm_source", "utm_medium", "utm_campaign", "ref"}

// bookingTagValue is what a tag's value may hold: a fixed word, never
// anything about a visitor.
var bookingTagValue = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,40}$`)

// checkBooking checks booking.provider, booking.url and booking.tag in f:
// the address must be https and, for a provider, on that provider's site;
// the tag must be one fixed key=value. Each problem names its line.
func checkBooking(file string, doc *yamlDoc, f *clinicFile, ps *Problems) {
	b := f.Booking
	p, ok := bookingProviders[providerOf(b.Provider)]
	if !ok {
		ps.Add(file, doc.line("booking.provider"), "booking.provider", "%q is not a booking service the guide knows: write one of %s, or leave it out for any booking page", b.Provider, providerNames())
	}
	if !isHTTPS(b.URL) {
		ps.Add(file, doc.line("booking.url"), "booking.url", "must be a full https:// address (got %q)", b.URL)
	} else if ok && !onHosts(b.URL, p.hosts) {
		ps.Add(file, doc.line("booking.url"), "booking.url", "is not a %s booking page: it looks like %s (got %q)", p.name, p.example, b.URL)
	}
	if b.Tag == "" {
		return
	}
	key, value, _ := strings.Cut(b.Tag, "=")
	if !slices.Contains(bookingTagKeys, key) || !bookingTagValue.MatchString(value) {
		ps.Add(file, doc.line("booking.tag"), "booking.tag", "must be one of %s, then = and a fixed word of letters, digits, - or _, such as utm_source=symptom-guide (got %q)", strings.Join(bookingTagKeys, ", "), b.Tag)
		return
	}
	if u, err := url.Parse(b.URL); err == nil && u.Query().Has(key) {
		ps.Add(file, doc.line("booking.tag"), "booking.tag", "booking.url already sets %s: leave one of them out", key)
	}
}

// bookingLink returns the booking address visitors follow: booking.url with
// the clinic's fixed tag, if any, added to its query (before any #fragment,
// which some services' booking pages use). Nothing else is ever added: no
// answer, outcome or section reaches the booking service.
func bookingLink(f *clinicFile) string {
	key, value, ok := strings.Cut(f.Booking.Tag, "=")
	if !ok {
		return f.Booking.URL
	}
	u, err := url.Parse(f.Booking.URL)
	if err != nil {
		return f.Booking.URL
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// providerOf returns the key of booking.provider: "url" when it is left
// out, and case ignored.
func providerOf(p string) string {
	if p == "" {
		return "url"
	}
	return strings.ToLower(p)
}

// providerNames lists the providers booking.provider may name.
func providerNames() string {
	names := make([]string, 0, len(bookingProviders))
	for n := range bookingProviders {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// onHosts reports whether the https address s is on one of hosts (all
// hosts when there are none).
func onHosts(s string, hosts []string) bool {
	if len(hosts) == 0 {
		return true
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	h := strings.ToLower(u.Hostname())
	for _, want := range hosts {
		if strings.HasPrefix(want, ".") && strings.HasSuffix(h, want) && len(h) > len(want) || h == want {
			return true
		}
	}
	return false
}
