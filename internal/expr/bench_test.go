package expr

import "testing"

const (
	benchCondition = "attribute_not_exists(pk) OR (#s = :open AND size(#items) < :max)"
	benchUpdate    = "SET #n = if_not_exists(#n, :zero) + :inc, updated = :now REMOVE lease"
)

func BenchmarkParseCondition(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCondition(Condition, benchCondition); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseUpdate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseUpdate(benchUpdate); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCache_Hit(b *testing.B) {
	c := NewCache(128)
	if _, err := c.Condition(Condition, benchCondition); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Condition(Condition, benchCondition); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCache_HitParallel(b *testing.B) {
	c := NewCache(128)
	if _, err := c.Condition(Condition, benchCondition); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := c.Condition(Condition, benchCondition); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkBinder_CachedCondition(b *testing.B) {
	binder := &Binder[struct{}]{
		Names:  map[string]string{"#s": "status", "#items": "items"},
		Values: map[string]struct{}{":open": {}, ":max": {}},
		Cache:  NewCache(128),
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := binder.Condition(Condition, benchCondition); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBinder_CachedUpdate(b *testing.B) {
	binder := &Binder[struct{}]{
		Names:  map[string]string{"#n": "n"},
		Values: map[string]struct{}{":zero": {}, ":inc": {}, ":now": {}},
		Cache:  NewCache(128),
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := binder.Update(benchUpdate); err != nil {
			b.Fatal(err)
		}
	}
}
