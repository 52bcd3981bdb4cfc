// Package metrics counts what a belner server does, for Prometheus: the
// requests it answers, the documents and bytes it analyses, the entities
// it finds, how long each recogniser takes and how many documents are in
// flight.
//
// Each server has its own registry, so that two servers in one process
// (as tests run them) count apart; nothing is registered globally.
package metrics

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/entity"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds a server's counters and the registry that exposes them.
type Metrics struct {
	registry        *prometheus.Registry
	requests        *prometheus.CounterVec
	requestDuration *prometheus.HistogramVec
	documents       *prometheus.CounterVec
	bytes           prometheus.Counter
	entities        *prometheus.CounterVec
	recognizer      *prometheus.HistogramVec
	inFlight        prometheus.Gauge
	rejected        prometheus.Counter
}

// latencyBuckets span a short letter through the pattern stage (well under
// a millisecond) to a 10 MiB document through the model (tens of seconds).
var latencyBuckets = prometheus.ExponentialBucketsRange(0.0005, 60, 16)

// New returns Metrics registered in a fresh registry, with the Go runtime
// and process collectors beside them.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "belner_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status code.",
		}, []string{"route", "method", "status"}),
		requestDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "belner_http_request_duration_seconds",
			Help:    "Time from request to the end of the response, by route pattern.",
			Buckets: latencyBuckets,
		}, []string{"route"}),
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "belner_documents_total",
			Help: "Documents analysed, by outcome: ok, or the API error code.",
		}, []string{"outcome"}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "belner_document_bytes_total",
			Help: "Bytes of documents analysed, as received (before decoding).",
		}),
		entities: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "belner_entities_total",
			Help: "Entities returned to clients, by type.",
		}, []string{"type"}),
		recognizer: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "belner_recognizer_duration_seconds",
			Help:    "Time one recogniser (the pattern set, the model) takes on one document.",
			Buckets: latencyBuckets,
		}, []string{"recognizer"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "belner_documents_in_flight",
			Help: "Requests holding an analysis slot: being read, analysed or answered.",
		}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "belner_requests_rejected_total",
			Help: "Requests answered 503 because every analysis slot was taken.",
		}),
	}
	m.registry.MustRegister(m.requests, m.requestDuration, m.documents, m.bytes, m.entities,
		m.recognizer, m.inFlight, m.rejected,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Registry returns the registry, for tests and for callers that add
// collectors of their own.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// ObserveRequest counts one answered request. route is the router's
// pattern, never the raw path, so that the label stays bounded.
func (m *Metrics) ObserveRequest(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.requestDuration.WithLabelValues(route).Observe(d.Seconds())
}

// ObserveDocument counts one document of size bytes: its outcome ("ok" or
// an error code) and the types of the entities returned.
func (m *Metrics) ObserveDocument(size int, outcome string, types []entity.Type) {
	m.documents.WithLabelValues(outcome).Inc()
	m.bytes.Add(float64(size))
	for _, t := range types {
		m.entities.WithLabelValues(string(t)).Inc()
	}
}

// InFlight adds delta to the documents in flight.
func (m *Metrics) InFlight(delta int) { m.inFlight.Add(float64(delta)) }

// Rejected counts a request turned away for want of a slot.
func (m *Metrics) Rejected() { m.rejected.Inc() }

// Instrument returns rs, each wrapped so that its time on every document
// goes to the recogniser histogram. The analyzer stays unaware of
// Prometheus: it runs the wrappers as it would the recognisers.
func (m *Metrics) Instrument(rs ...analyzer.Recognizer) []analyzer.Recognizer {
	out := make([]analyzer.Recognizer, len(rs))
	for i, r := range rs {
		out[i] = timed{Recognizer: r, hist: m.recognizer.WithLabelValues(r.Name())}
	}
	return out
}

// timed is a Recognizer that times another.
type timed struct {
	analyzer.Recognizer
	hist prometheus.Observer
}

func (t timed) Recognize(ctx context.Context, text []rune) ([]entity.Entity, error) {
	start := time.Now()
	defer func() { t.hist.Observe(time.Since(start).Seconds()) }()
	return t.Recognizer.Recognize(ctx, text)
}
