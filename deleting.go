package ddbsim

// describeDeleting returns the description DeleteTable answers with, as
// DynamoDB gives it for a table it is deleting: its name, ARN and id,
// status DELETING, throughput, billing, size and item count, and its
// deletion protection; no key schema, attribute definitions, creation
// time, indexes or other settings.
func (t *table) describeDeleting() *TableDescription {
	full := t.describe(TableStatusDeleting)
	return &TableDescription{
		TableName:                 full.TableName,
		TableArn:                  full.TableArn,
		TableId:                   full.TableId,
		TableStatus:               full.TableStatus,
		ItemCount:                 full.ItemCount,
		TableSizeBytes:            full.TableSizeBytes,
		BillingModeSummary:        full.BillingModeSummary,
		ProvisionedThroughput:     full.ProvisionedThroughput,
		DeletionProtectionEnabled: full.DeletionProtectionEnabled,
	}
}
