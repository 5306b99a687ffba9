package ddbhttp

import (
	"context"
	"net/http"

	"github.com/ddbsim/ddbsim"
)

// describeEndpointsTarget is the X-Amz-Target of DescribeEndpoints.
const describeEndpointsTarget = targetPrefix + "DescribeEndpoints"

// endpointContext returns the request's context, carrying for a
// DescribeEndpoints request the Host it was sent to, which the answer
// reports (ddbsim.WithEndpoint): endpoint-discovering clients then stay
// on this server. Other requests pay one header lookup.
func endpointContext(r *http.Request) context.Context {
	if r.Header.Get("X-Amz-Target") != describeEndpointsTarget {
		return r.Context()
	}
	host := r.Host
	if host == "" { // a client-side request handed over in-process
		host = r.URL.Host
	}
	if host == "" {
		return r.Context()
	}
	return ddbsim.WithEndpoint(r.Context(), host)
}
