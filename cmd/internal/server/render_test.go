package server_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// resultURL is a result with several article sections, whose texts the
// server splices in compressed once.
const resultURL = "/result?age=20-49&pain=lower-back&duration=chronic&emergency=none&urgent=none&history=none&factors=stress&cautions=none"

// TestPage_GzipFromAnswers checks that a page rendered from answers, sent
// gzipped with its shared pieces spliced in, decodes to the very page sent
// without compression.
func TestPage_GzipFromAnswers(t *testing.T) {
	s := MustServer(t, new(bytes.Buffer))
	for _, target := range []string{resultURL, "/q/duration?age=20-49&pain=lower-back", "/check?" + strings.SplitN(resultURL, "?", 2)[1]} {
		t.Run(target, func(t *testing.T) {
			get := func(enc string) *httptest.ResponseRecorder {
				r := httptest.NewRequest("GET", target, nil)
				r.Header.Set("Accept-Encoding", enc)
				w := httptest.NewRecorder()
				s.Handler().ServeHTTP(w, r)
				if w.Code != 200 {
					t.Fatalf("GET %s (%q): got %d, want 200", target, enc, w.Code)
				}
				return w
			}
			plain, zipped := get("identity"), get("gzip, deflate, br")
			if got := zipped.Header().Get("Content-Encoding"); got != "gzip" {
				t.Fatalf("Content-Encoding: got %q, want gzip", got)
			}
			zr, err := gzip.NewReader(zipped.Body)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			// gzip's reader checks the CRC-32 and length of what it decodes
			// against those the server computed from the page. go-app
			// writes attributes in map order, so two renderings differ in
			// order only: they have the same bytes sorted.
			if !bytes.Equal(sorted(got), sorted(plain.Body.Bytes())) {
				t.Errorf("the gzipped page decodes to %d bytes, want the %d bytes of the page sent plain", len(got), plain.Body.Len())
			}
			if !bytes.Contains(got, []byte(`class="prose"`)) && strings.HasPrefix(target, "/result") {
				t.Error("the result shows no article section")
			}
		})
	}
}

// sorted returns b's bytes in order.
func sorted(b []byte) []byte {
	b = slices.Clone(b)
	slices.Sort(b)
	return b
}

// BenchmarkPage_FromAnswers measures the handler chain for the pages go-app
// renders on each request: a result and a question with answers, gzipped.
// `go test -bench FromAnswers -cpuprofile` shows where their time goes.
func BenchmarkPage_FromAnswers(b *testing.B) {
	s := MustServer(b, new(bytes.Buffer))
	for _, bc := range []struct{ name, target string }{
		{"result", resultURL},
		{"question", "/q/duration?age=20-49&pain=lower-back"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := httptest.NewRequest("GET", bc.target, nil)
			r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				s.Handler().ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatalf("GET %s: %d", bc.target, w.Code)
				}
			}
		})
	}
}
