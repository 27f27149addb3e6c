//go:build !wasm

package main

import (
	"testing"

	"github.com/bouncedecoder/bouncedecoder/codes"
)

func TestVerdict(t *testing.T) {
	perm := codes.Recipient{ReplyCode: "550", Status: "5.1.1", Permanent: true}
	temp := codes.Recipient{ReplyCode: "451", Status: "4.7.1"}
	tests := []struct {
		name       string
		recipients []codes.Recipient
		want       string
	}{
		{"none", nil, "none"},
		{"no code", []codes.Recipient{{}}, "none"},
		{"permanent", []codes.Recipient{perm}, "permanent"},
		{"temporary", []codes.Recipient{temp}, "temporary"},
		{"mixed", []codes.Recipient{temp, perm}, "permanent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, text := verdict(tt.recipients); got != tt.want || text == "" {
				t.Errorf("verdict = %q, %q; want %q", got, text, tt.want)
			}
		})
	}
}

func TestDecoderPageDecode(t *testing.T) {
	p := newDecoderPage()
	p.decodeText(sampleReply)
	if !p.decoded || p.err != "" || len(p.report.Recipients) != 1 {
		t.Fatalf("decode(%q): decoded %v, err %q, %d recipients", sampleReply, p.decoded, p.err, len(p.report.Recipients))
	}
	if rc := p.report.Recipients[0]; rc.ReplyCode != "550" || rc.Status != "5.1.1" || !rc.Permanent {
		t.Errorf("recipient = %+v", rc)
	}
	p.decodeText("")
	if p.decoded || len(p.report.Recipients) != 0 {
		t.Errorf("decode(\"\") kept a result: %+v", p.report)
	}
}
