package ddbsim

import "context"

// DefaultEndpointAddress is the address DescribeEndpoints reports when the
// request's context names none: cmd/ddbsim's default listening address.
const DefaultEndpointAddress = "127.0.0.1:8000"

// endpointCachePeriod is how long, in minutes, a client may keep the
// endpoint DescribeEndpoints returns (DynamoDB's value).
const endpointCachePeriod = 1440

// DescribeEndpointsInput is the (empty) input of DescribeEndpoints.
type DescribeEndpointsInput struct{}

// DescribeEndpointsOutput lists the endpoints a client may send requests to.
type DescribeEndpointsOutput struct {
	Endpoints []Endpoint
}

// Endpoint is one address of the service.
type Endpoint struct {
	// Address is host:port, without a scheme.
	Address string
	// CachePeriodInMinutes is how long the address may be kept.
	CachePeriodInMinutes int64
}

type endpointKey struct{}

// WithEndpoint returns ctx carrying the address (host:port) a request was
// sent to, which DescribeEndpoints then reports. The wire handler sets it
// from each DescribeEndpoints request's Host, so endpoint-discovering
// clients keep talking to this server. Cost: one small allocation.
func WithEndpoint(ctx context.Context, address string) context.Context {
	return context.WithValue(ctx, endpointKey{}, address)
}

// DescribeEndpoints answers endpoint discovery with one endpoint: the
// address WithEndpoint put in ctx, else DefaultEndpointAddress (never an
// amazonaws.com host, which would send the client away), cached for 1440
// minutes as DynamoDB's is. Cost: O(1).
func (db *DB) DescribeEndpoints(ctx context.Context, in DescribeEndpointsInput) (*DescribeEndpointsOutput, error) {
	return dispatch(ctx, db, "DescribeEndpoints", "", func() (*DescribeEndpointsOutput, error) {
		address, _ := ctx.Value(endpointKey{}).(string)
		if address == "" {
			address = DefaultEndpointAddress
		}
		return &DescribeEndpointsOutput{Endpoints: []Endpoint{{Address: address, CachePeriodInMinutes: endpointCachePeriod}}}, nil
	})
}
