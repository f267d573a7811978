package guide_test

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"

	"symptomguide/app/guide"
)

// vignette is one written case: a visitor's answers and the outcome the
// sources call for.
type vignette struct {
	Name    string         `yaml:"name"`
	Answers map[string]any `yaml:"answers"`
	Want    string         `yaml:"want"`
	Booking string         `yaml:"booking"`
	Source  string         `yaml:"source"`
}

// bookingNames are the booking modes as vignettes.yaml writes them.
var bookingNames = map[string]guide.BookingMode{
	"primary": guide.BookingPrimary, "secondary": guide.BookingSecondary, "hidden": guide.BookingHidden,
}

// TestVignettes evaluates every written case in testdata/vignettes.yaml and
// checks the outcome level (and booking, where the case gives it). Questions
// a case leaves out are answered "None of these" where the question has it.
func TestVignettes(t *testing.T) {
	g := mustGuide(t)
	src, err := os.ReadFile("testdata/vignettes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var vs []vignette
	if err := yaml.Unmarshal(src, &vs); err != nil {
		t.Fatalf("testdata/vignettes.yaml: %v", err)
	}
	if len(vs) < 30 {
		t.Fatalf("testdata/vignettes.yaml has %d cases, want at least 30", len(vs))
	}
	levels := map[string]guide.Level{}
	for _, l := range guide.Levels {
		levels[l.String()] = l
	}
	count := map[guide.Level]int{}
	for _, v := range vs {
		t.Run(v.Name, func(t *testing.T) {
			want, ok := levels[v.Want]
			if !ok || v.Source == "" {
				t.Fatalf("want %q is not a level, or the case has no source", v.Want)
			}
			count[want]++
			a := guide.Answers{}
			for _, q := range g.Questions() {
				if g.Known(q.ID, guide.None) {
					a[q.ID] = []string{guide.None}
				}
			}
			for q, val := range v.Answers {
				var opts []string
				switch x := val.(type) {
				case string:
					opts = []string{x}
				case []any:
					for _, o := range x {
						s, _ := o.(string)
						opts = append(opts, s)
					}
				}
				for _, o := range opts {
					if !g.Known(q, o) {
						t.Fatalf("%s=%s is not an answer in the content", q, o)
					}
				}
				a[q] = opts
			}
			r := g.Evaluate(a)
			if !g.Ready(a) {
				t.Errorf("Ready: got false, want a result for %v", a)
			}
			if r.Level != want {
				t.Errorf("level: got %v, want %v (%s)", r.Level, want, v.Source)
			}
			if v.Booking != "" && r.Booking != bookingNames[v.Booking] {
				t.Errorf("booking: got %d, want %s", r.Booking, v.Booking)
			}
		})
	}
	t.Logf("%d vignettes: %d emergency, %d urgent, %d soon, %d caution, %d routine", len(vs),
		count[guide.Emergency], count[guide.Urgent], count[guide.Soon], count[guide.Caution], count[guide.Routine])
}
