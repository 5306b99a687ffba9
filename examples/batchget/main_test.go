package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBatchget_DrainsUnprocessedKeys(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `loaded 40 orders of 40 KB and 10 customers of 1 KB; one BatchGetItem asks for all 50
round 1: got 10 Customers, 25 Orders; 15 keys unprocessed
round 2: got 15 Orders; 0 keys unprocessed
done: 50 distinct items, 0 read more than once
`, out.String())
}
