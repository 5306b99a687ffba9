// Command ddbbench runs and reports ddbsim's side-by-side benchmarks
// (bench/run.sh calls it):
//
//	ddbbench report [FILE]                  go test -bench output to markdown tables
//	ddbbench -ddbsim BIN -dynalite CLI.JS wire [flags]     HTTP load, interleaved runs
//	ddbbench -ddbsim BIN -dynalite CLI.JS startup [flags]  time to the first answer
//	ddbbench -ddbsim BIN -servers ddbsim memory [flags]   resident memory after loading items
//
// The servers run on loopback ports; every run is bounded in time and in
// requests. Results go to standard output as markdown, progress to
// standard error. Run a subcommand with -h for its flags.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	var s servers
	flag.StringVar(&s.ddbsim, "ddbsim", "", "path of the built cmd/ddbsim binary")
	flag.StringVar(&s.dynalite, "dynalite", "", "path of dynalite's cli.js")
	list := flag.String("servers", "ddbsim,dynalite", "servers to run, in the order runs interleave them")
	flag.Parse()
	s.names = strings.Split(*list, ",")
	args := flag.Args()
	if len(args) == 0 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	switch args[0] {
	case "report":
		err = runReport(args[1:])
	case "wire":
		err = runWire(s, args[1:])
	case "startup":
		err = runStartup(s, args[1:])
	case "memory":
		err = runMemory(s, args[1:])
	default:
		err = fmt.Errorf("unknown subcommand %q", args[0])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ddbbench:", err)
		os.Exit(1)
	}
}
