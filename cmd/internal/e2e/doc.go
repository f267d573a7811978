// Package e2e is the browser test suite: it runs the real server type on a
// loopback port with the built app.wasm and drives Debian's Chromium through
// chromedp, acting as a visitor does. Its tests carry the build tag browser:
// run them with `make test` or `go test -tags browser ./cmd/internal/e2e`.
// They need Chromium and fail, never skip, without it; TestValidHTML also
// needs Java and the Nu HTML Checker (npm ci installs vnu-jar). TestDeploy also serves
// the static export with Debian's nginx, Caddy and Apache, each started once
// on a loopback port from the configuration make static writes, and compares
// every host's headers with the Go server's (make deploy-deps installs them).
package e2e
