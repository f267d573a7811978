package server

import (
	"net/http"
	"runtime"

	"symptomguide/cmd/internal/compress"
	"symptomguide/cmd/internal/site"
)

// answerPages holds what rendering pages from answers needs besides
// go-app: the compressed stylesheet and the render slots. Nothing in it
// depends on a visitor's answers.
type answerPages struct {
	// shared is the text every page rendered from answers shares,
	// compressed once: the inline stylesheet, 16.6 kB of the demo clinic's
	// 21 kB question page. A page made from answers is compressed by
	// compressing only what lies around it (see compress.Pieces). The
	// article sections a result shows are not pieces: measured, splicing
	// ten of them into a result made its gzip 36% larger and no faster,
	// each splice costing a new Huffman table.
	shared *compress.Pieces
	// slots bounds how many pages render at once to the number of
	// processors; the rest wait their turn in order. Rendering is all
	// processor work, so more at once only adds to the heap and to the
	// slowest requests' wait (wrk, 64 connections: p99 540 ms unbounded,
	// 150 ms bounded, at the same throughput).
	slots chan struct{}
}

func newAnswerPages(st *site.Site) *answerPages {
	return &answerPages{
		shared: compress.NewPieces([]byte("<style>" + st.CSS + "</style>")),
		slots:  make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
}

// slot waits for a render slot and returns the function that frees it.
func (a *answerPages) slot() (free func()) {
	a.slots <- struct{}{}
	return func() { <-a.slots }
}

// gzip compresses a page rendered from answers, quickly.
func (a *answerPages) gzip(page []byte) []byte { return a.shared.Gzip(page) }

// bodyWriter keeps what go-app writes. go-app renders a page into a buffer
// of its own and writes it at once, so the body is copied once, into a
// slice of its size, where a recorder's buffer would grow step by step.
type bodyWriter struct {
	header http.Header
	status int
	body   []byte
}

func (w *bodyWriter) Header() http.Header { return w.header }

func (w *bodyWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *bodyWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body = append(w.body, b...)
	return len(b), nil
}
