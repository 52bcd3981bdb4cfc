// Package api serves belner over HTTP: POST /v1/analyze takes a document
// and answers with the entities in it, as JSON with exact offsets.
//
// A document flows through Analyze: decode (package document), recognise
// and merge (package analyzer), respond. The command line runs the same
// function, so `belner analyze` prints what the API would answer.
package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/document"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// DefaultMaxBytes is the largest document accepted by default.
const DefaultMaxBytes = 10 << 20

// Config configures the HTTP API.
type Config struct {
	// MaxBytes is the largest document accepted; DefaultMaxBytes if zero.
	MaxBytes int64
	// Ready reports whether the service can analyse documents (its model
	// loaded). Nil means always ready.
	Ready func() bool
	// Logger receives one line per request, never any document text.
	Logger *slog.Logger
	// Static, if set, serves everything outside the API (the demo page).
	Static http.Handler
}

type server struct {
	analyzer *analyzer.Analyzer
	cfg      Config
}

// New returns the HTTP handler of the API.
func New(a *analyzer.Analyzer, cfg Config) http.Handler {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Ready == nil {
		cfg.Ready = func() bool { return true }
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &server{analyzer: a, cfg: cfg}

	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.logRequests, s.recoverPanics)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(http.StatusNotFound, "not_found", "no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(http.StatusMethodNotAllowed, "method_not_allowed", "%s is not allowed on %s", r.Method, r.URL.Path))
	})
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Post("/v1/analyze", s.analyze)
	if cfg.Static != nil {
		r.Handle("/*", cfg.Static)
	}
	return r
}

func (s *server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) readyz(w http.ResponseWriter, _ *http.Request) {
	if !s.cfg.Ready() {
		writeError(w, errorf(http.StatusServiceUnavailable, "not_ready", "belner is starting: the model is not loaded yet"))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (s *server) analyze(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.Ready() {
		writeError(w, errorf(http.StatusServiceUnavailable, "not_ready", "belner is starting: the model is not loaded yet"))
		return
	}
	body, req, apiErr := readRequest(w, r, s.cfg.MaxBytes)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	resp, apiErr := Analyze(r.Context(), s.analyzer, body, req)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// Analyze decodes the document body and returns its entities as the API
// answers them, or the API error for the document.
func Analyze(ctx context.Context, a *analyzer.Analyzer, body []byte, req *Request) (*Response, *Error) {
	opts, apiErr := req.options(a)
	if apiErr != nil {
		return nil, apiErr
	}
	doc, err := document.Decode(body)
	if errors.Is(err, document.ErrNotText) {
		return nil, errorf(http.StatusUnsupportedMediaType, "not_text",
			"the document is %v; belner reads plain text (.txt) in UTF-8, UTF-16 or Windows-1252", err)
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "undecodable", "the document could not be decoded: %v", err)
	}
	if doc.Blank() {
		return newResponse(doc, nil, opts), nil
	}
	es, err := a.Analyze(ctx, doc.Runes, opts.Options)
	if err != nil {
		if ctx.Err() != nil {
			return nil, errorf(http.StatusServiceUnavailable, "canceled", "the analysis was canceled: %v", ctx.Err())
		}
		return nil, errorf(http.StatusInternalServerError, "analysis_failed", "the analysis failed: %v", err)
	}
	return newResponse(doc, es, opts), nil
}

// logRequests logs one line per request: what was asked and how it went,
// never what the document said.
func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		start := time.Now()
		next.ServeHTTP(ww, r)
		route := chi.RouteContext(r.Context()).RoutePattern()
		s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.Int("status", ww.Status()),
			slog.Duration("duration", time.Since(start)),
			slog.Int64("request_bytes", r.ContentLength),
			slog.Int("response_bytes", ww.BytesWritten()),
			slog.String("request_id", middleware.GetReqID(r.Context())),
		)
	})
}

// recoverPanics turns a panic into a 500 with a JSON error. The log line
// has the request id and the panic but never the document: a panic value
// from a recogniser could quote it, so only its type is logged.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.cfg.Logger.Error("panic", slog.String("request_id", middleware.GetReqID(r.Context())),
					slog.String("panic_type", typeName(v)))
				writeError(w, errorf(http.StatusInternalServerError, "internal", "internal error; the request id is %s", middleware.GetReqID(r.Context())))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
