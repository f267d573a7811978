package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"symptomguide/app/guide"
)

// TestDarkPalette_Clinics checks that the dark palettes derived from the
// demo clinic's and the US example's colours pass every contrast check,
// that the emergency and urgent cards' fixed colours keep AA in both
// palettes, and that dark mode changes the page's colours.
func TestDarkPalette_Clinics(t *testing.T) {
	for _, file := range []string{filepath.Join("..", "..", "content", "clinic.yaml"), filepath.Join("..", "..", "examples", "us-clinic", "clinic.yaml")} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var f clinicFile
		var ps Problems
		doc, ok := decodeYAML("clinic.yaml", 0, src, &f, &ps)
		if !ok {
			t.Fatalf("%s: %v", file, ps)
		}
		c := coloursOf(f)
		checkColours("clinic.yaml", doc, c, &ps)
		if len(ps) > 0 {
			t.Errorf("%s: got problems %v, want none", file, ps)
		}
		light, dark := lightPalette(c), darkPalette(c)
		if luminance(dark.Background) > 0.05 || luminance(dark.Text) < 0.7 {
			t.Errorf("%s: dark palette %+v is not dark", file, dark)
		}
		if dark.Brand == light.Brand && contrast(light.Brand, dark.Background) < 4.5 {
			t.Errorf("%s: dark brand %s not lightened", file, dark.Brand)
		}
		// The cards' own colours (guide.css): white on emergency red,
		// near-black on urgent yellow, and the ink fills, in both themes.
		for _, p := range []palette{light, dark} {
			for _, pair := range [][2]string{{"#ffffff", "#c4281a"}, {"#0b0c0c", "#ffdd00"}, {p.OnInk, p.Ink}, {p.Text, p.Background}, {p.Muted, p.Background}} {
				if r := contrast(pair[0], pair[1]); r < 4.5 {
					t.Errorf("%s: %s on %s has contrast %.2f", file, pair[0], pair[1], r)
				}
			}
			// The emergency card's red edge and the urgent card's edge
			// stand out from the page (WCAG 1.4.11: 3:1).
			for _, edge := range []string{"#c4281a", p.Ink} {
				if r := contrast(edge, p.Background); r < 3 {
					t.Errorf("%s: card edge %s on %s has contrast %.2f, want 3:1", file, edge, p.Background, r)
				}
			}
		}
		css := string(paletteCSS(c))
		for _, want := range []string{"@media screen and (prefers-color-scheme: dark)", `:root:not([data-theme="light"])`, `:root[data-theme="dark"]`, "--brand: " + dark.Brand, "--background: " + dark.Background, "color-scheme: dark"} {
			if !strings.Contains(css, want) {
				t.Errorf("%s: clinic.css lacks %q:\n%s", file, want, css)
			}
		}
	}
}

// TestDarkPalette_Derived checks, for many random clinic colours that pass
// the light checks, that the derived dark palette passes too: a clinic is
// never refused for dark mode when its own colours are fine.
func TestDarkPalette_Derived(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 17))
	colour := func() string {
		return "#" + strings.Join([]string{hex2(r.IntN(256)), hex2(r.IntN(256)), hex2(r.IntN(256))}, "")
	}
	tried := 0
	for tried < 2000 {
		c := guide.Colours{Brand: colour(), OnBrand: "#ffffff", Background: mix("#ffffff", colour(), 0.05), Text: mix("#000000", colour(), 0.2)}
		if contrast(c.OnBrand, c.Brand) < 4.5 || contrast(c.Brand, c.Background) < 4.5 || contrast(c.Text, c.Background) < 4.5 {
			continue
		}
		tried++
		var ps Problems
		checkDarkPalette("clinic.yaml", &yamlDoc{}, darkPalette(c), &ps)
		if len(ps) > 0 {
			t.Fatalf("colours %+v: dark palette %+v: %v", c, darkPalette(c), ps)
		}
	}
}

// TestCheckDarkPalette_Line checks that a failing dark palette is reported
// on the clinic.yaml line of the colour it comes from.
func TestCheckDarkPalette_Line(t *testing.T) {
	src := "colours:\n  brand: \"#1d5c4d\"\n  on_brand: \"#ffffff\"\n  background: \"#ffffff\"\n  text: \"#1b1f23\"\n"
	var f clinicFile
	var ps Problems
	doc, ok := decodeYAML("clinic.yaml", 0, []byte(src), &f, &ps)
	if !ok {
		t.Fatal(ps)
	}
	d := darkPalette(coloursOf(f))
	d.Brand = "#1d5c4d" // not lightened: too dark on the dark background
	d.Muted = d.Surface
	checkDarkPalette("clinic.yaml", doc, d, &ps)
	lines := map[string]int{}
	for _, p := range ps {
		if !strings.Contains(p.Msg, "in dark mode") || !strings.Contains(p.Msg, "WCAG AA") {
			t.Errorf("got message %q", p.Msg)
		}
		lines[p.Field] = p.Line
	}
	if lines["colours.brand"] != 2 || lines["colours.background"] != 4 {
		t.Errorf("got problems %v, want colours.brand on line 2 and colours.background on line 4", ps)
	}
}

func hex2(v int) string { return string("0123456789abcdef"[v>>4]) + string("0123456789abcdef"[v&15]) }
