package httpstatus

// The capabilities of the HTTP package that carry the registry's names
// (the class predicates) and its edge cases, by hand: the first and last
// code, one outside each end, a gap, a name in mixed case, an alias, an
// earlier phrase, unknown and empty input.  api_test.go checks the rest
// against the YAML.

import "testing"

// Drop-in: the constants stay untyped, so they are ints and Statuses.
var (
	_ int            = StatusOK
	_ Status         = StatusNotFound
	_ func(int) bool = IsInformational
	_ func(int) bool = IsSuccess
	_ func(int) bool = IsRedirection
	_ func(int) bool = IsClientError
	_ func(int) bool = IsServerError
	_ func(int) bool = IsCacheable
	_ func(int) bool = IsNoContent
	_ func(int) bool = IsRetryable
)

// TestHTTPFlags checks each flag predicate, function and method, against
// the flags the YAML gives each status (testdata/oracle.json): true for
// exactly those, false for every code the package does not know; then
// codes by hand.
func TestHTTPFlags(t *testing.T) {
	type pred struct {
		fn     func(int) bool
		method func(Status) bool
	}
	preds := map[string]pred{
		"cacheable":  {IsCacheable, Status.IsCacheable},
		"no_content": {IsNoContent, Status.IsNoContent},
		"retryable":  {IsRetryable, Status.IsRetryable},
	}
	o := load(t)
	known := map[int]bool{}
	count := map[string]int{}
	for _, s := range o.Statuses {
		known[s.Code] = true
		has := map[string]bool{}
		for _, f := range s.Flags {
			if _, ok := preds[f]; !ok {
				t.Errorf("%d: flag %q has no predicate here", s.Code, f)
			}
			has[f] = true
			count[f]++
		}
		for id, p := range preds {
			if p.fn(s.Code) != has[id] || p.method(Status(s.Code)) != has[id] {
				t.Errorf("%s(%d) is %v, method %v; want %v", id, s.Code,
					p.fn(s.Code), p.method(Status(s.Code)), has[id])
			}
		}
	}
	for id, p := range preds {
		if count[id] == 0 {
			t.Errorf("the data gives %s no code", id)
		}
		for code := -5; code < 1100; code++ {
			if !known[code] && (p.fn(code) || p.method(Status(code))) {
				t.Errorf("%s(%d) holds for an unknown code", id, code)
			}
		}
	}
	for _, c := range []struct {
		code                            int
		cacheable, noContent, retryable bool
	}{
		{100, false, true, false},
		{200, true, false, false},
		{204, true, true, false},
		{304, false, true, false},
		{403, false, false, false},
		{404, true, false, false},
		{408, false, false, true},
		{418, false, false, false},
		{429, false, false, true},
		{500, false, false, false},
		{503, false, false, true},
		{-1, false, false, false},
		{600, false, false, false},
	} {
		s := Status(c.code)
		if IsCacheable(c.code) != c.cacheable || s.IsCacheable() != c.cacheable ||
			IsNoContent(c.code) != c.noContent || s.IsNoContent() != c.noContent ||
			IsRetryable(c.code) != c.retryable || s.IsRetryable() != c.retryable {
			t.Errorf("%d: cacheable %v, no content %v, retryable %v; want %v, %v, %v",
				c.code, IsCacheable(c.code), IsNoContent(c.code),
				IsRetryable(c.code), c.cacheable, c.noContent, c.retryable)
		}
	}
}

func TestHTTPEdges(t *testing.T) {
	for _, c := range []struct {
		code             int
		text, str, class string
	}{
		{99, "", "Status(99)", ""},
		{100, "Continue", "100 Continue", "informational"},
		{105, "", "Status(105)", "informational"},
		{404, "Not Found", "404 Not Found", "client_error"},
		{418, "I'm a teapot", "418 I'm a teapot", "client_error"},
		{499, "", "Status(499)", "client_error"},
		{511, "Network Authentication Required", "511 Network Authentication Required", "server_error"},
		{512, "", "Status(512)", "server_error"},
		{600, "", "Status(600)", ""},
	} {
		s := Status(c.code)
		if StatusText(c.code) != c.text || s.Reason() != c.text ||
			s.String() != c.str || s.Class() != c.class {
			t.Errorf("%d: text %q, String %q, Class %q; want %q, %q, %q",
				c.code, StatusText(c.code), s.String(), s.Class(),
				c.text, c.str, c.class)
		}
	}
	if all := All(); all[0] != 100 || all[len(all)-1] != 511 {
		t.Errorf("All() runs from %d to %d", all[0], all[len(all)-1])
	}
}

func TestHTTPClasses(t *testing.T) {
	type pred struct {
		fn     func(int) bool
		method func(Status) bool
		first  int
		last   int
	}
	for name, p := range map[string]pred{
		"Informational": {IsInformational, Status.IsInformational, 100, 199},
		"Success":       {IsSuccess, Status.IsSuccess, 200, 299},
		"Redirection":   {IsRedirection, Status.IsRedirection, 300, 399},
		"ClientError":   {IsClientError, Status.IsClientError, 400, 499},
		"ServerError":   {IsServerError, Status.IsServerError, 500, 599},
	} {
		for code := 0; code < 1000; code++ {
			want := p.first <= code && code <= p.last
			if p.fn(code) != want || p.method(Status(code)) != want {
				t.Errorf("Is%s(%d) = %v, Status(%d).Is%s() = %v; want %v",
					name, code, p.fn(code), code, name,
					p.method(Status(code)), want)
			}
		}
	}
}

func TestHTTPNamesAndPhrases(t *testing.T) {
	for _, c := range []struct {
		name string
		code int
		ok   bool
	}{
		{"not_found", 404, true},
		{"Not_Found", 404, true},
		{"NOT_FOUND", 404, true},
		{"payload_too_large", 413, true}, // an alias
		{"Request_Entity_Too_Large", 413, true},
		{"switch_proxy", 306, true},
		{"NotFound", 0, false}, // the Go name is not an id
		{"not found", 0, false},
		{"", 0, false},
	} {
		if got, ok := FromName(c.name); ok != c.ok || int(got) != c.code {
			t.Errorf("FromName(%q) = %d, %v; want %d, %v",
				c.name, got, ok, c.code, c.ok)
		}
	}
	for _, c := range []struct {
		phrase string
		code   int
		ok     bool
	}{
		{"Not Found", 404, true},
		{"not FOUND", 404, true},
		{"Moved Temporarily", 302, true}, // earlier phrase
		{"request entity too large", 413, true},
		{"I'M A TEAPOT", 418, true},
		{"(Unused)", 306, true},
		{"Not_Found", 0, false},
		{"Not Found ", 0, false},
		{"", 0, false},
	} {
		if got, ok := FromPhrase(c.phrase); ok != c.ok || int(got) != c.code {
			t.Errorf("FromPhrase(%q) = %d, %v; want %d, %v",
				c.phrase, got, ok, c.code, c.ok)
		}
	}
}
