// Package e2e is the browser test suite: it runs the real server type on a
// loopback port with the built app.wasm and drives Debian's Chromium through
// chromedp, acting as a visitor does. Its tests carry the build tag browser:
// run them with `make test` or `go test -tags browser ./cmd/internal/e2e`.
// They need Chromium and fail, never skip, without it.
package e2e
