// Writes every code's phrase and description from the package generated
// for tests/lang/awkward.yaml, each followed by a NUL byte, in code order.
// tests/test_roundtrip.sh copies this file into a module next to the package.
package main

import (
	"bufio"
	"fmt"
	"os"

	"example.com/t/awkward"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	for code := 0; code < 1000; code++ {
		if text := awkward.StatusText(code); text != "" {
			w.WriteString(text + "\x00")
			w.WriteString(awkward.StatusDescription(code) + "\x00")
		}
	}
	w.Flush()
	if awkward.CodeOldQuote != awkward.CodeQuoteBackslash ||
		awkward.StatusText(444) != "" {
		fmt.Fprintln(os.Stderr, "main.go: the package disagrees with itself")
		os.Exit(1)
	}
}
