// Package ddbhttp serves a ddbsim.DB over DynamoDB's JSON 1.0 wire
// protocol, so the real AWS SDKs and the AWS CLI work against it
// unchanged.
//
// Requests are POST / with X-Amz-Target: DynamoDB_20120810.<Operation> and
// a JSON body; responses carry x-amzn-RequestId and x-amz-crc32 (the IEEE
// CRC32 of the body) like DynamoDB's. Errors have DynamoDB's JSON shape:
// {"__type": "<namespace>#<Code>", "message": "..."}, with the real
// namespaces and message-key casing, HTTP 400 for client errors and 500
// for internal ones. Any SigV4-signed request is accepted, whatever its
// credentials, as DynamoDB Local does; an unsigned one gets DynamoDB's
// MissingAuthenticationTokenException.
//
// GET / answers DynamoDB's health line. The admin endpoint
// /ddbsim/faults arms faults (POST a JSON ddbsim.Fault, with Kind as
// "Throttle", "InternalError" or "LostResponse") and clears them (DELETE).
// A LostResponse fault drops the connection without a reply, so clients
// retry as they would in production.
package ddbhttp
