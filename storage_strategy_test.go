package ddbsim

// Benchmarks behind the storage design choice (DESIGN.md section 3):
// copy-on-write snapshots published through an atomic pointer, against
// one tree written in place under a sync.RWMutex. Both use the same entry
// and order as the tables; the figures are in BENCHMARKS.md.

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/btree"
)

func strategyEntries(n int) []entry {
	out := make([]entry, n)
	for i := range out {
		k, err := encodeTableKey(S("user#"+strconv.Itoa(i)), Value{}, false)
		if err != nil {
			panic(err)
		}
		out[i] = newEntry(k, []byte(k.key), len(k.key))
	}
	return out
}

type rwTree struct {
	mu   sync.RWMutex
	tree *btree.BTreeG[entry]
}

type cowTree struct {
	mu   sync.Mutex
	tree atomic.Pointer[btree.BTreeG[entry]]
}

func benchmarkStrategy(b *testing.B, n int, get func(entry) bool, put func(entry)) {
	es := strategyEntries(n)
	for _, e := range es {
		put(e)
	}
	b.Run("get", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if !get(es[i%n]) {
				b.Fatal("missing")
			}
			i++
		}
	})
	b.Run("put", func(b *testing.B) {
		i := 0
		for b.Loop() {
			put(es[i%n])
			i++
		}
	})
	b.Run("get-with-writer", func(b *testing.B) {
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
					put(es[i%n])
				}
			}
		}()
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				get(es[i%n])
				i++
			}
		})
		close(stop)
		<-done
	})
}

func BenchmarkStorageStrategy(b *testing.B) {
	for _, n := range []int{1000, 100_000} {
		b.Run("rwmutex/"+strconv.Itoa(n), func(b *testing.B) {
			t := &rwTree{tree: btree.NewG(treeDegree, entryLess)}
			benchmarkStrategy(b, n, func(e entry) bool {
				t.mu.RLock()
				_, ok := t.tree.Get(e)
				t.mu.RUnlock()
				return ok
			}, func(e entry) {
				t.mu.Lock()
				t.tree.ReplaceOrInsert(e)
				t.mu.Unlock()
			})
		})
		b.Run("copy-on-write/"+strconv.Itoa(n), func(b *testing.B) {
			t := &cowTree{}
			t.tree.Store(btree.NewG(treeDegree, entryLess))
			benchmarkStrategy(b, n, func(e entry) bool {
				_, ok := t.tree.Load().Get(e)
				return ok
			}, func(e entry) {
				t.mu.Lock()
				next := t.tree.Load().Clone()
				next.ReplaceOrInsert(e)
				t.tree.Store(next)
				t.mu.Unlock()
			})
		})
	}
}
