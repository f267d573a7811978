# Symptom Guide. `make run` builds and serves the demo clinic; `make test`
# runs every test. Both install what they need on a fresh Debian machine.

ADDR ?= localhost:8080
GO ?= go
WASM_FLAGS := -trimpath -gcflags=all=-l -ldflags="-s -w"

.PHONY: all build content wasm compress run test unit size clean deps

all: build

## deps: download the Go modules.
deps:
	$(GO) mod download

## content: compile content/ into app/guidedata, web/clinic.css and the icons.
content: deps
	$(GO) run ./cmd/guidec

## wasm: build the browser program (client code only) into web/app.wasm.
wasm: content
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm ./cmd/app

## compress: write pre-compressed copies of the large files beside them.
compress: wasm
	$(GO) run ./cmd/precompress web

## build: everything the server needs.
build: compress

## run: build, then serve the guide at http://$(ADDR)/.
run: build
	@echo "Serving the guide at http://$(ADDR)/"
	$(GO) run ./cmd/server -addr $(ADDR) -web web

## test: vet, then every test.
test: build
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/app
	$(GO) run ./cmd/guidec -check
	$(GO) test -count=1 ./...

## size: print app.wasm's raw, gzip and brotli sizes.
size: build
	$(GO) run ./cmd/precompress -report web/app.wasm

## clean: remove what the build wrote.
clean:
	rm -f web/app.wasm web/app.wasm.br web/app.wasm.gz
	rm -rf dist screenshots
