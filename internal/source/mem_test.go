package source_test

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/source"
)

type runtimeMem struct{ totalAlloc uint64 }

func (m *runtimeMem) read() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	m.totalAlloc = s.TotalAlloc
}

// TestRead_CSVHugeQuotedFieldMemory writes a CSV record whose quoted field
// runs over 200 MB of short lines and checks that reading it allocates far
// less than its size: the lines kept in case the quote turns out malformed
// are dropped with the rest once the record passes the size limit.
func TestRead_CSVHugeQuotedFieldMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200 MB file")
	}
	const size = 210 << 20
	p := filepath.Join(t.TempDir(), "huge.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("id,text\nbefore,a\nhuge,\"")
	line := strings.Repeat("word ", 15) + "\n"
	for n := 0; n < size; n += len(line) {
		w.WriteString(line)
	}
	w.WriteString("\"\nafter,b\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	var before, after runtimeMem
	before.read()
	docs, errs := collect(t, source.Options{}, p)
	after.read()
	checkDocs(t, docs, []wantDoc{{id: "before", line: 2}, {id: "after", line: 3 + size/len(line) + 2}})
	checkErrs(t, errs, []wantErr{{3, source.ErrTooLarge}})
	// Up to the 32 MiB limit the record holds its field and a copy of its
	// lines, each grown by append; past it, nothing.
	if got := after.totalAlloc - before.totalAlloc; got > 160<<20 {
		t.Errorf("reading allocated %d MiB for a %d MiB record", got>>20, size>>20)
	}
}
