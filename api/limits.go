package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// DefaultRequestTimeout bounds one request, from its first body byte to
// its answer. It is no longer than the 30 s that serve gives requests in
// flight at shutdown, so that a request running at SIGTERM can finish.
const DefaultRequestTimeout = 30 * time.Second

// retryAfter is what a 503 for a full server tells clients to wait, in
// seconds: a short document takes milliseconds, so a slot frees up soon.
const retryAfter = "1"

// DefaultMaxInFlight is the number of requests analysed at once unless
// configured: twice the CPUs Go may use (GOMAXPROCS, which follows a
// container's CPU limit). Analysis is CPU-bound, so more documents at once
// would only share the cores and make every one of them slower; twice the
// cores keeps the cores busy while some requests are still reading their
// body or writing their answer. Beyond that, a client is better served by
// a prompt 503 and another replica than by a queue.
func DefaultMaxInFlight() int { return 2 * runtime.GOMAXPROCS(0) }

// slots bounds the requests that read and analyse documents at once.
type slots chan struct{}

// tryAcquire takes a slot if one is free, without waiting.
func (s slots) tryAcquire() bool {
	select {
	case s <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s slots) release() { <-s }

// acquire takes a slot, or answers 503 and returns nil. The slot is
// held while the body is read, which bounds the memory held in bodies to
// the slots times the body limit.
func (s *server) acquire(w http.ResponseWriter) (release func()) {
	if !s.slots.tryAcquire() {
		s.metrics.Rejected()
		w.Header().Set("Retry-After", retryAfter)
		writeError(w, errorf(http.StatusServiceUnavailable, "overloaded",
			"belner is analysing %d documents already, its limit; retry in a moment", cap(s.slots)))
		return nil
	}
	s.metrics.InFlight(1)
	return func() {
		s.metrics.InFlight(-1)
		s.slots.release()
	}
}

// withTimeout returns r's context bounded by the request timeout.
func (s *server) withTimeout(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
}

// readBody runs read, which reads the request's body, with ctx's deadline
// on the connection: a client that uploads slowly cannot hold a slot for
// longer than the request timeout.
// The read deadline is cleared afterwards, or the server's background read
// of the connection would hit it and cancel the request as if the client
// had gone.
func readBody[T any](ctx context.Context, w http.ResponseWriter, read func() (T, *Request, *Error)) (T, *Request, *Error) {
	rc := http.NewResponseController(w)
	deadline, _ := ctx.Deadline()
	// A ResponseWriter that cannot set deadlines (a test recorder) reads
	// from memory, where a deadline would change nothing.
	if rc.SetReadDeadline(deadline) == nil {
		defer rc.SetReadDeadline(time.Time{})
	}
	v, req, apiErr := read()
	switch {
	case apiErr == nil:
	case !time.Now().Before(deadline):
		// The read deadline passed, maybe an instant before ctx's timer.
		apiErr = errTimeout()
	case ctx.Err() != nil:
		apiErr = contextError(ctx)
	}
	return v, req, apiErr
}

// work runs f in a goroutine of its own and returns what f returns, or an
// error as soon as ctx ends: a client gets its 504 at the deadline even
// from a recogniser slow to notice. f runs on with ctx cancelled until it
// returns, and only then calls release, so that work which is stopping
// still counts against the in-flight limit.
func work[T any](s *server, ctx context.Context, release func(), f func(context.Context) (T, *Error)) (T, *Error) {
	type result struct {
		v   T
		err *Error
	}
	done := make(chan result, 1)
	reqID := middleware.GetReqID(ctx)
	go func() {
		defer release()
		defer func() {
			// A panic here would escape the HTTP server's recovery and end
			// the process; only its type is logged, never its value.
			if v := recover(); v != nil {
				s.cfg.Logger.Error("panic", slog.String("request_id", reqID), slog.String("panic_type", typeName(v)))
				done <- result{err: errorf(http.StatusInternalServerError, "internal", "internal error; the request id is %s", reqID)}
			}
		}()
		v, err := f(ctx)
		done <- result{v, err}
	}()
	select {
	case res := <-done:
		return res.v, res.err
	case <-ctx.Done():
		select {
		case res := <-done: // finished as the deadline passed: keep the work
			return res.v, res.err
		default:
		}
		var zero T
		return zero, contextError(ctx)
	}
}

// contextError is the API error for a request whose context ended.
func contextError(ctx context.Context) *Error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errTimeout()
	}
	// The client went away: no one reads this answer.
	return errorf(http.StatusServiceUnavailable, "canceled", "the request was canceled")
}

func errTimeout() *Error {
	return errorf(http.StatusGatewayTimeout, "timeout",
		"the request took longer than the request timeout and was stopped; send a shorter document or raise BELNER_REQUEST_TIMEOUT")
}
