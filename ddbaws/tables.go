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
// ResourceInUseException for an existing table. Every member is passed to
// the DB, which refuses those ddbsim does not support yet (WarmThroughput,
// ResourcePolicy, the global table members, VectorIndexes) with the
// ValidationException NewClient gets. Cost: the DB's.
func (a *API) CreateTable(ctx context.Context, params *dynamodb.CreateTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.CreateTableOutput, error) {
	return invoke(ctx, a.db, "CreateTable", params, createTableInput, (*ddbsim.DB).CreateTable, createTableOutput)
}

func createTableInput(in *dynamodb.CreateTableInput) (ddbsim.CreateTableInput, error) {
	if err := invalid(createTableMissing(in)); err != nil {
		return ddbsim.CreateTableInput{}, err
	}
	if err := adminRequest(smithy.InvalidParamsError{}, in.TableName); err != nil {
		return ddbsim.CreateTableInput{}, err
	}
	out := ddbsim.CreateTableInput{
		TableName:                          aws.ToString(in.TableName),
		KeySchema:                          mapSlice(in.KeySchema, toKeySchemaElement),
		AttributeDefinitions:               mapSlice(in.AttributeDefinitions, toAttributeDefinition),
		BillingMode:                        ddbsim.BillingMode(in.BillingMode),
		ProvisionedThroughput:              toProvisionedThroughput(in.ProvisionedThroughput),
		OnDemandThroughput:                 toOnDemandThroughput(in.OnDemandThroughput),
		GlobalSecondaryIndexes:             mapSlice(in.GlobalSecondaryIndexes, toGlobalSecondaryIndex),
		LocalSecondaryIndexes:              mapSlice(in.LocalSecondaryIndexes, toLocalSecondaryIndex),
		TableClass:                         ddbsim.TableClass(in.TableClass),
		DeletionProtectionEnabled:          aws.ToBool(in.DeletionProtectionEnabled),
		WarmThroughput:                     toWarmThroughput(in.WarmThroughput),
		ResourcePolicy:                     aws.ToString(in.ResourcePolicy),
		GlobalTableSourceArn:               aws.ToString(in.GlobalTableSourceArn),
		GlobalTableSettingsReplicationMode: string(in.GlobalTableSettingsReplicationMode),
		VectorIndexes:                      mapSlice(in.VectorIndexes, toVectorIndex),
		Tags:                               mapSlice(in.Tags, tag),
	}
	if s := in.StreamSpecification; s != nil {
		out.StreamSpecification = &ddbsim.StreamSpecification{StreamEnabled: aws.ToBool(s.StreamEnabled), StreamViewType: ddbsim.StreamViewType(s.StreamViewType)}
	}
	if s := in.SSESpecification; s != nil {
		out.SSESpecification = &ddbsim.SSESpecification{Enabled: aws.ToBool(s.Enabled), SSEType: ddbsim.SSEType(s.SSEType), KMSMasterKeyId: aws.ToString(s.KMSMasterKeyId)}
	}
	return out, nil
}

// createTableMissing is the SDK client's check of the required members of
// a CreateTableInput, in its order.
func createTableMissing(in *dynamodb.CreateTableInput) smithy.InvalidParamsError {
	errs := missing("CreateTableInput")
	errs.AddNested("AttributeDefinitions", elements(in.AttributeDefinitions, func(d *types.AttributeDefinition) smithy.InvalidParamsError {
		return missing("AttributeDefinition", member{"AttributeName", d.AttributeName != nil}, member{"AttributeType", d.AttributeType != ""})
	}))
	if in.TableName == nil {
		errs.Add(smithy.NewErrParamRequired("TableName"))
	}
	errs.AddNested("KeySchema", elements(in.KeySchema, keySchemaMissing))
	errs.AddNested("LocalSecondaryIndexes", elements(in.LocalSecondaryIndexes, func(l *types.LocalSecondaryIndex) smithy.InvalidParamsError {
		return indexMissing("LocalSecondaryIndex", l.IndexName, l.KeySchema, l.Projection, nil)
	}))
	errs.AddNested("GlobalSecondaryIndexes", elements(in.GlobalSecondaryIndexes, func(g *types.GlobalSecondaryIndex) smithy.InvalidParamsError {
		return indexMissing("GlobalSecondaryIndex", g.IndexName, g.KeySchema, g.Projection, g.ProvisionedThroughput)
	}))
	errs.AddNested("ProvisionedThroughput", throughputMissing(in.ProvisionedThroughput))
	if s := in.StreamSpecification; s != nil {
		errs.AddNested("StreamSpecification", missing("StreamSpecification", member{"StreamEnabled", s.StreamEnabled != nil}))
	}
	errs.AddNested("VectorIndexes", elements(in.VectorIndexes, vectorIndexMissing))
	return errs
}

func keySchemaMissing(k *types.KeySchemaElement) smithy.InvalidParamsError {
	return missing("KeySchemaElement", member{"AttributeName", k.AttributeName != nil}, member{"KeyType", k.KeyType != ""})
}

// throughputMissing checks a ProvisionedThroughput's units, if it is set.
func throughputMissing(pt *types.ProvisionedThroughput) smithy.InvalidParamsError {
	if pt == nil {
		return smithy.InvalidParamsError{}
	}
	return missing("ProvisionedThroughput", member{"ReadCapacityUnits", pt.ReadCapacityUnits != nil}, member{"WriteCapacityUnits", pt.WriteCapacityUnits != nil})
}

// indexMissing checks the members a secondary index requires; pt is a
// GSI's ProvisionedThroughput (nil for an LSI).
func indexMissing(context string, name *string, ks []types.KeySchemaElement, p *types.Projection, pt *types.ProvisionedThroughput) smithy.InvalidParamsError {
	errs := missing(context, member{"IndexName", name != nil}, member{"KeySchema", ks != nil})
	errs.AddNested("KeySchema", elements(ks, keySchemaMissing))
	if p == nil {
		errs.Add(smithy.NewErrParamRequired("Projection"))
	}
	errs.AddNested("ProvisionedThroughput", throughputMissing(pt))
	return errs
}

func vectorIndexMissing(v *types.VectorIndex) smithy.InvalidParamsError {
	errs := missing("VectorIndex", member{"IndexName", v.IndexName != nil}, member{"VectorAttribute", v.VectorAttribute != nil})
	if a := v.VectorAttribute; a != nil {
		errs.AddNested("VectorAttribute", missing("VectorAttributeDefinition", member{"AttributeName", a.AttributeName != nil}))
	}
	errs.AddNested("SearchSchema", elements(v.SearchSchema, func(e *types.SearchSchemaElement) smithy.InvalidParamsError {
		return missing("SearchSchemaElement", member{"AttributeName", e.AttributeName != nil}, member{"SearchSchemaElementType", e.SearchSchemaElementType != ""})
	}))
	for _, m := range []member{{"Projection", v.Projection != nil}, {"Dimensions", v.Dimensions != nil}, {"DistanceFunction", v.DistanceFunction != ""}} {
		if !m.set {
			errs.Add(smithy.NewErrParamRequired(m.name))
		}
	}
	return errs
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
		ItemCount:            aws.Int64(d.ItemCount),
		TableSizeBytes:       aws.Int64(d.TableSizeBytes),
	}
	if !d.CreationDateTime.IsZero() {
		out.CreationDateTime = wireTime(d.CreationDateTime)
	}
	if s := d.BillingModeSummary; s != nil {
		out.BillingModeSummary = &types.BillingModeSummary{
			BillingMode:                       types.BillingMode(s.BillingMode),
			LastUpdateToPayPerRequestDateTime: wireTime(s.LastUpdateToPayPerRequestDateTime),
		}
	}
	out.ProvisionedThroughput = fromThroughputDescription(d.ProvisionedThroughput)
	describeSettings(out, d)
	return out
}

func keySchemaElement(k ddbsim.KeySchemaElement) types.KeySchemaElement {
	return types.KeySchemaElement{AttributeName: aws.String(k.AttributeName), KeyType: types.KeyType(k.KeyType)}
}

func attributeDefinition(d ddbsim.AttributeDefinition) types.AttributeDefinition {
	return types.AttributeDefinition{AttributeName: aws.String(d.AttributeName), AttributeType: types.ScalarAttributeType(d.AttributeType)}
}
