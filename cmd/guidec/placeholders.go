package main

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"symptomguide/app/guide"
)

// A placeholder is a clinic fact written in braces in an article or in
// questions.yaml, such as {emergency.number}. The compiler replaces it with
// the clinic's value from clinic.yaml or its country preset, so the browser
// only ever receives the finished text.
type placeholder struct {
	name string // as written between the braces
	path string // the field of clinic.yaml that sets it
	// required facts are checked in clinic.yaml itself; an empty optional
	// one is reported where the text uses it.
	required bool
	url      bool // a URL: put into Markdown as it is, never escaped
}

// placeholders are every placeholder the compiler knows, in the order the
// messages list them.
var placeholders = []placeholder{
	{name: "clinic.name", path: "name", required: true},
	{name: "booking.phone", path: "booking.phone", required: true},
	{name: "booking.url", path: "booking.url", required: true, url: true},
	{name: "emergency.number", path: "emergency.number", required: true},
	{name: "emergency.label", path: "emergency.label", required: true},
	{name: "emergency.service", path: "emergency.service", required: true},
	{name: "emergency.department", path: "emergency.department"},
	{name: "urgent.service", path: "urgent.service", required: true},
	{name: "urgent.label", path: "urgent.label", required: true},
	{name: "urgent.number", path: "urgent.number"},
	{name: "urgent.url", path: "urgent.url", url: true},
	{name: "crisis.line", path: "crisis.line"},
	{name: "crisis.service", path: "crisis.service"},
	{name: "crisis.number", path: "crisis.number"},
	{name: "crisis.url", path: "crisis.url", url: true},
	{name: "gp", path: "gp.name"},
	{name: "gp.explained", path: "gp.explained"},
	{name: "gp.place", path: "gp.place"},
	{name: "gp.places", path: "gp.places"},
	{name: "practitioner.register", path: "practitioner.register"},
}

// clinicFacts are the values of the placeholders for one clinic, and where
// they came from.
type clinicFacts struct {
	values  map[string]string // by placeholder name
	known   bool              // false when clinic.yaml could not be read: only names are checked
	country string
	preset  bool     // whether the country has a preset
	set     []string // the facts clinic.yaml sets over its preset, as clinic.yaml paths
	numbers []numberLiteral
}

// placeholderByName finds a placeholder.
func placeholderByName(name string) (placeholder, bool) {
	for _, p := range placeholders {
		if p.name == name {
			return p, true
		}
	}
	return placeholder{}, false
}

// knownPlaceholders lists every placeholder in braces, for messages.
func knownPlaceholders() string {
	names := make([]string, len(placeholders))
	for i, p := range placeholders {
		names[i] = "{" + p.name + "}"
	}
	return strings.Join(names, ", ")
}

// describe writes the line guidec prints about the preset it used.
func (f *clinicFacts) describe() string {
	v := f.values
	var b strings.Builder
	if f.preset {
		fmt.Fprintf(&b, "country %s preset (", f.country)
	} else {
		fmt.Fprintf(&b, "country %s has no preset, so clinic.yaml sets every fact (", f.country)
	}
	urgent := fmt.Sprintf("%q", v["urgent.service"])
	if n := v["urgent.number"]; n != "" && !strings.Contains(v["urgent.service"], n) {
		urgent += " on " + n
	}
	parts := []string{
		"emergency " + v["emergency.number"],
		"urgent " + urgent,
	}
	if v["crisis.service"] != "" {
		parts = append(parts, fmt.Sprintf("crisis %q on %s", v["crisis.service"], v["crisis.number"]))
	}
	if v["gp"] != "" {
		parts = append(parts, fmt.Sprintf("family doctor %q", v["gp"]))
	}
	if v["emergency.department"] != "" {
		parts = append(parts, fmt.Sprintf("emergency department %q", v["emergency.department"]))
	}
	b.WriteString(strings.Join(parts, ", "))
	b.WriteString(")")
	if f.preset && len(f.set) > 0 {
		fmt.Fprintf(&b, "; clinic.yaml sets %s", strings.Join(f.set, ", "))
	}
	return b.String()
}

// placeholderRE matches anything that looks like a placeholder, including
// misspelt ones ({Emergency.Number}, { gp }), so that none reaches visitors
// as braces. A backslash before the brace (Markdown's escape) keeps it as
// text.
var placeholderRE = regexp.MustCompile(`\\?\{\s*([A-Za-z][A-Za-z0-9_.\- ]*?)\s*\}`)

// markdownSpecial are the characters escaped in a value put into Markdown,
// so a name such as "Dr_Smith" or "[Clinic]" reads as written ("A&E" needs
// nothing: goldmark writes a lone & as &amp;).
var markdownSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`,
)

// resolve checks one line or field of prose written at file:line and
// returns it with its placeholders replaced: it refuses literal emergency,
// urgent and crisis numbers and service names, unknown placeholders, and
// placeholders the clinic has no value for. md says the text is Markdown,
// whose values are escaped.
func (f *clinicFacts) resolve(file string, line int, field, text string, md bool, ps *Problems) string {
	for _, l := range f.findLiterals(text) {
		ps.Add(file, line, field, "%q is %s typed into the text: write %s instead, which the country preset or clinic.yaml fills", l.text, l.what, l.use)
	}
	return placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		if strings.HasPrefix(m, `\`) {
			return m
		}
		name := placeholderRE.FindStringSubmatch(m)[1]
		p, ok := placeholderByName(name)
		if !ok || m != "{"+name+"}" {
			if near := nearestPlaceholder(name); near != "" {
				ps.Add(file, line, field, "unknown placeholder %s: did you mean {%s}? (placeholders: %s)", m, near, knownPlaceholders())
			} else {
				ps.Add(file, line, field, "unknown placeholder %s: use one of %s, or write \\%s in Markdown to show the braces", m, knownPlaceholders(), m)
			}
			return m
		}
		v := f.values[p.name]
		if v == "" {
			if f.known && !p.required {
				where := "clinic.yaml"
				if f.preset {
					where = fmt.Sprintf("clinic.yaml (the %s preset has none)", f.country)
				} else if f.country != "" {
					where = fmt.Sprintf("clinic.yaml (there is no preset for %s)", f.country)
				}
				ps.Add(file, line, field, "{%s} has no value for this clinic: set %s in %s, or write the text without it", p.name, p.path, where)
			}
			return m
		}
		if md && !p.url {
			return markdownSpecial.Replace(v)
		}
		return v
	})
}

// nearestPlaceholder returns the known placeholder a misspelt name most
// likely means, or "".
func nearestPlaceholder(name string) string {
	norm := strings.NewReplacer(" ", "", "_", ".", "-", ".").Replace(strings.ToLower(name))
	best, bestD := "", 3
	for _, p := range placeholders {
		if p.name == norm {
			return p.name
		}
		if d := editDistance(norm, p.name); d < bestD {
			best, bestD = p.name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// typedFact is a clinic fact typed into prose instead of its placeholder.
type typedFact struct {
	at, end int
	text    string
	what    string // what it is: "an emergency number"
	use     string // the placeholder to write instead
}

// nameRule is a service name or a country's word that must be a placeholder.
type nameRule struct {
	re   *regexp.Regexp
	what string
	use  string
}

// nameRules are the names refused in prose, most specific first. Register
// names (BAcC, NCCAOM, ...) and health services named as sources (the NHS,
// NICE) are allowed: an article may compare countries or cite a guideline.
var nameRules = func() []nameRule {
	const (
		urgentName = "the name of a country's urgent line"
		crisisName = "the name of a country's crisis line"
		dept       = "a country's word for an emergency department"
		gpWord     = "a country's word for a family doctor"
		gpPlace    = "a country's word for a family doctor's practice"
	)
	rules := []struct{ pattern, what, use string }{
		{`NHS ?111(?: online| Wales)?`, urgentName, "{urgent.service}"},
		{`111 online`, urgentName, "{urgent.service}"},
		{`NHS 24`, urgentName, "{urgent.service}"},
		{`(?i:healthdirect)`, urgentName, "{urgent.service}"},
		{`NURSE-ON-CALL|13 ?HEALTH`, urgentName, "{urgent.service}"},
		{`HealthLink BC|Health 811|Info-Santé`, urgentName, "{urgent.service}"},
		{`Samaritans`, crisisName, "{crisis.service} (or {crisis.line})"},
		{`(?i:suicide (?:&|and) crisis lifeline|suicide crisis helpline)|Lifeline Australia|Línea 024`, crisisName, "{crisis.service}"},
		{`9-8-8`, "a country's crisis number", "{crisis.number}"},
		{`A ?&(?:amp;)? ?E`, dept, "{emergency.department}"},
		{`(?i:accident and emergency|emergency room)`, dept, "{emergency.department}"},
		{`ER`, dept, "{emergency.department}"},
		{`GP \(family doctor\)`, gpWord, "{gp.explained}"},
		{`GP (?:surgeries|practices)|(?i:doctors?(?:'|’)?s?(?:'|’)? (?:surgeries|offices))`, gpPlace, "{gp.places}"},
		{`GP (?:surgery|practice)|(?i:doctor(?:'|’)s (?:surgery|office))`, gpPlace, "{gp.place}"},
		{`GPs`, gpWord, "{gp}s"},
		{`GP`, gpWord, "{gp}"},
		{`(?i:primary care (?:doctor|physician|provider))s?`, gpWord, "{gp}"},
	}
	out := make([]nameRule, len(rules))
	for i, r := range rules {
		out[i] = nameRule{re: regexp.MustCompile(r.pattern), what: r.what, use: r.use}
	}
	return out
}()

// numberLiteral is an emergency, urgent or crisis number refused in prose.
type numberLiteral struct {
	number string // as written, groups of digits separated by spaces
	what   string
	use    string
	re     *regexp.Regexp
}

// extraNumbers are refused numbers that are in no preset: 112 works across
// Europe, 116 117 is the EU's out-of-hours doctor line (Germany, ...).
var extraNumbers = []struct{ number, kind string }{
	{"112", "emergency"},
	{"116 117", "urgent"},
}

// newNumberLiteral builds the matcher for a number, allowing any kind of
// space between its groups.
func newNumberLiteral(number, kind string) numberLiteral {
	groups := strings.Fields(number)
	for i, g := range groups {
		groups[i] = regexp.QuoteMeta(g)
	}
	what := map[string]string{
		"emergency": "an emergency number",
		"urgent":    "an urgent line's number",
		"crisis":    "a crisis line's number",
	}[kind]
	return numberLiteral{
		number: number,
		what:   what,
		use:    "{" + kind + ".number}",
		re:     regexp.MustCompile(strings.Join(groups, `[ \x{00A0}\x{202F}]`)),
	}
}

// refusedNumbers returns every number refused in prose: those of every
// preset, the extras, and the clinic's own numbers (clinic is nil when
// clinic.yaml could not be read).
func refusedNumbers(clinic *clinicFile) []numberLiteral {
	seen := map[string]bool{}
	var out []numberLiteral
	add := func(number, kind string) {
		key := strings.Join(strings.Fields(number), " ")
		if key == "" || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, newNumberLiteral(key, kind))
	}
	countries := make([]string, 0, len(presets))
	for c := range presets {
		countries = append(countries, c)
	}
	sort.Strings(countries)
	for _, c := range countries {
		p := presets[c]
		add(p.Emergency.Number, "emergency")
		add(p.Urgent.Number, "urgent")
		add(p.Crisis.Number, "crisis")
	}
	for _, e := range extraNumbers {
		add(e.number, e.kind)
	}
	if clinic != nil {
		add(clinic.Emergency.Number, "emergency")
		add(clinic.Urgent.Number, "urgent")
		add(clinic.Crisis.Number, "crisis")
	}
	// Longer numbers first, so "116 117" is found whole.
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].number) > len(out[j].number) })
	return out
}

// maskRE finds what is not prose although it sits in it: link destinations,
// autolinks, bare URLs, DOIs, heading ids and placeholders. Numbers there
// are addresses, not numbers to call.
var maskRE = regexp.MustCompile(`\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)` +
	`|<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>` +
	`|(?i:https?://|www\.|mailto:|tel:)[^\s<>()\[\]]*(?:\([^()\s]*\)[^\s<>()\[\]]*)*` +
	`|(?i:\bdoi:\s*)\S+|\b10\.\d{4,9}/\S+` +
	`|\{#[^}]*\}|\{[^{}]*\}` +
	`|^\s{0,3}\[[^\]]+\]:\s*\S+`)

// pageWords are the words before a number that make it a page, volume or
// figure, not a phone number.
var pageWords = map[string]bool{"p": true, "pp": true, "page": true, "pages": true, "vol": true, "volume": true, "issue": true,
	"chapter": true, "ch": true, "fig": true, "figure": true, "table": true, "section": true, "ref": true}

// unitWords are the words after a number that make it a quantity.
var unitWords = map[string]bool{"mg": true, "g": true, "kg": true, "mcg": true, "ml": true, "l": true, "mm": true, "cm": true, "m": true,
	"km": true, "miles": true, "lb": true, "lbs": true, "kcal": true, "calories": true, "steps": true, "people": true, "patients": true,
	"participants": true, "adults": true, "children": true, "women": true, "men": true, "sessions": true, "treatments": true,
	"consultations": true, "studies": true, "trials": true, "seconds": true, "minutes": true, "mins": true, "hours": true, "days": true,
	"weeks": true, "months": true, "years": true, "times": true, "words": true}

// findLiterals returns the emergency, urgent and crisis numbers and the
// service names and doctor words typed into text, in order.
func (f *clinicFacts) findLiterals(text string) []typedFact {
	masked := []byte(text)
	for _, m := range maskRE.FindAllStringIndex(text, -1) {
		for i := m[0]; i < m[1]; i++ {
			masked[i] = 0
		}
	}
	s := string(masked)
	taken := make([]bool, len(s)+1)
	free := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		for i := a; i < b; i++ {
			taken[i] = true
		}
		return true
	}
	var out []typedFact
	for _, r := range nameRules {
		for _, m := range r.re.FindAllStringIndex(s, -1) {
			if wholeWords(s, m[0], m[1]) && free(m[0], m[1]) {
				out = append(out, typedFact{at: m[0], end: m[1], text: s[m[0]:m[1]], what: r.what, use: r.use})
			}
		}
	}
	numbers := f.numbers
	if numbers == nil {
		numbers = refusedNumbers(nil)
	}
	for _, n := range numbers {
		for _, m := range n.re.FindAllStringIndex(s, -1) {
			if standalone(s, m[0], m[1]) && free(m[0], m[1]) {
				out = append(out, typedFact{at: m[0], end: m[1], text: s[m[0]:m[1]], what: n.what, use: n.use})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// standalone reports whether the digits at s[start:end] are a number of
// their own: not part of a longer number (2001, 1,000, 32 000, 0800 111
// 222), a range (111-119), an amount (£999, 112%, 111 mg, 999 people) or a
// page (p. 111).
func standalone(s string, start, end int) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	isSpace := func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }
	joiners := "-–.,:"
	before, n1 := utf8.DecodeLastRuneInString(s[:start])
	before2, _ := utf8.DecodeLastRuneInString(s[:start-n1])
	after, n2 := utf8.DecodeRuneInString(s[end:])
	after2, _ := utf8.DecodeRuneInString(s[end+n2:])
	switch {
	case start > 0 && isWord(before):
		return false
	case start > 0 && strings.ContainsRune(joiners, before) && isWord(before2):
		return false
	case start > 0 && strings.ContainsRune("£$€#", before):
		return false
	case start > 0 && isSpace(before) && unicode.IsDigit(before2):
		return false
	case end < len(s) && isWord(after):
		return false
	case end < len(s) && strings.ContainsRune(joiners, after) && isWord(after2):
		return false
	case end < len(s) && after == '%':
		return false
	}
	// The next group of three digits continues a longer number.
	rest := strings.TrimLeftFunc(s[end:], isSpace)
	if len(rest) < len(s[end:]) && len(rest) >= 3 && isDigits(rest[:3]) && (len(rest) == 3 || !unicode.IsDigit(rune(rest[3]))) {
		return false
	}
	if w := strings.ToLower(lastWord(s[:start])); pageWords[w] {
		return false
	}
	if w := strings.ToLower(firstWord(rest)); len(rest) < len(s[end:]) && unitWords[w] {
		return false
	}
	return true
}

// wholeWords reports whether s[start:end] neither starts nor ends inside a
// word.
func wholeWords(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	first, _ := utf8.DecodeRuneInString(s[start:end])
	last, _ := utf8.DecodeLastRuneInString(s[start:end])
	return !(start > 0 && isWord(before) && isWord(first)) && !(end < len(s) && isWord(after) && isWord(last))
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// lastWord returns the letters just before s's trailing spaces and dots.
func lastWord(s string) string {
	s = strings.TrimRight(s, " .\u00a0")
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// firstWord returns the letters at the start of s.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// unquotedRE finds a YAML value that starts with a placeholder without
// quotes, which YAML reads as a mapping.
var unquotedRE = regexp.MustCompile(`^\s*(-\s+)?([A-Za-z_][A-Za-z0-9_-]*:\s+)?(\{\s*[A-Za-z][A-Za-z0-9_.\- ]*\}.*?)\s*$`)

// checkQuoted reports each line of YAML src (starting on line offset+1)
// whose value starts with a placeholder but is not in quotes.
func checkQuoted(file string, offset int, src []byte, ps *Problems) {
	for i, line := range bytes.Split(src, []byte("\n")) {
		m := unquotedRE.FindSubmatch(bytes.TrimRight(line, "\r"))
		if m == nil || len(m[1]) == 0 && len(m[2]) == 0 {
			continue
		}
		value := string(m[3])
		ps.Add(file, offset+i+1, "", "a value that starts with a placeholder must be in quotes, or YAML reads the braces as a mapping: write %s%q", string(m[2]), value)
	}
}

// resolveArticle checks and resolves the placeholders in the body of an
// article (below its front matter), keeping every line where it is. The
// front matter's title and description are resolved once decoded.
func (f *clinicFacts) resolveArticle(file string, src []byte, ps *Problems) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\r\n") != "---" {
		return src
	}
	end := 0
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r\n") == "---" {
			end = i
			break
		}
	}
	if end == 0 {
		return src
	}
	checkQuoted(file, 1, []byte(strings.Join(lines[1:end], "")), ps)
	field := ""
	header := 0 // 1 after a heading, 2 after its For: line
	fenced := false
	for i := end + 1; i < len(lines); i++ {
		raw := lines[i]
		text := strings.TrimRight(raw, "\r\n")
		nl := raw[len(text):]
		trimmed := strings.TrimSpace(text)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(text, "## ") {
			if m := headingRE.FindStringSubmatch(text); m != nil {
				field = m[2]
			}
			header = 1
		} else if header == 1 && trimmed == "" {
			continue
		} else if header == 1 && strings.HasPrefix(trimmed, "For:") {
			header = 2
			continue
		} else if header == 2 && strings.HasPrefix(trimmed, "Sources:") {
			header = 0
			continue
		} else {
			header = 0
		}
		lines[i] = f.resolve(file, i+1, field, text, true, ps) + nl
	}
	return []byte(strings.Join(lines, ""))
}

// resolveQuestions checks and resolves the placeholders in the visible text
// of the questions: titles, hints, summaries, labels, reasons and notes.
// qs are in the order of questions.yaml, as loadQuestions returns them.
func (f *clinicFacts) resolveQuestions(file string, qs []guide.Question, doc *yamlDoc, ps *Problems) {
	if doc == nil {
		return
	}
	for i := range qs {
		q := &qs[i]
		field := func(v *string, path, name string) {
			if *v != "" {
				*v = f.resolve(file, doc.line(path), name, *v, false, ps)
			}
		}
		for _, fl := range []struct {
			v    *string
			name string
		}{{&q.Title, "title"}, {&q.Hint, "hint"}, {&q.Summary, "summary"}} {
			field(fl.v, fmt.Sprintf("questions.%d.%s", i, fl.name), fmt.Sprintf("questions[%d].%s", i, fl.name))
		}
		for j := range q.Options {
			o := &q.Options[j]
			for _, fl := range []struct {
				v    *string
				name string
			}{{&o.Label, "label"}, {&o.Hint, "hint"}, {&o.Reason, "reason"}, {&o.Note, "note"}} {
				field(fl.v, fmt.Sprintf("questions.%d.options.%d.%s", i, j, fl.name), fmt.Sprintf("questions[%d].options[%d].%s", i, j, fl.name))
			}
		}
	}
}
