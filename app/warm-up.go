package main

import (
	"encoding/base64"
	"fmt"
	"mime/quotedprintable"
	"strings"
	"sync"
	"time"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// warmUpOnce runs warmUp once per page load.
var warmUpOnce sync.Once

// warmUp decodes the examples, then warmUpRounds times a made-up bounce
// shaped like large ones (warmUpMail), in the background soon after a page
// with a decoder has mounted, and writes the markup of their results, one
// at a time with pauses between them so the page stays responsive.
//
// The browser compiles each WebAssembly function the first time it runs,
// and compiles it again, optimised, on other threads once it has run long
// enough; codes builds its knowledge base's indexes on first use. Without
// the warm-up the user's first paste pays for all three. The examples are
// short: the loops that read a large mail byte by byte (quoted-printable,
// base64, HTML, the highlighting) would still get hot only on the user's
// paste, and their optimising compiles would then run beside its decoding
// and drawing, on a machine of two cores at its cost (BenchmarkBrowser,
// decode-render-ms).
func warmUp() {
	if !app.IsClient {
		return
	}
	warmUpOnce.Do(func() {
		go func() {
			for _, ex := range examples {
				warmUpDecode(ex.Text)
			}
			// Made only now: made when the goroutine started, it
			// delayed data-ready on a first visit (medians of 1,080
			// against 981 ms, seven first visits each, side by side).
			mail := warmUpMail(warmUpSize)
			for range warmUpRounds {
				warmUpDecode(mail)
			}
		}()
	})
}

// warmUpDecode decodes text and writes the markup of its result, after a
// pause that lets the browser paint and handle input.
func warmUpDecode(text string) {
	time.Sleep(20 * time.Millisecond)
	r, _ := codes.Decode([]byte(text))
	highlightBlocks(highlight(r.Text, r.Recipients), -1)
	for i, rc := range r.Recipients {
		cardMarkup(rc, i, false, true)
	}
}

// warmUpSize is about how many bytes warmUpMail writes, and warmUpRounds
// how many times the warm-up decodes it. The browser counts a function's
// runs across calls before it optimises it, so four decodes of 8 KB make
// the byte loops about as hot as one of 32 KB, in shorter tasks. On a
// first visit, when each function is also compiled at its first call, the
// longest task after data-ready had a median of 615 ms with one decode of
// 32 KB against 259 ms for the examples alone, and of 320 ms with four of
// 8 KB against 470 ms with one of 32 KB (headless Chromium, six first
// visits each, the two versions served side by side).
const (
	warmUpSize   = 8 << 10
	warmUpRounds = 4
)

// warmUpMail returns a made-up bounce of about size bytes, shaped like the
// large ones real servers send: a multipart/report whose readable part is
// a multipart/alternative of plain text in base64 and HTML in
// quoted-printable (Microsoft 365, AOL and Yahoo send such), a
// delivery-status part and the returned message's header fields. Names
// and addresses are example ones (RFC 2606).
func warmUpMail(size int) string {
	var text, html strings.Builder
	html.WriteString(`<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css">body { font-family: Arial, sans-serif; font-size: 14px; } td.row { padding: 4px 8px; border-bottom: 1px solid #ddd; }</style></head><body><table width="100%" cellpadding="0" cellspacing="0">`)
	for i := 0; text.Len()*4/3+html.Len()*11/10 < size-1500; i++ {
		fmt.Fprintf(&text, "Délivrance %d — your message to user%d@example.com couldn't be delivered.\n", i, i)
		fmt.Fprintf(&html, `<tr><td class="row" style="color: #333333; line-height: 19px;">Délivrance %d — your message to <a href="mailto:user%d@example.com">user%d@example.com</a> couldn't be delivered: 550 5.1.1 mailbox unavailable.</td></tr>`+"\n", i, i, i)
	}
	html.WriteString("</table></body></html>\n")

	var b strings.Builder
	b.WriteString("From: Mail Delivery Subsystem <mailer-daemon@mx.example.net>\r\n" +
		"To: sender@example.org\r\n" +
		"Subject: Undeliverable: Newsletter\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/report; report-type=delivery-status; boundary=\"report\"\r\n\r\n" +
		"--report\r\n" +
		"Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" +
		"--alt\r\n" +
		"Content-Type: text/plain; charset=UTF-8\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n")
	body := base64.StdEncoding.EncodeToString([]byte(text.String()))
	for len(body) > 76 {
		b.WriteString(body[:76] + "\r\n")
		body = body[76:]
	}
	b.WriteString(body + "\r\n\r\n--alt\r\n" +
		"Content-Type: text/html; charset=UTF-8\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(html.String()))
	qp.Close()
	b.WriteString("\r\n--alt--\r\n\r\n--report\r\n" +
		"Content-Type: message/delivery-status\r\n\r\n" +
		"Reporting-MTA: dns; mx.example.net\r\n\r\n" +
		"Final-Recipient: rfc822; user@example.com\r\n" +
		"Action: failed\r\n" +
		"Status: 5.1.1\r\n" +
		"Remote-MTA: dns; mx.example.com\r\n" +
		"Diagnostic-Code: smtp; 550 5.1.1 <user@example.com>: Recipient address rejected: User unknown\r\n\r\n" +
		"--report\r\n" +
		"Content-Type: text/rfc822-headers\r\n\r\n" +
		"From: sender@example.org\r\n" +
		"To: user@example.com\r\n" +
		"Subject: Newsletter\r\n\r\n" +
		"--report--\r\n")
	return b.String()
}
