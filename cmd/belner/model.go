package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/entity"
	"github.com/belner/belner/models"
	"github.com/belner/belner/ner"
	"github.com/belner/belner/recognizers"
)

// modelFlags are the flags that choose and run the NER model, shared by the
// commands that analyse documents.
type modelFlags struct {
	dir, backend, ortLib    string
	workers, batch, threads int
	minScore                float64
}

func addModelFlags(fs *flag.FlagSet) *modelFlags {
	m := &modelFlags{}
	fs.StringVar(&m.dir, "model", "", `NER model directory (model.onnx, config.json, tokenizer.json; common_words.txt and places.txt if it has them); default the model built into belner; "none" runs the pattern recognisers only`)
	fs.StringVar(&m.backend, "backend", "go", "model backend: go (pure Go) or ort (ONNX Runtime; needs a build with -tags ORT)")
	fs.StringVar(&m.ortLib, "ort-lib", os.Getenv("BELNER_ORT_LIB"), "directory of libonnxruntime.so for -backend ort (scripts/ort.sh prints it; default $BELNER_ORT_LIB)")
	fs.IntVar(&m.workers, "model-workers", 0, "model runs at the same time (default: one per CPU on ort, 1 on go)")
	fs.IntVar(&m.batch, "model-batch", ner.DefaultMaxBatch, "most windows (of up to 256 pieces) in one model run; windows of concurrent documents are batched together")
	fs.IntVar(&m.threads, "model-threads", 0, "ONNX Runtime threads per run (default: CPUs / workers)")
	fs.Float64Var(&m.minScore, "model-min-score", 0, "lowest score of a model entity: a less certain span never displaces a surer one it overlaps; 0 takes the model's own (config.json belner_min_score, chosen on its dev sets; else 0.5), negative keeps all")
	return m
}

func (m *modelFlags) enabled() bool { return m.dir != "none" }

// load loads the model: from -model, or else the built-in one, extracted
// to a temporary directory that is removed once the model is loaded.
func (m *modelFlags) load() (*ner.Service, error) {
	if m.backend != "go" && m.backend != "ort" {
		return nil, fmt.Errorf("unknown backend %q: use go or ort", m.backend)
	}
	dir := m.dir
	if dir != "" {
		// ONNX Runtime's loader changes the working directory to the
		// model's for a moment: keep the path valid from anywhere.
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		dir = abs
	} else {
		d, remove, err := models.Extract()
		if err != nil {
			return nil, fmt.Errorf("extracting the built-in model: %w", err)
		}
		defer remove()
		dir = d
	}
	svc, err := ner.Load(ner.Config{Dir: dir, Backend: m.backend, ORTLibDir: m.ortLib, Threads: m.threads,
		Workers: m.workers, MaxBatch: m.batch, MinScore: m.minScore})
	if err != nil {
		name := m.dir
		if name == "" {
			name = "the built-in model"
		}
		return nil, fmt.Errorf("loading %s on the %s backend: %w", name, m.backend, err)
	}
	return svc, nil
}

// lateModel is the model recogniser before and after the model loads;
// serve answers 503 until it has.
type lateModel struct {
	svc atomic.Pointer[ner.Service]
}

func (l *lateModel) ready() bool  { return l.svc.Load() != nil }
func (l *lateModel) Name() string { return "model" }
func (l *lateModel) Types() []entity.Type {
	return []entity.Type{entity.Person, entity.Address, entity.Organization, entity.Location}
}

func (l *lateModel) Recognize(ctx context.Context, text []rune) ([]entity.Entity, error) {
	svc := l.svc.Load()
	if svc == nil {
		return nil, errors.New("the model is not loaded yet")
	}
	return svc.Recognize(ctx, text)
}

// newAnalyzer returns the analyzer that the commands share: the pattern
// recognisers and, if there is one, the model; serve passes metrics'
// Instrument, to time each recogniser.
func newAnalyzer(model analyzer.Recognizer, instrument ...func(...analyzer.Recognizer) []analyzer.Recognizer) *analyzer.Analyzer {
	rs := []analyzer.Recognizer{recognizers.NewSet(recognizers.DefaultMatchTimeout)}
	if model != nil {
		rs = append(rs, model)
	}
	for _, f := range instrument {
		rs = f(rs...)
	}
	return analyzer.New(rs...)
}

// loadAnalyzer loads the model as the flags say and returns the analyzer
// and a function that frees the model.
func (m *modelFlags) loadAnalyzer() (*analyzer.Analyzer, func(), error) {
	if !m.enabled() {
		return newAnalyzer(nil), func() {}, nil
	}
	svc, err := m.load()
	if err != nil {
		return nil, nil, err
	}
	return newAnalyzer(svc), func() { svc.Close() }, nil
}
