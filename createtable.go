package ddbsim

import (
	"strconv"
	"strings"
)

// validateCreateTable checks a CreateTableInput as DynamoDB does: field
// constraints first (reported together), then the rules between fields,
// each with AWS's message. It returns the table's key schema.
func validateCreateTable(in *CreateTableInput) (keySchema, error) {
	var c constraints
	c.notNull(in.AttributeDefinitions != nil, "attributeDefinitions")
	for i, d := range in.AttributeDefinitions {
		c.enum(string(d.AttributeType), "attributeDefinitions."+strconv.Itoa(i+1)+".member.attributeType", "B", "N", "S")
	}
	c.name(in.TableName, "tableName", 3)
	switch n := len(in.KeySchema); {
	case in.KeySchema == nil:
		c.fail(nil, "keySchema", "Member must not be null")
	case n < 1:
		c.fail(ptr("[]"), "keySchema", "Member must have length greater than or equal to 1")
	case n > 2:
		c.fail(ptr(keySchemaString(in.KeySchema)), "keySchema", "Member must have length less than or equal to 2")
	}
	for i, k := range in.KeySchema {
		c.enum(string(k.KeyType), "keySchema."+strconv.Itoa(i+1)+".member.keyType", "HASH", "RANGE")
	}
	c.enum(string(in.BillingMode), "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
	if pt := in.ProvisionedThroughput; pt != nil {
		for _, u := range []struct {
			units int64
			path  string
		}{{pt.WriteCapacityUnits, "provisionedThroughput.writeCapacityUnits"}, {pt.ReadCapacityUnits, "provisionedThroughput.readCapacityUnits"}} {
			if u.units < 1 {
				c.fail(ptr(strconv.FormatInt(u.units, 10)), u.path, "Member must have value greater than or equal to 1")
			}
		}
	}
	if err := c.err(); err != nil {
		return keySchema{}, err
	}

	const invalid = "One or more parameter values were invalid: "
	if in.BillingMode == BillingModePayPerRequest {
		if in.ProvisionedThroughput != nil {
			return keySchema{}, validationError(invalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
	} else {
		pt := in.ProvisionedThroughput
		if pt == nil {
			return keySchema{}, validationError(invalid + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
		}
		for _, u := range []struct {
			units int64
			name  string
		}{{pt.ReadCapacityUnits, "ReadCapacityUnits"}, {pt.WriteCapacityUnits, "WriteCapacityUnits"}} {
			if u.units > 1_000_000_000_000 {
				return keySchema{}, validationError("Given value " + strconv.FormatInt(u.units, 10) + " for " + u.name + " is out of bounds")
			}
		}
	}

	defs := make([]string, len(in.AttributeDefinitions))
	types := map[string]ScalarAttributeType{}
	for i, d := range in.AttributeDefinitions {
		defs[i] = d.AttributeName
		types[d.AttributeName] = d.AttributeType
	}
	keys := make([]string, len(in.KeySchema))
	for i, k := range in.KeySchema {
		keys[i] = k.AttributeName
	}
	if len(keys) > len(defs) {
		return keySchema{}, validationError("Invalid KeySchema: Some index key attribute have no definition")
	}
	for _, k := range keys {
		if _, ok := types[k]; !ok {
			return keySchema{}, validationError(invalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
				strings.Join(keys, ", ") + "], AttributeDefinitions: [" + strings.Join(defs, ", ") + "]")
		}
	}
	if len(keys) == 2 && keys[0] == keys[1] {
		return keySchema{}, validationError("Both the Hash Key and the Range Key element in the KeySchema have the same name")
	}
	if in.KeySchema[0].KeyType != KeyTypeHash {
		return keySchema{}, validationError("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
	}
	if len(keys) == 2 && in.KeySchema[1].KeyType != KeyTypeRange {
		return keySchema{}, validationError("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
	}
	if len(keys) != len(defs) {
		return keySchema{}, validationError(invalid + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
	}

	ks := keySchema{hash: keyAttr{name: keys[0], typ: scalarType(types[keys[0]])}}
	if len(keys) == 2 {
		ks.sort = keyAttr{name: keys[1], typ: scalarType(types[keys[1]])}
	}
	return ks, nil
}

func scalarType(t ScalarAttributeType) Type {
	switch t {
	case ScalarAttributeTypeS:
		return TypeS
	case ScalarAttributeTypeN:
		return TypeN
	}
	return TypeB
}

// keySchemaString renders a key schema as AWS echoes it in messages.
func keySchemaString(ks []KeySchemaElement) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = "KeySchemaElement(attributeName=" + k.AttributeName + ", keyType=" + string(k.KeyType) + ")"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func ptr[T any](v T) *T { return &v }
