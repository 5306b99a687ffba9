package ddbsim

import "github.com/ddbsim/ddbsim/internal/expr"

// writeParams are the parameters PutItem, DeleteItem and UpdateItem share,
// checked and used the same way by all three.
type writeParams struct {
	table    string
	names    map[string]string
	values   map[string]Value
	expected map[string]ExpectedAttributeValue
	condOp   ConditionalOperator
	rv       ReturnValue
	rvoccf   ReturnValuesOnConditionCheckFailure
	rcc      ReturnConsumedCapacity
	ricm     ReturnItemCollectionMetrics
	// attributeUpdates is UpdateItem's legacy AttributeUpdates.
	attributeUpdates map[string]AttributeValueUpdate
}

// checkConstraints reports the parameters' constraint violations in the
// order DynamoDB lists them, with the operation's required item or key
// (required names it, present says whether it is set) after TableName and
// UpdateItem's AttributeUpdates after Expected.
func (p writeParams) checkConstraints(required string, present bool) error {
	var c constraints
	c.returnConsumedCapacity(p.rcc)
	c.itemTableName(p.table)
	c.notNull(present, required)
	c.expected(p.expected, p.condOp)
	c.attributeUpdates(p.attributeUpdates)
	c.returnValues(p.rv)
	c.returnItemCollectionMetrics(p.ricm)
	c.returnValuesOnConditionCheckFailure(p.rvoccf)
	return c.err()
}

// exprRequest returns the expression part of the request: the given
// expressions (in the operation's order) with the legacy parameters
// Expected and ConditionalOperator after extraLegacy.
func (p writeParams) exprRequest(exprs exprList, extraLegacy ...legacy) exprRequest {
	var buf [3]legacy
	legacies := append(append(buf[:0], extraLegacy...), legacy{"Expected", p.expected != nil}, legacy{"ConditionalOperator", p.condOp != ""})
	return exprRequest{names: p.names, values: p.values, exprs: exprs, legacy: legacyParams(legacies...),
		condOp: p.condOp, condTerms: len(p.expected)}
}

// conditionExpr names a ConditionExpression for exprRequest.
func conditionExpr(text string) namedExpr { return namedExpr{expr.Condition, text} }

// write runs a conditional write on t: under the table's write lock, cond
// must hold on the stored entry (else ConditionalCheckFailedException,
// with the item if ReturnValuesOnConditionCheckFailure asks), then decide
// chooses the change.
func (p writeParams) write(t *table, k tableKey, cond *condition, decide decideFunc) (entry, bool, error) {
	return t.write(k, func(old entry, found bool) (change, error) {
		if err := conditionHolds(cond, old, found, p.rvoccf); err != nil {
			return change{}, err
		}
		return decide(old, found)
	})
}

// conditionHolds evaluates a write's condition on the stored entry: nil
// when it holds (or there is none), else the ConditionalCheckFailedException,
// with the item if rvoccf is ALL_OLD.
func conditionHolds(cond *condition, old entry, found bool, rvoccf ReturnValuesOnConditionCheckFailure) error {
	if ok, err := cond.holds(old, found); err != nil || !ok {
		return orConditionFailed(err, old, found, rvoccf)
	}
	return nil
}

// allOld returns the replaced or deleted item when ReturnValues is
// ALL_OLD and there was one; nil otherwise.
func (p writeParams) allOld(old entry, found bool) (Item, error) {
	if !found || p.rv != ReturnValueAllOld {
		return nil, nil
	}
	return decodeItem(old.enc())
}
