package guide_test

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"symptomguide/app/guide"
)

// TestNormalize checks the rules Normalize applies to raw answers.
func TestNormalize(t *testing.T) {
	g := mustGuide(t)
	tests := []struct {
		name string
		a    guide.Answers
		want guide.Answers
	}{
		{
			name: "ExclusiveLosesToConcreteAnswer",
			a:    guide.Answers{"pain": {"not-sure", "sciatica"}},
			want: guide.Answers{"pain": {"sciatica"}},
		},
		{
			name: "NoneLosesToWarningSign",
			a:    guide.Answers{guide.EmergencyQuestion: {"none", "chest-pain"}},
			want: guide.Answers{guide.EmergencyQuestion: {"chest-pain"}},
		},
		{
			name: "NoneLosesToNotSure",
			a:    guide.Answers{guide.UrgentQuestion: {"none", "not-sure"}},
			want: guide.Answers{guide.UrgentQuestion: {"not-sure"}},
		},
		{
			name: "ExclusiveAloneKept",
			a:    guide.Answers{guide.CautionsQuestion: {"none"}},
			want: guide.Answers{guide.CautionsQuestion: {"none"}},
		},
		{
			name: "RadioKeepsFirstInContentOrder",
			a:    guide.Answers{"duration": {"chronic", "acute"}},
			want: guide.Answers{"duration": {"acute"}},
		},
		{
			name: "UnknownOptionDropped",
			a:    guide.Answers{"pain": {"knee", "lower-back"}},
			want: guide.Answers{"pain": {"lower-back"}},
		},
		{
			name: "OnlyUnknownOptionsDropsQuestion",
			a:    guide.Answers{"pain": {"knee"}, "duration": {"acute"}},
			want: guide.Answers{"duration": {"acute"}},
		},
		{
			name: "UnknownQuestionDropped",
			a:    guide.Answers{"next": {"urgent"}, "duration": {"acute"}},
			want: guide.Answers{"duration": {"acute"}},
		},
		{
			name: "OptionOfAnotherQuestionDropped",
			a:    guide.Answers{"duration": {"fever", "weeks"}},
			want: guide.Answers{"duration": {"weeks"}},
		},
		{
			name: "Deduplicated",
			a:    guide.Answers{"pain": {"lower-back", "sciatica", "lower-back"}, guide.UrgentQuestion: {"none", "none"}},
			want: guide.Answers{"pain": {"lower-back", "sciatica"}, guide.UrgentQuestion: {"none"}},
		},
		{
			name: "ContentOrder",
			a:    guide.Answers{"factors": {"strain", "stress", "desk"}},
			want: guide.Answers{"factors": {"stress", "desk", "strain"}},
		},
		{
			name: "EmptyListDropped",
			a:    guide.Answers{"pain": {}, "duration": nil},
			want: guide.Answers{},
		},
		{
			name: "Empty",
			a:    nil,
			want: guide.Answers{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.a.Clone()
			got := g.Normalize(tt.a)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Normalize(%v): got %v, want %v", tt.a, got, tt.want)
			}
			if tt.a != nil && !reflect.DeepEqual(tt.a, before) {
				t.Errorf("Normalize changed its argument: got %v, want %v", tt.a, before)
			}
			if again := g.Normalize(got); !reflect.DeepEqual(again, got) {
				t.Errorf("Normalize(Normalize(%v)): got %v, want %v", tt.a, again, got)
			}
		})
	}
}

// TestEncodeDecode checks that answers survive a trip through a URL query.
func TestEncodeDecode(t *testing.T) {
	g := mustGuide(t)
	tests := []guide.Answers{
		{},
		{"pain": {"lower-back"}},
		{"pain": {"sciatica", "lower-back"}, "duration": {"chronic"}},
		{
			"pain":                  {"upper-back", "tension"},
			"duration":              {"weeks"},
			guide.EmergencyQuestion: {"none"},
			guide.UrgentQuestion:    {"not-sure", "fever"},
			"factors":               {"desk", "screens"},
			guide.CautionsQuestion:  {"pregnancy", "needle-fear"},
		},
		{"pain": {"not-sure", "disc"}, "duration": {"acute", "chronic"}, "next": {"x"}},
	}
	for _, a := range tests {
		q := g.Encode(a).Encode()
		v, err := url.ParseQuery(q)
		if err != nil {
			t.Fatalf("url.ParseQuery(%q): %v", q, err)
		}
		got := g.Decode(v)
		if want := g.Normalize(a); !reflect.DeepEqual(got, want) {
			t.Errorf("Decode(Encode(%v)): got %v, want %v", a, got, want)
		}
	}
}

// TestDecode reads queries as a browser sends them, including values that
// are not answers, which it drops.
func TestDecode(t *testing.T) {
	g := mustGuide(t)
	tests := []struct {
		name  string
		query string
		want  guide.Answers
	}{
		{
			name:  "FormQuery",
			query: "pain=lower-back&pain=sciatica&duration=acute&emergency=none",
			want:  guide.Answers{"pain": {"lower-back", "sciatica"}, "duration": {"acute"}, guide.EmergencyQuestion: {"none"}},
		},
		{
			name:  "NavigationParametersIgnored",
			query: "next=urgent&change=pain&wasm=1&duration=weeks",
			want:  guide.Answers{"duration": {"weeks"}},
		},
		{
			name:  "UnknownOption",
			query: "pain=knee&duration=acute",
			want:  guide.Answers{"duration": {"acute"}},
		},
		{
			name:  "OverlongValue",
			query: "pain=" + strings.Repeat("a", 65) + "&pain=disc",
			want:  guide.Answers{"pain": {"disc"}},
		},
		{
			name:  "InvalidUTF8",
			query: "urgent=%FF&urgent=fever",
			want:  guide.Answers{guide.UrgentQuestion: {"fever"}},
		},
		{
			name:  "EveryBadValueDropped",
			query: "pain=knee&factors=%C3%28&cautions=x",
			want:  guide.Answers{},
		},
		{
			name:  "Empty",
			query: "pain=",
			want:  guide.Answers{},
		},
		{
			name:  "Normalized",
			query: "pain=sciatica&pain=lower-back&pain=sciatica&emergency=none&emergency=chest-pain",
			want:  guide.Answers{"pain": {"lower-back", "sciatica"}, guide.EmergencyQuestion: {"chest-pain"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatalf("url.ParseQuery(%q): %v", tt.query, err)
			}
			if got := g.Decode(v); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Decode(%q): got %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

// FuzzDecode checks that Decode accepts any query without panicking and
// that what it returns survives a trip through Encode unchanged.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		"",
		"pain=lower-back&pain=sciatica&duration=acute",
		"emergency=none&emergency=chest-pain&urgent=not-sure",
		"pain=not-sure&pain=disc&duration=chronic&duration=acute&next=urgent",
		"cautions=weak-immune&factors=none&factors=desk&pain=%FF&urgent=" + strings.Repeat("x", 70),
		"pain=knee&pain=lower-back&pain=lower-back",
	} {
		f.Add(seed)
	}
	g := mustGuide(f)
	f.Fuzz(func(t *testing.T, query string) {
		v, err := url.ParseQuery(query)
		if err != nil {
			t.Skip()
		}
		a := g.Decode(v)
		if again := g.Decode(g.Encode(a)); !reflect.DeepEqual(again, a) {
			t.Fatalf("Decode(Encode(%v)) from %q: got %v, want %v", a, query, again, a)
		}
	})
}
