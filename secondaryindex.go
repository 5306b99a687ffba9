package ddbsim

import (
	"slices"
	"time"
)

// ProjectionType is which attributes a secondary index copies from the
// table: KEYS_ONLY, INCLUDE (the keys plus NonKeyAttributes) or ALL.
type ProjectionType string

// Projection types.
const (
	ProjectionTypeKeysOnly ProjectionType = "KEYS_ONLY"
	ProjectionTypeInclude  ProjectionType = "INCLUDE"
	ProjectionTypeAll      ProjectionType = "ALL"
)

// Projection is the attributes a secondary index holds besides the table's
// and the index's key attributes, which every index holds.
type Projection struct {
	// ProjectionType is required.
	ProjectionType ProjectionType
	// NonKeyAttributes are the attributes an INCLUDE index copies (1 to 20
	// per index, at most 100 over all the table's indexes); set only with
	// INCLUDE.
	NonKeyAttributes []string `json:",omitempty"`
}

// GlobalSecondaryIndex is an index of CreateTableInput.GlobalSecondaryIndexes:
// its own partition key (up to 4 HASH attributes) and optional sort key
// (up to 4 RANGE attributes), over the whole table.
type GlobalSecondaryIndex struct {
	// IndexName is 3 to 255 characters of [a-zA-Z0-9_.-], unique among the
	// table's indexes.
	IndexName string
	// KeySchema lists the HASH attributes, then the RANGE attributes, each
	// defined in AttributeDefinitions.
	KeySchema  []KeySchemaElement
	Projection *Projection
	// ProvisionedThroughput is required when the table is PROVISIONED and
	// refused when it is PAY_PER_REQUEST.
	ProvisionedThroughput *ProvisionedThroughput
	// OnDemandThroughput caps a PAY_PER_REQUEST index's request rate;
	// accepted, reported, never enforced.
	OnDemandThroughput *OnDemandThroughput
	// WarmThroughput is not supported by ddbsim yet.
	WarmThroughput *WarmThroughput
}

// LocalSecondaryIndex is an index of CreateTableInput.LocalSecondaryIndexes:
// the table's partition key with another sort key. Only a table with a
// sort key can have one.
type LocalSecondaryIndex struct {
	// IndexName is 3 to 255 characters of [a-zA-Z0-9_.-], unique among the
	// table's indexes.
	IndexName string
	// KeySchema is the table's HASH attribute and one RANGE attribute.
	KeySchema  []KeySchemaElement
	Projection *Projection
}

// IndexStatus is the state of a global secondary index: ACTIVE; CREATING
// while UpdateTable backfills it, or longer when Options.TransientStatuses
// holds it; DELETING after UpdateTable deleted it, only under
// Options.TransientStatuses.
type IndexStatus string

// Index statuses.
const (
	IndexStatusActive   IndexStatus = "ACTIVE"
	IndexStatusCreating IndexStatus = "CREATING"
	IndexStatusDeleting IndexStatus = "DELETING"
)

// GlobalSecondaryIndexDescription describes a global secondary index, as
// DescribeTable returns it.
type GlobalSecondaryIndexDescription struct {
	IndexName   string
	KeySchema   []KeySchemaElement
	Projection  *Projection
	IndexStatus IndexStatus
	// Backfilling is true while a GSI that UpdateTable created is
	// CREATING: reads of it are refused until it is ACTIVE.
	Backfilling bool `json:",omitzero"`
	// IndexSizeBytes and ItemCount are live, as the table's are.
	IndexSizeBytes int64
	ItemCount      int64
	// IndexArn is the table's ARN followed by "/index/" and the name.
	IndexArn string
	// ProvisionedThroughput is always set; zero units for PAY_PER_REQUEST.
	ProvisionedThroughput *ProvisionedThroughputDescription
	// OnDemandThroughput is set when the index was created with one.
	OnDemandThroughput *OnDemandThroughput `json:",omitzero"`
}

// LocalSecondaryIndexDescription describes a local secondary index, as
// DescribeTable returns it.
type LocalSecondaryIndexDescription struct {
	IndexName  string
	KeySchema  []KeySchemaElement
	Projection *Projection
	// IndexSizeBytes and ItemCount are live, as the table's are.
	IndexSizeBytes int64
	ItemCount      int64
	// IndexArn is the table's ARN followed by "/index/" and the name.
	IndexArn string
}

// describeIndexes sets the index descriptions of d, for a table created
// from in whose ARN is tableARN. IndexSizeBytes and ItemCount are left at
// 0 for index storage to fill in.
func describeIndexes(d *TableDescription, in *CreateTableInput, tableARN string) {
	for _, g := range in.GlobalSecondaryIndexes {
		pt := &ProvisionedThroughputDescription{}
		if g.ProvisionedThroughput != nil {
			pt.ReadCapacityUnits, pt.WriteCapacityUnits = g.ProvisionedThroughput.ReadCapacityUnits, g.ProvisionedThroughput.WriteCapacityUnits
		}
		d.GlobalSecondaryIndexes = append(d.GlobalSecondaryIndexes, GlobalSecondaryIndexDescription{
			IndexName: g.IndexName, KeySchema: slices.Clone(g.KeySchema), Projection: cloneProjection(g.Projection),
			IndexStatus: IndexStatusActive, IndexArn: tableARN + "/index/" + g.IndexName,
			ProvisionedThroughput: pt, OnDemandThroughput: cloneOnDemand(g.OnDemandThroughput),
		})
	}
	for _, l := range in.LocalSecondaryIndexes {
		d.LocalSecondaryIndexes = append(d.LocalSecondaryIndexes, LocalSecondaryIndexDescription{
			IndexName: l.IndexName, KeySchema: slices.Clone(l.KeySchema), Projection: cloneProjection(l.Projection),
			IndexArn: tableARN + "/index/" + l.IndexName,
		})
	}
}

// describeIndexStatuses sets the status of each GSI description of d as
// it is at now, and adds the GSIs being deleted, DELETING.
func (m *tableMeta) describeIndexStatuses(d *TableDescription, now time.Time) {
	for i := range d.GlobalSecondaryIndexes {
		g := &d.GlobalSecondaryIndexes[i]
		if ix := m.index(g.IndexName); ix != nil && ix.creating(now) {
			g.IndexStatus, g.Backfilling = IndexStatusCreating, true
		}
	}
	for _, x := range m.dropping {
		if now.Before(x.until) {
			g := x.desc
			g.KeySchema, g.Projection = slices.Clone(g.KeySchema), cloneProjection(g.Projection)
			g.ProvisionedThroughput = clonePtr(g.ProvisionedThroughput)
			g.IndexStatus = IndexStatusDeleting
			d.GlobalSecondaryIndexes = append(d.GlobalSecondaryIndexes, g)
		}
	}
}
