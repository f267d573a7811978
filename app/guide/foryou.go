package guide

// MaxForYou is the most sections a result recommends reading in full.
const MaxForYou = 3

// ForYouWords bounds how many words the sections a result recommends
// reading in full may have together (Section.Words), so that on a phone
// they fit a few screens with the outcome above them. The first recommended
// section is shown whatever its length.
const ForYouWords = 300

// topic is what a section's condition is about, for choosing the sections
// a result recommends.
type topic int

const (
	// topicPain: the kind of back pain.
	topicPain topic = iota
	// topicDuration: how long the pain has lasted.
	topicDuration
	// topicHealth: the visitor's health and what the practitioner must
	// know, such as a caution or the health history (any safety question
	// besides pain and duration).
	topicHealth
	// topicLife: anything else, such as what is going on in the visitor's
	// life.
	topicLife
	numTopics
)

// topics lists the topics in the order the recommended sections cover
// them: the kind of pain, how long it has lasted, then the visitor's
// strongest other answer, a caution or health matter before a factor in
// their life.
var topics = [numTopics]topic{topicPain, topicDuration, topicHealth, topicLife}

// topicOf returns what a condition on question is about.
func topicOf(question string) topic {
	switch question {
	case PainQuestion:
		return topicPain
	case DurationQuestion:
		return topicDuration
	}
	if _, ok := safetyRules[question]; ok {
		return topicHealth
	}
	return topicLife
}

// about reports whether a condition of s is about t.
func about(s *Section, t topic) bool {
	for _, c := range s.For {
		if topicOf(c.Question) == t {
			return true
		}
	}
	return false
}

// recommend splits matched, the sections that fit the visitor (most
// specific first), into those to read first and the rest, each in the order
// of matched. It recommends the sections most specific to the visitor's
// answers, taken in this order:
//
//  1. sections with more than one condition, which fit several answers at once;
//  2. then one section for each topic not yet covered, in the order of
//     topics: the kind of pain, how long it has lasted, then a caution or
//     health matter, else a factor in the visitor's life (the first in
//     matched order, which is content order);
//  3. then, while there is room, the other sections with conditions:
//     health matters first, then the rest.
//
// It takes at most MaxForYou of them, and stops before the first that
// would bring their words above ForYouWords; the first is always taken.
// A section for everyone is never recommended, unless no section with
// conditions matched: then the first sections for everyone are, within
// the same bounds.
func recommend(matched []*Section) (forYou, more []*Section) {
	var chosen [MaxForYou]int
	n := 0
	// full is set once a section did not fit the words left: nothing after
	// it is taken, so the sections recommended are always the most
	// specific ones, never a shorter, less specific one in their place.
	full := false
	words := 0
	taken := func(i int) bool {
		for _, j := range chosen[:n] {
			if j == i {
				return true
			}
		}
		return false
	}
	var covered [numTopics]bool
	take := func(i int) {
		if full || n > 0 && words+matched[i].Words > ForYouWords {
			full = true
			return
		}
		words += matched[i].Words
		chosen[n] = i
		n++
		for _, c := range matched[i].For {
			covered[topicOf(c.Question)] = true
		}
	}
	room := func() bool { return n < MaxForYou && !full }
	for i, s := range matched {
		if room() && len(s.For) > 1 {
			take(i)
		}
	}
	for _, t := range topics {
		if !room() || covered[t] {
			continue
		}
		for i, s := range matched {
			if !taken(i) && about(s, t) {
				take(i)
				break
			}
		}
	}
	for _, healthOnly := range []bool{true, false} {
		for i, s := range matched {
			if room() && !taken(i) && len(s.For) > 0 && (!healthOnly || about(s, topicHealth)) {
				take(i)
			}
		}
	}
	if n == 0 {
		// Only sections for everyone matched.
		for i := range matched {
			if room() {
				take(i)
			}
		}
	}
	for i, s := range matched {
		if taken(i) {
			forYou = append(forYou, s)
		} else {
			more = append(more, s)
		}
	}
	return forYou, more
}
