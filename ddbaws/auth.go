package ddbaws

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/ddbsim/ddbsim/ddbhttp"
)

// NewAuthenticator returns a ddbhttp.Authenticator that accepts only
// requests signed (SigV4) with one of secrets, a map from access key id
// to secret access key, checked by recomputing the signature with the
// AWS SDK's own signer:
//
//	h := ddbhttp.NewHandler(db, ddbhttp.WithAuthenticator(ddbaws.NewAuthenticator(map[string]string{"AKID": "secret"})))
//
// An unknown key is DynamoDB's UnrecognizedClientException, a wrong
// signature its InvalidSignatureException. Session tokens are not
// checked: X-Amz-Security-Token is verified as one more signed header.
func NewAuthenticator(secrets map[string]string) ddbhttp.Authenticator {
	return &authenticator{secrets: maps.Clone(secrets), signer: v4.NewSigner()}
}

type authenticator struct {
	secrets map[string]string
	signer  *v4.Signer
}

// Authenticate signs a copy of r that holds only the headers sig lists,
// at sig's time and in its scope, and compares the signatures.
func (a *authenticator) Authenticate(r *http.Request, body []byte, sig *ddbhttp.Signature) error {
	secret, ok := a.secrets[sig.AccessKeyID]
	if !ok {
		return ddbhttp.ErrUnknownAccessKey
	}
	c := &http.Request{Method: r.Method, URL: r.URL, Host: r.Host, Header: http.Header{}}
	for _, name := range sig.SignedHeaders {
		switch name {
		case "host":
		case "content-length":
			c.ContentLength = r.ContentLength
		default:
			if v, ok := r.Header[http.CanonicalHeaderKey(name)]; ok {
				c.Header[http.CanonicalHeaderKey(name)] = v
			}
		}
	}
	payload := r.Header.Get("X-Amz-Content-Sha256")
	if payload == "" {
		sum := sha256.Sum256(body)
		payload = hex.EncodeToString(sum[:])
	}
	creds := aws.Credentials{AccessKeyID: sig.AccessKeyID, SecretAccessKey: secret}
	if err := a.signer.SignHTTP(context.Background(), creds, c, payload, sig.Service, sig.Region, sig.Time); err != nil {
		return err
	}
	_, want, _ := strings.Cut(c.Header.Get("Authorization"), "Signature=")
	if !hmac.Equal([]byte(want), []byte(sig.Signature)) {
		return ddbhttp.ErrSignatureMismatch
	}
	return nil
}
