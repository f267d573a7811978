//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"symptomguide/app/guide"
)

// The headings the tests wait for come from the compiled strings file, so
// the suite runs unchanged against any clinic's wording.

// outcomeWords are the outcome card's words for each level.
func outcomeWords() guide.OutcomeStrings { return suite.guide.Content().Strings.Outcome }

// The headings of the outcome card, one for each level.
func headingEmergency() string { return outcomeWords().Emergency.Heading }
func headingUrgent() string    { return outcomeWords().Urgent.Heading }
func headingSoon() string      { return outcomeWords().Soon.Heading }
func headingUnderage() string  { return outcomeWords().Underage.Heading }
func headingCaution() string   { return outcomeWords().Caution.Heading }
func headingRoutine() string   { return outcomeWords().Routine.Heading }

// The headings of the pages around the questions.
func headingStart() string { return suite.guide.Content().Strings.Start.Heading }

// words returns the words of the pages, from the clinic's strings file.
func words() guide.Strings { return suite.guide.Content().Strings }
func headingCheck() string { return suite.guide.Content().Strings.Check.Heading }

// outcome is what the result page must show for one level: the card's
// heading and which booking links it offers.
type outcome struct {
	// heading returns the card's heading (a function: the content is
	// loaded when the suite starts, after this package's variables).
	heading func() string
	// primary and secondary say whether the booking link with
	// data-booking="primary" or "secondary" is on the page.
	primary, secondary bool
	// emergency says whether the card is the emergency one: a call to the
	// emergency number and no booking at all.
	emergency bool
	// short says whether the walk goes straight from the last answer to
	// the result, skipping the other questions and the check page.
	short bool
}

// The four outcomes, written from the safety rules by hand: booking is
// hidden for an emergency, secondary for urgent advice, primary otherwise.
var (
	routine   = outcome{heading: headingRoutine, primary: true}
	caution   = outcome{heading: headingCaution, primary: true}
	soon      = outcome{heading: headingSoon, secondary: true}
	urgent    = outcome{heading: headingUrgent, secondary: true}
	emergency = outcome{heading: headingEmergency, emergency: true, short: true}
	underage  = outcome{heading: headingUnderage, short: true}
)

// answer is one question answered by ticking options, in this order.
type answer struct {
	question string
	options  []string
}

// persona is one walk through the guide from the start page to the result,
// by clicking the options' visible labels.
type persona struct {
	name    string
	answers []answer
	want    outcome
	// reasons lists "question/option" answers whose reason "Why this
	// result" must say back; notes lists caution options whose note the
	// outcome card must show.
	reasons []string
	notes   []string
	// show and hide list section ids (without "section-") that must and must
	// not be on the result page, from the articles' For: lines.
	show, hide []string
	// before runs extra steps on a page before its answers are chosen; the
	// key is a question id, or "check" for the check page. Each step must
	// leave the visitor on the same page it started on.
	before map[string]func(w *walk)
}

// personas are the walks through the guide. Together they cover every
// outcome level, every kind of pain, every caution, and the ways a visitor
// moves around: the error summary, "None of these", Change links, the
// browser's back button and a reload.
var personas = []persona{
	{
		name: "routine lower back pain after an error",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"lower-back"}},
			{"duration", []string{"chronic"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"stress"}},
			{"cautions", []string{"none"}},
		},
		want: routine,
		show: []string{"lower-back", "lasting-pain", "stress", "side-effects", "evidence", "first-visit", "faq"},
		hide: []string{"sciatica", "upper-back", "pain-not-sure", "new-pain", "evidence-sciatica", "sleep", "pregnancy"},
		before: map[string]func(w *walk){
			"duration": (*walk).errorSummary,
		},
	},
	{
		name: "urgent upper back pain on its own, screens, None of these",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"upper-back"}},
			{"duration", []string{"acute"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"desk", "screens"}},
			{"cautions", []string{"none"}},
		},
		want:    urgent,
		reasons: []string{"pain/upper-back"},
		show:    []string{"upper-back", "upper-back-screens", "desk-posture", "new-pain"},
		hide:    []string{"lower-back", "lasting-pain", "stress", "physical-work"},
		before: map[string]func(w *walk){
			"emergency": (*walk).noneClearsOthers,
		},
	},
	{
		name: "caution pregnancy with sciatica and a disc problem",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"sciatica", "disc"}},
			{"duration", []string{"weeks"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"none"}},
			{"cautions", []string{"pregnancy"}},
		},
		want:  caution,
		notes: []string{"pregnancy"},
		show:  []string{"sciatica", "disc", "evidence-sciatica", "lasting-pain", "pregnancy"},
		hide:  []string{"lower-back", "new-pain", "stress", "desk-posture", "bleeding-disorder", "needle-fear"},
	},
	{
		name: "caution bleeding disorder and blood thinners with tension",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"tension"}},
			{"duration", []string{"acute"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"stress", "sleep"}},
			{"cautions", []string{"bleeding-disorder", "blood-thinners"}},
		},
		want:  caution,
		notes: []string{"bleeding-disorder", "blood-thinners"},
		show:  []string{"tension", "new-pain", "stress", "sleep", "bleeding-disorder", "blood-thinners"},
		hide:  []string{"arthritis", "lasting-pain", "pregnancy", "pacemaker"},
	},
	{
		name: "caution pacemaker and skin infection with arthritis",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"arthritis"}},
			{"duration", []string{"chronic"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"lifting", "inactive"}},
			{"cautions", []string{"pacemaker", "skin-infection"}},
		},
		want:  caution,
		notes: []string{"pacemaker", "skin-infection"},
		show:  []string{"arthritis", "lasting-pain", "physical-work", "moving-more", "pacemaker", "skin-infection"},
		hide:  []string{"tension", "new-pain", "needle-fear", "blood-thinners"},
	},
	{
		name: "caution needle fear, unsure of the pain, answer changed",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"not-sure"}},
			{"duration", []string{"not-sure"}}, // changed to "weeks" on the check page
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"strain"}},
			{"cautions", []string{"needle-fear"}},
		},
		want:  caution,
		notes: []string{"needle-fear"},
		show:  []string{"pain-not-sure", "lasting-pain", "recent-strain", "needle-fear"},
		hide:  []string{"lower-back", "sciatica", "new-pain", "pregnancy"},
		before: map[string]func(w *walk){
			"check": func(w *walk) { w.changeAnswer("duration", "not-sure", "weeks") },
		},
	},
	{
		name: "urgent weakened immune system",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"lower-back", "sciatica"}},
			{"duration", []string{"chronic"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"none"}},
			{"cautions", []string{"weak-immune"}},
		},
		want:    urgent,
		reasons: []string{"cautions/weak-immune"},
		notes:   []string{"weak-immune"},
		show:    []string{"lower-back", "sciatica", "evidence-sciatica", "weak-immune"},
		hide:    []string{"pregnancy", "upper-back", "stress"},
	},
	{
		name: "urgent when unsure of the emergency signs, browser back",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"lower-back"}},
			{"duration", []string{"acute"}},
			{"emergency", []string{"not-sure"}},
			{"urgent", []string{"none"}},
			{"history", []string{"none"}},
			{"factors", []string{"none"}},
			{"cautions", []string{"none"}},
		},
		want:    urgent,
		reasons: []string{"emergency/not-sure"},
		show:    []string{"lower-back", "new-pain"},
		hide:    []string{"sciatica", "lasting-pain", "pregnancy"},
		before: map[string]func(w *walk){
			"urgent": func(w *walk) { w.browserBack("emergency", "not-sure") },
		},
	},
	{
		name: "urgent fever and night pain, reload",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"upper-back"}},
			{"duration", []string{"weeks"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"fever", "night-pain"}},
			{"history", []string{"none"}},
			{"factors", []string{"sleep"}},
			{"cautions", []string{"none"}},
		},
		want:    urgent,
		reasons: []string{"urgent/fever", "urgent/night-pain"},
		show:    []string{"upper-back", "lasting-pain", "sleep"},
		hide:    []string{"upper-back-screens", "lower-back", "new-pain", "stress"},
		before: map[string]func(w *walk){
			"cautions": func(w *walk) { w.backAndReload("factors", "sleep") },
		},
	},
	{
		name: "emergency numbness around the bottom",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"sciatica"}},
			{"duration", []string{"acute"}},
			{"emergency", []string{"saddle-numbness"}},
		},
		want:    emergency,
		reasons: []string{"emergency/saddle-numbness"},
		show:    []string{"sciatica", "new-pain"},
		hide:    []string{"lower-back", "lasting-pain", "stress", "pregnancy"},
	},
	{
		name: "emergency chest pain and weak legs",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"lower-back", "disc"}},
			{"duration", []string{"chronic"}},
			{"emergency", []string{"both-legs", "chest-pain", "not-sure"}},
		},
		want:    emergency,
		reasons: []string{"emergency/both-legs", "emergency/chest-pain"},
		show:    []string{"lower-back", "disc", "evidence-sciatica", "lasting-pain"},
		hide:    []string{"sciatica", "new-pain", "needle-fear"},
	},
	// The cases from the clinical review of issue 11, walked by label.
	{
		name: "urgent new weak foot on one side (foot drop)",
		answers: []answer{
			{"age", []string{"20-49"}},
			{"pain", []string{"lower-back", "sciatica"}},
			{"duration", []string{"acute"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"one-leg"}},
			{"history", []string{"none"}},
			{"factors", []string{"lifting"}},
			{"cautions", []string{"none"}},
		},
		want:    urgent,
		reasons: []string{"urgent/one-leg"},
		show:    []string{"lower-back", "sciatica"},
	},
	{
		name: "emergency at 72, sudden severe pain into the tummy",
		answers: []answer{
			{"age", []string{"50-plus"}},
			{"pain", []string{"lower-back"}},
			{"duration", []string{"acute"}},
			{"emergency", []string{"tummy-pain"}},
		},
		want:    emergency,
		reasons: []string{"emergency/tummy-pain"},
	},
	{
		name: "under 16 after sport ends at once, no booking",
		answers: []answer{
			{"age", []string{"under-16"}},
		},
		want: underage,
		hide: []string{"lower-back", "first-visit", "faq", "side-effects"},
	},
	{
		name: "soon with thin bones after a small fall",
		answers: []answer{
			{"age", []string{"50-plus"}},
			{"pain", []string{"lower-back"}},
			{"duration", []string{"chronic"}},
			{"emergency", []string{"none"}},
			{"urgent", []string{"none"}},
			{"history", []string{"osteoporosis-fall"}},
			{"factors", []string{"none"}},
			{"cautions", []string{"none"}},
		},
		want:    soon,
		reasons: []string{"history/osteoporosis-fall"},
		show:    []string{"lower-back", "lasting-pain"},
	},
}

// TestPersonas walks the guide as each persona does, from the start page to
// the result, in each of the clinic's languages, and checks the outcome, the
// booking links, the sections and that no answer leaves the browser.
func TestPersonas(t *testing.T) {
	inEachLanguage(t, func(t *testing.T) {
		for _, p := range personasIn(suite.guide) {
			t.Run(p.name, func(t *testing.T) {
				w := &walk{visitor: newVisitor(t), p: p}
				w.run()
			})
		}
	})
}

// personasIn returns the personas who walk the guide in g's language:
// all of them in the default language; in each other one, the first
// persona of each outcome, whose walks reach every kind of result page and
// the error summary in that language's words (the rules and the pages'
// behaviour are the same in every language, and the default language's
// walks check them all).
func personasIn(g *guide.Guide) []persona {
	if g == suite.guides[0] {
		return personas
	}
	var out []persona
	seen := map[string]bool{}
	for _, p := range personas {
		outcome, _, _ := strings.Cut(p.name, " ")
		if !seen[outcome] {
			seen[outcome] = true
			out = append(out, p)
		}
	}
	return out
}

// walk is one persona's visit in progress.
type walk struct {
	*visitor
	p persona
	// since is how many requests were recorded when the app last started;
	// no request after it may carry an answer.
	since int
	// ids are every answer id ticked so far, kept or not.
	ids []string
}

// run walks from the start page to the result and checks the result.
func (w *walk) run() {
	t := w.t
	w.open(lp("/"))
	w.since = w.requestCount()
	w.waitHeading(headingStart())
	w.press(words().Start.Button)
	for i, a := range w.p.answers {
		w.waitHeading(questionTitle(t, a.question))
		if step := w.p.before[a.question]; step != nil {
			step(w)
		}
		for _, o := range a.options {
			w.tick(a.question, o)
		}
		w.waitChecked(a.question, a.options, "after choosing the answers")
		next := headingCheck()
		switch {
		case i+1 < len(w.p.answers):
			next = questionTitle(t, w.p.answers[i+1].question)
		case w.p.want.short:
			next = w.p.want.heading()
		}
		w.continueTo(next)
	}
	if !w.p.want.short {
		for _, a := range w.p.answers {
			w.checkSummary(a.question, w.labels(a.question, a.options))
		}
		if step := w.p.before["check"]; step != nil {
			step(w)
		}
		w.press(words().Check.Button)
		w.waitHeading(w.p.want.heading())
	}
	if got, want := w.url().Path, lp("/result"); got != want {
		t.Errorf("the outcome shows at %s, want %s", got, want)
	}
	w.checkResult()
	w.checkRequests()
	w.checkPrivacy()
}

// tick clicks the label of option o of question q and remembers its id.
func (w *walk) tick(q, o string) {
	w.t.Helper()
	w.ids = append(w.ids, o)
	w.choose(option(w.t, q, o).Label)
}

// labels returns the visible labels of options of question q.
func (w *walk) labels(q string, options []string) []string {
	var out []string
	for _, o := range options {
		out = append(out, option(w.t, q, o).Label)
	}
	return out
}

// checkResult checks the outcome card, why, the booking links and the
// sections.
func (w *walk) checkResult() {
	t := w.t
	want := w.p.want
	if got := w.heading(); got != want.heading() {
		t.Errorf("outcome heading: got %q, want %q", got, want.heading())
	}
	card := w.textOf("section.outcome")
	if got := w.exists(`[data-booking="primary"]`); got != want.primary {
		t.Errorf("primary booking link [data-booking=primary] present: got %v, want %v", got, want.primary)
	}
	if got := w.exists(`[data-booking="secondary"]`); got != want.secondary {
		t.Errorf("secondary booking link [data-booking=secondary] present: got %v, want %v", got, want.secondary)
	}
	if want.emergency {
		number := suite.guide.Content().Clinic.Emergency.Number
		if !w.exists(`section.outcome a[href="tel:` + number + `"]`) {
			t.Errorf("the outcome card has no tel:%s link; card text:\n%s", number, card)
		}
		if n := eval[int](w.visitor, `document.querySelectorAll("[data-booking], a[href*='willowlane.example/book']").length`); n != 0 {
			t.Errorf("booking links on an emergency result: got %d, want 0", n)
		}
	}
	// The reasons are said once, in "Why this result" right under the card.
	why := w.textOf("section.why")
	for _, r := range w.p.reasons {
		q, o, _ := strings.Cut(r, "/")
		if reason := option(t, q, o).Reason; !strings.Contains(why, reason) {
			t.Errorf("Why this result does not say the reason for %s %q; got its text:\n%s", r, reason, why)
		}
	}
	for _, n := range w.p.notes {
		if note := option(t, "cautions", n).Note; !strings.Contains(card, note) {
			t.Errorf("the outcome card does not show the caution note for %q (%q); got card text:\n%s", n, note, card)
		}
	}
	// A section is shown when it is on the page: in full, in the list of
	// "More from the clinic" or in "Information for later".
	shown := w.sectionsOnPage()
	for _, id := range w.p.show {
		if !slices.Contains(shown, id) {
			t.Errorf("section %s is not on the page; got sections %q", id, shown)
		}
	}
	for _, id := range w.p.hide {
		if slices.Contains(shown, id) {
			t.Errorf("section %s is on the page, want it absent; got sections %q", id, shown)
		}
	}
	full := w.fullSections()
	if len(full) > guide.MaxForYou {
		t.Errorf("got %d sections open in full (%q), want at most %d", len(full), full, guide.MaxForYou)
	}
	if (want.secondary || want.emergency || want.short) && len(full) > 0 {
		t.Errorf("got sections open in full (%q) on a result that sends the visitor to a doctor first, want none", full)
	}
}

// sectionsOnPage returns the ids of the sections on the result page, in
// full or in a list, each once.
func (w *walk) sectionsOnPage() []string {
	return eval[[]string](w.visitor, `[...new Set([
		...[...document.querySelectorAll("main article.section")].map(a => a.id.replace(/^section-/, "")),
		...[...document.querySelectorAll("main [data-section]")].map(e => e.dataset.section),
	])]`)
}

// checkRequests checks that no request since the app last started carries
// an answer: the guide moves between its pages inside the app.
func (w *walk) checkRequests() {
	for _, r := range w.requestsSince(w.since) {
		for _, id := range w.ids {
			if strings.Contains(r, id) {
				w.t.Errorf("request %s after the app started carries the answer %q; want no answer to leave the browser", r, id)
			}
		}
	}
}

// checkSummary checks that the check page shows labels as the answer to
// question q.
func (w *walk) checkSummary(q string, labels []string) {
	question, _ := suite.guide.Question(q)
	got := eval[[]string](w.visitor, fmt.Sprintf(`(() => {
		const row = [...document.querySelectorAll(".summary-list__row")].find(r => r.querySelector(".summary-list__key").innerText.trim() === %s);
		return row ? [...row.querySelectorAll(".summary-list__value li")].map(li => li.innerText.trim()) : null;
	})()`, jsString(question.Summary)))
	if got == nil {
		w.t.Errorf("the check page has no row %q", question.Summary)
		return
	}
	if !slices.Equal(got, labels) {
		w.t.Errorf("the check page shows %q for %q, want %q", got, question.Summary, labels)
	}
}

// errorSummary presses Continue with nothing chosen and checks the error
// summary: shown, focused and named in the document title.
func (w *walk) errorSummary() {
	t := w.t
	heading := w.heading()
	w.press(words().Question.Continue)
	w.poll("the error summary", `!!document.getElementById("error-summary")`)
	if got := w.heading(); got != heading {
		t.Errorf("after Continue with nothing chosen the heading is %q, want %q", got, heading)
	}
	if got := w.textOf("#error-summary"); !strings.Contains(got, words().Errors.Summary) {
		t.Errorf("error summary text: got %q, want it to contain %q", got, "There is a problem")
	}
	if !eval[bool](w.visitor, `(() => { const r = document.getElementById("error-summary").getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`) {
		t.Errorf("the error summary is not visible")
	}
	if !w.eventually(`document.activeElement && document.activeElement.id === "error-summary"`, 3*time.Second) {
		t.Errorf("after Continue with nothing chosen the focus is on %s, want the error summary (document.activeElement.id === \"error-summary\")", w.focusedDescription())
	}
	if got := w.title(); !strings.HasPrefix(got, "Error:") {
		t.Errorf("document title: got %q, want it to start with %q", got, "Error:")
	}
}

// noneClearsOthers checks that "None of these" and the other boxes of the
// current checkbox question exclude each other.
func (w *walk) noneClearsOthers() {
	t := w.t
	q := "emergency"
	w.tick(q, "saddle-numbness")
	w.tick(q, "chest-pain")
	w.waitChecked(q, []string{"saddle-numbness", "chest-pain"}, "after ticking two signs")
	w.tick(q, "none")
	w.waitChecked(q, []string{"none"}, "after ticking None of these")
	w.tick(q, "both-legs")
	w.waitChecked(q, []string{"both-legs"}, "after ticking a sign beside None of these")
	// Untick the sign so the persona's own answer, None of these, stands alone.
	w.choose(option(t, q, "both-legs").Label)
	w.waitChecked(q, nil, "after unticking the sign again")
}

// changeAnswer uses the check page's Change link for question q to replace
// the answer from with to, and checks that Continue comes back to the check
// page with the new answer.
func (w *walk) changeAnswer(q, from, to string) {
	t := w.t
	question, _ := suite.guide.Question(q)
	w.press(words().Check.Change + " " + lower(question.Summary))
	w.waitHeading(question.Title)
	w.waitChecked(q, []string{from}, "after its Change link")
	w.tick(q, to)
	w.continueTo(headingCheck())
	w.checkSummary(q, w.labels(q, []string{to}))
	if got := w.url().Query()[q]; !slices.Equal(got, []string{to}) {
		t.Errorf("check page URL answer to %s: got %q, want %q", q, got, []string{to})
	}
}

// browserBack presses the browser's back button on the page after question
// q and expects q again with its answer still ticked, then continues.
func (w *walk) browserBack(q string, options ...string) {
	t := w.t
	here := w.heading()
	w.back()
	w.waitHeading(questionTitle(t, q))
	if !w.waitChecked(q, options, "after the browser's back button (the answer given before)") {
		// Answer again, so the walk can go on and check the rest.
		got := w.checked()
		for _, label := range w.labels(q, options) {
			if !slices.Contains(got, label) {
				w.choose(label)
			}
		}
	}
	w.continueTo(here)
}

// backAndReload follows the page's Back link to question q, reloads the
// page there and expects its answer still ticked, then continues.
func (w *walk) backAndReload(q string, options ...string) {
	t := w.t
	here := w.heading()
	w.press(words().Common.Back)
	w.waitHeading(questionTitle(t, q))
	w.waitChecked(q, options, "after the Back link")
	// The reload sends the page's URL, answers and all, to the server:
	// check the requests before it, then start counting again.
	w.checkRequests()
	w.reload()
	w.waitHeading(questionTitle(t, q))
	w.since = w.requestCount()
	w.waitChecked(q, options, "after a reload")
	w.continueTo(here)
}

// waitChecked waits until exactly the options of question q are ticked, as
// the app renders after each click, and reports an error with what is
// ticked if that does not happen; it returns whether it did.
func (w *walk) waitChecked(q string, options []string, when string) bool {
	w.t.Helper()
	want := w.labels(q, options)
	if w.eventually(fmt.Sprintf(`(() => {
		const want = %s;
		const got = [...document.querySelectorAll("input:checked")].map(i => document.querySelector('label[for="' + i.id + '"]').innerText.trim());
		return got.length === want.length && want.every(l => got.includes(l));
	})()`, jsArray(want)), 3*time.Second) {
		return true
	}
	w.t.Errorf("%s the ticked options on %q are %q, want %q (URL %s)", when, q, w.checked(), want, w.url())
	w.t.Logf("the inputs (id=checked property/checked attribute): %s", eval[string](w.visitor, `[...document.querySelectorAll("input:not([type=hidden])")].map(i => i.id + "=" + i.checked + "/" + i.hasAttribute("checked")).join(" ")`))
	return false
}

// sameSet reports whether a and b hold the same strings in any order.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// lower lower-cases the first letter of s, as the check page's hidden link
// text does.
func lower(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// jsArray writes ss as a JavaScript array literal.
func jsArray(ss []string) string {
	if ss == nil {
		ss = []string{}
	}
	b, _ := json.Marshal(ss)
	return string(b)
}
