package ddbaws

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// consumedCapacity converts the capacity an operation reports; nil (not
// asked for) stays nil.
func consumedCapacity(c *ddbsim.ConsumedCapacity) *types.ConsumedCapacity {
	if c == nil {
		return nil
	}
	out := &types.ConsumedCapacity{
		TableName:              aws.String(c.TableName),
		CapacityUnits:          aws.Float64(c.CapacityUnits),
		GlobalSecondaryIndexes: mapValues(c.GlobalSecondaryIndexes, capacity),
		LocalSecondaryIndexes:  mapValues(c.LocalSecondaryIndexes, capacity),
	}
	if c.Table != nil {
		table := capacity(*c.Table)
		out.Table = &table
	}
	return out
}

// capacity converts the capacity spent on one table or index.
func capacity(c ddbsim.Capacity) types.Capacity {
	return types.Capacity{CapacityUnits: aws.Float64(c.CapacityUnits)}
}

// consumedCapacities converts the per-table capacity a batch operation
// reports; nil (not asked for) stays nil.
func consumedCapacities(list []ddbsim.ConsumedCapacity) []types.ConsumedCapacity {
	return mapSlice(list, func(c ddbsim.ConsumedCapacity) types.ConsumedCapacity { return *consumedCapacity(&c) })
}

// itemCollectionMetrics converts a write's item collection metrics (nil:
// none).
func itemCollectionMetrics(m *ddbsim.ItemCollectionMetrics) *types.ItemCollectionMetrics {
	if m == nil {
		return nil
	}
	return &types.ItemCollectionMetrics{ItemCollectionKey: FromItem(m.ItemCollectionKey), SizeEstimateRangeGB: slices.Clone(m.SizeEstimateRangeGB)}
}

// itemCollectionMetricsByTable converts a batch's or a transaction's item
// collection metrics, by table (nil: none).
func itemCollectionMetricsByTable(byTable map[string][]ddbsim.ItemCollectionMetrics) map[string][]types.ItemCollectionMetrics {
	return mapValues(byTable, func(ms []ddbsim.ItemCollectionMetrics) []types.ItemCollectionMetrics {
		return mapSlice(ms, func(m ddbsim.ItemCollectionMetrics) types.ItemCollectionMetrics { return *itemCollectionMetrics(&m) })
	})
}
