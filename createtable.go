package ddbsim

import (
	"slices"
	"strconv"
	"strings"
)

// msgInvalid opens DynamoDB's messages for a request whose members
// disagree.
const msgInvalid = "One or more parameter values were invalid: "

// validateCreateTable checks a CreateTableInput as DynamoDB does: field
// constraints first (reported together), then the rules between fields,
// each with AWS's message, then the members ddbsim does not support yet.
// It returns the table's key schema and the schemas of its secondary
// indexes, in request order, GSIs first.
//
// Where DynamoDB's order between two rules was never observed, the order
// here is dynalite's (whose checks were recorded against the service) or
// else the one marked "(order unverified)".
func validateCreateTable(in *CreateTableInput) (keySchema, []indexSchema, error) {
	if err := createTableConstraints(in); err != nil {
		return keySchema{}, nil, err
	}
	if err := checkThroughput(in); err != nil {
		return keySchema{}, nil, err
	}
	types, err := attributeTypes(in.AttributeDefinitions)
	if err != nil {
		return keySchema{}, nil, err
	}
	ks, err := tableKeySchema(in, types)
	if err != nil {
		return keySchema{}, nil, err
	}
	indexes, err := validateIndexes(in, ks, types)
	if err != nil {
		return keySchema{}, nil, err
	}
	if err := checkSettings(in); err != nil {
		return keySchema{}, nil, err
	}
	if err := unsupportedMember(in); err != nil {
		return keySchema{}, nil, err
	}
	return ks, indexes, nil
}

// createTableConstraints checks the request's shape: the members that are
// required, enumerations, lengths and bounds, all reported in one error.
func createTableConstraints(in *CreateTableInput) error {
	var c constraints
	c.notNull(in.AttributeDefinitions != nil, "attributeDefinitions")
	attributeDefinitionConstraints(&c, in.AttributeDefinitions)
	c.nameAs(in.TableName, "tableName", "TableName", 3)
	keySchemaConstraints(&c, "keySchema", in.KeySchema, 2, true)
	c.enum(string(in.BillingMode), "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
	throughputConstraints(&c, "provisionedThroughput", in.ProvisionedThroughput)
	indexConstraints(&c, in)
	if s := in.SSESpecification; s != nil {
		c.enum(string(s.SSEType), "sSESpecification.sSEType", "AES256", "KMS")
	}
	if s := in.StreamSpecification; s != nil {
		c.enum(string(s.StreamViewType), "streamSpecification.streamViewType", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY")
	}
	return c.err()
}

// attributeDefinitionConstraints checks each attribute definition's
// members: a name, and a type of B, N or S.
func attributeDefinitionConstraints(c *constraints, defs []AttributeDefinition) {
	for i, d := range defs {
		path := "attributeDefinitions." + strconv.Itoa(i+1) + ".member."
		c.notNull(d.AttributeName != "", path+"attributeName")
		c.notNull(d.AttributeType != "", path+"attributeType")
		c.enum(string(d.AttributeType), path+"attributeType", "B", "N", "S")
	}
}

// checkThroughputBounds refuses provisioned units above DynamoDB's bound,
// with its message.
func checkThroughputBounds(pt *ProvisionedThroughput) error {
	for _, u := range []struct {
		units int64
		name  string
	}{{pt.ReadCapacityUnits, "ReadCapacityUnits"}, {pt.WriteCapacityUnits, "WriteCapacityUnits"}} {
		if u.units > 1_000_000_000_000 {
			return validationError("Given value " + strconv.FormatInt(u.units, 10) + " for " + u.name + " is out of bounds")
		}
	}
	return nil
}

// keySchemaConstraints checks a key schema at path: required, 1 to
// maxLen elements (0: no maximum), each with an AttributeName and a
// KeyType, which only the table's key schema checks against HASH and
// RANGE here (an index's is judged by the key rules: dynalite's record).
func keySchemaConstraints(c *constraints, path string, ks []KeySchemaElement, maxLen int, keyTypeEnum bool) {
	switch n := len(ks); {
	case ks == nil:
		c.fail(nil, path, "Member must not be null")
	case n < 1:
		c.fail(ptr("[]"), path, "Member must have length greater than or equal to 1")
	case maxLen > 0 && n > maxLen:
		c.fail(ptr(keySchemaString(ks)), path, "Member must have length less than or equal to "+strconv.Itoa(maxLen))
	}
	for i, k := range ks {
		elem := path + "." + strconv.Itoa(i+1) + ".member."
		c.notNull(k.AttributeName != "", elem+"attributeName")
		c.notNull(k.KeyType != "", elem+"keyType")
		if keyTypeEnum {
			c.enum(string(k.KeyType), elem+"keyType", "HASH", "RANGE")
		}
	}
}

// throughputConstraints checks the units of a ProvisionedThroughput at
// path, if set.
func throughputConstraints(c *constraints, path string, pt *ProvisionedThroughput) {
	if pt == nil {
		return
	}
	for _, u := range []struct {
		units int64
		name  string
	}{{pt.WriteCapacityUnits, "writeCapacityUnits"}, {pt.ReadCapacityUnits, "readCapacityUnits"}} {
		if u.units < 1 {
			c.fail(ptr(strconv.FormatInt(u.units, 10)), path+"."+u.name, "Member must have value greater than or equal to 1")
		}
	}
}

// checkThroughput applies the billing mode's rules to the table's
// ProvisionedThroughput and OnDemandThroughput.
func checkThroughput(in *CreateTableInput) error {
	if in.BillingMode == BillingModePayPerRequest {
		if in.ProvisionedThroughput != nil {
			return validationError(msgInvalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
		return checkOnDemand(in.OnDemandThroughput, true, "")
	}
	pt := in.ProvisionedThroughput
	if pt == nil {
		return validationError(msgInvalid + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
	}
	if err := checkThroughputBounds(pt); err != nil {
		return err
	}
	return checkOnDemand(in.OnDemandThroughput, false, "")
}

// attributeTypes returns the type of each attribute definition, refusing
// a name defined twice (order unverified: before the key rules).
func attributeTypes(defs []AttributeDefinition) (map[string]ScalarAttributeType, error) {
	types := make(map[string]ScalarAttributeType, len(defs))
	for _, d := range defs {
		if _, dup := types[d.AttributeName]; dup {
			return nil, validationError("Attribute Name is duplicated: " + d.AttributeName)
		}
		types[d.AttributeName] = d.AttributeType
	}
	return types, nil
}

// tableKeySchema applies the rules of the table's key schema and returns
// it.
func tableKeySchema(in *CreateTableInput, types map[string]ScalarAttributeType) (keySchema, error) {
	keys := make([]string, len(in.KeySchema))
	for i, k := range in.KeySchema {
		keys[i] = k.AttributeName
	}
	if len(keys) > len(in.AttributeDefinitions) {
		return keySchema{}, validationError("Invalid KeySchema: Some index key attribute have no definition")
	}
	for _, k := range keys {
		if _, ok := types[k]; !ok {
			return keySchema{}, validationError(msgInvalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: " +
				javaList(keys) + ", AttributeDefinitions: " + javaList(definitionNames(in.AttributeDefinitions)))
		}
	}
	if len(keys) == 2 && keys[0] == keys[1] {
		return keySchema{}, validationError(msgSameHashAndRange)
	}
	if in.KeySchema[0].KeyType != KeyTypeHash {
		return keySchema{}, validationError(msgFirstNotHash)
	}
	if len(keys) == 2 && in.KeySchema[1].KeyType != KeyTypeRange {
		return keySchema{}, validationError(msgSecondNotRange)
	}
	if in.GlobalSecondaryIndexes == nil && in.LocalSecondaryIndexes == nil && len(keys) != len(in.AttributeDefinitions) {
		return keySchema{}, validationError(msgInvalid + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
	}
	ks := keySchema{hash: keyAttr{name: keys[0], typ: scalarType(types[keys[0]])}}
	if len(keys) == 2 {
		ks.sort = keyAttr{name: keys[1], typ: scalarType(types[keys[1]])}
	}
	return ks, nil
}

// AWS's messages for key schemas that break the HASH-then-RANGE rules.
const (
	msgSameHashAndRange = "Both the Hash Key and the Range Key element in the KeySchema have the same name"
	msgFirstNotHash     = "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"
	msgSecondNotRange   = "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"
)

// unsupportedMember refuses the first member set that ddbsim does not
// implement yet, once the request is otherwise valid: so that a request
// DynamoDB refuses gets DynamoDB's error, and nothing half-works.
func unsupportedMember(in *CreateTableInput) error {
	for _, m := range []struct {
		name string
		set  bool
	}{
		{"WarmThroughput", in.WarmThroughput != nil || gsiWarmThroughput(in)},
		{"ResourcePolicy", in.ResourcePolicy != ""},
		{"GlobalTableSourceArn", in.GlobalTableSourceArn != ""},
		{"GlobalTableSettingsReplicationMode", in.GlobalTableSettingsReplicationMode != ""},
		{"VectorIndexes", in.VectorIndexes != nil},
	} {
		if m.set {
			return errUnsupported(m.name)
		}
	}
	return nil
}

// gsiWarmThroughput reports whether a GSI sets WarmThroughput.
func gsiWarmThroughput(in *CreateTableInput) bool {
	for _, g := range in.GlobalSecondaryIndexes {
		if g.WarmThroughput != nil {
			return true
		}
	}
	return false
}

// definitionNames returns the names of the attribute definitions, in
// request order.
func definitionNames(defs []AttributeDefinition) []string {
	names := make([]string, len(defs))
	for i, d := range defs {
		names[i] = d.AttributeName
	}
	return names
}

// javaList renders names as AWS's messages list them: "[a, b]".
func javaList(names []string) string {
	return "[" + strings.Join(names, ", ") + "]"
}

// keySchemaString renders a key schema as AWS echoes it in messages.
func keySchemaString(ks []KeySchemaElement) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = "KeySchemaElement(attributeName=" + k.AttributeName + ", keyType=" + string(k.KeyType) + ")"
	}
	return javaList(parts)
}

func ptr[T any](v T) *T { return &v }

// cloneCreateTableInput returns a copy of a validated input that shares
// nothing the caller can change, for the table to keep and describe. The
// members ddbsim refuses are not copied.
func cloneCreateTableInput(in CreateTableInput) CreateTableInput {
	out := CreateTableInput{
		TableName:                 in.TableName,
		KeySchema:                 slices.Clone(in.KeySchema),
		AttributeDefinitions:      slices.Clone(in.AttributeDefinitions),
		BillingMode:               in.BillingMode,
		ProvisionedThroughput:     clonePtr(in.ProvisionedThroughput),
		OnDemandThroughput:        cloneOnDemand(in.OnDemandThroughput),
		StreamSpecification:       clonePtr(in.StreamSpecification),
		SSESpecification:          clonePtr(in.SSESpecification),
		TableClass:                in.TableClass,
		DeletionProtectionEnabled: in.DeletionProtectionEnabled,
	}
	if in.GlobalSecondaryIndexes != nil {
		out.GlobalSecondaryIndexes = make([]GlobalSecondaryIndex, len(in.GlobalSecondaryIndexes))
		for i, g := range in.GlobalSecondaryIndexes {
			out.GlobalSecondaryIndexes[i] = GlobalSecondaryIndex{IndexName: g.IndexName, KeySchema: slices.Clone(g.KeySchema), Projection: cloneProjection(g.Projection),
				ProvisionedThroughput: clonePtr(g.ProvisionedThroughput), OnDemandThroughput: cloneOnDemand(g.OnDemandThroughput)}
		}
	}
	if in.LocalSecondaryIndexes != nil {
		out.LocalSecondaryIndexes = make([]LocalSecondaryIndex, len(in.LocalSecondaryIndexes))
		for i, l := range in.LocalSecondaryIndexes {
			out.LocalSecondaryIndexes[i] = LocalSecondaryIndex{IndexName: l.IndexName, KeySchema: slices.Clone(l.KeySchema), Projection: cloneProjection(l.Projection)}
		}
	}
	return out
}

func cloneProjection(p *Projection) *Projection {
	if p == nil {
		return nil
	}
	return &Projection{ProjectionType: p.ProjectionType, NonKeyAttributes: slices.Clone(p.NonKeyAttributes)}
}

func cloneOnDemand(o *OnDemandThroughput) *OnDemandThroughput {
	if o == nil {
		return nil
	}
	return &OnDemandThroughput{MaxReadRequestUnits: clonePtr(o.MaxReadRequestUnits), MaxWriteRequestUnits: clonePtr(o.MaxWriteRequestUnits)}
}
