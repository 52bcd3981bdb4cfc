package metrics

import (
	"context"
	"errors"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/belner/belner/entity"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

type fake struct{ err error }

func (f fake) Name() string         { return "fake" }
func (f fake) Types() []entity.Type { return []entity.Type{entity.IBAN} }
func (f fake) Recognize(context.Context, []rune) ([]entity.Entity, error) {
	return []entity.Entity{{Type: entity.IBAN, Start: 0, End: 2}}, f.err
}

// The decorator is invisible to the analyzer: same name, same types, same
// results and errors; and every call is timed, failing ones too.
func TestInstrument(t *testing.T) {
	m := New()
	boom := errors.New("boom")
	rs := m.Instrument(fake{}, fake{err: boom})
	for i, r := range rs {
		if r.Name() != "fake" || !slices.Equal(r.Types(), []entity.Type{entity.IBAN}) {
			t.Errorf("recogniser %d: name %q, types %v", i, r.Name(), r.Types())
		}
	}
	if es, err := rs[0].Recognize(context.Background(), []rune("ab")); err != nil || len(es) != 1 {
		t.Errorf("got %v, %v", es, err)
	}
	if _, err := rs[1].Recognize(context.Background(), nil); !errors.Is(err, boom) {
		t.Errorf("error %v, want boom", err)
	}
	if n := testutil.CollectAndCount(m.recognizer, "belner_recognizer_duration_seconds"); n != 1 {
		t.Errorf("%d series, want one for fake", n)
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `belner_recognizer_duration_seconds_count{recognizer="fake"} 2`) {
		t.Errorf("two timed calls not in:\n%s", rec.Body.String())
	}
}
