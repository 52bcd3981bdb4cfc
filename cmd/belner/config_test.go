package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"sigs.k8s.io/yaml"
)

func TestEnvName(t *testing.T) {
	for flagName, want := range map[string]string{
		"addr":          "BELNER_ADDR",
		"max-bytes":     "BELNER_MAX_BYTES",
		"max-inflight":  "BELNER_MAX_INFLIGHT",
		"api-keys-file": "BELNER_API_KEYS_FILE",
		"model":         "BELNER_MODEL",
		"ort.lib":       "BELNER_ORT_LIB",
	} {
		if got := envName(flagName); got != want {
			t.Errorf("envName(%q) = %q, want %q", flagName, got, want)
		}
	}
}

func TestApplyEnvPrecedence(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"default", nil, nil, "default"},
		{"environment over default", nil, map[string]string{"BELNER_SOME_FLAG": "env"}, "env"},
		{"flag over environment", []string{"-some-flag", "flag"}, map[string]string{"BELNER_SOME_FLAG": "env"}, "flag"},
		{"empty variable is a value", nil, map[string]string{"BELNER_SOME_FLAG": ""}, ""},
		{"other variables ignored", nil, map[string]string{"SOME_FLAG": "x", "BELNER_SOMEFLAG": "y"}, "default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			v := fs.String("some-flag", "default", "")
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			lookup := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			if err := applyEnv(fs, lookup); err != nil {
				t.Fatal(err)
			}
			if *v != tt.want {
				t.Errorf("got %q, want %q", *v, tt.want)
			}
		})
	}
}

func TestApplyEnvNamesABadVariable(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.Int("max-inflight", 1, "")
	fs.Duration("request-timeout", time.Second, "")
	fs.Parse(nil)
	env := map[string]string{"BELNER_MAX_INFLIGHT": "lots", "BELNER_REQUEST_TIMEOUT": "30"}
	err := applyEnv(fs, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	for _, want := range []string{"BELNER_MAX_INFLIGHT", "BELNER_REQUEST_TIMEOUT"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %s", err, want)
		}
	}
}

func TestReadKeys(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		return p
	}
	keys, err := readKeys(write("keys", "# belner keys\n\nkey-one\n  key-two  \r\n# key-three\n"))
	if err != nil || strings.Join(keys, ",") != "key-one,key-two" {
		t.Errorf("got %q, %v; want key-one and key-two", keys, err)
	}
	for name, content := range map[string]string{"empty": "# nothing\n\n", "spaces": "a secret key\n"} {
		_, err := readKeys(write(name, content))
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: the error quotes the file: %v", name, err)
		}
	}
	if _, err := readKeys(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestServeRejectsBadSettings(t *testing.T) {
	for _, tt := range []struct{ env, value, want string }{
		{"BELNER_MAX_INFLIGHT", "lots", "BELNER_MAX_INFLIGHT"},
		{"BELNER_MAX_INFLIGHT", "0", "-max-inflight"},
		{"BELNER_REQUEST_TIMEOUT", "30", "BELNER_REQUEST_TIMEOUT"},
		{"BELNER_LOG_LEVEL", "loud", "BELNER_LOG_LEVEL"},
		{"BELNER_API_KEYS_FILE", "/nonexistent/keys", "API keys"},
	} {
		t.Run(tt.env+"="+tt.value, func(t *testing.T) {
			t.Setenv(tt.env, tt.value)
			err := run(context.Background(), []string{"serve", "-addr", "127.0.0.1:0"}, nil, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error naming %s", err, tt.want)
			}
		})
	}
}

func TestServeTakesKeysFromTheEnvironment(t *testing.T) {
	keys := filepath.Join(t.TempDir(), "keys")
	os.WriteFile(keys, []byte("# test\nfile-key\n"), 0o600)
	t.Setenv("BELNER_API_KEYS_FILE", keys)
	t.Setenv("BELNER_API_KEYS", "env-key")
	addr := startServer(t)
	for key, want := range map[string]int{"": 401, "wrong": 401, "file-key": 200, "env-key": 200} {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/v1/analyze", strings.NewReader(doc))
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("key %q: %d, want %d", key, resp.StatusCode, want)
		}
	}
}

// TestShutdownLosesNoResponse stops serve, as SIGTERM does, while
// requests are in flight: every request must get either a complete 200 or
// no answer at all (a refused connection, which a client retries), never
// a cut one; and serve must return cleanly.
func TestShutdownLosesNoResponse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	var logs safeBuffer
	go func() {
		// The patterns only: this is about the HTTP shutdown, and 48
		// documents through the model on the Go backend would outlast the
		// request timeout on a busy machine.
		served <- run(ctx, []string{"serve", "-addr", addr, "-max-inflight", "1000", "-model", "none"}, nil, io.Discard, &logs)
	}()
	waitReady(t, addr)

	// 6 KB with 200 entities: big enough to be in flight at the cancel,
	// small enough that 48 at once stay well inside the recognisers' match
	// timeout on a busy machine, under the race detector too.
	body := strings.Repeat(doc, 100)
	const n = 48
	type outcome struct {
		answered bool // a status line came back
		status   int
		entities int
		err      error // of the connection if not answered, else of the body
	}
	outcomes := make(chan outcome, n)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			resp, err := client.Post("http://"+addr+"/v1/analyze", "text/plain", strings.NewReader(body))
			if err != nil {
				outcomes <- outcome{err: err}
				return
			}
			defer resp.Body.Close()
			var r struct {
				Entities []json.RawMessage
				Error    struct{ Message string }
			}
			err = json.NewDecoder(resp.Body).Decode(&r)
			if r.Error.Message != "" {
				err = errors.New(r.Error.Message)
			}
			outcomes <- outcome{answered: true, status: resp.StatusCode, entities: len(r.Entities), err: err}
		})
	}
	var got []outcome
	for len(got) < n/4 {
		got = append(got, <-outcomes)
	}
	cancel()
	wg.Wait()
	close(outcomes)
	for o := range outcomes {
		got = append(got, o)
	}
	var complete, refused int
	for _, o := range got {
		switch {
		case !o.answered:
			refused++
			t.Logf("no answer: %v", o.err)
		case o.status == http.StatusOK && o.err == nil && o.entities == 200:
			complete++
		default:
			t.Errorf("status %d, %d entities, error %v: want a complete 200 or no answer", o.status, o.entities, o.err)
		}
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not return")
	}
	_, during, _ := strings.Cut(logs.String(), "shutting down")
	t.Logf("%d requests: %d complete (%d of them finished during the shutdown), %d refused at shutdown",
		n, complete, strings.Count(during, `"msg":"request"`), refused)
	if !strings.Contains(logs.String(), "shutting down") {
		t.Error("serve did not log its shutdown")
	}
}

func waitReady(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	t.Fatal("serve did not become ready")
}

// safeBuffer is a bytes.Buffer that serve's logger and the test may use at
// once.
type safeBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *safeBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *safeBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serveVariables returns the environment variable of every flag that
// belner serve -h lists.
func serveVariables(t *testing.T) map[string]bool {
	t.Helper()
	var usage bytes.Buffer
	run(context.Background(), []string{"serve", "-h"}, nil, io.Discard, &usage)
	vars := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+-([\w.-]+)`).FindAllStringSubmatch(usage.String(), -1) {
		vars[envName(m[1])] = true
	}
	if !vars["BELNER_ADDR"] || !vars["BELNER_MAX_INFLIGHT"] {
		t.Fatalf("serve -h lists no flags:\n%s", usage.String())
	}
	return vars
}

// TestManifestsSetKnownVariables checks that every variable the
// Kubernetes manifests set is one that belner serve reads: a misspelt one
// would be ignored without a word.
func TestManifestsSetKnownVariables(t *testing.T) {
	known := serveVariables(t)
	data, err := os.ReadFile("../../deploy/deployment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Spec struct {
			Template struct {
				Spec struct {
					Containers []struct {
						Env []struct{ Name string }
					}
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range d.Spec.Template.Spec.Containers {
		for _, e := range c.Env {
			n++
			if !known[e.Name] {
				t.Errorf("deployment.yaml sets %s, which belner serve does not read", e.Name)
			}
		}
	}
	if n == 0 {
		t.Error("deployment.yaml sets no variables")
	}
}
