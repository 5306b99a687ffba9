// Package ddbsim emulates Amazon DynamoDB's item semantics in-process: fast
// enough to back every unit test, faithful enough that code which passes
// against it passes against DynamoDB.
//
// # Basics
//
// A DB holds tables. Items are maps of attribute names to Values, built
// with S, N, Int, B, Bool, Null, M, L, SS, NS and BS, with DynamoDB's data
// model exactly: numbers are exact decimals of up to 38 significant digits
// in DynamoDB's range, returned in the canonical form AWS returns ("1.50"
// reads back as "1.5", "1e3" as "1000"); sets are non-empty and
// duplicate-free; documents nest at most 32 levels; an item is at most
// 400 KB counted as DynamoDB counts it (Item.Size). Every invalid input is
// rejected with DynamoDB's error type and message, as an *Error, and
// changes nothing.
//
// # Consistency
//
// Each table keeps its items in three replica B-trees, as DynamoDB keeps
// each partition in three facilities: writes commit on a leader and then
// reach the followers.
//
// # Counters
//
// ADD on a number is applied in arrival order and never lost, but is not
// idempotent: a retried request counts again.
//
// # Limits
//
// DynamoDB's limits apply: MaxItemSize, MaxNestingDepth,
// MaxPartitionKeyLength, MaxSortKeyLength, MaxAttributeNameLength.
//
// # Faults
//
// Faults can be injected to test retries and idempotency.
package ddbsim
