package ner

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrClosed is returned for work submitted to a closed Pool.
var ErrClosed = errors.New("ner: pool closed")

// A Pool runs a Model on a bounded number of workers. Sequences submitted
// by concurrent callers wait in one bounded queue; each worker takes up to
// MaxBatch of them at a time, from whichever callers, and runs them as one
// batch. A full queue makes Run wait (back-pressure); a caller whose
// context ends stops waiting, and its sequences still queued are skipped.
type Pool struct {
	model    Model
	maxBatch int
	queue    chan *item
	wg       sync.WaitGroup
	mu       sync.RWMutex // guards closed against sends on a closed queue
	closed   bool
}

type item struct {
	ctx  context.Context
	seq  []int32
	task *task
	slot int
}

type task struct {
	out  [][][]float32
	mu   sync.Mutex
	err  error
	left int
	done chan struct{}
}

func (t *task) finish(slot int, logits [][]float32, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err != nil && t.err == nil {
		t.err = err
	}
	t.out[slot] = logits
	if t.left--; t.left == 0 {
		close(t.done)
	}
}

// NewPool starts workers goroutines that run m on batches of at most
// maxBatch sequences, with room for queue sequences waiting.
func NewPool(m Model, workers, maxBatch, queue int) *Pool {
	workers, maxBatch, queue = max(workers, 1), max(maxBatch, 1), max(queue, 1)
	p := &Pool{model: m, maxBatch: maxBatch, queue: make(chan *item, queue)}
	p.wg.Add(workers)
	for range workers {
		go p.work()
	}
	return p
}

// Close stops the workers once the queue is drained. Run fails with
// ErrClosed after Close.
func (p *Pool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.queue)
	}
	p.mu.Unlock()
	p.wg.Wait()
}

// Run returns the model's logits for each sequence, in order. An empty
// input returns at once without running the model.
func (p *Pool) Run(ctx context.Context, seqs [][]int32) ([][][]float32, error) {
	if len(seqs) == 0 {
		return nil, nil
	}
	t := &task{out: make([][][]float32, len(seqs)), left: len(seqs), done: make(chan struct{})}
	p.mu.RLock()
	if p.closed {
		p.mu.RUnlock()
		return nil, ErrClosed
	}
	for i, s := range seqs {
		select {
		case p.queue <- &item{ctx: ctx, seq: s, task: t, slot: i}:
		case <-ctx.Done():
			p.mu.RUnlock()
			return nil, ctx.Err()
		}
	}
	p.mu.RUnlock()
	select {
	case <-t.done:
		if t.err != nil {
			return nil, t.err
		}
		return t.out, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (p *Pool) work() {
	defer p.wg.Done()
	batch := make([]*item, 0, p.maxBatch)
	for it := range p.queue {
		batch = append(batch[:0], it)
	fill:
		for len(batch) < p.maxBatch {
			select {
			case it, ok := <-p.queue:
				if !ok {
					break fill
				}
				batch = append(batch, it)
			default:
				break fill
			}
		}
		p.runBatch(batch)
	}
}

// runBatch runs the model on the items whose callers still wait. It never
// calls the model with an empty batch: hugot's Go backend kills the
// process on one.
func (p *Pool) runBatch(batch []*item) {
	live := batch[:0:0]
	for _, it := range batch {
		if err := it.ctx.Err(); err != nil {
			it.task.finish(it.slot, nil, err)
			continue
		}
		live = append(live, it)
	}
	if len(live) == 0 {
		return
	}
	seqs := make([][]int32, len(live))
	for i, it := range live {
		seqs[i] = it.seq
	}
	// The batch serves several callers: no one caller's context may cancel it.
	out, err := p.call(context.Background(), seqs)
	if err == nil && len(out) != len(seqs) {
		err = fmt.Errorf("model returned %d results for %d sequences", len(out), len(seqs))
	}
	for i, it := range live {
		if err != nil {
			it.task.finish(it.slot, nil, err)
			continue
		}
		if len(out[i]) != len(it.seq) {
			it.task.finish(it.slot, nil, fmt.Errorf("model returned logits for %d pieces of %d", len(out[i]), len(it.seq)))
			continue
		}
		it.task.finish(it.slot, out[i], nil)
	}
}

// call runs the model, turning a panic into an error: a panic in a worker
// goroutine would take the whole service down.
func (p *Pool) call(ctx context.Context, seqs [][]int32) (out [][][]float32, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("model panic: %v", v)
		}
	}()
	return p.model.Logits(ctx, seqs)
}
