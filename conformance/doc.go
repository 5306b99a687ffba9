// Package conformance is a suite of DynamoDB behaviours, written against
// the real aws-sdk-go-v2 client, that runs against any DynamoDB endpoint:
// ddbsim in-process, a server speaking DynamoDB's wire protocol, or
// DynamoDB itself. It holds tests only.
//
// Every check is behaviour that ddb-facts.md documents for the real
// service: no faults, no stale reads, no message that only ddbsim words
// that way. Where DynamoDB leaves something unspecified (the order of
// partitions in a Scan, of items in a BatchGetItem response, how many
// keys a response leaves unprocessed), a test checks only what is
// specified: every item once, each partition in sort key order, a client
// loop that resends UnprocessedKeys until none are left. Where AWS words a
// message differently by region (its older
// and newer validation layers), a test accepts each documented wording,
// compared whole. Reads after writes are strongly consistent. Each test
// creates its own uniquely named tables ("conformance.<test>.<random>"),
// waits for them with the SDK's TableExists waiter, and deletes them when
// it ends, so the suite can share an endpoint (or an AWS account) with
// anything else.
//
// # In process
//
// With DDBSIM_ENDPOINT unset, the tests use ddbaws.NewClient over a fresh
// ddbsim.DB, or ddbaws.NewAPI with DDBSIM_ADAPTER=api (the tests take the
// method set the two share):
//
//	go test ./conformance/
//	DDBSIM_ADAPTER=api go test -count=1 ./conformance/
//
// # Against a server
//
// Set DDBSIM_ENDPOINT to its URL; requests are signed with fixed test
// credentials in AWS_REGION (us-east-1 by default), which ddbsim's server
// and DynamoDB Local accept:
//
//	go run ./cmd/ddbsim -addr 127.0.0.1:8000 &
//	DDBSIM_ENDPOINT=http://127.0.0.1:8000 go test -count=1 ./conformance/
//
// # Against DynamoDB
//
// Set DDBSIM_ENDPOINT to a regional endpoint on amazonaws.com. Region and
// credentials then come from the environment and shared configuration as
// the AWS CLI finds them (config.LoadDefaultConfig: AWS_PROFILE,
// AWS_ACCESS_KEY_ID, SSO, ...); the region must be the endpoint's. The
// suite creates and deletes on-demand tables, so it needs
// dynamodb:CreateTable, DescribeTable, DeleteTable, ListTables, PutItem,
// GetItem, DeleteItem, UpdateItem, Query, Scan, BatchGetItem and
// BatchWriteItem, and costs a few cents a run (it writes and reads a few
// MB). Creating tables takes seconds each, so allow time:
//
//	AWS_PROFILE=dev AWS_REGION=eu-west-2 \
//	DDBSIM_ENDPOINT=https://dynamodb.eu-west-2.amazonaws.com \
//	go test -count=1 -timeout=20m ./conformance/
//
// A run interrupted before its cleanups leaves tables named
// "conformance.*" behind; delete them by hand.
package conformance
