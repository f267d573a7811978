package guide

// The safety rules live here and nowhere else. Content may reword the safety
// questions but cannot remove them, remove one of their options, or change the
// level an answer raises the outcome to: New refuses such content.
//
// Every sign names the guideline it comes from. content/SAFETY.md is the
// table of signs, levels and sources for clinic staff; TestSafetyTable keeps
// it in step with these rules.

// Level is how urgent the visitor's next step is. Higher is more urgent.
type Level int

const (
	// Routine: none of the warning or caution answers apply.
	Routine Level = iota
	// Caution: acupuncture may be possible, but the practitioner must know first.
	Caution
	// Soon: see a GP (primary care doctor) in the next few days, before
	// trying acupuncture.
	Soon
	// Urgent: see a doctor today or call the urgent line.
	Urgent
	// Emergency: call the emergency number now.
	Emergency
)

// Levels lists every level, most urgent first.
var Levels = []Level{Emergency, Urgent, Soon, Caution, Routine}

// String returns the level's name as used in CSS classes and tests.
func (l Level) String() string {
	switch l {
	case Emergency:
		return "emergency"
	case Urgent:
		return "urgent"
	case Soon:
		return "soon"
	case Caution:
		return "caution"
	default:
		return "routine"
	}
}

// The ids of the questions the safety rules read, and of shared answers.
const (
	AgeQuestion       = "age"
	PainQuestion      = "pain"
	DurationQuestion  = "duration"
	EmergencyQuestion = "emergency"
	UrgentQuestion    = "urgent"
	HistoryQuestion   = "history"
	CautionsQuestion  = "cautions"
	NotSure           = "not-sure"
	None              = "none"
	// Under16 is the age answer that ends the guide: it is for adults.
	Under16 = "under-16"
)

// newPain holds when the back pain began in the last 12 weeks, or the
// visitor is not sure when it began (not being sure never lowers the level).
var newPain = &Condition{Question: DurationQuestion, Options: []string{"acute", "weeks", NotSure}}

// sign is what one answer to a safety question means.
type sign struct {
	// Level is what the answer raises the outcome to.
	Level Level
	// When, if set, must hold as well for the answer to raise the outcome.
	When *Condition
	// Underage ends the guide at a result for children: no booking.
	Underage bool
	// Source is the key of the guideline in sources; Where is the list or
	// passage in it.
	Source, Where string
}

// safetyRule says what the answers to one question mean for safety.
type safetyRule struct {
	// Kind is how the question must be answered.
	Kind Kind
	// Signs are the answers that raise the outcome, by option id.
	Signs map[string]sign
	// Keep lists answers that raise nothing but that content must keep,
	// because a sign's condition or the flow reads them.
	Keep []string
	// Notes reports whether every answer but None must carry a caution note
	// (cautions) rather than only a reason (warning signs).
	Notes bool
}

// Where in each guideline a sign is listed.
const (
	nhs999    = `"Call 999 or go to A&E" list`
	nhs111    = `"Ask for an urgent GP appointment or call 111" list`
	cksCauda  = "red flags: cauda equina syndrome"
	cksFract  = "red flags: spinal fracture"
	cksCancer = "red flags: cancer"
	cksInfect = "red flags: infection"
)

// safetyRules are the guide's fixed safety rules, keyed by question id.
var safetyRules = map[string]safetyRule{
	AgeQuestion: {
		Kind: Radios,
		Signs: map[string]sign{
			Under16:   {Level: Soon, Underage: true, Source: "nice-ng59", Where: "scope: people aged 16 and over"},
			"16-19":   {Level: Soon, When: newPain, Source: "nice-cks-lbp", Where: cksCancer + " (new back pain under 20)"},
			"50-plus": {Level: Soon, When: newPain, Source: "nice-cks-lbp", Where: cksCancer + " (new back pain at 50 or over)"},
		},
		Keep: []string{"20-49"},
	},
	PainQuestion: {
		Kind: Checkboxes,
		Signs: map[string]sign{
			"upper-back": {Level: Urgent, Source: "nhs-back-pain", Where: nhs111 + " (pain in the top of the back)"},
		},
	},
	DurationQuestion: {
		Kind: Radios,
		Keep: []string{"acute", "weeks", "chronic", NotSure},
	},
	EmergencyQuestion: {
		Kind: Checkboxes,
		Signs: map[string]sign{
			"saddle-numbness": {Level: Emergency, Source: "nhs-back-pain", Where: nhs999},
			"bladder-bowel":   {Level: Emergency, Source: "nhs-back-pain", Where: nhs999},
			"both-legs":       {Level: Emergency, Source: "nhs-back-pain", Where: nhs999},
			"walking":         {Level: Emergency, Source: "nice-cks-sciatica", Where: cksCauda + " (gait disturbance)"},
			"sexual":          {Level: Emergency, Source: "nhs-cauda-equina", Where: "symptoms (sexual problems)"},
			"serious-injury":  {Level: Emergency, Source: "nhs-back-pain", Where: nhs999},
			"chest-pain":      {Level: Emergency, Source: "nhs-back-pain", Where: nhs999},
			"tummy-pain":      {Level: Emergency, Source: "nhs-aaa", Where: "symptoms of a ruptured aneurysm"},
			// Not being sure about an emergency sign is never treated as "no".
			NotSure: {Level: Urgent, Source: "domain", Where: "not sure is never no"},
		},
		Keep: []string{None},
	},
	UrgentQuestion: {
		Kind: Checkboxes,
		Signs: map[string]sign{
			"fever":          {Level: Urgent, Source: "nhs-back-pain", Where: nhs111},
			"weight-loss":    {Level: Urgent, Source: "nhs-back-pain", Where: nhs111},
			"lump":           {Level: Urgent, Source: "nhs-back-pain", Where: nhs111},
			"night-pain":     {Level: Urgent, Source: "nhs-back-pain", Where: nhs111},
			"cough-sneeze":   {Level: Urgent, Source: "nhs-back-pain", Where: nhs111},
			"one-leg":        {Level: Urgent, Source: "nice-cks-sciatica", Where: "progressive neurological deficit: same-day assessment"},
			"severe-central": {Level: Urgent, Source: "nice-cks-lbp", Where: cksFract + " (sudden severe central pain eased by lying down)"},
			NotSure:          {Level: Urgent, Source: "domain", Where: "not sure is never no"},
		},
		Keep: []string{None},
	},
	HistoryQuestion: {
		Kind: Checkboxes,
		Signs: map[string]sign{
			// NICE NG234 asks for contact within 24 hours for people with
			// cancer and spinal pain of a worrying kind; the guide cannot
			// tell the kinds apart, so any back pain after cancer is urgent.
			"cancer":            {Level: Urgent, Source: "nice-ng234", Where: "recognising spinal metastases (contact within 24 hours)"},
			"injecting-drugs":   {Level: Urgent, Source: "nice-cks-lbp", Where: cksInfect},
			"recent-infection":  {Level: Urgent, Source: "nice-cks-lbp", Where: cksInfect},
			"spine-procedure":   {Level: Urgent, Source: "nice-cks-lbp", Where: cksInfect},
			"osteoporosis-fall": {Level: Soon, Source: "nice-cks-lbp", Where: cksFract + " (minor fall or lifting with osteoporosis or steroids)"},
			"inflammatory":      {Level: Soon, Source: "nice-ng65", Where: "recognition and referral of axial spondyloarthritis"},
			"not-checked":       {Level: Soon, Source: "nice-cks-lbp", Where: cksCancer + " (no improvement after 4 to 6 weeks)"},
			// Not sure of one's history: a GP can look at the records.
			NotSure: {Level: Soon, Source: "domain", Where: "not sure is never no"},
		},
		Keep: []string{None},
	},
	CautionsQuestion: {
		Kind: Checkboxes,
		Signs: map[string]sign{
			"pregnancy":         {Level: Caution, Source: "nhs-acupuncture", Where: "who acupuncture may not be suitable for"},
			"bleeding-disorder": {Level: Caution, Source: "nhs-acupuncture", Where: "who acupuncture may not be suitable for"},
			"blood-thinners":    {Level: Caution, Source: "nhs-acupuncture", Where: "who acupuncture may not be suitable for"},
			"pacemaker":         {Level: Caution, Source: "bacc-safe-practice", Where: "electroacupuncture and implanted devices"},
			"skin-infection":    {Level: Caution, Source: "nhs-acupuncture", Where: "who acupuncture may not be suitable for"},
			// A weakened immune system is also a warning sign for infection
			// in the spine, so it needs a doctor's check as well as the note.
			"weak-immune": {Level: Urgent, Source: "nice-cks-lbp", Where: cksInfect + " (immunosuppression)"},
			"needle-fear": {Level: Caution, Source: "nhs-acupuncture", Where: "side effects (feeling faint)"},
			NotSure:       {Level: Caution, Source: "domain", Where: "not sure is never no"},
		},
		Keep:  []string{None},
		Notes: true,
	},
}

// sources are the guidelines the safety rules come from.
var sources = map[string]Source{
	"nhs-back-pain":      {Title: "NHS. Back pain. Accessed 2026-11-30.", URL: "https://www.nhs.uk/conditions/back-pain/"},
	"nhs-cauda-equina":   {Title: "NHS. Cauda equina syndrome. Accessed 2026-11-30.", URL: "https://www.nhs.uk/conditions/cauda-equina-syndrome/"},
	"nhs-aaa":            {Title: "NHS. Abdominal aortic aneurysm: symptoms. Accessed 2026-11-30.", URL: "https://www.nhs.uk/conditions/abdominal-aortic-aneurysm/symptoms/"},
	"nhs-acupuncture":    {Title: "NHS. Acupuncture. Accessed 2026-11-30.", URL: "https://www.nhs.uk/tests-and-treatments/acupuncture/"},
	"nice-cks-lbp":       {Title: "NICE Clinical Knowledge Summaries. Back pain - low (without radiculopathy): red flags. Accessed 2026-11-30.", URL: "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/"},
	"nice-cks-sciatica":  {Title: "NICE Clinical Knowledge Summaries. Sciatica (lumbar radiculopathy): red flags. Accessed 2026-11-30.", URL: "https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/"},
	"nice-ng59":          {Title: "NICE guideline NG59. Low back pain and sciatica in over 16s. 2016, updated 2020.", URL: "https://www.nice.org.uk/guidance/ng59"},
	"nice-ng65":          {Title: "NICE guideline NG65. Spondyloarthritis in over 16s: diagnosis and management. 2017.", URL: "https://www.nice.org.uk/guidance/ng65"},
	"nice-ng234":         {Title: "NICE guideline NG234. Spinal metastases and metastatic spinal cord compression. 2023.", URL: "https://www.nice.org.uk/guidance/ng234"},
	"bacc-safe-practice": {Title: "British Acupuncture Council. Code of safe practice. Accessed 2026-11-30.", URL: "https://acupuncture.org.uk/"},
	"domain":             {Title: "Symptom Guide safety rule: an answer of \"I'm not sure\" is never read as \"no\".", URL: ""},
}

// BookingMode says how the booking prompt shows on the result.
type BookingMode int

const (
	// BookingPrimary shows the booking prompt as the main next step.
	BookingPrimary BookingMode = iota
	// BookingSecondary shows it only below the care advice, clearly secondary.
	BookingSecondary
	// BookingHidden does not offer booking at all.
	BookingHidden
)

// bookingFor returns how booking shows for an outcome. Booking never
// outranks a warning sign, and children are never offered it.
func bookingFor(l Level, underage bool) BookingMode {
	switch {
	case underage || l == Emergency:
		return BookingHidden
	case l >= Soon:
		return BookingSecondary
	default:
		return BookingPrimary
	}
}

// SignCounts returns how many answers in the guide's content raise the
// outcome to each level (on their own, or with the condition they name).
func (g *Guide) SignCounts() map[Level]int {
	out := map[Level]int{}
	for _, s := range g.Signs() {
		out[s.Level]++
	}
	return out
}

// Sign is one safety rule as it applies to the guide's content: an answer,
// the level it raises the outcome to, and where the rule comes from.
type Sign struct {
	Question, Option, Label string
	Level                   Level
	// When is the condition that must hold as well, if any.
	When *Condition
	// Underage reports that the answer ends the guide for children.
	Underage bool
	Source   Source
	Where    string
}

// Signs returns every answer in the content that raises the outcome, in
// question and option order, for the table of rules clinic staff read
// (content/SAFETY.md).
func (g *Guide) Signs() []Sign {
	var out []Sign
	for _, q := range g.content.Questions {
		for _, o := range q.Options {
			s, ok := safetyRules[q.ID].Signs[o.ID]
			if !ok {
				continue
			}
			out = append(out, Sign{Question: q.ID, Option: o.ID, Label: o.Label, Level: s.Level, When: s.When,
				Underage: s.Underage, Source: sources[s.Source], Where: s.Where})
		}
	}
	return out
}
