package server

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"strings"
)

// static serves the built files under /web/ from the web folder. Folders are
// never listed and nothing outside the folder is reachable.
func (s *Server) static() http.Handler {
	root := os.DirFS(s.cfg.WebDir)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cleanPath(r.URL.Path) {
			notFound(w)
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/web/")
		if !fs.ValidPath(name) {
			notFound(w)
			return
		}
		f, err := root.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) {
				notFound(w)
				return
			}
			errorPage(w, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || info.IsDir() {
			notFound(w)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, name, info.ModTime(), f.(interface {
			fs.File
			Read([]byte) (int, error)
			Seek(int64, int) (int64, error)
		}))
	})
}
