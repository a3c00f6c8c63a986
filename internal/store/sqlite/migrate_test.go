package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// TestMigrate_FromV2 opens a database written before near-duplicate
// detection (schema 2) and checks that it gains the columns, keeps its
// rows, and hands their texts to Signatures for signing.
func TestMigrate_FromV2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:2] {
		if _, err := raw.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	old := storetest.Fixture()[:2]
	for _, d := range old {
		rec, err := json.Marshal(d.Record)
		if err != nil {
			t.Fatal(err)
		}
		// The insert of the release that wrote schema 2.
		if _, err := raw.Exec(`INSERT INTO documents
			(doc_id, hash, title, day, published, source_path, source_line, source_url, source_name, text, record, ingested)
			VALUES (?, ?, ?, '', NULL, '', 0, '', '', ?, ?, '2024-01-01T00:00:00Z')`,
			d.Record.DocID, store.ContentHash(d.Text), d.Record.Title, d.Text, rec); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := raw.Exec("PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.rd.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("user_version %d (%v), want %d", v, err, SchemaVersion)
	}
	var got []string
	err = db.Signatures(ctx, func(id string, sig []byte, text string) error {
		if sig != nil {
			t.Errorf("%s: signature %q from before signatures existed", id, sig)
		}
		got = append(got, id+" "+text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"d1 " + old[0].Text, "d2 " + old[1].Text}; !reflect.DeepEqual(got, want) {
		t.Errorf("Signatures walk %q, want %q", got, want)
	}
	d, err := db.Document(ctx, "d1")
	if err != nil {
		t.Fatal(err)
	}
	if d.Record.DuplicateOf != nil || d.Record.Similarity != nil || d.Record.Title != old[0].Record.Title {
		t.Errorf("migrated record %+v", d.Record)
	}
	// The migrated database takes new documents, duplicates included,
	// and a distinct query over it leaves only those out.
	dup := storetest.Fixture()[2]
	dup.Record.DuplicateOf, dup.Record.Similarity = new("d1"), new(0.9)
	dup.Signature = []byte("sig")
	if ins, err := db.PutDocuments(ctx, []store.Document{dup}); err != nil || !ins[0] {
		t.Fatalf("put after migration: %v %v", ins, err)
	}
	var dupOf string
	var sim float64
	if err := db.rd.QueryRow("SELECT duplicate_of, similarity FROM documents WHERE doc_id = 'd3'").Scan(&dupOf, &sim); err != nil || dupOf != "d1" || sim != 0.9 {
		t.Errorf("d3 columns %q %v (%v), want d1 0.9", dupOf, sim, err)
	}
	rows, _, err := db.Events(ctx, store.EventFilter{Distinct: true}, "", 0)
	if err != nil || len(rows) != 0 {
		t.Errorf("distinct events %v (%v): the migrated rows have no events and d3 is a duplicate", storetest.Keys(rows), err)
	}
}

// TestMigrate_AnalystColumns: migration 6 fills the events' filter
// columns from their stored records exactly as the writer fills them for
// new events.
func TestMigrate_AnalystColumns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v5.db")
	db, err := Open(ctx, path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := storetest.Fixture()
	// One event per marker that makes an event unasserted, so that the
	// migration's list is checked against store.Unasserted.
	extra := storetest.Fixture()[2]
	extra.Record.DocID, extra.Text = "aux", "A text of its own."
	extra.Record.Events[0].Aux = []string{} // asserted, unlike d3's
	for _, a := range store.Unasserted {
		ev := extra.Record.Events[0]
		ev.ID, ev.Aux = "e-"+a, []string{a}
		extra.Record.Events = append(extra.Record.Events, ev)
	}
	if _, err := db.PutDocuments(ctx, append(docs, extra)); err != nil {
		t.Fatal(err)
	}
	const cols = `SELECT json_extract(json, '$.id'), principal, negated, asserted, confidence, date_precision, main FROM events ORDER BY id`
	read := func(db *DB) [][]any {
		rows, err := db.rd.QueryContext(ctx, cols)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out [][]any
		for rows.Next() {
			r := make([]any, 7)
			ptrs := make([]any, 7)
			for i := range r {
				ptrs[i] = &r[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	written := read(db)
	if err := Downgrade(ctx, db, 5); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := read(db); !reflect.DeepEqual(got, written) {
		t.Errorf("migrated columns\n%v\nwant as written\n%v", got, written)
	}
	var unasserted int
	if err := db.rd.QueryRow(`SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_id = 'aux' AND NOT asserted`).Scan(&unasserted); err != nil || unasserted != len(store.Unasserted) {
		t.Errorf("unasserted events of the aux document: %d (%v), want %d", unasserted, err, len(store.Unasserted))
	}
}

// TestMigrate_MetaIndexes checks that Events lists the same rows, every
// field alike, from a database before migration 7 (which reads the
// documents and incident_members rows) and after it (which reads their
// narrow indexes), over pages, filters and the incidents filter.
func TestMigrate_MetaIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v6.db")
	list := func(db *DB) map[string][]store.EventRow {
		out := map[string][]store.EventRow{}
		for name, f := range map[string]store.EventFilter{
			"all":       {},
			"type":      {Type: []string{"PROTEST"}},
			"actor":     {Actor: store.ActorFilter{Countries: []string{"UKR"}}, Sort: store.SortDateDesc},
			"incidents": {Incidents: true},
		} {
			cursor := ""
			for {
				rows, next, err := db.Events(ctx, f, cursor, 70)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				out[name] = append(out[name], rows...)
				if next == "" {
					break
				}
				cursor = next
			}
		}
		return out
	}
	old, err := openAt(ctx, path, Options{NoSync: true}, metaVersion-1)
	if err != nil {
		t.Fatal(err)
	}
	gen := storetest.NewGenerator(5, 4)
	docs := make([]store.Document, 100)
	for i := range docs {
		docs[i] = gen.Next()
	}
	if _, err := old.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	before := list(old)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !db.meta {
		t.Fatal("the migrated database does not read the narrow indexes")
	}
	after := list(db)
	for name, rows := range before {
		if len(rows) == 0 {
			t.Errorf("%s: no rows", name)
		}
		if !reflect.DeepEqual(rows, after[name]) {
			t.Errorf("%s: %d rows before migration 7, %d after, not the same", name, len(rows), len(after[name]))
		}
	}
}
