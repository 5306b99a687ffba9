// Package ddbsim emulates Amazon DynamoDB's item semantics in-process: fast
// enough to back every unit test, faithful enough that code which passes
// against it passes against DynamoDB.
//
// # Basics
//
// A DB holds tables; New makes one, CreateTable adds a table, and
// DB.Table returns a handle whose methods (PutItem, GetItem, UpdateItem,
// DeleteItem, ...) take DynamoDB's own input structs. Items are maps of
// attribute names to Values, built with S, N, Int, B, Bool, Null, M, L,
// SS, NS and BS, with DynamoDB's data model exactly: numbers are exact
// decimals of up to 38 significant digits in DynamoDB's range, returned in
// the canonical form AWS returns ("1.50" reads back as "1.5", "1e3" as
// "1000"); sets are non-empty and duplicate-free; documents nest at most
// 32 levels; an item is at most 400 KB counted as DynamoDB counts it
// (Item.Size). Expressions (condition, update, projection, ...) are parsed
// and checked as DynamoDB does. Every invalid input is rejected with
// DynamoDB's error type and message, as an *Error (see the sentinels for
// errors.Is), and changes nothing.
//
// Package ddbhttp serves a DB over DynamoDB's wire protocol (command
// cmd/ddbsim runs it as a server); package ddbaws gives the AWS SDK for Go
// v2 a client served by a DB in-process.
//
// # Consistency
//
// Each table keeps its items in three replica B-trees, as DynamoDB keeps
// each partition in three facilities. Writes, and their conditions, run
// on the leader, so conditional writes and counters are linearizable.
// Options.Replication says how the other two follow:
//
//   - Sync (the default): all three apply a write before it returns; every
//     read sees the latest write, as with DynamoDB Local.
//   - Async: the leader and one follower apply a write before it returns,
//     the third after a lag drawn from Options.Seed. An eventually
//     consistent read (the default for GetItem, Query, Scan and
//     BatchGetItem) may be served by the third and return old data, as on
//     DynamoDB; ConsistentRead always reads the leader. The same seed and
//     the same calls give the same results, so a stale read seen once can
//     be replayed (see package ddbtest).
//   - Manual: as Async, but the third replica applies writes only when the
//     program calls Propagate or Settle.
//
// A global secondary index is never strongly consistent: each GSI is a
// reader of its table's commit log with a lag of its own (none in Sync,
// drawn from the seed in Async, until PropagateIndex or Settle in
// Manual), so a Query on it may miss the latest writes; local secondary
// indexes are written with the table.
//
// Stats counts the stale reads served. Fork copies a whole DB in O(1) per
// item, to load a fixture once and give each test its own copy.
//
// # Counters
//
// UpdateItem's ADD (AtomicCounter) is applied in arrival order and never
// lost, but it is not idempotent: a request retried after its response
// was lost counts again. IdempotentCounter builds a counter on conditional
// writes that applies a retried increment once.
//
// # Transactions
//
// TransactWriteItems makes up to 100 Puts, Updates, Deletes and
// ConditionChecks across tables all or none: one commit evaluates every
// condition and applies every change under the locks of every table
// involved, so no reader sees half of it; a refusal is a
// TransactionCanceledException with one CancellationReason per action.
// TransactGetItems reads up to 100 items from one consistent snapshot.
// Both are serializable with single-item writes and GetItem. A
// ClientRequestToken makes a TransactWriteItems idempotent for
// TokenWindow (ten minutes) of the DB's clock (Options.Clock) after it
// first succeeds: the repeat succeeds and writes nothing, which makes a
// transaction safe to retry after a lost response.
//
// # Time to live
//
// UpdateTimeToLive turns a table's time to live on for one attribute;
// ExpireTTL runs DynamoDB's TTL service: it deletes every item whose
// attribute is a top-level Number of epoch seconds at or before the DB's
// clock (Options.Clock), and not more than five years before it. Until
// then an expired item is read and updated as any other, as on DynamoDB,
// which deletes expired items in the background, typically within days.
// The sweep finds expired items through each table's expiry index (no
// scan), and deletes each in a commit that checks again that it is still
// expired, so an item extended meanwhile stays. With ddbtest's fake clock
// the sweep runs on every Advance or Set: a test moves time instead of
// sleeping. The server sweeps on an interval (-ttl-sweep).
//
// # Limits
//
// DynamoDB's limits apply: MaxItemSize, MaxNestingDepth,
// MaxPartitionKeyLength, MaxSortKeyLength, MaxAttributeNameLength,
// expression sizes and counts. Options.Limits changes the few that a
// program may want to (the BatchGetItem response cap).
//
// # Faults
//
// DB.InjectFault arms failures for the next matching calls, by operation,
// table and count: Throttle (ProvisionedThroughputExceededException),
// InternalError (HTTP 500), LostResponse (the call is applied, its
// response is dropped: the case that makes ADD double-count and
// conditional writes safe) and Unprocessed (a batch hands back part of
// its work). Through ddbaws.NewClient and the server, a lost response is
// a dropped connection, so the SDK retries as it does in production.
package ddbsim
