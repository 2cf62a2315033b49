// Writes the phrase and description of each code given as an argument,
// from a package gen wrote for any registry, each followed by a NUL
// byte.  tests/test_registries.sh puts the package's import path and
// name in place of the @...@ words and copies this file into a module
// next to the package.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"

	"@IMPORT@"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	for _, arg := range os.Args[1:] {
		code, err := strconv.Atoi(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "main.go:", err)
			os.Exit(2)
		}
		text := @PKG@.StatusText(code)
		if text == "" {
			fmt.Fprintln(os.Stderr, "main.go: no text for", code)
			os.Exit(1)
		}
		w.WriteString(text + "\x00")
		w.WriteString(@PKG@.StatusDescription(code) + "\x00")
	}
	w.Flush()
	if @PKG@.StatusText(-1) != "" {
		fmt.Fprintln(os.Stderr, "main.go: StatusText(-1) is not empty")
		os.Exit(1)
	}
}
