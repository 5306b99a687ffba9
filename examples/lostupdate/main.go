// Lostupdate shows how read-modify-write on eventually consistent reads
// loses an update, and how a conditional write on a version attribute
// prevents it.
//
// Two clerks each add to an account balance of 100: Alice adds 10, then
// Bob adds 20. Bob reads the balance with an eventually consistent read,
// which a lagging replica serves: he sees 100, not Alice's 110, and writes
// 120. Alice's deposit is gone. With a version attribute and the
// condition "only if the version is still the one I read", Bob's stale
// write is refused; he re-reads (consistently) and writes 130.
//
// The DB runs in Manual mode with a fixed seed, so the stale read happens
// on every run.
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

// account reads and writes the balance item.
type account struct {
	table *ddbsim.Table
	key   ddbsim.Item
}

// read returns the balance and version, with an eventually consistent
// read unless consistent is set.
func (a account) read(ctx context.Context, consistent bool) (balance, version int, err error) {
	out, err := a.table.GetItem(ctx, ddbsim.GetItemInput{Key: a.key, ConsistentRead: consistent})
	if err != nil {
		return 0, 0, err
	}
	balance, _ = strconv.Atoi(out.Item["balance"].N())
	version, _ = strconv.Atoi(out.Item["version"].N())
	return balance, version, nil
}

// write stores the balance; with checkVersion, only if the stored version
// is still version.
func (a account) write(ctx context.Context, balance, version int, checkVersion bool) error {
	in := ddbsim.PutItemInput{Item: ddbsim.Item{"id": a.key["id"], "balance": ddbsim.Int(int64(balance)), "version": ddbsim.Int(int64(version + 1))}}
	if checkVersion {
		in.ConditionExpression = "version = :v"
		in.ExpressionAttributeValues = map[string]ddbsim.Value{":v": ddbsim.Int(int64(version))}
	}
	_, err := a.table.PutItem(ctx, in)
	return err
}

func run(ctx context.Context, w io.Writer) error {
	for _, guarded := range []bool{false, true} {
		if err := deposit(ctx, w, guarded); err != nil {
			return err
		}
	}
	return nil
}

// deposit plays the two deposits, with or without the version check.
func deposit(ctx context.Context, w io.Writer, guarded bool) error {
	db := ddbsim.New(&ddbsim.Options{Replication: ddbsim.Manual, Seed: 4})
	defer db.Close()
	if _, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName:            "Accounts",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "id", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "id", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	}); err != nil {
		return err
	}
	acct := account{table: db.Table("Accounts"), key: ddbsim.Item{"id": ddbsim.S("acct-1")}}
	if err := acct.write(ctx, 100, -1, false); err != nil {
		return err
	}
	db.Settle()
	if guarded {
		fmt.Fprintln(w, "with a version check (conditional write):")
	} else {
		fmt.Fprintln(w, "without a version check:")
	}

	balance, version, err := acct.read(ctx, true)
	if err != nil {
		return err
	}
	if err := acct.write(ctx, balance+10, version, guarded); err != nil {
		return err
	}
	fmt.Fprintf(w, "  Alice read %d, wrote %d\n", balance, balance+10)

	// Bob reads until a read is served by the lagging replica, which has
	// not received Alice's deposit: the race this example stages.
	for {
		balance, version, err = acct.read(ctx, false)
		if err != nil {
			return err
		}
		if balance == 100 {
			break
		}
	}
	fmt.Fprintf(w, "  Bob read %d (eventually consistent, served by the lagging replica)\n", balance)
	err = acct.write(ctx, balance+20, version, guarded)
	var e *ddbsim.Error
	switch {
	case errors.As(err, &e) && e.Code == ddbsim.CodeConditionalCheckFailed:
		fmt.Fprintf(w, "  Bob's write of %d refused: the version changed since his read\n", balance+20)
		if balance, version, err = acct.read(ctx, true); err != nil {
			return err
		}
		if err := acct.write(ctx, balance+20, version, true); err != nil {
			return err
		}
		fmt.Fprintf(w, "  Bob re-read %d with ConsistentRead, wrote %d\n", balance, balance+20)
	case err != nil:
		return err
	default:
		fmt.Fprintf(w, "  Bob wrote %d\n", balance+20)
	}
	final, _, err := acct.read(ctx, true)
	if err != nil {
		return err
	}
	verdict := "both deposits kept"
	if final != 130 {
		verdict = "Alice's deposit is lost"
	}
	fmt.Fprintf(w, "  final balance %d: %s\n", final, verdict)
	return nil
}
