// TTL shows sessions expiring by DynamoDB's time to live as a clock
// advances, with no waiting: a login writes a session whose expiresAt
// attribute is a Number of epoch seconds; each request pushes it later
// (a sliding expiry); the TTL service deletes the sessions whose time has
// passed. Until the service gets to it, an expired session is still read
// (DynamoDB deletes expired items in the background, typically within
// days), so readers filter on expiresAt themselves. A session whose
// expiry was written in milliseconds by mistake never expires.
//
// The DB runs on ddbtest's fake clock, which stands still until moved;
// every move runs the DB's TTL sweep (ExpireTTL), as ddbtest.New wires it
// for tests. The output is the same on every run.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbtest"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// sessionTTL is how long a session lives after its last request.
const sessionTTL = 30 * time.Minute

func run(ctx context.Context, w io.Writer) error {
	clock := ddbtest.NewClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	db := ddbsim.New(&ddbsim.Options{Clock: clock})
	defer db.Close()
	defer clock.OnMove(func(now time.Time) {
		if n := db.ExpireTTL(); n > 0 {
			fmt.Fprintf(w, "%s  TTL service: deleted %d expired session(s)\n", now.Format("15:04"), n)
		}
	})()

	if _, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName:            "Sessions",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "user", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "user", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	}); err != nil {
		return err
	}
	if _, err := db.UpdateTimeToLive(ctx, ddbsim.UpdateTimeToLiveInput{TableName: "Sessions",
		TimeToLiveSpecification: &ddbsim.TimeToLiveSpecification{AttributeName: "expiresAt", Enabled: true}}); err != nil {
		return err
	}
	sessions := db.Table("Sessions")
	epoch := func(t time.Time) ddbsim.Value { return ddbsim.Int(t.Unix()) }

	login := func(user string, expiresAt ddbsim.Value) error {
		_, err := sessions.PutItem(ctx, ddbsim.PutItemInput{Item: ddbsim.Item{"user": ddbsim.S(user), "expiresAt": expiresAt}})
		fmt.Fprintf(w, "%s  %s logs in\n", db.Now().Format("15:04"), user)
		return err
	}
	// request slides the session's expiry, if the session still exists.
	request := func(user string) error {
		_, err := sessions.UpdateItem(ctx, ddbsim.UpdateItemInput{Key: ddbsim.Item{"user": ddbsim.S(user)},
			UpdateExpression: "SET expiresAt = :e", ConditionExpression: "attribute_exists(#u)",
			ExpressionAttributeNames:  map[string]string{"#u": "user"},
			ExpressionAttributeValues: map[string]ddbsim.Value{":e": epoch(db.Now().Add(sessionTTL))}})
		switch {
		case err == nil:
			fmt.Fprintf(w, "%s  %s makes a request: session extended to %s\n", db.Now().Format("15:04"), user, db.Now().Add(sessionTTL).Format("15:04"))
		case errors.Is(err, ddbsim.ErrConditionalCheckFailed):
			fmt.Fprintf(w, "%s  %s makes a request: no session, log in again\n", db.Now().Format("15:04"), user)
			err = nil
		}
		return err
	}
	// list prints the sessions stored, and those a reader should trust:
	// DynamoDB may still return an expired one, so filter on expiresAt.
	list := func() error {
		all, err := sessions.Scan(ctx, ddbsim.ScanInput{ConsistentRead: true})
		if err != nil {
			return err
		}
		live, err := sessions.Scan(ctx, ddbsim.ScanInput{ConsistentRead: true, FilterExpression: "expiresAt > :now",
			ExpressionAttributeValues: map[string]ddbsim.Value{":now": epoch(db.Now())}})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s  stored: %v; live: %v\n", db.Now().Format("15:04"), users(all.Items), users(live.Items))
		return nil
	}

	steps := []func() error{
		func() error { return login("ada", epoch(db.Now().Add(sessionTTL))) },
		func() error { return login("bob", epoch(db.Now().Add(sessionTTL))) },
		func() error { return login("eve", ddbsim.Int(db.Now().Add(sessionTTL).UnixMilli())) }, // milliseconds: a bug
		list,
		func() error { clock.Advance(20 * time.Minute); return request("ada") },
		func() error { clock.Advance(10 * time.Minute); return list() }, // bob's session expired at 09:30
		func() error { return request("bob") },
		// A server whose clock is behind writes a session already expired:
		// stored until the service's next pass, but not live.
		func() error { return login("cy", epoch(db.Now().Add(-time.Minute))) },
		list,
		func() error { clock.Advance(15 * time.Minute); return request("ada") },
		func() error { clock.Advance(31 * time.Minute); return list() },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	out, err := sessions.GetItem(ctx, ddbsim.GetItemInput{Key: ddbsim.Item{"user": ddbsim.S("eve")}})
	if err != nil {
		return err
	}
	ms, _ := strconv.ParseInt(out.Item["expiresAt"].N(), 10, 64)
	fmt.Fprintf(w, "eve's expiresAt %d is in milliseconds: the year %d, so the TTL service never deletes it\n", ms, time.Unix(ms, 0).Year())
	return nil
}

// users returns the sorted user names of items.
func users(items []ddbsim.Item) []string {
	names := []string{}
	for _, it := range items {
		names = append(names, it["user"].S())
	}
	slices.Sort(names)
	return names
}
