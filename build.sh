#!/usr/bin/env bash
# build.sh builds Bounce Decoder.
#
#   ./build.sh                 web/app.wasm, web/bounce-decoder.wasm (each with .br and
#                              .gz copies) and bin/bounce-decoder
#   ./build.sh static [DIR]    the same, then the static site in DIR (default dist/);
#                              BASE_PATH=/decoder/ ./build.sh static  serves it under /decoder/
#
# It needs only Go: the program compresses the wasm files itself.
set -euo pipefail
cd "$(dirname "$0")"

GO=${GO:-go}

# wasm OUT PKG builds PKG for the browser into OUT, replacing OUT only when
# its content changed, so that an unchanged build keeps its compressed
# copies and its version. The tag platformcharsets leaves charset tables out
# of codes: the browser's TextDecoder converts charsets (app/internal/jscharset).
wasm() {
	echo "build: $1"
	GOOS=js GOARCH=wasm "$GO" build -trimpath -tags platformcharsets -ldflags="-s -w" -o "$1.new" "$2"
	if cmp -s "$1.new" "$1"; then
		rm "$1.new"
	else
		mv "$1.new" "$1"
	fi
}

wasm web/app.wasm ./app
wasm web/bounce-decoder.wasm ./app/jsapi # the JavaScript API

echo "build: bin/bounce-decoder"
"$GO" build -trimpath -o bin/bounce-decoder ./app

for f in web/app.wasm web/bounce-decoder.wasm; do
	if [ ! -f "$f.br" ] || [ ! -f "$f.gz" ] || [ "$f" -nt "$f.br" ] || [ "$f" -nt "$f.gz" ]; then
		echo "build: $f.br, $f.gz"
		bin/bounce-decoder compress "$f"
	fi
done

case "${1:-}" in
"") ;;
static)
	# A release: the best brotli copies (about 12% smaller, some 30 s per
	# file), redone when the wasm file changed since the last such run.
	for f in web/app.wasm web/bounce-decoder.wasm; do
		stamp="bin/.$(basename "$f").best"
		if [ ! -f "$stamp" ] || [ "$f" -nt "$stamp" ] || [ "$f.br" -nt "$stamp" ]; then
			echo "build: $f.br, $f.gz (best)"
			bin/bounce-decoder compress -best "$f"
			touch "$stamp"
		fi
	done
	dir=${2:-dist}
	rm -rf "$dir"
	bin/bounce-decoder static -base "${BASE_PATH:-/}" "$dir"
	;;
*)
	echo "usage: $0 [static [DIR]]" >&2
	exit 2
	;;
esac
