package PKG

// Checks every capability of a generated package against the registry
// it came from: testdata/oracle.json, which tests/lang/go/oracle.py
// reads from the YAML.  Works for any registry; the class predicates,
// which are named after the registry's classes, are checked by the
// package's own test (httpstatus_test.go, ...).  tests/test_lang_go.sh
// puts the package's name in place of PKG and copies this file next to
// the generated code.

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The exact signatures of the API; a change fails to compile.
var (
	_ func(int) string            = StatusText
	_ func(int) string            = StatusDescription
	_ func(string) (Status, bool) = FromName
	_ func(string) (Status, bool) = FromPhrase
	_ func() []Status             = All
	_ interface {
		String() string
		Reason() string
		Description() string
		Class() string
	} = Status(0)
)

type oracleStatus struct {
	Code        int
	Phrase      string
	Description string
	Class       string
	Names       []string
	Phrases     []string
	Flags       []string
}

type oracle struct {
	Statuses []oracleStatus
	Classes  []struct {
		ID          string
		First, Last int
	}
	Phrases map[string]int
}

func load(t *testing.T) *oracle {
	b, err := os.ReadFile("testdata/oracle.json")
	if err != nil {
		t.Fatal(err)
	}
	var o oracle
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Statuses) == 0 {
		t.Fatal("the oracle lists no status")
	}
	return &o
}

// classOf is the class whose range holds code, known or not.
func (o *oracle) classOf(code int) string {
	for _, c := range o.Classes {
		if c.First <= code && code <= c.Last {
			return c.ID
		}
	}
	return ""
}

// upper turns a-z into A-Z and keeps every other byte.
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// mixed upper-cases every other ASCII letter.
func mixed(s string) string {
	b := []byte(s)
	for i, c := range b {
		if i%2 == 0 && 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func TestKnownCodes(t *testing.T) {
	o := load(t)
	for _, w := range o.Statuses {
		s := Status(w.Code)
		if got := StatusText(w.Code); got != w.Phrase {
			t.Errorf("StatusText(%d) = %q, want %q", w.Code, got, w.Phrase)
		}
		if got := s.Reason(); got != w.Phrase {
			t.Errorf("Status(%d).Reason() = %q, want %q", w.Code, got, w.Phrase)
		}
		if got := StatusDescription(w.Code); got != w.Description {
			t.Errorf("StatusDescription(%d) = %q, want %q", w.Code, got, w.Description)
		}
		if got := s.Description(); got != w.Description {
			t.Errorf("Status(%d).Description() = %q, want %q", w.Code, got, w.Description)
		}
		want := strconv.Itoa(w.Code) + " " + w.Phrase
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", w.Code, got, want)
		}
		if got := s.Class(); got != w.Class {
			t.Errorf("Status(%d).Class() = %q, want %q", w.Code, got, w.Class)
		}
	}
}

// TestUnknownCodes tries every code from three below the first to three
// above the last that the registry lacks: the ends and every gap.
func TestUnknownCodes(t *testing.T) {
	o := load(t)
	known := map[int]bool{}
	for _, w := range o.Statuses {
		known[w.Code] = true
	}
	first, last := o.Statuses[0].Code, o.Statuses[len(o.Statuses)-1].Code
	for code := first - 3; code <= last+3; code++ {
		if known[code] {
			continue
		}
		s := Status(code)
		if StatusText(code) != "" || StatusDescription(code) != "" ||
			s.Reason() != "" || s.Description() != "" {
			t.Errorf("code %d is unknown, but has text %q, %q",
				code, StatusText(code), StatusDescription(code))
		}
		want := "Status(" + strconv.Itoa(code) + ")"
		if got := s.String(); got != want {
			t.Errorf("Status(%d).String() = %q, want %q", code, got, want)
		}
		if got := s.Class(); got != o.classOf(code) {
			t.Errorf("Status(%d).Class() = %q, want %q", code, got, o.classOf(code))
		}
	}
	for _, code := range []int{-1 << 31, -1, 0, 1<<31 - 1} {
		if !known[code] && (StatusText(code) != "" || Status(code).Reason() != "") {
			t.Errorf("StatusText(%d) = %q", code, StatusText(code))
		}
	}
}

func TestFromName(t *testing.T) {
	o := load(t)
	for _, w := range o.Statuses {
		for _, name := range w.Names {
			for _, n := range []string{name, upper(name), mixed(name)} {
				if got, ok := FromName(n); !ok || int(got) != w.Code {
					t.Errorf("FromName(%q) = %d, %v; want %d", n, got, ok, w.Code)
				}
			}
			// U+212A KELVIN SIGN is k to strings.ToLower, and U+017F
			// LONG S is s to strings.EqualFold, but neither is ASCII.
			for _, n := range []string{name + " ", " " + name, name + "_",
				name[:len(name)-1], strings.Replace(name, "k", "\u212a", 1),
				strings.Replace(name, "s", "\u017f", 1)} {
				if n == name {
					continue
				}
				if got, ok := FromName(n); ok && int(got) == w.Code {
					t.Errorf("FromName(%q) = %d, true; want no match", n, got)
				}
			}
		}
	}
	for _, n := range []string{"", "no_such_name_at_all", "\x00"} {
		if got, ok := FromName(n); ok {
			t.Errorf("FromName(%q) = %d, true; want no match", n, got)
		}
	}
}

func TestFromPhrase(t *testing.T) {
	o := load(t)
	for key, code := range o.Phrases {
		for _, p := range []string{key, upper(key), mixed(key)} {
			if got, ok := FromPhrase(p); !ok || int(got) != code {
				t.Errorf("FromPhrase(%q) = %d, %v; want %d", p, got, ok, code)
			}
		}
	}
	for _, w := range o.Statuses {
		for _, p := range w.Phrases {
			if got, ok := FromPhrase(p); !ok || StatusText(int(got)) == "" {
				t.Errorf("FromPhrase(%q) = %d, %v", p, got, ok)
			}
		}
	}
	for _, p := range []string{"", "no such phrase at all", "\u212a", " "} {
		if got, ok := FromPhrase(p); ok {
			t.Errorf("FromPhrase(%q) = %d, true; want no match", p, got)
		}
	}
}

func TestAll(t *testing.T) {
	o := load(t)
	all := All()
	if len(all) != len(o.Statuses) {
		t.Fatalf("len(All()) = %d, want %d", len(all), len(o.Statuses))
	}
	for i, w := range o.Statuses {
		if int(all[i]) != w.Code {
			t.Errorf("All()[%d] = %d, want %d", i, all[i], w.Code)
		}
	}
	all[0] = -42
	if again := All(); again[0] == -42 {
		t.Error("a change to what All returned shows in the next call")
	}
}
