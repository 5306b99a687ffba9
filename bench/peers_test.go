package bench

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	minidyn "github.com/truora/minidyn/aws-v2/client"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
	"github.com/ddbsim/ddbsim/ddbhttp"
)

// sizes are the table sizes of BenchmarkPeers: each of the two tables
// holds that many items.
var sizes = []struct {
	name string
	n    int
}{{"1k", 1_000}, {"10k", 10_000}, {"1M", 1_000_000}}

// minidynMax is the largest size minidyn is loaded with: each insert
// re-sorts its whole key list, so 1M items would take hours.
const minidynMax = 10_000

// fixture holds the loaded emulators of one size, each built on first use
// and shared by every benchmark (and -count repetition) of that size.
type fixture struct {
	n        int
	requests *Requests
	db       *ddbsim.DB
	mini     *minidyn.Client
}

func newFixture(n int) *fixture { return &fixture{n: n, requests: NewRequests(n)} }

// ddbsim returns the DB holding n Users and n Events items, loaded with
// native puts.
func (f *fixture) ddbsim(tb testing.TB) *ddbsim.DB {
	if f.db == nil {
		f.db = ddbsim.New(nil)
		createTables(tb, ddbaws.NewAPI(f.db))
		ctx := context.Background()
		for i := range f.n {
			for table, item := range map[string]ddbsim.Item{Users: Item(i), Events: Event(i)} {
				if _, err := f.db.PutItem(ctx, ddbsim.PutItemInput{TableName: table, Item: item}); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	return f.db
}

// minidyn returns a minidyn client holding the same items, loaded with
// its PutItem.
func (f *fixture) minidyn(tb testing.TB) *minidyn.Client {
	if f.mini == nil {
		f.mini = minidyn.NewClient()
		createTables(tb, f.mini)
		ctx := context.Background()
		for i := range f.n {
			for table, item := range map[string]ddbsim.Item{Users: Item(i), Events: Event(i)} {
				if _, err := f.mini.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: ddbaws.FromItem(item)}); err != nil {
					tb.Fatal(err)
				}
			}
		}
	}
	return f.mini
}

func createTables(tb testing.TB, c interface {
	CreateTable(context.Context, *dynamodb.CreateTableInput, ...func(*dynamodb.Options)) (*dynamodb.CreateTableOutput, error)
}) {
	for _, in := range []*dynamodb.CreateTableInput{CreateUsers(), CreateEvents()} {
		if _, err := c.CreateTable(context.Background(), in); err != nil {
			tb.Fatal(err)
		}
	}
}

// A target is one way of calling an emulator. client returns a
// *ddbsim.DB for the native API, else a value with *dynamodb.Client's
// methods.
type target struct {
	name   string
	fits   func(n int) bool
	client func(tb testing.TB, f *fixture) any
}

func anySize(int) bool { return true }

var targets = []target{
	{"native", anySize, func(tb testing.TB, f *fixture) any { return f.ddbsim(tb) }},
	{"NewAPI", anySize, func(tb testing.TB, f *fixture) any { return ddbaws.NewAPI(f.ddbsim(tb)) }},
	{"NewClient", anySize, func(tb testing.TB, f *fixture) any { return ddbaws.NewClient(f.ddbsim(tb)) }},
	// SDK-noop is NewClient with a transport that replays a recorded
	// response: the SDK's own overhead, against which DESIGN.md budgets
	// NewClient (+15 µs). It does not depend on the table size.
	{"SDK-noop", func(n int) bool { return n == sizes[0].n }, func(tb testing.TB, f *fixture) any {
		return ddbaws.NewClient(f.ddbsim(tb), func(o *dynamodb.Options) {
			o.HTTPClient = &http.Client{Transport: &replay{handler: ddbhttp.NewHandler(f.ddbsim(tb))}}
		})
	}},
	{"minidyn", func(n int) bool { return n <= minidynMax }, func(tb testing.TB, f *fixture) any { return f.minidyn(tb) }},
}

// replay is an http.RoundTripper that answers every request of an
// operation with the response ddbsim's handler gave to the first one.
type replay struct {
	handler http.Handler
	mu      sync.Mutex
	byOp    map[string]*httptest.ResponseRecorder
}

func (r *replay) RoundTrip(req *http.Request) (*http.Response, error) {
	op := req.Header.Get("X-Amz-Target")
	r.mu.Lock()
	rec, ok := r.byOp[op]
	if !ok {
		rec = httptest.NewRecorder()
		r.handler.ServeHTTP(rec, req)
		if r.byOp == nil {
			r.byOp = map[string]*httptest.ResponseRecorder{}
		}
		r.byOp[op] = rec
	}
	r.mu.Unlock()
	if req.Body != nil {
		req.Body.Close()
	}
	return &http.Response{StatusCode: rec.Code, Header: rec.Header().Clone(), Request: req,
		Body: io.NopCloser(bytes.NewReader(rec.Body.Bytes())), ContentLength: int64(rec.Body.Len())}, nil
}

// nativeSteps build each case on ddbsim's native API, from the same
// inputs converted.
var nativeSteps = map[string]func(db *ddbsim.DB, r *Requests) Step{
	"PutItem": func(db *ddbsim.DB, r *Requests) Step {
		return cycle(convert(r.Put, putInput), db.Table(Users).PutItem, succeeded)
	},
	"PutItemIfNotExists": func(db *ddbsim.DB, r *Requests) Step {
		return cycle(convert(r.PutIfAbsent, putInput), db.Table(Users).PutItem, conditionFailed[*ddbsim.PutItemOutput](
			func(err error) bool { return errors.Is(err, ddbsim.ErrConditionalCheckFailed) }))
	},
	"GetItem": func(db *ddbsim.DB, r *Requests) Step {
		in := convert(r.Get, func(in *dynamodb.GetItemInput) ddbsim.GetItemInput {
			return ddbsim.GetItemInput{Key: ddbaws.ToItem(in.Key)}
		})
		return cycle(in, db.Table(Users).GetItem, atLeast(10, func(o *ddbsim.GetItemOutput) int { return len(o.Item) }))
	},
	"UpdateItemAdd": func(db *ddbsim.DB, r *Requests) Step {
		in := []ddbsim.UpdateItemInput{{Key: ddbaws.ToItem(r.Add.Key), UpdateExpression: aws.ToString(r.Add.UpdateExpression),
			ExpressionAttributeValues: ddbaws.ToItem(r.Add.ExpressionAttributeValues)}}
		return cycle(in, db.Table(Users).UpdateItem, succeeded)
	},
	"Query10": func(db *ddbsim.DB, r *Requests) Step {
		in := convert(r.Query, func(in *dynamodb.QueryInput) ddbsim.QueryInput {
			return ddbsim.QueryInput{KeyConditionExpression: aws.ToString(in.KeyConditionExpression),
				ExpressionAttributeValues: ddbaws.ToItem(in.ExpressionAttributeValues)}
		})
		return cycle(in, db.Table(Events).Query, atLeast(PartitionSize, func(o *ddbsim.QueryOutput) int { return len(o.Items) }))
	},
	"BatchGet100": func(db *ddbsim.DB, r *Requests) Step {
		in := convert(r.BatchGet, func(in *dynamodb.BatchGetItemInput) ddbsim.BatchGetItemInput {
			return ddbsim.BatchGetItemInput{RequestItems: map[string]ddbsim.KeysAndAttributes{
				Users: {Keys: convert(in.RequestItems[Users].Keys, ddbaws.ToItem)}}}
		})
		return cycle(in, db.BatchGetItem, atLeast(BatchKeys, func(o *ddbsim.BatchGetItemOutput) int {
			return processed(len(o.Responses[Users]), len(o.UnprocessedKeys))
		}))
	},
}

// build returns the named case's step on a target's client: native for a
// *ddbsim.DB, else through the SDK method set (nil if the client lacks the
// method).
func build(name string, c any, r *Requests) Step {
	if db, ok := c.(*ddbsim.DB); ok {
		return nativeSteps[name](db, r)
	}
	return SDKStep(name, c, r)
}

func putInput(in *dynamodb.PutItemInput) ddbsim.PutItemInput {
	return ddbsim.PutItemInput{Item: ddbaws.ToItem(in.Item), ConditionExpression: aws.ToString(in.ConditionExpression)}
}

// convert maps each SDK input to ddbsim's.
func convert[In, Out any](in []In, f func(In) Out) []Out {
	out := make([]Out, len(in))
	for i, x := range in {
		out[i] = f(x)
	}
	return out
}

// BenchmarkPeers runs the six cases on every target at every size:
// BenchmarkPeers/SIZE/CASE/TARGET. Each size's emulators are loaded once
// and dropped before the next size.
func BenchmarkPeers(b *testing.B) {
	for _, size := range sizes {
		f := newFixture(size.n)
		b.Run(size.name, func(b *testing.B) {
			for _, name := range Cases {
				b.Run(name, func(b *testing.B) {
					for _, t := range targets {
						if t.fits(size.n) {
							b.Run(t.name, func(b *testing.B) { loop(b, build(name, t.client(b, f), f.requests)) })
						}
					}
				})
			}
		})
		runtime.GC() // drop this size's emulators before loading the next

	}
}

// loop runs s for the benchmark's iterations; a nil s (a case the target
// lacks) skips.
func loop(b *testing.B, s Step) {
	if s == nil {
		b.Skip("not implemented by this target")
	}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := s(ctx, i); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHandler replays the SDK's recorded requests of each case into
// ddbhttp's handler over tables of 1k items: the server's work per
// request without net/http and the socket, to profile the wire path.
func BenchmarkHandler(b *testing.B) {
	f := newFixture(sizes[0].n)
	for _, name := range Cases {
		b.Run(name, func(b *testing.B) {
			h, reqs := ddbhttp.NewHandler(f.ddbsim(b)), Record(name, f.requests)
			want := http.StatusOK
			if name == "PutItemIfNotExists" {
				want = http.StatusBadRequest
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, reqs[i%len(reqs)].NewRequest("http://127.0.0.1/"))
				if w.Code != want {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
		})
	}
}

// TestCasesRunOnEveryTarget runs each case a few times on every target,
// on small tables, so a broken case fails in seconds rather than deep in
// a benchmark run.
func TestCasesRunOnEveryTarget(t *testing.T) {
	f := newFixture(200)
	ctx := context.Background()
	for _, name := range Cases {
		for _, tg := range targets {
			s := build(name, tg.client(t, f), f.requests)
			if s == nil {
				t.Logf("%s: %s not implemented", tg.name, name)
				continue
			}
			for i := range 3 {
				if err := s(ctx, i); err != nil {
					t.Errorf("%s on %s: %v", name, tg.name, err)
				}
			}
		}
	}
}
