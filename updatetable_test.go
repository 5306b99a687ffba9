package ddbsim

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// utTable creates a PROVISIONED table "utt" keyed by pk (S), with a GSI
// "byG" on g (S), and n items of which every other has g.
func utTable(t *testing.T, db *DB, n int) {
	t.Helper()
	ctx := context.Background()
	pt := &ProvisionedThroughput{ReadCapacityUnits: 5, WriteCapacityUnits: 5}
	_, err := db.CreateTable(ctx, CreateTableInput{TableName: "utt", BillingMode: BillingModeProvisioned, ProvisionedThroughput: pt,
		KeySchema:            []KeySchemaElement{{AttributeName: "pk", KeyType: KeyTypeHash}},
		AttributeDefinitions: []AttributeDefinition{{AttributeName: "pk", AttributeType: ScalarAttributeTypeS}, {AttributeName: "g", AttributeType: ScalarAttributeTypeS}},
		GlobalSecondaryIndexes: []GlobalSecondaryIndex{{IndexName: "byG", KeySchema: []KeySchemaElement{{AttributeName: "g", KeyType: KeyTypeHash}},
			Projection: &Projection{ProjectionType: ProjectionTypeAll}, ProvisionedThroughput: pt}}})
	require.NoError(t, err)
	for i := range n {
		it := Item{"pk": S("k" + strconv.Itoa(i)), "h": Int(int64(i % 7))}
		if i%2 == 0 {
			it["g"] = S("g" + strconv.Itoa(i%5))
		}
		_, err := db.PutItem(ctx, PutItemInput{TableName: "utt", Item: it})
		require.NoError(t, err)
	}
}

// createH is a GSI Create on h (N), KEYS_ONLY.
func createH(name string) UpdateTableInput {
	return UpdateTableInput{TableName: "utt", AttributeDefinitions: []AttributeDefinition{{AttributeName: "h", AttributeType: ScalarAttributeTypeN}},
		GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Create: &CreateGlobalSecondaryIndexAction{IndexName: name,
			KeySchema: []KeySchemaElement{{AttributeName: "h", KeyType: KeyTypeHash}}, Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly},
			ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}}}}}
}

func TestUpdateTable_Refusals(t *testing.T) {
	pt := func(r, w int64) *ProvisionedThroughput {
		return &ProvisionedThroughput{ReadCapacityUnits: r, WriteCapacityUnits: w}
	}
	del := func(name string) GlobalSecondaryIndexUpdate {
		return GlobalSecondaryIndexUpdate{Delete: &DeleteGlobalSecondaryIndexAction{IndexName: name}}
	}
	twoCreates := createH("byH")
	twoCreates.GlobalSecondaryIndexUpdates = append(twoCreates.GlobalSecondaryIndexUpdates, del("byG"))
	undefined := createH("byH")
	undefined.AttributeDefinitions = nil
	for _, c := range []struct {
		name      string
		in        UpdateTableInput
		code, msg string
	}{
		{"nothing to update", UpdateTableInput{TableName: "utt"}, CodeValidation, msgNothingToUpdate},
		{"empty index updates", UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{}}, CodeValidation, msgNothingToUpdate},
		{"missing table", UpdateTableInput{TableName: "nope", ProvisionedThroughput: pt(2, 2)}, CodeResourceNotFound, "Requested resource not found: Table: nope not found"},
		{"empty index update", UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{}}}, CodeValidation, msgOneOfUpdate},
		{"repeated index", UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{del("byG"), del("byG")}},
			CodeValidation, msgInvalid + "Only one global secondary index update per index is allowed simultaneously. Index: byG"},
		{"two online changes", twoCreates, CodeLimitExceeded, msgOneIndexChange},
		{"index exists", func() UpdateTableInput { in := createH("byG"); return in }(), CodeValidation, msgIndexExists},
		{"key undefined", undefined, CodeValidation, msgInvalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: [h], AttributeDefinitions: []"},
		{"delete missing index", UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{del("nope")}},
			CodeResourceNotFound, "Requested resource not found: Index: nope not found"},
		{"update missing index", UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Update: &UpdateGlobalSecondaryIndexAction{IndexName: "nope", ProvisionedThroughput: pt(1, 1)}}}},
			CodeResourceNotFound, "Requested resource not found: Index: nope not found"},
		{"same throughput", UpdateTableInput{TableName: "utt", ProvisionedThroughput: pt(5, 5)}, CodeValidation,
			"The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits."},
		{"throughput out of bounds", UpdateTableInput{TableName: "utt", ProvisionedThroughput: pt(1_000_000_000_001, 1)}, CodeValidation, "Given value 1000000000001 for ReadCapacityUnits is out of bounds"},
		{"throughput below 1", UpdateTableInput{TableName: "utt", ProvisionedThroughput: pt(0, 1)}, CodeValidation,
			"1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"pay per request with throughput", UpdateTableInput{TableName: "utt", BillingMode: BillingModePayPerRequest, ProvisionedThroughput: pt(1, 1)}, CodeValidation,
			msgInvalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"},
		{"bad table class", UpdateTableInput{TableName: "utt", TableClass: "GLACIER"}, CodeValidation,
			"1 validation error detected: Value 'GLACIER' at 'tableClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]"},
		{"SSE unsupported", UpdateTableInput{TableName: "utt", SSESpecification: &SSESpecification{}}, CodeValidation, "ddbsim does not support SSESpecification yet"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := New(nil)
			utTable(t, db, 4)
			before, err := db.DescribeTable(context.Background(), DescribeTableInput{TableName: "utt"})
			require.NoError(t, err)
			_, err = db.UpdateTable(context.Background(), c.in)
			requireAWSError(t, err, c.code, c.msg)
			after, err := db.DescribeTable(context.Background(), DescribeTableInput{TableName: "utt"})
			require.NoError(t, err)
			assert.Equal(t, before, after, "a refused UpdateTable changes nothing")
		})
	}
}

func TestUpdateTable_Settings(t *testing.T) {
	ctx := context.Background()
	db := New(nil)
	utTable(t, db, 0)
	d, err := db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 7, WriteCapacityUnits: 8},
		TableClass: TableClassStandardInfrequentAccess, DeletionProtectionEnabled: new(true),
		StreamSpecification: &StreamSpecification{StreamEnabled: true, StreamViewType: StreamViewTypeNewImage}})
	require.NoError(t, err)
	assert.Equal(t, TableStatusActive, d.TableStatus)
	assert.Equal(t, int64(7), d.ProvisionedThroughput.ReadCapacityUnits)
	assert.Equal(t, int64(8), d.ProvisionedThroughput.WriteCapacityUnits)
	assert.Equal(t, TableClassStandardInfrequentAccess, d.TableClassSummary.TableClass)
	assert.True(t, d.DeletionProtectionEnabled)
	assert.Equal(t, StreamViewTypeNewImage, d.StreamSpecification.StreamViewType)

	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "utt"})
	requireAWSError(t, err, CodeResourceInUse, msgProtected)

	d, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", BillingMode: BillingModePayPerRequest, DeletionProtectionEnabled: new(false)})
	require.NoError(t, err)
	assert.Equal(t, BillingModePayPerRequest, d.BillingModeSummary.BillingMode)
	assert.Zero(t, d.GlobalSecondaryIndexes[0].ProvisionedThroughput.ReadCapacityUnits, "a GSI follows the table to PAY_PER_REQUEST")

	_, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", BillingMode: BillingModeProvisioned, ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}})
	requireAWSError(t, err, CodeValidation, msgInvalid+"ProvisionedThroughput must be specified for index: byG")
	_, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", BillingMode: BillingModeProvisioned})
	requireAWSError(t, err, CodeValidation, msgInvalid+"ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
	d, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", BillingMode: BillingModeProvisioned, ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1},
		GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Update: &UpdateGlobalSecondaryIndexAction{IndexName: "byG", ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 3, WriteCapacityUnits: 4}}}}})
	require.NoError(t, err)
	assert.Nil(t, d.BillingModeSummary)
	assert.Equal(t, int64(3), d.GlobalSecondaryIndexes[0].ProvisionedThroughput.ReadCapacityUnits)

	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "utt"})
	require.NoError(t, err, "protection off: the table can go")
}

func TestCreateTable_DeletionProtection(t *testing.T) {
	ctx := context.Background()
	db := New(nil)
	_, err := db.CreateTable(ctx, CreateTableInput{TableName: "ppp", BillingMode: BillingModePayPerRequest, DeletionProtectionEnabled: true,
		KeySchema: []KeySchemaElement{{AttributeName: "pk", KeyType: KeyTypeHash}}, AttributeDefinitions: []AttributeDefinition{{AttributeName: "pk", AttributeType: ScalarAttributeTypeS}}})
	require.NoError(t, err)
	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "ppp"})
	requireAWSError(t, err, CodeResourceInUse, msgProtected)
	_, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "ppp"})
	require.NoError(t, err, "still there")
}

// countIndex returns the base keys a GSI holds for hash value v of
// attribute a, or the read's error.
func countIndex(db *DB, index, a string, v Value) (int, error) {
	out, err := db.Query(context.Background(), QueryInput{TableName: "utt", IndexName: index, KeyConditionExpression: "#a = :v",
		ExpressionAttributeNames: map[string]string{"#a": a}, ExpressionAttributeValues: map[string]Value{":v": v}})
	if err != nil {
		return 0, err
	}
	return len(out.Items), nil
}

func TestUpdateTable_CreateAndDeleteIndex(t *testing.T) {
	for _, mode := range []Replication{Sync, Async, Manual} {
		t.Run(strconv.Itoa(int(mode)), func(t *testing.T) {
			ctx := context.Background()
			db := New(&Options{Replication: mode, StrictMode: true})
			utTable(t, db, 70)
			_, err := db.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": S("wrong"), "h": S("not a number")}})
			require.NoError(t, err, "before the index exists, h may be anything")
			d, err := db.UpdateTable(ctx, createH("byH"))
			require.NoError(t, err)
			require.Len(t, d.GlobalSecondaryIndexes, 2)
			assert.Equal(t, IndexStatusActive, d.GlobalSecondaryIndexes[1].IndexStatus)
			assert.Equal(t, int64(70), d.GlobalSecondaryIndexes[1].ItemCount, "the wrong-typed item is skipped")
			assert.Contains(t, d.AttributeDefinitions, AttributeDefinition{AttributeName: "h", AttributeType: ScalarAttributeTypeN})
			db.Settle()
			n, err := countIndex(db, "byH", "h", Int(3))
			require.NoError(t, err)
			assert.Equal(t, 10, n)
			_, err = db.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": S("w2"), "h": S("x")}})
			requireAWSError(t, err, CodeValidation, "One or more parameter values were invalid: Type mismatch for Index Key h Expected: N Actual: S IndexName: byH")

			d, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Delete: &DeleteGlobalSecondaryIndexAction{IndexName: "byH"}}}})
			require.NoError(t, err)
			require.Len(t, d.GlobalSecondaryIndexes, 1)
			assert.NotContains(t, d.AttributeDefinitions, AttributeDefinition{AttributeName: "h", AttributeType: ScalarAttributeTypeN})
			_, err = countIndex(db, "byH", "h", Int(3))
			requireAWSError(t, err, CodeValidation, "The table does not have the specified index: byH")
			_, err = db.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": S("w2"), "h": S("x")}})
			require.NoError(t, err, "the deleted index checks no more")
			tb := db.lookup("utt")
			assert.Len(t, tb.readers, len(tb.indexes())+map[bool]int{true: 1}[tb.follower != nil]-0, "the deleted GSI's reader is gone")
			require.NoError(t, db.Close())
		})
	}
}

// Writes made while a GSI backfills reach it: after it goes ACTIVE it
// equals a recomputation from the table (strict mode checks it at
// Settle and Close, and at the end of the backfill).
func TestUpdateTable_BackfillWithConcurrentWrites(t *testing.T) {
	for _, mode := range []Replication{Sync, Async, Manual} {
		t.Run(strconv.Itoa(int(mode)), func(t *testing.T) {
			ctx := context.Background()
			db := New(&Options{Replication: mode, StrictMode: true, Seed: 7})
			utTable(t, db, 3000)
			release, done := startHeldBackfill(db)
			_, err := countIndex(db, "byH", "h", Int(1))
			requireAWSError(t, err, CodeValidation, msgBackfilling+"byH")
			d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "utt"})
			require.NoError(t, err)
			assert.Equal(t, IndexStatusCreating, d.GlobalSecondaryIndexes[1].IndexStatus)
			assert.True(t, d.GlobalSecondaryIndexes[1].Backfilling)
			_, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Delete: &DeleteGlobalSecondaryIndexAction{IndexName: "byG"}}}})
			requireAWSError(t, err, CodeLimitExceeded, msgOneIndexChange)
			db.Settle() // strict: the partial index holds only what its source gives
			var wg sync.WaitGroup
			for w := range 2 {
				wg.Go(func() {
					for i := range 300 {
						k := S("k" + strconv.Itoa((i*7+w)%3000))
						switch i % 3 {
						case 0:
							_, err := db.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": k, "h": Int(1)}})
							assert.NoError(t, err)
						case 1:
							_, err := db.DeleteItem(ctx, DeleteItemInput{TableName: "utt", Key: Item{"pk": k}})
							assert.NoError(t, err)
						default:
							_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "utt", Key: Item{"pk": k}, UpdateExpression: "REMOVE h"})
							assert.NoError(t, err)
						}
						if i == 150 && w == 0 {
							close(release)
						}
					}
				})
			}
			wg.Wait()
			require.NoError(t, <-done)
			db.Settle()
			tb := db.lookup("utt")
			ix := tb.index("byH")
			leader := tb.leader()
			leader.mu.RLock()
			want, _ := ix.recompute(leader.tree)
			leader.mu.RUnlock()
			assert.True(t, sameTrees(ix.gsi.replica.tree, want), "the index equals a recomputation")
			assert.Equal(t, int64(want.Len()), ix.items.Load())
			require.NoError(t, db.Close())
		})
	}
}

func TestUpdateTable_ForkDuringBackfill(t *testing.T) {
	ctx := context.Background()
	db := New(&Options{StrictMode: true})
	utTable(t, db, 2000)
	release, done := startHeldBackfill(db)
	fork := db.Fork()
	close(release)
	require.NoError(t, <-done)
	n, err := countIndex(fork, "byH", "h", Int(2))
	require.NoError(t, err, "the fork's copy of the index is complete, ACTIVE")
	m, err := countIndex(db, "byH", "h", Int(2))
	require.NoError(t, err)
	assert.Equal(t, m, n)
	_, err = fork.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": S("new"), "h": Int(2)}})
	require.NoError(t, err)
	n2, err := countIndex(fork, "byH", "h", Int(2))
	require.NoError(t, err)
	assert.Equal(t, n+1, n2)
	fork.Settle()
	require.NoError(t, fork.Close())
}

func TestTransientStatuses(t *testing.T) {
	ctx := context.Background()
	clock := &manualClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	db := New(&Options{TransientStatuses: time.Second, Clock: clock, StrictMode: true})
	utTable(t, db, 10)
	d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "utt"})
	require.NoError(t, err)
	assert.Equal(t, TableStatusCreating, d.TableStatus)
	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "utt"})
	requireAWSError(t, err, CodeResourceInUse, msgInUse+"Table is being created: utt")
	_, err = db.UpdateTable(ctx, createH("byH"))
	requireAWSError(t, err, CodeResourceInUse, msgInUse+"Table is being created: utt")
	clock.advance(time.Second)

	d, err = db.UpdateTable(ctx, createH("byH"))
	require.NoError(t, err)
	assert.Equal(t, TableStatusUpdating, d.TableStatus)
	assert.Equal(t, IndexStatusCreating, d.GlobalSecondaryIndexes[1].IndexStatus)
	_, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", TableClass: TableClassStandard})
	requireAWSError(t, err, CodeResourceInUse, msgInUse+"Table is being updated: utt")
	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "utt"})
	requireAWSError(t, err, CodeResourceInUse, msgInUse+"Table is being updated: utt")
	clock.advance(time.Second)
	_, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Delete: &DeleteGlobalSecondaryIndexAction{IndexName: "byG"}}}})
	requireAWSError(t, err, CodeLimitExceeded, msgOneIndexChange)
	_, err = countIndex(db, "byH", "h", Int(1))
	requireAWSError(t, err, CodeValidation, msgBackfilling+"byH")
	clock.advance(time.Second)
	_, err = countIndex(db, "byH", "h", Int(1))
	require.NoError(t, err)

	d, err = db.UpdateTable(ctx, UpdateTableInput{TableName: "utt", GlobalSecondaryIndexUpdates: []GlobalSecondaryIndexUpdate{{Delete: &DeleteGlobalSecondaryIndexAction{IndexName: "byG"}}}})
	require.NoError(t, err)
	require.Len(t, d.GlobalSecondaryIndexes, 2)
	assert.Equal(t, IndexStatusDeleting, d.GlobalSecondaryIndexes[1].IndexStatus)
	clock.advance(2 * time.Second)
	d, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "utt"})
	require.NoError(t, err)
	assert.Equal(t, TableStatusActive, d.TableStatus)
	require.Len(t, d.GlobalSecondaryIndexes, 1)

	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "utt"})
	require.NoError(t, err)
	d, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "utt"})
	require.NoError(t, err)
	assert.Equal(t, TableStatusDeleting, d.TableStatus)
	l, err := db.ListTables(ctx, ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"utt"}, l.TableNames)
	clock.advance(time.Second)
	_, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "utt"})
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found: Table: utt not found")
	l, err = db.ListTables(ctx, ListTablesInput{})
	require.NoError(t, err)
	assert.Empty(t, l.TableNames)
}

// manualClock is a Clock a test moves.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *manualClock) advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// startHeldBackfill starts UpdateTable creating "byH" in a goroutine and
// returns once its backfill has inserted a first batch and waits there:
// closing release lets it go on; done receives UpdateTable's error.
func startHeldBackfill(db *DB) (release chan struct{}, done chan error) {
	started := make(chan struct{})
	release, done = make(chan struct{}), make(chan error, 1)
	var once sync.Once
	db.onBackfill = func(string, int) { once.Do(func() { close(started); <-release }) }
	go func() { _, err := db.UpdateTable(context.Background(), createH("byH")); done <- err }()
	<-started
	return release, done
}
