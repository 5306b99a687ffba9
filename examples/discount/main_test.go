package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiscount_ConditionalOnceAndPlainTwice(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `price is 100; conditional discount: SET price = 90 only if price = 100
  2 attempts: the first was applied but its response lost; the retry failed its condition, finding price 90
  price is 90: the discount was applied once
price is 100; plain discount: SET price = price - 10
  2 attempts, both applied: price is 80, the discount was applied twice
`, out.String())
}
