package ui

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden HTML files in testdata/")

// inDefault is the default language, which the tests render.
var inDefault = Language{}

// printDate is the date the printed summaries in the golden files carry.
var printDate = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	flag.Parse()
	now = func() time.Time { return printDate }
	// The pages render the compiler's test clinic, not the clinic's own
	// content: rewording content/ never changes these golden files.
	Register(guide.MustNewAll(fixture.Languages)...)
	os.Exit(m.Run())
}

// loader is a page that reads its state from a URL.
type loader interface {
	app.Composer
	load(*url.URL)
}

// render loads page at rawURL in go-app's test engine and returns its HTML
// with each tag's attributes sorted, so the output is stable.
func render(t *testing.T, page app.Composer, rawURL string) string {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := page.(loader); ok {
		l.load(u)
	}
	e := app.NewTestEngine()
	if err := e.Load(page); err != nil {
		t.Fatalf("loading %s: %v", rawURL, err)
	}
	e.ConsumeAll()
	return normalize(app.HTMLString(page))
}

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*(/?)>`)
	attrRE = regexp.MustCompile(`[^\s=>]+(?:="[^"]*")?`)
)

// normalize sorts the attributes of every tag: go-app writes them in map
// order, which changes from run to run.
func normalize(html string) string {
	return tagRE.ReplaceAllStringFunc(html, func(tag string) string {
		m := tagRE.FindStringSubmatch(tag)
		attrs := attrRE.FindAllString(m[2], -1)
		sort.Strings(attrs)
		out := "<" + m[1]
		for _, a := range attrs {
			out += " " + a
		}
		return out + m[3] + ">"
	})
}

// golden compares got with testdata/name.html, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".html")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/ui -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (run go test ./app/ui -update if the change is intended):\n%s", name, path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// all is a complete routine set of answers.
const all = "age=20-49&pain=lower-back&duration=chronic&emergency=none&urgent=none&history=none&factors=desk&cautions=none"

func TestPages_Golden(t *testing.T) {
	tests := []struct {
		name string
		page app.Composer
		url  string
		// contains and excludes are checks beyond the golden file, on what
		// each page must and must not say.
		contains []string
		excludes []string
	}{
		{"start", newStartPage(Language{}), "/", []string{`<h1 class="heading-xl" id="page-heading" tabindex="-1">Back pain: is acupuncture right for you?</h1>`, "Start now", "not a diagnosis", "stay on this device"}, nil},
		{"question-pain", newQuestionPage(Language{}), "/q/pain", []string{
			`<form action="/q/pain" data-next="/q/duration" method="get" novalidate>`, "Where is your back pain, and what is it like?", "Question 2 of 8",
			`name="pain"`, `class="options__divider">or`, `data-exclusive`, `>Continue</button>`,
		}, []string{"checked", "There is a problem"}},
		{"question-pain-error", newQuestionPage(Language{}), "/q/pain?next=1", []string{"There is a problem", `href="#pain-lower-back"`, `id="pain-error"`, "field--error"}, nil},
		{"question-duration-answered", newQuestionPage(Language{}), "/q/duration?pain=sciatica&duration=weeks", []string{
			`<input checked class="options__input" id="duration-weeks" name="duration" type="radio" value="weeks">`,
			`<input name="pain" type="hidden" value="sciatica">`, `href="/q/pain?duration=weeks&pain=sciatica"`,
		}, []string{"There is a problem"}},
		{"question-emergency-change", newQuestionPage(Language{}), "/q/emergency?" + all + "&change=1", []string{`name="change" type="hidden" value="1"`, `href="/check?`, `data-decides="/decided/emergency/saddle-numbness" id="emergency-saddle-numbness"`}, []string{"data-next"}},
		{"check", newCheckPage(Language{}), "/check?" + all, []string{"Check your answers", "Pain in my lower back", "/q/pain?age=20-49&cautions=none&change=1", "See your results"}, []string{"Not answered"}},
		{"check-missing", newCheckPage(Language{}), "/check?pain=disc", []string{"Not answered", "Answer"}, nil},
		{"result-routine", newResultPage(Language{}), "/result?" + all, []string{
			"No warning signs in your answers", `data-booking="primary"`, `id="section-low-back"`,
			"Why this result", "We found no warning signs", "Read next: for you", "More from the clinic",
			`<div class="print-summary">`, "1 December 2026", "/articles/01-kinds</span>",
		}, []string{`id="section-sciatica"`, "<details open", "Information for later"}},
		{"result-caution", newResultPage(Language{}), "/result?age=20-49&pain=tension&duration=acute&emergency=none&urgent=none&history=none&factors=stress&cautions=pregnancy&cautions=pacemaker", []string{
			"tell the practitioner first", `data-booking="primary"`, "Electroacupuncture", "first 3 months", `id="section-pregnancy"`,
			"For the practitioner", "Notes for the practitioner", "Read next: for you", "More from the clinic",
		}, nil},
		{"result-urgent", newResultPage(Language{}), "/result?age=20-49&pain=lower-back&duration=weeks&emergency=not-sure&urgent=none&history=none&factors=none&cautions=none", []string{
			"See a doctor today", `href="tel:111"`, `data-booking="secondary"`, "You were not sure",
			"Information for later", "Symptom Guide safety rule",
		}, []string{`data-booking="primary"`, `class="prose"`, "Read next"}},
		{"result-soon", newResultPage(Language{}), "/result?age=20-49&pain=lower-back&duration=chronic&emergency=none&urgent=none&history=inflammatory&factors=none&cautions=none", []string{
			"See a GP in the next few days", `data-booking="secondary"`, "before you were 45",
			"Information for later", `href="https://www.nice.org.uk/guidance/ng65"`,
		}, []string{`data-booking="primary"`, `class="prose"`, "Read next"}},
		{"result-underage", newResultPage(Language{}), "/result?age=under-16", []string{
			"This guide is for adults", `href="tel:111"`, `href="tel:999"`, "outcome--underage", "You are under 16",
		}, []string{`data-booking=`, `class="section"`, "<details", "data-section", "To read"}},
		{"result-emergency", newResultPage(Language{}), "/result?age=50-plus&pain=lower-back&duration=acute&emergency=saddle-numbness", []string{
			"Call 999 now", `href="tel:999"`, "bottom, genitals or inner thighs",
			"Why this result", `<details class="later">`, `data-section="low-back"`, `href="/articles/01-kinds#section-low-back"`,
		}, []string{`data-booking=`, "Book a consultation", `class="section"`, `class="prose"`, "Read next", "More from the clinic", "<details open"}},
		{"result-not-ready", newResultPage(Language{}), "/result?age=20-49&pain=lower-back&duration=acute&emergency=none", []string{"Some questions are not answered yet", `href="/q/urgent?`}, []string{"No warning signs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.page, tt.url)
			for _, s := range tt.contains {
				if !strings.Contains(got, s) {
					t.Errorf("the page does not contain %q", s)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(got, s) {
					t.Errorf("the page contains %q", s)
				}
			}
			golden(t, tt.name, got)
		})
	}
}

// TestResultPage_Parts checks the order of the parts of each outcome's
// result page: the card, why, then the sections (at most three in full and
// a list for the rest, or one list for later), the booking prompt, the
// buttons and the printed summary; and that no section is open in full
// inside the lists.
func TestResultPage_Parts(t *testing.T) {
	base := "age=20-49&pain=lower-back&duration=chronic&emergency=none&urgent=none&history=none&factors=stress&cautions=none"
	long := []string{`class="outcome `, `class="why"`, `class="sections for-you"`, `class="more"`, `class="booking`, `class="result-actions"`, `class="print-summary"`}
	short := []string{`class="outcome `, `class="why"`, `<details class="later">`, `class="booking`, `class="result-actions"`, `class="print-summary"`}
	tests := []struct {
		name  string
		query string
		parts []string
	}{
		{"Routine", base, long},
		{"Caution", strings.Replace(base, "cautions=none", "cautions=pregnancy&cautions=needle-fear", 1), long},
		{"Soon", strings.Replace(base, "history=none", "history=not-checked", 1), short},
		{"Urgent", strings.Replace(base, "urgent=none", "urgent=night-pain", 1), short},
		{"Emergency", "age=20-49&pain=lower-back&duration=acute&emergency=both-legs", short},
		{"Underage", "age=under-16", []string{`class="outcome `, `class="why"`, `class="booking`, `class="result-actions"`, `class="print-summary"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, newResultPage(Language{}), "/result?"+tt.query)
			at := -1
			for _, p := range tt.parts {
				i := strings.Index(got, p)
				if i < 0 {
					t.Fatalf("the page has no %s", p)
				}
				if i < at {
					t.Errorf("%s comes before the part listed ahead of it, want the order %q", p, tt.parts)
				}
				at = i
			}
			before, _, _ := strings.Cut(got, `class="more"`)
			if n := strings.Count(before, `<article `); n > 3 {
				t.Errorf("got %d sections in full before the list, want at most 3", n)
			}
			summary := got[strings.Index(got, `class="print-summary"`):]
			if strings.Contains(summary, `class="prose"`) || strings.Contains(summary, "<article") {
				t.Error("the printed summary holds article text, want titles and addresses only")
			}
		})
	}
}

// TestResultPage_EvaluatesOnce counts the result page's evaluations of the
// answers: one when it loads a query, whatever else reads it. In the
// browser OnInit and then OnNav both load: the first with the address the
// visitor comes from (the check page, with the same query), the second
// with the result's own. Rendering, again and again, evaluates nothing: the
// page and its parts read the stored result. A new query evaluates once
// more.
func TestResultPage_EvaluatesOnce(t *testing.T) {
	engine := evaluate
	t.Cleanup(func() { evaluate = engine })
	n := 0
	evaluate = func(g *guide.Guide, a guide.Answers) guide.Result {
		n++
		return engine(g, a)
	}
	load := func(p *resultPage, rawURL string) {
		t.Helper()
		u, err := url.Parse(rawURL)
		if err != nil {
			t.Fatal(err)
		}
		p.load(u)
	}
	for _, query := range []string{all, "age=under-16", "age=20-49&pain=lower-back&duration=acute&emergency=chest-pain", "age=20-49&pain=disc"} {
		t.Run(query, func(t *testing.T) {
			n = 0
			p := newResultPage(Language{})
			load(p, "/check?"+query)  // OnInit, before the address changes
			load(p, "/result?"+query) // OnNav
			if n != 1 {
				t.Errorf("loading %s from the check page evaluated the answers %d times, want 1", query, n)
			}
			e := app.NewTestEngine()
			if err := e.Load(p); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			first := normalize(app.HTMLString(p))
			for range 3 {
				p.Render()
				if err := e.Load(p); err != nil {
					t.Fatal(err)
				}
				e.ConsumeAll()
			}
			if got := normalize(app.HTMLString(p)); got != first {
				t.Error("rendering again changed the page")
			}
			if n != 1 {
				t.Errorf("rendering the result for %s evaluated the answers %d times in all, want 1", query, n)
			}
			load(p, "/result?"+query+"&factors=stress")
			if n != 2 {
				t.Errorf("loading another query evaluated the answers %d times in all, want 2", n)
			}
		})
	}
}

func TestSubmitted(t *testing.T) {
	tests := []struct {
		url, want string
		ok        bool
	}{
		{"/q/age?age=20-49&next=1", "/q/pain?age=20-49", true},
		{"/q/age?age=under-16&next=1", "/result?age=under-16", true},
		{"/q/pain?pain=lower-back&next=1", "/q/duration?pain=lower-back", true},
		{"/q/pain?next=1", "", false},
		{"/q/pain?pain=lower-back", "", false},
		{"/check?pain=lower-back&next=1", "", false},
		{"/q/emergency?pain=disc&duration=acute&emergency=chest-pain&next=1", "/result?duration=acute&emergency=chest-pain&pain=disc", true},
		{"/q/pain?" + all + "&change=1&next=1", "/check?" + sortedQuery(all), true},
		{"/q/cautions?age=20-49&pain=disc&cautions=none&change=1&next=1", "/q/duration?age=20-49&cautions=none&pain=disc", true},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		got, ok := Submitted(u)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Submitted(%s) = %q, %v; want %q, %v", tt.url, got, ok, tt.want, tt.ok)
		}
	}
}

// sortedQuery returns q with its parameters sorted, as url.Values encodes.
func sortedQuery(q string) string {
	v, _ := url.ParseQuery(q)
	return v.Encode()
}

// TestOutcomeCard_NoUrgentNumber checks that a country with no urgent phone
// line (the US preset: an urgent care center) gets no empty tel: link on
// any result that offers the urgent line.
func TestOutcomeCard_NoUrgentNumber(t *testing.T) {
	c := &inDefault.guide().Content().Clinic
	saved := c.Urgent
	t.Cleanup(func() { c.Urgent = saved })
	c.Urgent.Number, c.Urgent.URL = "", ""
	for _, u := range []string{"/result?age=under-16", "/result?" + all + "&urgent=fever"} {
		got := render(t, newResultPage(Language{}), u)
		if strings.Contains(got, `href="tel:"`) {
			t.Errorf("%s: an empty tel: link on the page", u)
		}
		if !strings.Contains(got, `href="tel:`+c.Emergency.Number+`"`) {
			t.Errorf("%s: the emergency number's link is missing", u)
		}
	}
}
