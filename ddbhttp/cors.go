package ddbhttp

import (
	"net/http"
	"slices"
)

// cors answers cross-origin requests as DynamoDB's endpoint does: any
// request with an Origin gets Access-Control-Allow-Origin and the exposed
// headers; a preflight OPTIONS also gets the method and headers it asked
// for, allowed, and a max age of two days. A request without Origin gets
// no CORS headers.
type cors struct {
	origins []string // allowed origins; nil allows any, answered with "*"
}

// The values of DynamoDB's CORS headers (captured from
// dynamodb.us-east-1.amazonaws.com).
const (
	corsExposeHeaders = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date"
	corsMaxAge        = "172800"
)

// newCORS allows origins; none, or "*" among them, allows any.
func newCORS(origins []string) cors {
	if len(origins) == 0 || slices.Contains(origins, "*") {
		return cors{}
	}
	return cors{origins: slices.Clone(origins)}
}

// apply sets the CORS headers r calls for; preflight says r is an OPTIONS
// request.
func (c cors) apply(hdr http.Header, r *http.Request, preflight bool) {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return
	}
	allow := "*"
	if c.origins != nil {
		hdr.Add("Vary", "Origin")
		if !slices.Contains(c.origins, origin) {
			return
		}
		allow = origin
	}
	hdr.Set("Access-Control-Allow-Origin", allow)
	hdr.Set("Access-Control-Expose-Headers", corsExposeHeaders)
	if !preflight {
		return
	}
	hdr.Set("Access-Control-Max-Age", corsMaxAge)
	if m := r.Header.Get("Access-Control-Request-Method"); m != "" {
		hdr.Set("Access-Control-Allow-Methods", m)
	}
	if h := r.Header.Get("Access-Control-Request-Headers"); h != "" {
		hdr.Set("Access-Control-Allow-Headers", h)
	}
}
