//go:build !linux

package main

import (
	"syscall"
	"time"
)

// threadCPU has no per-thread clock outside Linux; bench's stage times
// fall back to the process clock there, which is exact with one worker.
func threadCPU() time.Duration { return processCPU() }

// processCPU returns the CPU time the whole process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
