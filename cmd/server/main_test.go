package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun_StartupErrors asserts each start-up fault ends with one clear
// line and a non-zero exit, never a panic.
func TestRun_StartupErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	empty := t.TempDir()
	corrupt := fakeBuild(t, "<html>not wasm</html>")
	built := fakeBuild(t, "\x00asm")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing build", []string{"-addr", "127.0.0.1:0", "-web", empty}, "app.wasm is missing: run make build"},
		{"corrupt build", []string{"-addr", "127.0.0.1:0", "-web", corrupt}, "app.wasm is not a WebAssembly file: run make build"},
		{"port in use", []string{"-addr", ln.Addr().String(), "-web", built}, "cannot listen on " + ln.Addr().String()},
		{"bad flag", []string{"-nope"}, "flag provided but not defined"},
		{"bad site URL", []string{"-addr", "127.0.0.1:0", "-web", built, "-site-url", "guide.example/guide"}, `site URL "guide.example/guide" is not the address of a site's root`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(tt.args, &stderr)
			if code == 0 {
				t.Fatalf("got exit code 0, want non-zero")
			}
			out := strings.TrimSpace(stderr.String())
			if !strings.Contains(out, tt.want) {
				t.Errorf("got %q, want it to say %q", out, tt.want)
			}
			if tt.name != "bad flag" && strings.Count(out, "\n") != 0 {
				t.Errorf("got %d lines, want one:\n%s", strings.Count(out, "\n")+1, out)
			}
		})
	}
}

// fakeBuild writes a web folder whose app.wasm holds wasm.
func fakeBuild(t *testing.T, wasm string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"app.wasm", "guide.css", "clinic.css", "guide.js", "embed.js", "icon-192.png", "icon-512.png", "icon-maskable-512.png"} {
		body := "x"
		if name == "app.wasm" {
			body = wasm
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
