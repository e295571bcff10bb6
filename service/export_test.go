package service

// Recovered returns the number of panics the last-resort recovery caught.
func Recovered() int64 { return recovered.Load() }
