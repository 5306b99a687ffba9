package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/bench"
)

// servers says how to start each server under test on a port: the built
// cmd/ddbsim binary, and dynalite's cli.js under node (in-memory store,
// tables ACTIVE at once).
type servers struct {
	ddbsim   string   // path of the ddbsim binary
	dynalite string   // path of dynalite's cli.js
	names    []string // the servers to run, in the order runs interleave them
}

func (s servers) command(name string, port int) *exec.Cmd {
	p := strconv.Itoa(port)
	if name == "ddbsim" {
		return exec.Command(s.ddbsim, "-addr", "127.0.0.1:"+p)
	}
	return exec.Command("node", s.dynalite, "--host", "127.0.0.1", "--port", p,
		"--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
}

// A server is a running server process.
type server struct {
	name    string
	cmd     *exec.Cmd
	url     string
	started time.Time
}

// start starts the named server on a free loopback port; started is the
// moment just before the process was started.
func (s servers) start(name string, port int) (*server, error) {
	cmd := s.command(name, port)
	cmd.Stderr = os.Stderr
	srv := &server{name: name, cmd: cmd, url: url(port), started: time.Now()}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return srv, nil
}

// stop ends the server with SIGTERM (SIGKILL after 5 s) and waits.
func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

// freePort returns a loopback port that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// url is the address of a server on a loopback port.
func url(port int) string { return "http://127.0.0.1:" + strconv.Itoa(port) }

// startReady starts the named server on a free port and waits until it
// answers, returning it with a client of attempts retries and conns
// connections.
func (s servers) startReady(name string, attempts, conns int) (*server, *dynamodb.Client, error) {
	port, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	srv, err := s.start(name, port)
	if err != nil {
		return nil, nil, err
	}
	c := sdkClient(srv.url, attempts, conns)
	if _, err := waitReady(context.Background(), c, 30*time.Second); err != nil {
		srv.stop()
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return srv, c, nil
}

// clockTick is the unit of utime and stime in /proc/PID/stat (USER_HZ,
// 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpu returns the CPU time (user + system, all threads) that process pid
// has used, from /proc/PID/stat.
func cpu(pid int) (time.Duration, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// Fields after the command name, which is in parentheses and may
	// hold spaces: state is field 3, utime 14, stime 15.
	rest := string(b[strings.LastIndexByte(string(b), ')')+2:])
	f := strings.Fields(rest)
	utime, err1 := strconv.ParseInt(f[14-3], 10, 64)
	stime, err2 := strconv.ParseInt(f[15-3], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	return time.Duration(utime+stime) * clockTick, nil
}

// memory returns VmRSS and VmHWM of process pid in bytes.
func memory(pid int) (rss, hwm int64, err error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, err
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		name, value, _ := strings.Cut(line, ":")
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		switch name {
		case "VmRSS":
			rss = kb << 10
		case "VmHWM":
			hwm = kb << 10
		}
	}
	return rss, hwm, nil
}

// sdkClient returns an SDK client for a server at url: static
// credentials, the given retry attempts, and an HTTP client keeping up to
// conns idle connections.
func sdkClient(url string, attempts, conns int) *dynamodb.Client {
	return dynamodb.New(bench.SDKOptions(url, attempts, &http.Transport{MaxIdleConnsPerHost: conns, DisableCompression: true}))
}

// waitReady sends ListTables every pollEvery until one succeeds, and
// returns when it did.
func waitReady(ctx context.Context, c *dynamodb.Client, timeout time.Duration) (time.Time, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		if _, err := c.ListTables(ctx, &dynamodb.ListTablesInput{}); err == nil {
			return time.Now(), nil
		} else if ctx.Err() != nil {
			return time.Time{}, fmt.Errorf("not ready after %v: %w", timeout, err)
		}
		time.Sleep(pollEvery)
	}
}

// pollEvery is the pause between readiness probes.
const pollEvery = 250 * time.Microsecond

// load creates the two tables on c and loads n items into Users and, with
// events, n into Events, with BatchWriteItem from workers goroutines,
// resending unprocessed items.
func load(ctx context.Context, c *dynamodb.Client, n int, events bool, workers int) error {
	for _, in := range []*dynamodb.CreateTableInput{bench.CreateUsers(), bench.CreateEvents()} {
		if _, err := c.CreateTable(ctx, in); err != nil {
			return err
		}
		w := dynamodb.NewTableExistsWaiter(c, func(o *dynamodb.TableExistsWaiterOptions) { o.MinDelay = 10 * time.Millisecond })
		if err := w.Wait(ctx, &dynamodb.DescribeTableInput{TableName: in.TableName}, time.Minute); err != nil {
			return err
		}
	}
	type batch struct {
		table string
		item  func(int) ddbsim.Item
		from  int
	}
	work := make(chan batch)
	go func() {
		defer close(work)
		tables := []batch{{bench.Users, bench.Item, 0}}
		if events {
			tables = append(tables, batch{bench.Events, bench.Event, 0})
		}
		for _, t := range tables {
			for from := 0; from < n; from += bench.BatchSize {
				select {
				case work <- batch{t.table, t.item, from}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for b := range work {
				if errs[w] == nil {
					errs[w] = writeAll(ctx, c, bench.WriteBatch(b.table, b.item, b.from, min(b.from+bench.BatchSize, n)))
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// writeAll sends a BatchWriteItem until nothing is left unprocessed.
func writeAll(ctx context.Context, c *dynamodb.Client, in *dynamodb.BatchWriteItemInput) error {
	for len(in.RequestItems) > 0 {
		out, err := c.BatchWriteItem(ctx, in)
		if err != nil {
			return err
		}
		in = &dynamodb.BatchWriteItemInput{RequestItems: out.UnprocessedItems}
	}
	return nil
}

// count returns the number of items in a table, from DescribeTable.
func count(ctx context.Context, c *dynamodb.Client, table string) (int64, error) {
	out, err := c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(table)})
	if err != nil {
		return 0, err
	}
	if out.Table.TableStatus != types.TableStatusActive {
		return 0, fmt.Errorf("%s is %s", table, out.Table.TableStatus)
	}
	return aws.ToInt64(out.Table.ItemCount), nil
}
