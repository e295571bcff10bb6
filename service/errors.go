package service

import (
	"sync/atomic"

	"github.com/dangjian-go/dangjian"
)

// The kinds of problem the service adds to the library's. Their codes are
// part of the API.
var (
	// ErrNotFound: no such route, or no such scheme (404).
	ErrNotFound = dangjian.NewKind("not_found", "no such resource", dangjian.ErrUnknownRef)
	// ErrMethod: the route does not take the request's method (405).
	ErrMethod = dangjian.NewKind("method_not_allowed", "method not allowed", dangjian.ErrInvalid)
	// ErrMediaType: the body's Content-Type is not one the route reads
	// (415).
	ErrMediaType = dangjian.NewKind("unsupported_media_type", "unsupported media type", dangjian.ErrInvalid)
	// ErrTooLarge: the body is larger than the service reads (413).
	ErrTooLarge = dangjian.NewKind("too_large", "request body too large", dangjian.ErrLimit)
	// ErrTimeout: the request's work outlasted the service's bound (413).
	ErrTimeout = dangjian.NewKind("timeout", "request took too long", dangjian.ErrLimit)
	// ErrBusy: the server worked on Options.MaxInFlight requests and none
	// finished within the request's time bound (429).
	ErrBusy = dangjian.NewKind("busy", "too many requests at once", dangjian.ErrLimit)
)

// recovered counts the panics the last-resort recovery caught: the tests
// check that it stays 0.
var recovered atomic.Int64
