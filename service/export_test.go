package service

import (
	"io/fs"
	"net/http"
)

// Recovered returns the number of panics the last-resort recovery caught.
func Recovered() int64 { return recovered.Load() }

// NewWithFiles returns the service with the page's files in web instead of
// the embedded ones.
func NewWithFiles(opt Options, web fs.FS) http.Handler { return newServer(opt, web) }

// HoldSlot is holdSlot: a POST that keeps one of h's in-flight slots
// until release.
func HoldSlot(h http.Handler) (release func()) { return holdSlot(h) }
