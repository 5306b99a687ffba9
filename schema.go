package ddbsim

import "time"

// KeyType is the role of a key attribute: HASH (partition key) or RANGE
// (sort key).
type KeyType string

// Key types.
const (
	KeyTypeHash  KeyType = "HASH"
	KeyTypeRange KeyType = "RANGE"
)

// ScalarAttributeType is the type of a key attribute: S, N or B.
type ScalarAttributeType string

// Key attribute types.
const (
	ScalarAttributeTypeS ScalarAttributeType = "S"
	ScalarAttributeTypeN ScalarAttributeType = "N"
	ScalarAttributeTypeB ScalarAttributeType = "B"
)

// scalarType returns the Value type of a key attribute type: TypeS, TypeN,
// or TypeB for B (and anything else, which validation has refused).
func scalarType(t ScalarAttributeType) Type {
	switch t {
	case ScalarAttributeTypeS:
		return TypeS
	case ScalarAttributeTypeN:
		return TypeN
	}
	return TypeB
}

// BillingMode is how a table is billed; ddbsim accepts both and bills
// nothing.
type BillingMode string

// Billing modes.
const (
	BillingModeProvisioned   BillingMode = "PROVISIONED"
	BillingModePayPerRequest BillingMode = "PAY_PER_REQUEST"
)

// TableStatus is the state of a table. By default ddbsim tables are
// ACTIVE as soon as CreateTable or UpdateTable returns, and gone as soon
// as DeleteTable returns (which reports DELETING, as DynamoDB does); with
// Options.TransientStatuses they are CREATING, UPDATING and DELETING for
// that long on the DB's clock.
type TableStatus string

// Table statuses.
const (
	TableStatusActive   TableStatus = "ACTIVE"
	TableStatusCreating TableStatus = "CREATING"
	TableStatusUpdating TableStatus = "UPDATING"
	TableStatusDeleting TableStatus = "DELETING"
)

// KeySchemaElement names one key attribute and its role.
type KeySchemaElement struct {
	AttributeName string
	KeyType       KeyType
}

// AttributeDefinition declares the type of a key attribute.
type AttributeDefinition struct {
	AttributeName string
	AttributeType ScalarAttributeType
}

// ProvisionedThroughput is a table's provisioned capacity; accepted,
// reported, never enforced (use InjectFault with Throttle to test
// throttling).
type ProvisionedThroughput struct {
	ReadCapacityUnits  int64
	WriteCapacityUnits int64
}

// CreateTableInput is the input of CreateTable.
type CreateTableInput struct {
	TableName            string
	KeySchema            []KeySchemaElement
	AttributeDefinitions []AttributeDefinition
	// BillingMode defaults to PROVISIONED, which (as in DynamoDB) then
	// requires ProvisionedThroughput.
	BillingMode           BillingMode
	ProvisionedThroughput *ProvisionedThroughput
	// OnDemandThroughput caps a PAY_PER_REQUEST table's request rate;
	// accepted, reported, never enforced.
	OnDemandThroughput *OnDemandThroughput
	// GlobalSecondaryIndexes (at most 20) and LocalSecondaryIndexes (at
	// most 5) are validated as DynamoDB does, then refused: ddbsim does not
	// support secondary indexes yet. An empty, non-nil list is DynamoDB's
	// "List of ... is empty".
	GlobalSecondaryIndexes []GlobalSecondaryIndex
	LocalSecondaryIndexes  []LocalSecondaryIndex
	// StreamSpecification is validated and described; ddbsim serves no
	// stream yet.
	StreamSpecification *StreamSpecification
	// SSESpecification is validated and described; ddbsim encrypts
	// nothing.
	SSESpecification *SSESpecification
	// TableClass is STANDARD or STANDARD_INFREQUENT_ACCESS; described in
	// TableClassSummary when set.
	TableClass TableClass
	// DeletionProtectionEnabled true makes DeleteTable refuse the table
	// until UpdateTable turns it off.
	DeletionProtectionEnabled bool
	// WarmThroughput, ResourcePolicy, the global table members and
	// VectorIndexes are not supported by ddbsim yet: CreateTable refuses a
	// request that sets them.
	WarmThroughput                     *WarmThroughput
	ResourcePolicy                     string
	GlobalTableSourceArn               string
	GlobalTableSettingsReplicationMode string
	VectorIndexes                      []VectorIndex
	// Tags are set on the new table, with TagResource's rules.
	Tags []Tag
}

// TableDescription describes a table, as DescribeTable returns it.
// DeleteTable's has no KeySchema, AttributeDefinitions or
// CreationDateTime (nil, nil, zero), as DynamoDB's has none.
type TableDescription struct {
	TableName            string
	TableArn             string
	TableId              string
	TableStatus          TableStatus
	KeySchema            []KeySchemaElement    `json:",omitempty"`
	AttributeDefinitions []AttributeDefinition `json:",omitempty"`
	CreationDateTime     time.Time
	// ItemCount and TableSizeBytes are live (DynamoDB refreshes them about
	// every six hours). TableSizeBytes sums the items' DynamoDB sizes.
	ItemCount      int64
	TableSizeBytes int64
	// BillingModeSummary is set for PAY_PER_REQUEST tables.
	BillingModeSummary *BillingModeSummary `json:",omitzero"`
	// ProvisionedThroughput is always set; zero units for PAY_PER_REQUEST.
	ProvisionedThroughput *ProvisionedThroughputDescription
	// OnDemandThroughput is set when the table was created with one.
	OnDemandThroughput *OnDemandThroughput `json:",omitzero"`
	// GlobalSecondaryIndexes and LocalSecondaryIndexes describe the
	// table's indexes; AttributeDefinitions then holds their key
	// attributes too.
	GlobalSecondaryIndexes []GlobalSecondaryIndexDescription `json:",omitempty"`
	LocalSecondaryIndexes  []LocalSecondaryIndexDescription  `json:",omitempty"`
	// StreamSpecification, LatestStreamArn and LatestStreamLabel are set
	// when the table was created with a stream enabled.
	StreamSpecification *StreamSpecification `json:",omitzero"`
	LatestStreamArn     string               `json:",omitzero"`
	LatestStreamLabel   string               `json:",omitzero"`
	// SSEDescription is set when the table is encrypted with a KMS key.
	SSEDescription *SSEDescription `json:",omitzero"`
	// TableClassSummary is set when the table was created with a
	// TableClass.
	TableClassSummary         *TableClassSummary `json:",omitzero"`
	DeletionProtectionEnabled bool
}

// BillingModeSummary reports a table's billing mode.
type BillingModeSummary struct {
	BillingMode                       BillingMode
	LastUpdateToPayPerRequestDateTime time.Time
}

// ProvisionedThroughputDescription reports a table's provisioned capacity.
type ProvisionedThroughputDescription struct {
	ReadCapacityUnits      int64
	WriteCapacityUnits     int64
	NumberOfDecreasesToday int64
}

// DescribeTableInput is the input of DescribeTable.
type DescribeTableInput struct {
	TableName string
}

// DeleteTableInput is the input of DeleteTable.
type DeleteTableInput struct {
	TableName string
}

// ListTablesInput is the input of ListTables.
type ListTablesInput struct {
	// ExclusiveStartTableName resumes after this name.
	ExclusiveStartTableName string
	// Limit is the most names to return, 1 to 100; nil means 100.
	Limit *int32
}

// ListTablesOutput is the output of ListTables.
type ListTablesOutput struct {
	// TableNames are in ascending byte order.
	TableNames []string
	// LastEvaluatedTableName is set when more names follow: pass it as
	// ExclusiveStartTableName to get them.
	LastEvaluatedTableName string `json:",omitzero"`
}
