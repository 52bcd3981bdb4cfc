package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// secret stands for personal data in a response body: probe never prints it.
const secret = "85.07.30-033.28 Jan Peeters"

func runProbe(t *testing.T, args ...string) (error, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), append([]string{"probe"}, args...), strings.NewReader(""), &stdout, &stderr)
	if stdout.Len() > 0 {
		t.Errorf("probe wrote to stdout: %q", stdout.String())
	}
	if strings.Contains(stderr.String(), secret) {
		t.Errorf("probe printed the response body: %q", stderr.String())
	}
	return err, stderr.String()
}

func TestProbe(t *testing.T) {
	var ready atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/redirect":
			http.Redirect(w, r, "/readyz", http.StatusFound)
		case r.URL.Path != "/readyz" || r.Method != http.MethodGet:
			http.NotFound(w, r)
		case !ready.Load():
			http.Error(w, secret, http.StatusServiceUnavailable)
		default:
			w.Write([]byte(secret))
		}
	}))
	defer srv.Close()

	err, msg := runProbe(t, "-url", srv.URL+"/readyz")
	if !errors.Is(err, errReported) || !strings.Contains(msg, "503") {
		t.Errorf("not ready: err %v, stderr %q; want failure naming 503", err, msg)
	}
	ready.Store(true)
	if err, msg := runProbe(t, "-url", srv.URL+"/readyz"); err != nil || msg != "" {
		t.Errorf("ready: err %v, stderr %q; want success, silent", err, msg)
	}
	if err, msg := runProbe(t, "-url", srv.URL+"/redirect"); err == nil || !strings.Contains(msg, "302") {
		t.Errorf("redirect: err %v, stderr %q; want failure (redirects are not followed)", err, msg)
	}
	if err, _ := runProbe(t, "-url", srv.URL+"/nope"); err == nil {
		t.Error("404 passed")
	}
}

func TestProbeIgnoresProxies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:1") // nothing listens there
	t.Setenv("http_proxy", "http://127.0.0.1:1")
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
	if err, msg := runProbe(t, "-url", srv.URL+"/readyz"); err != nil {
		t.Errorf("probe went through HTTP_PROXY: %v, %q", err, msg)
	}
}

func TestProbeFailsWithoutServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	err, msg := runProbe(t, "-url", "http://"+addr+"/readyz")
	if !errors.Is(err, errReported) || !strings.Contains(msg, addr) {
		t.Errorf("err %v, stderr %q; want failure naming %s", err, msg, addr)
	}
}

func TestProbeTimesOut(t *testing.T) {
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(hang)
	start := time.Now()
	err, _ := runProbe(t, "-url", srv.URL+"/readyz", "-timeout", "200ms")
	if err == nil {
		t.Fatal("a server that never answers passed")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("probe took %v with -timeout 200ms", d)
	}
}

func TestProbeRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-url", "127.0.0.1:8080/readyz"},
		{"-url", "file:///etc/passwd"},
		{"-timeout", "0s"},
		{"extra"},
		{"-nope"},
	} {
		if err, _ := runProbe(t, args...); err == nil {
			t.Errorf("probe %q succeeded", args)
		}
	}
}

func TestProbeURLFollowsAddr(t *testing.T) {
	for addr, want := range map[string]string{
		"":             "http://127.0.0.1:8080/readyz",
		":8080":        "http://127.0.0.1:8080/readyz",
		":9090":        "http://127.0.0.1:9090/readyz",
		"0.0.0.0:8181": "http://127.0.0.1:8181/readyz",
		"[::]:8282":    "http://127.0.0.1:8282/readyz",
		"10.1.2.3:80":  "http://10.1.2.3:80/readyz",
		"[::1]:8080":   "http://[::1]:8080/readyz",
		"localhost:81": "http://localhost:81/readyz",
		"garbage":      "http://127.0.0.1:8080/readyz",
	} {
		if got := probeURL(addr); got != want {
			t.Errorf("probeURL(%q) = %s, want %s", addr, got, want)
		}
	}
}

// TestProbeAgainstServe runs probe against a real serve, once it is ready.
func TestProbeAgainstServe(t *testing.T) {
	addr := startServer(t)
	if err, msg := runProbe(t, "-url", "http://"+addr+"/readyz"); err != nil {
		t.Errorf("probe of a ready serve: %v, %q", err, msg)
	}
}
