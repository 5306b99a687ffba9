package expr_test

import (
	"fmt"

	"github.com/ddbsim/ddbsim/internal/expr"
)

func ExampleParseCondition() {
	c, err := expr.ParseCondition(expr.Condition, "a=:v and (b<:w or not attribute_exists(#c))")
	fmt.Println(c, err)
	_, err = expr.ParseCondition(expr.Filter, "((a = :v))")
	fmt.Println(err)
	// Output:
	// a = :v AND (b < :w OR NOT attribute_exists(#c)) <nil>
	// Invalid FilterExpression: The expression has redundant parentheses;
}

func ExampleParseUpdate() {
	u, err := expr.ParseUpdate("remove c set a = :v, b = b + :n")
	fmt.Println(u, err)
	_, err = expr.ParseUpdate("SET _123 = :v")
	fmt.Println(err)
	// Output:
	// SET a = :v, b = b + :n REMOVE c <nil>
	// Invalid UpdateExpression: Syntax error; token: "_", near: "SET _123"
}

func ExampleBinder() {
	names := map[string]string{"#a": "a"}
	values := map[string]string{":v": "the caller's value type"}
	b := &expr.Binder[string]{Names: names, Values: values, Cache: expr.NewCache(100)}

	_, err := b.Condition(expr.Condition, "#a <> a")
	fmt.Println(err)

	u, err := b.Update("SET #a = :v")
	fmt.Println(u, err)
	path, _ := expr.Resolve(expr.Update, u.Set[0].Path, names)
	fmt.Println(path[0].Name)
	fmt.Println(expr.CheckUnused(names, values, u))
	// Output:
	// Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: <>, first operand: [a]
	// SET #a = :v <nil>
	// a
	// <nil>
}
