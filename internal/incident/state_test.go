package incident

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// roundTrip passes members through JSON, as a store's rows would be.
func roundTrip(t *testing.T, ms []Member) []Member {
	t.Helper()
	b, err := json.Marshal(ms)
	if err != nil {
		t.Fatal(err)
	}
	var out []Member
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// fakeStore keeps what a store would: the reports as added, and the
// incidents and memberships from each TakeChanges, applied together.
type fakeStore struct {
	reports   map[string]Report
	members   map[string]Membership
	incidents map[string]Incident
}

func newFakeStore() *fakeStore {
	return &fakeStore{map[string]Report{}, map[string]Membership{}, map[string]Incident{}}
}

// add is one transaction: the new report and the changes it caused.
func (s *fakeStore) add(t *testing.T, c *Clusterer, r Report) {
	t.Helper()
	if _, err := c.Add(r); err != nil {
		t.Fatal(err)
	}
	ch := c.TakeChanges()
	s.reports[r.EventID] = r
	for _, id := range ch.Removed {
		delete(s.incidents, id)
	}
	for _, inc := range ch.Updated {
		// The Reports array is the Clusterer's: a store keeps a copy.
		inc.Reports = slices.Clone(inc.Reports)
		s.incidents[inc.ID] = inc
	}
	for _, m := range ch.Members {
		s.members[m.EventID] = m
	}
}

// rows joins reports and memberships, as a store would to Restore.
func (s *fakeStore) rows() []Member {
	var out []Member
	for id, r := range s.reports {
		m := s.members[id]
		out = append(out, Member{Report: r, Incident: m.Incident, Anchor: m.Anchor})
	}
	return out
}

func (s *fakeStore) sortedIncidents() []Incident {
	var out []Incident
	for _, id := range slices.Sorted(maps.Keys(s.incidents)) {
		out = append(out, s.incidents[id])
	}
	return out
}

// TestRestoreResumes simulates a kill -9 at the library level: a run
// that commits each Add's changes to a store dies after k reports; a new
// process restores from the store's rows and adds the remaining reports,
// in another order. Both the Clusterer and the store must end with the
// incidents of one uninterrupted run. It also restores from Snapshot,
// which must give the same state.
func TestRestoreResumes(t *testing.T) {
	type set struct {
		name string
		reps []Report
	}
	var sets []set
	var ts []Report
	for _, g := range loadTestSet(t) {
		ts = append(ts, g.Report)
	}
	sets = append(sets, set{"test set", ts})
	for seed := range uint64(8) {
		sets = append(sets, set{fmt.Sprintf("random %d", seed), randomReports(rand.New(rand.NewPCG(seed, 3)), 150)})
	}
	for _, st := range sets {
		t.Run(st.name, func(t *testing.T) {
			reps := st.reps
			clean, _ := clusterAll(t, reps)
			want := clean.Incidents()
			rng := rand.New(rand.NewPCG(1, 1))
			for _, k := range []int{0, 1, len(reps) / 3, len(reps) / 2, len(reps) - 1, len(reps)} {
				c, err := New(Options{})
				if err != nil {
					t.Fatal(err)
				}
				store := newFakeStore()
				for _, r := range reps[:k] {
					store.add(t, c, r)
				}
				fromSnapshot, err := Restore(Options{}, roundTrip(t, c.Snapshot()))
				if err != nil {
					t.Fatalf("after %d, from Snapshot: %v", k, err)
				}
				// kill -9: c is gone, the store's rows remain.
				restored, err := Restore(Options{}, roundTrip(t, store.rows()))
				if err != nil {
					t.Fatalf("after %d, from the store: %v", k, err)
				}
				if ch := restored.TakeChanges(); len(ch.Updated)+len(ch.Removed)+len(ch.Members) != 0 {
					t.Fatalf("after %d: a restored Clusterer has pending changes: %+v", k, ch)
				}
				if got := restored.Incidents(); !sameIncidents(got, store.sortedIncidents()) || !sameIncidents(got, fromSnapshot.Incidents()) {
					t.Fatalf("after %d: restored incidents differ from the store's:\n%s", k, diffIncidents(got, store.sortedIncidents()))
				}
				rest := slices.Clone(reps[k:])
				rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
				for _, r := range rest {
					store.add(t, restored, r)
				}
				if got := restored.Incidents(); !sameIncidents(got, want) {
					t.Fatalf("restored after %d, then added the rest: incidents differ:\n%s", k, diffIncidents(got, want))
				}
				if got := store.sortedIncidents(); !sameIncidents(got, want) {
					t.Fatalf("restored after %d, then added the rest: the store's incidents differ:\n%s", k, diffIncidents(got, want))
				}
				checkInvariants(t, restored)
			}
		})
	}
}

// TestRestoreRefuses checks that states no Clusterer writes are refused,
// such as a store that applied half of a TakeChanges.
func TestRestoreRefuses(t *testing.T) {
	base := []Report{
		report("a1"), report("a2", at(3, 1)),
		report("s", at(10, 2)),
		report("u1", on("2025-06-01", PrecisionDay), at(0, 3)), report("u2", on("2025-06-01", PrecisionDay), at(0, 3)),
		report("h", on("", PrecisionHistorical)),
	}
	c, _ := clusterAll(t, base)
	good := c.Snapshot()
	find := func(ms []Member, ev string) *Member {
		for i := range ms {
			if ms[i].EventID == ev {
				return &ms[i]
			}
		}
		t.Fatalf("no member %s", ev)
		return nil
	}
	if find(good, "s").Anchor == "" {
		t.Fatal("s should have an anchor")
	}
	tests := []struct {
		name   string
		change func([]Member) []Member
		want   string
	}{
		{"as written", func(ms []Member) []Member { return ms }, ""},
		{"duplicate event", func(ms []Member) []Member { return append(ms, ms[0]) }, "already added"},
		{"no incident", func(ms []Member) []Member { find(ms, "a2").Incident = ""; return ms }, "has no incident"},
		{"missing anchor", func(ms []Member) []Member { find(ms, "s").Anchor = "gone"; return ms }, "missing"},
		{"anchor is a satellite", func(ms []Member) []Member { find(ms, "s").Anchor = "u1"; return ms }, "no compatible anchor"},
		{"anchor on an anchor", func(ms []Member) []Member { find(ms, "a2").Anchor = "a1"; return ms }, "no satellite"},
		{"satellite left its anchor's incident", func(ms []Member) []Member { find(ms, "s").Incident = "inc-s"; return ms }, "not in the incident of its anchor"},
		{"unanchored satellite in an anchored incident", func(ms []Member) []Member { find(ms, "s").Anchor = ""; return ms }, "does not fit"},
		{"undated report shares", func(ms []Member) []Member { find(ms, "h").Incident = find(ms, "u1").Incident; return ms }, "undated report"},
		{"misnamed incident", func(ms []Member) []Member {
			for i := range ms {
				if ms[i].Incident == "inc-u1" {
					ms[i].Incident = "inc-u2"
				}
			}
			return ms
		}, "should be named"},
		{"bad report", func(ms []Member) []Member { find(ms, "u2").DatePrecision = "week"; return ms }, "unknown date precision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := tt.change(roundTrip(t, good))
			_, err := Restore(Options{}, ms)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Restore: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Restore error %v, want one saying %q", err, tt.want)
			}
		})
	}
}
