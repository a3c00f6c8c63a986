package incident

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dateline-project/dateline/internal/output"
)

// Batch gives the records of one run their incident ids, for `dateline
// code --dedup`, which has no store. An incident's id names its
// best-evidenced report, so it may change until the last record is read:
// Batch files each record's events as the record comes and keeps the
// record, and Emit gives the records back in the same order, each event's
// IncidentID set from the run's final incidents. The ids are then the
// same whatever order the inputs came in, which is what an analyst
// comparing two runs expects; ids that a later record renames would not
// be.
//
// Records wait in a temporary file, as JSON Lines, rather than in memory,
// so that a run of a million documents needs memory for its reports
// (about 1 KB each) and not for its records.
type Batch struct {
	c     *Clusterer
	spool *os.File
	w     *bufio.Writer
	n     int
	// clash marks the records (by ordinal) that repeat another record's
	// event ids (the same doc_id twice in the input): their events are
	// left out of the incidents and keep no incident id.
	clash map[int]bool
}

// NewBatch returns an empty Batch whose records wait in a temporary file
// in dir ("" for the system's).
func NewBatch(opt Options, dir string) (*Batch, error) {
	c, err := New(opt)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "dateline-incidents-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("incident batch: %w", err)
	}
	return &Batch{c: c, spool: f, w: bufio.NewWriterSize(f, 256<<10), clash: map[int]bool{}}, nil
}

// Add files rec's events and keeps rec for Emit. It returns false when
// rec repeats event ids of an earlier record, or one of its own, whose
// events then stay out of the incidents.
func (b *Batch) Add(rec *output.Record) (bool, error) {
	reps := FromRecord(rec)
	ok := true
	ids := make(map[string]bool, len(reps))
	for _, r := range reps {
		if _, seen := b.c.event(r.EventID); seen || ids[r.EventID] {
			ok = false
		}
		ids[r.EventID] = true
	}
	if ok {
		for _, r := range reps {
			if _, err := AddOrSingle(b.c, r); err != nil {
				return false, err
			}
		}
		// Nothing stores the changes: let them go.
		b.c.TakeChanges()
	} else {
		b.clash[b.n] = true
	}
	b.n++
	js, err := json.Marshal(rec)
	if err != nil {
		return false, fmt.Errorf("incident batch: encode record %s: %w", rec.DocID, err)
	}
	if _, err := b.w.Write(append(js, '\n')); err != nil {
		return false, fmt.Errorf("incident batch: spool: %w", err)
	}
	return ok, nil
}

// Incidents returns the number of incidents the records' events form.
func (b *Batch) Incidents() int { return b.c.Len() }

// Emit calls fn with every record added, in order, its events' IncidentID
// set. An error from fn stops it and is returned.
func (b *Batch) Emit(fn func(*output.Record) error) error {
	if err := b.w.Flush(); err != nil {
		return fmt.Errorf("incident batch: spool: %w", err)
	}
	if _, err := b.spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("incident batch: rewind: %w", err)
	}
	r := bufio.NewReaderSize(b.spool, 256<<10)
	for i := 0; ; i++ {
		line, err := r.ReadBytes('\n')
		if errors.Is(err, io.EOF) && len(line) == 0 {
			return nil
		}
		if err != nil {
			return fmt.Errorf("incident batch: read spool: %w", err)
		}
		var rec output.Record
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("incident batch: decode record %d: %w", i+1, err)
		}
		if !b.clash[i] {
			for j := range rec.Events {
				if id, ok := b.c.IncidentOf(ReportID(rec.DocID, rec.Events[j].ID)); ok {
					rec.Events[j].IncidentID = id
				}
			}
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
}

// Close removes the temporary file.
func (b *Batch) Close() error {
	name := b.spool.Name()
	err := b.spool.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	return err
}
