package server

import (
	"net/http"

	"symptomguide/cmd/internal/policy"
)

// headers sets the security and privacy headers of the header policy on
// every response. The policy (package policy) is the one every host's
// configuration is written from. The names are put in canonical form and
// each value in a slice once, at start-up, so a response costs one map
// assignment per header; the slices are full (len = cap), so a later Add
// copies rather than writing into one that other responses share.
func (s *Server) headers(next http.Handler) http.Handler {
	security := s.policy.Security()
	names := make([]string, len(security))
	values := make([][]string, len(security))
	for i, x := range security {
		names[i] = http.CanonicalHeaderKey(x.Name)
		values[i] = []string{x.Value}[:1:1]
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for i, name := range names {
			h[name] = values[i]
		}
		next.ServeHTTP(w, r)
	})
}

// setKind sets the caching rule and resource policy of a response of kind
// k; query says whether the request has a query string.
func setKind(w http.ResponseWriter, k policy.Kind, query bool) {
	h := w.Header()
	h.Set("Cache-Control", policy.CacheControl(k, query))
	h.Set("Cross-Origin-Resource-Policy", policy.CORP(k))
}
