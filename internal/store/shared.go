package store

import (
	"encoding/json"
	"fmt"

	"github.com/dateline-project/dateline/internal/output"
)

// What both backends read and write alike, beside the row readers in
// rows.go: the SQL they share where their dialects agree, and the
// decoding of the columns they keep the same way.

// ParseProvenance reverses ProvenanceKey: nil for "".
func ParseProvenance(key string) (*output.Provenance, error) {
	if key == "" {
		return nil, nil
	}
	p := &output.Provenance{}
	if err := json.Unmarshal([]byte(key), p); err != nil {
		return nil, fmt.Errorf("decode provenance: %w", err)
	}
	return p, nil
}

// AlsoReportedBySQL is AlsoReportedBy's query over both backends'
// incident_members, arg the placeholder of the doc_id ("?" or "$1").
func AlsoReportedBySQL(arg string) string {
	return `SELECT DISTINCT d2.doc_id, d2.title, d2.source_name
		FROM documents d
		JOIN events e ON e.doc = d.id
		JOIN incident_members m ON m.event = e.id AND m.incident != ''
		JOIN incident_members m2 ON m2.incident = m.incident
		JOIN events e2 ON e2.id = m2.event
		JOIN documents d2 ON d2.id = e2.doc
		WHERE d.doc_id = ` + arg + ` AND d2.id != d.id
		ORDER BY d2.doc_id`
}

// ReadDocRefs reads (doc_id, title, source name) rows; none is an empty
// list, not nil.
func ReadDocRefs(rows Rows) ([]DocRef, error) {
	out := []DocRef{}
	for rows.Next() {
		var r DocRef
		if err := rows.Scan(&r.DocID, &r.Title, &r.Source); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReadActors reads Actors' rows (name, country, events, as actor, as
// recipient), fetched with LIMIT limit+1 at offset, into one page and
// the cursor of the next ("" when none).
func ReadActors(rows Rows, limit, offset int) ([]ActorCount, string, error) {
	out := make([]ActorCount, 0, min(limit, 64))
	for rows.Next() {
		if len(out) == limit {
			return out, EncodeOffset(offset + limit), nil
		}
		var a ActorCount
		if err := rows.Scan(&a.Name, &a.Country, &a.Events, &a.AsActor, &a.AsRecipient); err != nil {
			return nil, "", err
		}
		out = append(out, a)
	}
	return out, "", rows.Err()
}
