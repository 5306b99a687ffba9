// Package number implements DynamoDB's number type: exact decimals of at most
// 38 significant digits whose magnitude lies between 1E-130 and
// 9.9999999999999999999999999999999999999E+125 (or zero), with the canonical
// text form DynamoDB returns, numeric comparison, exact addition and
// subtraction, DynamoDB's storage size, and an order-preserving byte encoding
// for keys.
//
// Every failure is an *Error whose message is AWS's text, so callers can put
// it straight into a ValidationException.
package number
