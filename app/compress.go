//go:build !wasm

package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// brotliQuality is the brotli level of the precompressed app.wasm: close to
// the best ratio at a fraction of the time of level 11.
const brotliQuality = 9

// compressFile writes name+".br" and name+".gz" next to name. Each is
// written to a temporary file first, so a reader never sees half a file.
func compressFile(name string, quality int) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if err := writeCompressed(name+".br", src, func(w io.Writer) io.WriteCloser {
		return brotli.NewWriterLevel(w, quality)
	}); err != nil {
		return err
	}
	return writeCompressed(name+".gz", src, func(w io.Writer) io.WriteCloser {
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		return zw
	})
}

// writeCompressed writes src compressed by the writer newWriter returns to
// the file name.
func writeCompressed(name string, src []byte, newWriter func(io.Writer) io.WriteCloser) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".compress-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	zw := newWriter(tmp)
	if _, err := zw.Write(src); err != nil {
		tmp.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
