//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/bouncedecoder/bouncedecoder/app/internal/precompress"
	"github.com/bouncedecoder/bouncedecoder/codes"
)

const usage = `Bounce Decoder: what a bounced email means.

Usage:
  bounce-decoder serve [-web DIR]           serve the app on http://127.0.0.1:$PORT (default 8000)
  bounce-decoder decode FILE... | -         print one JSON report per input, one per line
  bounce-decoder decode --batch FILE... | - decode mailboxes, logs, traces, webhook JSON or mailq: one JSON line per failed recipient
  bounce-decoder static [-web DIR] DIR      write the static site to DIR (sub-path: BASE_PATH=/decoder/,
                                            host name for link previews: DOMAIN=example.com)
  bounce-decoder compress [-best] FILE...   write FILE.br and FILE.gz (a build step)
  bounce-decoder help                       show this help
`

// command is one subcommand of the command line.
type command struct {
	name string
	run  func(c *cli, args []string) int
}

// commands are the subcommands, by name.
var commands = [...]command{
	{"compress", (*cli).compress},
	{"decode", (*cli).decode},
	{"serve", (*cli).serve},
	{"static", (*cli).static},
}

// cli holds the streams of one run of the command line.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// runCLI runs the command line with args (without the program name) and
// returns the exit code: 0 on success, 1 on a failure, 2 on a usage error.
func runCLI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	for _, cmd := range commands {
		if cmd.name == args[0] {
			return cmd.run(c, args[1:])
		}
	}
	fmt.Fprintf(stderr, "bounce-decoder: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// flags returns a flag set for the named subcommand that reports to c.
func (c *cli) flags(name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "usage: bounce-decoder %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// decode prints one JSON report per input file, one per line.
func (c *cli) decode(args []string) int {
	if len(args) > 0 && (args[0] == "--batch" || args[0] == "-batch") {
		return c.decodeBatch(args[1:]) // cli-batch.go
	}
	fs := c.flags("decode", "[--batch] FILE... | -")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	code := 0
	for _, name := range fs.Args() {
		r, err := c.decodeFile(name)
		if err != nil {
			fmt.Fprintf(c.stderr, "decode: %s: %v\n", name, err)
			code = 1
			if r == nil {
				continue
			}
		}
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(c.stderr, "decode: %v\n", err)
			return 1
		}
	}
	return code
}

// decodeFile decodes the named file, or standard input for "-". It returns
// the report, partial when err is not nil, or nil if the file could not be
// read.
func (c *cli) decodeFile(name string) (*codes.Report, error) {
	var in io.Reader = c.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in = f
	}
	// Read one byte past the limit so that Decode can tell it was exceeded.
	data, err := io.ReadAll(io.LimitReader(in, codes.MaxInputSize+1))
	if err != nil {
		return nil, err
	}
	r, err := codes.Decode(data)
	r.File = name
	if errors.Is(err, codes.ErrTooLarge) {
		err = fmt.Errorf("%w: the limit is %d MiB", err, codes.MaxInputSize>>20)
	}
	return &r, err
}

// serve serves the app on 127.0.0.1:$PORT until interrupted.
func (c *cli) serve(args []string) int {
	fs := c.flags("serve", "[-web DIR]")
	web := fs.String("web", "web", "the web `directory` holding app.wasm")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8000"
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		fmt.Fprintf(c.stderr, "serve: invalid PORT %q\n", port)
		return 2
	}
	s, err := loadSite(*web, "")
	if err != nil {
		fmt.Fprintf(c.stderr, "serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		fmt.Fprintf(c.stderr, "serve: %v\n", err)
		return 1
	}
	s.domain = ln.Addr().String()
	srv := &http.Server{Handler: newServer(s), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(c.stdout, "Bounce Decoder is running at http://%s/ (version %s). Press Ctrl-C to stop.\n", ln.Addr(), s.version)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(c.stderr, "serve: %v\n", err)
		return 1
	}
	return 0
}

// static writes the static site to a directory.
func (c *cli) static(args []string) int {
	fs := c.flags("static", "[-web DIR] [-base PATH] [-domain HOST] DIR")
	web := fs.String("web", "web", "the web `directory` holding app.wasm")
	base := fs.String("base", os.Getenv("BASE_PATH"), "the `path` the site is served under, such as /decoder/ (default $BASE_PATH, else /)")
	domain := fs.String("domain", os.Getenv("DOMAIN"), "the `host` name the site is published at, for link previews (default $DOMAIN)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	s, err := loadSite(*web, *base)
	if err != nil {
		fmt.Fprintf(c.stderr, "static: %v\n", err)
		return 1
	}
	s.domain = *domain
	n, err := writeStaticSite(s, fs.Arg(0))
	if err != nil {
		fmt.Fprintf(c.stderr, "static: %v\n", err)
		return 1
	}
	fmt.Fprintf(c.stdout, "wrote %d files to %s for the base path %s/\n", n, fs.Arg(0), s.basePath)
	return 0
}

// compress writes FILE.br and FILE.gz next to each FILE.
func (c *cli) compress(args []string) int {
	fs := c.flags("compress", "[-best] FILE...")
	best := fs.Bool("best", false, "brotli level 11 with a 16 MiB window (a release build; slow)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	opts := precompress.Dev
	if *best {
		opts = precompress.Best
	}
	for _, name := range fs.Args() {
		if err := precompress.File(name, opts); err != nil {
			fmt.Fprintf(c.stderr, "compress: %v\n", err)
			return 1
		}
	}
	return 0
}
