package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/api"
	"github.com/belner/belner/demo"
	"github.com/belner/belner/recognizers"
)

// shutdownGrace is how long requests in flight may run after SIGTERM.
const shutdownGrace = 30 * time.Second

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8080", "listen address")
	maxBytes := fs.Int64("max-bytes", api.DefaultMaxBytes, "largest document accepted, in bytes")
	ops := addOpsFlags(fs)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if err := ops.load(fs, os.LookupEnv); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	logger := ops.logger(stderr)
	a := newAnalyzer(ops.metrics.Instrument)
	handler := api.New(a, ops.apiConfig(api.Config{MaxBytes: *maxBytes, Logger: logger, Static: demo.Handler()}))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	logger.Info("serving", slog.String("addr", ln.Addr().String()), slog.Int64("max_bytes", *maxBytes))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// newAnalyzer returns the analyzer that serve and analyze share; serve
// passes metrics' Instrument, to time each recogniser.
func newAnalyzer(instrument ...func(...analyzer.Recognizer) []analyzer.Recognizer) *analyzer.Analyzer {
	rs := []analyzer.Recognizer{recognizers.NewSet(recognizers.DefaultMatchTimeout)}
	for _, f := range instrument {
		rs = f(rs...)
	}
	return analyzer.New(rs...)
}
