package guide

// Strings are the words of the guide's pages that are not questions or
// articles: headings, buttons, messages, the footer. They come from
// content/strings/<lang>.yaml, one key a field; the yaml tags are the keys.
//
// Clinic facts in a string ({clinic.name}, {gp}, {urgent.service}, ...) are
// filled in by the content compiler, like those in articles. A few strings
// also hold a parameter that only the page knows, such as the question
// number: its field's params tag names it, the string must use each one once
// as {name}, and the page fills it in at run time (ui.fill). Parameters have
// no dot and are never the name of a clinic fact.
type Strings struct {
	Common     CommonStrings    `yaml:"common"`
	Start      StartStrings     `yaml:"start"`
	Question   QuestionStrings  `yaml:"question"`
	Errors     ErrorStrings     `yaml:"errors"`
	Check      CheckStrings     `yaml:"check"`
	Result     ResultStrings    `yaml:"result"`
	Outcome    OutcomeStrings   `yaml:"outcome"`
	Why        WhyStrings       `yaml:"why"`
	Booking    BookingStrings   `yaml:"booking"`
	Print      PrintStrings     `yaml:"print"`
	Footer     FooterStrings    `yaml:"footer"`
	Update     UpdateStrings    `yaml:"update"`
	ErrorPages ErrorPageStrings `yaml:"error_pages"`
	Articles   ArticleStrings   `yaml:"articles"`
	Embed      EmbedStrings     `yaml:"embed"`
	JS         JSStrings        `yaml:"js"`
}

// CommonStrings are words used on several pages.
type CommonStrings struct {
	Back       string `yaml:"back"`
	NewTab     string `yaml:"new_tab"`
	SkipToMain string `yaml:"skip_to_main"`
	// TitleSuffix follows every page title.
	TitleSuffix string `yaml:"title_suffix"`
	// Language is the name of this language in its own words, such as
	// Español: the pages in the clinic's other languages link to this one
	// with it.
	Language string `yaml:"language"`
}

// StartStrings are the start page's words.
type StartStrings struct {
	Title         string   `yaml:"title"`
	Heading       string   `yaml:"heading"`
	Lead          string   `yaml:"lead"`
	FindOut       string   `yaml:"find_out"`
	FindOutItems  []string `yaml:"find_out_items"`
	Duration      string   `yaml:"duration" params:"n"`
	Button        string   `yaml:"button"`
	BeforeHeading string   `yaml:"before_heading"`
	Before        string   `yaml:"before"`
	Emergency     string   `yaml:"emergency" params:"link"`
	EmergencyLink string   `yaml:"emergency_link"`
}

// QuestionStrings are the question page's words.
type QuestionStrings struct {
	Counter  string `yaml:"counter" params:"n,total"`
	Continue string `yaml:"continue"`
	Or       string `yaml:"or"`
}

// ErrorStrings are the words of the form's error messages.
type ErrorStrings struct {
	Summary    string `yaml:"summary"`
	Prefix     string `yaml:"prefix"`
	SelectOne  string `yaml:"select_one"`
	SelectAll  string `yaml:"select_all" params:"label"`
	SelectSome string `yaml:"select_some"`
}

// CheckStrings are the check page's words.
type CheckStrings struct {
	Title       string `yaml:"title"`
	Heading     string `yaml:"heading"`
	NotAnswered string `yaml:"not_answered"`
	Answer      string `yaml:"answer"`
	Change      string `yaml:"change"`
	Lead        string `yaml:"lead"`
	Button      string `yaml:"button"`
}

// ResultStrings are the result page's words.
type ResultStrings struct {
	Title          string `yaml:"title"`
	MissingHeading string `yaml:"missing_heading"`
	MissingLead    string `yaml:"missing_lead"`
	MissingButton  string `yaml:"missing_button"`
	Print          string `yaml:"print"`
	Restart        string `yaml:"restart"`
	ForYouHeading  string `yaml:"for_you_heading"`
	MoreHeading    string `yaml:"more_heading"`
	LaterSummary   string `yaml:"later_summary"`
	LaterLead      string `yaml:"later_lead"`
}

// OutcomeStrings are the outcome card's words for each level.
type OutcomeStrings struct {
	Underage  OutcomeLevelStrings `yaml:"underage"`
	Emergency OutcomeLevelStrings `yaml:"emergency"`
	Urgent    OutcomeLevelStrings `yaml:"urgent"`
	Soon      OutcomeLevelStrings `yaml:"soon"`
	Caution   OutcomeLeadStrings  `yaml:"caution"`
	Routine   OutcomeLeadStrings  `yaml:"routine"`
	// UrgentOnline names the urgent service's web site.
	UrgentOnline string `yaml:"urgent_online"`
	// Worse tells the visitor which new signs mean calling the emergency
	// number; {link} is the link that calls it.
	Worse      string `yaml:"worse" params:"link"`
	WorseLink  string `yaml:"worse_link"`
	NotesLater string `yaml:"notes_later"`
	NotesFirst string `yaml:"notes_first"`
}

// OutcomeLevelStrings are the heading, lead and action of one level.
type OutcomeLevelStrings struct {
	Heading string `yaml:"heading"`
	Lead    string `yaml:"lead"`
	Action  string `yaml:"action"`
}

// OutcomeLeadStrings are the heading and lead of a level with no action
// apart from booking.
type OutcomeLeadStrings struct {
	Heading string `yaml:"heading"`
	Lead    string `yaml:"lead"`
}

// WhyStrings are the words of the "why this result" section.
type WhyStrings struct {
	Heading      string `yaml:"heading"`
	None         string `yaml:"none"`
	Practitioner string `yaml:"practitioner"`
	Source       string `yaml:"source"`
	// OwnRule follows Source for a reason that comes from the guide's own
	// safety rule rather than a guideline: an answer of "not sure" to a
	// safety question is never read as "no".
	OwnRule string `yaml:"own_rule"`
}

// BookingStrings are the booking prompt's words.
type BookingStrings struct {
	AfterHeading string `yaml:"after_heading"`
	AfterLead    string `yaml:"after_lead"`
	AfterLink    string `yaml:"after_link"`
	Heading      string `yaml:"heading"`
	Lead         string `yaml:"lead"`
	Call         string `yaml:"call" params:"phone"`
}

// PrintStrings are the printed summary's words.
type PrintStrings struct {
	Title        string `yaml:"title"`
	Why          string `yaml:"why"`
	None         string `yaml:"none"`
	Practitioner string `yaml:"practitioner"`
	Answers      string `yaml:"answers"`
	Read         string `yaml:"read"`
	ReadLater    string `yaml:"read_later"`
	Footer       string `yaml:"footer"`
	// Date is how the summary writes its date, from {day}, {month} (a
	// name from Months) and {year}.
	Date string `yaml:"date" params:"day,month,year"`
	// Months are the names of the months, January first: twelve of them.
	Months []string `yaml:"months"`
}

// FooterStrings are the words at the foot of every page.
type FooterStrings struct {
	Text string `yaml:"text"`
}

// UpdateStrings are the words of the notice that a new version is ready.
type UpdateStrings struct {
	Text   string `yaml:"text"`
	Reload string `yaml:"reload"`
}

// ErrorPageStrings are the headings of the error pages.
type ErrorPageStrings struct {
	NotFound    string `yaml:"not_found"`
	NotAllowed  string `yaml:"not_allowed"`
	TooLong     string `yaml:"too_long"`
	ServerError string `yaml:"server_error"`
	// StartLink is the link from an error page to the start page.
	StartLink string `yaml:"start_link"`
}

// ArticleStrings are the words of the article pages and of article sections
// shown on the result page.
type ArticleStrings struct {
	IndexTitle   string `yaml:"index_title"`
	IndexHeading string `yaml:"index_heading"`
	All          string `yaml:"all"`
	LastReviewed string `yaml:"last_reviewed" params:"date"`
	NextReview   string `yaml:"next_review" params:"date"`
	StartLead    string `yaml:"start_lead"`
	StartButton  string `yaml:"start_button"`
	Sources      string `yaml:"sources"`
	SourcesCount string `yaml:"sources_count" params:"n"`
	From         string `yaml:"from" params:"title,reviewed,next"`
	ReadWhole    string `yaml:"read_whole"`
}

// EmbedStrings are the words of the embed snippet.
type EmbedStrings struct {
	FrameTitle string `yaml:"frame_title"`
	// Close names the button that closes the guide when a clinic's page
	// opens it in a dialog (popup mode).
	Close string `yaml:"close"`
}

// JSStrings are the words guide.js shows before the app has loaded.
type JSStrings struct {
	Wait     string `yaml:"wait"`
	WaitNote string `yaml:"wait_note"`
	// NeedsJS is shown on a static host's question pages with JavaScript
	// off: the host cannot take the answers, so Continue is off.
	NeedsJS string `yaml:"needs_js"`
	// Loading is go-app's label while the app loads; go-app fills
	// {progress}.
	Loading string `yaml:"loading" params:"progress"`
}
