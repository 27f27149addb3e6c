//go:build !wasm

package main

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	registerRoutes() // as main does
	code := m.Run()
	if testWeb.dir != "" {
		os.RemoveAll(testWeb.dir)
	}
	os.Exit(code)
}
