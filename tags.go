package ddbsim

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Tag is a key-value pair attached to a table (TagResource, CreateTable's
// Tags).
type Tag struct {
	Key   string
	Value string
}

// Tag limits, DynamoDB's.
const (
	// MaxTags is the most tags one table may carry.
	MaxTags = 50
	// MaxTagKeyLength and MaxTagValueLength count Unicode characters.
	MaxTagKeyLength   = 128
	MaxTagValueLength = 256
	// tagsPageSize is the most tags one ListTagsOfResource page holds
	// (DynamoDB's page size is undocumented).
	tagsPageSize = 10
)

// TagResourceInput is the input of TagResource.
type TagResourceInput struct {
	// ResourceArn is the table's ARN (a name is not accepted).
	ResourceArn string
	// Tags are set on the table, replacing the value of a key it has.
	Tags []Tag
}

// TagResourceOutput is the (empty) output of TagResource.
type TagResourceOutput struct{}

// UntagResourceInput is the input of UntagResource.
type UntagResourceInput struct {
	ResourceArn string
	// TagKeys are removed; a key the table does not have is ignored.
	TagKeys []string
}

// UntagResourceOutput is the (empty) output of UntagResource.
type UntagResourceOutput struct{}

// ListTagsOfResourceInput is the input of ListTagsOfResource.
type ListTagsOfResourceInput struct {
	ResourceArn string
	// NextToken resumes the listing where the previous page stopped.
	NextToken string
}

// ListTagsOfResourceOutput is a page of a table's tags.
type ListTagsOfResourceOutput struct {
	// Tags are in ascending key order; an empty slice for none.
	Tags []Tag
	// NextToken is set when more tags follow this page.
	NextToken string `json:",omitzero"`
}

// The messages of the tag operations.
const (
	msgInvalidTableArn = "Invalid TableArn"
	msgNoTags          = "Atleast one Tag needs to be provided as Input."
	msgNoTagKeys       = "Atleast one Tag Key needs to be provided as Input."
	msgTooManyTags     = "One or more parameter values were invalid: The number of tags exceeds the limit of 50"
	msgReservedTag     = "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use"
)

// tagPattern is the pattern tag keys and values must match, as AWS's
// tagging services print it.
const tagPattern = `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`

// TagResource sets tags on a table, named by its ARN: at most MaxTags in
// all once added, keys of 1 to 128 characters and values of up to 256,
// of letters, digits, white space and _ . : / = + - @, no key starting
// with "aws:". An ARN that is not a table's is a ValidationException; a
// table that does not exist a ResourceNotFoundException; an ARN that is
// no ARN at all an AccessDeniedException, as IAM answers it. Bad input
// changes nothing. Cost: O(t log t) for the t tags of the table.
func (db *DB) TagResource(ctx context.Context, in TagResourceInput) (*TagResourceOutput, error) {
	return dispatch(ctx, db, "TagResource", in.ResourceArn, func() (*TagResourceOutput, error) {
		if err := db.checkResourceArn("TagResource", in.ResourceArn, in.Tags != nil, "tags"); err != nil {
			return nil, err
		}
		if len(in.Tags) == 0 {
			return nil, validationError(msgNoTags)
		}
		if err := checkTags(in.Tags); err != nil {
			return nil, err
		}
		t, err := db.taggedTable(in.ResourceArn)
		if err != nil {
			return nil, err
		}
		return &TagResourceOutput{}, t.tags.update(func(old []Tag) ([]Tag, error) {
			next := mergeTags(old, in.Tags)
			if len(next) > MaxTags {
				return nil, validationError(msgTooManyTags)
			}
			return next, nil
		})
	})
}

// UntagResource removes tags from a table, named by its ARN; keys it does
// not have are ignored. Errors are TagResource's. Cost: O(t + k log k)
// for t tags and k keys.
func (db *DB) UntagResource(ctx context.Context, in UntagResourceInput) (*UntagResourceOutput, error) {
	return dispatch(ctx, db, "UntagResource", in.ResourceArn, func() (*UntagResourceOutput, error) {
		if err := db.checkResourceArn("UntagResource", in.ResourceArn, in.TagKeys != nil, "tagKeys"); err != nil {
			return nil, err
		}
		if len(in.TagKeys) == 0 {
			return nil, validationError(msgNoTagKeys)
		}
		var c constraints
		for i, k := range in.TagKeys {
			tagText(&c, k, "tagKeys."+strconv.Itoa(i+1)+".member", 1, MaxTagKeyLength)
		}
		if err := c.err(); err != nil {
			return nil, err
		}
		for _, k := range in.TagKeys {
			if isReservedTagKey(k) {
				return nil, validationError(msgReservedTag)
			}
		}
		t, err := db.taggedTable(in.ResourceArn)
		if err != nil {
			return nil, err
		}
		return &UntagResourceOutput{}, t.tags.update(func(old []Tag) ([]Tag, error) {
			return slices.DeleteFunc(slices.Clone(old), func(tag Tag) bool { return slices.Contains(in.TagKeys, tag.Key) }), nil
		})
	})
}

// ListTagsOfResource lists a table's tags, named by its ARN, in ascending
// key order, ten a page: NextToken, when set, resumes after the page.
// Errors are TagResource's. Cost: O(log t + page) for t tags; no lock.
func (db *DB) ListTagsOfResource(ctx context.Context, in ListTagsOfResourceInput) (*ListTagsOfResourceOutput, error) {
	return dispatch(ctx, db, "ListTagsOfResource", in.ResourceArn, func() (*ListTagsOfResourceOutput, error) {
		if err := db.checkResourceArn("ListTagsOfResource", in.ResourceArn, true, ""); err != nil {
			return nil, err
		}
		t, err := db.taggedTable(in.ResourceArn)
		if err != nil {
			return nil, err
		}
		tags := t.tags.list()
		start := 0
		if in.NextToken != "" {
			start, _ = slices.BinarySearchFunc(tags, in.NextToken, func(tag Tag, k string) int { return strings.Compare(tag.Key, k) })
			if start < len(tags) && tags[start].Key == in.NextToken {
				start++
			}
		}
		page := tags[start:]
		out := &ListTagsOfResourceOutput{}
		if len(page) > tagsPageSize {
			page = page[:tagsPageSize]
			out.NextToken = page[len(page)-1].Key
		}
		out.Tags = append([]Tag{}, page...)
		return out, nil
	})
}

// tableArnPattern is what DynamoDB takes for a table's ARN.
var tableArnPattern = regexp.MustCompile(`^arn:aws:dynamodb:[^:]+:\d+:table/[a-zA-Z0-9_.-]{3,255}$`)

// anyArnPattern is the shape IAM needs to authorize a request on a
// resource; anything else is refused before DynamoDB sees it.
var anyArnPattern = regexp.MustCompile(`^.+:.+:.+:.+:.+:.+/.+$`)

// checkResourceArn makes the checks of a tag operation's ResourceArn, in
// DynamoDB's order around the check that its list (at listPath) was sent.
func (db *DB) checkResourceArn(op, arn string, listSent bool, listPath string) error {
	if arn == "" {
		return validationError(msgInvalidTableArn)
	}
	if !anyArnPattern.MatchString(arn) {
		return &Error{Code: CodeAccessDenied, Message: "User: arn:aws:iam::" + db.opts.AccountID + ":root is not authorized to perform: dynamodb:" + op + " on resource: " + arn}
	}
	if !listSent {
		var c constraints
		c.notNull(false, listPath)
		return c.err()
	}
	if !tableArnPattern.MatchString(arn) {
		return validationError(msgInvalidTableArn + ": Invalid ResourceArn provided as input " + arn)
	}
	return nil
}

// taggedTable looks up the table a valid table ARN names.
func (db *DB) taggedTable(arn string) (*table, error) {
	t := db.lookup(arn)
	if t == nil {
		return nil, &Error{Code: CodeResourceNotFound, Message: msgNotFound + ": ResourcArn: " + arn + " not found"}
	}
	return t, nil
}

// checkTags validates tags as TagResource and CreateTable take them: the
// length and character rules per key and value (reported together, as
// DynamoDB's front end does), then the reserved prefix, then the count.
func checkTags(tags []Tag) error {
	var c constraints
	for i, tag := range tags {
		path := "tags." + strconv.Itoa(i+1) + ".member."
		tagText(&c, tag.Key, path+"key", 1, MaxTagKeyLength)
		tagText(&c, tag.Value, path+"value", 0, MaxTagValueLength)
	}
	if err := c.err(); err != nil {
		return err
	}
	for _, tag := range tags {
		if isReservedTagKey(tag.Key) {
			return validationError(msgReservedTag)
		}
	}
	if len(mergeTags(nil, tags)) > MaxTags {
		return validationError(msgTooManyTags)
	}
	return nil
}

// tagText checks a tag key or value: minLen to maxLen characters matching
// tagPattern.
func tagText(c *constraints, s, path string, minLen, maxLen int) {
	n := utf8.RuneCountInString(s)
	if n < minLen {
		c.fail(&s, path, "Member must have length greater than or equal to "+strconv.Itoa(minLen))
	}
	if n > maxLen {
		c.fail(&s, path, "Member must have length less than or equal to "+strconv.Itoa(maxLen))
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.Z) || strings.ContainsRune("_.:/=+-@", r)) {
			c.fail(&s, path, "Member must satisfy regular expression pattern: "+tagPattern)
			return
		}
	}
}

// isReservedTagKey reports whether a tag key has AWS's reserved prefix
// (in any case).
func isReservedTagKey(k string) bool {
	return len(k) >= 4 && strings.EqualFold(k[:4], "aws:")
}

// mergeTags returns old (sorted by key) with tags set on it, a later
// duplicate key winning, sorted by key. old is not modified.
func mergeTags(old, tags []Tag) []Tag {
	next := slices.Clone(old)
	for _, tag := range tags {
		i, found := slices.BinarySearchFunc(next, tag.Key, func(t Tag, k string) int { return strings.Compare(t.Key, k) })
		if found {
			next[i].Value = tag.Value
		} else {
			next = slices.Insert(next, i, tag)
		}
	}
	return next
}

// tagSet holds a table's tags: an immutable slice sorted by key, replaced
// whole on every change, so a read takes no lock and a fork shares it.
// The zero value holds no tags.
type tagSet struct {
	p atomic.Pointer[[]Tag]
}

// list returns the tags, sorted by key; the caller must not modify them.
func (s *tagSet) list() []Tag {
	if p := s.p.Load(); p != nil {
		return *p
	}
	return nil
}

// update replaces the tags with what f makes of them; f may run more than
// once under contention, and an error from it changes nothing.
func (s *tagSet) update(f func(old []Tag) ([]Tag, error)) error {
	for {
		old := s.p.Load()
		var tags []Tag
		if old != nil {
			tags = *old
		}
		next, err := f(tags)
		if err != nil {
			return err
		}
		if s.p.CompareAndSwap(old, &next) {
			return nil
		}
	}
}

// set replaces the tags with tags, validated by checkTags (a new table's).
func (s *tagSet) set(tags []Tag) {
	if len(tags) > 0 {
		next := mergeTags(nil, tags)
		s.p.Store(&next)
	}
}

// copyTo gives c the tags s holds now (sharing the immutable slice), for
// a forked table. O(1).
func (s *tagSet) copyTo(c *tagSet) { c.p.Store(s.p.Load()) }
