//go:build browser

package e2e

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"symptomguide/app/guide"
)

// outcomeCase is one result page reached by its URL.
type outcomeCase struct {
	name    string
	answers guide.Answers
	heading string
	// pages is how many printed pages the summary may take.
	pages int
	// path is the result's address, with the answers.
	path string
}

// outcomeCases returns a result page for each outcome: routine, caution
// with every caution-level answer ticked, soon, urgent, emergency and under
// 16, and an urgent result with every answer a visitor can tick at once.
func outcomeCases(t *testing.T) []outcomeCase {
	t.Helper()
	g := suite.guide
	// cautionOnly lists the answers to the cautions question that raise the
	// outcome to caution and no further.
	var cautionOnly, every []string
	q, _ := g.Question(guide.CautionsQuestion)
	for _, o := range q.Options {
		if o.Exclusive {
			continue
		}
		if g.Evaluate(routineAnswers().With(guide.CautionsQuestion, o.ID)).Level == guide.Caution {
			cautionOnly = append(cautionOnly, o.ID)
		}
	}
	// everything ticks every option that is not exclusive, on every
	// question but the emergency signs, which end the guide at once.
	everything := routineAnswers()
	for _, q := range g.Questions() {
		if q.ID == guide.EmergencyQuestion || q.Kind == guide.Radios {
			continue
		}
		every = every[:0]
		for _, o := range q.Options {
			if !o.Exclusive {
				every = append(every, o.ID)
			}
		}
		everything = everything.With(q.ID, every...)
	}
	cases := []outcomeCase{
		{name: "routine", answers: routineAnswers(), heading: headingRoutine(), pages: 1},
		{name: "caution-all-cautions", answers: routineAnswers().With(guide.CautionsQuestion, cautionOnly...), heading: headingCaution(), pages: 2},
		{name: "soon", answers: routineAnswers().With("history", "inflammatory"), heading: headingSoon(), pages: 1},
		{name: "urgent", answers: routineAnswers().With("urgent", "fever"), heading: headingUrgent(), pages: 1},
		{name: "emergency", answers: answersOf(answersUpTo("urgent", "emergency", "saddle-numbness")), heading: headingEmergency(), pages: 1},
		{name: "underage", answers: guide.Answers{guide.AgeQuestion: {guide.Under16}}, heading: headingUnderage(), pages: 1},
		{name: "urgent-every-answer", answers: everything, heading: headingUrgent(), pages: 2},
	}
	for i := range cases {
		cases[i].path = resultPath(cases[i].answers)
	}
	return cases
}

// routineAnswers are the answers of the routine walk in answersUpTo.
func routineAnswers() guide.Answers {
	return answersOf(answersUpTo(""))
}

// answersOf reads answers from a query string.
func answersOf(query string) guide.Answers {
	v, _ := url.ParseQuery(query)
	return guide.Answers(v)
}

// resultPath is the address of the result for answers a.
func resultPath(a guide.Answers) string {
	return "/result?" + url.Values(a).Encode()
}

// evalAwait evaluates a JavaScript expression whose value is a promise and
// returns what the promise resolves to.
func evalAwait[T any](v *visitor, expr string) T {
	v.t.Helper()
	out, err := chromedp.Run(v.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		v.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return out
}

// paper is a sheet size in inches, as Page.printToPDF takes it.
type paper struct {
	name          string
	width, height float64
}

// papers are the sheet sizes the printed summary must fit.
var papers = []paper{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}}

// printPages prints the page to PDF on sheet p with Chromium's default
// margins and returns the number of pages.
func (v *visitor) printPages(p paper) int {
	v.t.Helper()
	res, err := chromedp.Call(v.ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: p.width, PaperHeight: p.height})
	if err != nil {
		v.t.Fatalf("printing to PDF on %s: %v", p.name, err)
	}
	n, err := pdfPages(res.Data)
	if err != nil {
		v.t.Fatalf("printing to PDF on %s: %v", p.name, err)
	}
	return n
}

var (
	// pageObjRE matches a page object's type; /Type /Pages, the page tree,
	// does not match.
	pageObjRE = regexp.MustCompile(`/Type\s*/Page\b`)
	// pageCountRE matches the count of pages in a node of the page tree;
	// the root's is the largest.
	pageCountRE = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)
)

// pdfPages counts the page objects in a PDF Chromium wrote, and checks the
// count against the /Count of the page tree's root.
func pdfPages(pdf []byte) (int, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return 0, fmt.Errorf("not a PDF: it starts %q", pdf[:min(len(pdf), 8)])
	}
	n := len(pageObjRE.FindAll(pdf, -1))
	count := -1
	for _, m := range pageCountRE.FindAllSubmatch(pdf, -1) {
		c, _ := strconv.Atoi(string(m[1]) + string(m[2]))
		count = max(count, c)
	}
	if count < 0 {
		return 0, fmt.Errorf("no /Count in the page tree of a PDF with %d page objects", n)
	}
	if count != n {
		return 0, fmt.Errorf("the page tree counts %d pages, but the PDF has %d page objects", count, n)
	}
	return n, nil
}

// checkPrintSummary checks, with the page laid out for print, that only
// the printed summary shows and that it holds what the result says: the
// clinic and its phone, the outcome, the reasons' sources, the notes, every
// answer, and the recommended sections' titles with their articles' full
// addresses, but no article text.
func (v *visitor) checkPrintSummary(oc outcomeCase) {
	t := v.t
	t.Helper()
	if _, err := chromedp.Call(v.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatalf("emulating print: %v", err)
	}
	defer chromedp.Call(v.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	shown := eval[[]string](v, `[...document.querySelectorAll("body *")].filter(e => e.checkVisibility() && e.children.length === 0 && e.textContent.trim() && !e.closest(".print-summary")).map(e => e.tagName + ": " + e.textContent.trim().slice(0, 40))`)
	if len(shown) > 0 {
		t.Errorf("in print, text outside the summary shows: %q", shown)
	}
	text := eval[string](v, `(document.querySelector(".print-summary") || {innerText: ""}).innerText`)
	if text == "" {
		t.Fatal("in print, the summary is missing or empty")
	}
	g := suite.guide
	clinic := g.Content().Clinic
	r := g.Evaluate(oc.answers)
	want := []string{clinic.Name, clinic.Booking.Phone, oc.heading}
	for _, rs := range r.Reasons {
		want = append(want, rs.Source.Title)
	}
	for _, n := range r.Notes {
		want = append(want, n.Label, n.Text)
	}
	for _, q := range g.Questions() {
		for _, o := range g.Normalize(oc.answers)[q.ID] {
			want = append(want, option(t, q.ID, o).Label)
		}
	}
	origin := eval[string](v, `location.origin`)
	if !r.Underage {
		for _, s := range r.ForYou {
			want = append(want, s.Title+": "+origin+"/articles/"+g.Content().Articles[s.Article].Slug)
		}
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the printed summary does not say %q; it reads:\n%s", w, text)
		}
	}
	if n := eval[int](v, `document.querySelectorAll(".print-summary .prose, .print-summary article").length`); n != 0 {
		t.Errorf("the printed summary holds %d pieces of article text, want none", n)
	}
}

// TestPrintSummary checks what each outcome's result page prints
// (checkPrintSummary), then prints it to PDF on A4 and on US Letter and
// expects the summary to fit one page (two at most for many cautions and
// signs).
func TestPrintSummary(t *testing.T) {
	var rows []string
	for _, oc := range outcomeCases(t) {
		t.Run(oc.name, func(t *testing.T) {
			v := newVisitor(t)
			v.open(oc.path)
			v.waitHeading(oc.heading)
			v.settle()
			v.checkPrintSummary(oc)
			row := fmt.Sprintf("%-22s", oc.name)
			for _, p := range papers {
				n := v.printPages(p)
				row += fmt.Sprintf("  %s: %d", p.name, n)
				if n > oc.pages {
					t.Errorf("printed on %s the result takes %d pages, want at most %d", p.name, n, oc.pages)
				}
			}
			rows = append(rows, row)
		})
	}
	t.Logf("printed pages:\n%s", strings.Join(rows, "\n"))
}

// TestResultPage_Order checks each outcome's result page as it loads: the
// card first, then why, then what the outcome has of the recommended
// sections, the list of the others and the booking prompt, in that order.
// Routine and caution results show at most three sections in full, the
// engine's ForYou, and every other matched section in a list of closed
// <details>; results that send the visitor to a doctor show no section in
// full, only one closed "Information for later" list; a child's result has
// no sections at all.
func TestResultPage_Order(t *testing.T) {
	for _, oc := range outcomeCases(t) {
		t.Run(oc.name, func(t *testing.T) {
			r := suite.guide.Evaluate(oc.answers)
			v := newVisitor(t)
			v.open(oc.path)
			v.waitHeading(oc.heading)
			v.settle()
			var order []string
			switch {
			case r.Underage:
				order = []string{"section.outcome", "section.why"}
				if n := eval[int](v, `document.querySelectorAll("main article.section, main [data-section], main details").length`); n != 0 {
					t.Errorf("a child's result has %d sections or lists, want none", n)
				}
			case r.CareFirst:
				order = []string{"section.outcome", "section.why", "details.later", ".booking", ".result-actions"}
				v.checkShort(r)
			default:
				order = []string{"section.outcome", "section.why", "section.for-you", "section.more", ".booking", ".result-actions"}
				v.checkLong(r)
			}
			got := eval[[]string](v, fmt.Sprintf(`(() => {
				const sels = %s;
				const els = sels.map(s => document.querySelector("main " + s));
				return sels.filter((s, i) => els[i]).sort((a, b) => {
					const x = els[sels.indexOf(a)], y = els[sels.indexOf(b)];
					return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
				});
			})()`, jsArray(order)))
			if !slices.Equal(got, order) {
				t.Errorf("the parts of the page come in the order %q, want %q", got, order)
			}
			if r.Level == guide.Emergency {
				v.checkCallOnFirstScreen()
			}
		})
	}
}

// fullSections returns the ids of the sections shown in full on screen.
// checkVisibility, not offsetParent: Chromium lays out the content of a
// closed <details> with content-visibility: hidden, which offsetParent does
// not see.
func (v *visitor) fullSections() []string {
	v.t.Helper()
	return eval[[]string](v, `[...document.querySelectorAll("main article.section")].filter(a => a.checkVisibility()).map(a => a.id.replace(/^section-/, ""))`)
}

// checkLong checks a routine or caution result: the engine's ForYou in
// full and in order, the rest of the sections closed in More, each with
// its title and one line.
func (v *visitor) checkLong(r guide.Result) {
	t := v.t
	t.Helper()
	if got, want := v.fullSections(), ids(r.ForYou); !slices.Equal(got, want) {
		t.Errorf("sections in full: got %q, want %q (at most %d)", got, want, guide.MaxForYou)
	}
	type item struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Text  string `json:"text"`
		Open  bool   `json:"open"`
	}
	items := eval[[]item](v, `[...document.querySelectorAll("main section.more details.more-item")].map(d => ({
		id: d.dataset.section, title: d.querySelector(".more-item__title").textContent.trim(),
		text: (d.querySelector(".more-item__text") || {textContent: ""}).textContent.trim(), open: d.open,
	}))`)
	if len(items) != len(r.More) {
		t.Fatalf("More from the clinic lists %d sections, want %d: %v", len(items), len(r.More), items)
	}
	for i, s := range r.More {
		it := items[i]
		if it.ID != s.ID || it.Title != s.Title || it.Text != s.Summary {
			t.Errorf("More item %d: got %q %q %q, want %q %q %q", i, it.ID, it.Title, it.Text, s.ID, s.Title, s.Summary)
		}
		if it.Open {
			t.Errorf("More item %q is open on load, want it closed", s.ID)
		}
	}
	if n := eval[int](v, `document.querySelectorAll("main details.later").length`); n != 0 {
		t.Errorf("got %d Information for later lists, want none", n)
	}
}

// checkShort checks a result that sends the visitor to a doctor first: no
// section in full anywhere in the page, and one closed list of every
// matched section, recommended ones first, each linking to its article.
func (v *visitor) checkShort(r guide.Result) {
	t := v.t
	t.Helper()
	if n := eval[int](v, `document.querySelectorAll("main article.section, main .prose").length`); n != 0 {
		t.Errorf("got %d full sections in the page, want none before a doctor has seen the visitor", n)
	}
	if n := eval[int](v, `document.querySelectorAll("main details").length`); n != 1 {
		t.Errorf("got %d <details>, want one: Information for later", n)
	}
	if eval[bool](v, `document.querySelector("main details.later").open`) {
		t.Error("Information for later is open on load, want it closed")
	}
	type item struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		Href  string `json:"href"`
	}
	items := eval[[]item](v, `[...document.querySelectorAll("main details.later [data-section]")].map(li => ({
		id: li.dataset.section, title: li.querySelector("a").textContent.trim(), href: li.querySelector("a").getAttribute("href"),
	}))`)
	want := append(slices.Clone(r.ForYou), r.More...)
	if len(items) != len(want) {
		t.Fatalf("Information for later lists %d sections, want %d", len(items), len(want))
	}
	arts := suite.guide.Content().Articles
	for i, s := range want {
		href := "/articles/" + arts[s.Article].Slug + "#section-" + s.ID
		if items[i].ID != s.ID || items[i].Title != s.Title || items[i].Href != href {
			t.Errorf("later item %d: got %+v, want %s %q linking to %s", i, items[i], s.ID, s.Title, href)
		}
	}
}

// checkCallOnFirstScreen checks on a phone that the emergency card's call
// button is on the first screen, with nothing long above it.
func (v *visitor) checkCallOnFirstScreen() {
	v.t.Helper()
	v.phone(390, 844)
	v.settle()
	v.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	if bottom := eval[float64](v, `document.querySelector('section.outcome a[href^="tel:"]').getBoundingClientRect().bottom`); bottom > 844 {
		v.t.Errorf("the call button ends %.0f px down a 390x844 phone screen, want it on the first screen", bottom)
	}
}

// ids returns the ids of ss.
func ids(ss []*guide.Section) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

// TestResultPage_MoreWithKeyboard opens an item of "More from the clinic"
// with the keyboard: Tab reaches its line, Enter opens it in place and shows
// the whole section with its link to the article, Enter again closes it.
func TestResultPage_MoreWithKeyboard(t *testing.T) {
	oc := outcomeCases(t)[0]
	r := suite.guide.Evaluate(oc.answers)
	if len(r.More) == 0 {
		t.Fatal("the routine result has no More items to open")
	}
	s := r.More[0]
	v := newVisitor(t)
	v.open(oc.path)
	v.waitHeading(oc.heading)
	v.settle()
	summary := fmt.Sprintf(`document.querySelector('details[data-section=%s] > summary')`, jsString(s.ID))
	v.tabUntil("the line of "+s.ID, `document.activeElement === `+summary)
	visible := fmt.Sprintf(`document.getElementById(%s).checkVisibility()`, jsString("section-"+s.ID))
	if eval[bool](v, visible) {
		t.Fatalf("section-%s is visible before it is opened", s.ID)
	}
	v.keys(kb.Enter)
	if !v.eventually(visible, 3*time.Second) {
		t.Fatalf("Enter on the line of %s did not show the section", s.ID)
	}
	if got := eval[bool](v, summary+`.parentElement.open`); !got {
		t.Errorf("the <details> of %s is not open after Enter", s.ID)
	}
	link := fmt.Sprintf(`[...document.querySelectorAll('#section-%s a[href^="/articles/"]')].some(a => a.checkVisibility())`, s.ID)
	if !eval[bool](v, link) {
		t.Errorf("the opened section %s has no visible link to its article", s.ID)
	}
	v.keys(kb.Enter)
	if !v.eventually(`!(`+visible+`)`, 3*time.Second) {
		t.Errorf("Enter again on the line of %s did not hide the section", s.ID)
	}
	if got := v.fullSections(); len(got) > guide.MaxForYou {
		t.Errorf("got %d sections in full after closing, want at most %d", len(got), guide.MaxForYou)
	}
}

// TestStartAgain presses Start again on a result and expects every answer
// gone: the start page's address has no query and took the result's place
// in the history, no history entry and no history.state holds an answer,
// and the next walk starts with nothing ticked and no answer in any link or
// field.
func TestStartAgain(t *testing.T) {
	oc := outcomeCases(t)[1] // caution: answers to every question
	var values []string
	for _, opts := range oc.answers {
		values = append(values, opts...)
	}
	v := newVisitor(t)
	v.open(oc.path)
	v.waitHeading(oc.heading)
	v.settle()
	entries := eval[int](v, `history.length`)
	v.press(words().Result.Restart)
	v.waitThroughLoad("the start page", fmt.Sprintf(`location.pathname === "/" && (document.querySelector("h1") || {}).textContent === %s`, jsString(headingStart())))
	v.waitApp()
	v.settle()
	u := v.url()
	if u.Path != "/" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		t.Errorf("after Start again the address is %s, want / with no query", u)
	}
	if got := eval[int](v, `history.length`); got != entries {
		t.Errorf("Start again added a history entry (%d entries, were %d): the start page should replace the result", got, entries)
	}
	v.checkNoAnswers("the start page after Start again", values)

	v.press(words().Start.Button)
	v.waitHeading(questionTitle(t, guide.AgeQuestion))
	if got := v.checked(); len(got) != 0 {
		t.Errorf("the first question after Start again has %q ticked, want nothing", got)
	}
	v.checkNoAnswers("the first question after Start again", values)

	// Back returns to the start page, not to the result.
	v.back()
	v.waitHeading(headingStart())
	v.checkNoAnswers("the page Back shows after Start again", values)
	v.checkPrivacy()
}

// checkNoAnswers checks that neither the address, history.state, a link,
// a form field nor a ticked box on the page carries any of values, the
// answers given before.
func (v *visitor) checkNoAnswers(where string, values []string) {
	v.t.Helper()
	got := eval[[]string](v, fmt.Sprintf(`(() => {
		const values = new Set(%s);
		const out = [];
		if (location.search) out.push("address " + location.href);
		if (history.state !== null && history.state !== undefined) out.push("history.state " + JSON.stringify(history.state));
		// Chromium lists the tab's history entries of the guide's origin.
		for (const e of (window.navigation ? navigation.entries() : [])) {
			if (new URL(e.url).search) out.push("history entry " + e.url);
		}
		for (const a of document.querySelectorAll("a[href]")) {
			const u = new URL(a.href, location.href);
			if (u.origin === location.origin && u.search) out.push("link " + a.getAttribute("href"));
		}
		for (const i of document.querySelectorAll("input")) {
			if ((i.type === "hidden" || i.checked) && values.has(i.value)) out.push("field " + i.name + "=" + i.value);
		}
		return out;
	})()`, jsArray(values)))
	for _, g := range got {
		v.t.Errorf("%s carries an answer: %s", where, g)
	}
}

// waitThroughLoad waits until a JavaScript expression is true, as poll
// does, but goes on through a page load, which ends a poll with an error.
func (v *visitor) waitThroughLoad(what, expr string) {
	v.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(v.ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	v.t.Fatalf("waiting for %s: %s is still not true", what, expr)
}
