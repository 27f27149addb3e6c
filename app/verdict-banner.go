package main

import (
	"strconv"

	"github.com/bouncedecoder/bouncedecoder/codes"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The verdicts, from best to worst. A report's verdict is its worst
// recipient's.
const (
	verdictNone      = "none"      // no code found
	verdictDelivered = "delivered" // delivered, relayed or a 2xx reply
	verdictTemporary = "temporary" // retry later
	verdictPermanent = "permanent" // stop; fix the cause first
	verdictRemove    = "remove"    // stop and remove the address
)

// backoffAdvice is what to do about a temporary failure the sending
// server still retries: a deferral (a 4xx reply, Action: delayed).
const backoffAdvice = "Do not resend by hand: the sending server retries by itself, " +
	"with growing intervals (for example 15 min, 30 min, 1 h, 2 h), for up to 5 days. " +
	"If you send through your own code, retry with exponential backoff; " +
	"if it still fails after a day or two, treat it as permanent and look at the cause below."

// resendAdvice is what to do when the message bounced for a cause that can
// clear (a full mailbox, a server down): the sending server gave up on it.
const resendAdvice = "The sending server has given up on this message, but the cause can clear: " +
	"send it again later, in a few hours or days (after the recipient has made room, for a full mailbox). " +
	"If it bounces again the same way for more than a few days, treat the address as permanent and look at the cause below."

// retryAdvice returns the advice for the recipients whose verdict is
// temporary: resendAdvice when one of them bounced for good (Action:
// failed, or a permanent code), else backoffAdvice.
func retryAdvice(recipients []codes.Recipient) string {
	for _, rc := range recipients {
		if recipientVerdict(rc) == verdictTemporary && (rc.Permanent || rc.Action == "failed") {
			return resendAdvice
		}
	}
	return backoffAdvice
}

// verdictRank orders verdicts from best to worst.
func verdictRank(v string) int {
	switch v {
	case verdictDelivered:
		return 1
	case verdictTemporary:
		return 2
	case verdictPermanent:
		return 3
	case verdictRemove:
		return 4
	}
	return 0
}

// recipientVerdict returns the verdict for one recipient.
func recipientVerdict(rc codes.Recipient) string {
	switch {
	case rc.HardBounce:
		return verdictRemove
	case rc.Retry == codes.RetryLater:
		return verdictTemporary
	case rc.Permanent:
		return verdictPermanent
	case rc.Action == "delivered" || rc.Action == "relayed" || rc.Action == "expanded" ||
		rc.Reason == codes.ReasonDelivered || rc.ReplyCode != "" && rc.ReplyCode[0] == '2':
		return verdictDelivered
	case rc.Status != "" || rc.ReplyCode != "" || rc.Action == "delayed" || rc.Action == "failed":
		return verdictTemporary
	}
	return verdictNone
}

// verdict returns the verdict of a report and its headline.
func verdict(recipients []codes.Recipient) (v, headline string) {
	v = verdictNone
	count := 0
	for _, rc := range recipients {
		rv := recipientVerdict(rc)
		switch {
		case verdictRank(rv) > verdictRank(v):
			v, count = rv, 1
		case rv == v:
			count++
		}
	}
	some := ""
	if len(recipients) > 1 && count < len(recipients) {
		some = " (" + strconv.Itoa(count) + " of " + strconv.Itoa(len(recipients)) + " recipients)"
	}
	switch v {
	case verdictRemove:
		return v, "Permanent failure: stop and remove this address from your lists" + some + "."
	case verdictPermanent:
		return v, "Permanent failure: stop; fix the cause first, then send again" + some + "."
	case verdictTemporary:
		return v, "Temporary failure: retry later" + some + "."
	case verdictDelivered:
		return v, "Delivered: no failure here" + some + "."
	}
	return v, "No failure code found."
}

// verdictLabel is the short verdict shown on a recipient card.
func verdictLabel(v string) string {
	switch v {
	case verdictRemove:
		return "Remove this address"
	case verdictPermanent:
		return "Stop: fix first"
	case verdictTemporary:
		return "Retry later"
	case verdictDelivered:
		return "Delivered"
	}
	return "Unknown"
}

// verdictBanner sums up a report first: delivered, retry later, stop and
// fix, or remove the address.
type verdictBanner struct {
	app.Compo

	Recipients []codes.Recipient
}

func (v *verdictBanner) Render() app.UI {
	class, text := verdict(v.Recipients)
	return app.Div().
		Class("verdict verdict-"+class).
		DataSet("verdict", class).
		Role("status").
		Body(
			app.P().Class("verdict-headline").Text(text),
			app.If(class == verdictTemporary, func() app.UI {
				return app.P().Class("verdict-advice").Text(retryAdvice(v.Recipients))
			}),
		)
}
