package ner

import (
	"errors"
	"runtime"
)

// DefaultMaxBatch is the default number of windows in one model run.
// Measured on 2 CPUs with the shipped model's size, ONNX Runtime: batches
// of 1 or 2 windows gave 9.2-9.6 documents/s at 4 clients, 4 gave 7.9, 8
// gave 7.3 (the activations of large batches outgrow the CPU caches); the
// Go backend was as fast with 2 as with 8, with less memory.
const DefaultMaxBatch = 2

// Config says which model to load and how to run it.
type Config struct {
	// Dir holds model.onnx, config.json and tokenizer.json, and may hold
	// CommonWordsFile and PlacesFile.
	Dir string
	// Backend is "go" (the default) or "ort"; ORTLibDir and Threads as in
	// HugotOptions.
	Backend   string
	ORTLibDir string
	Threads   int
	// Workers run batches at the same time: by default one per CPU
	// (GOMAXPROCS, which follows a container's CPU limit) with
	// one ONNX Runtime thread each on "ort" (faster than one run on every
	// CPU, measured on 2 cores), and one on "go". MaxBatch is the most
	// windows in a batch (default DefaultMaxBatch). Queue is how many
	// windows may wait (default 64 per worker).
	Workers, MaxBatch, Queue int
	// MinScore is the lowest score of an entity returned; zero means the
	// model's own (MinScore), a negative value keeps every entity.
	MinScore float64
}

// A Service is a loaded model behind a worker pool, as a Recognizer.
type Service struct {
	*Recognizer
	model *HugotModel
	pool  *Pool
}

// Load loads the model in cfg.Dir and starts its workers. Close stops
// them and frees the model. Once Load has returned, the model directory is
// no longer read.
func Load(cfg Config) (*Service, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = 1
		if cfg.Backend == "ort" {
			cfg.Workers = runtime.GOMAXPROCS(0)
		}
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = DefaultMaxBatch
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 64 * cfg.Workers
	}
	if cfg.Threads <= 0 {
		cfg.Threads = max(1, runtime.GOMAXPROCS(0)/cfg.Workers)
	}
	tok, err := LoadTokenizer(cfg.Dir)
	if err != nil {
		return nil, err
	}
	labels, err := Labels(cfg.Dir)
	if err != nil {
		return nil, err
	}
	if cfg.MinScore == 0 {
		if cfg.MinScore, err = MinScore(cfg.Dir); err != nil {
			return nil, err
		}
	}
	common, err := LoadCommonWords(cfg.Dir)
	if err != nil {
		return nil, err
	}
	places, err := LoadPlaces(cfg.Dir)
	if err != nil {
		return nil, err
	}
	m, err := LoadHugot(cfg.Dir, HugotOptions{Backend: cfg.Backend, ORTLibDir: cfg.ORTLibDir, Threads: cfg.Threads,
		MaxBatch: cfg.MaxBatch, MaxSequence: DefaultMaxPieces + 2})
	if err != nil {
		return nil, err
	}
	if m.labels != len(labels) {
		return nil, errors.Join(errors.New("config.json and model.onnx disagree on the number of labels"), m.Close())
	}
	pool := NewPool(m, cfg.Workers, cfg.MaxBatch, cfg.Queue)
	r := NewRecognizer(tok, labels, pool).WithMinScore(cfg.MinScore).WithCommonWords(common).WithPlaces(places)
	return &Service{Recognizer: r, model: m, pool: pool}, nil
}

// Close stops the workers and frees the model.
func (s *Service) Close() error {
	s.pool.Close()
	return s.model.Close()
}
