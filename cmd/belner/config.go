package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/belner/belner/api"
	"github.com/belner/belner/metrics"
)

// envPrefix starts the environment variable of every serve flag: -max-bytes
// is also BELNER_MAX_BYTES.
const envPrefix = "BELNER_"

// envName is the environment variable that sets flag name.
func envName(name string) string {
	return envPrefix + strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return '_'
		}
		return unicode.ToUpper(r)
	}, name)
}

// applyEnv sets each flag of fs not given on the command line from its
// environment variable, if that is set: a flag wins over the environment,
// the environment over the default. It runs after fs.Parse, so it covers
// every flag registered, wherever. A value the flag rejects is an error
// that names the variable.
func applyEnv(fs *flag.FlagSet, lookup func(string) (string, bool)) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] {
			return
		}
		v, ok := lookup(envName(f.Name))
		if !ok {
			return
		}
		if err := fs.Set(f.Name, v); err != nil {
			errs = append(errs, fmt.Errorf("environment variable %s=%q: %w", envName(f.Name), v, err))
		}
	})
	return errors.Join(errs...)
}

// opsFlags are the serve flags that bound, secure and observe the service.
type opsFlags struct {
	maxInFlight       int
	requestTimeout    time.Duration
	maxBatchDocuments int
	maxBatchBytes     int64
	apiKeysFile       string
	apiKeys           string
	corsOrigins       string
	logLevel          slog.Level

	keys    []string
	metrics *metrics.Metrics
}

func addOpsFlags(fs *flag.FlagSet) *opsFlags {
	o := &opsFlags{}
	fs.IntVar(&o.maxInFlight, "max-inflight", api.DefaultMaxInFlight(),
		"requests read and analysed at once, past which the API answers 503; twice GOMAXPROCS unless set")
	fs.DurationVar(&o.requestTimeout, "request-timeout", api.DefaultRequestTimeout,
		"time a request may take, from its body to its answer; past it the API answers 504")
	fs.IntVar(&o.maxBatchDocuments, "max-batch-documents", api.DefaultMaxBatchDocuments,
		"most documents in one batch")
	fs.Int64Var(&o.maxBatchBytes, "max-batch-bytes", api.DefaultMaxBytes,
		"most document bytes in one batch, all documents together")
	fs.StringVar(&o.apiKeysFile, "api-keys-file", "",
		"file of API keys, one a line, # starts a comment; with keys, the API asks for Authorization: Bearer <key>")
	fs.StringVar(&o.apiKeys, "api-keys", "",
		"API keys, comma-separated (prefer -api-keys-file: a command line is visible to other users)")
	fs.StringVar(&o.corsOrigins, "cors-origins", "",
		`origins whose pages may call the API from a browser, comma-separated ("*" for any); none by default`)
	fs.TextVar(&o.logLevel, "log-level", slog.LevelInfo, "least level logged: debug, info, warn or error")
	return o
}

// load takes the environment into fs's flags and checks the ops flags.
// It runs after fs.Parse.
func (o *opsFlags) load(fs *flag.FlagSet, lookup func(string) (string, bool)) error {
	if err := applyEnv(fs, lookup); err != nil {
		return err
	}
	switch {
	case o.maxInFlight < 1:
		return fmt.Errorf("-max-inflight must be at least 1, got %d", o.maxInFlight)
	case o.requestTimeout <= 0:
		return fmt.Errorf("-request-timeout must be positive, got %v", o.requestTimeout)
	case o.maxBatchDocuments < 1:
		return fmt.Errorf("-max-batch-documents must be at least 1, got %d", o.maxBatchDocuments)
	case o.maxBatchBytes < 1:
		return fmt.Errorf("-max-batch-bytes must be at least 1, got %d", o.maxBatchBytes)
	}
	o.keys = splitList(o.apiKeys)
	if o.apiKeysFile != "" {
		keys, err := readKeys(o.apiKeysFile)
		if err != nil {
			return err
		}
		o.keys = append(o.keys, keys...)
	}
	o.metrics = metrics.New()
	return nil
}

// logger returns the JSON logger of the service, at the configured level,
// after logging the settings with it: the keys are counted, never shown.
func (o *opsFlags) logger(w io.Writer) *slog.Logger {
	l := slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: o.logLevel}))
	l.Info("settings",
		slog.Int("max_inflight", o.maxInFlight),
		slog.Duration("request_timeout", o.requestTimeout),
		slog.Int("max_batch_documents", o.maxBatchDocuments),
		slog.Int64("max_batch_bytes", o.maxBatchBytes),
		slog.Int("api_keys", len(o.keys)),
		slog.String("cors_origins", o.corsOrigins),
	)
	return l
}

// apiConfig completes cfg with the ops settings.
func (o *opsFlags) apiConfig(cfg api.Config) api.Config {
	cfg.MaxInFlight = o.maxInFlight
	cfg.RequestTimeout = o.requestTimeout
	cfg.MaxBatchDocuments = o.maxBatchDocuments
	cfg.MaxBatchBytes = o.maxBatchBytes
	cfg.APIKeys = o.keys
	cfg.CORSOrigins = splitList(o.corsOrigins)
	cfg.Metrics = o.metrics
	return cfg
}

// readKeys reads an API key file: one key a line, blank lines and lines
// starting with # ignored. An error never quotes the file's content.
func readKeys(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("API keys: %w", err)
	}
	defer f.Close()
	var keys []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		k := strings.TrimSpace(sc.Text())
		if k == "" || strings.HasPrefix(k, "#") {
			continue
		}
		if strings.ContainsFunc(k, unicode.IsSpace) {
			return nil, fmt.Errorf("API keys: %s, line %d: a key has no spaces", path, line)
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("API keys: reading %s: %w", path, err)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("API keys: %s holds no key; without keys, leave -api-keys-file unset", path)
	}
	return keys, nil
}

// splitList splits a comma-separated list, dropping blanks.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
