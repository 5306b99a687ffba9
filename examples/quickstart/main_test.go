package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuickstart_Output(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `created table Music (Artist, Year)
put {"Artist":{"S":"No One You Know"},"Price":{"N":"1.50"},"Tags":{"SS":["pop","demo"]},"Title":{"S":"Call Me Today"},"Year":{"N":"1.995e3"}}
get {"Artist":{"S":"No One You Know"},"Price":{"N":"1.5"},"Tags":{"SS":["demo","pop"]},"Title":{"S":"Call Me Today"},"Year":{"N":"1995"}}
deleted {"S":"Call Me Today"}
get after delete: item present = false
rejected: ValidationException: One or more parameter values were invalid: An string set  may not be empty
`, out.String())
}
