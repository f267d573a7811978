package server

import (
	"net/http"
)

// headers sets the security and privacy headers on every response, from
// this one place.
func (s *Server) headers(next http.Handler) http.Handler {
	csp := s.site.CSP()
	https := s.cfg.Guide.Content().Clinic.HTTPS
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		// Only the guide's own pages use its files; /embed.js says
		// cross-origin for the clinics' pages that load it.
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if https {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}
