package site

import (
	"strings"
	"testing"
)

// TestStaticForm checks that a question page's Continue button is off and
// says why when scripts do not run, whatever the order of its attributes,
// and that other pages are left as they are.
func TestStaticForm(t *testing.T) {
	const note = `Needs "JavaScript" & more`
	tests := []struct {
		name, page, want string
	}{
		{
			"question",
			`<main><a href="/">Back</a><form method="get" action="/q/pain"><input name="pain"><button class="button" name="next" value="1" type="submit">Continue</button></form></main>`,
			`<main><a href="/">Back</a><form method="get" action="/q/pain"><noscript><p class="pending-note">Needs &#34;JavaScript&#34; &amp; more</p></noscript><input name="pain"><button disabled class="button" name="next" value="1" type="submit">Continue</button></form></main>`,
		},
		{
			"other button first",
			`<button type="button">Menu</button><form action="/q/age"><button value="1" type="submit" name="next">Go</button></form>`,
			`<button type="button">Menu</button><form action="/q/age"><noscript><p class="pending-note">Needs &#34;JavaScript&#34; &amp; more</p></noscript><button disabled value="1" type="submit" name="next">Go</button></form>`,
		},
		{"check page", `<form action="/result"><button type="submit">See</button></form>`, `<form action="/result"><button type="submit">See</button></form>`},
		{"no form", `<main><h1>Start</h1></main>`, `<main><h1>Start</h1></main>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(staticForm([]byte(tt.page), note)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	if got := string(staticForm([]byte(`<form><button name="next"`), note)); !strings.HasPrefix(got, "<form") {
		t.Errorf("a cut page: got %q", got)
	}
}

// TestInlineScript checks that guide.js moves from its link in the head to
// the end of the body, and that the policy allows it by its hash.
func TestInlineScript(t *testing.T) {
	s := &Site{Script: `console.log("hi");`}
	page := "<html><head>\n    " + scriptTag + "\n  </head><body><main></main></body></html>"
	want := "<html><head>\n  </head><body><main></main><script>console.log(\"hi\");</script>\n</body></html>"
	if got := string(s.InlineScript([]byte(page))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if plain := "<html><body></body></html>"; string(s.InlineScript([]byte(plain))) != plain {
		t.Error("a page without the link changed")
	}
	if csp := s.metaCSP(); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval' "+hashSource(s.Script)) {
		t.Errorf("the policy does not allow the inlined script: %s", csp)
	}
}
