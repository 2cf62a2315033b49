package smtpreply

// The capabilities of the SMTP package (examples/registries/smtp.yaml,
// sparse codes 211-555, so lookups search a sorted table) that carry
// the registry's names, and its edge cases, by hand.  api_test.go checks
// the rest against the YAML.

import "testing"

var (
	_ int            = ReplyServiceReady
	_ func(int) bool = IsPositiveCompletion
	_ func(int) bool = IsPositiveIntermediate
	_ func(int) bool = IsTransientNegative
	_ func(int) bool = IsPermanentNegative
)

func TestSMTPEdges(t *testing.T) {
	for _, c := range []struct {
		code             int
		text, str, class string
	}{
		{210, "", "Status(210)", "positive_completion"},
		{211, "System status, or system help reply", "211 System status, or system help reply", "positive_completion"},
		{300, "", "Status(300)", "positive_intermediate"},
		{354, "Start mail input; end with <CRLF>.<CRLF>", "354 Start mail input; end with <CRLF>.<CRLF>", "positive_intermediate"},
		{453, "", "Status(453)", "transient_negative"},
		{555, "MAIL FROM/RCPT TO parameters not recognized or not implemented", "555 MAIL FROM/RCPT TO parameters not recognized or not implemented", "permanent_negative"},
		{556, "", "Status(556)", "permanent_negative"},
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
	if all := All(); len(all) != 24 || all[0] != 211 || all[23] != 555 {
		t.Errorf("All() = %v", all)
	}
	for code := 100; code < 700; code++ {
		s := Status(code)
		for _, p := range []struct {
			name        string
			fn, method  bool
			first, last int
		}{
			{"PositiveCompletion", IsPositiveCompletion(code), s.IsPositiveCompletion(), 200, 299},
			{"PositiveIntermediate", IsPositiveIntermediate(code), s.IsPositiveIntermediate(), 300, 399},
			{"TransientNegative", IsTransientNegative(code), s.IsTransientNegative(), 400, 499},
			{"PermanentNegative", IsPermanentNegative(code), s.IsPermanentNegative(), 500, 599},
		} {
			want := p.first <= code && code <= p.last
			if p.fn != want || p.method != want {
				t.Errorf("Is%s(%d) = %v, method %v; want %v",
					p.name, code, p.fn, p.method, want)
			}
		}
	}
}

func TestSMTPNamesAndPhrases(t *testing.T) {
	for _, c := range []struct {
		in       string
		byName   int
		byPhrase int
	}{
		{"service_ready", 220, -1},
		{"Service_READY", 220, -1},
		{"SERVICE READY", -1, 220},
		{"mail from/rcpt to parameters not recognized or not implemented", -1, 555},
		{"start mail input; end with <crlf>.<crlf>", -1, 354},
		{"Transaction Failed", -1, 554},
		{"transaction_failed", 554, -1},
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
