package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/ddbsim/ddbsim"
)

// UpdateTable changes a table's settings and GSIs, as
// ddbsim.DB.UpdateTable does, with the SDK's types. optFns are ignored.
// Errors: see API; ResourceNotFoundException for a missing table or
// index, ResourceInUseException for a table CREATING or UPDATING,
// LimitExceededException for a second GSI Create or Delete. Members
// ddbsim does not support (SSESpecification, WarmThroughput, the global
// table members) are passed on for the DB to refuse. Cost: the DB's.
func (a *API) UpdateTable(ctx context.Context, params *dynamodb.UpdateTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateTableOutput, error) {
	return invoke(ctx, a.db, "UpdateTable", params, updateTableInput, (*ddbsim.DB).UpdateTable, updateTableOutput)
}

func updateTableInput(in *dynamodb.UpdateTableInput) (ddbsim.UpdateTableInput, error) {
	if err := invalid(updateTableMissing(in)); err != nil {
		return ddbsim.UpdateTableInput{}, err
	}
	if err := adminRequest(smithy.InvalidParamsError{}, in.TableName); err != nil {
		return ddbsim.UpdateTableInput{}, err
	}
	out := ddbsim.UpdateTableInput{
		TableName:                   aws.ToString(in.TableName),
		AttributeDefinitions:        mapSlice(in.AttributeDefinitions, toAttributeDefinition),
		BillingMode:                 ddbsim.BillingMode(in.BillingMode),
		ProvisionedThroughput:       toProvisionedThroughput(in.ProvisionedThroughput),
		OnDemandThroughput:          toOnDemandThroughput(in.OnDemandThroughput),
		TableClass:                  ddbsim.TableClass(in.TableClass),
		DeletionProtectionEnabled:   in.DeletionProtectionEnabled,
		GlobalSecondaryIndexUpdates: mapSlice(in.GlobalSecondaryIndexUpdates, toGlobalSecondaryIndexUpdate),
		WarmThroughput:              toWarmThroughput(in.WarmThroughput),
		MultiRegionConsistency:      string(in.MultiRegionConsistency),
	}
	if s := in.StreamSpecification; s != nil {
		out.StreamSpecification = &ddbsim.StreamSpecification{StreamEnabled: aws.ToBool(s.StreamEnabled), StreamViewType: ddbsim.StreamViewType(s.StreamViewType)}
	}
	if s := in.SSESpecification; s != nil {
		out.SSESpecification = &ddbsim.SSESpecification{Enabled: aws.ToBool(s.Enabled), SSEType: ddbsim.SSEType(s.SSEType), KMSMasterKeyId: aws.ToString(s.KMSMasterKeyId)}
	}
	for range in.ReplicaUpdates {
		out.ReplicaUpdates = append(out.ReplicaUpdates, "replica update")
	}
	for range in.GlobalTableWitnessUpdates {
		out.GlobalTableWitnessUpdates = append(out.GlobalTableWitnessUpdates, "witness update")
	}
	return out, nil
}

// updateTableMissing is the SDK client's check of the required members of
// an UpdateTableInput.
func updateTableMissing(in *dynamodb.UpdateTableInput) smithy.InvalidParamsError {
	errs := missing("UpdateTableInput", member{"TableName", in.TableName != nil})
	errs.AddNested("AttributeDefinitions", elements(in.AttributeDefinitions, func(d *types.AttributeDefinition) smithy.InvalidParamsError {
		return missing("AttributeDefinition", member{"AttributeName", d.AttributeName != nil}, member{"AttributeType", d.AttributeType != ""})
	}))
	errs.AddNested("ProvisionedThroughput", throughputMissing(in.ProvisionedThroughput))
	errs.AddNested("GlobalSecondaryIndexUpdates", elements(in.GlobalSecondaryIndexUpdates, func(u *types.GlobalSecondaryIndexUpdate) smithy.InvalidParamsError {
		errs := missing("GlobalSecondaryIndexUpdate")
		if c := u.Create; c != nil {
			errs.AddNested("Create", indexMissing("CreateGlobalSecondaryIndexAction", c.IndexName, c.KeySchema, c.Projection, c.ProvisionedThroughput))
		}
		if g := u.Update; g != nil {
			e := missing("UpdateGlobalSecondaryIndexAction", member{"IndexName", g.IndexName != nil})
			e.AddNested("ProvisionedThroughput", throughputMissing(g.ProvisionedThroughput))
			errs.AddNested("Update", e)
		}
		if d := u.Delete; d != nil {
			errs.AddNested("Delete", missing("DeleteGlobalSecondaryIndexAction", member{"IndexName", d.IndexName != nil}))
		}
		return errs
	}))
	if s := in.StreamSpecification; s != nil {
		errs.AddNested("StreamSpecification", missing("StreamSpecification", member{"StreamEnabled", s.StreamEnabled != nil}))
	}
	return errs
}

func toGlobalSecondaryIndexUpdate(u types.GlobalSecondaryIndexUpdate) ddbsim.GlobalSecondaryIndexUpdate {
	var out ddbsim.GlobalSecondaryIndexUpdate
	if c := u.Create; c != nil {
		out.Create = &ddbsim.CreateGlobalSecondaryIndexAction{IndexName: aws.ToString(c.IndexName), KeySchema: mapSlice(c.KeySchema, toKeySchemaElement),
			Projection: toProjection(c.Projection), ProvisionedThroughput: toProvisionedThroughput(c.ProvisionedThroughput),
			OnDemandThroughput: toOnDemandThroughput(c.OnDemandThroughput), WarmThroughput: toWarmThroughput(c.WarmThroughput)}
	}
	if g := u.Update; g != nil {
		out.Update = &ddbsim.UpdateGlobalSecondaryIndexAction{IndexName: aws.ToString(g.IndexName), ProvisionedThroughput: toProvisionedThroughput(g.ProvisionedThroughput),
			OnDemandThroughput: toOnDemandThroughput(g.OnDemandThroughput), WarmThroughput: toWarmThroughput(g.WarmThroughput)}
	}
	if d := u.Delete; d != nil {
		out.Delete = &ddbsim.DeleteGlobalSecondaryIndexAction{IndexName: aws.ToString(d.IndexName)}
	}
	return out
}

func updateTableOutput(d *ddbsim.TableDescription) *dynamodb.UpdateTableOutput {
	return &dynamodb.UpdateTableOutput{TableDescription: tableDescription(d)}
}
