package output

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/testref"
)

// fullEvent has every field of Event, and of the structs inside it, set
// to a value other than its zero, so that a field DecodeEvent does not
// read shows up as a difference (or as a fallback).
func fullEvent() Event {
	one, two, three := 1, 2, 3
	day := "2024-05-01"
	block := func(name string, cluster *int) ActorBlock {
		return ActorBlock{RawText: "the " + name, EntityName: name, CountryCode: "UKR", SectorCode: "GOV",
			OtherSectorCodes: []string{"MIL", "OPP"}, Start: 4, End: 9, Cluster: cluster}
	}
	claimer := block("Ministry", &three)
	return Event{
		ID: "e7", Date: &day, DatePrecision: "day", Event: "ASSAULT", Mode: "aerial", Context: []string{"military", "a|b"},
		Actor: []ActorBlock{block("Army", &one), block("Navy", &two)}, Recipient: []ActorBlock{block("Kyiv", &one)},
		Location: &Location{Name: "Kyiv", GeonameID: 703448, CountryCode: "UKR", Lat: 50.45, Lon: -30.52, Source: "attached",
			Precision: 1, Start: 30, End: 34},
		ClaimedBy: &claimer, Quote: &two, InTitle: true, Negated: true, Principal: true, Aux: []string{"future"},
		Quad: "material conflict", CameoRoot: "19", Intensity: -9.5,
		Evidence: Evidence{SentenceStart: 1, SentenceEnd: 80, TriggerStart: 12, TriggerEnd: 19,
			TriggerText: "shelled", Text: "The army \"shelled\" Kyiv <at> dawn & dusk, é\u2028."},
		Rule: "dep:nsubj", Confidence: 0.8333333333333334, IncidentID: "inc-x/e7",
	}
}

// checkNonZero fails for every field of v (recursively through structs,
// pointers and the first element of slices) that holds its zero value.
func checkNonZero(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("%s is nil", path)
			return
		}
		checkNonZero(t, path, v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			checkNonZero(t, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s is empty", path)
			return
		}
		checkNonZero(t, path+"[0]", v.Index(0))
	default:
		if v.IsZero() {
			t.Errorf("%s is zero", path)
		}
	}
}

// fast decodes data on the fast path alone, reporting whether it took it.
func fast(data []byte) (Event, bool) {
	var ev Event
	d := decoder{b: data, s: string(data)}
	return ev, d.event(&ev) && d.end()
}

// sameAsStd checks DecodeEvent against json.Unmarshal on data.
func sameAsStd(t *testing.T, data []byte) {
	t.Helper()
	var got, want Event
	gotErr, wantErr := DecodeEvent(data, &got), json.Unmarshal(data, &want)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%q: DecodeEvent error %v, json.Unmarshal error %v", data, gotErr, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\nDecodeEvent    %+v\njson.Unmarshal %+v", data, got, want)
	}
}

// TestDecodeEvent_EveryField checks that DecodeEvent reads every field
// of Event on its fast path: a field added to Event and not to the
// decoder fails here, rather than slowing every export down quietly.
func TestDecodeEvent_EveryField(t *testing.T) {
	ev := fullEvent()
	checkNonZero(t, "Event", reflect.ValueOf(ev))
	data, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := fast(data)
	if !ok {
		t.Fatalf("the fast path gave up on json.Marshal's own output: %s", data)
	}
	if !reflect.DeepEqual(got, ev) {
		t.Errorf("fast path:\n got %+v\nwant %+v", got, ev)
	}
	sameAsStd(t, data)
}

func TestDecodeEvent_Shapes(t *testing.T) {
	for _, c := range []struct {
		name, data string
		fast       bool // the fast path reads it
	}{
		{"empty", `{}`, true},
		{"jsonb spacing and order", `{"id": "e1", "quad": "verbal conflict", "actor": [{"end": 3, "start": 0, "country_code": "FRA"}], "date": null}` + "\n", true},
		{"tabs and newlines", "{\t\"id\"\r\n:\n\"e1\" , \"aux\" : [ ] }", true},
		{"nulls everywhere", `{"id":null,"date":null,"context":null,"actor":null,"location":null,"claimed_by":null,"quote":null,"in_title":null,"intensity":null,"evidence":null}`, true},
		{"null elements", `{"actor":[null,{"cluster":null}],"context":[null,"x"]}`, true},
		{"empty arrays", `{"context":[],"actor":[],"recipient":[],"aux":[]}`, true},
		{"empty location", `{"location":{}}`, true},
		{"escapes", `{"evidence":{"text":"a \"b\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 \u003c"}}`, true},
		{"lone surrogate", `{"id":"\ud800x"}`, true},
		{"non-ASCII", `{"id":"Київ 🙂"}`, true},
		{"invalid UTF-8", "{\"id\":\"a\xffb\"}", true},
		{"numbers", `{"intensity":-0.5e+2,"confidence":1E-7,"quote":-0,"location":{"lat":0,"lon":-180.0,"geonameid":123456789}}`, true},
		{"unknown key", `{"id":"e1","extra":{"a":[1,2]}}`, false},
		{"case-folded key", `{"ID":"e1"}`, false},
		{"escaped key", `{"\u0069d":"e1"}`, false},
		{"repeated key", `{"location":{"name":"a","lat":1},"location":{"name":"b"}}`, false},
		{"repeated nested key", `{"actor":[{"raw_text":"a","raw_text":"b"}]}`, false},
		{"string for a number", `{"intensity":"1"}`, false},
		{"number for a string", `{"id":1}`, false},
		{"float for an int", `{"quote":1.5}`, false},
		{"int out of range", `{"quote":99999999999999999999}`, false},
		{"float out of range", `{"intensity":1e999}`, false},
		{"leading zero", `{"intensity":01}`, false},
		{"leading plus", `{"intensity":+1}`, false},
		{"bare point", `{"intensity":.5}`, false},
		{"trailing point", `{"intensity":1.}`, false},
		{"bool for a string", `{"id":true}`, false},
		{"object for an array", `{"actor":{}}`, false},
		{"trailing comma", `{"id":"e1",}`, false},
		{"trailing garbage", `{"id":"e1"} x`, false},
		{"two values", `{}{}`, false},
		{"control character", "{\"id\":\"a\x01\"}", false},
		{"bad escape", `{"id":"\x"}`, false},
		{"unterminated", `{"id":"e1`, false},
		{"truncated literal", `{"negated":tru}`, false},
		{"top-level null", `null`, false},
		{"top-level array", `[]`, false},
		{"empty input", ``, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, ok := fast([]byte(c.data)); ok != c.fast {
				t.Errorf("fast path %v, want %v", ok, c.fast)
			}
			sameAsStd(t, []byte(c.data))
		})
	}
}

// FuzzDecodeEvent checks that DecodeEvent and json.Unmarshal agree on
// any input: the same value, and an error from both or neither.
func FuzzDecodeEvent(f *testing.F) {
	full, err := json.Marshal(fullEvent())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	f.Add([]byte(strings.ReplaceAll(string(full), ",", ", ")))
	f.Add([]byte(`{"actor":[null,{"cluster":null}],"context":[null,"x"],"location":{}}`))
	f.Add([]byte(`{"evidence":{"text":"a \"b\" \ud83d\ude00 \u003c"},"id":"\ud800x"}`))
	f.Add([]byte(`{"location":{"name":"a","lat":1},"location":{"name":"b"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsStd(t, data)
	})
}

// BenchmarkDecodeEvent decodes one event, as the generated store holds
// them, with json.Unmarshal and with DecodeEvent in turns within one run,
// and reports each one's process CPU time per event and their ratio
// (std/fast): the speed-up, read side by side rather than across runs.
func BenchmarkDecodeEvent(b *testing.B) {
	ev := fullEvent()
	ev.Quote, ev.InTitle, ev.Actor, ev.IncidentID = nil, false, ev.Actor[:1], ""
	data, err := json.Marshal(ev)
	if err != nil {
		b.Fatal(err)
	}
	const batch = 200
	var std, fast time.Duration
	n := 0
	for b.Loop() {
		c0 := testref.ProcessCPU()
		for range batch {
			var e Event
			if err := json.Unmarshal(data, &e); err != nil {
				b.Fatal(err)
			}
		}
		c1 := testref.ProcessCPU()
		for range batch {
			var e Event
			if err := DecodeEvent(data, &e); err != nil {
				b.Fatal(err)
			}
		}
		c2 := testref.ProcessCPU()
		std, fast, n = std+c1-c0, fast+c2-c1, n+batch
	}
	b.ReportMetric(float64(std.Nanoseconds())/float64(n), "std-cpu-ns/event")
	b.ReportMetric(float64(fast.Nanoseconds())/float64(n), "fast-cpu-ns/event")
	if fast > 0 {
		b.ReportMetric(float64(std)/float64(fast), "std/fast")
	}
	b.ReportMetric(float64(len(data)), "bytes/event")
}
