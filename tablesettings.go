package ddbsim

import (
	"strings"
	"time"
)

// StreamViewType is what a table's stream records of a changed item:
// KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.
type StreamViewType string

// Stream view types.
const (
	StreamViewTypeKeysOnly        StreamViewType = "KEYS_ONLY"
	StreamViewTypeNewImage        StreamViewType = "NEW_IMAGE"
	StreamViewTypeOldImage        StreamViewType = "OLD_IMAGE"
	StreamViewTypeNewAndOldImages StreamViewType = "NEW_AND_OLD_IMAGES"
)

// StreamSpecification turns a table's stream on or off. ddbsim records
// and describes it (StreamSpecification, LatestStreamArn and
// LatestStreamLabel in the description) but serves no stream yet.
type StreamSpecification struct {
	// StreamEnabled is required over the wire; absent reads as false.
	StreamEnabled bool
	// StreamViewType is required when StreamEnabled is true and refused
	// when it is false.
	StreamViewType StreamViewType `json:",omitzero"`
}

// SSEType is how a table's data is encrypted at rest. DynamoDB accepts
// only KMS in a request (AES256 is refused).
type SSEType string

// SSE types.
const (
	SSETypeAES256 SSEType = "AES256"
	SSETypeKMS    SSEType = "KMS"
)

// SSESpecification chooses a table's encryption at rest. ddbsim encrypts
// nothing; it validates the specification and describes it.
type SSESpecification struct {
	// Enabled true encrypts with a KMS key (KMSMasterKeyId, or the AWS
	// managed key of DynamoDB); false or absent with a key AWS owns, which
	// DescribeTable does not report.
	Enabled bool
	// SSEType may be set only when Enabled; KMS is the only type accepted.
	SSEType SSEType
	// KMSMasterKeyId is a key ID, key ARN, alias name or alias ARN; only
	// when Enabled and SSEType is KMS.
	KMSMasterKeyId string
}

// SSEStatus is the state of a table's encryption at rest.
type SSEStatus string

// SSE statuses.
const (
	SSEStatusEnabled SSEStatus = "ENABLED"
)

// SSEDescription reports a table's encryption at rest with a KMS key.
type SSEDescription struct {
	Status  SSEStatus
	SSEType SSEType
	// KMSMasterKeyArn is the ARN of the key: KMSMasterKeyId as an ARN in
	// the DB's region and account, or alias/aws/dynamodb's ARN when none
	// was given (DynamoDB reports the key that alias points to).
	KMSMasterKeyArn string
}

// TableClass is a table's storage class.
type TableClass string

// Table classes.
const (
	TableClassStandard                 TableClass = "STANDARD"
	TableClassStandardInfrequentAccess TableClass = "STANDARD_INFREQUENT_ACCESS"
)

// TableClassSummary reports the table class a table was created with.
type TableClassSummary struct {
	TableClass TableClass
}

// OnDemandThroughput caps the request units per second of a
// PAY_PER_REQUEST table or index; accepted, reported, never enforced. A
// nil member is no cap on that side.
type OnDemandThroughput struct {
	MaxReadRequestUnits  *int64 `json:",omitempty"`
	MaxWriteRequestUnits *int64 `json:",omitempty"`
}

// WarmThroughput is the request rate a table or index is prepared for.
// ddbsim does not support it yet: CreateTable refuses it.
type WarmThroughput struct {
	ReadUnitsPerSecond  *int64 `json:",omitempty"`
	WriteUnitsPerSecond *int64 `json:",omitempty"`
}

// VectorIndex is an index of CreateTableInput.VectorIndexes, for
// similarity search. ddbsim does not support it yet: CreateTable refuses
// it.
type VectorIndex struct {
	IndexName string
	// VectorAttribute names the attribute holding the embeddings.
	VectorAttribute *VectorAttributeDefinition
	// Dimensions is the number of dimensions of each vector.
	Dimensions *int64
	// DistanceFunction is COSINE, EUCLIDEAN or DOT_PRODUCT.
	DistanceFunction string
	Projection       *Projection
	// SearchSchema names the HASH and INLINE_FILTER attributes.
	SearchSchema []SearchSchemaElement
}

// VectorAttributeDefinition names a vector index's attribute.
type VectorAttributeDefinition struct {
	AttributeName string
}

// SearchSchemaElement is one attribute of a vector index's search schema.
type SearchSchemaElement struct {
	AttributeName string
	// SearchSchemaElementType is HASH or INLINE_FILTER.
	SearchSchemaElementType string
}

// checkOnDemand applies DynamoDB's rules to the OnDemandThroughput of the
// table (index "") or of a GSI: only on a PAY_PER_REQUEST table, each cap
// at least 1 (-1, UpdateTable's "no cap", is refused at creation).
// DynamoDB's texts, from captured responses; the order of the read and
// write checks is unverified.
func checkOnDemand(o *OnDemandThroughput, payPerRequest bool, index string) error {
	if o == nil {
		return nil
	}
	for _, u := range []struct {
		units *int64
		name  string
	}{{o.MaxReadRequestUnits, "MaxReadRequestUnits"}, {o.MaxWriteRequestUnits, "MaxWriteRequestUnits"}} {
		switch {
		case u.units == nil:
		case !payPerRequest && index == "":
			return validationError(msgInvalid + u.name + " for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.")
		case !payPerRequest:
			return validationError(msgInvalid + u.name + " for OnDemandThroughput for index: " + index + " cannot be specified when table BillingMode is PROVISIONED.")
		case *u.units < 1 && index == "":
			return validationError(msgInvalid + "Requested " + u.name + " for OnDemandThroughput for table is outside of valid range")
		case *u.units < 1:
			return validationError(msgInvalid + "Requested " + u.name + " for OnDemandThroughput for index : " + index + " is outside of valid range")
		}
	}
	return nil
}

// checkSettings applies DynamoDB's rules to the table's stream,
// encryption and class (order unverified: after the key and index rules).
func checkSettings(in *CreateTableInput) error {
	if s := in.StreamSpecification; s != nil {
		if s.StreamEnabled && s.StreamViewType == "" {
			return validationError(msgInvalid + "Table is being created with a stream enabled, UpdateViewType is required")
		}
		if !s.StreamEnabled && s.StreamViewType != "" {
			return validationError(msgInvalid + "Table is being created with a stream disabled, UpdateViewType should not be specified")
		}
	}
	if s := in.SSESpecification; s != nil {
		switch {
		case !s.Enabled && s.SSEType != "":
			return validationError(msgInvalid + "SSEType can not be specified if Enabled is false")
		case !s.Enabled && s.KMSMasterKeyId != "":
			return validationError(msgInvalid + "KMSMasterKeyId can not be specified if Enabled is false")
		case s.SSEType == SSETypeAES256:
			return validationError(msgInvalid + "SSEType AES256 is not supported")
		case s.KMSMasterKeyId != "" && s.SSEType != SSETypeKMS:
			return validationError(msgInvalid + "SSEType KMS is required if KMSMasterKeyId is specified")
		}
	}
	switch in.TableClass {
	case "", TableClassStandard, TableClassStandardInfrequentAccess:
	default:
		return validationError("Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].")
	}
	return nil
}

// describeSettings fills in the members of d that describe the table's
// indexes and optional settings, as created from in; tableARN is the table's ARN and
// created its creation time.
func describeSettings(d *TableDescription, in *CreateTableInput, tableARN string, created time.Time) {
	describeIndexes(d, in, tableARN)
	d.OnDemandThroughput = cloneOnDemand(in.OnDemandThroughput)
	if s := in.StreamSpecification; s != nil && s.StreamEnabled {
		d.StreamSpecification = &StreamSpecification{StreamEnabled: true, StreamViewType: s.StreamViewType}
		d.LatestStreamLabel = created.UTC().Format("2006-01-02T15:04:05.000")
		d.LatestStreamArn = tableARN + "/stream/" + d.LatestStreamLabel
	}
	if s := in.SSESpecification; s != nil && s.Enabled {
		d.SSEDescription = &SSEDescription{Status: SSEStatusEnabled, SSEType: SSETypeKMS, KMSMasterKeyArn: kmsKeyARN(tableARN, s.KMSMasterKeyId)}
	}
	if in.TableClass != "" {
		d.TableClassSummary = &TableClassSummary{TableClass: in.TableClass}
	}
	d.DeletionProtectionEnabled = in.DeletionProtectionEnabled
}

// kmsKeyARN returns the ARN of a KMS key given as SSESpecification's
// KMSMasterKeyId (a key ID, key ARN, alias name or alias ARN), in the
// region and account of tableARN; "" means DynamoDB's AWS managed key,
// alias/aws/dynamodb. DynamoDB resolves an alias to its key's ARN; ddbsim
// has no KMS to ask, so an alias stays an alias ARN.
func kmsKeyARN(tableARN, keyID string) string {
	if strings.HasPrefix(keyID, "arn:") {
		return keyID
	}
	parts := strings.SplitN(tableARN, ":", 6) // arn:aws:dynamodb:region:account:table/name
	prefix := "arn:aws:kms:" + parts[3] + ":" + parts[4] + ":"
	switch {
	case keyID == "":
		return prefix + "alias/aws/dynamodb"
	case strings.HasPrefix(keyID, "alias/"):
		return prefix + keyID
	}
	return prefix + "key/" + keyID
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	return ptr(*p)
}
