package server

import (
	"net/http"

	"symptomguide/cmd/internal/policy"
)

// headers sets the security and privacy headers of the header policy on
// every response. The policy (package policy) is the one every host's
// configuration is written from.
func (s *Server) headers(next http.Handler) http.Handler {
	security := s.policy.Security()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, x := range security {
			h.Set(x.Name, x.Value)
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
