package main

import (
	"math"
	"strings"
	"testing"
)

// TestEnglishSyllables checks the syllable counter on words whose
// syllables are known, including those its rules exist for.
func TestEnglishSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"the", 1}, {"cat", 1}, {"make", 1}, {"makes", 1}, {"while", 1}, {"one", 1},
		{"table", 2}, {"muscles", 2}, {"people", 2}, {"centre", 2},
		{"causes", 2}, {"places", 2}, {"changes", 2}, {"pushes", 2},
		{"used", 1}, {"helped", 1}, {"needed", 2}, {"started", 2}, {"hundred", 2},
		{"being", 2}, {"going", 2}, {"trying", 2}, {"yes", 1}, {"beyond", 2}, {"daily", 2},
		{"trial", 2}, {"usual", 3}, {"quality", 3}, {"special", 2}, {"sciatica", 4},
		{"period", 3}, {"option", 2}, {"anxious", 2}, {"serious", 3}, {"quiet", 2},
		{"easier", 3}, {"anxiety", 4}, {"studies", 2}, {"patient", 2}, {"friend", 1},
		{"experience", 4}, {"video", 3}, {"area", 3}, {"idea", 3}, {"tea", 1},
		{"completely", 3}, {"management", 3}, {"careful", 2},
		{"acupuncture", 4}, {"practitioner", 4}, {"physiotherapist", 6}, {"osteoarthritis", 6},
		{"pneumothorax", 4}, {"generally", 4}, {"considered", 3}, {"appropriately", 5},
		{"qualified", 3}, {"sterile", 2},
		// Hyphens, numbers and initials.
		{"light-headed", 3}, {"single-use", 3}, {"2017", 4}, {"66,000", 5},
		{"NHS", 3}, {"GP", 2}, {"NICE", 1}, {"NG59", 4},
	}
	for _, tt := range tests {
		if got := englishSyllables(tt.word); got != tt.want {
			t.Errorf("englishSyllables(%q): got %d, want %d", tt.word, got, tt.want)
		}
	}
}

// TestFleschKincaid scores sentences whose counts were worked out by hand
// (words, sentences, syllables as a dictionary splits them) and checks the
// counts and the grade: 0.39 × words/sentences + 11.8 × syllables/words −
// 15.59.
func TestFleschKincaid(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		want  textCounts
		grade float64
	}{
		{
			name:  "OneShortSentence",
			body:  "The cat sat on the mat.",
			want:  textCounts{sentences: 1, words: 6, syllables: 6},
			grade: 0.39*6 + 11.8*6/6 - 15.59, // -1.45
		},
		{
			name:  "TwoSentences",
			body:  "Keep moving as much as you can. Try heat, such as a warm bath.",
			want:  textCounts{sentences: 2, words: 14, syllables: 15},
			grade: 0.39*14/2 + 11.8*15/14 - 15.59, // -0.22
		},
		{
			name: "LongWordsLongSentence",
			body: "Acupuncture is generally considered safe when performed by appropriately\n" +
				"qualified practitioners using sterile needles.",
			// ac-u-punc-ture is gen-er-al-ly con-sid-ered safe when per-formed by
			// ap-pro-pri-ate-ly qual-i-fied prac-ti-tion-ers us-ing ster-ile nee-dles
			want:  textCounts{sentences: 1, words: 14, syllables: 35},
			grade: 0.39*14 + 11.8*35/14 - 15.59, // 19.37
		},
		{
			name:  "ListItemsAreSentences",
			body:  "- Keep moving\n- Try heat\n",
			want:  textCounts{sentences: 2, words: 4, syllables: 5},
			grade: 0.39*4/2 + 11.8*5/4 - 15.59, // -0.06
		},
		{
			name: "HeadingsLabelsAndAddressesSkipped",
			body: "### Where acupuncture fits\n\n**What usually helps**\n\n" +
				"See the [NHS page](https://www.nhs.uk/conditions/back-pain/). Visit <https://www.nhs.uk/conditions/back-pain/>.\n\n" +
				"- [NHS. Back pain.](https://www.nhs.uk/conditions/back-pain/)\n" +
				"- [NICE. Low back pain and sciatica in over 16s.](https://www.nice.org.uk/guidance/ng59)\n",
			// see the en-aitch-ess page. vis-it.
			want:  textCounts{sentences: 2, words: 5, syllables: 8},
			grade: 0.39*5/2 + 11.8*8/5 - 15.59, // 4.26
		},
		{
			name:  "AbbreviationDoesNotEndASentence",
			body:  "Try heat, e.g. a warm bath.",
			want:  textCounts{sentences: 1, words: 6, syllables: 6},
			grade: 0.39*6 + 11.8*6/6 - 15.59,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := countText(readingUnits(tt.body), fleschKincaid.syllables)
			if got != tt.want {
				t.Errorf("counts of %q: got %+v, want %+v", tt.body, got, tt.want)
			}
			if g := fleschKincaid.score(got); math.Abs(g-tt.grade) > 0.005 {
				t.Errorf("grade of %q: got %.2f, want %.2f", tt.body, g, tt.grade)
			}
		})
	}
}

// TestFleschKincaid_Limit checks that a grade is too hard only when it
// shows, to one decimal place, above 8.
func TestFleschKincaid_Limit(t *testing.T) {
	for _, tt := range []struct {
		grade float64
		want  bool
	}{{7.9, false}, {8.0, false}, {8.04, false}, {8.05, true}, {9.3, true}} {
		if got := fleschKincaid.tooHard(tt.grade); got != tt.want {
			t.Errorf("tooHard(%v): got %v, want %v", tt.grade, got, tt.want)
		}
	}
}

// TestFormulaFor checks which languages have a reading formula.
func TestFormulaFor(t *testing.T) {
	for _, lang := range []string{"en", "en-GB", "en-US", "en-AU"} {
		if f, err := formulaFor(lang); err != nil || f.name != "Flesch-Kincaid" {
			t.Errorf("formulaFor(%q): got %q, %v, want Flesch-Kincaid", lang, f.name, err)
		}
	}
	for _, lang := range []string{"es", "es-US", "es-ES", "ES-mx"} {
		if f, err := formulaFor(lang); err != nil || f.name != szigrisztPazos.name {
			t.Errorf("formulaFor(%q): got %q, %v, want %s", lang, f.name, err, szigrisztPazos.name)
		}
	}
	for _, lang := range []string{"fr", "cy-GB", "pt-BR"} {
		_, err := formulaFor(lang)
		if err == nil {
			t.Errorf("formulaFor(%q): got no error, want one saying there is no formula", lang)
			continue
		}
		primary, _, _ := strings.Cut(lang, "-")
		if !strings.Contains(err.Error(), `"`+primary+`"`) {
			t.Errorf("formulaFor(%q): got %q, want it to name %q", lang, err, primary)
		}
	}
}

// TestReadingRange checks the summary's reading-grade range.
func TestReadingRange(t *testing.T) {
	tests := []struct {
		scores []float64
		want   string
	}{
		{nil, ""},
		{[]float64{6.8}, "reading grade 6.8 to 6.8 (median 6.8)"},
		{[]float64{7.9, 5.1, 6.8}, "reading grade 5.1 to 7.9 (median 6.8)"},
		{[]float64{7.9, 5.1, 6.8, 6.0}, "reading grade 5.1 to 7.9 (median 6.4)"},
	}
	for _, tt := range tests {
		if got := newReadingRange("reading grade", tt.scores).String(); got != tt.want {
			t.Errorf("newReadingRange(%v): got %q, want %q", tt.scores, got, tt.want)
		}
	}
}

// TestSpanishSyllables checks the Spanish syllable counter on words whose
// syllables are known, including those each of its rules exists for.
func TestSpanishSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		// Plain words.
		{"sol", 1}, {"casa", 2}, {"dolor", 2}, {"espalda", 3}, {"médico", 3}, {"columna", 3},
		{"acupuntura", 5}, {"acupunturista", 6}, {"articulaciones", 6},
		// Diphthongs and triphthongs: a weak vowel shares a syllable.
		{"bien", 1}, {"causa", 2}, {"ciudad", 2}, {"cuidado", 3}, {"fisioterapeuta", 6},
		{"neumotórax", 4}, {"inyección", 3}, {"buey", 1}, {"averiguáis", 4}, {"agua", 2},
		// Hiatus: two strong vowels, or an accented í or ú.
		{"leer", 2}, {"poeta", 3}, {"aéreo", 4}, {"día", 2}, {"país", 2}, {"río", 2},
		{"reúne", 3}, {"oía", 3}, {"leído", 3}, {"hormigueo", 4}, {"mareo", 3}, {"todavía", 4},
		// Silent u in que, qui, gue, gui; said in güe, güi.
		{"que", 1}, {"quiere", 2}, {"guerra", 2}, {"guía", 2}, {"seguir", 2}, {"pingüino", 3}, {"vergüenza", 3},
		// y: a vowel alone and at the end after a vowel; a consonant elsewhere.
		{"y", 1}, {"hoy", 1}, {"muy", 1}, {"ley", 1}, {"estoy", 2}, {"ayuda", 3}, {"yoga", 2}, {"mayo", 2},
		// h is a consonant.
		{"ahora", 3}, {"prohíbe", 3}, {"hinchazón", 3},
		// Capitals, initials, numbers, hyphens.
		{"Llame", 2}, {"OTAN", 2}, {"RMN", 6}, {"PDF", 4}, {"30", 3}, {"2017", 7}, {"6", 1},
		{"físico-químico", 6},
	}
	for _, tt := range tests {
		if got := spanishSyllables(tt.word); got != tt.want {
			t.Errorf("spanishSyllables(%q): got %d, want %d", tt.word, got, tt.want)
		}
	}
}

// TestSzigrisztPazos scores Spanish sentences whose counts were worked out
// by hand (syllables as a dictionary splits them) and checks the counts and
// the ease: 206.835 − 62.3 × syllables/words − words/sentences.
func TestSzigrisztPazos(t *testing.T) {
	tests := []struct {
		name string
		body string
		want textCounts
		ease float64
	}{
		{
			name: "ShortSentences",
			// Si-ga mo-vién-do-se. U-se ca-lor, co-mo u-na du-cha.
			body: "Siga moviéndose. Use calor, como una ducha.",
			want: textCounts{sentences: 2, words: 7, syllables: 16},
			ease: 206.835 - 62.3*16/7 - 7.0/2, // 60.93: normal
		},
		{
			name: "LongWordsLongSentence",
			// La a-cu-pun-tu-ra ge-ne-ral-men-te se con-si-de-ra se-gu-ra cuan-do la
			// re-a-li-zan pro-fe-sio-na-les de-bi-da-men-te cua-li-fi-ca-dos con a-gu-jas es-té-ri-les.
			body: "La acupuntura generalmente se considera segura cuando la realizan profesionales debidamente cualificados con agujas estériles.",
			want: textCounts{sentences: 1, words: 15, syllables: 49},
			ease: 206.835 - 62.3*49/15 - 15.0, // -11.68: very hard
		},
		{
			name: "QuestionsAndAbbreviations",
			// ¿Le due-le? Lla-me al mé-di-co en EE. UU. hoy mis-mo.
			body: "¿Le duele? Llame al médico en EE. UU. hoy mismo.",
			want: textCounts{sentences: 2, words: 10, syllables: 16},
			ease: 206.835 - 62.3*16/10 - 10.0/2, // 102.2: very easy
		},
		{
			name: "ListItemsAreSentences",
			// Ca-mi-ne un po-co. Es-tí-re-se.
			body: "- Camine un poco\n- Estírese\n",
			want: textCounts{sentences: 2, words: 4, syllables: 10},
			ease: 206.835 - 62.3*10/4 - 4.0/2, // 49.09
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := countText(readingUnits(tt.body), szigrisztPazos.syllables)
			if got != tt.want {
				t.Errorf("counts of %q: got %+v, want %+v", tt.body, got, tt.want)
			}
			if e := szigrisztPazos.score(got); math.Abs(e-tt.ease) > 0.005 {
				t.Errorf("ease of %q: got %.2f, want %.2f", tt.body, e, tt.ease)
			}
		})
	}
}

// TestSzigrisztPazos_Limit checks that an ease is too hard only when it
// shows, to one decimal place, below 55.
func TestSzigrisztPazos_Limit(t *testing.T) {
	for _, tt := range []struct {
		ease float64
		want bool
	}{{80, false}, {55.0, false}, {54.96, false}, {54.94, true}, {40, true}} {
		if got := szigrisztPazos.tooHard(tt.ease); got != tt.want {
			t.Errorf("tooHard(%v): got %v, want %v", tt.ease, got, tt.want)
		}
	}
}

// TestLangLine finds the line of clinic.yaml that names a language, so a
// language without a reading formula is reported there.
func TestLangLine(t *testing.T) {
	tests := []struct {
		src, lang string
		line      int
		field     string
	}{
		{"name: x\nlang: fr-FR\n", "fr-FR", 2, "lang"},
		{"name: x\nlanguages: [en-GB, fr-FR]\n", "fr-FR", 2, "languages"},
		{"name: x\nlanguages:\n  - en-GB\n  - fr-FR\ncountry: GB\n", "fr-FR", 4, "languages"},
		{"name: x\nlanguages:\n  - en-GB\ncountry: GB\n# - fr-FR\n", "fr-FR", 0, "lang"},
	}
	for _, tt := range tests {
		line, field := langLine([]byte(tt.src), tt.lang)
		if line != tt.line || field != tt.field {
			t.Errorf("langLine(%q, %s) = %d, %s; want %d, %s", tt.src, tt.lang, line, field, tt.line, tt.field)
		}
	}
}
