package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/api"
)

func analyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	entities := fs.String("entities", "", "comma-separated entity types to return (default all)")
	threshold := fs.Float64("score-threshold", api.DefaultScoreThreshold, "lowest score returned, from 0 to 1")
	language := fs.String("language", "", "document language hint: nl, fr or de")
	explain := fs.Bool("explain", false, "say why each entity was found")
	maxBytes := fs.Int64("max-bytes", api.DefaultMaxBytes, "largest document accepted, in bytes")
	mf := addModelFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: belner analyze [flags] FILE...  (\"-\" reads standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errReported
	}
	req := &api.Request{ScoreThreshold: threshold, Language: *language, Explain: *explain}
	if *entities != "" {
		req.Entities = strings.Split(*entities, ",")
	}
	a, closeModel, err := mf.loadAnalyzer()
	if err != nil {
		return err
	}
	defer closeModel()
	enc := json.NewEncoder(stdout)
	failed := 0
	for _, name := range fs.Args() {
		// One line per file, in argument order, a result or an error, so
		// that line n always belongs to file n.
		v, ok := analyzeFile(ctx, a, name, stdin, req, *maxBytes)
		if !ok {
			failed++
		}
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "belner: %d of %d documents failed\n", failed, fs.NArg())
		return errReported
	}
	return nil
}

func analyzeFile(ctx context.Context, a *analyzer.Analyzer, name string, stdin io.Reader, req *api.Request, maxBytes int64) (any, bool) {
	body, err := readFile(name, stdin, maxBytes)
	if err != nil {
		return errorBody(err), false
	}
	resp, apiErr := api.Analyze(ctx, a, body, req)
	if apiErr != nil {
		return errorBody(apiErr), false
	}
	return resp, true
}

func errorBody(err error) any {
	e, ok := err.(*api.Error)
	if !ok {
		e = &api.Error{Code: "unreadable", Message: err.Error()}
	}
	return struct {
		Error *api.Error `json:"error"`
	}{e}
}

// readFile reads at most maxBytes of the named file, or of stdin for "-".
func readFile(name string, stdin io.Reader, maxBytes int64) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(b)) > maxBytes {
		return nil, &api.Error{Status: http.StatusRequestEntityTooLarge, Code: "payload_too_large",
			Message: fmt.Sprintf("%s is larger than the limit of %d bytes", name, maxBytes)}
	}
	return b, nil
}
