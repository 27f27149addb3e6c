package main

import (
	"errors"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// errBatchRead is reported for a file the browser could not read.
var errBatchRead = errors.New("the browser could not read the file")

// batchReadBlob reads a Blob (a File) into a Go byte slice through its
// stream, one chunk at a time, so that the browser never holds a second
// copy of the whole file; where Blob.stream is missing it reads the whole
// ArrayBuffer. done is called once, from a JavaScript callback: callers
// dispatch to the UI goroutine from it.
func batchReadBlob(blob app.Value, size int, done func(data []byte, err error)) {
	if !blob.Get("stream").Truthy() {
		batchReadArrayBuffer(blob, done)
		return
	}
	data := make([]byte, 0, size)
	reader := blob.Call("stream").Call("getReader")
	var next, fail, read app.Func
	finish := func(err error) {
		next.Release()
		fail.Release()
		read.Release()
		done(data, err)
	}
	// The reads of a file already in memory resolve at once, as promise
	// callbacks that run before the browser may paint: reading 50 MB so
	// froze the page for 0.7 s (TestE2EBatch/throughput). Every
	// batchSlice, the next read waits for a timer, letting a frame through.
	read = app.FuncOf(func(this app.Value, args []app.Value) any {
		reader.Call("read").Call("then", next, fail)
		return nil
	})
	slice := time.Now()
	next = app.FuncOf(func(this app.Value, args []app.Value) any {
		res := args[0]
		if res.Get("done").Bool() {
			finish(nil)
			return nil
		}
		chunk := res.Get("value")
		n := chunk.Length()
		start := len(data)
		if start+n > cap(data) { // the file grew since its size was read
			grown := make([]byte, start, 2*(start+n))
			copy(grown, data)
			data = grown
		}
		data = data[:start+n]
		app.CopyBytesToGo(data[start:], chunk)
		if time.Since(slice) < batchSlice {
			reader.Call("read").Call("then", next, fail)
			return nil
		}
		slice = time.Now()
		app.Window().Call("setTimeout", read, 0)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish(errBatchRead)
		return nil
	})
	reader.Call("read").Call("then", next, fail)
}

// batchReadArrayBuffer reads a Blob whole.
func batchReadArrayBuffer(blob app.Value, done func(data []byte, err error)) {
	var ok, fail app.Func
	release := func() {
		ok.Release()
		fail.Release()
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		u8 := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, u8.Length())
		app.CopyBytesToGo(data, u8)
		done(data, nil)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		done(nil, errBatchRead)
		return nil
	})
	blob.Call("arrayBuffer").Call("then", ok, fail)
}
