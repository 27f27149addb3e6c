package codes

import (
	"errors"
	"strconv"
)

// ErrSyntax reports a code that is not in the expected form.
var ErrSyntax = errors.New("codes: invalid code syntax")

// ReplyCode is a three-digit SMTP reply code (RFC 5321 section 4.2), such as 550.
// The zero value means "no reply code".
type ReplyCode int

// ParseReplyCode parses a three-digit reply code whose first digit is 2 to 5.
func ParseReplyCode(s string) (ReplyCode, error) {
	if len(s) != 3 || s[0] < '2' || s[0] > '5' || s[1] < '0' || s[1] > '5' || s[2] < '0' || s[2] > '9' {
		return 0, ErrSyntax
	}
	n, _ := strconv.Atoi(s)
	return ReplyCode(n), nil
}

// Class returns the first digit: 2 success, 3 intermediate, 4 transient failure, 5 permanent failure.
func (c ReplyCode) Class() int { return int(c) / 100 }

// Subject returns the second digit: 0 syntax, 1 information, 2 connections, 3 and 4 unspecified, 5 mail system.
func (c ReplyCode) Subject() int { return int(c) / 10 % 10 }

// Temporary reports whether the code is a transient negative completion (4yz).
func (c ReplyCode) Temporary() bool { return c.Class() == 4 }

// Permanent reports whether the code is a permanent negative completion (5yz).
func (c ReplyCode) Permanent() bool { return c.Class() == 5 }

// IsZero reports whether c is the zero value (no reply code).
func (c ReplyCode) IsZero() bool { return c == 0 }

// String returns the code as three digits, or "" for the zero value.
func (c ReplyCode) String() string {
	if c == 0 {
		return ""
	}
	return strconv.Itoa(int(c))
}

// EnhancedCode is an enhanced mail system status code, class.subject.detail
// (RFC 3463, registry in RFC 5248), such as 5.7.26. The zero value means "none".
type EnhancedCode [3]int

// ParseEnhancedCode parses "c.s.d" where c is 2, 4 or 5, s is at most three
// digits and d at most three digits (RFC 3463 section 2).
func ParseEnhancedCode(s string) (EnhancedCode, error) {
	var e EnhancedCode
	part, n := 0, 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			n++
			if n > 3 {
				return EnhancedCode{}, ErrSyntax
			}
			e[part] = e[part]*10 + int(ch-'0')
		case ch == '.' && n > 0 && part < 2:
			part++
			n = 0
		default:
			return EnhancedCode{}, ErrSyntax
		}
	}
	if part != 2 || n == 0 || (e[0] != 2 && e[0] != 4 && e[0] != 5) {
		return EnhancedCode{}, ErrSyntax
	}
	return e, nil
}

// Class returns the class digit: 2 success, 4 persistent transient failure, 5 permanent failure.
func (e EnhancedCode) Class() int { return e[0] }

// Subject returns the subject number (0 other, 1 addressing, 2 mailbox, 3 mail system,
// 4 network and routing, 5 mail delivery protocol, 6 message content, 7 security or policy).
func (e EnhancedCode) Subject() int { return e[1] }

// Detail returns the detail number.
func (e EnhancedCode) Detail() int { return e[2] }

// Temporary reports whether the code is a transient failure (class 4).
func (e EnhancedCode) Temporary() bool { return e[0] == 4 }

// Permanent reports whether the code is a permanent failure (class 5).
func (e EnhancedCode) Permanent() bool { return e[0] == 5 }

// IsZero reports whether e is the zero value (no enhanced code).
func (e EnhancedCode) IsZero() bool { return e == EnhancedCode{} }

// WithClass returns e with its class digit replaced.
func (e EnhancedCode) WithClass(c int) EnhancedCode { e[0] = c; return e }

// String returns "c.s.d", or "" for the zero value.
func (e EnhancedCode) String() string {
	if e.IsZero() {
		return ""
	}
	return strconv.Itoa(e[0]) + "." + strconv.Itoa(e[1]) + "." + strconv.Itoa(e[2])
}
