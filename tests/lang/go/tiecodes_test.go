package tiecodes

// The edges of tests/lang/go/ties.yaml by hand: shared phrases, earlier
// phrases, non-ASCII letters, a gap and an unofficial code left out.
// api_test.go checks the rest against the YAML.

import "testing"

var (
	_ func(int) bool = IsLow
	_ func(int) bool = IsHigh
)

func TestTies(t *testing.T) {
	for _, c := range []struct {
		phrase string
		code   int
		ok     bool
	}{
		{"bad gateway", 10, true}, // 10 and 12 have it now, 17 had it
		{"OLD", 20, true},         // 20 has it now, 17 had it
		{"older", 17, true},       // 17 and 21 had it
		{"déjà vu", 0, false},     // É and À are not ASCII: not folded
		{"DÉJÀ VU", 17, true},
		{"Kelvin \"k\"", 21, true},
		{"BACK\\SLASH", 22, true},
		{"Vendor Thing", 0, false}, // unofficial, not in the output
		{"", 0, false},
	} {
		if got, ok := FromPhrase(c.phrase); ok != c.ok || int(got) != c.code {
			t.Errorf("FromPhrase(%q) = %d, %v; want %d, %v",
				c.phrase, got, ok, c.code, c.ok)
		}
	}
	for _, c := range []struct {
		name string
		code int
		ok   bool
	}{
		{"Gateway_Bad", 10, true},
		{"BAD_GATEWAY_AGAIN", 12, true},
		{"K_S", 22, true},
		{"\u212a_s", 0, false},
		{"k_\u017f", 0, false},
		{"vendor_thing", 0, false},
	} {
		if got, ok := FromName(c.name); ok != c.ok || int(got) != c.code {
			t.Errorf("FromName(%q) = %d, %v; want %d, %v",
				c.name, got, ok, c.code, c.ok)
		}
	}
	for code, want := range map[int]string{9: "", 10: "Bad Gateway",
		11: "", 15: "", 22: "Back\\slash", 23: ""} {
		if got := StatusText(code); got != want {
			t.Errorf("StatusText(%d) = %q, want %q", code, got, want)
		}
	}
	for code := -3; code < 35; code++ {
		s := Status(code)
		low, high := 0 <= code && code <= 19, 20 <= code && code <= 29
		if IsLow(code) != low || s.IsLow() != low ||
			IsHigh(code) != high || s.IsHigh() != high {
			t.Errorf("%d: IsLow %v, IsHigh %v", code, IsLow(code), IsHigh(code))
		}
	}
}
