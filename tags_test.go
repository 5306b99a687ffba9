package ddbsim

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const usersArn = "arn:aws:dynamodb:us-east-1:000000000000:table/users"

func tagsOf(t *testing.T, db *DB, arn string) []Tag {
	t.Helper()
	var all []Tag
	in := ListTagsOfResourceInput{ResourceArn: arn}
	for {
		out, err := db.ListTagsOfResource(context.Background(), in)
		require.NoError(t, err)
		all = append(all, out.Tags...)
		if out.NextToken == "" {
			return all
		}
		in.NextToken = out.NextToken
	}
}

func TestTagResource_SetReplaceUntag(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	assert.Equal(t, []Tag{}, must(db.ListTagsOfResource(ctx, ListTagsOfResourceInput{ResourceArn: usersArn})).Tags)

	_, err := db.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: []Tag{{"team", "blue"}, {"env", "test"}, {" ", ""}}})
	require.NoError(t, err)
	_, err = db.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: []Tag{{"team", "red"}}})
	require.NoError(t, err)
	assert.Equal(t, []Tag{{" ", ""}, {"env", "test"}, {"team", "red"}}, tagsOf(t, db, usersArn), "in key order, a key set twice holds its last value")

	_, err = db.UntagResource(ctx, UntagResourceInput{ResourceArn: usersArn, TagKeys: []string{"env", "absent"}})
	require.NoError(t, err, "a key the table does not have is ignored")
	assert.Equal(t, []Tag{{" ", ""}, {"team", "red"}}, tagsOf(t, db, usersArn))
	assert.Empty(t, tagsOf(t, db, "arn:aws:dynamodb:us-east-1:000000000000:table/events"), "tags belong to one table")
}

func must[O any](out *O, err error) *O {
	if err != nil {
		panic(err)
	}
	return out
}

func TestListTagsOfResource_Pages(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	var tags []Tag
	for i := range MaxTags {
		tags = append(tags, Tag{Key: "k" + strconv.Itoa(100+i), Value: "v"})
	}
	_, err := db.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: tags})
	require.NoError(t, err)
	first, err := db.ListTagsOfResource(ctx, ListTagsOfResourceInput{ResourceArn: usersArn})
	require.NoError(t, err)
	assert.Len(t, first.Tags, 10)
	assert.Equal(t, "k109", first.NextToken)
	assert.Equal(t, tags, tagsOf(t, db, usersArn), "every tag once, in order")
}

func TestTags_CreateTableAndFork(t *testing.T) {
	ctx := context.Background()
	db := New(nil)
	in := hashKeyTable("users")
	in.Tags = []Tag{{"b", "2"}, {"a", "1"}}
	_, err := db.CreateTable(ctx, in)
	require.NoError(t, err)
	in.Tags[0].Value = "changed"
	assert.Equal(t, []Tag{{"a", "1"}, {"b", "2"}}, tagsOf(t, db, usersArn), "the table keeps its own copy")

	fork := db.Fork()
	_, err = fork.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: []Tag{{"c", "3"}}})
	require.NoError(t, err)
	_, err = db.UntagResource(ctx, UntagResourceInput{ResourceArn: usersArn, TagKeys: []string{"a"}})
	require.NoError(t, err)
	assert.Equal(t, []Tag{{"a", "1"}, {"b", "2"}, {"c", "3"}}, tagsOf(t, fork, usersArn), "tags survive Fork")
	assert.Equal(t, []Tag{{"b", "2"}}, tagsOf(t, db, usersArn), "and the copies are independent")

	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "users"})
	require.NoError(t, err)
	_, err = db.CreateTable(ctx, hashKeyTable("users"))
	require.NoError(t, err)
	assert.Empty(t, tagsOf(t, db, usersArn), "a re-created table starts untagged")

	bad := hashKeyTable("bad")
	bad.Tags = []Tag{{"aws:x", "1"}}
	_, err = db.CreateTable(ctx, bad)
	requireAWSError(t, err, CodeValidation, msgReservedTag)
	_, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "bad"})
	require.ErrorIs(t, err, ErrResourceNotFound, "a refused CreateTable creates nothing")
}

func TestTagOperations_Errors(t *testing.T) {
	ctx := context.Background()
	many := make([]Tag, MaxTags+1)
	for i := range many {
		many[i] = Tag{Key: "k" + strconv.Itoa(i)}
	}
	long := strings.Repeat("é", MaxTagKeyLength+1)
	missing := "arn:aws:dynamodb:us-east-1:000000000000:table/nope"
	cases := []struct {
		name      string
		in        TagResourceInput
		code, msg string
	}{
		{"no ARN", TagResourceInput{Tags: []Tag{{"a", "b"}}}, CodeValidation, "Invalid TableArn"},
		{"not an ARN", TagResourceInput{ResourceArn: "users", Tags: []Tag{{"a", "b"}}}, CodeAccessDenied,
			"User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:TagResource on resource: users"},
		{"no tags", TagResourceInput{ResourceArn: usersArn}, CodeValidation,
			"1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null"},
		{"an index ARN", TagResourceInput{ResourceArn: usersArn + "/index/gsi", Tags: []Tag{{"a", "b"}}}, CodeValidation,
			"Invalid TableArn: Invalid ResourceArn provided as input " + usersArn + "/index/gsi"},
		{"a backup ARN", TagResourceInput{ResourceArn: "arn:aws:dynamodb:us-east-1:000000000000:backup/x", Tags: []Tag{{"a", "b"}}}, CodeValidation,
			"Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:000000000000:backup/x"},
		{"empty tags", TagResourceInput{ResourceArn: usersArn, Tags: []Tag{}}, CodeValidation, msgNoTags},
		{"empty key and bad characters", TagResourceInput{ResourceArn: usersArn, Tags: []Tag{{"", "ok"}, {"ok", "#!"}}}, CodeValidation,
			"2 validation errors detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
				"Value '#!' at 'tags.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: " + tagPattern},
		{"long key", TagResourceInput{ResourceArn: usersArn, Tags: []Tag{{long, ""}}}, CodeValidation,
			"1 validation error detected: Value '" + long + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128"},
		{"reserved prefix", TagResourceInput{ResourceArn: usersArn, Tags: []Tag{{"AWS:cost", "1"}}}, CodeValidation, msgReservedTag},
		{"too many in one request", TagResourceInput{ResourceArn: usersArn, Tags: many}, CodeValidation, msgTooManyTags},
		{"missing table", TagResourceInput{ResourceArn: missing, Tags: []Tag{{"a", "b"}}}, CodeResourceNotFound,
			"Requested resource not found: ResourcArn: " + missing + " not found"},
		{"another region's table", TagResourceInput{ResourceArn: "arn:aws:dynamodb:eu-west-1:000000000000:table/users", Tags: []Tag{{"a", "b"}}}, CodeResourceNotFound,
			"Requested resource not found: ResourcArn: arn:aws:dynamodb:eu-west-1:000000000000:table/users not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := newTestDB(t)
			_, err := db.TagResource(ctx, c.in)
			requireAWSError(t, err, c.code, c.msg)
			assert.Empty(t, tagsOf(t, db, usersArn), "nothing changed")
		})
	}

	t.Run("past 50 in all", func(t *testing.T) {
		db := newTestDB(t)
		_, err := db.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: many[:30]})
		require.NoError(t, err)
		_, err = db.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: many[20:MaxTags]})
		require.NoError(t, err, "overwriting keys does not count twice")
		_, err = db.TagResource(ctx, TagResourceInput{ResourceArn: usersArn, Tags: many[MaxTags:]})
		requireAWSError(t, err, CodeValidation, msgTooManyTags)
		assert.Len(t, tagsOf(t, db, usersArn), MaxTags)
	})

	t.Run("UntagResource", func(t *testing.T) {
		db := newTestDB(t)
		_, err := db.UntagResource(ctx, UntagResourceInput{ResourceArn: usersArn})
		requireAWSError(t, err, CodeValidation, "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null")
		_, err = db.UntagResource(ctx, UntagResourceInput{ResourceArn: usersArn, TagKeys: []string{}})
		requireAWSError(t, err, CodeValidation, msgNoTagKeys)
		_, err = db.UntagResource(ctx, UntagResourceInput{ResourceArn: usersArn, TagKeys: []string{""}})
		requireAWSError(t, err, CodeValidation, "1 validation error detected: Value '' at 'tagKeys.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1")
		_, err = db.UntagResource(ctx, UntagResourceInput{ResourceArn: usersArn, TagKeys: []string{"aws:x"}})
		requireAWSError(t, err, CodeValidation, msgReservedTag)
		_, err = db.UntagResource(ctx, UntagResourceInput{ResourceArn: missing, TagKeys: []string{"a"}})
		require.ErrorIs(t, err, ErrResourceNotFound)
	})

	t.Run("ListTagsOfResource", func(t *testing.T) {
		db := newTestDB(t)
		_, err := db.ListTagsOfResource(ctx, ListTagsOfResourceInput{})
		requireAWSError(t, err, CodeValidation, "Invalid TableArn")
		_, err = db.ListTagsOfResource(ctx, ListTagsOfResourceInput{ResourceArn: missing})
		require.ErrorIs(t, err, ErrResourceNotFound)
		_, err = db.ListTagsOfResource(ctx, ListTagsOfResourceInput{ResourceArn: "abcd"})
		require.ErrorIs(t, err, ErrAccessDenied)
	})
}
