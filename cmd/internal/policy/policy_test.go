package policy_test

import (
	"testing"

	"symptomguide/cmd/internal/policy"
)

func TestCacheControl(t *testing.T) {
	tests := []struct {
		kind  policy.Kind
		query bool
		want  string
	}{
		{policy.Page, false, policy.Revalidate},
		{policy.Page, true, policy.NoStore},
		{policy.AnswerPage, false, policy.NoStore},
		{policy.AnswerPage, true, policy.NoStore},
		{policy.File, false, policy.Revalidate},
		{policy.File, true, policy.Revalidate},
		{policy.Embed, false, policy.Revalidate},
		{policy.Error, false, policy.NoStore},
	}
	for _, tt := range tests {
		if got := policy.CacheControl(tt.kind, tt.query); got != tt.want {
			t.Errorf("CacheControl(%d, %v) = %q, want %q", tt.kind, tt.query, got, tt.want)
		}
	}
}

func TestPolicy_Headers(t *testing.T) {
	p := policy.Policy{CSP: "default-src 'self'", AnswerPrefixes: []string{"/q/", "/check", "/result"}}
	get := func(h []policy.Header, name string) string {
		for _, x := range h {
			if x.Name == name {
				return x.Value
			}
		}
		return ""
	}
	if got := get(p.Headers(policy.Embed, false), "Cross-Origin-Resource-Policy"); got != "cross-origin" {
		t.Errorf("the embed script's CORP is %q, want cross-origin", got)
	}
	if got := get(p.Headers(policy.File, false), "Cross-Origin-Resource-Policy"); got != "same-origin" {
		t.Errorf("a file's CORP is %q, want same-origin", got)
	}
	if get(p.Security(), "Strict-Transport-Security") != "" {
		t.Error("HSTS without https")
	}
	p.HTTPS = true
	if get(p.Security(), "Strict-Transport-Security") == "" {
		t.Error("no HSTS with https")
	}
	for path, want := range map[string]policy.Kind{"/": policy.Page, "/articles/x": policy.Page, "/q/pain": policy.AnswerPage, "/check": policy.AnswerPage, "/result": policy.AnswerPage} {
		if got := p.PageKind(path); got != want {
			t.Errorf("PageKind(%s) = %d, want %d", path, got, want)
		}
	}
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"app.wasm": "application/wasm", "manifest.webmanifest": "application/manifest+json",
		"app.js": "text/javascript; charset=utf-8", "x.unknown": policy.DefaultType,
	} {
		if got := policy.ContentType(name); got != want {
			t.Errorf("ContentType(%s) = %q, want %q", name, got, want)
		}
	}
}
