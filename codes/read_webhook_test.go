package codes

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWebhookEvents checks what the webhook samples of testdata/decode mean,
// beside their golden files: the reason, the verdict fields and the provider.
func TestWebhookEvents(t *testing.T) {
	type want struct{ rcpt, action, reason, provider string }
	tests := map[string][]want{
		"sendgrid-webhook.txt": {
			{"jane@example.com", "failed", "userunknown", "google"},
			{"max@example.net", "delayed", "badreputation", "yahoo"},
			{"old@example.org", "failed", "suppressed", ""},
			{"ok@example.com", "delivered", "delivered", "google"},
			// the "open" event is no record
		},
		"mailgun-webhook.txt":   {{"alice@example.com", "failed", "blocked", "microsoft"}},
		"postmark-webhook.txt":  {{"john@example.com", "failed", "userunknown", ""}},
		"sparkpost-webhook.txt": {{"recipient@example.com", "failed", "spamdetected", ""}},
		"resend-webhook.txt": {
			{"delivered-not@example.com", "failed", "mailboxfull", ""},
			{"second@example.net", "failed", "mailboxfull", ""},
		},
		"mandrill-webhook.txt": {{"example.webhook@example.com", "failed", "userunknown", ""}},
		"brevo-webhook.txt":    {{"example@example.com", "failed", "userunknown", ""}},
		"mailjet-webhook.txt":  {{"bounce@example.com", "failed", "hostunknown", ""}},
		"mailjet-blocked.txt": {
			{"carol@example.net", "failed", "suppressed", ""},
			{"dan@example.org", "failed", "suppressed", ""},
		},
		"mailgun-ndjson.txt": {
			{"slow@example.com", "delayed", "expired", ""},
			{"fine@example.com", "delivered", "delivered", ""},
			{"gone@example.org", "failed", "userunknown", ""},
		},
		// SES's DeliveryDelay, which read_ses.go leaves to this reader.
		"ses-delivery-delay.txt": {{"recipient@example.com", "delayed", "expired", ""}},
		"webhook-not-bounce.txt": nil,
	}
	for name, wants := range tests {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", "decode", name))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Decode(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Recipients) != len(wants) {
				t.Fatalf("%d recipients, want %d: %+v", len(rep.Recipients), len(wants), rep.Recipients)
			}
			for i, w := range wants {
				rc := rep.Recipients[i]
				got := want{rc.Recipient, rc.Action, string(rc.Reason), rc.Provider}
				if got != w {
					t.Errorf("recipient %d: got %+v, want %+v", i+1, got, w)
				}
			}
		})
	}
}

// TestWebhookNotEvent checks JSON that holds no webhook event, and JSON
// that is cut or malformed: no record, and no panic.
func TestWebhookNotEvent(t *testing.T) {
	for name, in := range map[string]string{
		"no address":      `{"event":"bounce","reason":"550 5.1.1 user unknown"}`,
		"text before":     `mandrill_events=[{"event":"hard_bounce","msg":{"email":"a@example.com"}}]`,
		"cut":             `[{"email":"a@example.com","event":"bounce","status":"5.1.1"`,
		"no code no name": `{"email":"a@example.com","note":"hello there"}`,
		"success code":    `{"email":"a@example.com","code":250}`,
		"bad escape":      `{"email":"a@example.com","event":"bounce","reason":"550 \x"}`,
		"deep":            strings.Repeat("[", 100) + strings.Repeat("]", 100),
	} {
		t.Run(name, func(t *testing.T) {
			if recs := readWebhook(in); len(recs) != 0 {
				t.Errorf("got %d records: %+v", len(recs), recs)
			}
		})
	}
}

// TestWebhookExport reads an export of many events (more values than the
// JSON reader takes at once) and a paste cut in the middle of an event.
func TestWebhookExport(t *testing.T) {
	var b strings.Builder
	b.WriteString("[\n")
	const n = 20000
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"email":"user%d@example.com","event":"bounce","status":"5.1.1","reason":"550 5.1.1 User unknown","sg_event_id":"e%d","timestamp":%d}`, i, i, 1795770000+i)
	}
	b.WriteString("\n]\n")
	if v := strings.Count(b.String(), ":"); v <= maxJSONNodes/2 {
		t.Fatalf("the export has only %d fields: not more than the reader takes at once", v)
	}
	recs := readWebhook(b.String())
	if len(recs) != n || recs[n-1].rcpt != fmt.Sprintf("user%d@example.com", n-1) {
		t.Fatalf("%d records, want %d", len(recs), n)
	}
	rep, err := Decode([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != maxRecipients || len(rep.Problems) == 0 {
		t.Errorf("%d recipients and problems %q: want %d and a note of the rest", len(rep.Recipients), rep.Problems, maxRecipients)
	}

	// One event listing many addresses: each record reads the diagnostic
	// for its provider, not the whole event (maxHookBlock).
	var to []string
	for i := 0; i < 3000; i++ {
		to = append(to, fmt.Sprintf(`"user%d@example.com"`, i))
	}
	big := `{"type":"email.bounced","data":{"to":[` + strings.Join(to, ",") + `],"bounce":{"message":"552 5.2.2 mailbox full - gsmtp","type":"Permanent"}}}`
	rep, err = Decode([]byte(big))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Recipients) != maxRecipients || rep.Recipients[0].Reason != ReasonMailboxFull || rep.Recipients[0].Provider != "google" {
		t.Errorf("event with 3000 addresses: %d recipients, first %+v", len(rep.Recipients), rep.Recipients[0])
	}

	cut := `[{"email":"a@example.com","event":"bounce","status":"5.1.1"},{"email":"b@example.com","event":"bou`
	if recs := readWebhook(cut); len(recs) != 1 || recs[0].rcpt != "a@example.com" {
		t.Errorf("cut paste: %+v, want the whole first event", recs)
	}
}

// TestJSONReader checks the JSON reader against encoding/json: every string
// of a valid JSON text reads as encoding/json reads it, and its span is
// where it is written.
func TestJSONReader(t *testing.T) {
	for _, in := range []string{
		`{"a":"b","c":[1,2.5,-3e2,true,false,null],"d":{"e":""}}`,
		`[ "x\"y", "\u00e9\t\\", "\ud83d\ude00", {"k-ey":"v"} ]`,
		"{\n  \"RecordType\" : \"Bounce\" ,\n  \"Email\":\"a@example.com\"\n}",
		`[]`, `{}`, `"s"`,
	} {
		checkJSONReader(t, in)
	}
}

func checkJSONReader(t *testing.T, in string) {
	t.Helper()
	p := &jsonReader{s: in}
	root := p.value(0)
	if !json.Valid([]byte(in)) {
		return
	}
	if root == nil {
		t.Fatalf("%q: valid JSON not read", in)
	}
	var check func(n *jsonNode)
	check = func(n *jsonNode) {
		if n.at.start < 0 || n.at.end > len(in) || n.at.start > n.at.end {
			t.Fatalf("%q: span %v out of the text", in, n.at)
		}
		if n.kind == '"' {
			var want string
			if err := json.Unmarshal([]byte(in[n.at.start-1:n.at.end+1]), &want); err != nil {
				t.Fatalf("%q: the span of %q is no string: %v", in, n.str, err)
			}
			if n.str != want {
				t.Errorf("%q: read %q, encoding/json reads %q", in, n.str, want)
			}
		}
		for _, c := range n.kids {
			check(c)
		}
	}
	check(root)
}

func FuzzJSONReader(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, `[1,"\u00e9",{"x":[true]}]`, `{"email":"a@example.com","event":"bounce","reason":"550 5.1.1 x"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkJSONReader(t, in)
		readWebhook(in)
	})
}
