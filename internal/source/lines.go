package source

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader reads lines with a size limit and without ever holding more
// than the limit in memory: a longer line is discarded chunk by chunk up to
// its newline and reported as too long.
type lineReader struct {
	br  *bufio.Reader
	max int64
	buf []byte
	// line is the 1-based number of the line last returned.
	line int
	// off is the offset where the next line starts.
	off int64
	// countQuotes makes next count '"' bytes, for CSV's quoted newlines.
	countQuotes bool
	// quotes is the number of '"' in the line last returned, including any
	// discarded part.
	quotes int
}

func newLineReader(br *bufio.Reader, max, base int64) *lineReader {
	return &lineReader{br: br, max: max, off: base}
}

// next returns the next line without its "\n" (a "\r" before it is kept),
// its start offset, and whether it was too long (then b is nil). The slice
// is valid until the next call. At the end of input err is io.EOF; a final
// line without a newline is returned first with a nil error. Any other
// error comes with what was read of the line so far discarded.
func (lr *lineReader) next() (b []byte, start int64, tooLong bool, err error) {
	start = lr.off
	lr.quotes = 0
	var n int64
	pooled := false
	for {
		chunk, rerr := lr.br.ReadSlice('\n')
		n += int64(len(chunk))
		if lr.countQuotes {
			lr.quotes += bytes.Count(chunk, []byte{'"'})
		}
		if !tooLong {
			switch {
			case n > lr.max+1: // +1: the newline does not count
				tooLong, b = true, nil
			case rerr == nil && !pooled:
				// The whole line is in the bufio buffer: no copy.
				b = chunk
			default:
				// The chunk is overwritten by the next ReadSlice: copy.
				if !pooled {
					lr.buf, pooled = lr.buf[:0], true
				}
				lr.grow(len(chunk))
				lr.buf = append(lr.buf, chunk...)
				b = lr.buf
			}
		}
		if errors.Is(rerr, bufio.ErrBufferFull) {
			continue
		}
		lr.off += n
		switch {
		case rerr == nil:
			lr.line++
			if tooLong {
				lr.shrink()
				return nil, start, true, nil
			}
			return b[:len(b)-1], start, false, nil
		case rerr == io.EOF && n > 0:
			lr.line++
			lr.shrink()
			return b, start, tooLong, nil
		}
		return nil, start, false, rerr
	}
}

// skipBlank discards the whole blank lines (nothing but spaces, tabs and
// CRs) ahead, counting them as read, a buffer at a time. Readers call it
// between records because next costs a call and a slice per line: a file
// of nothing but newlines, which a megabyte of gzip expands to a gigabyte
// of, took most of a minute line by line. A read error is left for next
// to report.
func (lr *lineReader) skipBlank() {
	for {
		if _, err := lr.br.Peek(1); err != nil {
			return
		}
		buf, _ := lr.br.Peek(lr.br.Buffered())
		end, lines := 0, 0
		for i, c := range buf {
			if c == '\n' {
				end, lines = i+1, lines+1
				continue
			}
			if c != ' ' && c != '\t' && c != '\r' {
				break
			}
		}
		if end == 0 {
			return
		}
		_, _ = lr.br.Discard(end)
		lr.line += lines
		lr.off += int64(end)
		if end < len(buf) {
			return
		}
	}
}

// grow makes room for n more bytes, doubling rather than letting append
// grow by its gentler factor for large slices, so that a long line costs
// about twice its size in allocations instead of five times. It never asks
// for more than the line limit needs.
func (lr *lineReader) grow(n int) {
	need := len(lr.buf) + n
	if need <= cap(lr.buf) {
		return
	}
	c := 2 * cap(lr.buf)
	if c < need {
		c = need
	}
	if limit := int(min(lr.max+1, 1<<40)) + bufSize; c > limit && need <= limit {
		c = limit
	}
	nb := make([]byte, len(lr.buf), c)
	copy(nb, lr.buf)
	lr.buf = nb
}

// shrink drops a buffer grown by an unusually long line so that one big
// record does not pin memory for the rest of the file.
func (lr *lineReader) shrink() {
	if cap(lr.buf) > 1<<20 {
		lr.buf = nil
	}
}
