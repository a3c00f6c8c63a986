//go:build !unix

package testref

import "time"

// ProcessCPU is not measured on this platform; benchmarks that divide by
// it report nothing useful there.
func ProcessCPU() time.Duration { return 0 }
