package httpstatus

// Checks the generated package against net/http: every Status constant
// of net/http exists here with the same value, and StatusText agrees
// except where net/http keeps an older wording of the phrase.
// tests/test_lang_go.sh copies this file next to the generated code.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// net/http (Go 1.19 to the newest release) keeps phrases that RFC 9110 has since
// replaced or that IANA never registered.
var olderWording = map[int]bool{
	413: true, // Request Entity Too Large; RFC 9110: Content Too Large
	414: true, // Request URI Too Long; RFC 9110: URI Too Long
	416: true, // Requested Range Not Satisfiable; RFC 9110: Range Not Satisfiable
	422: true, // Unprocessable Entity; RFC 9110: Unprocessable Content
}

// The table below names every Status constant of net/http, the same 62
// in Go 1.19 and in the newest status.go (the one citing RFC 9110), so a
// missing one fails to compile.  TestEveryNetHTTPConstant also reads the
// installed net/http source, so a constant a later Go adds is caught
// without editing this file.
var constants = []struct {
	name         string
	ours, theirs int
}{
	{"StatusContinue", StatusContinue, http.StatusContinue},
	{"StatusSwitchingProtocols", StatusSwitchingProtocols, http.StatusSwitchingProtocols},
	{"StatusProcessing", StatusProcessing, http.StatusProcessing},
	{"StatusEarlyHints", StatusEarlyHints, http.StatusEarlyHints},
	{"StatusOK", StatusOK, http.StatusOK},
	{"StatusCreated", StatusCreated, http.StatusCreated},
	{"StatusAccepted", StatusAccepted, http.StatusAccepted},
	{"StatusNonAuthoritativeInfo", StatusNonAuthoritativeInfo, http.StatusNonAuthoritativeInfo},
	{"StatusNoContent", StatusNoContent, http.StatusNoContent},
	{"StatusResetContent", StatusResetContent, http.StatusResetContent},
	{"StatusPartialContent", StatusPartialContent, http.StatusPartialContent},
	{"StatusMultiStatus", StatusMultiStatus, http.StatusMultiStatus},
	{"StatusAlreadyReported", StatusAlreadyReported, http.StatusAlreadyReported},
	{"StatusIMUsed", StatusIMUsed, http.StatusIMUsed},
	{"StatusMultipleChoices", StatusMultipleChoices, http.StatusMultipleChoices},
	{"StatusMovedPermanently", StatusMovedPermanently, http.StatusMovedPermanently},
	{"StatusFound", StatusFound, http.StatusFound},
	{"StatusSeeOther", StatusSeeOther, http.StatusSeeOther},
	{"StatusNotModified", StatusNotModified, http.StatusNotModified},
	{"StatusUseProxy", StatusUseProxy, http.StatusUseProxy},
	{"StatusTemporaryRedirect", StatusTemporaryRedirect, http.StatusTemporaryRedirect},
	{"StatusPermanentRedirect", StatusPermanentRedirect, http.StatusPermanentRedirect},
	{"StatusBadRequest", StatusBadRequest, http.StatusBadRequest},
	{"StatusUnauthorized", StatusUnauthorized, http.StatusUnauthorized},
	{"StatusPaymentRequired", StatusPaymentRequired, http.StatusPaymentRequired},
	{"StatusForbidden", StatusForbidden, http.StatusForbidden},
	{"StatusNotFound", StatusNotFound, http.StatusNotFound},
	{"StatusMethodNotAllowed", StatusMethodNotAllowed, http.StatusMethodNotAllowed},
	{"StatusNotAcceptable", StatusNotAcceptable, http.StatusNotAcceptable},
	{"StatusProxyAuthRequired", StatusProxyAuthRequired, http.StatusProxyAuthRequired},
	{"StatusRequestTimeout", StatusRequestTimeout, http.StatusRequestTimeout},
	{"StatusConflict", StatusConflict, http.StatusConflict},
	{"StatusGone", StatusGone, http.StatusGone},
	{"StatusLengthRequired", StatusLengthRequired, http.StatusLengthRequired},
	{"StatusPreconditionFailed", StatusPreconditionFailed, http.StatusPreconditionFailed},
	{"StatusRequestEntityTooLarge", StatusRequestEntityTooLarge, http.StatusRequestEntityTooLarge},
	{"StatusRequestURITooLong", StatusRequestURITooLong, http.StatusRequestURITooLong},
	{"StatusUnsupportedMediaType", StatusUnsupportedMediaType, http.StatusUnsupportedMediaType},
	{"StatusRequestedRangeNotSatisfiable", StatusRequestedRangeNotSatisfiable, http.StatusRequestedRangeNotSatisfiable},
	{"StatusExpectationFailed", StatusExpectationFailed, http.StatusExpectationFailed},
	{"StatusTeapot", StatusTeapot, http.StatusTeapot},
	{"StatusMisdirectedRequest", StatusMisdirectedRequest, http.StatusMisdirectedRequest},
	{"StatusUnprocessableEntity", StatusUnprocessableEntity, http.StatusUnprocessableEntity},
	{"StatusLocked", StatusLocked, http.StatusLocked},
	{"StatusFailedDependency", StatusFailedDependency, http.StatusFailedDependency},
	{"StatusTooEarly", StatusTooEarly, http.StatusTooEarly},
	{"StatusUpgradeRequired", StatusUpgradeRequired, http.StatusUpgradeRequired},
	{"StatusPreconditionRequired", StatusPreconditionRequired, http.StatusPreconditionRequired},
	{"StatusTooManyRequests", StatusTooManyRequests, http.StatusTooManyRequests},
	{"StatusRequestHeaderFieldsTooLarge", StatusRequestHeaderFieldsTooLarge, http.StatusRequestHeaderFieldsTooLarge},
	{"StatusUnavailableForLegalReasons", StatusUnavailableForLegalReasons, http.StatusUnavailableForLegalReasons},
	{"StatusInternalServerError", StatusInternalServerError, http.StatusInternalServerError},
	{"StatusNotImplemented", StatusNotImplemented, http.StatusNotImplemented},
	{"StatusBadGateway", StatusBadGateway, http.StatusBadGateway},
	{"StatusServiceUnavailable", StatusServiceUnavailable, http.StatusServiceUnavailable},
	{"StatusGatewayTimeout", StatusGatewayTimeout, http.StatusGatewayTimeout},
	{"StatusHTTPVersionNotSupported", StatusHTTPVersionNotSupported, http.StatusHTTPVersionNotSupported},
	{"StatusVariantAlsoNegotiates", StatusVariantAlsoNegotiates, http.StatusVariantAlsoNegotiates},
	{"StatusInsufficientStorage", StatusInsufficientStorage, http.StatusInsufficientStorage},
	{"StatusLoopDetected", StatusLoopDetected, http.StatusLoopDetected},
	{"StatusNotExtended", StatusNotExtended, http.StatusNotExtended},
	{"StatusNetworkAuthenticationRequired", StatusNetworkAuthenticationRequired, http.StatusNetworkAuthenticationRequired},
}

func TestConstants(t *testing.T) {
	for _, c := range constants {
		if c.ours != c.theirs {
			t.Errorf("%s = %d, net/http says %d", c.name, c.ours, c.theirs)
		}
	}
}

func TestStatusText(t *testing.T) {
	for code := 0; code < 1000; code++ {
		theirs := http.StatusText(code)
		ours := StatusText(code)
		switch {
		case theirs == "":
			continue
		case ours == "":
			t.Errorf("StatusText(%d) = \"\", net/http says %q", code, theirs)
		case ours != theirs && !olderWording[code]:
			t.Errorf("StatusText(%d) = %q, net/http says %q", code, ours, theirs)
		}
	}
	if StatusText(404) != "Not Found" || StatusText(999) != "" {
		t.Errorf("StatusText(404) = %q, StatusText(999) = %q",
			StatusText(404), StatusText(999))
	}
	if StatusNotFound != 404 || StatusContentTooLarge != 413 {
		t.Errorf("StatusNotFound = %d, StatusContentTooLarge = %d",
			StatusNotFound, StatusContentTooLarge)
	}
	if StatusDescription(404) == "" || StatusDescription(999) != "" {
		t.Errorf("StatusDescription(404) = %q, StatusDescription(999) = %q",
			StatusDescription(404), StatusDescription(999))
	}
}

// statusConsts returns the Status* integer constants declared in a Go
// source file.
func statusConsts(t *testing.T, path string) map[string]int {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	found := map[string]int{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			v := spec.(*ast.ValueSpec)
			for i, name := range v.Names {
				if !strings.HasPrefix(name.Name, "Status") || i >= len(v.Values) {
					continue
				}
				lit, ok := v.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.INT {
					continue
				}
				n, err := strconv.Atoi(lit.Value)
				if err == nil {
					found[name.Name] = n
				}
			}
		}
	}
	return found
}

func TestEveryNetHTTPConstant(t *testing.T) {
	theirs := statusConsts(t, filepath.Join(runtime.GOROOT(), "src", "net", "http", "status.go"))
	ours := statusConsts(t, "httpstatus.go")
	if len(theirs) < 60 {
		t.Fatalf("found only %d Status constants in net/http", len(theirs))
	}
	for name, code := range theirs {
		if got, ok := ours[name]; !ok {
			t.Errorf("net/http has %s = %d; the generated package lacks it", name, code)
		} else if got != code {
			t.Errorf("%s = %d, net/http says %d", name, got, code)
		}
	}
}
