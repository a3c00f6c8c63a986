// Package pgtest gives tests a PostgreSQL database to themselves: a schema
// of their own in the database that DATELINE_TEST_POSTGRES names, dropped
// when the test ends, so that tests neither see nor wait for each other's
// rows. Without the variable the tests skip, saying so; .ci/run starts a
// throwaway cluster and sets it (see .ci/postgres.sh).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Env names the variable with the DSN (a postgres:// URL) of a database
// the tests may create schemas in.
const Env = "DATELINE_TEST_POSTGRES"

// DSN returns the test database's DSN, or skips the test.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		t.Skipf("%s is not set: no PostgreSQL to test against (.ci/run starts one; see .ci/postgres.sh)", Env)
	}
	return dsn
}

// Schema creates a schema for the test and returns its name and a DSN
// whose connections use it (search_path); it is dropped, with everything
// in it, when the test ends.
func Schema(t testing.TB) (dsn, schema string) {
	t.Helper()
	base := DSN(t)
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema = "test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		if err := exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), schema
}
