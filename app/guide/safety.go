package guide

// The safety rules live here and nowhere else. Content may reword the safety
// questions but cannot remove them, remove one of their options, or change the
// level an answer raises the outcome to: New refuses such content.

// Level is how urgent the visitor's next step is. Higher is more urgent.
type Level int

const (
	// Routine: none of the warning or caution answers apply.
	Routine Level = iota
	// Caution: acupuncture may be possible, but the practitioner must know first.
	Caution
	// Urgent: see a doctor today or call the urgent line.
	Urgent
	// Emergency: call the emergency number now.
	Emergency
)

// String returns the level's name as used in CSS classes and tests.
func (l Level) String() string {
	switch l {
	case Emergency:
		return "emergency"
	case Urgent:
		return "urgent"
	case Caution:
		return "caution"
	default:
		return "routine"
	}
}

// The ids of the safety questions and of their shared answers.
const (
	EmergencyQuestion = "emergency"
	UrgentQuestion    = "urgent"
	CautionsQuestion  = "cautions"
	NotSure           = "not-sure"
	None              = "none"
)

// safetyRule says what the answers to one safety question raise the outcome
// to. Every option but None raises it to Level unless Raise says otherwise;
// Required lists the options content must keep.
type safetyRule struct {
	Level    Level
	Raise    map[string]Level
	Required []string
	// Notes reports whether every raising option must carry a caution note
	// (cautions) rather than a reason (emergency and urgent signs).
	Notes bool
}

// safetyRules are the guide's fixed safety rules, keyed by question id.
var safetyRules = map[string]safetyRule{
	EmergencyQuestion: {
		Level: Emergency,
		// Not being sure about an emergency sign is never treated as "no".
		Raise:    map[string]Level{NotSure: Urgent},
		Required: []string{"saddle-numbness", "bladder-bowel", "both-legs", "serious-injury", "chest-pain", NotSure, None},
	},
	UrgentQuestion: {
		Level:    Urgent,
		Required: []string{"fever", "weight-loss", "cancer", "night-pain", "lump", "unwell-upper", NotSure, None},
	},
	CautionsQuestion: {
		Level: Caution,
		// A weakened immune system is also a warning sign for infection in the
		// spine, so it needs a doctor's check as well as the caution note.
		Raise:    map[string]Level{"weak-immune": Urgent},
		Required: []string{"pregnancy", "bleeding-disorder", "blood-thinners", "pacemaker", "skin-infection", "weak-immune", "needle-fear", NotSure, None},
		Notes:    true,
	},
}

// levelOf returns the level an answer raises the outcome to.
func levelOf(question, option string) Level {
	rule, ok := safetyRules[question]
	if !ok || option == None {
		return Routine
	}
	if l, ok := rule.Raise[option]; ok {
		return l
	}
	return rule.Level
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

// bookingFor returns how booking shows for an outcome level. Booking never
// outranks a warning sign.
func bookingFor(l Level) BookingMode {
	switch l {
	case Emergency:
		return BookingHidden
	case Urgent:
		return BookingSecondary
	default:
		return BookingPrimary
	}
}
