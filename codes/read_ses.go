package codes

import (
	"encoding/json"
	"strings"
)

// sesNotification is the JSON that Amazon SES publishes for bounces,
// complaints and deliveries (through SNS or e-mail feedback forwarding).
type sesNotification struct {
	NotificationType string `json:"notificationType"`
	EventType        string `json:"eventType"`
	Bounce           struct {
		BounceType        string `json:"bounceType"`
		BounceSubType     string `json:"bounceSubType"`
		ReportingMTA      string `json:"reportingMTA"`
		BouncedRecipients []struct {
			EmailAddress   string `json:"emailAddress"`
			Action         string `json:"action"`
			Status         string `json:"status"`
			DiagnosticCode string `json:"diagnosticCode"`
		} `json:"bouncedRecipients"`
	} `json:"bounce"`
	Complaint struct {
		ComplainedRecipients []struct {
			EmailAddress string `json:"emailAddress"`
		} `json:"complainedRecipients"`
		ComplaintFeedbackType string `json:"complaintFeedbackType"`
	} `json:"complaint"`
	Delivery struct {
		Recipients   []string `json:"recipients"`
		SMTPResponse string   `json:"smtpResponse"`
		ReportingMTA string   `json:"reportingMTA"`
	} `json:"delivery"`
	Message string `json:"Message"` // an SNS envelope around the notification
}

// readSES reads an Amazon SES notification (JSON) in the text regions.
func readSES(s string, regions []span) []record {
	for _, g := range regions {
		k := strings.Index(s[g.start:g.end], `{"`)
		if k < 0 || !strings.Contains(s[g.start:g.end], `otificationType`) && !strings.Contains(s[g.start:g.end], `"eventType"`) {
			continue
		}
		js := span{g.start + k, g.end}
		// The object ends at the last closing brace of the region.
		if e := strings.LastIndexByte(s[js.start:js.end], '}'); e >= 0 {
			js.end = js.start + e + 1
		}
		// Mail transports wrap long lines, inside JSON strings too: the
		// line breaks are not part of the notification.
		raw := strings.ReplaceAll(s[js.start:js.end], "\n", "")
		var n sesNotification
		if err := json.Unmarshal([]byte(raw), &n); err != nil {
			continue
		}
		if n.NotificationType == "" && n.EventType == "" && n.Message != "" {
			// SNS envelope: the notification is a JSON string inside.
			if err := json.Unmarshal([]byte(n.Message), &n); err != nil {
				continue
			}
		}
		if recs := sesRecords(s, js, &n); len(recs) > 0 {
			return recs
		}
	}
	return nil
}

func sesRecords(s string, js span, n *sesNotification) []record {
	find := func(v string) span {
		if v == "" {
			return span{}
		}
		if k := strings.Index(s[js.start:js.end], v); k >= 0 {
			return span{js.start + k, js.start + k + len(v)}
		}
		return span{}
	}
	var recs []record
	typ := n.NotificationType
	if typ == "" {
		typ = n.EventType
	}
	switch typ {
	case "Bounce":
		for _, b := range n.Bounce.BouncedRecipients {
			r := record{reader: "ses", rcpt: b.EmailAddress, rcptAt: find(b.EmailAddress), action: strings.ToLower(b.Action), block: js}
			if r.action == "" {
				r.action = "failed"
			}
			if e, err := ParseEnhancedCode(b.Status); err == nil {
				r.status = e
				if k := strings.Index(s[js.start:js.end], `"status":"`+b.Status); k >= 0 {
					p := js.start + k + len(`"status":"`)
					r.stAt = span{p, p + len(b.Status)}
				}
			}
			diag, _ := typedValue(b.DiagnosticCode)
			r.diag = diag
			if r.diagAt = find(diag); r.diagAt.ok() {
				h := findCodes(s, r.diagAt.start, r.diagAt.end)
				r.reply, r.replyAt = h.reply, h.replyAt
				if !h.status.IsZero() {
					preferStatus(&r, h.status, h.stAt)
				}
			}
			if n.Bounce.BounceType == "Permanent" && n.Bounce.BounceSubType == "Suppressed" {
				r.hint = ReasonSuppressed
			}
			recs = append(recs, r)
		}
	case "Complaint":
		for _, c := range n.Complaint.ComplainedRecipients {
			recs = append(recs, record{reader: "ses", rcpt: c.EmailAddress, rcptAt: find(c.EmailAddress), action: "failed", hint: ReasonFeedback, block: js,
				diag: "Complaint reported through Amazon SES, type " + n.Complaint.ComplaintFeedbackType})
		}
	case "Delivery":
		for _, a := range n.Delivery.Recipients {
			r := record{reader: "ses", rcpt: a, rcptAt: find(a), action: "delivered", hint: ReasonDelivered, block: js, diag: n.Delivery.SMTPResponse, diagAt: find(n.Delivery.SMTPResponse)}
			if r.diagAt.ok() {
				h := findCodes2(s, r.diagAt.start, r.diagAt.end, true)
				r.reply, r.replyAt, r.status, r.stAt = h.reply, h.replyAt, h.status, h.stAt
			}
			recs = append(recs, r)
		}
	}
	return recs
}
