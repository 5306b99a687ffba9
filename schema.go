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

// BillingMode is how a table is billed; ddbsim accepts both and bills
// nothing.
type BillingMode string

// Billing modes.
const (
	BillingModeProvisioned   BillingMode = "PROVISIONED"
	BillingModePayPerRequest BillingMode = "PAY_PER_REQUEST"
)

// TableStatus is the state of a table. ddbsim tables are ACTIVE as soon as
// CreateTable returns, and gone as soon as DeleteTable returns (which
// reports DELETING, as DynamoDB does).
type TableStatus string

// Table statuses.
const (
	TableStatusActive   TableStatus = "ACTIVE"
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
}

// TableDescription describes a table, as DescribeTable returns it.
type TableDescription struct {
	TableName            string
	TableArn             string
	TableId              string
	TableStatus          TableStatus
	KeySchema            []KeySchemaElement
	AttributeDefinitions []AttributeDefinition
	CreationDateTime     time.Time
	// ItemCount and TableSizeBytes are live (DynamoDB refreshes them about
	// every six hours). TableSizeBytes sums the items' DynamoDB sizes.
	ItemCount      int64
	TableSizeBytes int64
	// BillingModeSummary is set for PAY_PER_REQUEST tables.
	BillingModeSummary *BillingModeSummary `json:",omitzero"`
	// ProvisionedThroughput is always set; zero units for PAY_PER_REQUEST.
	ProvisionedThroughput *ProvisionedThroughputDescription
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
