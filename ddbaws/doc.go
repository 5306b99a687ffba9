// Package ddbaws connects the AWS SDK for Go v2 to an in-process ddbsim.DB.
//
// NewClient returns a real *dynamodb.Client whose HTTP transport calls
// ddbhttp's handler in-process: every request is signed, serialized and
// parsed exactly as against DynamoDB, but no socket is opened, and an
// injected LostResponse fault reaches the SDK as a dropped connection, so
// its retryer resends the request as it would in production.
//
// NewAPI returns an *API with the client's method set (the same
// signatures), which converts SDK types straight to ddbsim's and back: no
// JSON, no signing, no HTTP, over ten times cheaper than NewClient. Code
// that takes a narrow interface of client methods accepts either; API's
// documentation lists where the two differ (no retryer, no response
// metadata).
//
// ToValue, FromValue, ToItem and FromItem convert between the SDK's
// types.AttributeValue and ddbsim.Value.
package ddbaws
