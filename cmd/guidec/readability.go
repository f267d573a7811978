package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// maxGrade is the hardest a section may be to read, as a US school grade:
// about what a 13- or 14-year-old reads with ease, the level health
// writing guides aim for.
const maxGrade = 8.0

// readingFormula scores how hard a text is to read, for one language.
type readingFormula struct {
	name      string                // the formula's name, for messages
	measure   string                // what the score is, for the summary: "reading grade"
	syllables func(word string) int // counts the syllables of one word
	score     func(c textCounts) float64
	tooHard   func(score float64) bool
	limit     string // the limit as a reader should see it: "above 8"
}

// textCounts are what a reading formula needs to know about a text.
type textCounts struct {
	sentences, words, syllables int
}

// fleschKincaid is the Flesch-Kincaid grade level (Kincaid et al., 1975):
// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
var fleschKincaid = readingFormula{
	name:      "Flesch-Kincaid",
	measure:   "reading grade",
	syllables: englishSyllables,
	score: func(c textCounts) float64 {
		return 0.39*float64(c.words)/float64(c.sentences) + 11.8*float64(c.syllables)/float64(c.words) - 15.59
	},
	tooHard: func(grade float64) bool { return round1(grade) > maxGrade },
	limit:   fmt.Sprintf("above %g", maxGrade),
}

// formulaFor returns the reading formula for the language of a tag such as
// en-GB, or an error saying that the compiler has none for it.
func formulaFor(lang string) (readingFormula, error) {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "en":
		return fleschKincaid, nil
	case "es":
		return szigrisztPazos, nil
	}
	return readingFormula{}, fmt.Errorf("the guide cannot yet check how easy %q text is to read (it knows English: en, such as en-GB; and Spanish: es, such as es-US); "+
		"write the articles in a language it knows, or add a formula for %q to cmd/guidec/readability.go", lang, primary)
}

// readingFormulaFor returns the formula for one of the clinic's
// languages, or the zero formula, which scores nothing, when there is
// none. It reports a language it has no formula for on its line of
// clinic.yaml; a missing or malformed tag is left to loadClinic, which
// reports it.
func readingFormulaFor(file string, src []byte, lang string, ps *Problems) readingFormula {
	if !langTag.MatchString(lang) {
		return readingFormula{}
	}
	f, err := formulaFor(lang)
	if err != nil {
		line, field := langLine(src, lang)
		ps.Add(file, line, field, "%v", err)
		return readingFormula{}
	}
	return f
}

// langLine returns the line and key of clinic.yaml that names the language
// lang: the top-level lang: key, or languages: with lang in its list.
func langLine(src []byte, lang string) (int, string) {
	in := false
	for i, line := range strings.Split(string(src), "\n") {
		switch {
		case strings.HasPrefix(line, "lang:"):
			return i + 1, "lang"
		case strings.HasPrefix(line, "languages:"):
			in = true
			if strings.Contains(line, lang) {
				return i + 1, "languages"
			}
		case in && strings.HasPrefix(strings.TrimSpace(line), "-"):
			if strings.Contains(line, lang) {
				return i + 1, "languages"
			}
		default:
			in = false
		}
	}
	return 0, "lang"
}

// checkReading scores a section's text with f, reports it on the section's
// heading line when it is too hard to read, and returns the score, or false
// for a section with no words to score.
func checkReading(a *article, s *section, f readingFormula, ps *Problems) (float64, bool) {
	c := countText(readingUnits(s.body), f.syllables)
	if c.words == 0 {
		return 0, false
	}
	score := f.score(c)
	if f.tooHard(score) {
		ps.Add(a.file, s.line, s.id, "%s %.1f (%s) is %s: use shorter sentences and shorter words (now %.1f words a sentence, %.2f syllables a word)",
			f.measure, score, f.name, f.limit, float64(c.words)/float64(c.sentences), float64(c.syllables)/float64(c.words))
	}
	return score, true
}

// readingUnits returns the text of a section's Markdown body as a reader
// meets it, one string per paragraph or list item, each of which ends a
// sentence. Headings, bold lines standing alone as headings, code, images,
// link addresses and blocks made only of links (such as a list of sources)
// are left out.
func readingUnits(body string) []string {
	src := []byte(body)
	root := markdown.Parser().Parse(text.NewReader(src))
	var units []string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock:
			if !isLabel(n, src) && !onlyLinks(n, src) {
				units = append(units, inlineText(n, src))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return units
}

// inlineText returns the words of a block's inline nodes.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.AutoLink, *ast.Image, *ast.RawHTML, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text, *ast.String:
			writeText(&b, n, src)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// isLabel reports whether a block is only bold text, such as **What
// usually helps**: a heading in all but name.
func isLabel(n ast.Node, src []byte) bool {
	bold := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if e, ok := c.(*ast.Emphasis); ok && e.Level == 2 {
			bold++
			continue
		}
		if !blank(c, src) {
			return false
		}
	}
	return bold == 1
}

// onlyLinks reports whether a block holds links and nothing else but
// punctuation, as a list of sources does.
func onlyLinks(n ast.Node, src []byte) bool {
	links := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindLink, ast.KindAutoLink:
			links++
			continue
		}
		if !blank(c, src) {
			return false
		}
	}
	return links > 0
}

// blank reports whether an inline node is text with no letters or digits.
func blank(n ast.Node, src []byte) bool {
	t, ok := n.(*ast.Text)
	if !ok {
		return false
	}
	return strings.IndexFunc(string(t.Segment.Value(src)), isWordRune) < 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// abbreviations end in a full stop that does not end a sentence.
// Spanish ones too: EE. UU. (Estados Unidos), p. ej., Dra., Sr., núm., pág.
// (EE. UU. at the end of a sentence then ends it only at the end of its
// paragraph: a slight under-count of sentences, which errs on the side of
// harder.)
var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "dr": true, "mr": true, "mrs": true, "ms": true, "approx": true,
	"ee": true, "uu": true, "ej": true, "dra": true, "sr": true, "sra": true, "núm": true, "pág": true}

// countText counts the sentences, words and syllables of units. Each unit
// ends a sentence, with or without a full stop, so a list item counts as
// one; inside a unit a sentence ends at a word followed by . ! or ?.
func countText(units []string, syllables func(string) int) textCounts {
	var c textCounts
	for _, u := range units {
		open := false // words since the last sentence ended
		for _, tok := range strings.Fields(u) {
			start := strings.IndexFunc(tok, isWordRune)
			if start >= 0 {
				end := strings.LastIndexFunc(tok, isWordRune) + 1
				word := tok[start:end]
				c.words++
				c.syllables += syllables(word)
				open = true
				if strings.ContainsAny(tok[end:], ".!?") && !abbreviations[strings.ToLower(word)] {
					c.sentences++
					open = false
				}
				continue
			}
			if open && strings.ContainsAny(tok, ".!?") {
				c.sentences++
				open = false
			}
		}
		if open {
			c.sentences++
		}
	}
	return c
}

// englishSyllables estimates the syllables of an English word, as written:
// letters joined by hyphens or slashes count part by part, numbers one
// syllable a digit, and capitals with no vowel (NHS, GP) one a letter.
func englishSyllables(word string) int {
	n := 0
	for _, part := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '/' || r == '–' }) {
		var letters, digits strings.Builder
		for _, r := range part {
			switch {
			case r >= '0' && r <= '9':
				digits.WriteRune(r)
			case unicode.IsLetter(r):
				letters.WriteRune(r)
			}
		}
		n += digits.Len()
		w := letters.String()
		if w == "" {
			continue
		}
		if len(w) > 1 && w == strings.ToUpper(w) && !strings.ContainsAny(w, "AEIOUY") {
			for _, r := range w {
				if r == 'W' {
					n += 3
				} else {
					n++
				}
			}
			continue
		}
		n += englishWordSyllables(strings.ToLower(w))
	}
	return max(n, 1)
}

// englishWordSyllables counts the groups of vowels in a lower-case word,
// splits the vowel pairs that are usually said as two (tri-al, u-su-al,
// pe-ri-od, qui-et, be-ing, vid-e-o), and drops a silent e at the end (make, makes,
// used, safe-ly), but not after a consonant and l or r (ta-ble, mus-cles,
// cen-tre).
func englishWordSyllables(w string) int {
	// A silent e before an ending: safe-ly, man-age-ment, care-ful.
	for _, suffix := range []struct {
		s string
		n int
	}{{"ments", 1}, {"ment", 1}, {"fully", 2}, {"ful", 1}, {"ness", 1}, {"less", 1}, {"ly", 1}} {
		if stem, ok := strings.CutSuffix(w, suffix.s); ok && len(stem) > 2 && strings.HasSuffix(stem, "e") {
			return englishWordSyllables(stem) + suffix.n
		}
	}
	n := len(w)
	at := func(i int) byte {
		if i < 0 || i >= n {
			return 0
		}
		return w[i]
	}
	plain := func(b byte) bool { return b != 0 && strings.IndexByte("aeiou", b) >= 0 }
	vowel := func(i int) bool {
		if i < 0 || i >= n {
			return false
		}
		if w[i] == 'y' {
			// A consonant at the start and between vowels (yes, beyond, player).
			return i > 0 && !(plain(at(i-1)) && plain(at(i+1)))
		}
		return plain(w[i])
	}
	count := 0
	for i := 0; i < n; i++ {
		if !vowel(i) {
			continue
		}
		if !vowel(i - 1) {
			count++
			continue
		}
		prev, next := at(i-2), at(i+1)
		switch pair := w[i-1 : i+1]; {
		case pair[0] == 'y': // try-ing, an-y-one
			count++
		case pair == "ia": // tri-al, sci-at-i-ca; not spe-cial, ini-tial
			if !(strings.ContainsRune("ctsxg", rune(prev)) && (next == 'l' || next == 'n')) {
				count++
			}
		case pair == "io": // pe-ri-od, phys-i-o; not op-tion, re-gion, anx-ious
			if !(strings.ContainsRune("ctsxg", rune(prev)) && (next == 'n' || next == 'u')) {
				count++
			}
		case pair == "iu": // me-di-um
			count++
		case pair == "ua": // u-su-al, ac-tu-al; not qual-i-ty, lan-guage
			if prev != 'q' && prev != 'g' {
				count++
			}
		case pair == "ie": // qui-et, eas-i-er, ex-pe-ri-ence; not piece, stud-ies, pa-tient, friend
			if next == 'r' || next == 't' || next == 'n' && at(i+2) != 'd' && !strings.ContainsRune("cts", rune(prev)) {
				count++
			}
		case pair == "eo": // vid-e-o, os-te-o; not peo-ple
			if next != 'p' {
				count++
			}
		case pair == "oa": // os-te-o-ar-thri-tis; not boat
			if vowel(i - 2) {
				count++
			}
		case pair == "ea": // ar-e-a, i-de-a; not tea, each
			if i == n-1 && count >= 2 {
				count++
			}
		case pair == "ei" || pair == "oi": // be-ing, go-ing; not their, point
			if next == 'n' && at(i+2) == 'g' {
				count++
			}
		}
	}
	consonant := func(i int) bool { return i >= 0 && i < n && !vowel(i) }
	switch {
	case count < 2:
	case strings.HasSuffix(w, "e") && consonant(n-2):
		// make, one, while; but ta-ble, cen-tre.
		if !(strings.ContainsRune("lr", rune(w[n-2])) && consonant(n-3)) {
			count--
		}
	case strings.HasSuffix(w, "es") && consonant(n-3):
		// makes, times; but cau-ses, pla-ces, pu-shes, mus-cles.
		if !strings.ContainsRune("sxzcg", rune(w[n-3])) && !strings.HasSuffix(w, "hes") &&
			!(strings.ContainsRune("lr", rune(w[n-3])) && consonant(n-4)) {
			count--
		}
	case strings.HasSuffix(w, "ed") && consonant(n-3):
		// used, helped, tired; but need-ed, start-ed, hun-dred.
		if w[n-3] != 't' && w[n-3] != 'd' && !(w[n-3] == 'r' && consonant(n-4)) {
			count--
		}
	}
	return max(count, 1)
}

// readingRange is the spread of the sections' scores, for the summary.
type readingRange struct {
	measure          string
	min, median, max float64
	n                int
}

// newReadingRange returns the spread of scores.
func newReadingRange(measure string, scores []float64) readingRange {
	if len(scores) == 0 {
		return readingRange{}
	}
	s := append([]float64(nil), scores...)
	sort.Float64s(s)
	median := s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return readingRange{measure: measure, min: s[0], median: median, max: s[len(s)-1], n: len(s)}
}

// String writes the range as "reading grade 5.1 to 7.9 (median 6.8)".
func (r readingRange) String() string {
	if r.n == 0 {
		return ""
	}
	return fmt.Sprintf("%s %.1f to %.1f (median %.1f)", r.measure, r.min, r.max, r.median)
}

// round1 rounds to one decimal place, as scores are shown.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

// minEase is the easiest-to-read floor for Spanish: INFLESZ calls a
// Szigriszt-Pazos score of 55 to 65 "normal" (what a 12- to 14-year-old
// reads with ease), below 55 "algo difícil".
const minEase = 55.0

// szigrisztPazos is the Szigriszt-Pazos perspicuity index (Szigriszt
// Pazos, 1993), read on the INFLESZ scale (Barrio-Cantalejo et al., 2008,
// written for health information for patients): 206.835 − 62.3 ×
// syllables per word − words per sentence. From 0 to 100, higher is
// easier: below 40 very hard, 40–55 somewhat hard, 55–65 normal, 65–80
// fairly easy, above 80 very easy.
var szigrisztPazos = readingFormula{
	name:      "Szigriszt-Pazos, INFLESZ scale",
	measure:   "reading ease",
	syllables: spanishSyllables,
	score: func(c textCounts) float64 {
		return 206.835 - 62.3*float64(c.syllables)/float64(c.words) - float64(c.words)/float64(c.sentences)
	},
	tooHard: func(ease float64) bool { return round1(ease) < minEase },
	limit:   fmt.Sprintf("below %g", minEase),
}

// spanishDigitSyllables are the syllables of each digit's name (ce-ro,
// u-no, dos ...). A number counts its digits one by one: "30" (trein-ta)
// counts 3 rather than 2, a slight over-count that errs on the side of
// harder.
var spanishDigitSyllables = [10]int{2, 2, 1, 1, 2, 2, 1, 2, 2, 2}

// spanishLetterSyllables are the syllables of the names of consonants, for
// initials with no vowel (VIH has one; NCCAOM is read as a word): be, ce,
// de, e-fe, ge, ha-che, jo-ta, ka, e-le, e-me, e-ne, e-ñe, pe, cu, e-rre,
// e-se, te, ve, do-ble ve, e-quis, ye, ze-ta.
var spanishLetterSyllables = map[rune]int{
	'b': 1, 'c': 1, 'd': 1, 'f': 2, 'g': 1, 'h': 2, 'j': 2, 'k': 1, 'l': 2, 'm': 2, 'n': 2, 'ñ': 2,
	'p': 1, 'q': 1, 'r': 2, 's': 2, 't': 1, 'v': 1, 'w': 3, 'x': 2, 'y': 1, 'z': 2,
}

// spanishSyllables counts the syllables of a Spanish word, as written:
// parts joined by hyphens or slashes count one by one, numbers by the
// names of their digits, and capitals with no vowel (RMN, PDF) by the
// names of their letters. Capitals with a vowel count as a word (OTAN,
// o-tan), which under-counts initials read letter by letter (VIH).
func spanishSyllables(word string) int {
	n := 0
	for _, part := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '/' || r == '–' }) {
		var letters strings.Builder
		for _, r := range part {
			switch {
			case r >= '0' && r <= '9':
				n += spanishDigitSyllables[r-'0']
			case unicode.IsLetter(r):
				letters.WriteRune(r)
			}
		}
		w := letters.String()
		if w == "" {
			continue
		}
		if lower := strings.ToLower(w); len([]rune(w)) > 1 && w == strings.ToUpper(w) && !strings.ContainsAny(lower, "aeiouáéíóúü") {
			for _, r := range lower {
				n += max(spanishLetterSyllables[r], 1)
			}
			continue
		}
		n += spanishWordSyllables(strings.ToLower(w))
	}
	return max(n, 1)
}

// spanishWordSyllables counts the syllables of a lower-case Spanish word by
// its vowels, as Spanish spelling shows them:
//   - a, e, o and the accented vowels (á é í ó ú) are strong; i, u and ü are
//     weak. Two strong vowels side by side are two syllables (le-er, po-e-ta,
//     a-é-re-o), and an accent on i or u splits it from its neighbour (dí-a,
//     pa-ís, re-ú-ne, o-í-a): that is a hiatus.
//   - A weak vowel beside another vowel shares its syllable: a diphthong
//     (bien, cau-sa, ciu-dad, cui-da-do), or a triphthong (buey,
//     a-ve-ri-guáis).
//   - u is silent in que, qui, gue and gui (que-so, gui-ta-rra, guí-a), and
//     said in güe and güi (pin-güi-no).
//   - y is a vowel alone (y) and at the end of a word after a vowel, where it
//     joins the diphthong (hoy, muy, ley); elsewhere it is a consonant
//     (a-yu-da, yo-ga).
//   - h is a consonant for counting (a-ho-ra, pro-hí-be).
func spanishWordSyllables(w string) int {
	rs := []rune(w)
	n := len(rs)
	kind := make([]byte, n) // 's' strong vowel, 'w' weak vowel, 0 not a vowel
	for i, r := range rs {
		switch r {
		case 'a', 'e', 'o', 'á', 'é', 'í', 'ó', 'ú':
			kind[i] = 's'
		case 'i', 'ü':
			kind[i] = 'w'
		case 'u':
			silent := i > 0 && (rs[i-1] == 'q' || rs[i-1] == 'g') && i+1 < n && strings.ContainsRune("eéií", rs[i+1])
			if !silent {
				kind[i] = 'w'
			}
		case 'y':
			if n == 1 || i == n-1 && i > 0 && kind[i-1] != 0 {
				kind[i] = 'w'
			}
		}
	}
	count := 0
	for i := range n {
		switch {
		case kind[i] == 0:
		case i == 0 || kind[i-1] == 0:
			count++ // the first vowel of a group
		case kind[i] == 's' && kind[i-1] == 's':
			count++ // hiatus
		}
	}
	// A word with no vowel at all (an interjection, a stray letter) still
	// takes a breath.
	return max(count, 1)
}
