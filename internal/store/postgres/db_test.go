package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// open returns an empty store in a schema of the test's own.
func open(t testing.TB) *postgres.DB {
	t.Helper()
	dsn, _ := pgtest.Schema(t)
	db, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDB_Conformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

// TestDB_TextPlans runs the suite with the text filter in its other form,
// a subquery over the documents' index, which broad queries take.
func TestDB_TextPlans(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db := open(t)
		postgres.SetFTSCap(db, 0)
		return db
	})
}

// TestDB_NamePlans runs the suite with actor name filters in their other
// form, an EXISTS on each event walked in day order, which broad names
// take.
func TestDB_NamePlans(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db := open(t)
		postgres.SetNameCap(db, 0)
		return db
	})
}

// TestOpen_Versions checks the schema version contract: a database from a
// newer dateline is refused with ErrSchema, an older one is migrated
// forward keeping its rows, and NoCreate refuses a database without
// tables instead of creating them.
func TestOpen_Versions(t *testing.T) {
	ctx := context.Background()
	// The base DSN and the Schema option, which is what Open is given
	// when the schema is not in the DSN.
	dsn := pgtest.DSN(t)
	_, schema := pgtest.Schema(t)
	if _, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema, NoCreate: true}); !errors.Is(err, store.ErrNoDatabase) {
		t.Fatalf("NoCreate on an empty schema: err %v, want ErrNoDatabase", err)
	}
	db, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Load(t, db)
	db.Close()
	// Reopened, with or without NoCreate, the rows are there.
	db, err = postgres.Open(ctx, dsn, postgres.Options{Schema: schema, NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Documents != 3 {
		t.Errorf("after reopening: %+v, %v; want the fixture's 3 documents", st, err)
	}
	if err := postgres.Exec(ctx, db, "UPDATE dateline_schema SET version = version + 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema}); !errors.Is(err, store.ErrSchema) {
		t.Errorf("newer schema: err %v, want ErrSchema", err)
	}
}

// TestDB_Text checks what PostgreSQL text cannot hold: a NUL byte and
// invalid UTF-8 in the text, the title and the names are stored, the text
// comes back byte for byte, and filters with such bytes run.
func TestDB_Text(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	d := storetest.Fixture()[0]
	d.Text = "Caf\xe9 \x00 Bogot\u00e1 talks ref-0042 press@example.org " + d.Text
	d.Record.Title = "nul \x00 title \xff"
	d.Record.Events[0].Actor[0].EntityName = "army \x00"
	ins, err := db.PutDocuments(ctx, []store.Document{d})
	if err != nil || !ins[0] {
		t.Fatalf("put: %v %v", ins, err)
	}
	got, err := db.Document(ctx, d.Record.DocID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != d.Text {
		t.Errorf("text %q, want %q", got.Text, d.Text)
	}
	// The record goes through encoding/json, which writes invalid UTF-8
	// as U+FFFD, in either store; the NUL survives.
	if want := strings.ToValidUTF8(d.Record.Title, "\uFFFD"); got.Record.Title != want {
		t.Errorf("record title %q, want %q", got.Record.Title, want)
	}
	for _, c := range []struct {
		f    store.EventFilter
		want int
	}{
		{store.EventFilter{Actor: store.ActorFilter{Name: "army \x00"}}, 1},
		{store.EventFilter{Q: "bogota"}, 2},  // diacritics folded in the text
		{store.EventFilter{Q: "Bogotá"}, 2},  // and in the query
		{store.EventFilter{Q: "bog*"}, 2},    // prefix
		{store.EventFilter{Q: "bog"}, 0},     // a word, not a prefix
		{store.EventFilter{Q: "o'brien"}, 0}, // a quote in a word
		{store.EventFilter{Q: `a\b`}, 0},     // a backslash
		{store.EventFilter{Q: "( & | !"}, 0}, // tsquery operators
		{store.EventFilter{Q: "talks !"}, 2},
		{store.EventFilter{Q: "0042"}, 2},    // a hyphen splits words, as in FTS5
		{store.EventFilter{Q: "example"}, 2}, // so does an e-mail address's punctuation // a lexeme-less word drops out
		{store.EventFilter{Q: "\x00"}, 0},    // nothing searchable matches nothing, as in SQLite
	} {
		rows, _, err := db.Events(ctx, c.f, "", 0)
		if err != nil {
			t.Errorf("%+v: %v", c.f, err)
			continue
		}
		if len(rows) != c.want {
			t.Errorf("%+v (q %q): %d events, want %d", c.f, c.f.Q, len(rows), c.want)
		}
	}
}

// TestTSQuery checks the translation of a user's words into to_tsquery's
// syntax: every word quoted, quotes and backslashes escaped, a trailing *
// a prefix match.
func TestTSQuery(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"", ""},
		{"  ", ""},
		{"ceasefire", "'ceasefire'"},
		{"France aid", "'France' & 'aid'"},
		{"energ*", "'energ':*"},
		{"o'brien", "'o brien'"},
		{`a\b`, `'a b'`},
		{"gen-00012345", "'gen 00012345'"},
		{"(", ""},
		{`"*"`, ""},
		{"Bogotá", "'Bogota'"},
		{"x & !y", "'x' & 'y'"},
	} {
		if got := postgres.TSQuery(c.q); got != c.want {
			t.Errorf("tsQuery(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
