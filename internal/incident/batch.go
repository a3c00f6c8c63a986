package incident

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/dateline-project/dateline/internal/output"
)

// Batch gives the records of one run their incident ids, for `dateline
// code --dedup`, which has no store. An incident's id names its first
// report, which a record published earlier and read later displaces, so
// it may change until the last record is read:
// Batch files each record's events as the record comes and keeps the
// record, and Emit writes the records in the same order, each event's
// incident_id set from the run's final incidents. The ids are then the
// same whatever order the inputs came in, which is what an analyst
// comparing two runs expects; ids that a later record renames would not
// be.
//
// Records wait in a temporary file, encoded as Emit writes them, rather
// than in memory, so that a run of a million documents needs memory for
// its reports (about 1 KB each) and not for its records. Each event is
// encoded with a placeholder for its incident id, which Emit replaces:
// encoding a record once, rather than spooling it, reading it back and
// encoding it again, keeps what --dedup adds to coding small.
type Batch struct {
	c     *Clusterer
	spool *os.File
	w     *bufio.Writer
	count countWriter
	enc   *output.LineEncoder
	// prefix and indent are SetIndent's, for the records Emit decodes.
	prefix, indent string
	recs           []spooled
	// cv converts the records, reusing its arrays (see Converter).
	cv Converter
}

// spooled is one record as the spool holds it.
type spooled struct {
	size int64 // its encoding's length in bytes
	// first is the node of its first event, -1 when the record repeats
	// event ids of an earlier one (the same doc_id twice in the input):
	// its events are left out of the incidents and keep no incident id.
	first int32
	n     int32 // its events
}

// placeholder stands for an event's incident id in the spool. A control
// character, it is encoded as an escape ("\u0001"), and the key before it
// can only be an object key (a quote inside a JSON string is escaped), so
// Emit finds exactly the events' placeholders.
const placeholder = "\x01"

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
	b := &Batch{c: c, spool: f, w: bufio.NewWriterSize(f, 256<<10)}
	b.count.w = b.w
	b.enc = output.NewLineEncoder(&b.count)
	return b, nil
}

// SetIndent indents the records as output.LineEncoder.SetIndent does;
// it must be called before the first Add.
func (b *Batch) SetIndent(prefix, indent string) {
	b.prefix, b.indent = prefix, indent
	b.enc.SetIndent(prefix, indent)
}

// Add files rec's events and keeps rec for Emit. It returns false when
// rec repeats event ids of an earlier record, or one of its own, whose
// events then stay out of the incidents. rec is left as it was given.
func (b *Batch) Add(rec *output.Record) (bool, error) {
	reps := b.cv.Record(rec)
	ok := true
	ids := make(map[string]bool, len(reps))
	for _, r := range reps {
		if _, seen := b.c.event(r.EventID); seen || ids[r.EventID] {
			ok = false
		}
		ids[r.EventID] = true
	}
	s := spooled{first: -1, n: int32(len(reps))}
	if ok {
		s.first = int32(b.c.nodes.len())
		for _, r := range reps {
			if _, err := AddOrSingle(b.c, r); err != nil {
				return false, err
			}
		}
		// Nothing stores the changes: let them go.
		b.c.TakeChanges()
		// Each event's id was new, so each added one node, in order.
		old := make([]string, len(rec.Events))
		for i := range rec.Events {
			old[i], rec.Events[i].IncidentID = rec.Events[i].IncidentID, placeholder
		}
		defer func() {
			for i := range rec.Events {
				rec.Events[i].IncidentID = old[i]
			}
		}()
	}
	start := b.count.n
	if err := b.enc.Encode(rec); err != nil {
		return false, fmt.Errorf("incident batch: record %s: %w", rec.DocID, err)
	}
	s.size = b.count.n - start
	b.recs = append(b.recs, s)
	return ok, nil
}

// Incidents returns the number of incidents the records' events form.
func (b *Batch) Incidents() int { return b.c.Len() }

// Emit writes every record added to w, in order and encoded as
// output.LineEncoder does, its events' incident_id set.
func (b *Batch) Emit(w io.Writer) error {
	if err := b.w.Flush(); err != nil {
		return fmt.Errorf("incident batch: spool: %w", err)
	}
	if _, err := b.spool.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("incident batch: rewind: %w", err)
	}
	r := bufio.NewReaderSize(b.spool, 256<<10)
	var buf, out, id bytes.Buffer
	idEnc := output.NewLineEncoder(&id)
	for k, s := range b.recs {
		buf.Reset()
		if _, err := io.CopyN(&buf, r, s.size); err != nil {
			return fmt.Errorf("incident batch: read spool: %w", err)
		}
		if s.first < 0 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			continue
		}
		out.Reset()
		if !b.fill(&out, buf.Bytes(), s, idEnc, &id) {
			// Not the placeholders Add wrote: a record whose title
			// events carried one. Decoded, it is set field by field.
			if err := b.refill(&out, buf.Bytes(), s); err != nil {
				return fmt.Errorf("incident batch: record %d: %w", k+1, err)
			}
		}
		if _, err := w.Write(out.Bytes()); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	return nil
}

// fill writes to out the spooled record js with its events'
// placeholders replaced by their incident ids, encoded by idEnc into id.
// It reports false when js does not hold one placeholder per event.
func (b *Batch) fill(out *bytes.Buffer, js []byte, s spooled, idEnc *output.LineEncoder, id *bytes.Buffer) bool {
	key, value := []byte(`"incident_id":`), []byte(`"\u0001"`)
	k := int32(0)
	for {
		at := bytes.Index(js, key)
		if at < 0 {
			break
		}
		v := at + len(key)
		for v < len(js) && (js[v] == ' ' || js[v] == '\t' || js[v] == '\n') {
			v++
		}
		if !bytes.HasPrefix(js[v:], value) {
			out.Write(js[:v])
			js = js[v:]
			continue
		}
		if k == s.n {
			return false
		}
		id.Reset()
		if idEnc.Encode(b.c.idOf(b.c.nodes.at(s.first+k).cl)) != nil {
			return false
		}
		out.Write(js[:v])
		out.Write(bytes.TrimSuffix(id.Bytes(), []byte("\n")))
		js = js[v+len(value):]
		k++
	}
	out.Write(js)
	return k == s.n
}

// refill writes to out the spooled record js decoded, its events'
// incident ids set, and encoded again.
func (b *Batch) refill(out *bytes.Buffer, js []byte, s spooled) error {
	out.Reset()
	var rec output.Record
	if err := json.Unmarshal(js, &rec); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	if int32(len(rec.Events)) != s.n {
		return fmt.Errorf("%d events spooled, %d read back", s.n, len(rec.Events))
	}
	for j := range rec.Events {
		rec.Events[j].IncidentID = b.c.idOf(b.c.nodes.at(s.first + int32(j)).cl)
	}
	enc := output.NewLineEncoder(out)
	if b.prefix != "" || b.indent != "" {
		enc.SetIndent(b.prefix, b.indent)
	}
	return enc.Encode(&rec)
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

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
