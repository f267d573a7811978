package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRequestPath(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"GET /web/app.wasm HTTP/1.1\r\nHost: x\r\n\r\n", "/web/app.wasm", true},
		{"GET /q/pain?age=20-49&next=1 HTTP/1.1\r\n", "/q/pain", true},
		{"HEAD / HTTP/1.0\r\n", "/", true},
		{"GET /q/pain HTTP/1.1", "", false},          // no line end yet
		{"\x16\x03\x01 binary", "", false},           // not HTTP
		{"GET http://x/ HTTP/1.1\r\n", "", false},    // a proxy's absolute form
		{"ody of a previous request\r\n", "", false}, // the middle of a body
	}
	for _, tt := range tests {
		got, ok := requestPath([]byte(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("requestPath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestWire sends requests through the relay on one connection and checks
// what it counted for each.
func TestWire(t *testing.T) {
	big := strings.Repeat("w", 2*wasmDownload)
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			io.WriteString(w, big)
			return
		}
		io.WriteString(w, "page")
	}))
	defer host.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	relay, err := startWire(ctx, strings.TrimPrefix(host.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer relay.stop()
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}}
	for _, p := range []string{"/q/pain?age=20-49", "/web/app.wasm", "/", "/web/app.wasm"} {
		resp, err := client.Get(relay.base() + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if p == "/web/app.wasm" && len(b) != len(big) {
			t.Fatalf("%s: got %d bytes through the relay, want %d", p, len(b), len(big))
		}
	}
	client.CloseIdleConnections()
	got := relay.take()
	if got.wasmBodies != 2 || got.wasm < float64(2*len(big)) || got.total <= got.wasm {
		t.Errorf("got %+v, want two app.wasm bodies of %d bytes and the pages beside them", got, len(big))
	}
	if again := relay.take(); again.total != 0 {
		t.Errorf("a second take got %+v, want nothing", again)
	}
}
