package main

import (
	"strings"
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

// TestWarmUpMail checks that the warm-up's made-up bounce is the size it
// says and goes through the paths it is there to warm: its base64 plain
// text and its quoted-printable HTML both end up decoded in the text.
func TestWarmUpMail(t *testing.T) {
	m := warmUpMail(warmUpSize)
	if len(m) < warmUpSize*9/10 || len(m) > warmUpSize*11/10 {
		t.Errorf("warmUpMail(%d) is %d bytes", warmUpSize, len(m))
	}
	r, err := codes.Decode([]byte(m))
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("Decode: %v, problems %v", err, r.Problems)
	}
	if len(r.Recipients) != 1 {
		t.Fatalf("%d recipients, want 1", len(r.Recipients))
	}
	rc := r.Recipients[0]
	if rc.Recipient != "user@example.com" || rc.ReplyCode != "550" || rc.Status != "5.1.1" {
		t.Errorf("recipient %q, reply %v, status %v", rc.Recipient, rc.ReplyCode, rc.Status)
	}
	for _, want := range []string{
		"Délivrance 0 — your message to user0@example.com couldn't be delivered.\n",   // base64
		"Délivrance 0 — your message to user0@example.com couldn't be delivered: 550", // quoted-printable HTML
	} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}
