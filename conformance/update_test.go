package conformance

import (
	"context"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// update is an UpdateItem of the item with key in table: the update
// expression, its values (nil for none) and the ReturnValues wanted.
type update struct {
	table  string
	key    item
	expr   string
	values item
	rv     types.ReturnValue
}

// run sends the update and returns its Attributes and error.
func (u update) run(t *testing.T) (item, error) {
	t.Helper()
	out, err := client(t).UpdateItem(context.Background(), &dynamodb.UpdateItemInput{
		TableName:                 aws.String(u.table),
		Key:                       u.key,
		UpdateExpression:          optionalString(u.expr),
		ExpressionAttributeValues: u.values,
		ReturnValues:              u.rv,
	})
	if err != nil {
		return nil, err
	}
	return out.Attributes, nil
}

// must sends the update, requires it to succeed and returns its
// Attributes.
func (u update) must(t *testing.T) item {
	t.Helper()
	attrs, err := u.run(t)
	require.NoError(t, err, u.expr)
	return attrs
}

// optionalString is nil for "", else a pointer to s.
func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// TestUpdateItem_SetRemoveAddDelete applies the four clauses in one
// expression (ddb-facts §5): SET of a nested path and of a list index past
// the end (which appends), REMOVE of a map key and of a list element
// (which shifts the rest), ADD to a number and to a missing set, DELETE
// of set members; every action reads the item as it was before.
func TestUpdateItem_SetRemoveAddDelete(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	key := item{"id": s("a")}
	put(t, table, item{"id": s("a"), "n": n("1"), "was": s("x"), "l": l(n("0"), n("1"), n("2")), "ss": ss("a", "b", "c"), "m": m(item{"x": n("1"), "y": n("2")})})

	got := update{table, key, "SET m.z = :z, l[10] = :e, dup = was REMOVE m.x, l[0], was ADD n :two, tags :t DELETE ss :sub",
		item{":z": s("z"), ":e": s("end"), ":two": n("2"), ":t": ss("new"), ":sub": ss("a", "c", "absent")}, types.ReturnValueAllNew}.must(t)
	want := item{"id": s("a"), "n": n("3"), "dup": s("x"), "l": l(n("1"), n("2"), s("end")), "ss": ss("b"), "tags": ss("new"), "m": m(item{"y": n("2"), "z": s("z")})}
	assert.Equal(t, want, got)
	assert.Equal(t, want, get(t, table, key))

	update{table, key, "DELETE ss :b, tags :t", item{":b": ss("b"), ":t": ss("new")}, ""}.must(t)
	after := get(t, table, key)
	assert.NotContains(t, after, "ss", "deleting every member removes the attribute")
	assert.NotContains(t, after, "tags")

	update{table, key, "REMOVE l[0], l[2], m.y, m.z, nothing", nil, ""}.must(t)
	after = get(t, table, key)
	assert.Equal(t, l(n("2")), after["l"], "indexes name positions before any removal")
	assert.Equal(t, m(item{}), after["m"], "removing the last key leaves an empty map")
}

// TestUpdateItem_IfNotExistsAndListAppend builds a counter and a list from
// nothing with if_not_exists, then appends and prepends with list_append.
func TestUpdateItem_IfNotExistsAndListAppend(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	key := item{"id": s("a")}
	step := update{table, key, "SET c = if_not_exists(c, :zero) + :one, l = list_append(if_not_exists(l, :empty), :tail), initial = if_not_exists(initial, :c)",
		item{":zero": n("0"), ":one": n("1"), ":empty": l(), ":tail": l(s("x")), ":c": s("first")}, types.ReturnValueAllNew}
	assert.Equal(t, item{"id": s("a"), "c": n("1"), "l": l(s("x")), "initial": s("first")}, step.must(t))
	step.values[":c"] = s("second")
	assert.Equal(t, item{"id": s("a"), "c": n("2"), "l": l(s("x"), s("x")), "initial": s("first")}, step.must(t), "if_not_exists keeps what is there")

	got := update{table, key, "SET l = list_append(:head, l)", item{":head": l(n("0"))}, types.ReturnValueUpdatedNew}.must(t)
	assert.Equal(t, item{"l": l(n("0"), s("x"), s("x"))}, got)
}

// TestUpdateItem_ReturnValues checks the five ReturnValues (ddb-facts §6):
// UPDATED_OLD holds only touched paths that existed, UPDATED_NEW the new
// values of touched paths, nested inside their hierarchy, without removed
// paths or key attributes; an empty result is no Attributes at all.
func TestUpdateItem_ReturnValues(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	key := item{"id": s("a")}
	u := func(expr string, values item, rv types.ReturnValue) item {
		return update{table, key, expr, values, rv}.must(t)
	}
	assert.Nil(t, u("SET a = :one", item{":one": n("1")}, types.ReturnValueAllOld), "no old item")
	assert.Equal(t, item{"id": s("a"), "a": n("1"), "b": n("2")}, u("SET b = :two", item{":two": n("2")}, types.ReturnValueAllNew))
	assert.Nil(t, u("SET a = :one", item{":one": n("1")}, types.ReturnValueNone))

	assert.Equal(t, item{"a": n("1")}, u("SET a = :three, c = :three REMOVE nothing", item{":three": n("3")}, types.ReturnValueUpdatedOld),
		"c and nothing did not exist")
	assert.Equal(t, item{"id": s("a"), "a": n("3"), "b": n("2"), "c": n("3")}, u("REMOVE c", nil, types.ReturnValueAllOld))
	assert.Equal(t, item{"id": s("a"), "a": n("4"), "b": n("2")}, u("ADD a :one", item{":one": n("1")}, types.ReturnValueAllNew))

	u("SET m = :m", item{":m": m(item{"x": m(item{"y": n("1"), "keep": s("k")}), "other": s("o")})}, "")
	assert.Equal(t, item{"m": m(item{"x": m(item{"y": n("2")})})}, u("SET m.x.y = m.x.y + :one", item{":one": n("1")}, types.ReturnValueUpdatedNew),
		"only the updated path, inside its hierarchy")
	assert.Equal(t, item{"m": m(item{"x": m(item{"y": n("2")})})}, u("SET m.x.y = :five", item{":five": n("5")}, types.ReturnValueUpdatedOld))
	assert.Equal(t, item{"b": n("3")}, u("SET b = :three REMOVE a", item{":three": n("3")}, types.ReturnValueUpdatedNew), "removed paths are left out")
	assert.Nil(t, u("REMOVE b", nil, types.ReturnValueUpdatedNew), "nothing to return: no Attributes")

	created := update{table, item{"id": s("new")}, "SET v = :v", item{":v": s("v")}, types.ReturnValueUpdatedNew}.must(t)
	assert.Equal(t, item{"v": s("v")}, created, "not the key attributes, even when the item is created")
}

// TestUpdateItem_IsAnUpsert checks ddb-facts §5 (Other UpdateItem
// behaviour): a missing item is created with its key; without an
// expression, holding only its key; an update that only removes does not
// create it.
func TestUpdateItem_IsAnUpsert(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeN))
	created := update{table, item{"pk": s("a"), "sk": n("1")}, "SET v = :v", item{":v": s("v")}, types.ReturnValueAllNew}.must(t)
	assert.Equal(t, item{"pk": s("a"), "sk": n("1"), "v": s("v")}, created)

	bare := update{table, item{"pk": s("b"), "sk": n("2")}, "", nil, types.ReturnValueAllNew}.must(t)
	assert.Equal(t, item{"pk": s("b"), "sk": n("2")}, bare)
	assert.Equal(t, bare, get(t, table, item{"pk": s("b"), "sk": n("2")}))

	removed := update{table, item{"pk": s("c"), "sk": n("3")}, "REMOVE v", nil, types.ReturnValueAllNew}.must(t)
	assert.Nil(t, removed)
	assert.Nil(t, get(t, table, item{"pk": s("c"), "sk": n("3")}), "a REMOVE-only update does not create the item")
}

// TestUpdateItem_UpdateTimeErrors checks AWS's messages for updates that
// parse but cannot apply, and for operand types refused at parse time
// (ddb-facts §5); none of them changes the item.
func TestUpdateItem_UpdateTimeErrors(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	key := item{"id": s("a")}
	stored := item{"id": s("a"), "n": n("1"), "s": s("text"), "ss": ss("x"), "m": m(item{})}
	put(t, table, stored)
	for _, tc := range []struct {
		expr   string
		values item
		msg    string
	}{
		{"SET x = nope + :one", item{":one": n("1")}, "The provided expression refers to an attribute that does not exist in the item"},
		{"SET l = list_append(nope, :l)", item{":l": l(s("x"))}, "The provided expression refers to an attribute that does not exist in the item"},
		{"ADD s :one", item{":one": n("1")}, "An operand in the update expression has an incorrect data type"},
		{"SET x = s + :one", item{":one": n("1")}, "An operand in the update expression has an incorrect data type"},
		{"SET l = list_append(s, :l)", item{":l": l(s("x"))}, "An operand in the update expression has an incorrect data type"},
		{"ADD ss :ns", item{":ns": &types.AttributeValueMemberNS{Value: []string{"1"}}}, "An operand in the update expression has an incorrect data type"},
		{"DELETE n :x", item{":x": ss("x")}, "An operand in the update expression has an incorrect data type"},
		{"SET m.a.b = :one", item{":one": n("1")}, "The document path provided in the update expression is invalid for update"},
		{"SET s[0] = :one", item{":one": n("1")}, "The document path provided in the update expression is invalid for update"},
		{"SET x = n + :s", item{":s": s("1")}, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"},
		{"SET x = list_append(:s, :s)", item{":s": s("1")}, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S"},
		{"ADD n :s", item{":s": s("1")}, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"},
		{"DELETE ss :one", item{":one": n("1")}, "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"},
		{"SET a = :one REMOVE a", item{":one": n("1")}, "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"SET a = :one SET b = :one", item{":one": n("1")}, `Invalid UpdateExpression: The "SET" section can only be used once in an update expression;`},
		{"SET x = if_not_exists(:one, n)", item{":one": n("1")}, "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			_, err := update{table, key, tc.expr, tc.values, ""}.run(t)
			requireValidation(t, err, tc.msg)
		})
	}
	_, err := client(t).UpdateItem(context.Background(), &dynamodb.UpdateItemInput{TableName: aws.String(table), Key: key, UpdateExpression: aws.String("")})
	requireValidation(t, err, "Invalid UpdateExpression: The expression can not be empty;")
	assert.Equal(t, stored, get(t, table, key), "no failed update wrote anything")
}

// TestUpdateItem_KeyAttributesCannotBeUpdated checks ddb-facts §2
// (Updating a key): any action on a partition or sort key attribute is
// refused, while reading one is fine.
func TestUpdateItem_KeyAttributesCannotBeUpdated(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeN))
	key := item{"pk": s("a"), "sk": n("1")}
	put(t, table, item{"pk": s("a"), "sk": n("1")})
	for _, tc := range []struct {
		expr, attr string
		values     item
	}{
		{"SET pk = :s", "pk", item{":s": s("b")}},
		{"REMOVE pk", "pk", nil},
		{"ADD sk :one", "sk", item{":one": n("1")}},
		{"SET sk = sk + :one", "sk", item{":one": n("1")}},
	} {
		_, err := update{table, key, tc.expr, tc.values, ""}.run(t)
		requireValidation(t, err, "One or more parameter values were invalid: Cannot update attribute "+tc.attr+". This attribute is part of the key")
	}
	got := update{table, key, "SET dup = pk", nil, types.ReturnValueAllNew}.must(t)
	assert.Equal(t, item{"pk": s("a"), "sk": n("1"), "dup": s("a")}, got)
}

// TestUpdateItem_AtomicCounter checks ddb-facts §7: ADD starts a missing
// counter (and item) at 0, adds exact decimals and negative deltas, and
// concurrent ADDs all count; SET n = n + :d needs the attribute.
func TestUpdateItem_AtomicCounter(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	key := item{"id": s("hits")}
	add := update{table, key, "ADD hits :d", item{":d": n("1")}, types.ReturnValueUpdatedNew}
	assert.Equal(t, item{"hits": n("1")}, add.must(t), "a missing counter starts at 0")

	const workers, each = 8, 10
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range each {
				_, err := add.run(t)
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, n("81"), get(t, table, key)["hits"], "every concurrent ADD counts")

	cents := update{table, item{"id": s("cents")}, "ADD amount :d", item{":d": n("0.1")}, ""}
	for range 10 {
		cents.must(t)
	}
	assert.Equal(t, n("1"), get(t, table, item{"id": s("cents")})["amount"], "exact decimals: ten times 0.1 is 1")
	cents.values[":d"] = n("-2.5")
	cents.must(t)
	assert.Equal(t, n("-1.5"), get(t, table, item{"id": s("cents")})["amount"])

	_, err := update{table, item{"id": s("plain")}, "SET hits = hits + :d", item{":d": n("1")}, ""}.run(t)
	requireValidation(t, err, "The provided expression refers to an attribute that does not exist in the item")
	got := update{table, item{"id": s("plain")}, "SET hits = if_not_exists(hits, :zero) + :d", item{":zero": n("0"), ":d": n("1")}, types.ReturnValueUpdatedNew}.must(t)
	assert.Equal(t, item{"hits": n("1")}, got)
}

// TestUpdateItem_OptimisticLocking reads a version, and updates only if
// it is still the one read: of two writers who read the same version, the
// second fails with ConditionalCheckFailedException carrying the current
// item (ReturnValuesOnConditionCheckFailure=ALL_OLD), writes nothing, and
// succeeds once it rereads.
func TestUpdateItem_OptimisticLocking(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	key := item{"id": s("doc")}
	put(t, table, item{"id": s("doc"), "version": n("1"), "body": s("v1")})
	save := func(readVersion, body string) (item, error) {
		out, err := client(t).UpdateItem(context.Background(), &dynamodb.UpdateItemInput{
			TableName:                           aws.String(table),
			Key:                                 key,
			UpdateExpression:                    aws.String("SET body = :body, version = version + :one"),
			ConditionExpression:                 aws.String("version = :read"),
			ExpressionAttributeValues:           item{":body": s(body), ":one": n("1"), ":read": n(readVersion)},
			ReturnValues:                        types.ReturnValueAllNew,
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
		})
		if err != nil {
			return nil, err
		}
		return out.Attributes, nil
	}

	first, err := save("1", "alice")
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("doc"), "version": n("2"), "body": s("alice")}, first)

	_, err = save("1", "bob")
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, err, &ccf)
	assert.Equal(t, "The conditional request failed", ccf.ErrorMessage())
	assert.Equal(t, first, ccf.Item, "the failure carries the item that won")
	assert.Equal(t, first, get(t, table, key))

	second, err := save(ccf.Item["version"].(*types.AttributeValueMemberN).Value, "bob")
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("doc"), "version": n("3"), "body": s("bob")}, second)
}

// TestUpdateItem_LegacyAttributeUpdates checks the legacy form (ddb-facts
// §5): PUT, ADD (numbers, sets and lists) and DELETE, guarded by
// Expected, and its messages.
func TestUpdateItem_LegacyAttributeUpdates(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx, key := client(t), context.Background(), item{"id": s("a")}
	legacy := func(updates map[string]types.AttributeValueUpdate, expected map[string]types.ExpectedAttributeValue) (item, error) {
		out, err := c.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String(table), Key: key, AttributeUpdates: updates, Expected: expected, ReturnValues: types.ReturnValueAllNew})
		if err != nil {
			return nil, err
		}
		return out.Attributes, nil
	}
	got, err := legacy(map[string]types.AttributeValueUpdate{
		"p":    {Action: types.AttributeActionPut, Value: s("x")},
		"n":    {Action: types.AttributeActionAdd, Value: n("2")},
		"l":    {Action: types.AttributeActionAdd, Value: l(s("a"))},
		"gone": {Action: types.AttributeActionDelete},
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("a"), "p": s("x"), "n": n("2"), "l": l(s("a"))}, got)

	got, err = legacy(map[string]types.AttributeValueUpdate{"n": {Action: types.AttributeActionAdd, Value: n("-1")}, "p": {Action: types.AttributeActionDelete}},
		map[string]types.ExpectedAttributeValue{"n": {Value: n("2")}})
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("a"), "n": n("1"), "l": l(s("a"))}, got)

	_, err = legacy(map[string]types.AttributeValueUpdate{"n": {Value: n("9")}}, map[string]types.ExpectedAttributeValue{"n": {Value: n("2")}})
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, err, &ccf)

	_, err = legacy(map[string]types.AttributeValueUpdate{"x": {Action: types.AttributeActionPut}}, nil)
	requireValidation(t, err, "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified")
	_, err = legacy(map[string]types.AttributeValueUpdate{"x": {Action: types.AttributeActionAdd, Value: s("s")}}, nil)
	requireValidation(t, err, "One or more parameter values were invalid: ADD action is not supported for the type S")
	assert.Equal(t, item{"id": s("a"), "n": n("1"), "l": l(s("a"))}, get(t, table, key))
}
