package bench

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// A Step runs the i-th request of a case and checks its result.
type Step func(ctx context.Context, i int) error

// Cases are the six cases, in the order every report lists them.
var Cases = []string{"PutItem", "PutItemIfNotExists", "GetItem", "UpdateItemAdd", "Query10", "BatchGet100"}

// SDKStep returns the step of the named case on c, a value with
// *dynamodb.Client's methods (the SDK client, ddbaws.NewAPI, minidyn):
// request i is the case's i-th input (cycling), and the result must be
// what the case expects (an item of at least 10 attributes, a failed
// condition, 10 query items, 100 batch items with none unprocessed). It
// returns nil if c lacks the case's method.
func SDKStep(name string, c any, r *Requests) Step {
	switch name {
	case "PutItem":
		return sdkStep(c, func(p putter) Step { return cycle(r.Put, sdkCall(p.PutItem), succeeded) })
	case "PutItemIfNotExists":
		return sdkStep(c, func(p putter) Step {
			return cycle(r.PutIfAbsent, sdkCall(p.PutItem), conditionFailed[*dynamodb.PutItemOutput](sdkConditionFailed))
		})
	case "GetItem":
		return sdkStep(c, func(g getter) Step {
			return cycle(r.Get, sdkCall(g.GetItem), atLeast(10, func(o *dynamodb.GetItemOutput) int { return len(o.Item) }))
		})
	case "UpdateItemAdd":
		return sdkStep(c, func(u updater) Step {
			return cycle([]*dynamodb.UpdateItemInput{r.Add}, sdkCall(u.UpdateItem), succeeded)
		})
	case "Query10":
		return sdkStep(c, func(q querier) Step {
			return cycle(r.Query, sdkCall(q.Query), atLeast(PartitionSize, func(o *dynamodb.QueryOutput) int { return len(o.Items) }))
		})
	case "BatchGet100":
		return sdkStep(c, func(g batchGetter) Step {
			return cycle(r.BatchGet, sdkCall(g.BatchGetItem), atLeast(BatchKeys, func(o *dynamodb.BatchGetItemOutput) int {
				return processed(len(o.Responses[Users]), len(o.UnprocessedKeys))
			}))
		})
	}
	panic("bench: no case " + name)
}

// processed counts a batch's items as none when any key came back
// unprocessed, so that atLeast refuses it.
func processed(items, unprocessedTables int) int {
	if unprocessedTables > 0 {
		return 0
	}
	return items
}

// The SDK methods the cases call, one interface each: a client lacking
// one skips that case.
type (
	putter interface {
		PutItem(context.Context, *dynamodb.PutItemInput, ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	}
	getter interface {
		GetItem(context.Context, *dynamodb.GetItemInput, ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	}
	updater interface {
		UpdateItem(context.Context, *dynamodb.UpdateItemInput, ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	}
	querier interface {
		Query(context.Context, *dynamodb.QueryInput, ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
	}
	batchGetter interface {
		BatchGetItem(context.Context, *dynamodb.BatchGetItemInput, ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error)
	}
)

// sdkStep builds the step with c's method set C, or returns nil if c
// lacks it.
func sdkStep[C any](c any, build func(C) Step) Step {
	if m, ok := c.(C); ok {
		return build(m)
	}
	return nil
}

// cycle sends inputs[i % len(inputs)] through call and checks the result.
func cycle[In, Out any](inputs []In, call func(context.Context, In) (Out, error), check func(Out, error) error) Step {
	return func(ctx context.Context, i int) error {
		return check(call(ctx, inputs[i%len(inputs)]))
	}
}

// sdkCall drops the SDK methods' optFns.
func sdkCall[In, Out any](f func(context.Context, In, ...func(*dynamodb.Options)) (Out, error)) func(context.Context, In) (Out, error) {
	return func(ctx context.Context, in In) (Out, error) { return f(ctx, in) }
}

func succeeded[O any](_ O, err error) error { return err }

// atLeast checks that a call succeeded with at least want results.
func atLeast[O any](want int, count func(O) int) func(O, error) error {
	return func(o O, err error) error {
		if err != nil {
			return err
		}
		if got := count(o); got < want {
			return fmt.Errorf("%d results, want %d", got, want)
		}
		return nil
	}
}

// conditionFailed checks that a call failed its condition.
func conditionFailed[O any](failed func(error) bool) func(O, error) error {
	return func(_ O, err error) error {
		if !failed(err) {
			return fmt.Errorf("want a failed condition, got %v", err)
		}
		return nil
	}
}

func sdkConditionFailed(err error) bool {
	var ccf *types.ConditionalCheckFailedException
	return errors.As(err, &ccf)
}
