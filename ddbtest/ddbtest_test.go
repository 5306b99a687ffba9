package ddbtest_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbtest"
)

func createKV(t *testing.T, db *ddbsim.DB) {
	t.Helper()
	_, err := db.CreateTable(context.Background(), ddbsim.CreateTableInput{
		TableName:            "kvs",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "id", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "id", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	})
	require.NoError(t, err)
}

func TestNew_DefaultsToSync(t *testing.T) {
	db := ddbtest.New(t)
	createKV(t, db)
	ctx := context.Background()
	for i := range 20 {
		_, err := db.PutItem(ctx, ddbsim.PutItemInput{TableName: "kvs", Item: ddbsim.Item{"id": ddbsim.S("a"), "n": ddbsim.Int(int64(i))}})
		require.NoError(t, err)
		out, err := db.GetItem(ctx, ddbsim.GetItemInput{TableName: "kvs", Key: ddbsim.Item{"id": ddbsim.S("a")}})
		require.NoError(t, err)
		require.Equal(t, ddbsim.Int(int64(i)).N(), out.Item["n"].N())
	}
}

// readAfterWrite is code under test with a consistency bug: it trusts an
// eventually consistent read right after its own write.
func readAfterWrite(ctx context.Context, db *ddbsim.DB) (string, error) {
	for _, v := range []string{"1", "2"} {
		if _, err := db.PutItem(ctx, ddbsim.PutItemInput{TableName: "kvs", Item: ddbsim.Item{"id": ddbsim.S("a"), "n": ddbsim.N(v)}}); err != nil {
			return "", err
		}
	}
	out, err := db.GetItem(ctx, ddbsim.GetItemInput{TableName: "kvs", Key: ddbsim.Item{"id": ddbsim.S("a")}})
	if err != nil || out.Item == nil {
		return "<none>", err
	}
	return out.Item["n"].N(), nil
}

func TestSeeds_FindTheStaleReadAndReplayIt(t *testing.T) {
	var failing []uint64
	for seed := range uint64(40) {
		db := ddbtest.New(t, ddbtest.WithReplication(ddbsim.Async), ddbtest.WithSeed(seed))
		createKV(t, db)
		got, err := readAfterWrite(context.Background(), db)
		require.NoError(t, err)
		if got != "2" {
			failing = append(failing, seed)
		}
	}
	require.NotEmpty(t, failing, "some seeds serve the read from the lagging replica")

	// Seeds runs the same body under each seed and names the seed.
	var ran []string
	t.Run("runner", func(t *testing.T) {
		ddbtest.Seeds(t, 3, func(t *testing.T, db *ddbsim.DB) {
			ran = append(ran, t.Name())
			createKV(t, db)
			_, err := readAfterWrite(context.Background(), db)
			require.NoError(t, err)
		})
	})
	assert.Equal(t, []string{"TestSeeds_FindTheStaleReadAndReplayIt/runner/seed=0", "TestSeeds_FindTheStaleReadAndReplayIt/runner/seed=1",
		"TestSeeds_FindTheStaleReadAndReplayIt/runner/seed=2"}, ran)

	// Replaying a failing seed through the environment gives the same result.
	t.Setenv(ddbtest.SeedEnv, "")
	seed := failing[0]
	t.Run("replay", func(t *testing.T) {
		t.Setenv(ddbtest.SeedEnv, strconv.FormatUint(seed, 10))
		var results []string
		ddbtest.Seeds(t, 1000, func(t *testing.T, db *ddbsim.DB) {
			createKV(t, db)
			got, err := readAfterWrite(context.Background(), db)
			require.NoError(t, err)
			results = append(results, got)
		})
		require.Len(t, results, 1, "DDBSIM_SEED runs only that seed")
		assert.NotEqual(t, "2", results[0], "the replayed seed reproduces the stale read")
	})
}
