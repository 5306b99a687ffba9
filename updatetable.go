package ddbsim

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// UpdateTableInput is the input of UpdateTable: the table's settings to
// change. Members left zero (nil) are left as they are; at least one must
// be set.
type UpdateTableInput struct {
	TableName string
	// AttributeDefinitions define the key attributes of a GSI created by
	// GlobalSecondaryIndexUpdates (each must be defined here; others are
	// ignored).
	AttributeDefinitions []AttributeDefinition
	// BillingMode switches the table, and its GSIs, between PROVISIONED
	// (which then needs ProvisionedThroughput, for the table and for each
	// GSI through an Update) and PAY_PER_REQUEST.
	BillingMode           BillingMode
	ProvisionedThroughput *ProvisionedThroughput
	// OnDemandThroughput caps a PAY_PER_REQUEST table's request rate;
	// accepted, reported, never enforced.
	OnDemandThroughput *OnDemandThroughput
	// TableClass is STANDARD or STANDARD_INFREQUENT_ACCESS.
	TableClass TableClass
	// DeletionProtectionEnabled, when set, turns deletion protection on
	// or off.
	DeletionProtectionEnabled *bool
	// GlobalSecondaryIndexUpdates create, update (throughput) and delete
	// GSIs: at most one Create or Delete per call, any number of Updates.
	GlobalSecondaryIndexUpdates []GlobalSecondaryIndexUpdate
	// StreamSpecification turns the table's stream on (with a view type)
	// or off; recorded and described, as at CreateTable.
	StreamSpecification *StreamSpecification
	// SSESpecification, WarmThroughput and the global table members
	// (ReplicaUpdates and the like, which have no field here) are not
	// supported by ddbsim yet: UpdateTable refuses a request that sets
	// them.
	SSESpecification *SSESpecification
	WarmThroughput   *WarmThroughput
	// ReplicaUpdates, GlobalTableWitnessUpdates and MultiRegionConsistency
	// (global tables) are not supported by ddbsim: UpdateTable refuses a
	// request that sets them.
	ReplicaUpdates            []any  `json:",omitempty"`
	GlobalTableWitnessUpdates []any  `json:",omitempty"`
	MultiRegionConsistency    string `json:",omitzero"`
}

// GlobalSecondaryIndexUpdate is one change of UpdateTableInput's
// GlobalSecondaryIndexUpdates: exactly one of its members is set.
type GlobalSecondaryIndexUpdate struct {
	Create *CreateGlobalSecondaryIndexAction `json:",omitempty"`
	Update *UpdateGlobalSecondaryIndexAction `json:",omitempty"`
	Delete *DeleteGlobalSecondaryIndexAction `json:",omitempty"`
}

// CreateGlobalSecondaryIndexAction creates a GSI on an existing table,
// with CreateTable's rules for a GSI; its key attributes are defined in
// UpdateTableInput.AttributeDefinitions.
type CreateGlobalSecondaryIndexAction struct {
	IndexName  string
	KeySchema  []KeySchemaElement
	Projection *Projection
	// ProvisionedThroughput is required when the table is PROVISIONED and
	// refused when it is PAY_PER_REQUEST.
	ProvisionedThroughput *ProvisionedThroughput
	OnDemandThroughput    *OnDemandThroughput
	// WarmThroughput is not supported by ddbsim yet.
	WarmThroughput *WarmThroughput
}

// UpdateGlobalSecondaryIndexAction changes a GSI's throughput.
type UpdateGlobalSecondaryIndexAction struct {
	IndexName             string
	ProvisionedThroughput *ProvisionedThroughput
	OnDemandThroughput    *OnDemandThroughput
	// WarmThroughput is not supported by ddbsim yet.
	WarmThroughput *WarmThroughput
}

// DeleteGlobalSecondaryIndexAction deletes a GSI.
type DeleteGlobalSecondaryIndexAction struct {
	IndexName string
}

// AWS's messages of UpdateTable (dynalite's recorded texts, and peers'
// captures where dynalite has none).
const (
	msgNothingToUpdate = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required"
	msgOneIndexChange  = "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table"
	msgIndexExists     = "Attempting to create an index which already exists"
	msgOneOfUpdate     = msgInvalid + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null"
)

// UpdateTable changes a table's settings, and creates, updates and
// deletes its GSIs, with DynamoDB's rules and messages; a refused request
// changes nothing. It returns the table's description as the change
// leaves it: by default ACTIVE, a created GSI ACTIVE and filled from the
// table's items (the call returns once the backfill is done; writes may
// run meanwhile and reach the new index), a deleted one gone; with
// Options.TransientStatuses the table UPDATING and the GSI CREATING or
// DELETING for that long. A missing table or index is a
// ResourceNotFoundException; a table CREATING or UPDATING a
// ResourceInUseException; a second GSI Create or Delete, in the request
// or while one is in progress, a LimitExceededException. Cost: O(indexes)
// under the table's write lock, plus, for a Create, a backfill of O(n log
// n) for the table's n items outside it.
func (db *DB) UpdateTable(ctx context.Context, in UpdateTableInput) (*TableDescription, error) {
	return dispatch(ctx, db, "UpdateTable", in.TableName, func() (*TableDescription, error) {
		if err := checkUpdateTableRequest(&in); err != nil {
			return nil, err
		}
		t, err := db.controlTable(in.TableName)
		if err != nil {
			return nil, err
		}
		ix, err := t.update(&in)
		if err != nil {
			return nil, err
		}
		if ix != nil {
			if err := t.backfill(ix); err != nil {
				return nil, err
			}
		}
		return t.describe(t.status()), nil
	})
}

// checkUpdateTableRequest checks what UpdateTable can judge from the
// request alone: field constraints (reported together), then the shape of
// the GSI updates, then that something is to change, then the members
// ddbsim does not support.
func checkUpdateTableRequest(in *UpdateTableInput) error {
	var c constraints
	attributeDefinitionConstraints(&c, in.AttributeDefinitions)
	c.name(in.TableName, "tableName", 3)
	c.enum(string(in.BillingMode), "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
	throughputConstraints(&c, "provisionedThroughput", in.ProvisionedThroughput)
	for i, u := range in.GlobalSecondaryIndexUpdates {
		path := "globalSecondaryIndexUpdates." + strconv.Itoa(i+1) + ".member."
		if g := u.Create; g != nil {
			c.name(g.IndexName, path+"create.indexName", 3)
			keySchemaConstraints(&c, path+"create.keySchema", g.KeySchema, 0, false)
			projectionConstraints(&c, path+"create.projection", g.Projection)
			throughputConstraints(&c, path+"create.provisionedThroughput", g.ProvisionedThroughput)
		}
		if g := u.Update; g != nil {
			c.name(g.IndexName, path+"update.indexName", 3)
			throughputConstraints(&c, path+"update.provisionedThroughput", g.ProvisionedThroughput)
		}
		if g := u.Delete; g != nil {
			c.name(g.IndexName, path+"delete.indexName", 3)
		}
	}
	c.enum(string(in.TableClass), "tableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS")
	if s := in.StreamSpecification; s != nil {
		c.enum(string(s.StreamViewType), "streamSpecification.streamViewType", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY")
	}
	if err := c.err(); err != nil {
		return err
	}
	online, seen := 0, map[string]bool{}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		name := ""
		switch {
		case u.Create != nil && u.Update == nil && u.Delete == nil:
			name, online = u.Create.IndexName, online+1
		case u.Delete != nil && u.Update == nil && u.Create == nil:
			name, online = u.Delete.IndexName, online+1
		case u.Update != nil && u.Create == nil && u.Delete == nil:
			name = u.Update.IndexName
		default:
			return validationError(msgOneOfUpdate)
		}
		if seen[name] {
			return validationError(msgInvalid + "Only one global secondary index update per index is allowed simultaneously. Index: " + name)
		}
		seen[name] = true
	}
	if online > 1 {
		return &Error{Code: CodeLimitExceeded, Message: msgOneIndexChange}
	}
	if in.BillingMode == "" && in.ProvisionedThroughput == nil && in.OnDemandThroughput == nil && in.TableClass == "" &&
		in.DeletionProtectionEnabled == nil && len(in.GlobalSecondaryIndexUpdates) == 0 && in.StreamSpecification == nil &&
		in.SSESpecification == nil && in.WarmThroughput == nil && in.ReplicaUpdates == nil {
		return validationError(msgNothingToUpdate)
	}
	switch {
	case in.SSESpecification != nil:
		return errUnsupported("SSESpecification")
	case in.WarmThroughput != nil:
		return errUnsupported("WarmThroughput")
	case in.ReplicaUpdates != nil:
		return errUnsupported("ReplicaUpdates")
	case in.GlobalTableWitnessUpdates != nil:
		return errUnsupported("GlobalTableWitnessUpdates")
	case in.MultiRegionConsistency != "":
		return errUnsupported("MultiRegionConsistency")
	}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if u.Create != nil && u.Create.WarmThroughput != nil || u.Update != nil && u.Update.WarmThroughput != nil {
			return errUnsupported("WarmThroughput")
		}
	}
	return nil
}

// update applies in to the table, under its write lock, once the table's
// state allows it: it publishes the table's new settings, and returns the
// GSI to backfill (published CREATING) if in creates one.
func (t *table) update(in *UpdateTableInput) (*index, error) {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	if t.dropped {
		return nil, &Error{Code: CodeResourceNotFound, Message: msgNotFound + ": Table: " + t.name + " not found"}
	}
	now := t.db.Now()
	m := t.meta()
	if err := m.errInUse(t.name, now); err != nil {
		return nil, err
	}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if (u.Create != nil || u.Delete != nil) && m.changingIndex(now) {
			return nil, &Error{Code: CodeLimitExceeded, Message: msgOneIndexChange}
		}
	}
	next := m.clone()
	created, err := next.apply(in, t, now)
	if err != nil {
		return nil, err
	}
	if until := t.db.holdUntil(now, 1); !until.IsZero() {
		next.status, next.until = TableStatusUpdating, until
	}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if u.Delete != nil {
			ix := m.index(u.Delete.IndexName)
			t.detachGSI(ix)
			if until := t.db.holdUntil(now, 2); !until.IsZero() {
				next.dropping = append(next.dropping, droppingIndex{desc: describeGSI(m, ix.name, t.arn), until: until})
			}
		}
	}
	if created != nil {
		created.activeAt = t.db.holdUntil(now, 2)
		t.startBackfill(created)
		next.building = created
	}
	next.computeStored()
	t.setMeta(next)
	t.appendRecord(&record{seq: t.db.seq.Add(1), table: t.num, kind: recordUpdated, origin: originUser})
	return created, nil
}

// describeGSI returns the description of m's GSI of that name.
func describeGSI(m *tableMeta, name, tableARN string) GlobalSecondaryIndexDescription {
	var d TableDescription
	describeIndexes(&d, &m.input, tableARN)
	for _, g := range d.GlobalSecondaryIndexes {
		if g.IndexName == name {
			return g
		}
	}
	return GlobalSecondaryIndexDescription{}
}

// apply makes the changes of in to m, a clone of t's meta in force at
// now, checking DynamoDB's rules against the table as it is; it returns
// the GSI to create, if any (not yet in m.indexes' readers). An error
// leaves t as it is (m is dropped).
func (m *tableMeta) apply(in *UpdateTableInput, t *table, now time.Time) (*index, error) {
	was := m.input.BillingMode
	if was == "" {
		was = BillingModeProvisioned
	}
	mode := was
	if in.BillingMode != "" {
		mode = in.BillingMode
	}
	ppr := mode == BillingModePayPerRequest
	if err := m.applyThroughput(in, was, mode); err != nil {
		return nil, err
	}
	if err := checkOnDemand(in.OnDemandThroughput, ppr, ""); err != nil {
		return nil, err
	}
	if in.OnDemandThroughput != nil {
		m.input.OnDemandThroughput = cloneOnDemand(in.OnDemandThroughput)
	}
	if ppr && was != BillingModePayPerRequest {
		m.payPerRequestAt = now.UTC()
	}
	if in.BillingMode != "" {
		m.input.BillingMode = in.BillingMode
	}
	if err := m.applyIndexThroughput(in, ppr); err != nil {
		return nil, err
	}
	check := CreateTableInput{TableClass: in.TableClass, StreamSpecification: in.StreamSpecification}
	if err := checkSettings(&check); err != nil {
		return nil, err
	}
	if in.TableClass != "" {
		m.input.TableClass = in.TableClass
	}
	if s := in.StreamSpecification; s != nil {
		if s.StreamEnabled && m.input.StreamSpecification != nil && m.input.StreamSpecification.StreamEnabled {
			return nil, validationError("Table already has an enabled stream: TableName: " + t.name)
		}
		m.input.StreamSpecification = clonePtr(s)
		if s.StreamEnabled {
			m.streamAt = now.UTC()
		}
	}
	if in.DeletionProtectionEnabled != nil {
		m.input.DeletionProtectionEnabled = *in.DeletionProtectionEnabled
	}
	var created *index
	for _, u := range in.GlobalSecondaryIndexUpdates {
		switch {
		case u.Create != nil:
			ix, err := m.createIndex(in, u.Create, t, ppr)
			if err != nil {
				return nil, err
			}
			created = ix
		case u.Delete != nil:
			if err := m.deleteIndex(u.Delete.IndexName); err != nil {
				return nil, err
			}
		}
	}
	return created, nil
}

// applyThroughput applies the table's billing mode and
// ProvisionedThroughput from in, switching from was to mode.
func (m *tableMeta) applyThroughput(in *UpdateTableInput, was, mode BillingMode) error {
	pt := in.ProvisionedThroughput
	switch {
	case mode == BillingModePayPerRequest && pt != nil:
		return validationError(msgInvalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
	case mode == BillingModePayPerRequest:
		m.input.ProvisionedThroughput = nil
		return nil
	case was == BillingModePayPerRequest && pt == nil:
		return validationError(msgInvalid + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED")
	case pt == nil:
		return nil
	}
	if err := checkThroughputBounds(pt); err != nil {
		return err
	}
	if cur := m.input.ProvisionedThroughput; cur != nil && *cur == *pt && len(in.GlobalSecondaryIndexUpdates) == 0 {
		r, w := strconv.FormatInt(pt.ReadCapacityUnits, 10), strconv.FormatInt(pt.WriteCapacityUnits, 10)
		return validationError("The provisioned throughput for the table will not change. The requested value equals the current value. " +
			"Current ReadCapacityUnits provisioned for the table: " + r + ". Requested ReadCapacityUnits: " + r + ". " +
			"Current WriteCapacityUnits provisioned for the table: " + w + ". Requested WriteCapacityUnits: " + w + ". " +
			"Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.")
	}
	m.input.ProvisionedThroughput = clonePtr(pt)
	return nil
}

// applyIndexThroughput applies the GSI Updates of in, and the billing
// mode's rules to every GSI the table keeps: a switch to PAY_PER_REQUEST
// drops their throughput, a switch to PROVISIONED needs an Update giving
// each one.
func (m *tableMeta) applyIndexThroughput(in *UpdateTableInput, ppr bool) error {
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if u.Update == nil {
			continue
		}
		i := m.gsiAt(u.Update.IndexName)
		if i < 0 {
			return errIndexNotFound(u.Update.IndexName)
		}
		g := &m.input.GlobalSecondaryIndexes[i]
		switch {
		case ppr && u.Update.ProvisionedThroughput != nil:
			return validationError(msgInvalid + "ProvisionedThroughput should not be specified for index: " + g.IndexName + " when BillingMode is PAY_PER_REQUEST")
		case !ppr && u.Update.ProvisionedThroughput == nil && u.Update.OnDemandThroughput == nil:
			return validationError(msgInvalid + "ProvisionedThroughput is not specified for index: " + g.IndexName)
		}
		if err := checkOnDemand(u.Update.OnDemandThroughput, ppr, g.IndexName); err != nil {
			return err
		}
		if u.Update.ProvisionedThroughput != nil {
			g.ProvisionedThroughput = clonePtr(u.Update.ProvisionedThroughput)
		}
		if u.Update.OnDemandThroughput != nil {
			g.OnDemandThroughput = cloneOnDemand(u.Update.OnDemandThroughput)
		}
	}
	var missing []string
	for i := range m.input.GlobalSecondaryIndexes {
		g := &m.input.GlobalSecondaryIndexes[i]
		if ppr {
			g.ProvisionedThroughput = nil
		} else if g.ProvisionedThroughput == nil && !deleted(in, g.IndexName) {
			missing = append(missing, g.IndexName)
		}
	}
	if len(missing) > 0 {
		return validationError(msgInvalid + "ProvisionedThroughput must be specified for index: " + strings.Join(missing, ","))
	}
	return nil
}

// deleted reports whether in deletes the GSI of that name.
func deleted(in *UpdateTableInput, name string) bool {
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if u.Delete != nil && u.Delete.IndexName == name {
			return true
		}
	}
	return false
}

// gsiAt returns the place of the GSI of that name in m's input, or -1.
func (m *tableMeta) gsiAt(name string) int {
	for i, g := range m.input.GlobalSecondaryIndexes {
		if g.IndexName == name {
			return i
		}
	}
	return -1
}

func errIndexNotFound(name string) error {
	return &Error{Code: CodeResourceNotFound, Message: msgNotFound + ": Index: " + name + " not found"}
}

// createIndex validates the GSI Create g of in against m, with
// CreateTable's rules for a GSI (one rule: indexValidator), and adds the
// index to m, its key attributes to m's AttributeDefinitions.
func (m *tableMeta) createIndex(in *UpdateTableInput, g *CreateGlobalSecondaryIndexAction, t *table, ppr bool) (*index, error) {
	if m.index(g.IndexName) != nil {
		return nil, validationError(msgIndexExists)
	}
	defined := definitionNames(in.AttributeDefinitions)
	var missing []string
	for _, k := range g.KeySchema {
		if !slices.Contains(defined, k.AttributeName) {
			missing = append(missing, k.AttributeName)
		}
	}
	if len(missing) > 0 {
		return nil, validationError(msgInvalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: " +
			javaList(missing) + ", AttributeDefinitions: " + javaList(defined))
	}
	types, err := attributeTypes(in.AttributeDefinitions)
	if err != nil {
		return nil, err
	}
	v := indexValidator{types: types, names: map[string]bool{}}
	for _, ix := range m.indexes {
		v.nonKey += len(ix.nonKey)
	}
	schemas, err := v.globals([]GlobalSecondaryIndex{{IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection,
		ProvisionedThroughput: g.ProvisionedThroughput, OnDemandThroughput: g.OnDemandThroughput}}, ppr)
	if err != nil {
		return nil, err
	}
	if err := checkIndexCounts(len(m.input.GlobalSecondaryIndexes)+1, v.nonKey); err != nil {
		return nil, err
	}
	ix := newIndex(schemas[0], t.schema, t.arn)
	gsis := len(m.input.GlobalSecondaryIndexes)
	m.indexes = slices.Insert(m.indexes, gsis, ix)
	m.input.GlobalSecondaryIndexes = append(m.input.GlobalSecondaryIndexes, GlobalSecondaryIndex{IndexName: g.IndexName,
		KeySchema: slices.Clone(g.KeySchema), Projection: cloneProjection(g.Projection),
		ProvisionedThroughput: clonePtr(g.ProvisionedThroughput), OnDemandThroughput: cloneOnDemand(g.OnDemandThroughput)})
	for _, k := range g.KeySchema {
		if !slices.Contains(definitionNames(m.input.AttributeDefinitions), k.AttributeName) {
			m.input.AttributeDefinitions = append(m.input.AttributeDefinitions, AttributeDefinition{AttributeName: k.AttributeName, AttributeType: types[k.AttributeName]})
		}
	}
	return ix, nil
}

// deleteIndex removes the GSI of that name from m, and the attribute
// definitions no key schema uses any more.
func (m *tableMeta) deleteIndex(name string) error {
	i := m.gsiAt(name)
	if i < 0 {
		if ix := m.index(name); ix != nil {
			return validationError("Cannot delete an index that is not a GlobalSecondaryIndex: " + name)
		}
		return errIndexNotFound(name)
	}
	m.input.GlobalSecondaryIndexes = slices.Delete(m.input.GlobalSecondaryIndexes, i, i+1)
	if len(m.input.GlobalSecondaryIndexes) == 0 {
		m.input.GlobalSecondaryIndexes = nil
	}
	m.indexes = slices.DeleteFunc(m.indexes, func(ix *index) bool { return ix.name == name })
	used := definitionNames(nil)
	for _, ks := range m.keySchemas() {
		for _, k := range ks {
			used = append(used, k.AttributeName)
		}
	}
	m.input.AttributeDefinitions = slices.DeleteFunc(m.input.AttributeDefinitions, func(d AttributeDefinition) bool {
		return !slices.Contains(used, d.AttributeName)
	})
	return nil
}

// keySchemas returns the key schemas of the table and of its indexes.
func (m *tableMeta) keySchemas() [][]KeySchemaElement {
	out := [][]KeySchemaElement{m.input.KeySchema}
	for _, g := range m.input.GlobalSecondaryIndexes {
		out = append(out, g.KeySchema)
	}
	for _, l := range m.input.LocalSecondaryIndexes {
		out = append(out, l.KeySchema)
	}
	return out
}
