//go:build !race

package testref

// Race reports whether the race detector is on (see race.go).
const Race = false
