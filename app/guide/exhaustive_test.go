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

// choice is one answer to one question, with its options in content order,
// the same options reversed and shuffled, and what the test expects of it,
// all worked out once before the loop so the loop itself allocates little.
type choice struct {
	opts, rev, shuf []string
	// level is the highest level any of opts raises the outcome to when
	// evaluated on its own.
	level guide.Level
	// reasons counts the options of opts that raise the outcome above routine.
	reasons int
	// sign reports whether opts holds an emergency or urgent sign other than
	// not-sure; notSure whether it holds not-sure; weakImmune whether it holds
	// the weak-immune caution.
	sign, notSure, weakImmune bool
}

// exhaustive holds what the exhaustive test checks against: the guide, the
// single-answer levels and where each section sits in the content.
type exhaustive struct {
	t      *testing.T
	g      *guide.Guide
	single map[string]map[string]guide.Level
	index  map[*guide.Section]int
	// failures counts failed combinations; only the first few are reported.
	failures atomic.Int64
}

// maxReported bounds how many failing combinations are printed.
const maxReported = 10

func newExhaustive(t *testing.T, g *guide.Guide) *exhaustive {
	x := &exhaustive{t: t, g: g, single: map[string]map[string]guide.Level{}, index: map[*guide.Section]int{}}
	for _, q := range g.Questions() {
		x.single[q.ID] = map[string]guide.Level{}
		for _, o := range q.Options {
			x.single[q.ID][o.ID] = g.Evaluate(guide.Answers{q.ID: {o.ID}}).Level
		}
	}
	for i := range g.Content().Sections {
		x.index[&g.Content().Sections[i]] = i
	}
	return x
}

// newChoice works out a choice of opts for question q.
func (x *exhaustive) newChoice(q string, opts []string, rng *rand.Rand) *choice {
	c := &choice{opts: opts, rev: slices.Clone(opts), shuf: slices.Clone(opts)}
	slices.Reverse(c.rev)
	rng.Shuffle(len(c.shuf), func(i, j int) { c.shuf[i], c.shuf[j] = c.shuf[j], c.shuf[i] })
	for _, o := range opts {
		l := x.single[q][o]
		c.level = max(c.level, l)
		if l > guide.Routine {
			c.reasons++
		}
		switch {
		case o == guide.NotSure:
			c.notSure = true
		case o == "weak-immune":
			c.weakImmune = true
		case o != guide.None:
			c.sign = true
		}
	}
	return c
}

// subsets returns every answer a visitor can give to checkbox question q:
// every non-empty set of its ordinary options, and each exclusive option on
// its own.
func (x *exhaustive) subsets(q guide.Question, rng *rand.Rand) []*choice {
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

// combo is one complete set of answers, one choice per question.
type combo struct {
	pain, duration, emergency, urgent, factors, cautions *choice
}

// worker checks combinations with answer maps it reuses between them.
type worker struct {
	x             *exhaustive
	fwd, rev, shf guide.Answers
}

func (x *exhaustive) newWorker() *worker {
	return &worker{x: x, fwd: guide.Answers{}, rev: guide.Answers{}, shf: guide.Answers{}}
}

// set fills the worker's answer maps from c: the reversed and shuffled ones
// only with order set.
func (w *worker) set(c *combo, order bool) {
	for _, p := range []struct {
		q string
		c *choice
	}{
		{"pain", c.pain}, {"duration", c.duration}, {guide.EmergencyQuestion, c.emergency},
		{guide.UrgentQuestion, c.urgent}, {"factors", c.factors}, {guide.CautionsQuestion, c.cautions},
	} {
		w.fwd[p.q] = p.c.opts
		if order {
			w.rev[p.q], w.shf[p.q] = p.c.rev, p.c.shuf
		}
	}
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
func (w *worker) check(c *combo, order bool) {
	w.set(c, order)
	g := w.x.g
	r := g.Evaluate(w.fwd)

	// Exactly one outcome, and the one the answers imply one by one.
	if r.Level < guide.Routine || r.Level > guide.Emergency {
		w.fail("Level: got %d, want one of routine, caution, urgent, emergency", int(r.Level))
		return
	}
	want := max(c.pain.level, c.duration.level, c.emergency.level, c.urgent.level, c.factors.level, c.cautions.level)
	if r.Level != want {
		w.fail("Level: got %v, want %v (the highest level of the answers taken one at a time)", r.Level, want)
	}
	if c.emergency.sign && r.Level != guide.Emergency {
		w.fail("Level: got %v, want emergency for an emergency sign", r.Level)
	}
	if (c.emergency.notSure || c.urgent.sign || c.urgent.notSure || c.cautions.weakImmune) && r.Level < guide.Urgent {
		w.fail("Level: got %v, want at least urgent", r.Level)
	}

	// Booking never outranks a warning sign.
	switch {
	case r.Level == guide.Emergency && r.Booking != guide.BookingHidden:
		w.fail("Booking: got %d, want BookingHidden for an emergency", r.Booking)
	case r.Level == guide.Urgent && r.Booking != guide.BookingSecondary:
		w.fail("Booking: got %d, want BookingSecondary for an urgent outcome", r.Booking)
	case r.Level < guide.Urgent && r.Booking != guide.BookingPrimary:
		w.fail("Booking: got %d, want BookingPrimary for a %v outcome", r.Booking, r.Level)
	}

	// One reason for each raising answer, most urgent first.
	if n := c.emergency.reasons + c.urgent.reasons + c.cautions.reasons; len(r.Reasons) != n {
		w.fail("Reasons: got %d, want %d", len(r.Reasons), n)
	}
	for i := 1; i < len(r.Reasons); i++ {
		if r.Reasons[i].Level > r.Reasons[i-1].Level {
			w.fail("Reasons: %v comes after %v, want the most urgent first", r.Reasons[i], r.Reasons[i-1])
		}
	}

	// One note for each caution answer, its own.
	var notes []string
	if c.cautions.opts[0] != guide.None {
		notes = c.cautions.opts
	}
	if len(r.Notes) != len(notes) {
		w.fail("Notes: got %d, want %d (one for each of %q)", len(r.Notes), len(notes), notes)
	} else {
		for i, n := range r.Notes {
			if n.Option != notes[i] || n.Text == "" {
				w.fail("Notes[%d]: got option %q with text %q, want option %q with its note", i, n.Option, n.Text, notes[i])
			}
		}
	}

	// Sections: some, no repeats, most specific first, ties in content order,
	// and exactly those whose conditions hold.
	if len(r.Sections) == 0 {
		w.fail("Sections: got none, want at least one")
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
	n := 0
	for i := range g.Content().Sections {
		if holds(&g.Content().Sections[i], w.fwd) {
			n++
		}
	}
	if len(r.Sections) != n {
		w.fail("Sections: got %d, want the %d sections whose conditions hold", len(r.Sections), n)
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
	return fmt.Sprintf("{level %v, booking %d, reasons %v, notes %v, sections %v}", r.Level, r.Booking, reasons, notes, sectionIDs(r.Sections))
}

// sameResult reports whether two results are the same, sections compared by
// identity.
func sameResult(a, b guide.Result) bool {
	return a.Level == b.Level && a.Booking == b.Booking &&
		slices.Equal(a.Reasons, b.Reasons) && slices.Equal(a.Notes, b.Notes) &&
		slices.Equal(a.Sections, b.Sections)
}

// orderEvery is how often part A also checks order independence: once in
// orderEvery combinations, chosen so that every answer to every safety
// question is still checked reversed and shuffled many times over. Checking
// all of them triples the test's run time and finds nothing more, since the
// options of each question are reordered independently of the others.
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

// TestExhaustive evaluates every combination of safety answers, and every
// combination of the other answers, and checks the invariants of each
// result: one level, the highest any single answer implies, with every
// warning sign honoured; booking never above a warning; one note per
// caution; at least one section, no repeats, in order; and the same result
// whatever order the options come in (checked for every combination of part
// B and one in orderEvery of part A).
//
// Part A crosses every answer to the emergency, urgent and cautions
// questions (every non-empty set of options, and None alone) with one pain,
// duration and factors answer each, cycling through the options of those
// questions so that every single option is used. Part B crosses every answer
// to pain and factors with every duration, the safety questions answered
// None. Run with -v to see how many combinations were checked.
func TestExhaustive(t *testing.T) {
	g := mustGuide(t)
	// Evaluate allocates a little on every call and the test makes millions
	// of calls; with the default GC target the workers spend much of their
	// time helping the collector, and two are slower than one.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	x := newExhaustive(t, g)
	rng := rand.New(rand.NewPCG(1, 2))
	q := func(id string) guide.Question {
		qq, ok := g.Question(id)
		if !ok {
			t.Fatalf("the content has no question %q", id)
		}
		return qq
	}
	var (
		emergency = x.subsets(q(guide.EmergencyQuestion), rng)
		urgent    = x.subsets(q(guide.UrgentQuestion), rng)
		cautions  = x.subsets(q(guide.CautionsQuestion), rng)
		pains     = x.subsets(q("pain"), rng)
		factors   = x.subsets(q("factors"), rng)
		pain1     = x.singles(q("pain"), rng)
		duration1 = x.singles(q("duration"), rng)
		factors1  = x.singles(q("factors"), rng)
	)
	start := time.Now()

	// Part A: all safety answers; pain, duration and factors cycle.
	nA := len(emergency) * len(urgent) * len(cautions)
	var used sync.Map // the pain, duration and factors answers part A used
	parallel(x, len(emergency), func(w *worker, e int) {
		seen := map[string]bool{}
		for u := range urgent {
			for c := range cautions {
				i := (e*len(urgent)+u)*len(cautions) + c
				cb := &combo{
					pain:      pain1[i%len(pain1)],
					duration:  duration1[i%len(duration1)],
					emergency: emergency[e],
					urgent:    urgent[u],
					factors:   factors1[i%len(factors1)],
					cautions:  cautions[c],
				}
				seen["pain="+cb.pain.opts[0]] = true
				seen["duration="+cb.duration.opts[0]] = true
				seen["factors="+cb.factors.opts[0]] = true
				w.check(cb, (e+u+c)%orderEvery == 0)
			}
		}
		for k := range seen {
			used.Store(k, true)
		}
	})
	for _, p := range []struct {
		q  string
		cs []*choice
	}{{"pain", pain1}, {"duration", duration1}, {"factors", factors1}} {
		for _, c := range p.cs {
			if _, ok := used.Load(p.q + "=" + c.opts[0]); !ok {
				t.Errorf("part A: %s=%s was never used, want every single option covered", p.q, c.opts[0])
			}
		}
	}

	// Part B: every pain and factors answer and every duration, no warnings.
	noneE := x.newChoice(guide.EmergencyQuestion, []string{guide.None}, rng)
	noneU := x.newChoice(guide.UrgentQuestion, []string{guide.None}, rng)
	noneC := x.newChoice(guide.CautionsQuestion, []string{guide.None}, rng)
	nB := len(pains) * len(duration1) * len(factors)
	parallel(x, len(pains), func(w *worker, p int) {
		for _, d := range duration1 {
			for _, f := range factors {
				w.check(&combo{pain: pains[p], duration: d, emergency: noneE, urgent: noneU, factors: f, cautions: noneC}, true)
			}
		}
	})

	if n := x.failures.Load(); n > 0 {
		t.Errorf("%d failed checks in all (the first %d are listed above)", n, min(n, maxReported))
	}
	t.Logf("checked %d combinations (part A: %d = %d emergency × %d urgent × %d cautions answers; part B: %d = %d pain × %d duration × %d factors answers) in %v on %d workers",
		nA+nB, nA, len(emergency), len(urgent), len(cautions), nB, len(pains), len(duration1), len(factors), time.Since(start).Round(time.Millisecond), runtime.GOMAXPROCS(0))
}
