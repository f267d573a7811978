package compress_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"symptomguide/cmd/internal/compress"
)

// text returns a text of n bytes that starts with prefix.
func text(prefix string, n int) []byte {
	b := []byte(prefix + strings.Repeat("lorem ipsum dolor sit amet "+prefix+" ", n/20))
	return b[:n]
}

func mustGunzip(tb testing.TB, b []byte) []byte {
	tb.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	r.Multistream(false)
	out, err := io.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestPieces_Gzip(t *testing.T) {
	style := text("<style>body{color:red}", 4000)
	a := text(`<p>First section of the article, long enough to count`, 2000)
	// b shares a's first bytes and is longer: the longest match wins.
	b := append(append([]byte{}, a...), text(" and more", 1500)...)
	c := text(`<h3>Another section entirely`, 800)
	short := []byte("<p>too short to be a piece</p>")
	p := compress.NewPieces(style, a, b, c, short, c)
	if got := p.Len(); got != 4 {
		t.Errorf("Len: got %d, want 4", got)
	}
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		body []byte
	}{
		{"empty", nil},
		{"no piece", []byte("<!doctype html><p>hello</p>")},
		{"only a piece", style},
		{"piece first", join(style, []byte("<body>rest</body>"))},
		{"piece last", join([]byte("<head>"), c)},
		{"adjacent pieces", join([]byte("x"), a, c, style, []byte("y"))},
		{"a piece twice", join(c, []byte("between"), c)},
		{"longest of two", join([]byte("<div>"), b, []byte("</div>"))},
		{"a piece cut short", join([]byte("<div>"), a[:len(a)-1])},
		{"short text is not a piece", join(short, short)},
		{"a page", join([]byte("<!doctype html><html><head>"), style, []byte("</head><body><main>"),
			a, []byte("<details><summary>Sources</summary></details>"), c, []byte("</main></body></html>"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := p.Gzip(tt.body)
			if got := mustGunzip(t, z); !bytes.Equal(got, tt.body) {
				t.Errorf("got %d bytes back, want the %d bytes of the body", len(got), len(tt.body))
			}
		})
	}
	t.Run("smaller than the pieces", func(t *testing.T) {
		body := join([]byte("<head>"), style, []byte("<body>"), a, c)
		if z := p.Gzip(body); len(z) > len(body)/4 {
			t.Errorf("got %d bytes for %d, want under a quarter", len(z), len(body))
		}
	})
	t.Run("nil pieces", func(t *testing.T) {
		var none *compress.Pieces
		body := join([]byte("<head>"), style)
		if got := mustGunzip(t, none.Gzip(body)); !bytes.Equal(got, body) {
			t.Error("a nil Pieces did not compress the body as it is")
		}
	})
}

// BenchmarkPieces_Gzip compares a page compressed whole with the same page
// with its shared pieces spliced in.
func BenchmarkPieces_Gzip(b *testing.B) {
	style := text("<style>body{color:red}", 16000)
	var sections [][]byte
	page := []byte("<!doctype html><html><head>" + string(style) + "</head><body>")
	for i := range 10 {
		s := text("<p>Section "+string(rune('a'+i)), 1600)
		sections = append(sections, s)
		page = append(page, "<article><h3>Title</h3><div class=\"prose\">"+string(s)+"</div><details><summary>Sources</summary><ol><li>One</li></ol></details></article>"...)
	}
	page = append(page, "</body></html>"...)
	p := compress.NewPieces(append(sections, style)...)
	b.Run("whole", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			compress.GzipFast(page)
		}
	})
	b.Run("spliced", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			p.Gzip(page)
		}
	})
}
