package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTransfer_RetryAppliesOnce(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `opened two accounts:
  alice 100, bob 0
alice sends bob 30 (if she has it); the response is lost:
  2 attempts with one ClientRequestToken: the retry succeeded and applied nothing more
  alice 70, bob 30
alice sends bob 500:
  cancelled: ConditionalCheckFailed (alice had 70), None
  alice 70, bob 30
`, out.String())
}
