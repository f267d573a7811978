package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"sync"
)

// wire is a TCP relay in front of a host that counts what the host sends,
// by the path of the request each response answers: the host's side of a
// visit's bytes, which the browser's own accounting cannot always give (a
// download left by one page and carried on for another reader of the HTTP
// cache, such as the service worker's precache, is reported under neither).
// Chromium sends one request at a time on a connection (HTTP/1.1, no
// pipelining), so whatever the host sends belongs to the last request line
// the connection carried. The relay adds nothing to the exchange.
type wire struct {
	ln     net.Listener
	target string // host:port of the host

	mu    sync.Mutex
	sent  map[string][]*float64 // path → bytes sent for each response
	open  map[net.Conn]bool     // the browser's connections
	conns sync.WaitGroup
}

// startWire relays a free loopback port to target until ctx ends.
func startWire(ctx context.Context, target string) (*wire, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	w := &wire{ln: ln, target: target, sent: map[string][]*float64{}, open: map[net.Conn]bool{}}
	context.AfterFunc(ctx, func() { ln.Close() })
	go w.serve()
	return w, nil
}

// base is the relay's address as a URL, without the final slash.
func (w *wire) base() string { return "http://" + w.ln.Addr().String() }

// stop closes the relay and its connections, and waits for them to end.
func (w *wire) stop() {
	w.ln.Close()
	w.mu.Lock()
	for c := range w.open {
		c.Close()
	}
	w.mu.Unlock()
	w.conns.Wait()
}

func (w *wire) serve() {
	for {
		c, err := w.ln.Accept()
		if err != nil {
			return
		}
		w.conns.Add(1)
		w.mu.Lock()
		w.open[c] = true
		w.mu.Unlock()
		go func() {
			defer w.conns.Done()
			w.relay(c)
			w.mu.Lock()
			delete(w.open, c)
			w.mu.Unlock()
		}()
	}
}

// relay copies one connection both ways, noting each request's path on
// the way in and counting the bytes of its response on the way out.
func (w *wire) relay(client net.Conn) {
	defer client.Close()
	host, err := net.Dial("tcp", w.target)
	if err != nil {
		return
	}
	defer host.Close()
	var mu sync.Mutex
	var response *float64 // the bytes of the response being sent
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 32<<10)
		for {
			n, err := client.Read(buf)
			if n > 0 {
				if p, ok := requestPath(buf[:n]); ok {
					r := new(float64)
					w.mu.Lock()
					w.sent[p] = append(w.sent[p], r)
					w.mu.Unlock()
					mu.Lock()
					response = r
					mu.Unlock()
				}
				if _, err := host.Write(buf[:n]); err != nil {
					return
				}
			}
			if err != nil {
				if tcp, ok := host.(*net.TCPConn); ok {
					tcp.CloseWrite()
				}
				return
			}
		}
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := host.Read(buf)
		if n > 0 {
			mu.Lock()
			r := response
			mu.Unlock()
			if r != nil {
				w.mu.Lock()
				*r += float64(n)
				w.mu.Unlock()
			}
			if _, err := client.Write(buf[:n]); err != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	client.Close()
	<-done
}

// requestPath returns the path of the HTTP request that b starts, without
// its query.
func requestPath(b []byte) (string, bool) {
	line, _, ok := bytes.Cut(b, []byte("\r\n"))
	if !ok {
		return "", false
	}
	f := strings.Fields(string(line))
	if len(f) != 3 || !strings.HasPrefix(f[2], "HTTP/1.") || !strings.HasPrefix(f[1], "/") {
		return "", false
	}
	p, _, _ := strings.Cut(f[1], "?")
	return p, true
}

// hostSent is what a host sent through the relay since it was last taken.
type hostSent struct {
	total float64
	// wasm is app.wasm's bytes; wasmBodies counts its responses that
	// carried at least wasmDownload bytes: the times it crossed the wire.
	wasm       float64
	wasmBodies int
}

// take returns what the host sent since the last take, and starts again.
func (w *wire) take() hostSent {
	w.mu.Lock()
	defer w.mu.Unlock()
	var s hostSent
	for p, responses := range w.sent {
		for _, r := range responses {
			n := *r
			s.total += n
			if p == "/web/app.wasm" {
				s.wasm += n
				if n >= wasmDownload {
					s.wasmBodies++
				}
			}
		}
	}
	w.sent = map[string][]*float64{}
	return s
}
