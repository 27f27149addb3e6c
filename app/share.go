package main

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// Share links carry the pasted text in the URL fragment, which browsers
// never send to a server:
//
//	/#t=<base64url of deflate-raw of the UTF-8 text>
//
// deflate-raw is RFC 1951 without a zlib or gzip header (what
// CompressionStream("deflate-raw") writes); base64url is RFC 4648 section 5
// without padding. The fragment may hold other "&"-separated parameters.
// The /embed page and web/embed.js use the same format.

// errShareTooLarge is returned for a share fragment whose text exceeds
// codes.MaxInputSize.
var errShareTooLarge = errors.New("share: the shared text is too large")

// errShareBad is returned for a share fragment that cannot be read.
var errShareBad = errors.New("share: the link is damaged (the text in it cannot be read)")

// encodeShare returns the fragment ("t=...") carrying text.
func encodeShare(text string) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression) // the level is valid
	w.Write([]byte(text))
	w.Close()
	return "t=" + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// decodeShare returns the text carried by a URL fragment (without "#"),
// "" with a nil error when it carries none.
func decodeShare(fragment string) (string, error) {
	q, err := url.ParseQuery(strings.TrimPrefix(fragment, "#"))
	if err != nil {
		// Not parameters at all (an anchor such as "#result"): no text.
		return "", nil
	}
	t := q.Get("t")
	if t == "" {
		return "", nil
	}
	data, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(t, "="))
	if err != nil {
		return "", errShareBad
	}
	r := flate.NewReader(bytes.NewReader(data))
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, codes.MaxInputSize+1))
	if err != nil {
		return "", errShareBad
	}
	if len(out) > codes.MaxInputSize {
		return "", errShareTooLarge
	}
	return string(out), nil
}
