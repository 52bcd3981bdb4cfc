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
)

// shutdownGrace is how long requests in flight may run after SIGTERM.
const shutdownGrace = 30 * time.Second

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8080", "listen address")
	maxBytes := fs.Int64("max-bytes", api.DefaultMaxBytes, "largest document accepted, in bytes")
	ops := addOpsFlags(fs)
	mf := addModelFlags(fs)
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
	late := &lateModel{}
	var model analyzer.Recognizer
	ready := func() bool { return true }
	if mf.enabled() {
		model, ready = late, late.ready
	}
	a := newAnalyzer(model, ops.metrics.Instrument)
	handler := api.New(a, ops.apiConfig(api.Config{MaxBytes: *maxBytes, Logger: logger, Static: demo.Handler(), Ready: ready}))

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
	// The model loads in the background: /healthz answers at once, /readyz
	// and analyses answer 503 until it is loaded.
	loaded := make(chan error, 1)
	if mf.enabled() {
		go func() {
			start := time.Now()
			svc, err := mf.load()
			if err == nil {
				late.svc.Store(svc)
				logger.Info("model loaded", slog.String("backend", mf.backend), slog.Duration("duration", time.Since(start)))
			}
			loaded <- err
		}()
		defer func() {
			if late.svc.Load() == nil {
				// Still loading (or failed): let it finish, to free it.
				if err := <-loaded; err != nil {
					return
				}
			}
			late.svc.Load().Close()
		}()
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	for stop := false; !stop; {
		select {
		case err := <-done:
			return fmt.Errorf("serve: %w", err)
		case err := <-loaded:
			if err != nil {
				srv.Close()
				<-done
				loaded <- err // for the deferred clean-up
				return fmt.Errorf("cannot serve without the model: %w", err)
			}
		case <-ctx.Done():
			stop = true
		}
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
