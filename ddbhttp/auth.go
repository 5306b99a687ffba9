package ddbhttp

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ddbsim/ddbsim"
)

// Authenticator verifies the signature of a request whose Authorization
// header has passed the handler's own checks (its form, its credential
// scope and its date). ddbhttp never imports the AWS SDK: ddbaws
// implements Authenticator with the SDK's signer.
type Authenticator interface {
	// Authenticate reports whether r, whose raw (still encoded) body is
	// body, is signed as sig says with the secret of sig.AccessKeyID. It
	// returns nil if so, an error matching ErrUnknownAccessKey if the key
	// is not known, and one matching ErrSignatureMismatch if the
	// signature is wrong. It must not read r.Body.
	Authenticate(r *http.Request, body []byte, sig *Signature) error
}

// The errors an Authenticator returns; the handler answers them with
// DynamoDB's UnrecognizedClientException and InvalidSignatureException.
var (
	ErrUnknownAccessKey  = errors.New("ddbhttp: unknown access key")
	ErrSignatureMismatch = errors.New("ddbhttp: signature does not match")
)

// Signature is a parsed SigV4 Authorization header:
//
//	AWS4-HMAC-SHA256 Credential=KEY/20261125/us-east-1/dynamodb/aws4_request,
//	    SignedHeaders=host;x-amz-date, Signature=0123abcd...
type Signature struct {
	AccessKeyID   string
	Date          string // the credential scope's YYYYMMDD
	Region        string
	Service       string    // "dynamodb"
	SignedHeaders []string  // lower-case header names, as listed
	Signature     string    // hexadecimal
	Time          time.Time // X-Amz-Date (or Date), UTC
}

// The authentication error codes, all in DynamoDB's
// com.amazon.coral.service namespace.
const (
	codeMissingToken        = "MissingAuthenticationTokenException"
	codeIncompleteSignature = "IncompleteSignatureException"
	codeInvalidSignature    = "InvalidSignatureException"
	codeUnrecognizedClient  = "UnrecognizedClientException"
)

const (
	// algorithm is the only signing algorithm DynamoDB accepts.
	algorithm = "AWS4-HMAC-SHA256"
	// amzDateLayout is ISO 8601's basic format, as X-Amz-Date carries it.
	amzDateLayout = "20060102T150405Z"
	// maxSkew is how far a signed date may be from the server's time.
	maxSkew = 15 * time.Minute
)

// The messages DynamoDB answers, as dynalite captured them from the
// service; the date ones match captures from 2014 to 2024.
const (
	msgMissingToken      = "Request is missing Authentication Token"
	msgUnrecognized      = "The security token included in the request is invalid."
	msgMismatch          = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
	msgHostNotSigned     = "'Host' must be a 'SignedHeader' in the AWS Authorization."
	msgDateNotBasicISO   = "Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601"
	msgRequiresParameter = "Authorization header requires '%s' parameter. "
	msgRequiresDate      = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
)

// checkAuthorization checks the request's Authorization header and date
// in the order DynamoDB does, before the operation is looked up: present
// (MissingAuthenticationToken), complete (IncompleteSignature), dated
// within 15 minutes of now (InvalidSignature), signing Host, with
// DynamoDB's algorithm and a well-scoped credential. It returns the
// parsed signature for an Authenticator.
func checkAuthorization(header http.Header, now time.Time) (*Signature, error) {
	auth := header.Get("Authorization")
	if !strings.HasPrefix(strings.TrimSpace(auth), "AWS4-") {
		return nil, authError(codeMissingToken, msgMissingToken)
	}
	alg, rest, _ := strings.Cut(strings.TrimSpace(auth), " ")
	params, err := authParams(auth, rest)
	if err != nil {
		return nil, err
	}
	date, dateHeader := header.Get("X-Amz-Date"), "X-Amz-Date"
	if date == "" {
		date, dateHeader = header.Get("Date"), "Date"
	}
	var missing strings.Builder
	for _, p := range [...]struct{ name, value string }{
		{"Credential", params.credential}, {"Signature", params.signature}, {"SignedHeaders", params.signedHeaders},
	} {
		if p.value == "" {
			fmt.Fprintf(&missing, msgRequiresParameter, p.name)
		}
	}
	if date == "" {
		missing.WriteString(msgRequiresDate)
	}
	if missing.Len() > 0 {
		return nil, authError(codeIncompleteSignature, missing.String()+"Authorization="+auth)
	}
	signed, err := parseSignedDate(date, dateHeader)
	if err != nil {
		return nil, err
	}
	if err := checkSkew(signed, now); err != nil {
		return nil, err
	}
	sig := &Signature{Signature: params.signature, Time: signed, SignedHeaders: strings.Split(strings.ToLower(params.signedHeaders), ";")}
	if !slices.Contains(sig.SignedHeaders, "host") {
		return nil, authError(codeInvalidSignature, msgHostNotSigned)
	}
	if alg != algorithm {
		return nil, authError(codeIncompleteSignature, "Unsupported AWS 'algorithm': '"+alg+"' (only "+algorithm+" for now). ")
	}
	if err := sig.parseCredential(params.credential); err != nil {
		return nil, err
	}
	return sig, nil
}

// sigParams are the parameters of an Authorization header that DynamoDB
// reads; others are ignored.
type sigParams struct {
	credential, signature, signedHeaders string
}

// authParams splits the key=value pairs after the algorithm; DynamoDB
// separates them by commas, spaces being optional.
func authParams(auth, rest string) (sigParams, error) {
	var p sigParams
	for part := range strings.SplitSeq(rest, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return p, authError(codeIncompleteSignature, "'"+part+"' not a valid key=value pair (missing equal-sign) in Authorization header: '"+auth+"'.")
		}
		switch v = strings.TrimSpace(v); strings.TrimSpace(k) {
		case "Credential":
			p.credential = v
		case "Signature":
			p.signature = v
		case "SignedHeaders":
			p.signedHeaders = v
		}
	}
	return p, nil
}

// parseSignedDate reads X-Amz-Date in ISO 8601's basic format, or a Date
// header in HTTP's format.
func parseSignedDate(date, header string) (time.Time, error) {
	if header == "Date" {
		if t, err := http.ParseTime(date); err == nil {
			return t.UTC(), nil
		}
	}
	t, err := time.Parse(amzDateLayout, date)
	if err != nil {
		return time.Time{}, authError(codeIncompleteSignature, fmt.Sprintf(msgDateNotBasicISO, date))
	}
	return t, nil
}

// checkSkew refuses a signed date more than 15 minutes from now, worded
// as DynamoDB words it:
//
//	Signature expired: 20140218T073406Z is now earlier than 20140218T141758Z (20140218T143258Z - 15 min.)
//	Signature not yet current: 20200428T222206Z is still later than 20200428T220706Z (20200428T215206Z + 15 min.)
func checkSkew(signed, now time.Time) error {
	now = now.UTC().Truncate(time.Second)
	stamp := func(t time.Time) string { return t.Format(amzDateLayout) }
	switch {
	case signed.Before(now.Add(-maxSkew)):
		return authError(codeInvalidSignature, "Signature expired: "+stamp(signed)+" is now earlier than "+
			stamp(now.Add(-maxSkew))+" ("+stamp(now)+" - 15 min.)")
	case signed.After(now.Add(maxSkew)):
		return authError(codeInvalidSignature, "Signature not yet current: "+stamp(signed)+" is still later than "+
			stamp(now.Add(maxSkew))+" ("+stamp(now)+" + 15 min.)")
	}
	return nil
}

// parseCredential checks and splits KEY/DATE/REGION/SERVICE/aws4_request
// (trailing slashes ignored). Any region is accepted: one namespace
// serves them all, as in DynamoDB Local.
func (s *Signature) parseCredential(cred string) error {
	parts := strings.Split(strings.TrimRight(cred, "/"), "/")
	if len(parts) != 5 {
		return authError(codeIncompleteSignature, "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"+cred+"'")
	}
	s.AccessKeyID, s.Date, s.Region, s.Service = parts[0], parts[1], parts[2], parts[3]
	var msgs []string
	if s.Service != "dynamodb" {
		msgs = append(msgs, "Credential should be scoped to correct service: 'dynamodb'.")
	}
	if parts[4] != "aws4_request" {
		msgs = append(msgs, "Credential should be scoped with a valid terminator: 'aws4_request', not '"+parts[4]+"'.")
	}
	var day [len("20060102")]byte
	if s.Date != string(s.Time.AppendFormat(day[:0], "20060102")) {
		msgs = append(msgs, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"+
			s.Date+"' != '"+string(day[:])+"', from '"+s.Time.Format(amzDateLayout)+"'.")
	}
	if msgs != nil {
		return authError(codeInvalidSignature, strings.Join(msgs, " "))
	}
	return nil
}

// authenticate maps an Authenticator's verdict to DynamoDB's errors.
func authenticate(a Authenticator, r *http.Request, body []byte, sig *Signature) error {
	err := a.Authenticate(r, body, sig)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrUnknownAccessKey):
		return authError(codeUnrecognizedClient, msgUnrecognized)
	case errors.Is(err, ErrSignatureMismatch):
		return authError(codeInvalidSignature, msgMismatch)
	}
	return &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: err.Error()}
}

func authError(code, msg string) error {
	return &ddbsim.Error{Code: code, Message: msg}
}
