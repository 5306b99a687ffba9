package ddbsim

import (
	"context"
	"errors"
)

// ddbsim takes no backups, keeps no global tables, exports, imports or
// contributor insights: the operations that only describe or list those
// answer truthfully that there are none, so code that checks them (a
// deployment tool reading a new table's backup settings) runs unchanged.
// The operations that would create or change them are refused by name
// (see CheckOperation).

// DescribeContinuousBackupsInput is the input of DescribeContinuousBackups.
type DescribeContinuousBackupsInput struct {
	TableName string
}

// DescribeContinuousBackupsOutput describes a table's backup settings.
type DescribeContinuousBackupsOutput struct {
	ContinuousBackupsDescription ContinuousBackupsDescription
}

// ContinuousBackupsDescription is a table's backup settings.
type ContinuousBackupsDescription struct {
	// ContinuousBackupsStatus is ENABLED, as on every DynamoDB table.
	ContinuousBackupsStatus        string
	PointInTimeRecoveryDescription PointInTimeRecoveryDescription
}

// PointInTimeRecoveryDescription says whether point-in-time recovery is on.
type PointInTimeRecoveryDescription struct {
	// PointInTimeRecoveryStatus is DISABLED: ddbsim cannot restore.
	PointInTimeRecoveryStatus string
}

// DescribeContinuousBackups describes a table's backups as DynamoDB does
// for a new table: continuous backups ENABLED, point-in-time recovery
// DISABLED. A missing table is a TableNotFoundException. Cost: O(1).
func (db *DB) DescribeContinuousBackups(ctx context.Context, in DescribeContinuousBackupsInput) (*DescribeContinuousBackupsOutput, error) {
	return dispatch(ctx, db, "DescribeContinuousBackups", in.TableName, func() (*DescribeContinuousBackupsOutput, error) {
		if _, err := db.controlTable(in.TableName); err != nil {
			if errors.Is(err, ErrResourceNotFound) {
				return nil, &Error{Code: CodeTableNotFound, Message: "Table not found: " + in.TableName}
			}
			return nil, err
		}
		return &DescribeContinuousBackupsOutput{ContinuousBackupsDescription: ContinuousBackupsDescription{
			ContinuousBackupsStatus:        "ENABLED",
			PointInTimeRecoveryDescription: PointInTimeRecoveryDescription{PointInTimeRecoveryStatus: "DISABLED"},
		}}, nil
	})
}

// CodeTableNotFound is the error type the backup operations give for a
// missing table.
const CodeTableNotFound = "TableNotFoundException"

// ListBackupsInput is the input of ListBackups; every filter is accepted.
type ListBackupsInput struct {
	TableName string
	Limit     *int32
}

// ListBackupsOutput lists backups: always none.
type ListBackupsOutput struct {
	BackupSummaries []struct{}
}

// ListBackups lists the backups taken: none. Cost: O(1).
func (db *DB) ListBackups(ctx context.Context, in ListBackupsInput) (*ListBackupsOutput, error) {
	return dispatch(ctx, db, "ListBackups", in.TableName, func() (*ListBackupsOutput, error) {
		return &ListBackupsOutput{BackupSummaries: []struct{}{}}, nil
	})
}

// ListGlobalTablesInput is the input of ListGlobalTables.
type ListGlobalTablesInput struct {
	RegionName string
	Limit      *int32
}

// ListGlobalTablesOutput lists global tables: always none.
type ListGlobalTablesOutput struct {
	GlobalTables []struct{}
}

// ListGlobalTables lists the global tables: none. Cost: O(1).
func (db *DB) ListGlobalTables(ctx context.Context, in ListGlobalTablesInput) (*ListGlobalTablesOutput, error) {
	return dispatch(ctx, db, "ListGlobalTables", "", func() (*ListGlobalTablesOutput, error) {
		return &ListGlobalTablesOutput{GlobalTables: []struct{}{}}, nil
	})
}

// ListExportsInput is the input of ListExports.
type ListExportsInput struct {
	TableArn string
}

// ListExportsOutput lists exports: always none.
type ListExportsOutput struct {
	ExportSummaries []struct{}
}

// ListExports lists the exports to S3: none. Cost: O(1).
func (db *DB) ListExports(ctx context.Context, in ListExportsInput) (*ListExportsOutput, error) {
	return dispatch(ctx, db, "ListExports", in.TableArn, func() (*ListExportsOutput, error) {
		return &ListExportsOutput{ExportSummaries: []struct{}{}}, nil
	})
}

// ListImportsInput is the input of ListImports.
type ListImportsInput struct {
	TableArn string
}

// ListImportsOutput lists imports: always none.
type ListImportsOutput struct {
	ImportSummaryList []struct{}
}

// ListImports lists the imports from S3: none. Cost: O(1).
func (db *DB) ListImports(ctx context.Context, in ListImportsInput) (*ListImportsOutput, error) {
	return dispatch(ctx, db, "ListImports", in.TableArn, func() (*ListImportsOutput, error) {
		return &ListImportsOutput{ImportSummaryList: []struct{}{}}, nil
	})
}

// ListContributorInsightsInput is the input of ListContributorInsights.
type ListContributorInsightsInput struct {
	TableName string
}

// ListContributorInsightsOutput lists contributor insights: always none.
type ListContributorInsightsOutput struct {
	ContributorInsightsSummaries []struct{}
}

// ListContributorInsights lists contributor insights rules: none (ddbsim
// has none to enable). Cost: O(1).
func (db *DB) ListContributorInsights(ctx context.Context, in ListContributorInsightsInput) (*ListContributorInsightsOutput, error) {
	return dispatch(ctx, db, "ListContributorInsights", in.TableName, func() (*ListContributorInsightsOutput, error) {
		return &ListContributorInsightsOutput{ContributorInsightsSummaries: []struct{}{}}, nil
	})
}
