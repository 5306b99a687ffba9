package ddbsim

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValue_JSONRoundTrip(t *testing.T) {
	item := sampleItem()
	data, err := json.Marshal(item)
	require.NoError(t, err)
	var back Item
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(item), "%s", back)
}

func TestValue_UnmarshalJSON_Rejections(t *testing.T) {
	cases := []struct {
		in   string
		code string
		msg  string
	}{
		{`{"S":1}`, CodeSerialization, "NUMBER_VALUE cannot be converted to String"},
		{`{"S":true}`, CodeSerialization, "TRUE_VALUE cannot be converted to String"},
		{`{"N":1.5}`, CodeSerialization, "NUMBER_VALUE cannot be converted to String"},
		{`{"S":{}}`, CodeSerialization, "Start of structure or map found where not expected"},
		{`{"SS":"a"}`, CodeSerialization, "STRING_VALUE Expected list or null"},
		{`{"L":{}}`, CodeSerialization, "Start of structure or map found where not expected"},
		{`{"M":[]}`, CodeSerialization, "Start of list found where not expected"},
		{`{"BOOL":"true"}`, CodeSerialization, "STRING_VALUE can not be converted to an Boolean"},
		{`{"B":"abc"}`, CodeSerialization, "Base64 encoded length is expected a multiple of 4 bytes but found: 3"},
		{`{"B":"ab=c"}`, CodeSerialization, "Invalid last non-pad Base64 character dectected"},
		{`{"BS":["YQ==", 1]}`, CodeSerialization, "NUMBER_VALUE cannot be converted to String"},
		{`"S"`, CodeSerialization, "STRING_VALUE Expected map or null"},
		{strings.Repeat(`{"L":[`, 100) + `{"S":"x"}` + strings.Repeat(`]}`, 100), CodeValidation, msgNesting},
	}
	for _, c := range cases {
		t.Run(c.in[:min(len(c.in), 30)], func(t *testing.T) {
			var v Value
			requireAWSError(t, v.UnmarshalJSON([]byte(c.in)), c.code, c.msg)
		})
	}
}

func TestValue_UnmarshalJSON_MalformedValuesFailWhenUsed(t *testing.T) {
	cases := map[string]string{
		`{}`:                         msgEmptyValue,
		`{"S":"a","N":"1"}`:          msgMultipleTypes,
		`{"NULL":false}`:             msgNullFalse,
		`{"Unknown":"x"}`:            msgEmptyValue,
		`{"M":{"x":{"NULL":false}}}`: msgNullFalse,
	}
	for in, msg := range cases {
		var v Value
		require.NoError(t, v.UnmarshalJSON([]byte(in)), in)
		_, err := Item{"a": v}.Size()
		requireAWSError(t, err, CodeValidation, msg)
	}
}

func TestTableDescription_JSONTimesAreEpochSeconds(t *testing.T) {
	d := TableDescription{TableName: "t", CreationDateTime: time.UnixMilli(1577906088431).UTC(),
		BillingModeSummary: &BillingModeSummary{BillingMode: BillingModePayPerRequest, LastUpdateToPayPerRequestDateTime: time.Unix(1, 0)}}
	data, err := json.Marshal(d)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	assert.Equal(t, 1577906088.431, m["CreationDateTime"])
	assert.Equal(t, 1.0, m["BillingModeSummary"].(map[string]any)["LastUpdateToPayPerRequestDateTime"])
}

func FuzzValueJSON(f *testing.F) {
	f.Add([]byte(`{"M":{"a":{"L":[{"S":"x\"y"},{"N":"1.50"},{"BS":["AQ=="]},{"NULL":true}]}}}`))
	f.Add([]byte(`{"S":"a","N":"1"}`))
	f.Add([]byte(`{"SS":["a","\u00e9"],"X":[1,{"y":null}]}`))
	f.Add([]byte(`{"B":"abc"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v Value
		if err := json.Unmarshal(data, &v); err != nil {
			return
		}
		if _, _, err := canonicalValue(v); err != nil {
			return
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("marshal %s: %v", v, err)
		}
		var back Value
		if err := json.Unmarshal(again, &back); err != nil || !back.Equal(v) {
			t.Fatalf("round trip of %s gave %s, %v", v, back, err)
		}
	})
}

// appendJSONString must agree with encoding/json (HTML escaping off).
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `q"uote\back`, "ctl\x00\x01\x1f\n\r\t", "é𝄞", "\u2028\u2029", "bad\xff\xfeutf8", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf strings.Builder
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(buf.String(), "\n")
		if got := string(appendJSONString(nil, s, 0)); got != want {
			t.Fatalf("appendJSONString(%q) = %s, encoding/json gives %s", s, got, want)
		}
	})
}

func TestItemAppendJSON_AppendsWhatMarshalJSONWrites(t *testing.T) {
	for _, it := range []Item{nil, {}, sampleItem(), {"a": S("<&>")}} {
		want, err := it.MarshalJSON()
		require.NoError(t, err)
		got := it.AppendJSON([]byte("prefix:"))
		assert.Equal(t, "prefix:"+string(want), string(got))
	}
	assert.Equal(t, "null", string(Item(nil).AppendJSON(nil)))
}
