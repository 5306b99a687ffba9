package ddbaws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// The conversions of CreateTable's members and of the table description's,
// between the SDK's types and ddbsim's. Each keeps the difference between
// a nil and an empty list, which DynamoDB tells apart.

func toKeySchemaElement(k types.KeySchemaElement) ddbsim.KeySchemaElement {
	return ddbsim.KeySchemaElement{AttributeName: aws.ToString(k.AttributeName), KeyType: ddbsim.KeyType(k.KeyType)}
}

func toAttributeDefinition(d types.AttributeDefinition) ddbsim.AttributeDefinition {
	return ddbsim.AttributeDefinition{AttributeName: aws.ToString(d.AttributeName), AttributeType: ddbsim.ScalarAttributeType(d.AttributeType)}
}

func toProvisionedThroughput(pt *types.ProvisionedThroughput) *ddbsim.ProvisionedThroughput {
	if pt == nil {
		return nil
	}
	return &ddbsim.ProvisionedThroughput{ReadCapacityUnits: aws.ToInt64(pt.ReadCapacityUnits), WriteCapacityUnits: aws.ToInt64(pt.WriteCapacityUnits)}
}

func toOnDemandThroughput(o *types.OnDemandThroughput) *ddbsim.OnDemandThroughput {
	if o == nil {
		return nil
	}
	return &ddbsim.OnDemandThroughput{MaxReadRequestUnits: o.MaxReadRequestUnits, MaxWriteRequestUnits: o.MaxWriteRequestUnits}
}

func toWarmThroughput(w *types.WarmThroughput) *ddbsim.WarmThroughput {
	if w == nil {
		return nil
	}
	return &ddbsim.WarmThroughput{ReadUnitsPerSecond: w.ReadUnitsPerSecond, WriteUnitsPerSecond: w.WriteUnitsPerSecond}
}

func toProjection(p *types.Projection) *ddbsim.Projection {
	if p == nil {
		return nil
	}
	return &ddbsim.Projection{ProjectionType: ddbsim.ProjectionType(p.ProjectionType), NonKeyAttributes: p.NonKeyAttributes}
}

func toGlobalSecondaryIndex(g types.GlobalSecondaryIndex) ddbsim.GlobalSecondaryIndex {
	return ddbsim.GlobalSecondaryIndex{
		IndexName:             aws.ToString(g.IndexName),
		KeySchema:             mapSlice(g.KeySchema, toKeySchemaElement),
		Projection:            toProjection(g.Projection),
		ProvisionedThroughput: toProvisionedThroughput(g.ProvisionedThroughput),
		OnDemandThroughput:    toOnDemandThroughput(g.OnDemandThroughput),
		WarmThroughput:        toWarmThroughput(g.WarmThroughput),
	}
}

func toLocalSecondaryIndex(l types.LocalSecondaryIndex) ddbsim.LocalSecondaryIndex {
	return ddbsim.LocalSecondaryIndex{IndexName: aws.ToString(l.IndexName), KeySchema: mapSlice(l.KeySchema, toKeySchemaElement), Projection: toProjection(l.Projection)}
}

func toVectorIndex(v types.VectorIndex) ddbsim.VectorIndex {
	out := ddbsim.VectorIndex{
		IndexName:        aws.ToString(v.IndexName),
		Dimensions:       v.Dimensions,
		DistanceFunction: string(v.DistanceFunction),
		Projection:       toProjection(v.Projection),
		SearchSchema: mapSlice(v.SearchSchema, func(e types.SearchSchemaElement) ddbsim.SearchSchemaElement {
			return ddbsim.SearchSchemaElement{AttributeName: aws.ToString(e.AttributeName), SearchSchemaElementType: string(e.SearchSchemaElementType)}
		}),
	}
	if a := v.VectorAttribute; a != nil {
		out.VectorAttribute = &ddbsim.VectorAttributeDefinition{AttributeName: aws.ToString(a.AttributeName)}
	}
	return out
}

func fromProjection(p *ddbsim.Projection) *types.Projection {
	if p == nil {
		return nil
	}
	return &types.Projection{ProjectionType: types.ProjectionType(p.ProjectionType), NonKeyAttributes: p.NonKeyAttributes}
}

func fromOnDemandThroughput(o *ddbsim.OnDemandThroughput) *types.OnDemandThroughput {
	if o == nil {
		return nil
	}
	return &types.OnDemandThroughput{MaxReadRequestUnits: o.MaxReadRequestUnits, MaxWriteRequestUnits: o.MaxWriteRequestUnits}
}

func fromThroughputDescription(pt *ddbsim.ProvisionedThroughputDescription) *types.ProvisionedThroughputDescription {
	if pt == nil {
		return nil
	}
	return &types.ProvisionedThroughputDescription{
		ReadCapacityUnits:      aws.Int64(pt.ReadCapacityUnits),
		WriteCapacityUnits:     aws.Int64(pt.WriteCapacityUnits),
		NumberOfDecreasesToday: aws.Int64(pt.NumberOfDecreasesToday),
	}
}

func fromGlobalSecondaryIndex(g ddbsim.GlobalSecondaryIndexDescription) types.GlobalSecondaryIndexDescription {
	return types.GlobalSecondaryIndexDescription{
		IndexName:             aws.String(g.IndexName),
		KeySchema:             mapSlice(g.KeySchema, keySchemaElement),
		Projection:            fromProjection(g.Projection),
		IndexStatus:           types.IndexStatus(g.IndexStatus),
		Backfilling:           optionalBool(g.Backfilling),
		IndexSizeBytes:        aws.Int64(g.IndexSizeBytes),
		ItemCount:             aws.Int64(g.ItemCount),
		IndexArn:              aws.String(g.IndexArn),
		ProvisionedThroughput: fromThroughputDescription(g.ProvisionedThroughput),
		OnDemandThroughput:    fromOnDemandThroughput(g.OnDemandThroughput),
	}
}

func fromLocalSecondaryIndex(l ddbsim.LocalSecondaryIndexDescription) types.LocalSecondaryIndexDescription {
	return types.LocalSecondaryIndexDescription{
		IndexName:      aws.String(l.IndexName),
		KeySchema:      mapSlice(l.KeySchema, keySchemaElement),
		Projection:     fromProjection(l.Projection),
		IndexSizeBytes: aws.Int64(l.IndexSizeBytes),
		ItemCount:      aws.Int64(l.ItemCount),
		IndexArn:       aws.String(l.IndexArn),
	}
}

// describeSettings sets the members of out that describe d's indexes and
// optional settings.
func describeSettings(out *types.TableDescription, d *ddbsim.TableDescription) {
	out.OnDemandThroughput = fromOnDemandThroughput(d.OnDemandThroughput)
	if len(d.GlobalSecondaryIndexes) > 0 {
		out.GlobalSecondaryIndexes = mapSlice(d.GlobalSecondaryIndexes, fromGlobalSecondaryIndex)
	}
	if len(d.LocalSecondaryIndexes) > 0 {
		out.LocalSecondaryIndexes = mapSlice(d.LocalSecondaryIndexes, fromLocalSecondaryIndex)
	}
	if s := d.StreamSpecification; s != nil {
		out.StreamSpecification = &types.StreamSpecification{StreamEnabled: aws.Bool(s.StreamEnabled), StreamViewType: types.StreamViewType(s.StreamViewType)}
	}
	out.LatestStreamArn = optional(d.LatestStreamArn)
	out.LatestStreamLabel = optional(d.LatestStreamLabel)
	if s := d.SSEDescription; s != nil {
		out.SSEDescription = &types.SSEDescription{Status: types.SSEStatus(s.Status), SSEType: types.SSEType(s.SSEType), KMSMasterKeyArn: optional(s.KMSMasterKeyArn)}
	}
	if s := d.TableClassSummary; s != nil {
		out.TableClassSummary = &types.TableClassSummary{TableClass: types.TableClass(s.TableClass)}
	}
	out.DeletionProtectionEnabled = aws.Bool(d.DeletionProtectionEnabled)
}

// optionalBool is b, or nil (absent) when false.
func optionalBool(b bool) *bool {
	if !b {
		return nil
	}
	return aws.Bool(true)
}
