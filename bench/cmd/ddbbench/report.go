package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ddbsim/ddbsim/bench"
)

// samples are the measurements of one benchmark, one map per -count
// repetition, keyed by unit (ns/op, allocs/op, heap-B/item, ...).
type samples []map[string]float64

func (s samples) median(unit string) float64 {
	var xs []float64
	for _, m := range s {
		xs = append(xs, m[unit])
	}
	return median(xs)
}

// spread is (slowest − fastest) / median of a unit, in percent.
func (s samples) spread(unit string) float64 {
	var xs []float64
	for _, m := range s {
		xs = append(xs, m[unit])
	}
	return 100 * (slices.Max(xs) - slices.Min(xs)) / median(xs)
}

var procsSuffix = regexp.MustCompile(`-\d+$`)

// parseBench reads `go test -bench` output: every result line, by
// benchmark name without its -GOMAXPROCS suffix, and the header lines
// (goos, cpu, ...).
func parseBench(r io.Reader) (map[string]samples, []string, error) {
	out := map[string]samples{}
	var header []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) >= 4 && strings.HasPrefix(f[0], "Benchmark"):
			m := map[string]float64{}
			for i := 2; i+1 < len(f); i += 2 {
				v, err := strconv.ParseFloat(f[i], 64)
				if err != nil {
					return nil, nil, fmt.Errorf("%q: %w", sc.Text(), err)
				}
				m[f[i+1]] = v
			}
			name := procsSuffix.ReplaceAllString(f[0], "")
			out[name] = append(out[name], m)
		case len(f) >= 2 && strings.HasSuffix(f[0], ":") && !strings.HasPrefix(f[0], "---") && !slices.Contains(header, sc.Text()):
			header = append(header, sc.Text())
		}
	}
	return out, header, sc.Err()
}

// budgets are DESIGN.md section 8's budgets for the native API, in ns/op,
// by case and size.
var budgets = map[string]map[string]float64{
	"GetItem":            {"1k": 1_000, "1M": 3_000},
	"PutItemIfNotExists": {"1k": 2_000, "1M": 8_000},
	"UpdateItemAdd":      {"1k": 2_000, "1M": 2_000},
	"Query10":            {"1k": 5_000, "1M": 10_000},
	"BatchGet100":        {"1k": 100_000, "1M": 250_000},
}

// reportTargets and reportSizes are the columns and rows of the report, in
// order.
var (
	reportTargets = []string{"native", "NewAPI", "NewClient", "SDK-noop", "minidyn"}
	reportSizes   = []string{"1k", "10k", "1M"}
)

// runReport is the report subcommand: `go test -bench` output (files, or
// standard input) to markdown tables.
func runReport(args []string) error {
	var ins []io.Reader
	for _, name := range args {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		ins = append(ins, f)
	}
	if len(ins) == 0 {
		ins = append(ins, os.Stdin)
	}
	res, header, err := parseBench(io.MultiReader(ins...))
	if err != nil {
		return err
	}
	writeReport(os.Stdout, res, header)
	return nil
}

func writeReport(w io.Writer, res map[string]samples, header []string) {
	fmt.Fprintf(w, "%s\n\n", strings.Join(header, "; "))
	fmt.Fprint(w, "Medians over the -count repetitions; spread = (slowest − fastest) / median; ÷ minidyn = this target's time / minidyn's at the same size (below 1 is faster).\n")
	writeSummary(w, res)
	for _, c := range bench.Cases {
		fmt.Fprintf(w, "\n### %s\n\n| size | target | time/op | spread | allocs/op | B/op | ÷ minidyn | budget |\n|---|---|---|---|---|---|---|---|\n", c)
		for _, size := range reportSizes {
			for _, t := range reportTargets {
				s, ok := res[peer(size, c, t)]
				if !ok {
					continue
				}
				ns := s.median("ns/op")
				fmt.Fprintf(w, "| %s | %s | %s | %.0f%% | %.0f | %.0f | %s | %s |\n", size, t, duration(ns), s.spread("ns/op"),
					s.median("allocs/op"), s.median("B/op"), ratio(ns, res, peer(size, c, "minidyn")), verdict(res, size, c, t, ns))
			}
		}
	}
	// The root package's memory benchmark, when its output is given too.
	if s, ok := res["BenchmarkMemoryPerItem"]; ok {
		fmt.Fprintf(w, "\n### Heap per item (root BenchmarkMemoryPerItem: native API, three replicas)\n\n| heap B/item | item B | budget B/item | verdict |\n|---|---|---|---|\n| %.0f | %.0f | %.0f | %s |\n",
			s.median("heap-B/item"), s.median("item-B"), s.median("budget-B/item"), met(s.median("heap-B/item"), s.median("budget-B/item")))
	}
}

// writeSummary prints one line per case and size: each target's median
// time, and native's and NewAPI's ratio to minidyn.
func writeSummary(w io.Writer, res map[string]samples) {
	fmt.Fprintf(w, "\n### Summary\n\n| case | size | %s | native ÷ minidyn | NewAPI ÷ minidyn |\n|---|---%s|---|---|\n",
		strings.Join(reportTargets, " | "), strings.Repeat("|---", len(reportTargets)))
	for _, c := range bench.Cases {
		for _, size := range reportSizes {
			if _, ok := res[peer(size, c, "native")]; !ok {
				continue
			}
			fmt.Fprintf(w, "| %s | %s |", c, size)
			for _, t := range reportTargets {
				cell := "—"
				if s, ok := res[peer(size, c, t)]; ok {
					cell = duration(s.median("ns/op"))
				}
				fmt.Fprintf(w, " %s |", cell)
			}
			for _, t := range []string{"native", "NewAPI"} {
				cell := "—"
				if s, ok := res[peer(size, c, t)]; ok {
					cell = ratio(s.median("ns/op"), res, peer(size, c, "minidyn"))
				}
				fmt.Fprintf(w, " %s |", cell)
			}
			fmt.Fprintln(w)
		}
	}
}

func peer(size, c, target string) string { return "BenchmarkPeers/" + size + "/" + c + "/" + target }

// ratio is ns / the median of benchmark other, or a dash.
func ratio(ns float64, res map[string]samples, other string) string {
	s, ok := res[other]
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.3g", ns/s.median("ns/op"))
}

// verdict compares a result with its DESIGN.md budget: native against
// section 8's table, NewAPI against 2x native, NewClient against the
// SDK's own overhead (SDK-noop at 1k) + 15 µs.
func verdict(res map[string]samples, size, c, target string, ns float64) string {
	var budget float64
	switch target {
	case "native":
		budget = budgets[c][size]
	case "NewAPI":
		if s, ok := res[peer(size, c, "native")]; ok {
			budget = 2 * s.median("ns/op")
		}
	case "NewClient":
		if s, ok := res[peer("1k", c, "SDK-noop")]; ok {
			budget = s.median("ns/op") + 15_000
		}
	}
	if budget == 0 {
		return ""
	}
	return "≤ " + duration(budget) + ": " + met(ns, budget)
}

// met says whether got is within budget, or by how much it is over.
func met(got, budget float64) string {
	if got <= budget {
		return "met"
	}
	return fmt.Sprintf("**missed, %.1fx**", got/budget)
}

// duration prints nanoseconds with a unit that keeps three digits.
func duration(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
