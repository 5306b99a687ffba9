package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/ddbsim/ddbsim/bench"
)

// runMemory is the memory subcommand: each listed server, started empty,
// is loaded with n Users items through the wire (BatchWriteItem), and its
// resident memory read before, right after, and after an idle pause.
func runMemory(s servers, args []string) error {
	fs := flag.NewFlagSet("memory", flag.ExitOnError)
	n := fs.Int("items", 1_000_000, "items loaded")
	workers := fs.Int("workers", 4, "concurrent loading workers")
	idle := fs.Duration("idle", 10*time.Second, "pause before the last reading")
	fs.Parse(args)
	size, err := bench.Item(*n / 2).Size()
	if err != nil {
		return err
	}
	fmt.Printf("Items of the benchmark shape (DynamoDB size %d B; DESIGN.md's budget %d B per item in-process), loaded with BatchWriteItem of %d by %d workers.\n\n",
		size, 150+2*size, bench.BatchSize, *workers)
	fmt.Print("| server | items | load time | items/s | VmRSS empty | VmRSS loaded | VmHWM | VmRSS after idle | RSS per item (after idle − empty) |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, name := range s.names {
		if err := measureMemory(s, name, *n, *workers, *idle); err != nil {
			return err
		}
	}
	return nil
}

func measureMemory(s servers, name string, n, workers int, idle time.Duration) error {
	srv, c, err := s.startReady(name, 3, workers)
	if err != nil {
		return err
	}
	defer srv.stop()
	pid := srv.cmd.Process.Pid
	empty, _, err := memory(pid)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if err := load(context.Background(), c, n, false, workers); err != nil {
		return fmt.Errorf("%s: loading: %w", name, err)
	}
	took := time.Since(t0)
	loaded, hwm, _ := memory(pid)
	if got, err := count(context.Background(), c, bench.Users); err != nil || (name == "ddbsim" && got != int64(n)) {
		return fmt.Errorf("%s: %d items after loading %d (%v)", name, got, n, err)
	}
	time.Sleep(idle)
	after, _, _ := memory(pid)
	mib := func(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
	fmt.Printf("| %s | %d | %v | %.0f | %s | %s | %s | %s | %.0f B |\n", name, n, took.Round(time.Millisecond),
		float64(n)/took.Seconds(), mib(empty), mib(loaded), mib(hwm), mib(after), float64(after-empty)/float64(n))
	return nil
}
