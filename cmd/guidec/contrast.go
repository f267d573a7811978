package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"symptomguide/app/guide"
)

// contrast returns the WCAG 2 contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance returns the WCAG 2 relative luminance of a #rrggbb colour.
func luminance(hex string) float64 {
	channel := func(s string) float64 {
		v, _ := strconv.ParseUint(s, 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(hex[1:3]) + 0.7152*channel(hex[3:5]) + 0.0722*channel(hex[5:7])
}

// mix returns a blended with b: share 0 is a, 1 is b.
func mix(a, b string, share float64) string {
	out := "#"
	for i := 1; i < 7; i += 2 {
		x, _ := strconv.ParseUint(a[i:i+2], 16, 8)
		y, _ := strconv.ParseUint(b[i:i+2], 16, 8)
		out += fmt.Sprintf("%02x", int(math.Round(float64(x)*(1-share)+float64(y)*share)))
	}
	return out
}

// palette is every colour guide.css reads from clinic.css, for one theme.
type palette struct {
	// The clinic's four colours, or in dark mode the ones derived from them.
	Brand, OnBrand, Background, Text string
	// Muted is secondary text (hints, captions); Surface the panels (the
	// booking box, notices); Warning the warning inset's background; Danger
	// error text; Border the rules between parts; Ink and OnInk the
	// high-contrast fills of the urgent and under-16 cards and buttons.
	Muted, Surface, Warning, Danger, Border, Ink, OnInk string
}

// lightPalette is the clinic's own colours with the guide's fixed ones.
func lightPalette(c guide.Colours) palette {
	return palette{
		Brand: c.Brand, OnBrand: c.OnBrand, Background: c.Background, Text: c.Text,
		Muted: "#505a5f", Surface: "#f3f2f1", Warning: "#fdf2f1", Danger: "#c4281a", Border: "#b1b4b6",
		Ink: "#0b0c0c", OnInk: "#ffffff",
	}
}

// maxLighten bounds how far the dark palette lightens the clinic's brand
// colour towards white, so it stays recognisably the clinic's.
const maxLighten = 0.6

// darkPalette derives the dark theme from the clinic's colours: the
// background is the clinic's text colour, darker; the text is its
// background colour; the brand is lightened (at most maxLighten towards
// white) until links keep a 4.5:1 contrast on the background and on panels;
// buttons put the dark background on the brand.
func darkPalette(c guide.Colours) palette {
	bg := mix(c.Text, "#000000", 0.4)
	if luminance(bg) > 0.02 {
		bg = "#121416"
	}
	text := mix(c.Background, bg, 0.06)
	if contrast(text, bg) < 7 {
		text = "#f3f2f1"
	}
	surface := mix(bg, text, 0.08)
	brand := c.Brand
	for step := 0.0; step <= maxLighten+1e-9; step += 0.02 {
		brand = mix(c.Brand, "#ffffff", step)
		if contrast(brand, surface) >= 4.6 {
			break
		}
	}
	return palette{
		Brand: brand, OnBrand: bg, Background: bg, Text: text,
		Muted: mix(text, bg, 0.25), Surface: surface, Warning: mix(bg, "#c4281a", 0.22), Danger: "#ff9b8f",
		Border: "#6f777b", Ink: text, OnInk: bg,
	}
}

// checkDarkColours checks that the dark palette derived from c keeps WCAG AA
// contrast, naming the line of the clinic colour each failing pair comes
// from.
func checkDarkColours(file string, doc *yamlDoc, c guide.Colours, ps *Problems) {
	checkDarkPalette(file, doc, darkPalette(c), ps)
}

// checkDarkPalette checks the contrast of the dark palette d.
func checkDarkPalette(file string, doc *yamlDoc, d palette, ps *Problems) {
	for _, p := range []struct{ path, fg, bg, what string }{
		{"colours.brand", d.OnBrand, d.Brand, "text on buttons (the dark background on the lightened brand)"},
		{"colours.brand", d.Brand, d.Background, "links (the lightened brand on the dark background)"},
		{"colours.brand", d.Brand, d.Surface, "links in panels (the lightened brand on the dark panels)"},
		{"colours.background", d.Text, d.Background, "text (the background colour on the dark background)"},
		{"colours.background", d.Muted, d.Surface, "hints (muted text on the dark panels)"},
		{"colours.background", d.Text, d.Warning, "warnings (text on the dark warning panel)"},
		{"colours.background", d.Danger, d.Background, "error messages"},
	} {
		if r := contrast(p.fg, p.bg); r < 4.5 {
			ps.Add(file, doc.line(p.path), p.path, "in dark mode, %s: %s on %s has a contrast of %.2f:1, below the 4.5:1 that WCAG AA needs: choose a colour that stays readable when lightened (dark mode derives its colours from this one)", p.what, p.fg, p.bg, r)
		}
	}
}

// paletteCSS writes the light palette as CSS custom properties, and the
// dark one for visitors whose system prefers it (unless the page says
// data-theme="light") or where the page says data-theme="dark"; on screen
// only, so a printed summary is always black on white.
func paletteCSS(c guide.Colours) []byte {
	vars := func(p palette, indent string) string {
		var b strings.Builder
		for _, v := range [][2]string{
			{"brand", p.Brand}, {"on-brand", p.OnBrand}, {"background", p.Background}, {"text", p.Text},
			{"muted", p.Muted}, {"surface", p.Surface}, {"warning", p.Warning}, {"danger", p.Danger},
			{"border", p.Border}, {"ink", p.Ink}, {"on-ink", p.OnInk},
		} {
			fmt.Fprintf(&b, "%s--%s: %s;\n", indent, v[0], v[1])
		}
		return b.String()
	}
	dark := darkPalette(c)
	return fmt.Appendf(nil, `/* Generated by cmd/guidec from content/clinic.yaml. DO NOT EDIT. */
:root {
%s  color-scheme: light;
}
@media screen and (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
%s    color-scheme: dark;
  }
}
@media screen {
  :root[data-theme="dark"] {
%s    color-scheme: dark;
  }
}
`, vars(lightPalette(c), "  "), vars(dark, "    "), vars(dark, "    "))
}
