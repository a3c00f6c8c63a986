//go:build unix

package testref

import (
	"syscall"
	"time"
)

// ProcessCPU returns the user and system CPU time the process has used.
// Benchmarks compare it side by side rather than wall time, which other
// processes on a shared machine inflate.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
