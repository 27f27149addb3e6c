//go:build !wasm

package main

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	registerRoutes() // as main does
	os.Exit(m.Run())
}
