// Package strict turns ddbsim's StrictMode on for a package's tests: each
// test package of the repository runs its tests through Main.
package strict

import (
	"flag"
	"os"
	"testing"
)

// Main runs m's tests with StrictMode on in every DB they make (through
// the environment variable ddbsim.StrictEnv, which this package cannot
// import), and its benchmarks with it off: they measure what users run.
func Main(m *testing.M) {
	flag.Parse()
	if flag.Lookup("test.bench").Value.String() == "" {
		os.Setenv("DDBSIM_STRICT", "1")
	}
	os.Exit(m.Run())
}
