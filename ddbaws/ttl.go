package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// UpdateTimeToLive turns a table's time to live on or off, as
// ddbsim.DB.UpdateTimeToLive does, with the SDK's types. optFns are
// ignored. Errors: see API; ResourceNotFoundException for a missing
// table, ValidationException for a specification that changes nothing,
// another attribute, or a second change within the hour. Cost: the DB's
// (O(n log n) for a table of n items to enable).
func (a *API) UpdateTimeToLive(ctx context.Context, params *dynamodb.UpdateTimeToLiveInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateTimeToLiveOutput, error) {
	return invoke(ctx, a.db, "UpdateTimeToLive", params, updateTimeToLiveInput, (*ddbsim.DB).UpdateTimeToLive,
		func(o *ddbsim.UpdateTimeToLiveOutput) *dynamodb.UpdateTimeToLiveOutput {
			s := o.TimeToLiveSpecification
			return &dynamodb.UpdateTimeToLiveOutput{TimeToLiveSpecification: &types.TimeToLiveSpecification{
				AttributeName: aws.String(s.AttributeName), Enabled: aws.Bool(s.Enabled)}}
		})
}

func updateTimeToLiveInput(in *dynamodb.UpdateTimeToLiveInput) (ddbsim.UpdateTimeToLiveInput, error) {
	errs := missing("UpdateTimeToLiveInput", member{"TableName", in.TableName != nil},
		member{"TimeToLiveSpecification", in.TimeToLiveSpecification != nil})
	out := ddbsim.UpdateTimeToLiveInput{TableName: aws.ToString(in.TableName)}
	if s := in.TimeToLiveSpecification; s != nil {
		errs.AddNested("TimeToLiveSpecification", missing("TimeToLiveSpecification",
			member{"Enabled", s.Enabled != nil}, member{"AttributeName", s.AttributeName != nil}))
		out.TimeToLiveSpecification = &ddbsim.TimeToLiveSpecification{AttributeName: aws.ToString(s.AttributeName), Enabled: aws.ToBool(s.Enabled)}
	}
	return out, invalid(errs)
}

// DescribeTimeToLive describes a table's time to live (ENABLED with its
// attribute, or DISABLED), as ddbsim.DB.DescribeTimeToLive does. optFns
// are ignored. Errors: see API; ResourceNotFoundException for a missing
// table. Cost: O(1).
func (a *API) DescribeTimeToLive(ctx context.Context, params *dynamodb.DescribeTimeToLiveInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeTimeToLiveOutput, error) {
	return invoke(ctx, a.db, "DescribeTimeToLive", params,
		func(in *dynamodb.DescribeTimeToLiveInput) (ddbsim.DescribeTimeToLiveInput, error) {
			return ddbsim.DescribeTimeToLiveInput{TableName: aws.ToString(in.TableName)},
				invalid(missing("DescribeTimeToLiveInput", member{"TableName", in.TableName != nil}))
		},
		(*ddbsim.DB).DescribeTimeToLive,
		func(o *ddbsim.DescribeTimeToLiveOutput) *dynamodb.DescribeTimeToLiveOutput {
			d := o.TimeToLiveDescription
			return &dynamodb.DescribeTimeToLiveOutput{TimeToLiveDescription: &types.TimeToLiveDescription{
				AttributeName: optional(d.AttributeName), TimeToLiveStatus: types.TimeToLiveStatus(d.TimeToLiveStatus)}}
		})
}
