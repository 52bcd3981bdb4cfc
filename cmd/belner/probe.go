package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"
)

// probe checks a running belner for the container's HEALTHCHECK, where
// there is no curl: exit status 0 when -url answers 200, 1 otherwise, with
// the reason on stderr. It never prints a response body, goes through no
// proxy and follows no redirect.
func probe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("url", probeURL(os.Getenv(envName("addr"))),
		"URL to GET; default /readyz at $BELNER_ADDR, on 127.0.0.1 when it names no address")
	timeout := fs.Duration("timeout", 3*time.Second, "time the whole check may take")
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("probe takes no arguments, got %q", fs.Args())
	}
	if *timeout <= 0 {
		return fmt.Errorf("-timeout must be positive, got %v", *timeout)
	}
	u, err := url.Parse(*target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("probe: -url %q is not an http(s) URL", *target)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fmt.Errorf("probe: %w", err)
	}
	client := &http.Client{
		// No proxy: HTTP_PROXY in the container's environment must not
		// send a loopback check elsewhere.
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	resp, err := client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // the URL is printed once, below
		}
		fmt.Fprintf(stderr, "belner probe: %s: %v\n", u.Redacted(), err)
		return errReported
	}
	defer resp.Body.Close()
	// Read a little of the body, unseen, so the server is not cut off
	// mid-answer; never print it.
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "belner probe: %s: %s\n", u.Redacted(), resp.Status)
		return errReported
	}
	return nil
}

// probeURL is the default -url of probe: /readyz at serve's -addr (from
// $BELNER_ADDR; default :8080), on the loopback address when it listens
// on every address.
func probeURL(addr string) string {
	host, port := "127.0.0.1", "8080"
	if h, p, err := net.SplitHostPort(addr); err == nil && p != "" {
		port = p
		if ip := net.ParseIP(h); ip != nil && !ip.IsUnspecified() {
			host = ip.String()
		} else if h == "localhost" {
			host = h
		}
	}
	return "http://" + net.JoinHostPort(host, port) + "/readyz"
}
