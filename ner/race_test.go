//go:build race

package ner

// raceEnabled: hugot's Go backend (GoMLX simplego) has data races of its
// own that the race detector reports, so tests that run it skip under
// -race; the pool, windowing and decoding still run there with fake models.
const raceEnabled = true
