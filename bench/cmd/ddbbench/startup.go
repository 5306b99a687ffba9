package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// readiness is one start of a server: the time from just before the
// process started to its first successful ListTables, and its resident
// memory then.
type readiness struct {
	ready time.Duration
	rss   int64
}

// startOnce starts the named server on a free port and times it until a
// signed ListTables succeeds. The client is made, and its first request
// sent (to the port, still closed), before the clock starts, so only the
// server's start is timed.
func (s servers) startOnce(name string) (readiness, error) {
	port, err := freePort()
	if err != nil {
		return readiness{}, err
	}
	c := sdkClient(url(port), 1, 1)
	c.ListTables(context.Background(), &dynamodb.ListTablesInput{}) // refused: warms the client up
	srv, err := s.start(name, port)
	if err != nil {
		return readiness{}, err
	}
	defer srv.stop()
	ready, err := waitReady(context.Background(), c, 30*time.Second)
	if err != nil {
		return readiness{}, fmt.Errorf("%s: %w", name, err)
	}
	rss, _, err := memory(srv.cmd.Process.Pid)
	return readiness{ready.Sub(srv.started), rss}, err
}

// runStartup is the startup subcommand: runs starts of each server,
// interleaved, and their median, fastest and slowest.
func runStartup(s servers, args []string) error {
	fs := flag.NewFlagSet("startup", flag.ExitOnError)
	runs := fs.Int("runs", 11, "starts of each server")
	fs.Parse(args)
	got := map[string][]readiness{}
	for range *runs {
		for _, name := range s.names {
			r, err := s.startOnce(name)
			if err != nil {
				return err
			}
			got[name] = append(got[name], r)
		}
	}
	writeStartup(os.Stdout, s.names, got, *runs)
	return nil
}

func writeStartup(w io.Writer, names []string, got map[string][]readiness, runs int) {
	fmt.Fprintf(w, "Process start to first successful signed ListTables, %d starts each, interleaved; polled every %v.\n\n", runs, pollEvery)
	fmt.Fprint(w, "| server | median | fastest | slowest | median VmRSS when ready |\n|---|---|---|---|---|\n")
	for _, name := range names {
		var ready []time.Duration
		var rss []float64
		for _, r := range got[name] {
			ready = append(ready, r.ready)
			rss = append(rss, float64(r.rss)/(1<<20))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %.1f MiB |\n", name, medianDuration(ready).Round(10*time.Microsecond),
			slices.Min(ready).Round(10*time.Microsecond), slices.Max(ready).Round(10*time.Microsecond), median(rss))
	}
}
