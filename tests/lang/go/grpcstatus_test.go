package grpcstatus

// The capabilities of the gRPC package (examples/registries/grpc.yaml,
// dense codes 0-16, so lookups index an array) that carry the
// registry's names, and its edge cases, by hand.  api_test.go checks the
// rest against the YAML.

import "testing"

var (
	_ int            = CodeOK
	_ Status         = CodeCanceled
	_ func(int) bool = IsSuccess
	_ func(int) bool = IsError
)

func TestGRPCEdges(t *testing.T) {
	for _, c := range []struct {
		code             int
		text, str, class string
	}{
		{-1, "", "Status(-1)", ""},
		{0, "OK", "0 OK", "success"},
		{1, "CANCELLED", "1 CANCELLED", "error"},
		{16, "UNAUTHENTICATED", "16 UNAUTHENTICATED", "error"},
		{17, "", "Status(17)", ""},
	} {
		s := Status(c.code)
		if StatusText(c.code) != c.text || s.Reason() != c.text ||
			s.String() != c.str || s.Class() != c.class {
			t.Errorf("%d: text %q, String %q, Class %q; want %q, %q, %q",
				c.code, StatusText(c.code), s.String(), s.Class(),
				c.text, c.str, c.class)
		}
	}
	if all := All(); len(all) != 17 || all[0] != 0 || all[16] != 16 {
		t.Errorf("All() = %v", all)
	}
	for code := -5; code < 25; code++ {
		s := Status(code)
		if IsSuccess(code) != (code == 0) || s.IsSuccess() != (code == 0) {
			t.Errorf("IsSuccess(%d) = %v", code, IsSuccess(code))
		}
		e := 1 <= code && code <= 16
		if IsError(code) != e || s.IsError() != e {
			t.Errorf("IsError(%d) = %v", code, IsError(code))
		}
	}
}

func TestGRPCNamesAndPhrases(t *testing.T) {
	for _, c := range []struct {
		in       string
		byName   int
		byPhrase int
	}{
		{"ok", 0, 0},
		{"Deadline_Exceeded", 4, 4},
		{"canceled", 1, -1}, // an alias, not a phrase
		{"CANCELLED", 1, 1},
		{"Unauthenticated", 16, 16},
		{"not found", -1, -1},
		{"", -1, -1},
	} {
		got, ok := FromName(c.in)
		if (c.byName >= 0) != ok || (ok && int(got) != c.byName) {
			t.Errorf("FromName(%q) = %d, %v; want %d", c.in, got, ok, c.byName)
		}
		got, ok = FromPhrase(c.in)
		if (c.byPhrase >= 0) != ok || (ok && int(got) != c.byPhrase) {
			t.Errorf("FromPhrase(%q) = %d, %v; want %d", c.in, got, ok, c.byPhrase)
		}
	}
}
