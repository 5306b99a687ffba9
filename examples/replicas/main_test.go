package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReplicas_StaleReadThenConsistentRead(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `wrote ada@old.example; all three replicas have it
wrote ada@new.example; the leader and one follower have it, the third replica lags
eventually consistent read 1: ada@new.example
eventually consistent read 2: ada@new.example
eventually consistent read 3: ada@old.example  <- stale: served by the lagging replica
eventually consistent read 4: ada@old.example  <- stale: served by the lagging replica
eventually consistent read 5: ada@new.example
eventually consistent read 6: ada@new.example
ConsistentRead: ada@new.example (always the leader)
stale reads served: 2
after Settle, eventually consistent read: ada@new.example
`, out.String())
}
