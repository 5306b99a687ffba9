package ddbsim

import "context"

// Table is a handle on one table of a DB, by name. It is cheap, safe for
// concurrent use, and stays valid across DeleteTable and CreateTable of
// the same name: every operation looks the table up anew, and fails with
// ResourceNotFoundException while it does not exist.
//
// The operations take DynamoDB's input structs; a TableName set in the
// input must equal the handle's name (or be left empty).
type Table struct {
	db   *DB
	name string
}

// Name returns the table name the handle was made with.
func (t *Table) Name() string { return t.name }

// checkName fills in an input's empty TableName with the handle's name,
// and refuses (ValidationException) one that names another table.
func (t *Table) checkName(inputName *string) error {
	switch *inputName {
	case "":
		*inputName = t.name
	case t.name:
	default:
		return validationError("TableName " + *inputName + " in the input does not match the Table handle's " + t.name)
	}
	return nil
}

// GetItem is DB.GetItem on this table.
func (t *Table) GetItem(ctx context.Context, in GetItemInput) (*GetItemOutput, error) {
	if err := t.checkName(&in.TableName); err != nil {
		return nil, err
	}
	return t.db.GetItem(ctx, in)
}

// PutItem is DB.PutItem on this table.
func (t *Table) PutItem(ctx context.Context, in PutItemInput) (*PutItemOutput, error) {
	if err := t.checkName(&in.TableName); err != nil {
		return nil, err
	}
	return t.db.PutItem(ctx, in)
}

// DeleteItem is DB.DeleteItem on this table.
func (t *Table) DeleteItem(ctx context.Context, in DeleteItemInput) (*DeleteItemOutput, error) {
	if err := t.checkName(&in.TableName); err != nil {
		return nil, err
	}
	return t.db.DeleteItem(ctx, in)
}

// Describe is DB.DescribeTable on this table.
func (t *Table) Describe(ctx context.Context) (*TableDescription, error) {
	return t.db.DescribeTable(ctx, DescribeTableInput{TableName: t.name})
}

// UpdateItem is DB.UpdateItem on this table.
func (t *Table) UpdateItem(ctx context.Context, in UpdateItemInput) (*UpdateItemOutput, error) {
	if err := t.checkName(&in.TableName); err != nil {
		return nil, err
	}
	return t.db.UpdateItem(ctx, in)
}

// Query is DB.Query on this table.
func (t *Table) Query(ctx context.Context, in QueryInput) (*QueryOutput, error) {
	if err := t.checkName(&in.TableName); err != nil {
		return nil, err
	}
	return t.db.Query(ctx, in)
}

// Scan is DB.Scan on this table.
func (t *Table) Scan(ctx context.Context, in ScanInput) (*ScanOutput, error) {
	if err := t.checkName(&in.TableName); err != nil {
		return nil, err
	}
	return t.db.Scan(ctx, in)
}
