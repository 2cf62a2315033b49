package statusline

import (
	"testing"

	"example.com/statusline/httpstatus"
)

func TestLine(t *testing.T) {
	cases := []struct {
		code int
		want string
	}{
		{httpstatus.StatusOK, "HTTP/1.1 200 OK"},
		{httpstatus.StatusNotFound, "HTTP/1.1 404 Not Found"},
		{httpstatus.StatusTeapot, "HTTP/1.1 418 I'm a teapot"},
		{299, "HTTP/1.1 299 "},
	}
	for _, c := range cases {
		if got := Line(c.code); got != c.want {
			t.Errorf("Line(%d) = %q, want %q", c.code, got, c.want)
		}
	}
}

func TestExplain(t *testing.T) {
	if got := Explain(httpstatus.StatusNotFound); got == "" {
		t.Error("Explain(404) is empty")
	}
	if got := Explain(299); got != "" {
		t.Errorf("Explain(299) = %q, want \"\"", got)
	}
}
