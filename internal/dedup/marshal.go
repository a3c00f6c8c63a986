package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The encoding of a Signature: the magic bytes "MH", a format byte, the
// word count and the NumHashes minima, all integers little-endian uint32.
// The format byte names everything that gives a minimum its meaning (K,
// NumHashes, the normalisation, the shingle hash and familySeed); change
// any of them and bump it, so that signatures stored by an older build
// are refused instead of silently compared with incomparable ones.
const (
	format      = 2
	headerLen   = 3
	MarshalSize = headerLen + 4 + 4*NumHashes
)

// ErrFormat reports bytes that are not a signature this build can read.
var ErrFormat = errors.New("dedup: not a signature of this format")

// Marshal returns the MarshalSize-byte encoding of s, for storing it.
func (s Signature) Marshal() []byte {
	return s.AppendBinary(make([]byte, 0, MarshalSize))
}

// AppendBinary appends the encoding of s to b.
func (s Signature) AppendBinary(b []byte) []byte {
	b = append(b, 'M', 'H', format)
	b = binary.LittleEndian.AppendUint32(b, s.Words)
	for _, v := range s.Mins {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// Unmarshal decodes a signature written by Marshal.
func Unmarshal(b []byte) (Signature, error) {
	var s Signature
	if len(b) != MarshalSize {
		return s, fmt.Errorf("%w: %d bytes, want %d", ErrFormat, len(b), MarshalSize)
	}
	if b[0] != 'M' || b[1] != 'H' {
		return s, fmt.Errorf("%w: bad magic %q", ErrFormat, b[:2])
	}
	if b[2] != format {
		return s, fmt.Errorf("%w: format %d, this build reads %d", ErrFormat, b[2], format)
	}
	b = b[headerLen:]
	s.Words = binary.LittleEndian.Uint32(b)
	b = b[4:]
	for i := range s.Mins {
		s.Mins[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}
