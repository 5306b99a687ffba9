// Command ddbsim serves an in-memory DynamoDB over DynamoDB's wire
// protocol, as a drop-in for DynamoDB Local:
//
//	go run ./cmd/ddbsim              # serves on 127.0.0.1:8000
//	aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
//
// Flags:
//
//	-addr HOST:PORT        address to listen on (default 127.0.0.1:8000; :0 picks a free port)
//	-replication MODE      sync (default), async or manual (see ddbsim.Replication)
//	-seed N                seed of async and manual replication
//	-lag DURATION          wall-clock lag of the lagging replica in async mode (default 1s)
//	-batch-get-max-bytes N BatchGetItem response cap (default 1 MB; DynamoDB's is 16 MB)
//
// The first line of output is "listening on http://HOST:PORT". The server
// runs until SIGINT or SIGTERM, then finishes the requests in flight and
// exits. Faults are armed through POST /ddbsim/faults (see package
// ddbhttp).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbhttp"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ddbsim:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done, then shuts down cleanly.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("ddbsim", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on (:0 picks a free port)")
	mode := fs.String("replication", "sync", "replication mode: sync, async or manual")
	seed := fs.Uint64("seed", 0, "seed of async and manual replication")
	lag := fs.Duration("lag", time.Second, "wall-clock lag of the lagging replica in async mode")
	batchGetMax := fs.Int("batch-get-max-bytes", ddbsim.DefaultBatchGetMaxBytes, "BatchGetItem response cap in bytes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	modes := map[string]ddbsim.Replication{"sync": ddbsim.Sync, "async": ddbsim.Async, "manual": ddbsim.Manual}
	replication, ok := modes[*mode]
	if !ok {
		return fmt.Errorf("-replication %q: want sync, async or manual", *mode)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	db := ddbsim.New(&ddbsim.Options{Replication: replication, Seed: *seed, Lag: *lag,
		Limits: ddbsim.Limits{BatchGetMaxBytes: *batchGetMax}})
	defer db.Close()
	srv := &http.Server{
		Handler:           ddbhttp.NewHandler(db),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
	fmt.Fprintf(out, "listening on http://%s\n", ln.Addr())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
