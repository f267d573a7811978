package ui

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"symptomguide/app/guide"
)

// questionPage asks one question. It is a real GET form carrying every
// answer so far, so it works as plain HTML before the app runs; once the app
// runs, Continue is handled here and the answers never leave the browser.
type questionPage struct {
	app.Compo
	Language

	question guide.Question
	answers  guide.Answers
	selected []string
	change   bool
	invalid  bool
	// url is the address the state was read from; pending is a Continue
	// pressed on a static host before the app ran.
	url     string
	pending bool
}

// newQuestionPage returns a question page; OnNav reads which question.
func newQuestionPage(l Language) *questionPage { return &questionPage{Language: l} }

// OnInit reads the URL before the first render in the browser, so the app's
// first frame shows the same page as the prerendered HTML it replaces.
func (p *questionPage) OnInit() {
	if app.IsClient {
		p.open(app.Window().URL())
	}
}

// OnNav reads the question and the answers from the URL.
func (p *questionPage) OnNav(ctx app.Context) {
	p.open(ctx.Page().URL())
	ctx.Page().SetTitle(p.title())
	if p.invalid {
		focusAfterNav(ctx, errorSummaryID)
	} else {
		focusAfterNav(ctx)
	}
	// A Continue that waited for the app goes on after what focusAfterNav
	// deferred: go-app drops a page's deferred work once another page
	// replaces it, and the first page marks the document as the app's.
	if p.pending {
		p.pending = false
		ctx.Defer(func(ctx app.Context) { p.next(ctx) })
	}
}

// open reads the page's state from u, once per address. On the first page
// the app shows, the ticks come from the prerendered page, where the visitor
// may have answered before the app arrived.
func (p *questionPage) open(u *url.URL) {
	if p.url == u.String() {
		return
	}
	p.url = u.String()
	p.load(u)
	checked, touched, pending := handover.claim(u.Path, p.question.ID)
	if touched {
		p.selected = checked
	}
	p.pending = pending
}

// load reads the page's state from its URL.
func (p *questionPage) load(u *url.URL) {
	_, rest := languageAt(u.Path)
	step, _ := p.stepAt(rest)
	p.question, _ = p.guide().Question(step.Question)
	p.answers = p.guide().Decode(u.Query())
	p.selected = slices.Clone(p.answers[p.question.ID])
	p.change = u.Query().Get(changeParam) != ""
	// A form sent to the server with nothing chosen comes back with its
	// error summary; the app never puts this parameter in a URL.
	p.invalid = u.Query().Get(nextParam) != "" && len(p.selected) == 0
}

// title is the document title: errors first, as GOV.UK pages do.
func (p *questionPage) title() string {
	t := p.question.Title + p.words().Common.TitleSuffix
	if p.invalid {
		return p.words().Errors.Prefix + t
	}
	return t
}

// toggle records a change to one option, keeping exclusive options alone.
func (p *questionPage) toggle(o guide.Option, on bool) {
	switch {
	case p.question.Kind == guide.Radios:
		p.selected = []string{o.ID}
	case !on:
		p.selected = slices.DeleteFunc(p.selected, func(id string) bool { return id == o.ID })
	case o.Exclusive:
		p.selected = []string{o.ID}
	default:
		p.selected = slices.DeleteFunc(p.selected, func(id string) bool {
			other, _ := p.guide().Option(p.question.ID, id)
			return other.Exclusive
		})
		p.selected = append(p.selected, o.ID)
	}
	if len(p.selected) > 0 {
		p.invalid = false
	}
}

// submit handles the form's Continue in the app.
func (p *questionPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.next(ctx)
}

// next validates the answer and moves on in the app.
func (p *questionPage) next(ctx app.Context) {
	if len(p.selected) == 0 {
		p.invalid = true
		ctx.Page().SetTitle(p.title())
		focusID(ctx, errorSummaryID)
		ctx.Update()
		return
	}
	a := p.answers.With(p.question.ID, p.selected...)
	// The page's own history entry takes the answer too, so the browser's
	// back button returns to this question as it was left.
	here := guide.Step{Page: guide.QuestionPage, Question: p.question.ID}
	var extra []string
	if p.change {
		extra = []string{changeParam, "1"}
	}
	app.Window().Get("history").Call("replaceState", nil, "", p.href(here, a, extra...))
	ctx.Navigate(p.continueFrom(p.question.ID, a, p.change))
}

// errorText is the message shown when Continue is pressed with no answer.
func (p *questionPage) errorText() string {
	if p.question.Kind == guide.Radios {
		return p.words().Errors.SelectOne
	}
	for _, o := range p.question.Options {
		if o.Exclusive {
			return fill(p.words().Errors.SelectAll, "label", o.Label)
		}
	}
	return p.words().Errors.SelectSome
}

// Render draws the question page.
func (p *questionPage) Render() app.UI {
	if p.question.ID == "" {
		return newShell(p.Language, "", app.H1().ID(headingID).TabIndex(-1).Class("heading-l").Text(p.words().ErrorPages.NotFound))
	}
	q := p.question
	step := guide.Step{Page: guide.QuestionPage, Question: q.ID}
	back := p.href(p.guide().Back(p.answers, step), p.answers)
	if p.change {
		back = p.href(guide.Step{Page: guide.CheckPage}, p.answers)
	}
	inputType := "radio"
	if q.Kind == guide.Checkboxes {
		inputType = "checkbox"
	}
	firstInput := optionID(q.ID, q.Options[0].ID)
	describedBy := []string{}
	if q.Hint != "" {
		describedBy = append(describedBy, q.ID+"-hint")
	}
	if p.invalid {
		describedBy = append(describedBy, q.ID+"-error")
	}
	var options []app.UI
	orShown := false
	for _, o := range q.Options {
		if o.Exclusive && !orShown && q.Kind == guide.Checkboxes {
			options = append(options, app.Div().Class("options__divider").Text(p.words().Question.Or))
			orShown = true
		}
		options = append(options, p.option(inputType, o))
	}
	return newShell(p.Language, Language{}.href(step, p.answers),
		app.A().Class("back-link").Href(back).Text(p.words().Common.Back),
		// Slots that keep the page's shape whether or not there is an error:
		// go-app matches children by position, and a shifted form would be
		// rebuilt, losing the focus.
		app.Div().Class("error-slot").Body(
			app.If(p.invalid, func() app.UI { return p.errorSummary(p.errorText(), firstInput) }),
		),
		p.form().OnSubmit(p.submit).Body(
			p.hiddenAnswers(p.answers, q.ID),
			app.If(p.change, func() app.UI { return app.Input().Type("hidden").Name(changeParam).Value("1") }),
			app.Div().Class(classes("field", "field--error", p.invalid)).Body(
				app.FieldSet().Class("fieldset").Aria("describedby", strings.Join(describedBy, " ")).Body(
					app.Legend().Class("fieldset__legend").Body(
						app.Span().Class("caption").Text(fill(p.words().Question.Counter, "n", strconv.Itoa(p.guide().Index(q.ID)+1), "total", strconv.Itoa(len(p.guide().Questions())))),
						app.H1().ID(headingID).TabIndex(-1).Class("heading-l").Text(q.Title),
					),
					app.If(q.Hint != "", func() app.UI { return app.Div().ID(q.ID + "-hint").Class("hint").Text(q.Hint) }),
					app.Div().Class("error-slot").Body(
						app.If(p.invalid, func() app.UI {
							return app.P().ID(q.ID+"-error").Class("error-message").Body(
								app.Span().Class("visually-hidden").Text(p.words().Errors.Prefix),
								app.Text(p.errorText()),
							)
						}),
					),
					app.Div().Class("options options--"+inputType).Body(options...),
				),
			),
			app.Button().Type("submit").Class("button").Name(nextParam).Value("1").Text(p.words().Question.Continue),
		),
	)
}

// form returns the question's form. Before the app runs, a static host
// cannot answer it, so guide.js moves on in the page itself; the form says
// where to (data-next: the next question, with no answers in the address),
// and each option that decides the outcome on its own names the export's
// page of its result (data-decides; see Decided). Both come from the
// engine. There is no data-next when the
// next step needs the answers (the check page) or the visitor came to change
// an answer: there the form waits for the app.
func (p *questionPage) form() app.HTMLForm {
	f := app.Form().Method("get").Action(p.path(questionPath + p.question.ID)).NoValidate(true)
	if next := p.guide().Next(guide.Answers{}, p.question.ID); next.Page == guide.QuestionPage && !p.change {
		f = f.DataSet("next", p.href(next, nil))
	}
	return f
}

// option draws one radio or checkbox with its label and hint.
func (p *questionPage) option(inputType string, o guide.Option) app.UI {
	id := optionID(p.question.ID, o.ID)
	input := app.Input().Type(inputType).Class("options__input").ID(id).Name(p.question.ID).Value(o.ID).
		OnChange(func(ctx app.Context, e app.Event) { p.toggle(o, ctx.JSSrc().Get("checked").Bool()) }, app.EventScope(p.question.ID, o.ID))
	if checked := slices.Contains(p.selected, o.ID); checked || app.IsClient {
		// In the browser go-app sets the checked property, which must be
		// set to false to untick a box. In HTML written by the server
		// checked="false" still means ticked, so there it is left out.
		input = input.Checked(checked)
	}
	if o.Hint != "" {
		input = input.Aria("describedby", id+"-hint")
	}
	if o.Exclusive {
		input = input.DataSet("exclusive", "true")
	}
	if p.guide().Decides(p.question.ID, o.ID) {
		input = input.DataSet("decides", p.decided(p.question.ID, o.ID))
	}
	return app.Div().Class("options__item").Body(
		input,
		app.Label().Class("options__label").For(id).Text(o.Label),
		app.If(o.Hint != "", func() app.UI { return app.Div().ID(id + "-hint").Class("hint options__hint").Text(o.Hint) }),
	)
}

// optionID is the element id of one option's input.
func optionID(question, option string) string { return question + "-" + option }

// hiddenAnswers carries every answer but the one on this page in the form.
func (l Language) hiddenAnswers(a guide.Answers, except string) app.UI {
	var inputs []app.UI
	for _, q := range l.guide().Questions() {
		if q.ID == except {
			continue
		}
		for _, o := range a[q.ID] {
			inputs = append(inputs, app.Input().Type("hidden").Name(q.ID).Value(o))
		}
	}
	return app.Div().Class("hidden-answers").Body(inputs...)
}

// classes returns base, plus extra when on is true.
func classes(base, extra string, on bool) string {
	if on {
		return base + " " + extra
	}
	return base
}
