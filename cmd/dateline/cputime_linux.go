package main

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU returns the CPU time (user and system) the calling OS thread
// has used; the caller must hold its thread (runtime.LockOSThread) between
// two readings for their difference to mean anything.
func threadCPU() time.Duration { return rusage(unix.RUSAGE_THREAD) }

// processCPU returns the CPU time the whole process has used.
func processCPU() time.Duration { return rusage(unix.RUSAGE_SELF) }

func rusage(who int) time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
