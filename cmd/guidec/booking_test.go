package main

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// bookingYAML returns a clinic.yaml booking block; line 2 is url, 3
// provider, 4 tag.
func bookingYAML(u, provider, tag string) string {
	return fmt.Sprintf("booking:\n  url: %q\n  provider: %q\n  tag: %q\n", u, provider, tag)
}

// checkBookingYAML decodes src and returns clinic.yaml's booking problems
// and link.
func checkBookingYAML(t *testing.T, src string) (Problems, string) {
	t.Helper()
	var f clinicFile
	var ps Problems
	doc, ok := decodeYAML("clinic.yaml", 0, []byte(src), &f, &ps)
	if !ok {
		t.Fatalf("decoding %q: %v", src, ps)
	}
	checkBooking("clinic.yaml", doc, &f, &ps)
	return ps, bookingLink(&f)
}

// TestCheckBooking_Providers checks the link each provider produces: the
// clinic's page, with the fixed tag added before any fragment when set, and
// nothing added when it is not (the default).
func TestCheckBooking_Providers(t *testing.T) {
	for _, tc := range []struct {
		provider, url, tag, want string
	}{
		{"", "https://willowlane.example/book", "", "https://willowlane.example/book"},
		{"url", "https://willowlane.example/book?room=2", "ref=symptom-guide", "https://willowlane.example/book?ref=symptom-guide&room=2"},
		{"jane", "https://willowlane.janeapp.com/#/staff_member/1", "utm_source=symptom-guide", "https://willowlane.janeapp.com/?utm_source=symptom-guide#/staff_member/1"},
		{"jane", "https://willowlane.janeapp.co.uk/", "", "https://willowlane.janeapp.co.uk/"},
		{"cliniko", "https://willow-lane.uk2.cliniko.com/bookings", "utm_source=guide", "https://willow-lane.uk2.cliniko.com/bookings?utm_source=guide"},
		{"calendly", "https://calendly.com/willowlane/consultation", "utm_source=symptom-guide", "https://calendly.com/willowlane/consultation?utm_source=symptom-guide"},
		{"Cal.com", "https://cal.com/willowlane/consultation", "utm_campaign=back-pain", "https://cal.com/willowlane/consultation?utm_campaign=back-pain"},
		{"acuity", "https://willowlane.as.me/", "", "https://willowlane.as.me/"},
		{"acuity", "https://app.acuityscheduling.com/schedule.php?owner=123", "ref=guide", "https://app.acuityscheduling.com/schedule.php?owner=123&ref=guide"},
	} {
		t.Run(tc.provider+" "+tc.url, func(t *testing.T) {
			ps, got := checkBookingYAML(t, bookingYAML(tc.url, tc.provider, tc.tag))
			if len(ps) > 0 {
				t.Fatalf("got problems %v, want none", ps)
			}
			if got != tc.want {
				t.Errorf("got link %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCheckBooking_Refused checks that a link that is not on its provider's
// site, an unknown provider and a tag that could carry anything but a fixed
// word are refused, each on its own line of clinic.yaml.
func TestCheckBooking_Refused(t *testing.T) {
	for _, tc := range []struct {
		name, provider, url, tag string
		line                     int
		field, msg               string
	}{
		{"http", "", "http://willowlane.example/book", "", 2, "booking.url", "https://"},
		{"jane elsewhere", "jane", "https://willowlane.example/book", "", 2, "booking.url", "is not a Jane booking page"},
		{"calendly lookalike", "calendly", "https://calendly.com.evil.example/x", "", 2, "booking.url", "is not a Calendly booking page"},
		{"jane bare domain", "jane", "https://janeapp.com/", "", 2, "booking.url", "is not a Jane booking page"},
		{"unknown provider", "setmore", "https://willowlane.example/book", "", 3, "booking.provider", "not a booking service"},
		{"tag key", "", "https://willowlane.example/book", "answers=1", 4, "booking.tag", "must be one of"},
		{"tag without value", "", "https://willowlane.example/book", "utm_source", 4, "booking.tag", "must be one of"},
		{"tag placeholder", "", "https://willowlane.example/book", "utm_source={outcome}", 4, "booking.tag", "must be one of"},
		{"tag twice", "", "https://willowlane.example/book?ref=site", "ref=guide", 4, "booking.tag", "already sets ref"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, _ := checkBookingYAML(t, bookingYAML(tc.url, tc.provider, tc.tag))
			if len(ps) != 1 {
				t.Fatalf("got problems %v, want one", ps)
			}
			if p := ps[0]; p.Line != tc.line || p.Field != tc.field || !strings.Contains(p.Msg, tc.msg) {
				t.Errorf("got %d: %s: %s, want line %d, %s, saying %q", p.Line, p.Field, p.Msg, tc.line, tc.field, tc.msg)
			}
		})
	}
}

// TestBookingLink_Fixed checks that the link never depends on anything but
// clinic.yaml: its query holds the clinic's own parameters and the tag.
func TestBookingLink_Fixed(t *testing.T) {
	_, got := checkBookingYAML(t, bookingYAML("https://calendly.com/willowlane/consultation", "calendly", "utm_source=symptom-guide"))
	u, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	if q := u.Query(); len(q) != 1 || q.Get("utm_source") != "symptom-guide" {
		t.Errorf("got query %v, want utm_source only", q)
	}
}
