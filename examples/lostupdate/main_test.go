package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLostUpdate_VersionCheckKeepsBothDeposits(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `without a version check:
  Alice read 100, wrote 110
  Bob read 100 (eventually consistent, served by the lagging replica)
  Bob wrote 120
  final balance 120: Alice's deposit is lost
with a version check (conditional write):
  Alice read 100, wrote 110
  Bob read 100 (eventually consistent, served by the lagging replica)
  Bob's write of 120 refused: the version changed since his read
  Bob re-read 110 with ConsistentRead, wrote 130
  final balance 130: both deposits kept
`, out.String())
}
