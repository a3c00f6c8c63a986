package server_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

var updateGolden = flag.Bool("update", false, "rewrite the export golden files in testdata/export")

// awkwardDocument holds an event whose every exported text field carries
// what an encoder must escape or a spreadsheet could run: quotes, commas,
// newlines, markup, a line separator, non-ASCII, formula prefixes; numbers
// with and without fractions; a location with a GeoNames id but no
// coordinates; an actor known only by its raw text; no date.
func awkwardDocument() store.Document {
	cluster := 3
	odd := output.ActorBlock{RawText: "the \"Front\", north\nwing", EntityName: "", CountryCode: "UKR", SectorCode: "REB",
		OtherSectorCodes: []string{"MIL", "OPP"}, Start: 4, End: 27, Cluster: &cluster}
	formula := output.ActorBlock{RawText: "=cmd", EntityName: "=HYPERLINK(\"x\")", CountryCode: "UKR", SectorCode: "GOV", OtherSectorCodes: []string{}}
	name := "Ż<b>ółć</b> & \u2028 «Kyiv» 🙂"
	day := "2023-07-14"
	rec := output.Record{
		DocID: "odd/1?x=1", Source: output.Source{Path: "odd,path.jsonl", Line: 7, URL: "https://example.org/a?b=1&c=<2>", Name: "Odd \"Wire\""},
		Published: &day, Title: "Title with \"quotes\", commas\nand <script>", Agencies: []output.Agency{}, Entities: []output.Entity{},
		Quotes: []output.Quote{}, Times: []output.TimeExpr{}, Places: []output.Place{}, Warnings: []output.Warning{},
		Schema: output.SchemaVersion,
		Events: []output.Event{
			{ID: "e1", DatePrecision: "published", Event: "PROTEST", Mode: "demo", Context: []string{"economic", "a|b"},
				Actor: []output.ActorBlock{odd, formula}, Recipient: []output.ActorBlock{},
				Location:  &output.Location{Name: name, GeonameID: 703448, CountryCode: "UKR", Source: "dateline", Precision: 3},
				ClaimedBy: &odd, Negated: true, Aux: []string{"future"}, Quad: "material conflict", CameoRoot: "14",
				Intensity: -6.5, Evidence: output.Evidence{SentenceStart: 1, SentenceEnd: 90, TriggerStart: 10, TriggerEnd: 17,
					TriggerText: "-marched", Text: "They said: \"we marched\",\r\nthen left.\t"}, Rule: "odd", Confidence: 0.3333333333333333},
			{ID: "e2", Date: &day, DatePrecision: "day", Event: "PROTEST", Mode: "", Context: nil,
				Actor: []output.ActorBlock{formula}, Recipient: []output.ActorBlock{odd},
				Location:  &output.Location{Name: "+Kharkiv", CountryCode: "UKR", Lat: 49.99, Lon: 0, Source: "attached", Precision: 1, Start: 3, End: 10},
				Principal: true, Aux: []string{}, Quad: "material conflict", CameoRoot: "14", Intensity: 1e-7,
				Evidence: output.Evidence{TriggerText: "@rally", Text: "A rally."}, Rule: "odd", Confidence: 1},
		},
	}
	return store.Document{Record: rec, Text: "They said: \"we marched\", then left. A rally."}
}

// exportTargets are the exports the golden files hold, over every export
// format, filters that walk different plans, both orders and incidents.
var exportTargets = []string{
	"/api/export/events.csv",
	"/api/export/events.csv?type=PROTEST",
	"/api/export/events.csv?actor_country=UKR&sort=-date",
	"/api/export/events.csv?incidents=1",
	"/api/export/events.csv?sort=-confidence",
	"/api/export/events.geojson",
	"/api/export/events.geojson?actor_country=UKR",
	"/api/export/events.geojson?type=PROTEST&sort=-date",
	"/api/export/events.jsonl",
	"/api/export/events.jsonl?actor_country=UKR",
	"/api/export/incidents.csv",
}

// goldenName is the file under testdata/export that holds target's
// answer.
func goldenName(prefix, target string) string {
	r := strings.NewReplacer("/api/export/", "", "?", "_", "&", "_", "=", "-", ",", "-")
	return prefix + "_" + r.Replace(target)
}

// TestExports_Golden checks every export byte for byte against what it
// wrote when the golden files were made (go test -run Golden -update),
// over two stores: the hand-written fixture with an awkward document,
// whose answers are kept whole to read, and 1,600 generated events, which
// page several times and whose answers are kept as SHA-256 digests (they
// run to megabytes). An export made faster must not change a byte.
func TestExports_Golden(t *testing.T) {
	small := newStore(t)
	docs := append(append(storetest.Fixture(), storetest.Namesakes()...), awkwardDocument())
	if _, err := small.PutDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	big := newStore(t)
	gen := storetest.NewGenerator(7, 8)
	batch := make([]store.Document, 200)
	for i := range batch {
		batch[i] = gen.Next()
	}
	if _, err := big.PutDocuments(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "export")
	digestFile := filepath.Join(dir, "generated.sha256")
	var digests strings.Builder
	want, err := os.ReadFile(digestFile)
	if err != nil && !*updateGolden {
		t.Fatal(err)
	}
	for _, target := range exportTargets {
		r := get(t, server.New(small, server.Options{}), target)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", target, r.status, r.body)
		}
		file := filepath.Join(dir, goldenName("fixture", target))
		if *updateGolden {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, r.body, 0o644); err != nil {
				t.Fatal(err)
			}
		} else if golden, err := os.ReadFile(file); err != nil {
			t.Fatal(err)
		} else if string(r.body) != string(golden) {
			t.Errorf("%s differs from %s:\n got %q\nwant %q", target, file, r.body, golden)
		}

		r = get(t, server.New(big, server.Options{}), target)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", target, r.status, r.body)
		}
		sum := sha256.Sum256(r.body)
		fmt.Fprintf(&digests, "%s  %s (%d bytes)\n", hex.EncodeToString(sum[:]), target, len(r.body))
	}
	if *updateGolden {
		if err := os.WriteFile(digestFile, []byte(digests.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := digests.String(); got != string(want) {
		t.Errorf("the generated store's exports differ from %s:\n got\n%s\nwant\n%s", digestFile, got, want)
	}
}
