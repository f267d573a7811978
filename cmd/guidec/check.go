package main

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"symptomguide/app/guide"
)

// spamWords are words that have no place in a clinic's guide and are the
// mark of injected spam, such as the gambling line that opened one of the
// articles this project started from.
var spamWords = regexp.MustCompile(`(?i)\b(casinos?|bonus(u|es)?|bahis|deneme|betting|gambling|jackpots?|poker|free spins|roulette|viagra|cialis|crypto(currency)?|forex|payday loans?)\b`)

// spam records every line of src with spam-like words.
func spam(file string, offset int, src []byte, ps *Problems) {
	for i, line := range bytes.Split(src, []byte("\n")) {
		if m := spamWords.Find(line); m != nil {
			ps.Add(file, offset+i+1, "", "spam-like text %q: remove it (injected text must never reach visitors)", m)
		}
	}
}

// claimWords mark a section that says what treatment or research shows, so
// it must cite its sources.
var claimWords = regexp.MustCompile(`\b(evidence|research|studies|study|trials?|reviews?|guidelines?|recommends?|recommended|effective|effects?|shown|relie(f|ve|ves)|reduces?|improves?|helps?)\b`)

// claimRule is a kind of claim a clinic may not make, with what to say
// instead.
type claimRule struct {
	pattern string // a regular expression on lower-case text; a space matches any space
	hint    string
}

// Hints for the kinds of claims refused.
const (
	hintResearch = "say what the research shows instead"
	hintQi       = "qi and energy flow are ideas of traditional Chinese medicine, not facts: say what is done and what research found"
	hintSafety   = "every treatment has side effects: say what they are and how rare the serious ones are"
	hintASA      = "UK advertising rules (ASA/CAP) do not let acupuncture claim to treat it: say what the evidence shows, and that it is weaker for sciatica and disc problems"
)

// claimRules are claims the evidence does not support, most of them also
// claims the UK advertising regulator (ASA/CAP) refuses in acupuncture
// advertising. A claim directly after a negation (not, no, never, cannot and
// the like, within three words) is not one: "it is not a cure" and "no
// treatment is completely safe" are honest.
var claimRules = []claimRule{
	// What treatment does.
	{`proven`, hintResearch},
	{`cur(e|es|ed|ing)`, hintResearch},
	{`guaranteed (relief|results)`, hintResearch},
	{`miracle`, hintResearch},
	{`root cause`, hintResearch},
	// Toxins.
	{`flush(es|ing)? (out )?(the )?toxins`, hintResearch},
	{`detox(es|ing|ify|ifies|ification)?`, hintResearch},
	{`toxins?`, hintResearch},
	// Qi and energy stated as fact.
	{`(blocked|stagnant|stuck) (qi|energy)`, hintQi},
	{`(unblock|balance|restore|free)(s|d|ed|ing)? (the |your )?(qi|energy)`, hintQi},
	{`(qi|energy) (flows?|blockages?|is blocked)`, hintQi},
	{`flow of (your )?(qi|energy)`, hintQi},
	// The whole body.
	{`(boost|strengthen)(s|ed|ing)? (your |the )?immune system`, hintResearch},
	// Safety.
	{`no side effects`, hintSafety},
	{`(completely|totally|perfectly|100%) safe`, hintSafety},
	{`risk free|risk-free`, hintSafety},
	// Conditions.
	{`(treat|fix|heal)(s|es|ed|ing)? (your )?sciatica`, hintASA},
	{`(treat|fix|heal|repair)(s|es|ed|ing)? (your )?(slipped |herniated |bulging |damaged )?discs?`, hintASA},
}

// claimREs are claimRules compiled, in the same order.
var claimREs = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(claimRules))
	for i, r := range claimRules {
		out[i] = regexp.MustCompile(`\b(` + strings.ReplaceAll(r.pattern, " ", `\s+`) + `)\b`)
	}
	return out
}()

// negations are the words that, just before a claim, deny it.
var negations = map[string]bool{"not": true, "no": true, "never": true, "cannot": true, "can't": true, "isn't": true, "aren't": true,
	"doesn't": true, "don't": true, "won't": true, "nor": true, "without": true, "neither": true, "nothing": true}

// negated reports whether one of the three words before text[:at] denies
// what follows.
func negated(text string, at int) bool {
	words := strings.Fields(text[:at])
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		w := strings.Trim(words[i], ".,;:!?()\"'")
		if negations[w] && !(w == "not" && i+1 < len(words) && words[i+1] == "only") {
			return true
		}
	}
	return false
}

// unsupportedClaims returns each claim in text (lower-case) that breaks a
// rule, with its hint, in the order they appear.
func unsupportedClaims(text string) []claim {
	var out []claim
	taken := make([]bool, len(text)+1)
	for i, re := range claimREs {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			start, end := m[2], m[3]
			// A claim that is itself a denial ("no side effects") is not
			// undone by a negation before it ("no risks and no side effects").
			denial := strings.HasPrefix(text[start:end], "no")
			if taken[start] || !denial && negated(text, start) {
				continue
			}
			for j := start; j < end; j++ {
				taken[j] = true
			}
			out = append(out, claim{text: text[start:end], at: start, hint: claimRules[i].hint})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// claim is one unsupported claim found in a text.
type claim struct {
	text string
	at   int
	hint string
}

// checkText applies the checks on what a section says.
func checkText(a *article, s *section, ps *Problems) {
	if strings.TrimSpace(s.plain) == "" {
		ps.Add(a.file, s.line, s.id, "the section is empty: write its text below the For: line, or remove it")
		return
	}
	body := strings.ToLower(s.body)
	for _, c := range unsupportedClaims(s.plain) {
		// The claim's line in the Markdown: the line of the same occurrence
		// of its words there (a negated one before it counts too), or the
		// section's first line if formatting splits the words.
		line := s.bodyLine
		re := regexp.MustCompile(`\b` + strings.Join(strings.Fields(regexp.QuoteMeta(c.text)), `\s+`) + `\b`)
		k := len(re.FindAllStringIndex(s.plain[:c.at], -1))
		if in := re.FindAllStringIndex(body, k+1); len(in) > k {
			line += strings.Count(body[:in[k][0]], "\n")
		}
		ps.Add(a.file, line, s.id, "%q is a claim the evidence does not support: %s", strings.Join(strings.Fields(c.text), " "), c.hint)
	}
	if len(s.sourceIDs) == 0 {
		if m := claimWords.FindString(s.plain); m != "" {
			ps.Add(a.file, s.line, s.id, "the section makes a health claim (it says %q) but cites nothing: add a Sources: line naming ids from the front matter", m)
		}
	}
	known := map[string]bool{}
	for _, src := range a.front.Sources {
		known[src.ID] = true
	}
	for _, sid := range s.sourceIDs {
		if !known[sid] {
			ps.Add(a.file, s.srcLine, s.id, "source %q is not listed in this article's front matter sources", sid)
		}
	}
}

var clauseRE = regexp.MustCompile(`^([a-z0-9-]+)\s+is\s+(.+)$`)

// parseFor reads a For: line into conditions, checking every question and
// answer id against the guide's questions.
func parseFor(a *article, s *section, g *guide.Guide, ps *Problems) ([]guide.Condition, bool) {
	if s.forLine == 0 {
		return nil, false
	}
	text := strings.TrimSpace(s.forText)
	if text == "everyone" {
		return nil, true
	}
	if text == "" {
		ps.Add(a.file, s.forLine, "For", "is empty: write For: everyone, or conditions such as For: pain is sciatica")
		return nil, false
	}
	var conds []guide.Condition
	ok := true
	for _, clause := range strings.Split(text, " and ") {
		m := clauseRE.FindStringSubmatch(strings.TrimSpace(clause))
		if m == nil {
			ps.Add(a.file, s.forLine, "For", "%q is not a condition: write it as question is answer, such as pain is sciatica", clause)
			ok = false
			continue
		}
		q, opts := m[1], splitOptions(m[2])
		question, found := g.Question(q)
		if !found {
			ps.Add(a.file, s.forLine, "For", "no question has the id %q (questions: %s)", q, questionIDs(g))
			ok = false
			continue
		}
		for _, o := range opts {
			if !g.Known(q, o) {
				ps.Add(a.file, s.forLine, "For", "question %q has no answer %q (answers: %s)", q, o, optionIDs(question))
				ok = false
			}
		}
		conds = append(conds, guide.Condition{Question: q, Options: opts})
	}
	return conds, ok
}

// splitOptions splits "a or b, c" into its ids.
func splitOptions(s string) []string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(s, ",", " or "), " or ") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func questionIDs(g *guide.Guide) string {
	var ids []string
	for _, q := range g.Questions() {
		ids = append(ids, q.ID)
	}
	return strings.Join(ids, ", ")
}

func optionIDs(q guide.Question) string {
	var ids []string
	for _, o := range q.Options {
		ids = append(ids, o.ID)
	}
	return strings.Join(ids, ", ")
}

// witness returns answers under which a section with conds shows, or false
// when no visitor can give such answers (for example two different answers
// to a radio question, or an exclusive answer beside another).
func witness(g *guide.Guide, s *guide.Section) (guide.Answers, bool) {
	byQ := map[string][][]string{}
	var order []string
	for _, c := range s.For {
		if _, seen := byQ[c.Question]; !seen {
			order = append(order, c.Question)
		}
		byQ[c.Question] = append(byQ[c.Question], c.Options)
	}
	a := guide.Answers{}
	for _, q := range order {
		chosen, ok := pick(g, q, byQ[q])
		if !ok {
			return nil, false
		}
		a[q] = chosen
	}
	for _, q := range g.Questions() {
		if !a.Answered(q.ID) {
			a[q.ID] = []string{neutral(q)}
		}
	}
	for _, m := range g.Match(a) {
		if m.ID == s.ID {
			return a, true
		}
	}
	return nil, false
}

// pick chooses one option from each set so that together they are a valid
// answer to question q, trying every combination (the sets are small).
func pick(g *guide.Guide, q string, sets [][]string) ([]string, bool) {
	var try func(i int, chosen []string) ([]string, bool)
	try = func(i int, chosen []string) ([]string, bool) {
		if i == len(sets) {
			n := g.Normalize(guide.Answers{q: chosen})
			for _, o := range chosen {
				if !n.Has(q, o) {
					return nil, false
				}
			}
			return chosen, true
		}
		for _, o := range sets[i] {
			next := append(append([]string(nil), chosen...), o)
			if out, ok := try(i+1, next); ok {
				return out, true
			}
		}
		return nil, false
	}
	return try(0, nil)
}

// neutral is the answer to q that raises nothing: None where it exists.
func neutral(q guide.Question) string {
	for _, o := range q.Options {
		if o.ID == guide.None {
			return o.ID
		}
	}
	return q.Options[0].ID
}

// paths walks every answer path that takes one option per question a
// section's For: line reads, checks that each ends in a result with
// sections, and returns how many it walked. Questions no section reads
// cannot change which sections show, so they keep their neutral answer.
func paths(g *guide.Guide, file string, ps *Problems) int {
	read := map[string]bool{}
	for _, s := range g.Content().Sections {
		for _, c := range s.For {
			read[c.Question] = true
		}
	}
	a := guide.Answers{}
	var qs []guide.Question
	for _, q := range g.Questions() {
		if read[q.ID] {
			qs = append(qs, q)
		} else {
			a[q.ID] = []string{neutral(q)}
		}
	}
	count, reported := 0, false
	var walk func(i int)
	walk = func(i int) {
		if i == len(qs) {
			count++
			if len(g.Match(a)) == 0 && !reported {
				reported = true
				ps.Add(file, 0, "", "the answers %s show no sections: add a section with For: everyone", describe(a))
			}
			return
		}
		for _, o := range qs[i].Options {
			a[qs[i].ID] = []string{o.ID}
			walk(i + 1)
		}
		delete(a, qs[i].ID)
	}
	walk(0)
	return count
}

// describe writes answers as q=o pairs in question order.
func describe(a guide.Answers) string {
	var parts []string
	for q, opts := range a {
		parts = append(parts, fmt.Sprintf("%s=%s", q, strings.Join(opts, "+")))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
