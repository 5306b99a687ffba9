package ddbsim

import (
	"slices"
	"strconv"
)

// indexKind tells a global secondary index from a local one.
type indexKind uint8

// Index kinds.
const (
	globalIndex indexKind = iota + 1
	localIndex
)

// indexSchema is a secondary index as CreateTable validated it: what
// index storage needs to place an item in the index and to project it.
type indexSchema struct {
	name string
	kind indexKind
	// hash holds the partition-key attributes in key-schema order: 1 to 4
	// for a GSI (multi-attribute keys), the table's one for an LSI.
	hash []keyAttr
	// sort holds the sort-key attributes in key-schema order: 0 to 4 for
	// a GSI, exactly 1 for an LSI.
	sort []keyAttr
	// projection is KEYS_ONLY, INCLUDE or ALL.
	projection ProjectionType
	// nonKey holds INCLUDE's NonKeyAttributes, sorted; nil otherwise.
	nonKey []string
}

// projectsNonKey reports whether the index stores the attribute name of
// an item that is not a key attribute of the table or the index (those
// it always stores).
func (ix *indexSchema) projectsNonKey(name string) bool {
	switch ix.projection {
	case ProjectionTypeAll:
		return true
	case ProjectionTypeInclude:
		_, ok := slices.BinarySearch(ix.nonKey, name)
		return ok
	}
	return false
}

// DynamoDB's limits on secondary indexes.
const (
	maxGSIs             = 20
	maxLSIs             = 5
	maxIndexKeyAttrs    = 4   // HASH attributes, and RANGE attributes, of a GSI
	maxNonKeyPerIndex   = 20  // NonKeyAttributes of one projection
	maxNonKeyAllIndexes = 100 // NonKeyAttributes over all indexes
)

// indexConstraints adds the field constraints of the request's indexes
// to c: GSIs before LSIs, as DynamoDB lists them whatever the request's
// order (recorded responses, 2026).
func indexConstraints(c *constraints, in *CreateTableInput) {
	for i, g := range in.GlobalSecondaryIndexes {
		path := "globalSecondaryIndexes." + strconv.Itoa(i+1) + ".member."
		c.name(g.IndexName, path+"indexName", 3)
		keySchemaConstraints(c, path+"keySchema", g.KeySchema, 0, false)
		projectionConstraints(c, path+"projection", g.Projection)
		throughputConstraints(c, path+"provisionedThroughput", g.ProvisionedThroughput)
	}
	for i, l := range in.LocalSecondaryIndexes {
		path := "localSecondaryIndexes." + strconv.Itoa(i+1) + ".member."
		c.name(l.IndexName, path+"indexName", 3)
		keySchemaConstraints(c, path+"keySchema", l.KeySchema, 2, false)
		projectionConstraints(c, path+"projection", l.Projection)
	}
}

// projectionConstraints checks an index's Projection at path: required,
// a known ProjectionType, 1 to 20 NonKeyAttributes when given.
func projectionConstraints(c *constraints, path string, p *Projection) {
	if p == nil {
		c.fail(nil, path, "Member must not be null")
		return
	}
	c.enum(string(p.ProjectionType), path+".projectionType", "ALL", "INCLUDE", "KEYS_ONLY")
	switch n := len(p.NonKeyAttributes); {
	case p.NonKeyAttributes == nil:
	case n < 1:
		c.fail(ptr("[]"), path+".nonKeyAttributes", "Member must have length greater than or equal to 1")
	case n > maxNonKeyPerIndex:
		c.fail(ptr(javaList(p.NonKeyAttributes)), path+".nonKeyAttributes", "Member must have length less than or equal to "+strconv.Itoa(maxNonKeyPerIndex))
	}
}

// validateIndexes applies the rules between the members of the request's
// secondary indexes, the table's key schema ks and the attribute types,
// and returns the indexes' schemas: GSIs, then LSIs, each in request
// order. The order of the checks is dynalite's (LSIs before GSIs),
// except that the attribute definitions are checked against every key
// schema first, as DynamoDB does (recorded responses, 2026).
func validateIndexes(in *CreateTableInput, ks keySchema, types map[string]ScalarAttributeType) ([]indexSchema, error) {
	if in.GlobalSecondaryIndexes == nil && in.LocalSecondaryIndexes == nil {
		return nil, nil
	}
	if in.GlobalSecondaryIndexes != nil && len(in.GlobalSecondaryIndexes) == 0 {
		return nil, validationError(msgInvalid + "List of GlobalSecondaryIndexes is empty")
	}
	if in.LocalSecondaryIndexes != nil && len(in.LocalSecondaryIndexes) == 0 {
		return nil, validationError(msgInvalid + "List of LocalSecondaryIndexes is empty")
	}
	if err := checkDefinitionsUsed(in); err != nil {
		return nil, err
	}
	v := indexValidator{types: types, names: map[string]bool{}}
	lsis, err := v.locals(in.LocalSecondaryIndexes, ks)
	if err != nil {
		return nil, err
	}
	gsis, err := v.globals(in.GlobalSecondaryIndexes, in.BillingMode == BillingModePayPerRequest)
	if err != nil {
		return nil, err
	}
	if err := checkIndexCounts(len(gsis), v.nonKey); err != nil {
		return nil, err
	}
	return append(gsis, lsis...), nil
}

// checkIndexCounts applies the limits over all of a table's indexes: at
// most 20 GSIs, at most 100 NonKeyAttributes.
func checkIndexCounts(gsis, nonKey int) error {
	if gsis > maxGSIs {
		return validationError(msgInvalid + "GlobalSecondaryIndex count exceeds the per-table limit of " + strconv.Itoa(maxGSIs))
	}
	if nonKey > maxNonKeyAllIndexes {
		// Text from a linter quoting DynamoDB; unverified against a response.
		return validationError(msgInvalid + "Number of projected attributes in all indexes exceeds limit of 100")
	}
	return nil
}

// checkDefinitionsUsed requires the attribute definitions to be exactly
// the attributes of the table's and the indexes' key schemas, with
// DynamoDB's texts: which one it gives depends on whether more or fewer
// attributes are defined than used (moto's decision table, agreeing with
// every recorded response). "keys used" lists the key attributes in the
// order of first use, table first, then GSIs, then LSIs; DynamoDB's
// order (a Java set's) is unspecified.
func checkDefinitionsUsed(in *CreateTableInput) error {
	defined := definitionNames(in.AttributeDefinitions)
	var used []string
	use := func(ks []KeySchemaElement) {
		for _, k := range ks {
			if !slices.Contains(used, k.AttributeName) {
				used = append(used, k.AttributeName)
			}
		}
	}
	use(in.KeySchema)
	for _, g := range in.GlobalSecondaryIndexes {
		use(g.KeySchema)
	}
	for _, l := range in.LocalSecondaryIndexes {
		use(l.KeySchema)
	}
	var missing []string
	for _, u := range used {
		if !slices.Contains(defined, u) {
			missing = append(missing, u)
		}
	}
	switch {
	case len(defined) > len(used): // some definition is unused
		return validationError(msgInvalid + "Some AttributeDefinitions are not used. AttributeDefinitions: " + javaList(defined) + ", keys used: " + javaList(used))
	case len(missing) > 0:
		return validationError(msgInvalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: " + javaList(missing) + ", AttributeDefinitions: " + javaList(defined))
	}
	return nil
}

// indexValidator carries what the index rules share across indexes: the
// attribute types, the names taken so far and the count of NonKeyAttributes.
type indexValidator struct {
	types  map[string]ScalarAttributeType
	names  map[string]bool
	nonKey int
}

// locals validates the LSIs of a table whose key schema is table.
func (v *indexValidator) locals(lsis []LocalSecondaryIndex, table keySchema) ([]indexSchema, error) {
	if lsis == nil {
		return nil, nil
	}
	if !table.hasSort() {
		return nil, validationError(msgInvalid + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
	}
	out := make([]indexSchema, 0, len(lsis))
	for _, l := range lsis {
		ks := l.KeySchema
		switch {
		case len(ks) == 2 && ks[0].AttributeName == ks[1].AttributeName:
			return nil, validationError(msgSameHashAndRange)
		case ks[0].KeyType != KeyTypeHash:
			return nil, validationError(msgFirstNotHash)
		case len(ks) == 2 && ks[1].KeyType != KeyTypeRange:
			return nil, validationError(msgSecondNotRange)
		case len(ks) != 2:
			return nil, validationError(msgInvalid + "Index KeySchema does not have a range key for index: " + l.IndexName)
		case ks[0].AttributeName != table.hash.name:
			return nil, validationError(msgInvalid + "Index KeySchema does not have the same leading hash key as table KeySchema for index: " +
				l.IndexName + ". index hash key: " + ks[0].AttributeName + ", table hash key: " + table.hash.name)
		}
		if err := checkProjection(l.Projection); err != nil {
			return nil, err
		}
		ix, err := v.index(l.IndexName, localIndex, ks, l.Projection)
		if err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	if len(lsis) > maxLSIs {
		return nil, validationError(msgInvalid + "Number of LocalSecondaryIndexes exceeds per-table limit of " + strconv.Itoa(maxLSIs))
	}
	return out, nil
}

// globals validates the GSIs of a table billed PAY_PER_REQUEST or not.
func (v *indexValidator) globals(gsis []GlobalSecondaryIndex, payPerRequest bool) ([]indexSchema, error) {
	out := make([]indexSchema, 0, len(gsis))
	for _, g := range gsis {
		if err := checkGlobalKeySchema(g.KeySchema); err != nil {
			return nil, err
		}
		if err := checkProjection(g.Projection); err != nil {
			return nil, err
		}
		switch {
		case payPerRequest && g.ProvisionedThroughput != nil:
			return nil, validationError(msgInvalid + "ProvisionedThroughput should not be specified for index: " + g.IndexName + " when BillingMode is PAY_PER_REQUEST")
		case !payPerRequest && g.ProvisionedThroughput == nil:
			return nil, validationError(msgInvalid + "ProvisionedThroughput is not specified for index: " + g.IndexName)
		}
		if err := checkOnDemand(g.OnDemandThroughput, payPerRequest, g.IndexName); err != nil {
			return nil, err
		}
		ix, err := v.index(g.IndexName, globalIndex, g.KeySchema, g.Projection)
		if err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, nil
}

// checkGlobalKeySchema applies the rules of a GSI's key schema, which
// since November 2025 may hold up to 4 HASH attributes followed by up to
// 4 RANGE attributes. DynamoDB's texts are recorded (2026); their order,
// and the text for a KeyType other than HASH or RANGE after the first
// element, are unverified.
func checkGlobalKeySchema(ks []KeySchemaElement) error {
	if len(ks) == 2 && ks[0].AttributeName == ks[1].AttributeName {
		return validationError(msgSameHashAndRange)
	}
	for i, k := range ks {
		if slices.ContainsFunc(ks[:i], func(e KeySchemaElement) bool { return e.AttributeName == k.AttributeName }) {
			return validationError("The KeySchema contains multiple key attributes with the same name")
		}
	}
	if ks[0].KeyType != KeyTypeHash {
		return validationError(msgFirstNotHash)
	}
	var hashes, ranges int
	for _, k := range ks {
		switch k.KeyType {
		case KeyTypeHash:
			if ranges > 0 {
				return validationError(msgInvalid + "All HASH key attributes must precede RANGE key attributes in the KeySchema")
			}
			hashes++
		case KeyTypeRange:
			ranges++
		default:
			return validationError(msgSecondNotRange)
		}
	}
	if hashes > maxIndexKeyAttrs {
		return validationError(msgInvalid + "The KeySchema exceeds the maximum allowed number of HASH key attributes")
	}
	if ranges > maxIndexKeyAttrs {
		return validationError(msgInvalid + "The KeySchema exceeds the maximum allowed number of RANGE key attributes")
	}
	return nil
}

// checkProjection applies the rules between a projection's members.
func checkProjection(p *Projection) error {
	switch {
	case p.ProjectionType == "":
		return validationError(msgInvalid + "Unknown ProjectionType: null")
	case p.NonKeyAttributes != nil && p.ProjectionType != ProjectionTypeInclude:
		return validationError(msgInvalid + "ProjectionType is " + string(p.ProjectionType) + ", but NonKeyAttributes is specified")
	case p.NonKeyAttributes == nil && p.ProjectionType == ProjectionTypeInclude:
		return validationError(msgInvalid + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified")
	}
	for i, a := range p.NonKeyAttributes {
		if slices.Contains(p.NonKeyAttributes[:i], a) {
			return validationError(msgInvalid + "Duplicate element in NonKeyAttributes: " + a)
		}
	}
	return nil
}

// index refuses a name another index of either kind has, and builds the
// schema of an index whose key schema and projection passed their rules.
func (v *indexValidator) index(name string, kind indexKind, ks []KeySchemaElement, p *Projection) (indexSchema, error) {
	if v.names[name] {
		return indexSchema{}, validationError(msgInvalid + "Duplicate index name: " + name)
	}
	v.names[name] = true
	v.nonKey += len(p.NonKeyAttributes)
	ix := indexSchema{name: name, kind: kind, projection: p.ProjectionType}
	for _, k := range ks {
		a := keyAttr{name: k.AttributeName, typ: scalarType(v.types[k.AttributeName])}
		if k.KeyType == KeyTypeHash {
			ix.hash = append(ix.hash, a)
		} else {
			ix.sort = append(ix.sort, a)
		}
	}
	if p.ProjectionType == ProjectionTypeInclude {
		ix.nonKey = slices.Sorted(slices.Values(p.NonKeyAttributes))
	}
	return ix, nil
}
