package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGSI_StaleIndexReadThenCaughtUp(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `placed o-1; the index has caught up: [o-1]
placed o-2; Query on byCustomer right away: [o-1]  <- stale: the index lags
writes the indexes have yet to apply: 1
GetItem o-2 with ConsistentRead: found=true (the table has it)
Query on byCustomer with ConsistentRead: ValidationException: Consistent reads are not supported on global secondary indexes
once the index catches up: [o-1 o-2]
`, out.String())
}
