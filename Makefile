# Bounce Decoder. The two commands: "make run" and "make test".
# Everything else needs only Go; the end-to-end tests need Chromium, which
# "make deps" installs from Debian packages when it is missing.

GO ?= go
PORT ?= 8000
DIR ?= dist
# WebAssembly tests run on Node with Go's own runner.
WASM_ENV = PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm

export PORT

.PHONY: run build static test deps fmt check-fmt vet test-go test-wasm test-e2e bench fuzz clean

## run: build everything and serve the app at http://127.0.0.1:$(PORT)
run: build
	$(GO) run ./app serve

## build: web/app.wasm (+ .br, .gz) and bin/bounce-decoder
build:
	./build.sh

## static: the static site in $(DIR) (BASE_PATH=/decoder/ for a sub-path)
static:
	./build.sh static $(DIR)

## test: every check, in order: deps, gofmt, go vet, go test -race, wasm tests on Node, end-to-end tests in Chromium
test: deps check-fmt vet test-go test-wasm test-e2e

## deps: install what the tests need and the machine lacks (Chromium, Node, gcc for -race)
deps:
	@missing=""; \
	if [ -z "$$CHROME" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then missing="$$missing chromium"; fi; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v gcc >/dev/null 2>&1 || missing="$$missing gcc libc6-dev"; \
	if [ -n "$$missing" ]; then \
		echo "deps: installing$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; \
	else \
		echo "deps: Chromium, Node and gcc are installed"; \
	fi

## fmt: gofmt every Go file
fmt:
	gofmt -w .

check-fmt:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed in:"; echo "$$out"; exit 1; fi; echo "gofmt: ok"

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet -tags platformcharsets ./...

test-go:
	$(GO) test -race -skip 'E2E' ./...

test-wasm:
	$(WASM_ENV) $(GO) test ./...

test-e2e:
	$(GO) test -count=1 -run 'E2E' -v ./app

## bench: the decoder benchmarks, then the app in headless Chromium (wasm size, first and repeat visit, decode+render)
bench:
	$(GO) test ./codes -run '^$$' -bench . -benchmem
	$(GO) test ./app -run '^$$' -bench Browser -benchtime 1x -v
	$(GO) test ./app/jsapi -run '^$$' -bench WasmSize -benchtime 1x
	BATCH_E2E_MB=50 $(GO) test ./app -run 'TestE2EBatch$$/throughput' -v

## fuzz: fuzz the decoder for a minute
fuzz:
	$(GO) test ./codes -run '^$$' -fuzz FuzzDecode -fuzztime 60s

clean:
	rm -rf bin dist web/app.wasm web/app.wasm.br web/app.wasm.gz web/bounce-decoder.wasm web/bounce-decoder.wasm.br web/bounce-decoder.wasm.gz
