package ddbsim

// ReturnValue says which item attributes a write returns in Attributes.
type ReturnValue string

// ReturnValue values. The empty value means NONE. PutItem and DeleteItem
// accept only NONE and ALL_OLD.
const (
	ReturnValueNone       ReturnValue = "NONE"
	ReturnValueAllOld     ReturnValue = "ALL_OLD"
	ReturnValueUpdatedOld ReturnValue = "UPDATED_OLD"
	ReturnValueAllNew     ReturnValue = "ALL_NEW"
	ReturnValueUpdatedNew ReturnValue = "UPDATED_NEW"
)

// ReturnItemCollectionMetrics asks a write for item collection metrics,
// which DynamoDB returns only for tables with local secondary indexes.
type ReturnItemCollectionMetrics string

// ReturnItemCollectionMetrics values. The empty value means NONE.
const (
	ReturnItemCollectionMetricsSize ReturnItemCollectionMetrics = "SIZE"
	ReturnItemCollectionMetricsNone ReturnItemCollectionMetrics = "NONE"
)

// returnValues validates the ReturnValues enum of a write.
func (c *constraints) returnValues(rv ReturnValue) {
	c.enum(string(rv), "returnValues", "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW")
}

// returnConsumedCapacity validates the ReturnConsumedCapacity enum.
func (c *constraints) returnConsumedCapacity(rcc ReturnConsumedCapacity) {
	c.enum(string(rcc), "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE")
}

// returnItemCollectionMetrics validates the ReturnItemCollectionMetrics
// enum.
func (c *constraints) returnItemCollectionMetrics(r ReturnItemCollectionMetrics) {
	c.enum(string(r), "returnItemCollectionMetrics", "SIZE", "NONE")
}

// itemTableName validates the TableName of an item operation: a name of
// 3 to 255 characters of [a-zA-Z0-9_.-], or a table ARN.
func (c *constraints) itemTableName(name string) {
	c.itemTableNameAt(name, "tableName")
}

// itemTableNameAt validates the TableName of an item action at path: a
// name of 3 to 255 characters of [a-zA-Z0-9_.-], or a table ARN. The
// member takes from 1 character (an ARN fits it), but a name shorter than
// a table's can be no table's.
func (c *constraints) itemTableNameAt(name, path string) {
	if !isARN(name) {
		c.name(name, path, 3)
	}
}

// errOnlyAllOldOrNone is AWS's answer to a PutItem or DeleteItem asking
// for updated or new values.
var errOnlyAllOldOrNone = validationError("ReturnValues can only be ALL_OLD or NONE")

func allOldOrNone(rv ReturnValue) bool {
	return rv == "" || rv == ReturnValueNone || rv == ReturnValueAllOld
}
