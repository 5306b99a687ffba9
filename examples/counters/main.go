// Counters compares DynamoDB's two ways to count under retries.
//
// Five orders are counted twice over: with an atomic counter (UpdateItem
// ADD) and with an idempotent counter (conditional writes with a token
// per order). The response to the third order's increment is lost (an
// injected LostResponse fault) and the caller retries it, as any client
// does after a timeout. The atomic counter counts that order twice; the
// idempotent counter recognises the retry by its token and counts it once.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"

	"github.com/ddbsim/ddbsim"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, w io.Writer) error {
	db := ddbsim.New(nil)
	defer db.Close()
	if _, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName:            "Stats",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "name", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "name", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	}); err != nil {
		return err
	}
	stats := db.Table("Stats")
	atomic := &ddbsim.AtomicCounter{Table: stats, Key: ddbsim.Item{"name": ddbsim.S("orders-atomic")}, Attribute: "count"}
	idem := &ddbsim.IdempotentCounter{Table: stats, Key: ddbsim.Item{"name": ddbsim.S("orders-idempotent")}, Attribute: "count"}

	fmt.Fprintln(w, "atomic counter (ADD):")
	var value string
	for order := 1; order <= 5; order++ {
		if order == 3 {
			db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "UpdateItem"})
		}
		var err error
		for {
			value, err = atomic.Add(ctx, "1")
			if !errors.Is(err, ddbsim.ErrLostResponse) {
				break
			}
			fmt.Fprintf(w, "  order %d: response lost, retrying\n", order)
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "  5 orders counted as %s\n", value)

	fmt.Fprintln(w, "idempotent counter (conditional writes, one token per order):")
	for order := 1; order <= 5; order++ {
		token := "order-" + strconv.Itoa(order)
		if order == 3 {
			db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "UpdateItem"})
		}
		for {
			v, dup, err := idem.Add(ctx, token, "1")
			if errors.Is(err, ddbsim.ErrLostResponse) {
				fmt.Fprintf(w, "  order %d: response lost, retrying with token %s\n", order, token)
				continue
			}
			if err != nil {
				return err
			}
			if dup {
				fmt.Fprintf(w, "  order %d: token %s already applied, not counted again\n", order, token)
			}
			value = v
			break
		}
	}
	fmt.Fprintf(w, "  5 orders counted as %s\n", value)
	return nil
}
