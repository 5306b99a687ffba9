package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/ddbsim/ddbsim"
)

// CreateTable creates a table, ACTIVE at once, as ddbsim.DB.CreateTable
// does, with the SDK's types. optFns are ignored. Errors: see API;
// ResourceInUseException for an existing table. Only the key schema,
// attribute definitions, billing mode and provisioned throughput are
// supported yet: any other member set is refused. Cost: the DB's.
func (a *API) CreateTable(ctx context.Context, params *dynamodb.CreateTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.CreateTableOutput, error) {
	return invoke(ctx, a.db, "CreateTable", params, createTableInput, (*ddbsim.DB).CreateTable, createTableOutput)
}

func createTableInput(in *dynamodb.CreateTableInput) (ddbsim.CreateTableInput, error) {
	errs := missing("CreateTableInput")
	errs.AddNested("AttributeDefinitions", elements(in.AttributeDefinitions, func(d *types.AttributeDefinition) smithy.InvalidParamsError {
		return missing("AttributeDefinition", member{"AttributeName", d.AttributeName != nil}, member{"AttributeType", d.AttributeType != ""})
	}))
	if in.TableName == nil {
		errs.Add(smithy.NewErrParamRequired("TableName"))
	}
	errs.AddNested("KeySchema", elements(in.KeySchema, func(k *types.KeySchemaElement) smithy.InvalidParamsError {
		return missing("KeySchemaElement", member{"AttributeName", k.AttributeName != nil}, member{"KeyType", k.KeyType != ""})
	}))
	if pt := in.ProvisionedThroughput; pt != nil {
		errs.AddNested("ProvisionedThroughput", missing("ProvisionedThroughput",
			member{"ReadCapacityUnits", pt.ReadCapacityUnits != nil}, member{"WriteCapacityUnits", pt.WriteCapacityUnits != nil}))
	}
	if err := invalid(errs); err != nil {
		return ddbsim.CreateTableInput{}, err
	}
	if err := unsupported("CreateTableInput",
		member{"DeletionProtectionEnabled", in.DeletionProtectionEnabled != nil},
		member{"GlobalSecondaryIndexes", in.GlobalSecondaryIndexes != nil},
		member{"GlobalTableSettingsReplicationMode", in.GlobalTableSettingsReplicationMode != ""},
		member{"GlobalTableSourceArn", in.GlobalTableSourceArn != nil},
		member{"LocalSecondaryIndexes", in.LocalSecondaryIndexes != nil},
		member{"OnDemandThroughput", in.OnDemandThroughput != nil},
		member{"ResourcePolicy", in.ResourcePolicy != nil},
		member{"SSESpecification", in.SSESpecification != nil},
		member{"StreamSpecification", in.StreamSpecification != nil},
		member{"TableClass", in.TableClass != ""},
		member{"Tags", in.Tags != nil},
		member{"VectorIndexes", in.VectorIndexes != nil},
		member{"WarmThroughput", in.WarmThroughput != nil},
	); err != nil {
		return ddbsim.CreateTableInput{}, err
	}
	if err := adminRequest(smithy.InvalidParamsError{}, in.TableName); err != nil {
		return ddbsim.CreateTableInput{}, err
	}
	out := ddbsim.CreateTableInput{
		TableName: aws.ToString(in.TableName),
		KeySchema: mapSlice(in.KeySchema, func(k types.KeySchemaElement) ddbsim.KeySchemaElement {
			return ddbsim.KeySchemaElement{AttributeName: aws.ToString(k.AttributeName), KeyType: ddbsim.KeyType(k.KeyType)}
		}),
		AttributeDefinitions: mapSlice(in.AttributeDefinitions, func(d types.AttributeDefinition) ddbsim.AttributeDefinition {
			return ddbsim.AttributeDefinition{AttributeName: aws.ToString(d.AttributeName), AttributeType: ddbsim.ScalarAttributeType(d.AttributeType)}
		}),
		BillingMode: ddbsim.BillingMode(in.BillingMode),
	}
	if pt := in.ProvisionedThroughput; pt != nil {
		out.ProvisionedThroughput = &ddbsim.ProvisionedThroughput{
			ReadCapacityUnits:  aws.ToInt64(pt.ReadCapacityUnits),
			WriteCapacityUnits: aws.ToInt64(pt.WriteCapacityUnits),
		}
	}
	return out, nil
}

func createTableOutput(d *ddbsim.TableDescription) *dynamodb.CreateTableOutput {
	return &dynamodb.CreateTableOutput{TableDescription: tableDescription(d)}
}

// DescribeTable describes a table, as ddbsim.DB.DescribeTable does, with
// the SDK's types. optFns are ignored. Errors: see API;
// ResourceNotFoundException for a missing table. Cost: the DB's.
func (a *API) DescribeTable(ctx context.Context, params *dynamodb.DescribeTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error) {
	return invoke(ctx, a.db, "DescribeTable", params, describeTableInput, (*ddbsim.DB).DescribeTable, describeTableOutput)
}

func describeTableInput(in *dynamodb.DescribeTableInput) (ddbsim.DescribeTableInput, error) {
	return ddbsim.DescribeTableInput{TableName: aws.ToString(in.TableName)}, adminRequest(missing("DescribeTableInput", member{"TableName", in.TableName != nil}), in.TableName)
}

func describeTableOutput(d *ddbsim.TableDescription) *dynamodb.DescribeTableOutput {
	return &dynamodb.DescribeTableOutput{Table: tableDescription(d)}
}

// DeleteTable deletes a table and its items, as ddbsim.DB.DeleteTable
// does, with the SDK's types: the description has status DELETING.
// optFns are ignored. Errors: see API; ResourceNotFoundException for a
// missing table. Cost: the DB's.
func (a *API) DeleteTable(ctx context.Context, params *dynamodb.DeleteTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DeleteTableOutput, error) {
	return invoke(ctx, a.db, "DeleteTable", params, deleteTableInput, (*ddbsim.DB).DeleteTable, deleteTableOutput)
}

func deleteTableInput(in *dynamodb.DeleteTableInput) (ddbsim.DeleteTableInput, error) {
	return ddbsim.DeleteTableInput{TableName: aws.ToString(in.TableName)}, adminRequest(missing("DeleteTableInput", member{"TableName", in.TableName != nil}), in.TableName)
}

func deleteTableOutput(d *ddbsim.TableDescription) *dynamodb.DeleteTableOutput {
	return &dynamodb.DeleteTableOutput{TableDescription: tableDescription(d)}
}

// ListTables lists table names in ascending order, a page of at most
// params.Limit (default 100) after params.ExclusiveStartTableName, as
// ddbsim.DB.ListTables does, with the SDK's types; LastEvaluatedTableName
// is nil on the last page. optFns are ignored. Cost: the DB's.
func (a *API) ListTables(ctx context.Context, params *dynamodb.ListTablesInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListTablesOutput, error) {
	return invoke(ctx, a.db, "ListTables", params, listTablesInput, (*ddbsim.DB).ListTables, listTablesOutput)
}

func listTablesInput(in *dynamodb.ListTablesInput) (ddbsim.ListTablesInput, error) {
	return ddbsim.ListTablesInput{ExclusiveStartTableName: aws.ToString(in.ExclusiveStartTableName), Limit: in.Limit}, nil
}

func listTablesOutput(out *ddbsim.ListTablesOutput) *dynamodb.ListTablesOutput {
	return &dynamodb.ListTablesOutput{TableNames: out.TableNames, LastEvaluatedTableName: optional(out.LastEvaluatedTableName)}
}

// tableDescription converts a table description, its times as the SDK
// client reads them off the wire (see wireTime).
func tableDescription(d *ddbsim.TableDescription) *types.TableDescription {
	out := &types.TableDescription{
		TableName:            aws.String(d.TableName),
		TableArn:             aws.String(d.TableArn),
		TableId:              aws.String(d.TableId),
		TableStatus:          types.TableStatus(d.TableStatus),
		KeySchema:            mapSlice(d.KeySchema, keySchemaElement),
		AttributeDefinitions: mapSlice(d.AttributeDefinitions, attributeDefinition),
		CreationDateTime:     wireTime(d.CreationDateTime),
		ItemCount:            aws.Int64(d.ItemCount),
		TableSizeBytes:       aws.Int64(d.TableSizeBytes),
	}
	if s := d.BillingModeSummary; s != nil {
		out.BillingModeSummary = &types.BillingModeSummary{
			BillingMode:                       types.BillingMode(s.BillingMode),
			LastUpdateToPayPerRequestDateTime: wireTime(s.LastUpdateToPayPerRequestDateTime),
		}
	}
	if pt := d.ProvisionedThroughput; pt != nil {
		out.ProvisionedThroughput = &types.ProvisionedThroughputDescription{
			ReadCapacityUnits:      aws.Int64(pt.ReadCapacityUnits),
			WriteCapacityUnits:     aws.Int64(pt.WriteCapacityUnits),
			NumberOfDecreasesToday: aws.Int64(pt.NumberOfDecreasesToday),
		}
	}
	return out
}

func keySchemaElement(k ddbsim.KeySchemaElement) types.KeySchemaElement {
	return types.KeySchemaElement{AttributeName: aws.String(k.AttributeName), KeyType: types.KeyType(k.KeyType)}
}

func attributeDefinition(d ddbsim.AttributeDefinition) types.AttributeDefinition {
	return types.AttributeDefinition{AttributeName: aws.String(d.AttributeName), AttributeType: types.ScalarAttributeType(d.AttributeType)}
}
