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
//	-credentials LIST      accept only these KEY:SECRET pairs (comma-separated), verifying
//	                       each request's SigV4 signature; default: any credentials
//	-cors LIST             origins allowed cross-origin requests (comma-separated; default *)
//	-ttl-sweep DURATION    how often expired items are deleted, judged on the DB's clock
//	                       (default 1s; 0: only through POST /ddbsim/ttl/sweep and clock moves)
//
// DynamoDB Local's launch lines work unchanged: -port N listens on port N of
// every interface, as DynamoDB Local does; -delayTransientStatuses holds
// CREATING, UPDATING and DELETING for ddbsim.DefaultTransientStatuses of
// the DB's clock (twice that for a GSI), so that clients' waiters have
// something to wait for; -inMemory, -sharedDb (one namespace for every
// credential and region is the only behaviour) and -disableTelemetry are
// accepted.
//
// The first line of output is "listening on http://HOST:PORT". The server
// runs until SIGINT or SIGTERM, then finishes the requests in flight and
// exits. Faults are armed through POST /ddbsim/faults, the DB's clock is
// read and moved through /ddbsim/clock, and POST /ddbsim/ttl/sweep runs
// the time to live sweep at once (see package ddbhttp).
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
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
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
	creds := fs.String("credentials", "", "accept only these comma-separated `KEY:SECRET` pairs, verifying signatures (default: any credentials)")
	cors := fs.String("cors", "*", "origins allowed cross-origin requests, comma-separated")
	wording := fs.String("wording", "classic", "validation messages: classic, or current (the newer framework's where known)")
	ttlSweep := fs.Duration("ttl-sweep", time.Second, "how often expired items are deleted, judged on the DB's clock (0: only through the admin endpoint)")
	port := fs.Int("port", 0, "DynamoDB Local's spelling: listen on this port of every interface")
	fs.Bool("inMemory", false, "DynamoDB Local's flag, accepted: ddbsim always runs in memory")
	fs.Bool("sharedDb", false, "DynamoDB Local's flag, accepted: one namespace serves every credential and region")
	delay := fs.Bool("delayTransientStatuses", false, "DynamoDB Local's flag: hold CREATING, UPDATING and DELETING for 5s of the DB's clock (tables) and 10s (GSIs)")
	fs.Bool("disableTelemetry", false, "DynamoDB Local's flag, accepted: ddbsim sends no telemetry")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "port" {
			*addr = ":" + strconv.Itoa(*port)
		}
	})
	opts := []ddbhttp.Option{ddbhttp.WithCORS(strings.Split(*cors, ",")...)}
	if *creds != "" {
		secrets, err := parseCredentials(*creds)
		if err != nil {
			return err
		}
		opts = append(opts, ddbhttp.WithAuthenticator(ddbaws.NewAuthenticator(secrets)))
	}
	modes := map[string]ddbsim.Replication{"sync": ddbsim.Sync, "async": ddbsim.Async, "manual": ddbsim.Manual}
	replication, ok := modes[*mode]
	if !ok {
		return fmt.Errorf("-replication %q: want sync, async or manual", *mode)
	}
	if *wording != string(ddbsim.WordingClassic) && *wording != string(ddbsim.WordingCurrent) {
		return fmt.Errorf("-wording %q: want classic or current", *wording)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	// The DB runs on a clock the admin endpoint can move; signed dates are
	// checked against the wall clock, as clients sign with it.
	var transient time.Duration
	if *delay {
		transient = ddbsim.DefaultTransientStatuses
	}
	db := ddbsim.New(&ddbsim.Options{Replication: replication, Seed: *seed, Lag: *lag, Clock: &ddbsim.OffsetClock{},
		Limits: ddbsim.Limits{BatchGetMaxBytes: *batchGetMax}, Wording: ddbsim.Wording(*wording), TransientStatuses: transient})
	defer db.Close()
	defer sweepTTL(db, *ttlSweep)()
	srv := &http.Server{
		Handler:           ddbhttp.NewHandler(db, opts...),
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

// parseCredentials reads -credentials: KEY:SECRET pairs, comma-separated.
func parseCredentials(list string) (map[string]string, error) {
	secrets := map[string]string{}
	for pair := range strings.SplitSeq(list, ",") {
		key, secret, ok := strings.Cut(strings.TrimSpace(pair), ":")
		if !ok || key == "" || secret == "" {
			return nil, fmt.Errorf("-credentials: want KEY:SECRET pairs, comma-separated, got %q", pair)
		}
		secrets[key] = secret
	}
	return secrets, nil
}
