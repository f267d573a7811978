package site

import "testing"

// TestFinish drops go-app's loader stylesheet link with the space before
// it, keeps the same words elsewhere, and gives <html> the page's language
// (the default language's pages are left as they are).
func TestFinish(t *testing.T) {
	tests := []struct {
		name, page, want string
		lang             string
	}{
		{"link", "<head>\n  <link rel=\"stylesheet\" type=\"text/css\" href=\"/app.css\">\n</head>", "<head>\n</head>", ""},
		{"no link", "<head><title>x</title></head>", "<head><title>x</title></head>", ""},
		{"outside a link", `<p>href="/app.css"</p>`, `<p>href="/app.css"</p>`, ""},
		{"two links", `<head> <link href="/app.css"> <link href="/app.css"></head>`, `<head></head>`, ""},
		{"language", `<html lang="en-US"><head></head>`, `<html lang="es-US"><head></head>`, "es-US"},
		{"same language", `<html lang="en-US"><head></head>`, `<html lang="en-US"><head></head>`, "en-US"},
		{"no lang", `<html><head></head>`, `<html><head></head>`, "es-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(setLang(removeAppCSS([]byte(tt.page)), tt.lang))
			if tt.lang == "" {
				got = string(removeAppCSS([]byte(tt.page)))
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSuggest marks the language links as a suggestion, once.
func TestSuggest(t *testing.T) {
	page := `<style>.lang-switch{}</style><p class="lang-switch"><a hreflang="es-US">Español</a></p>`
	want := `<style>.lang-switch{}</style><p class="lang-switch lang-switch--suggested"><a hreflang="es-US">Español</a></p>`
	if got := string(Suggest([]byte(page))); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
