module github.com/ddbsim/ddbsim

go 1.26.0

require (
	github.com/cockroachdb/apd/v3 v3.2.3
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/google/btree v1.1.3 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/sync v0.25.0 // indirect
)
