// Command ddbsim serves an in-memory DynamoDB over DynamoDB's wire
// protocol, as a drop-in for DynamoDB Local:
//
//	go run ./cmd/ddbsim              # serves on 127.0.0.1:8000
//	aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
//
// Flags:
//
//	-addr HOST:PORT   address to listen on (default 127.0.0.1:8000; :0 picks a free port)
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	db := ddbsim.New(nil)
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
