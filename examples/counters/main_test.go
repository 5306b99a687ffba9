package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCounters_AtomicDoubleCountsIdempotentDoesNot(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `atomic counter (ADD):
  order 3: response lost, retrying
  5 orders counted as 6
idempotent counter (conditional writes, one token per order):
  order 3: response lost, retrying with token order-3
  order 3: token order-3 already applied, not counted again
  5 orders counted as 5
`, out.String())
}
