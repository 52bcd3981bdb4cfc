package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const doc = "Rijksregisternummer: 85.07.30-033.28\nIBAN BE71 0961 2345 6769\n"

func TestAnalyzePrintsOneLinePerFileInOrder(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	binary := filepath.Join(dir, "scan.pdf")
	os.WriteFile(good, []byte(doc), 0o600)
	os.WriteFile(binary, []byte("%PDF-1.7 ..."), 0o600)

	var stdout, stderr bytes.Buffer
	args := []string{"analyze", "-entities", "INSZ,IBAN", good, binary, filepath.Join(dir, "missing.txt"), "-"}
	err := run(context.Background(), args, strings.NewReader(doc), &stdout, &stderr)
	if err == nil {
		t.Fatal("analyze succeeded though two files failed")
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want 4:\n%s", len(lines), stdout.String())
	}
	for i, want := range []string{"entities", "error", "error", "entities"} {
		var v map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &v); err != nil {
			t.Fatalf("line %d is not JSON: %v", i, err)
		}
		if _, ok := v[want]; !ok {
			t.Errorf("line %d has no %q: %s", i, want, lines[i])
		}
	}
	if lines[0] != lines[3] {
		t.Errorf("a file and the same text on stdin gave different results:\n%s\n%s", lines[0], lines[3])
	}
	if !strings.Contains(lines[0], `"text":"85.07.30-033.28"`) || !strings.Contains(lines[0], `"text":"BE71 0961 2345 6769"`) {
		t.Errorf("entities missing from %s", lines[0])
	}
	if !strings.Contains(stderr.String(), "2 of 4 documents failed") {
		t.Errorf("stderr does not count the failures: %q", stderr.String())
	}
}

func TestAnalyzeMatchesTheAPI(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"analyze", "-explain", "-"}, strings.NewReader(doc), &stdout, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	addr := startServer(t)
	resp, err := http.Post("http://"+addr+"/v1/analyze?explain=true", "text/plain", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var api bytes.Buffer
	api.ReadFrom(resp.Body)
	if stdout.String() != api.String() {
		t.Errorf("CLI and API differ:\n%s\n%s", stdout.String(), api.String())
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"analyze"}, {"serve", "extra"}, {"serve", "-nope"}} {
		var stderr bytes.Buffer
		if err := run(context.Background(), args, nil, &bytes.Buffer{}, &stderr); err == nil {
			t.Errorf("%q succeeded", args)
		}
		if stderr.Len() == 0 && len(args) != 2 {
			t.Errorf("%q printed no usage", args)
		}
	}
}

// startServer runs `belner serve` on a free loopback port until the test
// ends, and checks that it then shuts down cleanly.
func startServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "-addr", addr}, nil, &bytes.Buffer{}, &bytes.Buffer{}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve did not shut down cleanly: %v", err)
		}
	})
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return addr
			}
		}
	}
	t.Fatal("serve did not become ready")
	return ""
}
