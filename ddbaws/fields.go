package ddbaws

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// optional returns a pointer to s, or nil for "": how the SDK client
// reports a string DynamoDB leaves out of its response when empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// mapSlice converts each element of s with f. A nil slice stays nil and an
// empty one stays empty, as the SDK tells an absent list from an empty
// one.
func mapSlice[T, U any](s []T, f func(T) U) []U {
	if s == nil {
		return nil
	}
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

// mapValues converts each value of m with f. A nil map stays nil and an
// empty one stays empty.
func mapValues[V, W any](m map[string]V, f func(V) W) map[string]W {
	if m == nil {
		return nil
	}
	out := make(map[string]W, len(m))
	for k, v := range m {
		out[k] = f(v)
	}
	return out
}

// wireTime returns t as the SDK client reads a DynamoDB timestamp: to the
// millisecond (the wire carries epoch seconds with three decimals), in
// UTC.
func wireTime(t time.Time) *time.Time {
	return aws.Time(time.UnixMilli(t.UnixMilli()).UTC())
}
