package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/ddbsim/ddbsim"
)

// TagResource sets tags on a table named by its ARN, as
// ddbsim.DB.TagResource does, with the SDK's types. optFns are ignored.
// Errors: see API; ResourceNotFoundException for a missing table,
// ValidationException for bad tags or an ARN that is not a table's.
// Cost: the DB's.
func (a *API) TagResource(ctx context.Context, params *dynamodb.TagResourceInput, optFns ...func(*dynamodb.Options)) (*dynamodb.TagResourceOutput, error) {
	return invoke(ctx, a.db, "TagResource", params, tagResourceInput, (*ddbsim.DB).TagResource,
		func(*ddbsim.TagResourceOutput) *dynamodb.TagResourceOutput { return &dynamodb.TagResourceOutput{} })
}

func tagResourceInput(in *dynamodb.TagResourceInput) (ddbsim.TagResourceInput, error) {
	errs := missing("TagResourceInput", member{"ResourceArn", in.ResourceArn != nil}, member{"Tags", in.Tags != nil})
	errs.AddNested("Tags", elements(in.Tags, func(t *types.Tag) smithy.InvalidParamsError {
		return missing("Tag", member{"Key", t.Key != nil}, member{"Value", t.Value != nil})
	}))
	return ddbsim.TagResourceInput{ResourceArn: aws.ToString(in.ResourceArn), Tags: mapSlice(in.Tags, tag)}, invalid(errs)
}

func tag(t types.Tag) ddbsim.Tag {
	return ddbsim.Tag{Key: aws.ToString(t.Key), Value: aws.ToString(t.Value)}
}

// UntagResource removes tags from a table named by its ARN, as
// ddbsim.DB.UntagResource does, with the SDK's types. optFns are ignored.
// Errors: TagResource's. Cost: the DB's.
func (a *API) UntagResource(ctx context.Context, params *dynamodb.UntagResourceInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UntagResourceOutput, error) {
	return invoke(ctx, a.db, "UntagResource", params, untagResourceInput, (*ddbsim.DB).UntagResource,
		func(*ddbsim.UntagResourceOutput) *dynamodb.UntagResourceOutput {
			return &dynamodb.UntagResourceOutput{}
		})
}

func untagResourceInput(in *dynamodb.UntagResourceInput) (ddbsim.UntagResourceInput, error) {
	errs := missing("UntagResourceInput", member{"ResourceArn", in.ResourceArn != nil}, member{"TagKeys", in.TagKeys != nil})
	return ddbsim.UntagResourceInput{ResourceArn: aws.ToString(in.ResourceArn), TagKeys: in.TagKeys}, invalid(errs)
}

// ListTagsOfResource lists a page of a table's tags, in key order, as
// ddbsim.DB.ListTagsOfResource does, with the SDK's types; NextToken is
// nil on the last page. optFns are ignored. Errors: TagResource's. Cost:
// the DB's.
func (a *API) ListTagsOfResource(ctx context.Context, params *dynamodb.ListTagsOfResourceInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListTagsOfResourceOutput, error) {
	return invoke(ctx, a.db, "ListTagsOfResource", params, listTagsOfResourceInput, (*ddbsim.DB).ListTagsOfResource, listTagsOfResourceOutput)
}

func listTagsOfResourceInput(in *dynamodb.ListTagsOfResourceInput) (ddbsim.ListTagsOfResourceInput, error) {
	errs := missing("ListTagsOfResourceInput", member{"ResourceArn", in.ResourceArn != nil})
	return ddbsim.ListTagsOfResourceInput{ResourceArn: aws.ToString(in.ResourceArn), NextToken: aws.ToString(in.NextToken)}, invalid(errs)
}

func listTagsOfResourceOutput(out *ddbsim.ListTagsOfResourceOutput) *dynamodb.ListTagsOfResourceOutput {
	return &dynamodb.ListTagsOfResourceOutput{
		Tags: mapSlice(out.Tags, func(t ddbsim.Tag) types.Tag {
			return types.Tag{Key: aws.String(t.Key), Value: aws.String(t.Value)}
		}),
		NextToken: optional(out.NextToken),
	}
}

// DescribeLimits returns DynamoDB's default capacity quotas, as
// ddbsim.DB.DescribeLimits does. optFns are ignored. Cost: O(1).
func (a *API) DescribeLimits(ctx context.Context, params *dynamodb.DescribeLimitsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeLimitsOutput, error) {
	return invoke(ctx, a.db, "DescribeLimits", params,
		func(*dynamodb.DescribeLimitsInput) (ddbsim.DescribeLimitsInput, error) {
			return ddbsim.DescribeLimitsInput{}, nil
		},
		(*ddbsim.DB).DescribeLimits,
		func(o *ddbsim.DescribeLimitsOutput) *dynamodb.DescribeLimitsOutput {
			return &dynamodb.DescribeLimitsOutput{
				AccountMaxReadCapacityUnits:  aws.Int64(o.AccountMaxReadCapacityUnits),
				AccountMaxWriteCapacityUnits: aws.Int64(o.AccountMaxWriteCapacityUnits),
				TableMaxReadCapacityUnits:    aws.Int64(o.TableMaxReadCapacityUnits),
				TableMaxWriteCapacityUnits:   aws.Int64(o.TableMaxWriteCapacityUnits),
			}
		})
}

// endpointHost is the host of Endpoint, which NewAPI's DescribeEndpoints
// reports as NewClient's does (its requests are sent there).
const endpointHost = "ddbsim.invalid"

// DescribeEndpoints answers endpoint discovery with one endpoint, the
// host NewClient's requests are addressed to ("ddbsim.invalid"), as
// ddbsim.DB.DescribeEndpoints does. optFns are ignored. Cost: O(1).
func (a *API) DescribeEndpoints(ctx context.Context, params *dynamodb.DescribeEndpointsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeEndpointsOutput, error) {
	return invoke(ddbsim.WithEndpoint(ctx, endpointHost), a.db, "DescribeEndpoints", params,
		func(*dynamodb.DescribeEndpointsInput) (ddbsim.DescribeEndpointsInput, error) {
			return ddbsim.DescribeEndpointsInput{}, nil
		},
		(*ddbsim.DB).DescribeEndpoints,
		func(o *ddbsim.DescribeEndpointsOutput) *dynamodb.DescribeEndpointsOutput {
			return &dynamodb.DescribeEndpointsOutput{Endpoints: mapSlice(o.Endpoints, func(e ddbsim.Endpoint) types.Endpoint {
				return types.Endpoint{Address: aws.String(e.Address), CachePeriodInMinutes: e.CachePeriodInMinutes}
			})}
		})
}

// DescribeContinuousBackups describes a table's backups as DynamoDB does
// for a new table (continuous backups ENABLED, point-in-time recovery
// DISABLED), as ddbsim.DB.DescribeContinuousBackups does. optFns are
// ignored. Errors: see API; TableNotFoundException for a missing table.
// Cost: O(1).
func (a *API) DescribeContinuousBackups(ctx context.Context, params *dynamodb.DescribeContinuousBackupsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeContinuousBackupsOutput, error) {
	return invoke(ctx, a.db, "DescribeContinuousBackups", params,
		func(in *dynamodb.DescribeContinuousBackupsInput) (ddbsim.DescribeContinuousBackupsInput, error) {
			return ddbsim.DescribeContinuousBackupsInput{TableName: aws.ToString(in.TableName)},
				invalid(missing("DescribeContinuousBackupsInput", member{"TableName", in.TableName != nil}))
		},
		(*ddbsim.DB).DescribeContinuousBackups,
		func(o *ddbsim.DescribeContinuousBackupsOutput) *dynamodb.DescribeContinuousBackupsOutput {
			d := o.ContinuousBackupsDescription
			return &dynamodb.DescribeContinuousBackupsOutput{ContinuousBackupsDescription: &types.ContinuousBackupsDescription{
				ContinuousBackupsStatus: types.ContinuousBackupsStatus(d.ContinuousBackupsStatus),
				PointInTimeRecoveryDescription: &types.PointInTimeRecoveryDescription{
					PointInTimeRecoveryStatus: types.PointInTimeRecoveryStatus(d.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus),
				},
			}}
		})
}

// none converts any input of an operation that lists what ddbsim never
// has, for the List methods below.
func none[I, DI any](*I) (DI, error) { var in DI; return in, nil }

// ListBackups lists the backups taken: none, as ddbsim.DB.ListBackups.
// optFns are ignored. Cost: O(1).
func (a *API) ListBackups(ctx context.Context, params *dynamodb.ListBackupsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListBackupsOutput, error) {
	return invoke(ctx, a.db, "ListBackups", params, none[dynamodb.ListBackupsInput, ddbsim.ListBackupsInput], (*ddbsim.DB).ListBackups,
		func(*ddbsim.ListBackupsOutput) *dynamodb.ListBackupsOutput {
			return &dynamodb.ListBackupsOutput{BackupSummaries: []types.BackupSummary{}}
		})
}

// ListGlobalTables lists the global tables: none, as
// ddbsim.DB.ListGlobalTables. optFns are ignored. Cost: O(1).
func (a *API) ListGlobalTables(ctx context.Context, params *dynamodb.ListGlobalTablesInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListGlobalTablesOutput, error) {
	return invoke(ctx, a.db, "ListGlobalTables", params, none[dynamodb.ListGlobalTablesInput, ddbsim.ListGlobalTablesInput], (*ddbsim.DB).ListGlobalTables,
		func(*ddbsim.ListGlobalTablesOutput) *dynamodb.ListGlobalTablesOutput {
			return &dynamodb.ListGlobalTablesOutput{GlobalTables: []types.GlobalTable{}}
		})
}

// ListExports lists the exports: none, as ddbsim.DB.ListExports. optFns
// are ignored. Cost: O(1).
func (a *API) ListExports(ctx context.Context, params *dynamodb.ListExportsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListExportsOutput, error) {
	return invoke(ctx, a.db, "ListExports", params, none[dynamodb.ListExportsInput, ddbsim.ListExportsInput], (*ddbsim.DB).ListExports,
		func(*ddbsim.ListExportsOutput) *dynamodb.ListExportsOutput {
			return &dynamodb.ListExportsOutput{ExportSummaries: []types.ExportSummary{}}
		})
}

// ListImports lists the imports: none, as ddbsim.DB.ListImports. optFns
// are ignored. Cost: O(1).
func (a *API) ListImports(ctx context.Context, params *dynamodb.ListImportsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListImportsOutput, error) {
	return invoke(ctx, a.db, "ListImports", params, none[dynamodb.ListImportsInput, ddbsim.ListImportsInput], (*ddbsim.DB).ListImports,
		func(*ddbsim.ListImportsOutput) *dynamodb.ListImportsOutput {
			return &dynamodb.ListImportsOutput{ImportSummaryList: []types.ImportSummary{}}
		})
}

// ListContributorInsights lists contributor insights: none, as
// ddbsim.DB.ListContributorInsights. optFns are ignored. Cost: O(1).
func (a *API) ListContributorInsights(ctx context.Context, params *dynamodb.ListContributorInsightsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListContributorInsightsOutput, error) {
	return invoke(ctx, a.db, "ListContributorInsights", params, none[dynamodb.ListContributorInsightsInput, ddbsim.ListContributorInsightsInput], (*ddbsim.DB).ListContributorInsights,
		func(*ddbsim.ListContributorInsightsOutput) *dynamodb.ListContributorInsightsOutput {
			return &dynamodb.ListContributorInsightsOutput{ContributorInsightsSummaries: []types.ContributorInsightsSummary{}}
		})
}
