# Go for the tests that build generated Go: `. tests/lib_go.sh`.

# go_offline BUILDDIR_ABS TMPDIR: Go with no network and no toolchain
# downloads.  The build cache survives runs (it is large and safe to
# share); the module cache is the test's own.
go_offline() {
	GOCACHE=$1/go-cache
	GOPATH=$2/gopath
	GOFLAGS=-mod=mod
	GOTOOLCHAIN=local
	GOPROXY=off
	GO111MODULE=on
	export GOCACHE GOPATH GOFLAGS GOTOOLCHAIN GOPROXY GO111MODULE
}
