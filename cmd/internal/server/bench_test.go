package server_test

import (
	"bytes"
	"net/http/httptest"
	"testing"
)

// BenchmarkServe measures the handler chain alone for a page without
// answers (rendered once, then served from memory), a page with answers
// (rendered on each request) and a static file.
func BenchmarkServe(b *testing.B) {
	s := MustServer(b, new(bytes.Buffer))
	for _, target := range []string{"/", "/q/pain", "/q/pain?pain=disc&duration=acute", "/web/guide.css"} {
		b.Run(target, func(b *testing.B) {
			r := httptest.NewRequest("GET", target, nil)
			r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				s.Handler().ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatalf("GET %s: %d", target, w.Code)
				}
			}
		})
	}
}
