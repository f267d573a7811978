// Package guide is the Symptom Guide engine: it takes a visitor's answers and
// returns the outcome, the reasons for it, the caution notes and the article
// sections that fit. It knows nothing of go-app, HTTP or Markdown; the content
// it works on is plain Go values produced at build time by cmd/guidec.
package guide

// Content is everything the guide shows, compiled from the clinic's content/
// folder. The content compiler generates one value of it in package guidedata.
type Content struct {
	Clinic    Clinic
	Questions []Question
	Articles  []Article
	Sections  []Section
	// Strings are the words of the pages, from content/strings/<lang>.yaml.
	Strings Strings
}

// Clinic holds the clinic's settings from content/clinic.yaml.
type Clinic struct {
	Name        string
	ShortName   string
	Description string
	Booking     Booking
	Emergency   Line
	Urgent      Line
	// Lang is the language of this content, such as en-GB.
	Lang string
	// Languages are every language the clinic offers, the default first;
	// the same in each language's content.
	Languages []string
	Colours   Colours
	Logo      string
}

// Booking is how a visitor books with the clinic.
type Booking struct {
	// URL is the booking page visitors open, in a new tab: the clinic's
	// booking.url with its fixed tag, if any, built at compile time. The
	// guide never adds anything to it.
	URL   string
	Label string
	Phone string
	// Provider is the booking service: jane, cliniko, calendly, cal.com,
	// acuity, or url for any other booking page.
	Provider string
}

// Line is a phone service, such as the emergency number or an urgent line.
type Line struct {
	Number  string
	Label   string
	Service string
	URL     string
}

// Colours are the clinic's brand colours as #rrggbb strings. The content
// compiler rejects a set that fails WCAG AA contrast.
type Colours struct {
	Brand      string
	OnBrand    string
	Background string
	Text       string
}

// Kind says how a question is answered.
type Kind int

const (
	// Radios questions take exactly one option.
	Radios Kind = iota
	// Checkboxes questions take one or more options.
	Checkboxes
)

// GoString writes the kind as its constant's name, for generated code.
func (k Kind) GoString() string {
	if k == Checkboxes {
		return "guide.Checkboxes"
	}
	return "guide.Radios"
}

// Question is one page of the guide.
type Question struct {
	ID      string
	Kind    Kind
	Title   string
	Hint    string
	Summary string
	Options []Option
}

// Option is one answer to a question.
type Option struct {
	ID    string
	Label string
	Hint  string
	// Exclusive options stand alone: ticking one clears the others.
	Exclusive bool
	// Reason is what the result says back when this answer raises the outcome.
	Reason string
	// Note is what a caution answer tells the visitor to do.
	Note string
}

// Article is the metadata of one Markdown file in content/articles.
type Article struct {
	Slug         string
	Title        string
	Description  string
	LastReviewed string
	NextReview   string
}

// Section is one part of an article, shown when its conditions hold.
type Section struct {
	ID string
	// Article is the index of the section's article in Content.Articles.
	Article int
	Title   string
	// Summary is one line about the section: the first sentence of its
	// first paragraph as plain text, or the first two when the first is
	// very short, written at build time.
	Summary string
	// HTML is the section's text, rendered and checked at build time.
	HTML string
	// Words is how many words the section's text has, counted at build
	// time; it bounds how much a result recommends reading in full.
	Words int
	// For lists conditions that must all hold; an empty list means everyone.
	For     []Condition
	Sources []Source
}

// Condition holds when the answer to Question includes any of Options.
type Condition struct {
	Question string
	Options  []string
}

// Source is a reference cited by a section.
type Source struct {
	Title string
	URL   string
}
