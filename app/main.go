// Command bounce-decoder is the Bounce Decoder web app, its local server and
// its command line.
//
// The same package builds for the browser (GOOS=js GOARCH=wasm), where it
// runs the go-app user interface, and for the host, where it serves the app,
// writes the static site and decodes bounces on the command line:
//
//	bounce-decoder serve                 serve the app on http://127.0.0.1:$PORT
//	bounce-decoder decode FILE... | -    print one JSON report per input
//	bounce-decoder static DIR            write the static site to DIR
//
// Run "bounce-decoder help" for the details.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	tuneGC()
	useBrowserCharsets()
	registerRoutes()
	app.RunWhenOnBrowser() // returns at once on the host
	os.Exit(runCLI(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
