// Package codes reads bounced email and explains it.
//
// It is pure Go (no syscall/js) and is shared by the Bounce Decoder web app,
// its command line and its JavaScript API.
package codes
