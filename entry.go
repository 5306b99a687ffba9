package ddbsim

// treeDegree is the B-tree degree of every replica tree.
const treeDegree = 32

// entry is one stored item as a replica tree holds it: the partition hash
// inline, so most comparisons never leave the tree node, the encoded
// primary key, and the item's immutable compact encoding with its DynamoDB
// size. Replicas holding the same item share the encoding's bytes.
type entry struct {
	tableKey
	enc  string
	size int
}

// entryLess orders a table as DynamoDB lays out partitions: by partition
// hash, then by encoded key (partition key, then sort key).
func entryLess(a, b entry) bool {
	if a.hash != b.hash {
		return a.hash < b.hash
	}
	return a.key < b.key
}
