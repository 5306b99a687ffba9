package ddbsim

// The APIs whose operations ddbsim answers, named as the prefix of
// X-Amz-Target names them (the part before the dot).
const (
	// APIDynamoDB is DynamoDB's own API: PutItem, CreateTable, ...
	APIDynamoDB = "DynamoDB_20120810"
	// APIStreams is the DynamoDB Streams API: DescribeStream, GetRecords,
	// GetShardIterator, ListStreams.
	APIStreams = "DynamoDBStreams_20120810"
)

// CodeUnknownOperation is the error type of a request for an operation
// that ddbsim does not serve.
const CodeUnknownOperation = "UnknownOperationException"

// ErrUnknownOperation matches (errors.Is) every UnknownOperationException:
// an operation DynamoDB does not have, or one ddbsim does not implement
// (which also matches errors.ErrUnsupported).
var ErrUnknownOperation = &Error{Code: CodeUnknownOperation}

// operationSupport is how ddbsim answers one operation of an API.
type operationSupport uint8

const (
	served       operationSupport = iota + 1 // implemented, by a DB method of the same name
	notSupported                             // a real operation ddbsim refuses by name
)

// apiOperations lists every operation of each API and whether ddbsim
// serves it. This table is the one rule: the wire handler and ddbaws.NewAPI
// both answer from it. Implementing an operation turns its entry into
// served (and adds the DB method, the wire entry and the NewAPI method,
// which tests check against this table).
var apiOperations = map[string]map[string]operationSupport{
	APIDynamoDB: {
		// Items and tables.
		"BatchGetItem": served, "BatchWriteItem": served,
		"CreateTable": served, "DeleteItem": served, "DeleteTable": served, "DescribeTable": served,
		"GetItem": served, "ListTables": served, "PutItem": served, "Query": served, "Scan": served,
		"UpdateItem": served, "UpdateTable": served,
		"TransactGetItems": served, "TransactWriteItems": served,
		// Control plane.
		"DescribeEndpoints": served, "DescribeLimits": served,
		"ListTagsOfResource": served, "TagResource": served, "UntagResource": served,
		"DescribeTimeToLive": served, "UpdateTimeToLive": served,
		// Answered honestly without the feature: nothing to list, no
		// backups taken, point-in-time recovery off.
		"DescribeContinuousBackups": served, "ListBackups": served, "ListContributorInsights": served,
		"ListExports": served, "ListGlobalTables": served, "ListImports": served,

		// Planned.
		"BatchExecuteStatement": notSupported, "ExecuteStatement": notSupported, "ExecuteTransaction": notSupported,
		// Backups and restores.
		"CreateBackup": notSupported, "DeleteBackup": notSupported, "DescribeBackup": notSupported,
		"RestoreTableFromBackup": notSupported, "RestoreTableToPointInTime": notSupported,
		"UpdateContinuousBackups": notSupported,
		// Global tables.
		"CreateGlobalTable": notSupported, "DescribeGlobalTable": notSupported,
		"DescribeGlobalTableSettings": notSupported, "UpdateGlobalTable": notSupported,
		"UpdateGlobalTableSettings":       notSupported,
		"DescribeTableReplicaAutoScaling": notSupported, "UpdateTableReplicaAutoScaling": notSupported,
		// Import and export.
		"DescribeExport": notSupported, "DescribeImport": notSupported,
		"ExportTableToPointInTime": notSupported, "ImportTable": notSupported,
		// Kinesis destinations.
		"DescribeKinesisStreamingDestination": notSupported, "DisableKinesisStreamingDestination": notSupported,
		"EnableKinesisStreamingDestination": notSupported, "UpdateKinesisStreamingDestination": notSupported,
		// Resource policies.
		"DeleteResourcePolicy": notSupported, "GetResourcePolicy": notSupported, "PutResourcePolicy": notSupported,
		// Contributor insights.
		"DescribeContributorInsights": notSupported, "UpdateContributorInsights": notSupported,
		// Bulk operations and vector search.
		"CancelBulkOperation": notSupported, "DescribeBulkOperation": notSupported,
		"ListBulkOperations": notSupported, "StartBulkPutItems": notSupported, "SearchVectors": notSupported,
	},
	APIStreams: {
		"DescribeStream": notSupported, "GetRecords": notSupported,
		"GetShardIterator": notSupported, "ListStreams": notSupported,
	},
}

// Operations returns the names of every operation of api (APIDynamoDB or
// APIStreams) in name order, served or not; nil for another api. Cost:
// O(n log n) for the n operations, a fresh slice.
func Operations(api string) []string {
	return sortedKeys(nil, apiOperations[api])
}

// Serves reports whether ddbsim implements the named operation of api.
// Cost: two map lookups.
func Serves(api, operation string) bool {
	return apiOperations[api][operation] == served
}

// CheckOperation says how ddbsim answers a request for an operation of
// api: nil if ddbsim serves it; for an operation of that API which ddbsim
// does not implement, an UnknownOperationException whose message names
// it ("ddbsim does not support the DynamoDB operation CreateBackup"), and
// which matches errors.ErrUnsupported; for a name the API does not have,
// DynamoDB's own bare UnknownOperationException (no message). Cost: two
// map lookups.
func CheckOperation(api, operation string) error {
	switch apiOperations[api][operation] {
	case served:
		return nil
	case notSupported:
		what := "the DynamoDB operation "
		if api == APIStreams {
			what = "the DynamoDB Streams operation "
		}
		return &Error{Code: CodeUnknownOperation, Message: "ddbsim does not support " + what + operation, unsupported: true}
	}
	return &Error{Code: CodeUnknownOperation}
}
