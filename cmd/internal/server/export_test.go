package server

// Rendered reports how many times the server had go-app render a page or
// script it keeps in memory, for the tests.
func (s *Server) Rendered() int64 { return s.rendered.Load() }
