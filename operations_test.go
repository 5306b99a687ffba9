package ddbsim

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckOperation(t *testing.T) {
	require.NoError(t, CheckOperation(APIDynamoDB, "PutItem"))
	require.NoError(t, CheckOperation(APIDynamoDB, "TagResource"))

	err := CheckOperation(APIDynamoDB, "CreateBackup")
	requireAWSError(t, err, CodeUnknownOperation, "ddbsim does not support the DynamoDB operation CreateBackup")
	assert.ErrorIs(t, err, errors.ErrUnsupported)
	assert.ErrorIs(t, err, ErrUnknownOperation)
	requireAWSError(t, CheckOperation(APIStreams, "GetRecords"), CodeUnknownOperation, "ddbsim does not support the DynamoDB Streams operation GetRecords")

	for _, unknown := range [][2]string{{APIDynamoDB, "Frobnicate"}, {APIDynamoDB, "GetRecords"}, {APIStreams, "PutItem"}, {"DynamoDB_20111205", "GetItem"}} {
		err := CheckOperation(unknown[0], unknown[1])
		requireAWSError(t, err, CodeUnknownOperation, "")
		assert.NotErrorIs(t, err, errors.ErrUnsupported, "not a DynamoDB operation: the bare answer")
	}
}

// The planned operations are refused by name until implemented.
func TestCheckOperation_PlannedAreRefused(t *testing.T) {
	for _, op := range []string{
		"ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction"} {
		assert.ErrorIs(t, CheckOperation(APIDynamoDB, op), errors.ErrUnsupported, op)
	}
	for _, op := range Operations(APIStreams) {
		assert.ErrorIs(t, CheckOperation(APIStreams, op), errors.ErrUnsupported, op)
	}
}

// Every operation the table says ddbsim serves is a DB method of that
// name, and every DB method taking (ctx, XxxInput) is in the table as
// served: the rule and the code cannot drift apart.
func TestOperations_ServedAreDBMethods(t *testing.T) {
	dbType := reflect.TypeFor[*DB]()
	ctxType := reflect.TypeFor[context.Context]()
	for _, op := range Operations(APIDynamoDB) {
		m, ok := dbType.MethodByName(op)
		assert.Equal(t, Serves(APIDynamoDB, op), ok, "DB.%s exists exactly when the table serves it", op)
		if ok {
			assert.Equal(t, op+"Input", m.Type.In(2).Name(), op)
		}
	}
	for i := range dbType.NumMethod() {
		m := dbType.Method(i)
		if m.Type.NumIn() == 3 && m.Type.In(1) == ctxType && m.Type.In(2).Name() == m.Name+"Input" {
			assert.True(t, Serves(APIDynamoDB, m.Name), "DB.%s is served", m.Name)
		}
	}
	assert.Len(t, Operations(APIDynamoDB), 62)
	assert.Nil(t, Operations("Other"))
}

func TestDescribeLimits_DefaultQuotas(t *testing.T) {
	out, err := New(nil).DescribeLimits(context.Background(), DescribeLimitsInput{})
	require.NoError(t, err)
	assert.Equal(t, &DescribeLimitsOutput{
		AccountMaxReadCapacityUnits: 80000, AccountMaxWriteCapacityUnits: 80000,
		TableMaxReadCapacityUnits: 40000, TableMaxWriteCapacityUnits: 40000,
	}, out)
}

func TestDescribeEndpoints_TheAddressOfTheRequest(t *testing.T) {
	db := New(nil)
	out, err := db.DescribeEndpoints(WithEndpoint(context.Background(), "localhost:4567"), DescribeEndpointsInput{})
	require.NoError(t, err)
	assert.Equal(t, []Endpoint{{Address: "localhost:4567", CachePeriodInMinutes: 1440}}, out.Endpoints)
	out, err = db.DescribeEndpoints(context.Background(), DescribeEndpointsInput{})
	require.NoError(t, err)
	assert.Equal(t, []Endpoint{{Address: DefaultEndpointAddress, CachePeriodInMinutes: 1440}}, out.Endpoints)
}

func TestDescribeContinuousBackups(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	out, err := db.DescribeContinuousBackups(ctx, DescribeContinuousBackupsInput{TableName: "users"})
	require.NoError(t, err)
	assert.Equal(t, "ENABLED", out.ContinuousBackupsDescription.ContinuousBackupsStatus)
	assert.Equal(t, "DISABLED", out.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus)
	_, err = db.DescribeContinuousBackups(ctx, DescribeContinuousBackupsInput{TableName: "nope"})
	requireAWSError(t, err, CodeTableNotFound, "Table not found: nope")
	_, err = db.DescribeContinuousBackups(ctx, DescribeContinuousBackupsInput{TableName: "x"})
	require.ErrorIs(t, err, ErrValidation, "a name too short is a ValidationException")
}

func TestListCalls_AreEmpty(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	assert.Equal(t, []struct{}{}, must(db.ListBackups(ctx, ListBackupsInput{})).BackupSummaries)
	assert.Equal(t, []struct{}{}, must(db.ListGlobalTables(ctx, ListGlobalTablesInput{})).GlobalTables)
	assert.Equal(t, []struct{}{}, must(db.ListExports(ctx, ListExportsInput{})).ExportSummaries)
	assert.Equal(t, []struct{}{}, must(db.ListImports(ctx, ListImportsInput{})).ImportSummaryList)
	assert.Equal(t, []struct{}{}, must(db.ListContributorInsights(ctx, ListContributorInsightsInput{})).ContributorInsightsSummaries)
}
