# Symptom Guide. `make run` builds and serves the demo clinic; `make test`
# runs every test. Both install what they need on a fresh Debian machine.
#
# CONTENT names the clinic's content folder (default content/, the demo).
# Another clinic, such as `make run CONTENT=examples/us-clinic`, is built
# into build/<name>/ instead of app/guidedata and web/: its compiled
# content is swapped in for app/guidedata/content_gen.go with the Go
# toolchain's -overlay, so nothing in the source tree changes, and its web
# folder (the shared assets, its stylesheet, icons and app.wasm) is
# build/<name>/web.

SHELL := /bin/bash

ADDR ?= localhost:8080
GO ?= go
CHROMIUM ?= /usr/bin/chromium
CONTENT ?= content
# No inlining: a smaller app.wasm on the wire (brotli), at no visible cost
# for a page this size.
WASM_FLAGS := -trimpath -gcflags=all=-l -ldflags="-s -w"
# EXAMPLES are the other clinics make test also tests end to end.
EXAMPLES := examples/us-clinic

ifeq ($(patsubst %/,%,$(CONTENT)),content)
WEB := web
GEN := app/guidedata/content_gen.go
DIST := dist
OVERLAY :=
else
OUT := build/$(notdir $(patsubst %/,%,$(CONTENT)))
WEB := $(OUT)/web
GEN := $(OUT)/content_gen.go
DIST := $(OUT)/dist
OVERLAY := -overlay=$(CURDIR)/$(OUT)/overlay.json
endif

.PHONY: all build content wasm compress run test vet unit browser screenshots static size clean deps browser-deps deploy-deps bench

all: build

## deps: download the Go modules.
deps:
	$(GO) mod download

## content: compile $(CONTENT) into $(GEN), $(WEB)/clinic.css and the icons.
content: deps
ifneq ($(OVERLAY),)
	@mkdir -p $(WEB)
	@# The assets every clinic shares; guidec writes the clinic's own.
	@find web -maxdepth 1 -type f ! -name 'app.wasm*' ! -name 'clinic.css' ! -name 'icon-*' ! -name '*.br' ! -name '*.gz' -exec cp -p {} $(WEB)/ \;
	@printf '{"Replace":{"%s":"%s"}}\n' "$(CURDIR)/app/guidedata/content_gen.go" "$(CURDIR)/$(GEN)" > $(OUT)/overlay.json
endif
	$(GO) run ./cmd/guidec -content $(CONTENT) -go $(GEN) -css $(WEB)/clinic.css -icons $(WEB)

## wasm: build the browser program (client code only) into web/app.wasm.
wasm: content
	GOOS=js GOARCH=wasm $(GO) build $(OVERLAY) $(WASM_FLAGS) -o $(WEB)/app.wasm.new ./cmd/app
	@# Keep the old file (and its compressed copies) when nothing changed.
	@if cmp -s $(WEB)/app.wasm.new $(WEB)/app.wasm; then rm $(WEB)/app.wasm.new; else mv $(WEB)/app.wasm.new $(WEB)/app.wasm; fi

## compress: write pre-compressed copies of the large files beside them.
compress: wasm
	$(GO) run ./cmd/precompress $(WEB)

## build: everything the server needs.
build: compress

## run: build, then serve the guide at http://$(ADDR)/.
run: build
	@echo "Serving the guide at http://$(ADDR)/"
	$(GO) run $(OVERLAY) ./cmd/server -addr $(ADDR) -web $(WEB)

## test: every test: vet, then for the demo clinic and, side by side, for
## each example clinic in $(EXAMPLES) (built from its own content with the
## same Go code) the unit tests and the browser suite, each clinic with
## its own server and Chromium (the demo's also serves the static export
## with nginx, Caddy and Apache).
test: browser-deps deploy-deps
	@$(MAKE) --no-print-directory build vet
	@pids=""; \
	( $(MAKE) --no-print-directory unit && $(MAKE) --no-print-directory browser ) & pids="$$pids $$!"; \
	for e in $(EXAMPLES); do \
		( $(MAKE) --no-print-directory CONTENT=$$e build >/dev/null && \
		  $(MAKE) --no-print-directory CONTENT=$$e unit && \
		  $(MAKE) --no-print-directory CONTENT=$$e SKIP='$(EXAMPLE_SKIP)' browser ) & pids="$$pids $$!"; \
	done; \
	status=0; for p in $$pids; do wait $$p || status=1; done; exit $$status

# REPORTS are the browser suite's reports, which assert nothing: the
# screenshots of every page (screenshots/) and the result pages' lengths.
# make test leaves them out; make screenshots writes them.
REPORTS := TestScreenshots|TestResultMeasures

## screenshots: the browser suite's reports: a picture of every page on a
## phone and a desktop in screenshots/ (README_SHOTS=1 also rewrites the
## README's), and the length of each result page.
screenshots: build browser-deps
	WEB=$(CURDIR)/$(WEB) SCREENSHOTS=$(CURDIR)/$(if $(OUT),$(OUT)/)screenshots \
	$(GO) test $(OVERLAY) -count=1 -tags browser -v -run '^($(REPORTS))$$' ./cmd/internal/e2e $(if $(README_SHOTS),-args -readme)

# EXAMPLE_SKIP are the browser tests of the guide's machinery, which no
# clinic's content changes: the same headers on every host, narrow-screen
# layout and keyboard paths,
# the PWA's install, compression and update, the popup's focus handling,
# and the refusals of a foreign embedder, of safety starting points and of
# booking links on the wrong site. make test runs them for the demo clinic
# only; every test that reads a clinic's words, answers, colours or
# languages runs for each clinic.
EXAMPLE_SKIP := TestDeploy|TestNarrowScreen|TestKeyboardOnly|TestPopup|TestPWA_Installable|TestPWA_Compression|TestPWA_Update|TestStart_Refused|TestResultPage_MoreWithKeyboard|TestEmbed_RefusedOrigin|TestTheme_Override|TestBooking_Providers

## vet: go vet for the server, the browser build and the browser suite, and
## a check that the committed generated files match content/.
vet: content
	$(GO) vet ./...
	$(GO) vet -tags browser ./cmd/internal/e2e
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/app
	$(GO) run ./cmd/guidec -check

# CONTENT_PKGS are the packages whose tests read the compiled content
# (guidedata): an example clinic runs these. The others test the compiler
# on its own fixtures and the pages on the compiler's fixture clinic, the
# same for every clinic.
CONTENT_PKGS := ./app/guide ./cmd/internal/... ./cmd/server

# LOG names the test logs of this clinic.
LOG := $(if $(OUT),$(OUT)/,.)

## unit: the fast tests beside the code, against $(CONTENT).
unit: content
	@$(GO) test $(OVERLAY) -count=1 -v $(if $(OVERLAY),$(CONTENT_PKGS),./...) > $(LOG)unit-test.log 2>&1; status=$$?; \
	grep -E -- '^\s*--- (FAIL|SKIP)|^(FAIL|ok)\s|checked [0-9]+ combinations' $(LOG)unit-test.log; \
	[ $$status = 0 ] || tail -n 80 $(LOG)unit-test.log; \
	echo "unit ($(CONTENT)): $$(grep -cE -- '^\s*--- PASS' $(LOG)unit-test.log) passed, $$(grep -cE -- '^\s*--- FAIL' $(LOG)unit-test.log) failed, $$(grep -cE -- '^\s*--- SKIP' $(LOG)unit-test.log) skipped"; \
	exit $$status

## browser: the end-to-end suite in Chromium against the built guide.
browser: build browser-deps deploy-deps
	@WEB=$(CURDIR)/$(WEB) SCREENSHOTS=$(CURDIR)/$(if $(OUT),$(OUT)/)screenshots \
	$(GO) test $(OVERLAY) -count=1 -timeout 30m -tags browser -v -skip '$(REPORTS)$(if $(SKIP),|$(SKIP))' ./cmd/internal/e2e > $(LOG)browser-test.log 2>&1; status=$$?; \
	grep -E -- '^\s*--- (FAIL|SKIP)|^(FAIL|ok)\s' $(LOG)browser-test.log; \
	[ $$status = 0 ] || tail -n 80 $(LOG)browser-test.log; \
	echo "browser ($(CONTENT)): $$(grep -cE -- '^\s*--- PASS' $(LOG)browser-test.log) passed, $$(grep -cE -- '^\s*--- FAIL' $(LOG)browser-test.log) failed, $$(grep -cE -- '^\s*--- SKIP' $(LOG)browser-test.log) skipped"; \
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

# Lighthouse, for make bench only, has its own pinned package in cmd/bench.
cmd/bench/node_modules/.package-lock.json: cmd/bench/package.json cmd/bench/package-lock.json
	cd cmd/bench && npm ci --no-audit --no-fund --ignore-scripts

# --ignore-scripts: vnu-jar's install script would download a Java runtime
# when none is installed yet; browser-deps installs Debian's instead.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

## static: export the guide as static files in dist/ for any static host,
## with _headers, _redirects and .htaccess in dist/ and nginx.conf,
## Caddyfile, Caddyfile.server and symptom-guide.service in deploy/.
static: build
	$(GO) run $(OVERLAY) ./cmd/static -web $(WEB) -out $(DIST)

## size: print app.wasm's raw, gzip and brotli sizes.
size: build
	$(GO) run ./cmd/precompress -report $(WEB)/app.wasm

## clean: remove what the build wrote.
clean:
	rm -f web/app.wasm web/app.wasm.new web/*.br web/*.gz .browser-test.log .unit-test.log
	rm -rf dist deploy screenshots build

## bench: load times in Chromium (slow and 4G profiles, Go server and nginx
## serving the static export), Lighthouse 12 (npm, pinned) on three pages of
## both, and a wrk load test of the Go server against nginx; prints the
## tables with each goal's mark and writes them to bench-results.txt.
## Installs nginx, its brotli module, wrk and Chromium from Debian if
## missing (root).
bench: build cmd/bench/node_modules/.package-lock.json
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
