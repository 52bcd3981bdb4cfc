// Command belner finds the named entities of Belgian administrative
// documents: people, addresses, organisations, national and enterprise
// numbers, IBANs, dates, phone numbers and more.
//
// Usage:
//
//	belner serve [-addr :8080] [-max-bytes N] [model flags]
//	belner analyze [-entities T,...] [-score-threshold X] [-explain] [model flags] FILE...
//	belner evaluate [model flags] DIR
//	belner loadtest [-url URL] [-c 1,4,16] [-d 30s] [-pid PID] FILE...
//	belner probe [-url http://127.0.0.1:8080/readyz] [-timeout 3s]
//
// serve answers POST /v1/analyze; analyze prints, for each FILE ("-" for
// standard input), the JSON the API would answer, one document per line;
// evaluate scores the full pipeline on an annotated set; loadtest measures
// a running server.
//
// The model flags: -model DIR (default the model built in), -backend go|ort
// (ort needs a build with -tags ORT and -ort-lib DIR, see scripts/ort.sh),
// -model-workers, -model-batch, -model-threads, -model-min-score.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage:
  belner serve [flags]          serve the HTTP API (belner serve -h for flags)
  belner analyze [flags] FILE...  print the entities of each FILE as JSON ("-" reads stdin)
  belner evaluate [flags] DIR     score the pipeline on annotated documents (DIR/*.txt + *.json)
  belner loadtest [flags] FILE... measure a running server: documents/s, p50 and p99 latency
  belner probe [flags]            exit 0 if a running server's /readyz answers 200 (container healthcheck)
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "belner:", err)
		}
		os.Exit(1)
	}
}

// errReported is returned by a command that has already told the user
// what went wrong.
var errReported = errors.New("reported")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errReported
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr)
	case "analyze":
		return analyze(ctx, args[1:], stdin, stdout, stderr)
	case "evaluate":
		return evaluate(ctx, args[1:], stdout, stderr)
	case "loadtest":
		return loadtest(ctx, args[1:], stdout, stderr)
	case "probe":
		return probe(ctx, args[1:], stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "belner: unknown command %q\n%s", args[0], usage)
	return errReported
}
