package expr

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// attr stands for the caller's attribute value type.
type attr struct{ S string }

func values(keys ...string) map[string]attr {
	m := make(map[string]attr, len(keys))
	for _, k := range keys {
		m[k] = attr{}
	}
	return m
}

func TestBinderCondition_Errors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		names  map[string]string
		values map[string]attr
		want   string
	}{
		{"UndefinedName", "#a = :v", nil, values(":v"), "An expression attribute name used in the document path is not defined; attribute name: #a"},
		{"UndefinedValue", "a = :v", nil, nil, "An expression attribute value used in expression is not defined; attribute value: :v"},
		{"UndefinedNameBeforeArity", "begins_with(Pictures.#RearView)", nil, nil, "An expression attribute name used in the document path is not defined; attribute name: #RearView"},
		{"UndefinedNameBeforeArityInFirstCondition", "attribute_exists(#Pictures.RearView, :a) and a=a", nil, nil, "An expression attribute name used in the document path is not defined; attribute name: #Pictures"},
		{"UndefinedInTextOrderValueFirst", "begins_with(:hello, #a, #b)", nil, nil, "An expression attribute value used in expression is not defined; attribute value: :hello"},
		{"UndefinedInTextOrderNameFirst", "(#P between :lo and :hi) and (#PC in (:cat1, :cat2))", nil, nil, "An expression attribute name used in the document path is not defined; attribute name: #P"},
		{"UndefinedInBetween", "(a)between(b.c[45].#d)and(:a)", nil, nil, "An expression attribute name used in the document path is not defined; attribute name: #d"},
		{"UndefinedBeforeNeedsPath", "attribute_exists(:v)", nil, nil, "An expression attribute value used in expression is not defined; attribute value: :v"},
		{"UndefinedUnderscore", ":_ > a", nil, nil, "An expression attribute value used in expression is not defined; attribute value: :_"},
		{"DistinctAfterResolution", "#a <> a", map[string]string{"#a": "a"}, nil, "The first operand must be distinct from the remaining operands for this operator or function; operator: <>, first operand: [a]"},
		{"DistinctResolvedName", "contains(#a, #a)", map[string]string{"#a": "data"}, nil, "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [data]"},
		{"DistinctFirstCondition", "a = a AND #a = b AND :views > a", map[string]string{"#a": "a"}, values(":views"), "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"},
		{"DistinctNestedPath", "attribute_type(ab.bc[1].#a, ab.bc[1].a)", map[string]string{"#a": "a"}, nil, "The first operand must be distinct from the remaining operands for this operator or function; operator: attribute_type, first operand: [ab, bc, [1], a]"},
		{"DistinctBeforeOperandType", "begins_with(ab.bc[1].a, ab.bc[1].#a)", map[string]string{"#a": "a"}, nil, "The first operand must be distinct from the remaining operands for this operator or function; operator: begins_with, first operand: [ab, bc, [1], a]"},
		{"OperandTypeInFirstConditionBeforeDistinctInSecond", "attribute_type(a, size(a)) and a=a and a=:a", nil, values(":a"), "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"},
		{"ArityBeforeUndefinedInLaterCondition", "size(a, b) > :n AND #x = :y", nil, values(":n"), "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Binder[attr]{Names: tt.names, Values: tt.values}
			_, err := b.Condition(Filter, tt.in)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "Invalid FilterExpression: "+tt.want, e.Message)
		})
	}
}

func TestBinderCondition_PlaceholdersDefined_ReturnsExpression(t *testing.T) {
	b := &Binder[attr]{Names: map[string]string{"#a": "a.b", "#b": "x"}, Values: values(":v")}
	c, err := b.Condition(KeyCondition, "#a = :v AND begins_with(#b, :v)")
	require.NoError(t, err)
	assert.Equal(t, "#a = :v AND begins_with(#b, :v)", c.String())
	assert.Equal(t, []string{"#a", "#b"}, c.Names)
}

func TestBinderCondition_ParseErrorsComeFirst(t *testing.T) {
	b := &Binder[attr]{}
	_, err := b.Condition(Condition, "a=a and attribute_exists((views), (#a)) > b")
	assert.EqualError(t, err, "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists")
}

func TestBinderUpdate_Errors(t *testing.T) {
	names := map[string]string{"#a": "a", "#b": "b", "#c": "c", "#d": "[3]"}
	tests := []struct {
		name   string
		in     string
		names  map[string]string
		values map[string]attr
		want   string
	}{
		{"UndefinedNameBeforeArity", "SET #c = if_not_exists(:c)", map[string]string{"#a": "a"}, values(":a"), "An expression attribute name used in the document path is not defined; attribute name: #c"},
		{"UndefinedValueBeforeArity", "SET #a = if_not_exists(:c)", map[string]string{"#a": "a"}, values(":a"), "An expression attribute value used in expression is not defined; attribute value: :c"},
		{"UndefinedValueBeforeNeedsPath", "SET b = if_not_exists(:val2, :val1)", nil, values(":val1"), "An expression attribute value used in expression is not defined; attribute value: :val2"},
		{"NamesBeforeValues", "SET a = :x, #z = :y", nil, nil, "An expression attribute name used in the document path is not defined; attribute name: #z"},
		{"OverlapAfterResolution", "SET #a1 = :v1, #a2 = :v2", map[string]string{"#a1": "a", "#a2": "a"}, values(":v1", ":v2"), "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"OverlapFunctionTarget", "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", names, nil, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [1], a], path two: [c]"},
		{"OverlapNested", "set c.b.#c = a, c = a, #d = a", names, nil, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, b, c], path two: [c]"},
		{"OverlapSetRemove", "set a = b remove a, #c, #d", names, nil, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"OverlapIndexLikeName", "set #c[3].#d = a, #c[3] = a", names, nil, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3]]"},
		{"OverlapRemove", "remove c, #c.a, #d", names, nil, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c], path two: [c, a]"},
		{"OverlapRemoveTwice", "remove a, #c, a, #d", names, nil, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"ConflictIndexLikeName", "set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", names, nil, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3], [3]]"},
		{"Conflict", "remove a.#c set a[1] = #d", names, nil, "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Binder[attr]{Names: tt.names, Values: tt.values}
			_, err := b.Update(tt.in)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "Invalid UpdateExpression: "+tt.want, e.Message)
		})
	}
}

func TestBinderUpdate_PlaceholdersDefined_ReturnsExpression(t *testing.T) {
	b := &Binder[attr]{Names: map[string]string{"#n": "n"}, Values: values(":zero", ":inc")}
	u, err := b.Update("SET #n = if_not_exists(#n, :zero) + :inc")
	require.NoError(t, err)
	assert.Equal(t, "SET #n = if_not_exists(#n, :zero) + :inc", u.String())
}

func TestBinderProjection_Errors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		names map[string]string
		want  string
	}{
		{"UndefinedName", "#comment", nil, "An expression attribute name used in the document path is not defined; attribute name: #comment"},
		{"UndefinedNameBeforeOverlap", "a, a, #x", nil, "An expression attribute name used in the document path is not defined; attribute name: #x"},
		{"OverlapThroughAliases", "#x, #y.#b", map[string]string{"#x": "a", "#y": "a", "#b": "b"}, "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"},
		{"AliasWithDotIsOneName", "#a, a.b", map[string]string{"#a": "a.b"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &Binder[attr]{Names: tt.names}
			p, err := b.Projection(tt.in)
			if tt.want == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.in, p.String())
				return
			}
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "Invalid ProjectionExpression: "+tt.want, e.Message)
		})
	}
}

func TestBinder_UsesCache(t *testing.T) {
	cache := NewCache(10)
	b := &Binder[attr]{Values: values(":v"), Cache: cache}
	c1, err := b.Condition(Condition, "a = :v")
	require.NoError(t, err)
	c2, err := b.Condition(Condition, "a = :v")
	require.NoError(t, err)
	assert.Same(t, c1, c2)
	_, err = b.Update("SET a = :v")
	require.NoError(t, err)
	_, err = b.Projection("a")
	require.NoError(t, err)
	assert.Equal(t, 3, cache.Len())
}

func TestResolve(t *testing.T) {
	p, err := ParseProjection("#a.b[1].#c")
	require.NoError(t, err)
	path := p.Paths[0]

	t.Run("ReplacesPlaceholders", func(t *testing.T) {
		got, err := Resolve(Projection, path, map[string]string{"#a": "x.y", "#c": "#z"})
		require.NoError(t, err)
		assert.Equal(t, []PathElem{{Name: "x.y"}, {Name: "b"}, {Index: 1, IsIndex: true}, {Name: "#z"}}, got)
		assert.Equal(t, "#a", path.Elems[0].Name, "the parsed path is left alone")
	})
	t.Run("UndefinedPlaceholder", func(t *testing.T) {
		_, err := Resolve(Condition, path, map[string]string{"#a": "x"})
		assert.EqualError(t, err, "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #c")
	})
	t.Run("NoPlaceholdersSharesElements", func(t *testing.T) {
		p, err := ParseProjection("a.b")
		require.NoError(t, err)
		got, err := Resolve(Projection, p.Paths[0], nil)
		require.NoError(t, err)
		assert.Same(t, &p.Paths[0].Elems[0], &got[0])
	})
}

func TestCheckOverlap(t *testing.T) {
	name := func(s string) PathElem { return PathElem{Name: s} }
	index := func(i int) PathElem { return PathElem{Index: i, IsIndex: true} }
	tests := []struct {
		name  string
		paths [][]PathElem
		want  string
	}{
		{"Apart", [][]PathElem{{name("a"), name("b")}, {name("a"), name("c")}, {name("l"), index(0)}, {name("l"), index(1)}}, ""},
		{"Prefix", [][]PathElem{{name("a")}, {name("a"), name("b")}}, "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"},
		{"Conflict", [][]PathElem{{name("a"), name("b")}, {name("a"), index(1)}}, "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"},
		{"FirstConflictWhenNoOverlap", [][]PathElem{{name("a"), name("b")}, {name("a"), index(1)}, {name("c"), index(0)}, {name("c"), name("d")}}, "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"},
		{"DifferentHeadsNeverConflict", [][]PathElem{{name("a"), name("b")}, {name("c"), index(1)}}, ""},
		{"OnePath", [][]PathElem{{name("a")}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckOverlap(Projection, tt.paths)
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestCheckUnused(t *testing.T) {
	cond, err := ParseCondition(Condition, "#a = :a")
	require.NoError(t, err)
	proj, err := ParseProjection("#p")
	require.NoError(t, err)
	upd, err := ParseUpdate("SET x = :u")
	require.NoError(t, err)

	t.Run("AllUsedAcrossExpressions", func(t *testing.T) {
		err := CheckUnused(map[string]string{"#a": "a", "#p": "p"}, values(":a", ":u"), cond, proj, upd)
		assert.NoError(t, err)
	})
	t.Run("UnusedNamesSorted", func(t *testing.T) {
		err := CheckUnused(map[string]string{"#a": "a", "#z": "z", "#b": "b"}, values(":a"), cond)
		assert.EqualError(t, err, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #z}")
	})
	t.Run("UnusedValues", func(t *testing.T) {
		err := CheckUnused(map[string]string{"#a": "a"}, values(":a", ":unused"), cond)
		assert.EqualError(t, err, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}")
	})
	t.Run("NamesBeforeValues", func(t *testing.T) {
		err := CheckUnused(map[string]string{"#x": "x"}, values(":x"), cond)
		assert.EqualError(t, err, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}")
	})
	t.Run("RefSharedByTwoExpressionsCountsOnce", func(t *testing.T) {
		both, err := ParseUpdate("SET #a = :a")
		require.NoError(t, err)
		err = CheckUnused(map[string]string{"#a": "a"}, values(":a", ":u"), cond, both)
		assert.EqualError(t, err, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}")
	})
	t.Run("UndefinedRefDoesNotCountAsAKey", func(t *testing.T) {
		err := CheckUnused(map[string]string{"#a": "a"}, values(":u"), cond)
		assert.EqualError(t, err, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}")
	})
	t.Run("NilExpressionsSkipped", func(t *testing.T) {
		var none *ConditionExpr
		var noProj *ProjectionExpr
		var noUpd *UpdateExpr
		err := CheckUnused(nil, values(":u"), none, noProj, noUpd, upd)
		assert.NoError(t, err)
	})
	t.Run("ErrorIsAnError", func(t *testing.T) {
		err := CheckUnused(map[string]string{"#x": "x"}, map[string]attr(nil))
		var e *Error
		assert.ErrorAs(t, err, &e)
	})
}

func TestCheckNameKeys(t *testing.T) {
	assert.NoError(t, CheckNameKeys(nil))
	assert.NoError(t, CheckNameKeys(map[string]string{"#a": "a", "#1_": "b", "#_": "c"}))
	assert.EqualError(t, CheckNameKeys(map[string]string{}), "ExpressionAttributeNames must not be empty")
	assert.EqualError(t, CheckNameKeys(map[string]string{"#a": "a", "a": "a"}), `ExpressionAttributeNames contains invalid key: Syntax error; key: "a"`)
	assert.EqualError(t, CheckNameKeys(map[string]string{"#": "a"}), `ExpressionAttributeNames contains invalid key: Syntax error; key: "#"`)
	assert.EqualError(t, CheckNameKeys(map[string]string{"#va#l": "a"}), `ExpressionAttributeNames contains invalid key: Syntax error; key: "#va#l"`)
	assert.EqualError(t, CheckNameKeys(map[string]string{":a": "a"}), `ExpressionAttributeNames contains invalid key: Syntax error; key: ":a"`)
	assert.EqualError(t, CheckNameKeys(map[string]string{"": "a", "z": "b"}), `ExpressionAttributeNames contains invalid key: Syntax error; key: ""`)
	assert.EqualError(t, CheckNameKeys(map[string]string{"#b-": "a", "#a-": "b", "c": "d"}), `ExpressionAttributeNames contains invalid key: Syntax error; key: "#a-"`)
}

func TestCheckValueKeys(t *testing.T) {
	assert.NoError(t, CheckValueKeys(map[string]attr(nil)))
	assert.NoError(t, CheckValueKeys(values(":a", ":123", ":_")))
	assert.EqualError(t, CheckValueKeys(map[string]attr{}), "ExpressionAttributeValues must not be empty")
	assert.EqualError(t, CheckValueKeys(values(":b", "b")), `ExpressionAttributeValues contains invalid key: Syntax error; key: "b"`)
	assert.EqualError(t, CheckValueKeys(values(":hi!there")), `ExpressionAttributeValues contains invalid key: Syntax error; key: ":hi!there"`)
}
