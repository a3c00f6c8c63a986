//go:build race

package testref

// Race reports whether the race detector is on. Tests that only need
// volume, not particular rows, use it to write less: modernc.org/sqlite is
// C translated to Go, so under the detector every memory access SQLite
// makes is instrumented and a write costs about twenty times as much.
const Race = true
