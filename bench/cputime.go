package bench

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system time so far, or 0 when
// the platform does not report it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
