package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

func loadtest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "http://127.0.0.1:8080", "base URL of a running belner serve")
	clients := fs.String("c", "1,4,16", "comma-separated numbers of concurrent clients, one run each")
	duration := fs.Duration("d", 20*time.Second, "duration of each run")
	warmup := fs.Duration("warmup", 2*time.Second, "requests before the first run, not measured")
	pid := fs.Int("pid", 0, "process id of the server, to report its memory (VmRSS, VmHWM = peak RSS) from /proc")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: belner loadtest [flags] FILE...
Posts the FILEs, concatenated into one document, to URL/v1/analyze from N
clients at once for a while, for each N of -c, and prints documents per
second and latency percentiles.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errReported
	}
	var ns []int
	for _, s := range strings.Split(*clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-c: bad number of clients %q", s)
		}
		ns = append(ns, n)
	}
	var doc bytes.Buffer
	for i, name := range fs.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if i > 0 {
			doc.WriteString("\n\n")
		}
		doc.Write(b)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}, Timeout: time.Minute}
	if err := waitServerReady(ctx, client, *url); err != nil {
		return err
	}
	post := func() (time.Duration, error) {
		start := time.Now()
		resp, err := client.Post(*url+"/v1/analyze", "text/plain; charset=utf-8", bytes.NewReader(doc.Bytes()))
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		return time.Since(start), err
	}
	for end := time.Now().Add(*warmup); time.Now().Before(end); {
		if _, err := post(); err != nil {
			return fmt.Errorf("warm-up request: %w", err)
		}
	}
	fmt.Fprintf(stdout, "document: %d bytes, %d words; %s per run\n", doc.Len(), len(strings.Fields(doc.String())), *duration)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "clients\tdocs\terrors\tdocs/s\tp50\tp99\tmax\t")
	for _, n := range ns {
		var mu sync.Mutex
		var lat []time.Duration
		errs := 0
		var firstErr error
		start := time.Now()
		deadline := start.Add(*duration)
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				for time.Now().Before(deadline) && ctx.Err() == nil {
					d, err := post()
					mu.Lock()
					if err != nil {
						errs++
						firstErr = cmpOr(firstErr, err)
					} else {
						lat = append(lat, d)
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		elapsed := time.Since(start)
		slices.Sort(lat)
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.2f\t%s\t%s\t%s\t\n", n, len(lat), errs, float64(len(lat))/elapsed.Seconds(),
			pct(lat, 50), pct(lat, 99), pct(lat, 100))
		if firstErr != nil {
			fmt.Fprintf(stderr, "belner loadtest: %d clients: first error: %v\n", n, firstErr)
		}
		if ctx.Err() != nil {
			break
		}
	}
	tw.Flush()
	if *pid > 0 {
		rss, hwm, err := memory(*pid)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "server pid %d: RSS %s, peak RSS %s\n", *pid, rss, hwm)
	}
	return ctx.Err()
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// pct returns the p-th percentile of sorted latencies (nearest rank).
func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	i := (len(sorted)*p + 99) / 100
	i = min(max(i-1, 0), len(sorted)-1)
	return sorted[i].Round(time.Millisecond).String()
}

func waitServerReady(ctx context.Context, c *http.Client, url string) error {
	deadline := time.Now().Add(5 * time.Minute)
	for {
		resp, err := c.Get(url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s is not ready: %v", url, cmpOr(err, fmt.Errorf("readyz says %d", resp.StatusCode)))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// memory reads a process's current and peak resident set size.
func memory(pid int) (rss, hwm string, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		switch k {
		case "VmRSS":
			rss = strings.TrimSpace(v)
		case "VmHWM":
			hwm = strings.TrimSpace(v)
		}
	}
	return rss, hwm, sc.Err()
}
