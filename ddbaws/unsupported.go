package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/ddbsim/ddbsim"
)

// The methods below are the DynamoDB operations ddbsim does not
// implement: each answers what the wire answers, the core's refusal
// (ddbsim.CheckOperation: an UnknownOperationException naming the
// operation), so code written against the whole client compiles and
// fails loudly where it leans on a missing feature. Implementing an
// operation replaces its method here by a real one.

// refuse returns the error of operation op, one ddbsim does not
// implement, as the SDK client returns it from the wire (a
// *smithy.OperationError around a *smithy.GenericAPIError). Cost: O(1).
func refuse[O any](op string) (*O, error) {
	return nil, operationError(op, ddbsim.CheckOperation(ddbsim.APIDynamoDB, op))
}

// BatchExecuteStatement is refused: ddbsim does not support it (see refuse).
func (a *API) BatchExecuteStatement(ctx context.Context, params *dynamodb.BatchExecuteStatementInput, optFns ...func(*dynamodb.Options)) (*dynamodb.BatchExecuteStatementOutput, error) {
	return refuse[dynamodb.BatchExecuteStatementOutput]("BatchExecuteStatement")
}

// CancelBulkOperation is refused: ddbsim does not support it (see refuse).
func (a *API) CancelBulkOperation(ctx context.Context, params *dynamodb.CancelBulkOperationInput, optFns ...func(*dynamodb.Options)) (*dynamodb.CancelBulkOperationOutput, error) {
	return refuse[dynamodb.CancelBulkOperationOutput]("CancelBulkOperation")
}

// CreateBackup is refused: ddbsim does not support it (see refuse).
func (a *API) CreateBackup(ctx context.Context, params *dynamodb.CreateBackupInput, optFns ...func(*dynamodb.Options)) (*dynamodb.CreateBackupOutput, error) {
	return refuse[dynamodb.CreateBackupOutput]("CreateBackup")
}

// CreateGlobalTable is refused: ddbsim does not support it (see refuse).
func (a *API) CreateGlobalTable(ctx context.Context, params *dynamodb.CreateGlobalTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.CreateGlobalTableOutput, error) {
	return refuse[dynamodb.CreateGlobalTableOutput]("CreateGlobalTable")
}

// DeleteBackup is refused: ddbsim does not support it (see refuse).
func (a *API) DeleteBackup(ctx context.Context, params *dynamodb.DeleteBackupInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DeleteBackupOutput, error) {
	return refuse[dynamodb.DeleteBackupOutput]("DeleteBackup")
}

// DeleteResourcePolicy is refused: ddbsim does not support it (see refuse).
func (a *API) DeleteResourcePolicy(ctx context.Context, params *dynamodb.DeleteResourcePolicyInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DeleteResourcePolicyOutput, error) {
	return refuse[dynamodb.DeleteResourcePolicyOutput]("DeleteResourcePolicy")
}

// DescribeBackup is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeBackup(ctx context.Context, params *dynamodb.DescribeBackupInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeBackupOutput, error) {
	return refuse[dynamodb.DescribeBackupOutput]("DescribeBackup")
}

// DescribeBulkOperation is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeBulkOperation(ctx context.Context, params *dynamodb.DescribeBulkOperationInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeBulkOperationOutput, error) {
	return refuse[dynamodb.DescribeBulkOperationOutput]("DescribeBulkOperation")
}

// DescribeContributorInsights is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeContributorInsights(ctx context.Context, params *dynamodb.DescribeContributorInsightsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeContributorInsightsOutput, error) {
	return refuse[dynamodb.DescribeContributorInsightsOutput]("DescribeContributorInsights")
}

// DescribeExport is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeExport(ctx context.Context, params *dynamodb.DescribeExportInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeExportOutput, error) {
	return refuse[dynamodb.DescribeExportOutput]("DescribeExport")
}

// DescribeGlobalTable is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeGlobalTable(ctx context.Context, params *dynamodb.DescribeGlobalTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeGlobalTableOutput, error) {
	return refuse[dynamodb.DescribeGlobalTableOutput]("DescribeGlobalTable")
}

// DescribeGlobalTableSettings is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeGlobalTableSettings(ctx context.Context, params *dynamodb.DescribeGlobalTableSettingsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeGlobalTableSettingsOutput, error) {
	return refuse[dynamodb.DescribeGlobalTableSettingsOutput]("DescribeGlobalTableSettings")
}

// DescribeImport is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeImport(ctx context.Context, params *dynamodb.DescribeImportInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeImportOutput, error) {
	return refuse[dynamodb.DescribeImportOutput]("DescribeImport")
}

// DescribeKinesisStreamingDestination is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeKinesisStreamingDestination(ctx context.Context, params *dynamodb.DescribeKinesisStreamingDestinationInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeKinesisStreamingDestinationOutput, error) {
	return refuse[dynamodb.DescribeKinesisStreamingDestinationOutput]("DescribeKinesisStreamingDestination")
}

// DescribeTableReplicaAutoScaling is refused: ddbsim does not support it (see refuse).
func (a *API) DescribeTableReplicaAutoScaling(ctx context.Context, params *dynamodb.DescribeTableReplicaAutoScalingInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeTableReplicaAutoScalingOutput, error) {
	return refuse[dynamodb.DescribeTableReplicaAutoScalingOutput]("DescribeTableReplicaAutoScaling")
}

// DisableKinesisStreamingDestination is refused: ddbsim does not support it (see refuse).
func (a *API) DisableKinesisStreamingDestination(ctx context.Context, params *dynamodb.DisableKinesisStreamingDestinationInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DisableKinesisStreamingDestinationOutput, error) {
	return refuse[dynamodb.DisableKinesisStreamingDestinationOutput]("DisableKinesisStreamingDestination")
}

// EnableKinesisStreamingDestination is refused: ddbsim does not support it (see refuse).
func (a *API) EnableKinesisStreamingDestination(ctx context.Context, params *dynamodb.EnableKinesisStreamingDestinationInput, optFns ...func(*dynamodb.Options)) (*dynamodb.EnableKinesisStreamingDestinationOutput, error) {
	return refuse[dynamodb.EnableKinesisStreamingDestinationOutput]("EnableKinesisStreamingDestination")
}

// ExecuteStatement is refused: ddbsim does not support it (see refuse).
func (a *API) ExecuteStatement(ctx context.Context, params *dynamodb.ExecuteStatementInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ExecuteStatementOutput, error) {
	return refuse[dynamodb.ExecuteStatementOutput]("ExecuteStatement")
}

// ExecuteTransaction is refused: ddbsim does not support it (see refuse).
func (a *API) ExecuteTransaction(ctx context.Context, params *dynamodb.ExecuteTransactionInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ExecuteTransactionOutput, error) {
	return refuse[dynamodb.ExecuteTransactionOutput]("ExecuteTransaction")
}

// ExportTableToPointInTime is refused: ddbsim does not support it (see refuse).
func (a *API) ExportTableToPointInTime(ctx context.Context, params *dynamodb.ExportTableToPointInTimeInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ExportTableToPointInTimeOutput, error) {
	return refuse[dynamodb.ExportTableToPointInTimeOutput]("ExportTableToPointInTime")
}

// GetResourcePolicy is refused: ddbsim does not support it (see refuse).
func (a *API) GetResourcePolicy(ctx context.Context, params *dynamodb.GetResourcePolicyInput, optFns ...func(*dynamodb.Options)) (*dynamodb.GetResourcePolicyOutput, error) {
	return refuse[dynamodb.GetResourcePolicyOutput]("GetResourcePolicy")
}

// ImportTable is refused: ddbsim does not support it (see refuse).
func (a *API) ImportTable(ctx context.Context, params *dynamodb.ImportTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ImportTableOutput, error) {
	return refuse[dynamodb.ImportTableOutput]("ImportTable")
}

// ListBulkOperations is refused: ddbsim does not support it (see refuse).
func (a *API) ListBulkOperations(ctx context.Context, params *dynamodb.ListBulkOperationsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ListBulkOperationsOutput, error) {
	return refuse[dynamodb.ListBulkOperationsOutput]("ListBulkOperations")
}

// PutResourcePolicy is refused: ddbsim does not support it (see refuse).
func (a *API) PutResourcePolicy(ctx context.Context, params *dynamodb.PutResourcePolicyInput, optFns ...func(*dynamodb.Options)) (*dynamodb.PutResourcePolicyOutput, error) {
	return refuse[dynamodb.PutResourcePolicyOutput]("PutResourcePolicy")
}

// RestoreTableFromBackup is refused: ddbsim does not support it (see refuse).
func (a *API) RestoreTableFromBackup(ctx context.Context, params *dynamodb.RestoreTableFromBackupInput, optFns ...func(*dynamodb.Options)) (*dynamodb.RestoreTableFromBackupOutput, error) {
	return refuse[dynamodb.RestoreTableFromBackupOutput]("RestoreTableFromBackup")
}

// RestoreTableToPointInTime is refused: ddbsim does not support it (see refuse).
func (a *API) RestoreTableToPointInTime(ctx context.Context, params *dynamodb.RestoreTableToPointInTimeInput, optFns ...func(*dynamodb.Options)) (*dynamodb.RestoreTableToPointInTimeOutput, error) {
	return refuse[dynamodb.RestoreTableToPointInTimeOutput]("RestoreTableToPointInTime")
}

// SearchVectors is refused: ddbsim does not support it (see refuse).
func (a *API) SearchVectors(ctx context.Context, params *dynamodb.SearchVectorsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.SearchVectorsOutput, error) {
	return refuse[dynamodb.SearchVectorsOutput]("SearchVectors")
}

// StartBulkPutItems is refused: ddbsim does not support it (see refuse).
func (a *API) StartBulkPutItems(ctx context.Context, params *dynamodb.StartBulkPutItemsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.StartBulkPutItemsOutput, error) {
	return refuse[dynamodb.StartBulkPutItemsOutput]("StartBulkPutItems")
}

// UpdateContinuousBackups is refused: ddbsim does not support it (see refuse).
func (a *API) UpdateContinuousBackups(ctx context.Context, params *dynamodb.UpdateContinuousBackupsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateContinuousBackupsOutput, error) {
	return refuse[dynamodb.UpdateContinuousBackupsOutput]("UpdateContinuousBackups")
}

// UpdateContributorInsights is refused: ddbsim does not support it (see refuse).
func (a *API) UpdateContributorInsights(ctx context.Context, params *dynamodb.UpdateContributorInsightsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateContributorInsightsOutput, error) {
	return refuse[dynamodb.UpdateContributorInsightsOutput]("UpdateContributorInsights")
}

// UpdateGlobalTable is refused: ddbsim does not support it (see refuse).
func (a *API) UpdateGlobalTable(ctx context.Context, params *dynamodb.UpdateGlobalTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateGlobalTableOutput, error) {
	return refuse[dynamodb.UpdateGlobalTableOutput]("UpdateGlobalTable")
}

// UpdateGlobalTableSettings is refused: ddbsim does not support it (see refuse).
func (a *API) UpdateGlobalTableSettings(ctx context.Context, params *dynamodb.UpdateGlobalTableSettingsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateGlobalTableSettingsOutput, error) {
	return refuse[dynamodb.UpdateGlobalTableSettingsOutput]("UpdateGlobalTableSettings")
}

// UpdateKinesisStreamingDestination is refused: ddbsim does not support it (see refuse).
func (a *API) UpdateKinesisStreamingDestination(ctx context.Context, params *dynamodb.UpdateKinesisStreamingDestinationInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateKinesisStreamingDestinationOutput, error) {
	return refuse[dynamodb.UpdateKinesisStreamingDestinationOutput]("UpdateKinesisStreamingDestination")
}

// UpdateTableReplicaAutoScaling is refused: ddbsim does not support it (see refuse).
func (a *API) UpdateTableReplicaAutoScaling(ctx context.Context, params *dynamodb.UpdateTableReplicaAutoScalingInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateTableReplicaAutoScalingOutput, error) {
	return refuse[dynamodb.UpdateTableReplicaAutoScalingOutput]("UpdateTableReplicaAutoScaling")
}
