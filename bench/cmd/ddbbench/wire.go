package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ddbsim/ddbsim/bench"
)

// mix is the operation mix of the HTTP load, in percent.
var mix = []struct {
	name   string
	weight int
}{
	{"GetItem", 40}, {"PutItem", 15}, {"PutItemIfNotExists", 10},
	{"UpdateItemAdd", 10}, {"Query10", 20}, {"BatchGet100", 5},
}

// floor is the index, after the mix's cases, of the pseudo-case GET / (a
// health check answered without touching the database): each server's
// floor of CPU per request, its HTTP stack and the kernel's.
var floor = len(mix)

// caseName names case c: a case of the mix, or the floor.
func caseName(c int) string {
	if c == floor {
		return "GET / (floor)"
	}
	return mix[c].name
}

// plan is the order in which workers draw cases: each case as often as
// its weight, shuffled with a fixed seed so every run sends the same
// sequence.
func plan() []int {
	var p []int
	for i, m := range mix {
		for range m.weight {
			p = append(p, i)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// runResult is one timed run against one server.
type runResult struct {
	server     string
	ops        int
	elapsed    time.Duration
	serverCPU  time.Duration
	clientCPU  time.Duration
	latencies  [][]time.Duration // by case of the mix
	failures   int
	firstError string
}

func (r runResult) all() []time.Duration { return slices.Concat(r.latencies...) }

// drive sends one server the cases in order (indexes into mix, cycled)
// from workers goroutines for d, each sending at most maxOps requests, and
// reads the server's CPU time before and after.
func drive(srv *server, reqs [][]bench.Recorded, order []int, workers, maxOps int, d time.Duration) (runResult, error) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers, DisableCompression: true}}
	defer client.CloseIdleConnections()
	res := runResult{server: srv.name, latencies: make([][]time.Duration, len(reqs))}
	var mu sync.Mutex
	var wg sync.WaitGroup
	cpu0, err := cpu(srv.cmd.Process.Pid)
	if err != nil {
		return res, err
	}
	self0, _ := cpu(os.Getpid())
	start := time.Now()
	deadline := start.Add(d)
	for w := range workers {
		wg.Go(func() {
			lat := make([][]time.Duration, len(reqs))
			failures, first := 0, ""
			for k := 0; k < maxOps && time.Now().Before(deadline); k++ {
				c := order[(k+w*37)%len(order)]
				rq := reqs[c][(k*7+w*131)%len(reqs[c])]
				t0 := time.Now()
				err := send(client, srv.url, rq, caseName(c) == "PutItemIfNotExists")
				lat[c] = append(lat[c], time.Since(t0))
				if err != nil {
					if failures++; first == "" {
						first = caseName(c) + ": " + err.Error()
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for c := range lat {
				res.latencies[c] = append(res.latencies[c], lat[c]...)
			}
			if res.failures += failures; res.firstError == "" {
				res.firstError = first
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	cpu1, err := cpu(srv.cmd.Process.Pid)
	self1, _ := cpu(os.Getpid())
	res.serverCPU, res.clientCPU = cpu1-cpu0, self1-self0
	res.ops = len(res.all())
	return res, err
}

// send posts one recorded request and checks the answer: 200, or for a
// conditional put DynamoDB's ConditionalCheckFailedException.
func send(client *http.Client, url string, rq bench.Recorded, wantConditionFailed bool) error {
	resp, err := client.Do(rq.NewRequest(url))
	if err != nil {
		return err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		return err
	case wantConditionFailed && resp.StatusCode == http.StatusBadRequest && bytes.Contains(body, []byte("ConditionalCheckFailed")):
		return nil
	case !wantConditionFailed && resp.StatusCode == http.StatusOK:
		return nil
	}
	return fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
}

// validate runs a few requests of every case through the SDK client and
// checks their results, so both servers are known to answer the mix as
// DynamoDB does before any timing.
func validate(srv *server, r *bench.Requests) error {
	c := sdkClient(srv.url, 1, 1)
	for _, m := range mix {
		step := bench.SDKStep(m.name, c, r)
		for i := range 3 {
			if err := step(context.Background(), i); err != nil {
				return fmt.Errorf("%s: %s: %w", srv.name, m.name, err)
			}
		}
	}
	return nil
}

// runWire is the wire subcommand: both servers loaded with the same items,
// then timed runs of the mix interleaved ddbsim, dynalite, ddbsim, ...
func runWire(s servers, args []string) error {
	fs := flag.NewFlagSet("wire", flag.ExitOnError)
	items := fs.Int("items", 10_000, "items loaded into each table of each server")
	workers := fs.Int("workers", 4, "concurrent client workers")
	d := fs.Duration("duration", 10*time.Second, "length of one timed run")
	warmup := fs.Duration("warmup", 3*time.Second, "untimed run against each server first")
	maxOps := fs.Int("max-ops", 1_000_000, "most requests one worker sends in a run")
	rounds := fs.Int("rounds", 3, "timed runs against each server, interleaved")
	perCase := fs.Duration("per-case", 0, "then each case alone for this long, 2 rounds interleaved (0: not)")
	fs.Parse(args)

	r := bench.NewRequests(*items)
	// record signs the mix's requests anew: a recording replayed longer
	// than DynamoDB's 15 minutes of date skew meets "Signature expired",
	// so every run takes a fresh one (outside its timing).
	record := func() [][]bench.Recorded {
		reqs := make([][]bench.Recorded, len(mix)+1)
		for i, m := range mix {
			reqs[i] = bench.Record(m.name, r)
		}
		reqs[floor] = []bench.Recorded{{Method: http.MethodGet}}
		return reqs
	}
	srvs := map[string]*server{}
	for _, name := range s.names {
		srv, c, err := s.startReady(name, 3, *workers)
		if err != nil {
			return err
		}
		defer srv.stop()
		srvs[name] = srv
		t0 := time.Now()
		if err := load(context.Background(), c, *items, true, *workers); err != nil {
			return fmt.Errorf("%s: loading: %w", name, err)
		}
		fmt.Fprintf(os.Stderr, "%s: loaded 2 x %d items in %v\n", name, *items, time.Since(t0).Round(time.Millisecond))
		if err := validate(srv, r); err != nil {
			return err
		}
		if _, err := drive(srv, record(), plan(), *workers, *maxOps, *warmup); err != nil {
			return err
		}
	}
	// interleave runs order against each server n times, interleaved.
	interleave := func(label string, order []int, n int, d time.Duration) ([]runResult, error) {
		var results []runResult
		for round := range n {
			for _, name := range s.names {
				res, err := drive(srvs[name], record(), order, *workers, *maxOps, d)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(os.Stderr, "%s round %d %s: %d ops, %.0f ops/s, %d failures %s\n", label, round+1, name, res.ops,
					float64(res.ops)/res.elapsed.Seconds(), res.failures, res.firstError)
				results = append(results, res)
			}
		}
		return results, nil
	}
	results, err := interleave("mix", plan(), *rounds, *d)
	if err != nil {
		return err
	}
	writeWire(os.Stdout, s.names, results, *items, *workers, *d)
	if *perCase == 0 {
		return nil
	}
	fmt.Printf("\nEach case alone, %d workers, 2 runs of %v against each server, interleaved; medians:\n\n| case | %s | CPU per op ÷ the last server's |\n|---%s|---|\n",
		*workers, *perCase, strings.Join(slices.Concat(prefixed("CPU µs/op ", s.names), prefixed("ops/s ", s.names)), " | "),
		strings.Repeat("|---", 2*len(s.names)))
	for c := range len(mix) + 1 {
		results, err := interleave(caseName(c), []int{c}, 2, *perCase)
		if err != nil {
			return err
		}
		var cpus, rates []float64
		for _, name := range s.names {
			cpus = append(cpus, median(collect(results, name, runResult.cpuPerOp)))
			rates = append(rates, median(collect(results, name, runResult.rate)))
		}
		fmt.Printf("| %s |", caseName(c))
		for _, x := range cpus {
			fmt.Printf(" %.1f |", x)
		}
		for _, x := range rates {
			fmt.Printf(" %.0f |", x)
		}
		fmt.Printf(" %.3f |\n", cpus[0]/cpus[len(cpus)-1])
	}
	return nil
}

func (r runResult) cpuPerOp() float64 { return micros(r.serverCPU) / float64(r.ops) }
func (r runResult) rate() float64     { return float64(r.ops) / r.elapsed.Seconds() }

// collect applies f to the results of one server.
func collect(results []runResult, server string, f func(runResult) float64) []float64 {
	var out []float64
	for _, r := range results {
		if r.server == server {
			out = append(out, f(r))
		}
	}
	return out
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// writeWire prints the runs, the medians per server, and the latency of
// each case.
func writeWire(w io.Writer, names []string, results []runResult, items, workers int, d time.Duration) {
	fmt.Fprintf(w, "Tables of %d items each; %d workers; runs of %v; mix:", items, workers, d)
	for _, m := range mix {
		fmt.Fprintf(w, " %s %d%%", m.name, m.weight)
	}
	fmt.Fprint(w, ".\n\n| run | server | ops | ops/s | p50 | p99 | server CPU µs/op | client CPU µs/op | failures |\n|---|---|---|---|---|---|---|---|---|\n")
	for i, r := range results {
		all := r.all()
		fmt.Fprintf(w, "| %d | %s | %d | %.0f | %s | %s | %.1f | %.1f | %d |\n", i/len(names)+1, r.server, r.ops,
			r.rate(), quantile(all, 0.5), quantile(all, 0.99), r.cpuPerOp(), micros(r.clientCPU)/float64(r.ops), r.failures)
	}
	fmt.Fprint(w, "\n| server | median ops/s | median p50 | median p99 | median server CPU µs/op | CPU per op ÷ the last server's |\n|---|---|---|---|---|---|\n")
	last := median(collect(results, names[len(names)-1], runResult.cpuPerOp))
	for _, name := range names {
		p50 := collect(results, name, func(r runResult) float64 { return float64(quantile(r.all(), 0.5)) })
		p99 := collect(results, name, func(r runResult) float64 { return float64(quantile(r.all(), 0.99)) })
		cpu := median(collect(results, name, runResult.cpuPerOp))
		fmt.Fprintf(w, "| %s | %.0f | %s | %s | %.1f | %.3f |\n", name, median(collect(results, name, runResult.rate)),
			round(time.Duration(median(p50))), round(time.Duration(median(p99))), cpu, cpu/last)
	}
	fmt.Fprintf(w, "\nLatency by case, all timed runs pooled (p50 / p99):\n\n| case | %s |\n|---%s|\n",
		strings.Join(names, " | "), strings.Repeat("|---", len(names)))
	for c, m := range mix {
		fmt.Fprintf(w, "| %s |", m.name)
		for _, name := range names {
			var lat []time.Duration
			for _, r := range results {
				if r.server == name {
					lat = append(lat, r.latencies[c]...)
				}
			}
			fmt.Fprintf(w, " %s / %s |", quantile(lat, 0.5), quantile(lat, 0.99))
		}
		fmt.Fprintln(w)
	}
}

func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// quantile returns the q-quantile of ds (nearest rank), rounded for
// printing.
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return round(s[min(len(s)-1, int(q*float64(len(s))))])
}

func medianDuration(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// round keeps three significant digits or so.
func round(d time.Duration) time.Duration {
	switch {
	case d > 100*time.Millisecond:
		return d.Round(time.Millisecond)
	case d > 100*time.Microsecond:
		return d.Round(time.Microsecond)
	}
	return d.Round(100 * time.Nanosecond)
}
