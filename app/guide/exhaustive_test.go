package guide_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"symptomguide/app/guide"
)

// wantLevel is what each safety answer raises the outcome to on its own,
// written out by hand from content/SAFETY.md (and its sources) rather than
// read from the engine, so that a change to the rules fails here. Answers
// not listed raise nothing. The age answers are in ageLevel.
var wantLevel = map[string]map[string]guide.Level{
	guide.PainQuestion: {"upper-back": guide.Urgent},
	guide.EmergencyQuestion: {
		"saddle-numbness": guide.Emergency, "bladder-bowel": guide.Emergency, "both-legs": guide.Emergency,
		"walking": guide.Emergency, "sexual": guide.Emergency, "serious-injury": guide.Emergency,
		"chest-pain": guide.Emergency, "tummy-pain": guide.Emergency, guide.NotSure: guide.Urgent,
	},
	guide.UrgentQuestion: {
		"fever": guide.Urgent, "weight-loss": guide.Urgent, "lump": guide.Urgent, "night-pain": guide.Urgent,
		"cough-sneeze": guide.Urgent, "one-leg": guide.Urgent, "severe-central": guide.Urgent, guide.NotSure: guide.Urgent,
	},
	guide.HistoryQuestion: {
		"cancer": guide.Urgent, "injecting-drugs": guide.Urgent, "recent-infection": guide.Urgent,
		"spine-procedure": guide.Urgent, "osteoporosis-fall": guide.Soon, "inflammatory": guide.Soon,
		"not-checked": guide.Soon, guide.NotSure: guide.Soon,
	},
	guide.CautionsQuestion: {
		"pregnancy": guide.Caution, "bleeding-disorder": guide.Caution, "blood-thinners": guide.Caution,
		"pacemaker": guide.Caution, "skin-infection": guide.Caution, "weak-immune": guide.Urgent,
		"needle-fear": guide.Caution, guide.NotSure: guide.Caution,
	},
}

// ageLevel is what an age answer raises the outcome to, given how long the
// pain has lasted: new back pain under 20 or at 50 or over needs a GP soon
// (not being sure how long counts as new); under 16 always ends the guide.
func ageLevel(age, duration string) guide.Level {
	isNew := duration == "acute" || duration == "weeks" || duration == guide.NotSure
	switch {
	case age == guide.Under16:
		return guide.Soon
	case (age == "16-19" || age == "50-plus") && isNew:
		return guide.Soon
	}
	return guide.Routine
}

// wantBooking is how booking shows for each level: never above a warning.
var wantBooking = map[guide.Level]guide.BookingMode{
	guide.Emergency: guide.BookingHidden,
	guide.Urgent:    guide.BookingSecondary,
	guide.Soon:      guide.BookingSecondary,
	guide.Caution:   guide.BookingPrimary,
	guide.Routine:   guide.BookingPrimary,
}

// choice is one answer to one question, with its options in content order,
// the same options reversed and shuffled, and what the test expects of it,
// all worked out once before the loop so the loop itself allocates little.
type choice struct {
	q                string
	opts, rev, shuf  []string
	level            guide.Level
	reasons, caution int
	// decides: one of opts decides the outcome on its own (Decides).
	decides bool
}

// exhaustive holds what the exhaustive test checks against.
type exhaustive struct {
	t     *testing.T
	g     *guide.Guide
	qs    []guide.Question
	index map[*guide.Section]int
	// failures counts failed combinations; only the first few are reported.
	failures atomic.Int64
}

// maxReported bounds how many failing combinations are printed.
const maxReported = 10

func newExhaustive(t *testing.T, g *guide.Guide) *exhaustive {
	x := &exhaustive{t: t, g: g, qs: g.Questions(), index: map[*guide.Section]int{}}
	for i := range g.Content().Sections {
		x.index[&g.Content().Sections[i]] = i
	}
	for q, opts := range wantLevel {
		for o := range opts {
			if !g.Known(q, o) {
				t.Fatalf("the content has no answer %s=%s, which the safety rules name", q, o)
			}
		}
	}
	return x
}

// newChoice works out a choice of opts for question q.
func (x *exhaustive) newChoice(q string, opts []string, rng *rand.Rand) *choice {
	c := &choice{q: q, opts: opts, rev: slices.Clone(opts), shuf: slices.Clone(opts)}
	slices.Reverse(c.rev)
	rng.Shuffle(len(c.shuf), func(i, j int) { c.shuf[i], c.shuf[j] = c.shuf[j], c.shuf[i] })
	for _, o := range opts {
		l := wantLevel[q][o]
		c.level = max(c.level, l)
		if l > guide.Routine {
			c.reasons++
		}
		if q == guide.CautionsQuestion && o != guide.None {
			c.caution++
		}
		c.decides = c.decides || x.g.Decides(q, o)
	}
	return c
}

// answers returns every answer a visitor can give to question q: for
// checkboxes every non-empty set of its ordinary options and each exclusive
// option on its own, for radios each option.
func (x *exhaustive) answers(q guide.Question, rng *rand.Rand) []*choice {
	if q.Kind == guide.Radios {
		return x.singles(q, rng)
	}
	var ordinary, exclusive []string
	for _, o := range q.Options {
		if o.Exclusive {
			exclusive = append(exclusive, o.ID)
		} else {
			ordinary = append(ordinary, o.ID)
		}
	}
	var out []*choice
	for mask := 1; mask < 1<<len(ordinary); mask++ {
		var opts []string
		for i, o := range ordinary {
			if mask&(1<<i) != 0 {
				opts = append(opts, o)
			}
		}
		out = append(out, x.newChoice(q.ID, opts, rng))
	}
	for _, o := range exclusive {
		out = append(out, x.newChoice(q.ID, []string{o}, rng))
	}
	return out
}

// singles returns each option of q on its own.
func (x *exhaustive) singles(q guide.Question, rng *rand.Rand) []*choice {
	var out []*choice
	for _, o := range q.Options {
		out = append(out, x.newChoice(q.ID, []string{o.ID}, rng))
	}
	return out
}

// combo is one complete set of answers: one choice per question, by id.
type combo map[string]*choice

// worker checks combinations with answer maps it reuses between them.
type worker struct {
	x             *exhaustive
	fwd, rev, shf guide.Answers
}

func (x *exhaustive) newWorker() *worker {
	return &worker{x: x, fwd: guide.Answers{}, rev: guide.Answers{}, shf: guide.Answers{}}
}

// fail reports one problem with the current combination.
func (w *worker) fail(format string, args ...any) {
	if n := w.x.failures.Add(1); n <= maxReported {
		w.x.t.Errorf("answers %v: %s", w.fwd, fmt.Sprintf(format, args...))
	}
}

// check evaluates c and checks every invariant of the result. With order
// set, it also evaluates c with each question's options reversed and
// shuffled and checks that the result is the same.
func (w *worker) check(c combo, order bool) {
	for q, ch := range c {
		w.fwd[q] = ch.opts
		if order {
			w.rev[q], w.shf[q] = ch.rev, ch.shuf
		}
	}
	g := w.x.g
	r := g.Evaluate(w.fwd)

	// Exactly one outcome: the highest level the answers imply one by one.
	age, duration := c[guide.AgeQuestion].opts[0], c[guide.DurationQuestion].opts[0]
	want, reasons, notes := ageLevel(age, duration), 0, 0
	if want > guide.Routine {
		reasons++
	}
	for _, ch := range c {
		want = max(want, ch.level)
		reasons += ch.reasons
		notes += ch.caution
	}
	if r.Level != want {
		w.fail("Level: got %v, want %v", r.Level, want)
	}
	underage := age == guide.Under16
	if r.Underage != underage {
		w.fail("Underage: got %v, want %v", r.Underage, underage)
	}

	// The outcome is decided (the guide may skip the questions left) exactly
	// when one chosen answer decides it on its own: pages written before
	// the app runs carry Decides per option, and nothing else.
	decidedAlone := false
	for _, ch := range c {
		decidedAlone = decidedAlone || ch.decides
	}
	if decided := r.Level == guide.Emergency || r.Underage; decided != decidedAlone {
		w.fail("Decides: the answers decide the outcome: %v; one chosen answer decides it alone: %v", decided, decidedAlone)
	}

	// Booking never outranks a warning sign, and children never see it.
	wantB := wantBooking[r.Level]
	if underage {
		wantB = guide.BookingHidden
	}
	if r.Booking != wantB {
		w.fail("Booking: got %d, want %d for a %v outcome (under 16: %v)", r.Booking, wantB, r.Level, underage)
	}

	// One reason for each raising answer, most urgent first, each with its
	// source.
	if len(r.Reasons) != reasons {
		w.fail("Reasons: got %d, want %d", len(r.Reasons), reasons)
	}
	for i, rs := range r.Reasons {
		if rs.Text == "" || rs.Source.Title == "" {
			w.fail("Reasons[%d] %s=%s: has no text or no source", i, rs.Question, rs.Option)
		}
		if i > 0 && rs.Level > r.Reasons[i-1].Level {
			w.fail("Reasons: %v comes after %v, want the most urgent first", rs, r.Reasons[i-1])
		}
	}

	// One note for each caution answer, its own.
	if len(r.Notes) != notes {
		w.fail("Notes: got %d, want %d", len(r.Notes), notes)
	}
	for i, n := range r.Notes {
		if n.Text == "" || !slices.Contains(c[guide.CautionsQuestion].opts, n.Option) {
			w.fail("Notes[%d]: got option %q with text %q, want a chosen caution with its note", i, n.Option, n.Text)
		}
	}

	// Sections: some, no repeats, most specific first, ties in content order,
	// and exactly those whose conditions hold.
	if len(r.Sections) == 0 {
		w.fail("Sections: got none, want at least one")
	}
	n := 0
	for i := range g.Content().Sections {
		if holds(&g.Content().Sections[i], w.fwd) {
			n++
		}
	}
	if len(r.Sections) != n {
		w.fail("Sections: got %d, want the %d sections whose conditions hold", len(r.Sections), n)
	}
	for i, s := range r.Sections {
		if !holds(s, w.fwd) {
			w.fail("Sections: got %q, whose conditions do not hold", s.ID)
		}
		if i == 0 {
			continue
		}
		prev := r.Sections[i-1]
		switch {
		case len(s.For) > len(prev.For):
			w.fail("Sections: %q (%d conditions) comes after %q (%d), want the most specific first", s.ID, len(s.For), prev.ID, len(prev.For))
		case len(s.For) == len(prev.For) && w.x.index[s] <= w.x.index[prev]:
			w.fail("Sections: %q comes after %q, want content order (or a repeat)", s.ID, prev.ID)
		}
	}

	w.checkForYou(r)
	if r.CareFirst != (r.Level >= guide.Soon) {
		w.fail("CareFirst: got %v for a %v outcome, want it exactly for soon and above", r.CareFirst, r.Level)
	}

	// The order the options come in changes nothing.
	if !order {
		return
	}
	if got := g.Evaluate(w.rev); !sameResult(got, r) {
		w.fail("options reversed %v: got %s, want %s", w.rev, summary(got), summary(r))
	}
	if got := g.Evaluate(w.shf); !sameResult(got, r) {
		w.fail("options shuffled %v: got %s, want %s", w.shf, summary(got), summary(r))
	}
}

// checkForYou checks the recommended sections of r: at least one, at most
// guide.MaxForYou, and at most guide.ForYouWords words together unless
// there is only one; no repeats, ForYou and More together are Sections,
// each in its order; a section for everyone only when no other matched;
// no stop while there is room: fewer than can be recommended only when a
// section left out would not fit the words left; and, when at most one
// matched section has more than one condition, the topics covered follow
// the order of the kind of pain, how long it has lasted and a caution or
// health matter: the first of them that matched is always covered, and a
// later one only when every earlier one that matched is.
func (w *worker) checkForYou(r guide.Result) {
	if len(r.ForYou) > guide.MaxForYou || len(r.ForYou) == 0 && len(r.Sections) > 0 {
		w.fail("ForYou: got %d sections %v, want 1 to %d", len(r.ForYou), sectionIDs(r.ForYou), guide.MaxForYou)
	}
	words := 0
	for _, s := range r.ForYou {
		words += s.Words
	}
	if len(r.ForYou) > 1 && words > guide.ForYouWords {
		w.fail("ForYou %v: %d words together, want at most %d", sectionIDs(r.ForYou), words, guide.ForYouWords)
	}
	// Merging ForYou and More in the order of Sections must give Sections
	// back: each section once, and both lists in Sections' order.
	i, j := 0, 0
	for _, s := range r.Sections {
		switch {
		case i < len(r.ForYou) && r.ForYou[i] == s:
			i++
		case j < len(r.More) && r.More[j] == s:
			j++
		default:
			w.fail("ForYou %v and More %v: together they are not Sections %v, each once and in order", sectionIDs(r.ForYou), sectionIDs(r.More), sectionIDs(r.Sections))
			return
		}
	}
	if i != len(r.ForYou) || j != len(r.More) {
		w.fail("ForYou %v and More %v: they hold sections that are not in Sections %v", sectionIDs(r.ForYou), sectionIDs(r.More), sectionIDs(r.Sections))
		return
	}
	specific, multi := 0, 0
	var matched [3]bool // pain, duration, health
	for _, s := range r.Sections {
		if len(s.For) > 0 {
			specific++
		}
		if len(s.For) > 1 {
			multi++
		}
		matched = orTopics(matched, s)
	}
	var covered [3]bool
	for _, s := range r.ForYou {
		if len(s.For) == 0 && specific > 0 {
			w.fail("ForYou: got %q, a section for everyone, while %d sections with conditions matched", s.ID, specific)
		}
		covered = orTopics(covered, s)
	}
	// The engine stops short of guide.MaxForYou sections only when the next
	// one would not fit: some section it could have recommended is left
	// out and too long for the words left.
	eligible := func(s *guide.Section) bool { return len(s.For) > 0 || specific == 0 }
	room := len(r.Sections)
	if specific > 0 {
		room = specific
	}
	if len(r.ForYou) < min(guide.MaxForYou, room) && !slices.ContainsFunc(r.More, func(s *guide.Section) bool {
		return eligible(s) && words+s.Words > guide.ForYouWords
	}) {
		w.fail("ForYou %v (%d words): %d sections, though the others fit in %d words", sectionIDs(r.ForYou), words, len(r.ForYou), guide.ForYouWords)
	}
	// Sections are most specific first, so a section with several
	// conditions, which the engine takes first, leads ForYou.
	if multi > 0 && len(r.ForYou) > 0 && len(r.ForYou[0].For) < 2 {
		w.fail("ForYou %v: a section with several conditions matched, want it first", sectionIDs(r.ForYou))
	}
	if multi > 0 {
		return
	}
	// With one condition each, the topics covered are the first ones that
	// matched, in order: the first always, and a later one only when every
	// earlier one that matched is covered too.
	names := []string{"the kind of pain", "how long it has lasted", "a caution or health matter"}
	gap := ""
	for k, name := range names {
		switch {
		case !matched[k]:
		case !covered[k] && gap == "":
			gap = name
		case covered[k] && gap != "":
			w.fail("ForYou %v: a section about %s but none about %s, which comes first (Sections %v)", sectionIDs(r.ForYou), name, gap, sectionIDs(r.Sections))
		}
	}
	for k, name := range names {
		if matched[k] {
			if !covered[k] {
				w.fail("ForYou %v: no section about %s, the first topic that matched (Sections %v)", sectionIDs(r.ForYou), name, sectionIDs(r.Sections))
			}
			break
		}
	}
}

// healthQuestions are the questions whose sections are about the visitor's
// health: the safety questions besides pain and duration.
var healthQuestions = []string{guide.AgeQuestion, guide.EmergencyQuestion, guide.UrgentQuestion, guide.HistoryQuestion, guide.CautionsQuestion}

// orTopics adds to t which of the kind of pain, how long it has lasted and
// the visitor's health s has a condition about.
func orTopics(t [3]bool, s *guide.Section) [3]bool {
	for _, c := range s.For {
		switch {
		case c.Question == guide.PainQuestion:
			t[0] = true
		case c.Question == guide.DurationQuestion:
			t[1] = true
		case slices.Contains(healthQuestions, c.Question):
			t[2] = true
		}
	}
	return t
}

// holds reports whether every condition of s holds for a, written here
// independently of the engine's matching.
func holds(s *guide.Section, a guide.Answers) bool {
	for _, c := range s.For {
		if !slices.ContainsFunc(c.Options, func(o string) bool { return slices.Contains(a[c.Question], o) }) {
			return false
		}
	}
	return true
}

// summary writes r briefly for a failure message.
func summary(r guide.Result) string {
	var reasons, notes []string
	for _, x := range r.Reasons {
		reasons = append(reasons, x.Question+"="+x.Option)
	}
	for _, n := range r.Notes {
		notes = append(notes, n.Option)
	}
	return fmt.Sprintf("{level %v, booking %d, reasons %v, notes %v, sections %v, for you %v}", r.Level, r.Booking, reasons, notes, sectionIDs(r.Sections), sectionIDs(r.ForYou))
}

// sameResult reports whether two results are the same, sections compared by
// identity.
func sameResult(a, b guide.Result) bool {
	return a.Level == b.Level && a.Booking == b.Booking && a.Underage == b.Underage &&
		slices.Equal(a.Reasons, b.Reasons) && slices.Equal(a.Notes, b.Notes) &&
		slices.Equal(a.Sections, b.Sections) && slices.Equal(a.ForYou, b.ForYou) &&
		slices.Equal(a.More, b.More) && a.CareFirst == b.CareFirst && slices.Equal(a.Missing, b.Missing)
}

// orderEvery is how often the large parts also check order independence:
// once in orderEvery combinations. The options of each question are
// reordered independently of the others, so this still reorders every
// answer to every question many times over.
const orderEvery = 8

// parallel calls f(i) for i in [0, n) on GOMAXPROCS workers.
func parallel(x *exhaustive, n int, f func(w *worker, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := x.newWorker()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(w, i)
			}
		}()
	}
	wg.Wait()
}

// part is one block of the exhaustive test: the questions it crosses in
// full, every answer of each with every answer of the others; the other
// questions take one answer each, cycling through all their answers.
type part struct {
	name  string
	cross []string
}

// TestExhaustive crosses every age band with every answer to the safety
// questions, two safety pages at a time, and every age band and duration
// with every answer to pain and factors, and checks the
// invariants of each result: the level is the highest any answer implies
// (from wantLevel and ageLevel, written from the sources by hand); under 16
// never shows booking; booking by level; one reason per raising answer, with
// its source; one note per caution; sections that hold, most specific first;
// at most three of them recommended within a word budget, the most
// specific (checkForYou), the rest in More; a short result exactly for soon and above; and the same
// result whatever order the options come in. The questions a
// part does not cross cycle through every answer, so every answer of every
// question is used in every part. Run with -v for the counts.
func TestExhaustive(t *testing.T) {
	g := mustGuide(t)
	// Evaluate allocates a little on every call and the test makes millions
	// of calls; with the default GC target the workers spend much of their
	// time helping the collector.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	x := newExhaustive(t, g)
	rng := rand.New(rand.NewPCG(1, 2))
	all := map[string][]*choice{}
	for _, q := range x.qs {
		all[q.ID] = x.answers(q, rng)
	}
	parts := []part{
		{"signs", []string{guide.AgeQuestion, guide.EmergencyQuestion, guide.UrgentQuestion}},
		{"history", []string{guide.AgeQuestion, guide.HistoryQuestion, guide.CautionsQuestion}},
		{"content", []string{guide.AgeQuestion, guide.DurationQuestion, guide.PainQuestion, "factors"}},
	}
	start := time.Now()
	total := 0
	var counts []string
	for _, p := range parts {
		n := 1
		for _, q := range p.cross {
			if len(all[q]) == 0 {
				t.Fatalf("part %s: the content has no question %q", p.name, q)
			}
			n *= len(all[q])
		}
		parallel(x, n, func(w *worker, i int) {
			c := combo{}
			rest := i
			for _, q := range p.cross {
				c[q] = all[q][rest%len(all[q])]
				rest /= len(all[q])
			}
			for _, q := range x.qs {
				if _, ok := c[q.ID]; !ok {
					cs := all[q.ID]
					c[q.ID] = cs[(i*7+len(q.ID))%len(cs)]
				}
			}
			w.check(c, i%orderEvery == 0)
		})
		total += n
		var dims []string
		for _, q := range p.cross {
			dims = append(dims, fmt.Sprintf("%d %s", len(all[q]), q))
		}
		counts = append(counts, fmt.Sprintf("%s: %d = %v", p.name, n, dims))
	}
	if n := x.failures.Load(); n > 0 {
		t.Errorf("%d failed checks in all (the first %d are listed above)", n, min(n, maxReported))
	}
	t.Logf("checked %d combinations (%v) in %v on %d workers", total, counts, time.Since(start).Round(time.Millisecond), runtime.GOMAXPROCS(0))
}

// TestNotSureNeverLowers checks, for every age band and duration, that
// adding "I'm not sure" to any answer of a safety question never lowers the
// outcome, and that on its own it is never lower than "None of these"; and
// that not being sure how long the pain has lasted is never lower than any
// duration.
func TestNotSureNeverLowers(t *testing.T) {
	g := mustGuide(t)
	x := newExhaustive(t, g)
	rng := rand.New(rand.NewPCG(3, 4))
	ages, _ := g.Question(guide.AgeQuestion)
	durations, _ := g.Question(guide.DurationQuestion)
	checked := 0
	for _, age := range ages.Options {
		for _, d := range durations.Options {
			base := guide.Answers{guide.AgeQuestion: {age.ID}, guide.DurationQuestion: {d.ID}}
			unsure := base.With(guide.DurationQuestion, guide.NotSure)
			if got, was := g.Evaluate(unsure).Level, g.Evaluate(base).Level; got < was {
				t.Errorf("age %s: duration not-sure gives %v, below %v for %s", age.ID, got, was, d.ID)
			}
			for q := range wantLevel {
				question, _ := g.Question(q)
				if !g.Known(q, guide.NotSure) {
					continue
				}
				for _, c := range x.answers(question, rng) {
					with := append(slices.Clone(c.opts), guide.NotSure)
					if c.opts[0] == guide.None {
						with = []string{guide.NotSure}
					}
					got, was := g.Evaluate(base.With(q, with...)).Level, g.Evaluate(base.With(q, c.opts...)).Level
					if got < was {
						t.Errorf("age %s, duration %s, %s=%v: adding not-sure gives %v, below %v", age.ID, d.ID, q, c.opts, got, was)
					}
					checked++
				}
			}
		}
	}
	t.Logf("checked %d answers with and without not-sure", checked)
}
