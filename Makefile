# Symptom Guide. `make run` builds and serves the demo clinic; `make test`
# runs every test. Both install what they need on a fresh Debian machine.

SHELL := /bin/bash

ADDR ?= localhost:8080
GO ?= go
CHROMIUM ?= /usr/bin/chromium
# No inlining: a smaller app.wasm on the wire (brotli), at no visible cost
# for a page this size.
WASM_FLAGS := -trimpath -gcflags=all=-l -ldflags="-s -w"

.PHONY: all build content wasm compress run test unit browser static size clean deps browser-deps deploy-deps bench

all: build

## deps: download the Go modules.
deps:
	$(GO) mod download

## content: compile content/ into app/guidedata, web/clinic.css and the icons.
content: deps
	$(GO) run ./cmd/guidec

## wasm: build the browser program (client code only) into web/app.wasm.
wasm: content
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm.new ./cmd/app
	@# Keep the old file (and its compressed copies) when nothing changed.
	@if cmp -s web/app.wasm.new web/app.wasm; then rm web/app.wasm.new; else mv web/app.wasm.new web/app.wasm; fi

## compress: write pre-compressed copies of the large files beside them.
compress: wasm
	$(GO) run ./cmd/precompress web

## build: everything the server needs.
build: compress

## run: build, then serve the guide at http://$(ADDR)/.
run: build
	@echo "Serving the guide at http://$(ADDR)/"
	$(GO) run ./cmd/server -addr $(ADDR) -web web

## test: vet, then every test: unit tests, then the browser suite (which
## serves the static export with nginx, Caddy and Apache too).
test: build browser-deps deploy-deps unit browser

## unit: vet and the fast tests beside the code.
unit: content
	$(GO) vet ./...
	$(GO) vet -tags browser ./cmd/internal/e2e
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/app
	$(GO) run ./cmd/guidec -check
	@$(GO) test -count=1 -v ./... > .unit-test.log 2>&1; status=$$?; \
	grep -E -- '^\s*--- (FAIL|SKIP)|^(FAIL|ok)\s|checked [0-9]+ combinations' .unit-test.log; \
	[ $$status = 0 ] || tail -n 80 .unit-test.log; \
	echo "unit: $$(grep -cE -- '^\s*--- PASS' .unit-test.log) passed, $$(grep -cE -- '^\s*--- FAIL' .unit-test.log) failed, $$(grep -cE -- '^\s*--- SKIP' .unit-test.log) skipped"; \
	exit $$status

## browser: the end-to-end suite in Chromium against the built guide.
browser: build browser-deps deploy-deps
	@$(GO) test -count=1 -timeout 30m -tags browser -v ./cmd/internal/e2e > .browser-test.log 2>&1; status=$$?; \
	grep -E -- '^\s*--- (FAIL|SKIP)|^(FAIL|ok)\s' .browser-test.log; \
	[ $$status = 0 ] || tail -n 80 .browser-test.log; \
	echo "browser: $$(grep -cE -- '^\s*--- PASS' .browser-test.log) passed, $$(grep -cE -- '^\s*--- FAIL' .browser-test.log) failed, $$(grep -cE -- '^\s*--- SKIP' .browser-test.log) skipped"; \
	exit $$status

## browser-deps: Chromium and Java (for the Nu HTML Checker) from Debian,
## axe-core and vnu-jar from npm (pinned).
browser-deps: node_modules/.package-lock.json
	@if ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Java for the Nu HTML Checker (Debian package default-jre-headless)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
		else \
			echo "make test needs Java for the Nu HTML Checker: install it with sudo apt-get install -y default-jre-headless" >&2; exit 1; \
		fi; \
	fi
	@command -v java >/dev/null || { echo "Java is still missing" >&2; exit 1; }
	@if ! [ -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Chromium (Debian package chromium)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "make test needs Chromium at $(CHROMIUM): install it with sudo apt-get install -y chromium" >&2; exit 1; \
		fi; \
	fi
	@[ -x "$(CHROMIUM)" ] || { echo "Chromium is still missing at $(CHROMIUM)" >&2; exit 1; }

## deploy-deps: nginx with its brotli module, Caddy and Apache from Debian,
## for the deploy tests (TestDeploy), which start and stop them on loopback
## ports themselves. The packages' services are not started on install.
deploy-deps:
	@missing=""; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	[ -x /usr/bin/caddy ] || missing="$$missing caddy"; \
	[ -x /usr/sbin/apache2 ] || missing="$$missing apache2"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "make test needs$$missing: install them with sudo apt-get install -y$$missing" >&2; exit 1; \
		fi; \
		echo "Installing$$missing (Debian packages; their services are not started)"; \
		if [ ! -e /usr/sbin/policy-rc.d ]; then \
			printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d; \
			trap 'rm -f /usr/sbin/policy-rc.d' EXIT; \
		fi; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq $$missing >/dev/null 2>&1 || \
			{ apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; } || \
			{ echo "installing$$missing failed" >&2; exit 1; }; \
	fi

# --ignore-scripts: vnu-jar's install script would download a Java runtime
# when none is installed yet; browser-deps installs Debian's instead.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

## static: export the guide as static files in dist/ for any static host,
## with _headers, _redirects and .htaccess in dist/ and nginx.conf,
## Caddyfile, Caddyfile.server and symptom-guide.service in deploy/.
static: build
	$(GO) run ./cmd/static -web web -out dist

## size: print app.wasm's raw, gzip and brotli sizes.
size: build
	$(GO) run ./cmd/precompress -report web/app.wasm

## clean: remove what the build wrote.
clean:
	rm -f web/app.wasm web/app.wasm.new web/*.br web/*.gz .browser-test.log .unit-test.log
	rm -rf dist deploy screenshots

## bench: load times in Chromium (slow and 4G profiles, Go server and nginx
## serving the static export) and a wrk load test of the Go server against
## nginx; prints the tables and writes them to bench-results.txt. Installs
## nginx, its brotli module, wrk and Chromium from Debian if missing (root).
bench: build
	@missing=""; \
	command -v nginx >/dev/null 2>&1 || missing="$$missing nginx"; \
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "make bench needs$$missing: install with sudo apt-get install -y$$missing" >&2; exit 1; \
		fi; \
		echo "Installing$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq $$missing >/dev/null 2>&1 || \
			{ apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; } || exit 1; \
	fi
	$(GO) run ./cmd/bench -go $(GO) -web web -chromium $(CHROMIUM) -out bench-results.txt
