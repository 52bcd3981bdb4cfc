package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/api"
	"github.com/belner/belner/entity"
)

// A span is an annotated or found entity.
type span struct {
	Type       entity.Type `json:"type"`
	Start, End int
}

// counts are the tallies of one entity type: predictions, gold entities,
// and matches under exact-span and overlap matching.
type counts struct {
	pred, gold               int
	exactPred, exactGold     int
	overlapPred, overlapGold int
}

func evaluate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	threshold := fs.Float64("score-threshold", api.DefaultScoreThreshold, "lowest score kept, as the API's default")
	mf := addModelFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: belner evaluate [flags] DIR
Runs every DIR/*.txt through the full pipeline (patterns + model, as the API)
and compares with DIR/*.json (annotations as in ANNOTATION.md); prints
precision, recall and F1 per entity type for exact-span and overlap matching.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errReported
	}
	a, closeModel, err := mf.loadAnalyzer()
	if err != nil {
		return err
	}
	defer closeModel()
	res, docs, err := evaluateDir(ctx, a, fs.Arg(0), *threshold)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d documents in %s\n\n", docs, fs.Arg(0))
	printScores(stdout, res)
	return nil
}

// evaluateDir scores the analyzer on the annotated documents in dir.
func evaluateDir(ctx context.Context, a *analyzer.Analyzer, dir string, threshold float64) (map[entity.Type]*counts, int, error) {
	txts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, 0, err
	}
	if len(txts) == 0 {
		return nil, 0, fmt.Errorf("no .txt documents in %s", dir)
	}
	res := map[entity.Type]*counts{}
	for _, t := range entity.Types() {
		res[t] = &counts{}
	}
	for _, txt := range txts {
		body, err := os.ReadFile(txt)
		if err != nil {
			return nil, 0, err
		}
		ann, err := os.ReadFile(strings.TrimSuffix(txt, ".txt") + ".json")
		if err != nil {
			return nil, 0, err
		}
		var gold struct{ Entities []span }
		if err := json.Unmarshal(ann, &gold); err != nil {
			return nil, 0, fmt.Errorf("%s: %w", txt, err)
		}
		resp, apiErr := api.Analyze(ctx, a, body, &api.Request{ScoreThreshold: &threshold})
		if apiErr != nil {
			return nil, 0, fmt.Errorf("%s: %w", txt, apiErr)
		}
		var pred []span
		for _, e := range resp.Entities {
			pred = append(pred, span{e.Type, e.Start, e.End})
		}
		score(res, gold.Entities, pred)
	}
	return res, len(txts), nil
}

// score adds one document's matches to res. A prediction matches exactly
// a gold entity of its type with the same span; it overlaps one if they
// share a code point. Precision counts matched predictions, recall matched
// gold entities.
func score(res map[entity.Type]*counts, gold, pred []span) {
	matches := func(a span, bs []span, exact bool) bool {
		return slices.ContainsFunc(bs, func(b span) bool {
			if a.Type != b.Type {
				return false
			}
			if exact {
				return a.Start == b.Start && a.End == b.End
			}
			return a.Start < b.End && b.Start < a.End
		})
	}
	for _, p := range pred {
		c := res[p.Type]
		if c == nil {
			c = &counts{}
			res[p.Type] = c
		}
		c.pred++
		if matches(p, gold, true) {
			c.exactPred++
		}
		if matches(p, gold, false) {
			c.overlapPred++
		}
	}
	for _, g := range gold {
		c := res[g.Type]
		if c == nil {
			c = &counts{}
			res[g.Type] = c
		}
		c.gold++
		if matches(g, pred, true) {
			c.exactGold++
		}
		if matches(g, pred, false) {
			c.overlapGold++
		}
	}
}

func prf(matchedPred, pred, matchedGold, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(matchedPred) / float64(pred)
	}
	if gold > 0 {
		r = float64(matchedGold) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func printScores(w io.Writer, res map[entity.Type]*counts) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tgold\tpred\texact P\texact R\texact F1\toverlap P\toverlap R\toverlap F1\t")
	var all counts
	types := entity.Types()
	for t := range res {
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	for _, t := range types {
		c := res[t]
		all.pred += c.pred
		all.gold += c.gold
		all.exactPred += c.exactPred
		all.exactGold += c.exactGold
		all.overlapPred += c.overlapPred
		all.overlapGold += c.overlapGold
		row(tw, string(t), c)
	}
	row(tw, "all (micro)", &all)
	tw.Flush()
}

func row(w io.Writer, name string, c *counts) {
	ep, er, ef := prf(c.exactPred, c.pred, c.exactGold, c.gold)
	op, or, of := prf(c.overlapPred, c.pred, c.overlapGold, c.gold)
	fmt.Fprintf(w, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, c.gold, c.pred, ep, er, ef, op, or, of)
}
