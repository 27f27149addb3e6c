package main

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// redactRE finds what redact masks, one alternative per group:
// 1 a URL (left alone: help links name public hosts), 2 the local part of a
// mail address, 3 an IPv4 address, 4 an IPv6 address, 5 a host name of three
// or more labels. It is compiled on first use: compiled when the program
// started, it was most of the 59 ms the package's initialisation took on a
// first visit (GODEBUG=inittrace=1 in headless Chromium), for a toggle few
// use.
var redactRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(
		`(https?://[^\s<>"]+)` +
			`|([A-Za-z0-9._%+=-]+)@` +
			`|\b((?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})\b` +
			`|\b((?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?)` +
			`|\b((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)\.[A-Za-z]{2,63})\b`)
})

// redact masks personal data in text before it is copied or shared: the
// local part of each mail address becomes "user1", "user2"...; each IPv4
// address one of 192.0.2.0/24 and each IPv6 address one of 2001:db8::/32
// (the documentation ranges, RFC 5737 and RFC 3849); in host names of three
// labels or more every label but the last two becomes "host1", "host2"...
// The same value always gets the same mask, so the text still reads.
// Codes, URLs and the domains of addresses are kept: they explain the bounce.
func redact(text string) string {
	masks := make(map[string]string)
	count := [6]int{}
	mask := func(group int, v string, f func(n int) string) string {
		key := strconv.Itoa(group) + v
		if m, ok := masks[key]; ok {
			return m
		}
		count[group]++
		m := f(count[group])
		masks[key] = m
		return m
	}
	var b strings.Builder
	last := 0
	for _, m := range redactRE().FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		last = m[1]
		whole := text[m[0]:m[1]]
		switch {
		case m[2] >= 0:
			b.WriteString(whole)
		case m[4] >= 0:
			b.WriteString(mask(2, strings.ToLower(whole), func(n int) string { return "user" + strconv.Itoa(n) + "@" }))
		case m[6] >= 0:
			b.WriteString(mask(3, whole, func(n int) string { return "192.0.2." + strconv.Itoa(n%254+1) }))
		case m[8] >= 0:
			b.WriteString(mask(4, strings.ToLower(whole), func(n int) string { return "2001:db8::" + strconv.FormatInt(int64(n), 16) }))
		case m[10] >= 0:
			b.WriteString(mask(5, strings.ToLower(whole), func(n int) string { return maskHost(whole, n) }))
		default:
			b.WriteString(whole)
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// maskHost replaces every label of host but the last two by "hostN".
func maskHost(host string, n int) string {
	labels := strings.Split(host, ".")
	return "host" + strconv.Itoa(n) + "." + strings.Join(labels[len(labels)-2:], ".")
}
