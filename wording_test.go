package ddbsim

import (
	"context"
	"testing"
)

func TestWording_MissingMembers(t *testing.T) {
	ctx := context.Background()
	for wording, want := range map[Wording][2]string{
		WordingClassic: {
			"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
			"1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null",
		},
		WordingCurrent: {
			"1 validation error detected: Value at 'TableName' failed to satisfy constraint: Member must not be null",
			"1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must not be null",
		},
	} {
		db := New(&Options{Wording: wording})
		_, err := db.CreateTable(ctx, CreateTableInput{KeySchema: []KeySchemaElement{{AttributeName: "id", KeyType: KeyTypeHash}},
			AttributeDefinitions: []AttributeDefinition{{AttributeName: "id", AttributeType: ScalarAttributeTypeS}}, BillingMode: BillingModePayPerRequest})
		requireAWSError(t, err, CodeValidation, want[0])
		_, err = db.BatchGetItem(ctx, BatchGetItemInput{})
		requireAWSError(t, err, CodeValidation, want[1])
		db.Close()
	}
}
