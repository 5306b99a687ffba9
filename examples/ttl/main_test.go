package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTTL_SessionsExpireAsTheClockAdvances(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	assert.Equal(t, `09:00  ada logs in
09:00  bob logs in
09:00  eve logs in
09:00  stored: [ada bob eve]; live: [ada bob eve]
09:20  ada makes a request: session extended to 09:50
09:30  TTL service: deleted 1 expired session(s)
09:30  stored: [ada eve]; live: [ada eve]
09:30  bob makes a request: no session, log in again
09:30  cy logs in
09:30  stored: [ada cy eve]; live: [ada eve]
09:45  TTL service: deleted 1 expired session(s)
09:45  ada makes a request: session extended to 10:15
10:16  TTL service: deleted 1 expired session(s)
10:16  stored: [eve]; live: [eve]
eve's expiresAt 1772357400000 is in milliseconds: the year 58133, so the TTL service never deletes it
`, out.String())
}
