package server

import (
	"slices"
	"testing"
)

func TestAcceptedLanguages(t *testing.T) {
	tests := []struct {
		header string
		want   []string
	}{
		{"", []string{}},
		{"es-US", []string{"es-US"}},
		{"es-MX,es;q=0.9,en-US;q=0.8,en;q=0.7", []string{"es-MX", "es", "en-US", "en"}},
		{"en;q=0.5, es", []string{"es", "en"}},
		{"fr;q=0, es;q=0.2", []string{"es"}},
		{"*;q=0.1, de", []string{"de", "*"}},
		{"en;q=bad", []string{"en"}},
	}
	for _, tt := range tests {
		if got := acceptedLanguages(tt.header); !slices.Equal(got, tt.want) {
			t.Errorf("acceptedLanguages(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}
