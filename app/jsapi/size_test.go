package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/bouncedecoder/bouncedecoder/app/internal/precompress"
)

// sizeBudget is the most the JavaScript API's wasm may weigh, brotli
// compressed (issue 5).
const sizeBudget = 600 << 10

// BenchmarkWasmSize builds the API's wasm as the build does and reports
// its size, raw and brotli-compressed (as a release ships it, and as a
// development build does), against the budget, with the code size of the
// largest packages:
//
//	go test ./app/jsapi -run '^$' -bench WasmSize
func BenchmarkWasmSize(b *testing.B) {
	if runtime.GOOS == "js" {
		b.Skip("needs the go command")
	}
	dir := b.TempDir()
	stripped := buildWasm(b, filepath.Join(dir, "s.wasm"), "-s -w")
	named := buildWasm(b, filepath.Join(dir, "n.wasm"), "")
	b.ResetTimer()
	var br, dev bytes.Buffer
	for range b.N {
		br.Reset()
		w := brotli.NewWriterOptions(&br, precompress.Best)
		w.Write(stripped)
		w.Close()
	}
	w := brotli.NewWriterOptions(&dev, precompress.Dev)
	w.Write(stripped)
	w.Close()
	b.ReportMetric(float64(len(stripped)), "raw-bytes")
	b.ReportMetric(float64(br.Len()), "br-bytes")
	b.ReportMetric(float64(dev.Len()), "br-dev-bytes")
	verdict := "within"
	if br.Len() > sizeBudget {
		verdict = "OVER"
	}
	b.Logf("bounce-decoder.wasm: %d bytes, %d brotli as released (%d in a development build): %s the budget of %d", len(stripped), br.Len(), dev.Len(), verdict, sizeBudget)

	sizes, data, err := wasmCodeSizes(named)
	if err != nil {
		b.Fatal(err)
	}
	var lines []string
	for i, p := range sizes {
		if i == 25 {
			break
		}
		lines = append(lines, fmt.Sprintf("%9d  %s", p.size, p.pkg))
	}
	b.Logf("code size by package (uncompressed; data section %d bytes):\n%s", data, strings.Join(lines, "\n"))
}

func buildWasm(b *testing.B, out, ldflags string) []byte {
	b.Helper()
	cmd := exec.Command("go", "build", "-trimpath", "-tags", "platformcharsets", "-ldflags="+ldflags, "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

type pkgSize struct {
	pkg  string
	size int
}

var errWasm = errors.New("jsapi: malformed wasm")

// wasmCodeSizes sums the function bodies of a wasm module by the package of
// their name (from the "name" custom section), largest first, and returns
// the size of the data section.
func wasmCodeSizes(m []byte) ([]pkgSize, int, error) {
	if len(m) < 8 || string(m[:4]) != "\x00asm" {
		return nil, 0, errWasm
	}
	var bodies []int
	names := map[int]string{}
	imports, data := 0, 0
	for p := m[8:]; len(p) > 0; {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || 1+n+int(size) > len(p) {
			return nil, 0, errWasm
		}
		sec := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		switch id {
		case 2: // imports: function imports take the first indices
			imports = countFuncImports(sec)
		case 10: // code
			cnt, n := binary.Uvarint(sec)
			q := sec[n:]
			for range cnt {
				l, n := binary.Uvarint(q)
				bodies = append(bodies, int(l)+n)
				q = q[n+int(l):]
			}
		case 11:
			data = int(size)
		case 0:
			l, n := binary.Uvarint(sec)
			if string(sec[n:n+int(l)]) == "name" {
				readFuncNames(sec[n+int(l):], names)
			}
		}
	}
	byPkg := map[string]int{}
	for i, s := range bodies {
		byPkg[wasmPackage(names[imports+i])] += s
	}
	var out []pkgSize
	for k, v := range byPkg {
		out = append(out, pkgSize{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].size > out[j].size })
	return out, data, nil
}

// wasmPackage returns the package of a function name of the wasm name
// section, where a package path has "_" for "/":
// "github.com_bouncedecoder_bouncedecoder_codes.Decode" →
// "github.com_bouncedecoder_bouncedecoder_codes", "regexp_syntax.init" →
// "regexp_syntax".
func wasmPackage(name string) string {
	first := strings.IndexByte(name, '.')
	if first < 0 {
		return name
	}
	rest := name[first+1:]
	if u := strings.IndexByte(rest, '_'); u >= 0 && !strings.Contains(name[:first], "_") {
		switch rest[:u] {
		case "com", "org", "net", "io", "in", "dev":
			if next := strings.IndexByte(rest[u:], '.'); next >= 0 {
				return name[:first+1+u+next]
			}
		}
	}
	return name[:first]
}

// countFuncImports counts the function imports of an import section.
func countFuncImports(sec []byte) int {
	cnt, n := binary.Uvarint(sec)
	p, funcs := sec[n:], 0
	skip := func() { _, n := binary.Uvarint(p); p = p[n:] }
	for range cnt {
		for range 2 { // module and field names
			l, n := binary.Uvarint(p)
			p = p[n+int(l):]
		}
		kind := p[0]
		p = p[1:]
		switch kind {
		case 0: // func: type index
			skip()
			funcs++
		case 1: // table: element type, limits
			p = p[1:]
			fallthrough
		case 2: // memory: limits
			flags := p[0]
			p = p[1:]
			skip()
			if flags&1 != 0 {
				skip()
			}
		case 3: // global: type, mutability
			p = p[2:]
		}
	}
	return funcs
}

// readFuncNames reads the function names subsection of a name section.
func readFuncNames(p []byte, names map[int]string) {
	for len(p) > 0 {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		sub := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		if id != 1 {
			continue
		}
		cnt, n := binary.Uvarint(sub)
		q := sub[n:]
		for range cnt {
			idx, n := binary.Uvarint(q)
			q = q[n:]
			l, n := binary.Uvarint(q)
			q = q[n:]
			names[int(idx)] = string(q[:l])
			q = q[l:]
		}
	}
}

func TestWasmPackage(t *testing.T) {
	tests := []struct{ name, want string }{
		{"github.com_bouncedecoder_bouncedecoder_codes.Decode", "github.com_bouncedecoder_bouncedecoder_codes"},
		{"golang.org_x_text_encoding_japanese.init", "golang.org_x_text_encoding_japanese"},
		{"regexp_syntax.init", "regexp_syntax"},
		{"runtime.mallocgc", "runtime"},
		{"runtime.foo_bar.baz", "runtime"},
		{"main.main", "main"},
		{"wasm_export_run", "wasm_export_run"},
	}
	for _, tt := range tests {
		if got := wasmPackage(tt.name); got != tt.want {
			t.Errorf("wasmPackage(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestWasmCodeSizesMalformed(t *testing.T) {
	for _, m := range [][]byte{nil, []byte("\x00asm"), []byte("\x00asm\x01\x00\x00\x00\x0a\xff")} {
		if _, _, err := wasmCodeSizes(m); err == nil {
			t.Errorf("wasmCodeSizes(%q): no error", m)
		}
	}
}
