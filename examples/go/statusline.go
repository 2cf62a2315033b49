// Package statusline formats HTTP status lines with the status codes,
// reason phrases and descriptions of the generated package httpstatus.
package statusline

//go:generate gen --lang go -o httpstatus/httpstatus.go

import (
	"fmt"

	"example.com/statusline/httpstatus"
)

// Line returns the status line of an HTTP/1.1 response with the given
// code, such as "HTTP/1.1 404 Not Found".  An unknown code gets an empty
// reason phrase, as RFC 9112 allows.
func Line(code int) string {
	return fmt.Sprintf("HTTP/1.1 %03d %s", code, httpstatus.StatusText(code))
}

// Explain returns the registry's description of the code, or "" for an
// unknown code.
func Explain(code int) string {
	return httpstatus.StatusDescription(code)
}
