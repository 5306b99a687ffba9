package main

import (
	"testing"

	"github.com/ddbsim/ddbsim/internal/strict"
)

func TestMain(m *testing.M) { strict.Main(m) }
