// Package ddbhttp serves a ddbsim.DB over DynamoDB's JSON 1.0 wire
// protocol, so the real AWS SDKs and the AWS CLI work against it
// unchanged.
//
// Requests are POST / with X-Amz-Target: DynamoDB_20120810.<Operation> and
// a JSON object as the body; responses carry Server, x-amzn-RequestId and
// x-amz-crc32 (the IEEE CRC32 of the body as sent) like DynamoDB's.
// Errors have DynamoDB's JSON shape: {"__type": "<namespace>#<Code>",
// "message": "..."}, with the real namespaces and message-key casing,
// HTTP 400 for client errors and 500 for internal ones.
//
// # Authentication
//
// A request is authenticated before its operation is looked up, with
// DynamoDB's checks and words: no SigV4 Authorization header is a
// MissingAuthenticationTokenException; an incomplete one, an unknown
// algorithm or a badly scoped credential an IncompleteSignatureException
// or InvalidSignatureException; a signed date more than 15 minutes from
// the handler's clock (WithClock) is "Signature expired" or "Signature
// not yet current". Past those checks any credentials are accepted, as
// DynamoDB Local does, unless WithAuthenticator verifies the signature
// (ddbaws.NewAuthenticator does it with the SDK's signer).
//
// # Encodings
//
// A body sent with Content-Encoding gzip or deflate (or both, stacked) is
// decoded before it is parsed, and never inflated past 16 MB (413); an
// unknown coding or a body that does not decode is DynamoDB's 500
// InternalServerError, and nothing runs. A response over 4 KB is
// compressed with gzip or deflate when Accept-Encoding allows, chosen as
// DynamoDB chooses (q-values; on a tie the first listed), and its
// x-amz-crc32 is then the CRC of the compressed bytes.
//
// # Endpoint
//
// GET / answers DynamoDB's health line, naming the host the client used.
// Cross-origin requests get DynamoDB's CORS headers (any origin, or those
// WithCORS lists); OPTIONS / answers a preflight. Any other path or
// method is a 404 <UnknownOperationException/>; a request line or header
// section over 16 KB is a bare 400.
//
// # Faults
//
// The admin endpoint /ddbsim/faults arms faults (POST a JSON
// ddbsim.Fault, with Kind as "Throttle", "InternalError", "LostResponse"
// or "TransactionConflict") and clears them (DELETE). A LostResponse fault drops the
// connection without a reply, so clients retry as they would in
// production.
//
// # Clock
//
// The admin endpoint /ddbsim/clock reads the DB's clock (GET, answering
// {"Now": "<RFC 3339>"}) and moves it (POST {"Advance": "90m"} or
// {"Set": "2030-01-01T00:00:00Z"}) when the DB runs on a
// ddbsim.SettableClock, as the server's does. Signed request dates are
// checked against the wall clock all the same (see WithClock). A move
// runs the time to live sweep (ddbsim.DB.ExpireTTL) and answers how many
// items it deleted, as "Expired".
//
// # Time to live
//
// POST /ddbsim/ttl/sweep runs the time to live sweep now, answering
// {"Expired": N}, the items it deleted. The server (cmd/ddbsim) also runs
// it on an interval.
package ddbhttp
