package codes

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The classifier's hand-written matchers replaced regular expressions
// (for speed, and to keep regexp out of the browser build). matchREs are
// those expressions; TestMatchers pins the matchers' results on a table,
// and TestMatchersRandom checks them against the expressions.
var matchREs = map[string]*regexp.Regexp{
	"aup":               regexp.MustCompile(`aup#([a-z]+-)?([a-z0-9]+)`),
	"docomoMTA":         regexp.MustCompile(`(?:remote-mta: dns; ?|host )[a-z0-9.-]*\bdocomo\.ne\.jp`),
	"hostMissing":       regexp.MustCompile(`(?:^|[ <(\[])[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?>? does not exist`),
	"messageLabsReject": regexp.MustCompile(`^[45][0-9][0-9] <?[^ <>@]+@[^ <>]+>? rejected$`),
	"orange":            regexp.MustCompile(`\b(?:ofr|lpn)[0-9]{0,3}_([0-9]{3})\b`),
	"rcptEcho":          regexp.MustCompile(`^[245][0-9][0-9](?:[ -]|: ?)(?:[245]\.[0-9]{1,3}\.[0-9]{1,3} )?<[^<>@ ]+@[^<>@ ]+>: `),
	"sesPrefix":         regexp.MustCompile(`^[245]\.[0-9]{1,3}\.[0-9]{1,3} - [a-z ]+ ([245][0-9][0-9])-'`),
	"statusComment":     regexp.MustCompile(`status: [245]\.[0-9]{1,3}\.[0-9]{1,3} \(([^()]{3,80})\)`),
	"status":            regexp.MustCompile(`(?:^|[ (#\[])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?:$|[ ),;:\]])`),
}

// matchByRE returns what the classifier read from the regular expression
// name on s: "-" for no match, "+" for a match without a group, else the
// group it used (and, for sesPrefix, the index of the match's end).
func matchByRE(name, s string) string {
	re := matchREs[name]
	switch name {
	case "aup":
		if m := re.FindStringSubmatch(s); m != nil {
			return m[2]
		}
	case "orange", "statusComment", "status":
		if m := re.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	case "sesPrefix":
		if m := re.FindStringSubmatchIndex(s); m != nil {
			return s[m[2]:m[3]] + " " + strconv.Itoa(m[1])
		}
	default:
		if re.MatchString(s) {
			return "+"
		}
	}
	return "-"
}

// matchBy is matchByRE with the hand-written matchers.
func matchBy(name, s string) string {
	yes := func(ok bool) string {
		if ok {
			return "+"
		}
		return "-"
	}
	switch name {
	case "aup":
		if c, ok := aupCode(s); ok {
			return c
		}
	case "orange":
		if c := orangeCode(s); c != "" {
			return c
		}
	case "statusComment":
		if c, ok := statusComment(s); ok {
			return c
		}
	case "status":
		if c := statusFirst(s); c != "" {
			return c
		}
	case "sesPrefix":
		if c, e := sesPrefix(s); c >= 0 {
			return s[c:c+3] + " " + strconv.Itoa(e)
		}
	case "docomoMTA":
		return yes(docomoMTA(s))
	case "hostMissing":
		return yes(hostMissing(s))
	case "messageLabsReject":
		return yes(messageLabsReject(s))
	case "rcptEcho":
		return yes(rcptEcho(s))
	default:
		panic("no matcher " + name)
	}
	return "-"
}

var matchCases = []struct{ name, in, want string }{
	{"aup", "", "-"},
	{"aup", "554 aup#cxbl blocked", "cxbl"},
	{"aup", "aup#in-1310 too many", "1310"},
	{"aup", "aup#in-", "in"},
	{"aup", "aup#in1-x", "in1"},
	{"aup", "aup#-12", "-"},
	{"aup", "aup#-12 aup#rbl", "rbl"},
	{"aup", "aup#aup#ipbl01", "aup"},
	{"aup", "aup#ab-cd-ef", "cd"},
	{"aup", "aup#", "-"},

	{"docomoMTA", "remote-mta: dns; mfsmax.docomo.ne.jp", "+"},
	{"docomoMTA", "remote-mta: dns;docomo.ne.jp", "+"},
	{"docomoMTA", "host mx.docomo.ne.jp said", "+"},
	{"docomoMTA", "host x docomo.ne.jp", "-"},
	{"docomoMTA", "host mxdocomo.ne.jp", "-"},
	{"docomoMTA", "host mx-docomo.ne.jp", "+"},
	{"docomoMTA", "bob@docomo.ne.jp", "-"},
	{"docomoMTA", "ghost docomo.ne.jp", "+"},
	{"docomoMTA", "remote-mta: dns;  docomo.ne.jp", "-"},
	{"docomoMTA", "host docomo.ne.jp", "+"},
	{"docomoMTA", "host _docomo.ne.jp host a.docomo.ne.jp", "+"},

	{"hostMissing", "553 mx.example.com does not exist", "+"},
	{"hostMissing", "bob@example.com does not exist", "-"},
	{"hostMissing", "example.com does not exist", "+"},
	{"hostMissing", "<example.com.> does not exist", "+"},
	{"hostMissing", "(a.b> does not exist", "+"},
	{"hostMissing", "[a..b does not exist", "-"},
	{"hostMissing", "x localhost does not exist", "-"},
	{"hostMissing", "a.b.. does not exist", "-"},
	{"hostMissing", ".a.b does not exist", "-"},
	{"hostMissing", "a.B does not exist a.b does not exist", "+"},
	{"hostMissing", "a.b does not exis", "-"},

	{"messageLabsReject", "542 bob@example.com rejected", "+"},
	{"messageLabsReject", "542 <bob@example.com> rejected", "+"},
	{"messageLabsReject", "342 bob@example.com rejected", "-"},
	{"messageLabsReject", "542 bob@a@b rejected", "+"},
	{"messageLabsReject", "542 @b rejected", "-"},
	{"messageLabsReject", "542 b@ rejected", "-"},
	{"messageLabsReject", "542 <<b@c rejected", "-"},
	{"messageLabsReject", "542 b@c rejected rejected", "-"},
	{"messageLabsReject", "542 <> rejected", "-"},
	{"messageLabsReject", "542 b@c> rejected", "+"},

	{"orange", "550 ofr_416 unknown", "416"},
	{"orange", "ofr004_104", "104"},
	{"orange", "lpn007_426.", "426"},
	{"orange", "xofr_416 ofr0001_417", "-"},
	{"orange", "ofr_4167", "-"},
	{"orange", "ofr_41", "-"},
	{"orange", "(lpn_999) ofr_100", "999"},
	{"orange", "ofr_41a", "-"},

	{"rcptEcho", "550 5.1.1 <bob@example.org>: recipient address rejected", "+"},
	{"rcptEcho", "550-<bob@example.org>: no", "+"},
	{"rcptEcho", "550:<bob@example.org>: no", "+"},
	{"rcptEcho", "550: <bob@example.org>: no", "+"},
	{"rcptEcho", "550:  <bob@example.org>: no", "-"},
	{"rcptEcho", "550 5.1.1 <bob@example.org>:no", "-"},
	{"rcptEcho", "350 <bob@example.org>: no", "-"},
	{"rcptEcho", "550 5.1.1234 <bob@example.org>: no", "-"},
	{"rcptEcho", "550 <b@c@d>: ", "-"},
	{"rcptEcho", "550 <@d>: ", "-"},
	{"rcptEcho", "550 5.1.1 <b@d>: ", "+"},
	{"rcptEcho", "550 3.1.1 <b@d>: ", "-"},

	{"sesPrefix", "5.1.0 - unknown address error 550-'5.2.2 <bob@example.jp>... mailbox full'", "550 35"},
	{"sesPrefix", "5.1.0 - x 550-'", "550 15"},
	{"sesPrefix", "5.1.0 -  550-'", "-"},
	{"sesPrefix", "5.1.0 -   550-'", "550 15"},
	{"sesPrefix", "5.1.0 - x550-'", "-"},
	{"sesPrefix", "5.1.0 - error 350-'", "-"},
	{"sesPrefix", "5.1.0 - error 550 '", "-"},
	{"sesPrefix", "5.1.0 - error  550-'", "550 20"},

	{"statusComment", "status: 5.2.1 (mailbox disabled, not accepting messages)", "mailbox disabled, not accepting messages"},
	{"statusComment", "status: 5.2.1 (ab) status: 5.1.1 (abc)", "abc"},
	{"statusComment", "status: 5.2.1 (a(b)) status: 4.4.7 (délai)", "délai"},
	{"statusComment", "status: 5.2.1 (" + strings.Repeat("é", 80) + ")", strings.Repeat("é", 80)},
	{"statusComment", "status: 5.2.1 (" + strings.Repeat("a", 81) + ")", "-"},
	{"statusComment", "status: 5.2.1 (\xff\xfe\xfd)", "\xff\xfe\xfd"},
	{"statusComment", "status: 5.2.1 (abc", "-"},
	{"statusComment", "status:  5.2.1 (abc)", "-"},

	{"status", "550 5.1.1 user unknown", "5.1.1"},
	{"status", "5.7.1", "5.7.1"},
	{"status", "x5.7.1 (#5.1.1)", "5.1.1"},
	{"status", "[4.4.7]", "4.4.7"},
	{"status", "5.1.1234 5.2.2,", "5.2.2"},
	{"status", "5.1.1.", "-"},
	{"status", "3.1.1 ", "-"},
	{"status", "#5.1.1:", "5.1.1"},
}

func TestMatchers(t *testing.T) {
	for _, c := range matchCases {
		if got := matchByRE(c.name, c.in); got != c.want {
			t.Errorf("regexp %s(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
		if got := matchBy(c.name, c.in); got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// matchPieces are the bits TestMatchersRandom makes its texts of: the
// literal parts of the expressions, bytes of their classes and others.
var matchPieces = []string{
	"aup#", "a", "in", "-", "1310", "0", "9", "z", "Z", "_", "x",
	"remote-mta: dns;", " ", "host ", ".", "docomo.ne.jp", "mx",
	" does not exist", "<", ">", "(", ")", "[", "]", "#", "@", ",", ";", ":",
	" rejected", "542 ", "550", "350", "ofr", "lpn", "_416", "12",
	"5.1.1", "4.4.7", "2.0.0", "5.1.1234", " - ", "-'", "'", "status: ",
	"é", "\xff", "\n", strings.Repeat("b", 40),
}

// matchStarts start half of TestMatchersRandom's texts, for the anchored
// expressions.
var matchStarts = []string{
	"550 5.1.1 <b@c>: ", "550:<", "550 <", "5.1.0 - error 550-'", "5.1.0 - ",
	"542 <b@c> rejected", "542 ", "status: 5.2.1 (", "status: 5.2.1 (abc)",
}

func TestMatchersRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	names := make([]string, 0, len(matchREs))
	for n := range matchREs {
		names = append(names, n)
	}
	matched := map[string]int{}
	for range 200000 {
		var b strings.Builder
		if rng.IntN(2) == 0 {
			b.WriteString(matchStarts[rng.IntN(len(matchStarts))])
		}
		for range rng.IntN(12) {
			b.WriteString(matchPieces[rng.IntN(len(matchPieces))])
		}
		s := b.String()
		for _, n := range names {
			want := matchByRE(n, s)
			if got := matchBy(n, s); got != want {
				t.Fatalf("%s(%q) = %q, regexp says %q", n, s, got, want)
			}
			if want != "-" {
				matched[n]++
			}
		}
	}
	for _, n := range names {
		if matched[n] == 0 {
			t.Errorf("%s: no random text matched", n)
		}
	}
}
