package ddbsim

import "context"

// DescribeLimitsInput is the (empty) input of DescribeLimits.
type DescribeLimitsInput struct{}

// DescribeLimitsOutput gives the provisioned-capacity quotas of the
// account in its region.
type DescribeLimitsOutput struct {
	AccountMaxReadCapacityUnits  int64
	AccountMaxWriteCapacityUnits int64
	TableMaxReadCapacityUnits    int64
	TableMaxWriteCapacityUnits   int64
}

// DescribeLimits returns DynamoDB's default quotas: 80,000 read and
// 80,000 write capacity units for the account, 40,000 of each for one
// table. ddbsim reports them and enforces none. Cost: O(1).
func (db *DB) DescribeLimits(ctx context.Context, in DescribeLimitsInput) (*DescribeLimitsOutput, error) {
	return dispatch(ctx, db, "DescribeLimits", "", func() (*DescribeLimitsOutput, error) {
		return &DescribeLimitsOutput{
			AccountMaxReadCapacityUnits:  80000,
			AccountMaxWriteCapacityUnits: 80000,
			TableMaxReadCapacityUnits:    40000,
			TableMaxWriteCapacityUnits:   40000,
		}, nil
	})
}
