package server_test

import (
	"bytes"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/server"
)

// TestServe_LargeFileFromDisk checks app.wasm's copies at their real size,
// which the server sends from disk (sendfile) rather than from memory:
// the whole copy with its length, a range of it, and 304 for its ETag.
func TestServe_LargeFileFromDisk(t *testing.T) {
	web := MustWeb(t)
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	raw, br := append([]byte("\x00asm"), random(3<<20)...), random(3<<19)
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	// The copy must not be older than its file.
	later := time.Now().Add(time.Second)
	if err := os.WriteFile(filepath.Join(web, "app.wasm.br"), br, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(web, "app.wasm.br"), later, later); err != nil {
		t.Fatal(err)
	}
	s, err := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: web, Guides: guide.MustNewAll(guidedata.Languages), Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	// A real connection, so the body goes through sendfile.
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	get := func(headers ...string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", ts.URL+"/web/app.wasm", nil)
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}

	t.Run("OK", func(t *testing.T) {
		res := get("Accept-Encoding", "br")
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "br" {
			t.Fatalf("got %d %q, want 200 br", res.StatusCode, res.Header.Get("Content-Encoding"))
		}
		if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(br)) {
			t.Errorf("Content-Length: got %s, want %d", got, len(br))
		}
		if got := res.Header.Get("X-Decoded-Length"); got != strconv.Itoa(len(raw)) {
			t.Errorf("X-Decoded-Length: got %s, want %d", got, len(raw))
		}
		if !bytes.Equal(body, br) {
			t.Errorf("got %d bytes, want the %d bytes of app.wasm.br", len(body), len(br))
		}
	})
	t.Run("OK/Raw", func(t *testing.T) {
		body, _ := io.ReadAll(get().Body)
		if !bytes.Equal(body, raw) {
			t.Errorf("got %d bytes, want the %d bytes of app.wasm", len(body), len(raw))
		}
	})
	t.Run("Range", func(t *testing.T) {
		res := get("Accept-Encoding", "br", "Range", "bytes=10-19")
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusPartialContent || !bytes.Equal(body, br[10:20]) {
			t.Errorf("got %d with %d bytes, want 206 with bytes 10 to 19", res.StatusCode, len(body))
		}
	})
	t.Run("Changed", func(t *testing.T) {
		// A new build copied over the running server's: the new file,
		// with its own length and without the old ETag, never a body that
		// contradicts its headers.
		t.Cleanup(func() {
			os.WriteFile(filepath.Join(web, "app.wasm.br"), br, 0o644)
			os.Chtimes(filepath.Join(web, "app.wasm.br"), later, later)
		})
		changed := random(1 << 20)
		if err := os.WriteFile(filepath.Join(web, "app.wasm.br"), changed, 0o644); err != nil {
			t.Fatal(err)
		}
		res := get("Accept-Encoding", "br")
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || !bytes.Equal(body, changed) {
			t.Errorf("got %d with %d bytes, want 200 with the new file's %d", res.StatusCode, len(body), len(changed))
		}
		if got := res.Header.Get("ETag"); got != "" {
			t.Errorf("ETag: got %s, want none", got)
		}
	})
	t.Run("NotModified", func(t *testing.T) {
		etag := get("Accept-Encoding", "br").Header.Get("ETag")
		if res := get("Accept-Encoding", "br", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
			t.Errorf("got %d, want 304", res.StatusCode)
		}
	})
}
