package main

import (
	"strings"
	"testing"
)

// TestFindLiterals checks which emergency, urgent and crisis numbers,
// service names and doctor words count as typed into prose, and that
// numbers which only look like them (years, thousands, page numbers,
// addresses, amounts) do not.
func TestFindLiterals(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // each literal found, as "text=placeholder"
	}{
		// What must be refused.
		{"Emergency", "If this happens, call 999.", []string{"999={emergency.number}"}},
		{"EmergencyComma", "Call 999, or go to hospital.", []string{"999={emergency.number}"}},
		{"Bold", "**Call 911** now", []string{"911={emergency.number}"}},
		{"Brackets", "the emergency number (112)", []string{"112={emergency.number}"}},
		{"TripleZero", "In Australia, call 000.", []string{"000={emergency.number}"}},
		{"StartOfLine", "999 is the number to call.", []string{"999={emergency.number}"}},
		{"TwoNumbers", "Call 999/112.", []string{"999={emergency.number}", "112={emergency.number}"}},
		{"LinkText", "Call [999](tel:999) now.", []string{"999={emergency.number}"}},
		{"UrgentName", "See a doctor today, or call NHS 111.", []string{"NHS 111={urgent.service}"}},
		{"UrgentNameNoSpace", "call NHS111 first", []string{"NHS111={urgent.service}"}},
		{"UrgentNameLinked", "Use [NHS 111 online](https://111.nhs.uk/).", []string{"NHS 111 online={urgent.service}"}},
		{"UrgentNumber", "or call 111 at any time", []string{"111={urgent.number}"}},
		{"UrgentNumberHours", "Call 111 24 hours a day.", []string{"111={urgent.number}"}},
		{"GroupedNumber", "In Germany, call 116 117.", []string{"116 117={urgent.number}"}},
		{"NonBreakingSpace", "Samaritans: 116\u00a0123", []string{"Samaritans={crisis.service} (or {crisis.line})", "116\u00a0123={crisis.number}"}},
		{"Crisis", "call or text 988", []string{"988={crisis.number}"}},
		{"CrisisDashes", "call 9-8-8", []string{"9-8-8={crisis.number}"}},
		{"Lifeline", "Lifeline on 13 11 14", []string{"13 11 14={crisis.number}"}},
		{"Healthdirect", "Call healthdirect on 1800 022 222.", []string{"healthdirect={urgent.service}", "1800 022 222={urgent.number}"}},
		{"AandE", "go to A&E", []string{"A&E={emergency.department}"}},
		{"AandESpaced", "go to A & E", []string{"A & E={emergency.department}"}},
		{"EmergencyRoom", "go to the Emergency Room or the ER", []string{"Emergency Room={emergency.department}", "ER={emergency.department}"}},
		{"GP", "See a GP.", []string{"GP={gp}"}},
		{"GPs", "Most GPs can help.", []string{"GPs={gp}s"}},
		{"GPExplained", "your GP (family doctor)", []string{"GP (family doctor)={gp.explained}"}},
		{"GPSurgery", "your GP surgery or doctor's surgery", []string{"GP surgery={gp.place}", "doctor's surgery={gp.place}"}},
		{"GPSurgeries", "Some GP surgeries offer it.", []string{"GP surgeries={gp.places}"}},
		{"PrimaryCare", "your primary care physician", []string{"primary care physician={gp}"}},
		{"Heading", "## Call 999 first {#call-999}", []string{"999={emergency.number}"}},

		// What must not be.
		{"Year", "Two surveys were published in 2001 and 1999.", nil},
		{"Thousands", "just over 1 in every 1,000 sessions", nil},
		{"ThousandsSpace", "a survey of 32 000 consultations", nil},
		{"ThousandsThin", "about 66\u202f000 sessions", nil},
		{"Decimal", "a score of 1.111 or 999.5", nil},
		{"Minutes", "for 30 minutes, or 111 minutes", nil},
		{"Count", "111 people took part", nil},
		{"Amount", "It costs £999, or 112% more.", nil},
		{"PageNumber", "See page 111, and pp. 112-119.", nil},
		{"Range", "between 100-111 and 111–119", nil},
		{"DOI", "doi:10.1136/bmj.323.7311.485 and 10.1016/S0140-6736(18)30911-6", nil},
		{"URL", "See https://111.nhs.uk/ or www.example.org/999.", nil},
		{"LinkDestination", "See [the guideline](https://example.org/ng59/page-999).", nil},
		{"Autolink", "<https://example.org/112>", nil},
		{"Tel", "or tel:999", nil},
		{"LongerNumber", "Call us on 01632 999 123 or 0800 111 222.", nil},
		{"InWord", "Form A999 and 911x", nil},
		{"Placeholder", "call {emergency.number} or {urgent.service}", nil},
		{"HeadingID", "## Help {#call-999}", nil},
		{"Vitamins", "vitamins A and E", nil},
		{"GPS", "a GPS watch", nil},
		{"Her", "HER TIMER", nil},
		{"NHSAlone", "The NHS says it is safe.", nil},
		{"Registers", "a member of the BAcC or NCCAOM", nil},
	}
	f := &clinicFacts{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range f.findLiterals(tt.text) {
				got = append(got, l.text+"="+l.use)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findLiterals(%q): got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFindLiterals_ClinicNumbers checks that a number a clinic sets in
// clinic.yaml is refused in prose too.
func TestFindLiterals_ClinicNumbers(t *testing.T) {
	var c clinicFile
	c.Urgent.Number = "0300 123 4567"
	f := &clinicFacts{numbers: refusedNumbers(&c)}
	got := f.findLiterals("Call 0300 123 4567, or 999.")
	if len(got) != 2 || got[0].use != "{urgent.number}" || got[1].text != "999" {
		t.Errorf("findLiterals: got %+v, want the clinic's urgent number and 999", got)
	}
}

// TestResolve checks how placeholders are replaced and refused.
func TestResolve(t *testing.T) {
	f := &clinicFacts{known: true, country: "US", preset: true, values: map[string]string{
		"gp":              "primary care doctor",
		"clinic.name":     "Dr_Smith's [Clinic]",
		"urgent.url":      "https://example.org/urgent_care",
		"urgent.number":   "",
		"crisis.line":     "the 988 Suicide & Crisis Lifeline free on 988",
		"booking.phone":   "",
		"emergency.label": "Call 911",
	}}
	tests := []struct {
		name     string
		text     string
		md       bool
		want     string
		problems []string
	}{
		{"Plain", "See a {gp}.", false, "See a primary care doctor.", nil},
		{"Several", "{emergency.label}, or call {crisis.line}.", true, "Call 911, or call the 988 Suicide & Crisis Lifeline free on 988.", nil},
		{"EscapedInMarkdown", "Welcome to {clinic.name}.", true, `Welcome to Dr\_Smith's \[Clinic\].`, nil},
		{"NotEscapedInYAML", "Welcome to {clinic.name}.", false, "Welcome to Dr_Smith's [Clinic].", nil},
		{"URLNotEscaped", "[Find care]({urgent.url})", true, "[Find care](https://example.org/urgent_care)", nil},
		{"Backslash", `Write \{gp} to show it.`, true, `Write \{gp} to show it.`, nil},
		{"Misspelt", "See a {GP}.", false, "See a {GP}.", []string{"unknown placeholder {GP}: did you mean {gp}?"}},
		{"Spaces", "See a { gp }.", false, "See a { gp }.", []string{"unknown placeholder { gp }: did you mean {gp}?"}},
		{"Unknown", "Ask {nurse}.", false, "Ask {nurse}.", []string{"unknown placeholder {nurse}: use one of {clinic.name}"}},
		{"NoValue", "Call {urgent.number}.", false, "Call {urgent.number}.", []string{"{urgent.number} has no value for this clinic: set urgent.number in clinic.yaml (the US preset has none)"}},
		{"RequiredNoValue", "Call {booking.phone}.", false, "Call {booking.phone}.", nil},
		{"Literal", "Call 999 or see a {gp}.", false, "Call 999 or see a primary care doctor.", []string{`"999" is an emergency number typed into the text: write {emergency.number} instead`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps Problems
			got := f.resolve("a.md", 3, "s", tt.text, tt.md, &ps)
			if got != tt.want {
				t.Errorf("resolve(%q): got %q, want %q", tt.text, got, tt.want)
			}
			if len(ps) != len(tt.problems) {
				t.Fatalf("resolve(%q): got problems %q, want %d", tt.text, ps.Error(), len(tt.problems))
			}
			for i, p := range ps {
				if p.File != "a.md" || p.Line != 3 || !strings.HasPrefix(p.Msg, tt.problems[i]) {
					t.Errorf("resolve(%q): got problem %q, want a.md:3 starting %q", tt.text, p, tt.problems[i])
				}
			}
		})
	}
}

// TestResolveArticle checks that an article's body is resolved line by line,
// keeping its line breaks, and that the front matter, For: and Sources:
// lines are left alone.
func TestResolveArticle(t *testing.T) {
	f := &clinicFacts{known: true, values: map[string]string{"gp": "GP", "emergency.number": "999"}}
	src := "---\r\ntitle: Help from a {gp}\r\nsources:\r\n  - title: NHS 111. 2024.\r\n---\r\n\r\n## Call {emergency.number} {#call}\r\nFor: everyone\r\nSources: nhs-111\r\n\r\nSee a {gp}.\r\n"
	want := "---\r\ntitle: Help from a {gp}\r\nsources:\r\n  - title: NHS 111. 2024.\r\n---\r\n\r\n## Call 999 {#call}\r\nFor: everyone\r\nSources: nhs-111\r\n\r\nSee a GP.\r\n"
	var ps Problems
	if got := string(f.resolveArticle("a.md", []byte(src), &ps)); got != want {
		t.Errorf("resolveArticle: got %q, want %q", got, want)
	}
	if len(ps) > 0 {
		t.Errorf("resolveArticle: got problems\n%s\nwant none", ps.Error())
	}
}

// TestCheckQuoted checks the hint for YAML values that start with a
// placeholder without quotes.
func TestCheckQuoted(t *testing.T) {
	src := "title: {clinic.name} guide\n" +
		"description: \"{clinic.name} on back pain\"\n" +
		"hint: Ask your {gp}\n" +
		"  - label: {gp} visit\n" +
		"  - {gp}\n" +
		"text: >\n  {gp} folded lines are fine\n"
	var ps Problems
	checkQuoted("q.yaml", 0, []byte(src), &ps)
	want := []string{
		`q.yaml:1: a value that starts with a placeholder must be in quotes, or YAML reads the braces as a mapping: write title: "{clinic.name} guide"`,
		`q.yaml:4: a value that starts with a placeholder must be in quotes, or YAML reads the braces as a mapping: write label: "{gp} visit"`,
		`q.yaml:5: a value that starts with a placeholder must be in quotes, or YAML reads the braces as a mapping: write "{gp}"`,
	}
	if got := ps.Error(); got != strings.Join(want, "\n") {
		t.Errorf("checkQuoted: got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}
