package api

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/belner/belner/analyzer"
	"github.com/belner/belner/entity"
)

// DefaultScoreThreshold hides the weakest candidates (an old-style number
// plate with no context word) unless a client asks for them.
const DefaultScoreThreshold = 0.5

// Languages are the document languages a client may name. Every recogniser
// runs whatever the language, because Belgian documents mix languages; the
// language is a hint echoed in the response.
var languages = []string{"nl", "fr", "de"}

// Request holds the options of an analysis, as a JSON body carries them
// beside the text, or as query parameters.
type Request struct {
	Text           *string  `json:"text"`
	Entities       []string `json:"entities"`
	ScoreThreshold *float64 `json:"score_threshold"`
	Language       string   `json:"language"`
	Explain        bool     `json:"explain"`
}

// options are a Request's options, validated.
type options struct {
	analyzer.Options
	language string
	explain  bool
}

// options validates r's options against the types a can return.
func (r *Request) options(a *analyzer.Analyzer) (options, *Error) {
	o := options{
		Options:  analyzer.Options{ScoreThreshold: DefaultScoreThreshold},
		language: r.Language,
		explain:  r.Explain,
	}
	available := a.Types()
	for _, s := range r.Entities {
		t, err := entity.ParseType(strings.ToUpper(strings.TrimSpace(s)))
		if err != nil {
			return o, errorf(http.StatusBadRequest, "unknown_entity_type", "%v", err)
		}
		if !slices.Contains(available, t) {
			return o, errorf(http.StatusBadRequest, "unavailable_entity_type",
				"entity type %s is not available: no loaded recogniser finds it (available: %v)", t, available)
		}
		o.Types = append(o.Types, t)
	}
	if r.ScoreThreshold != nil {
		th := *r.ScoreThreshold
		if !(th >= 0 && th <= 1) {
			return o, errorf(http.StatusBadRequest, "invalid_score_threshold",
				"score_threshold must be a number from 0 to 1, got %v", th)
		}
		o.ScoreThreshold = th
	}
	if r.Language != "" && !slices.Contains(languages, r.Language) {
		return o, errorf(http.StatusBadRequest, "invalid_language",
			"language must be one of %v, got %q", languages, r.Language)
	}
	return o, nil
}

// requestFromQuery reads a Request's options from query parameters, as
// they come with a text/plain or multipart body.
func requestFromQuery(q url.Values) (*Request, *Error) {
	r := &Request{}
	for key, vals := range q {
		v := vals[len(vals)-1]
		switch key {
		case "entities":
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" {
					r.Entities = append(r.Entities, s)
				}
			}
		case "score_threshold":
			th, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, errorf(http.StatusBadRequest, "invalid_score_threshold",
					"score_threshold must be a number from 0 to 1, got %q", v)
			}
			r.ScoreThreshold = &th
		case "language":
			r.Language = v
		case "explain":
			b, err := strconv.ParseBool(v)
			if err != nil {
				return nil, errorf(http.StatusBadRequest, "invalid_explain", "explain must be true or false, got %q", v)
			}
			r.Explain = b
		default:
			return nil, errorf(http.StatusBadRequest, "unknown_parameter",
				"unknown query parameter %q (known: entities, score_threshold, language, explain)", key)
		}
	}
	return r, nil
}
