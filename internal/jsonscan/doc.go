// Package jsonscan holds the cursor that ddbsim's hand-written JSON
// readers share: the AttributeValue parser of the root package and the
// request decoder of ddbhttp. It moves over white space, single bytes
// and keywords; the readers do the rest.
package jsonscan
