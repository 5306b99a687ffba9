// Package ddbaws connects the AWS SDK for Go v2 to an in-process ddbsim.DB.
//
// NewClient returns a real *dynamodb.Client whose HTTP transport calls
// ddbhttp's handler in-process: every request is signed, serialized and
// parsed exactly as against DynamoDB, but no socket is opened, and an
// injected LostResponse fault reaches the SDK as a dropped connection, so
// its retryer resends the request as it would in production.
package ddbaws
