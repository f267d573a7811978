package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"symptomguide/cmd/internal/browser"
)

// workers puts every service worker of the browser under the network of
// the visit it belongs to, before the worker runs a line: page emulation
// does not reach a worker's own fetches (its precache). The browser
// auto-attaches to each new worker and pauses it; the worker then gets a
// session of its own with the visit's network conditions and network log,
// and runs.
type workers struct {
	mu     sync.Mutex
	visits map[cdp.BrowserContextID]*workerVisit
}

// workerVisit is what a visit's workers get.
type workerVisit struct {
	ctx     context.Context // the visit's tab
	profile profile
	log     *netlog
	mu      sync.Mutex
	errs    []error
	n       int // workers attached
}

// watchWorkers starts the auto-attach and the goroutine that serves it
// until ctx ends.
func watchWorkers(bctx context.Context) (*workers, error) {
	w := &workers{visits: map[cdp.BrowserContextID]*workerVisit{}}
	attached := chromedp.BrowserEvents(bctx, target.AttachedToTarget)
	_, err := chromedp.CallBrowser(bctx, target.SetAutoAttach, target.SetAutoAttachParams{
		AutoAttach:             true,
		WaitForDebuggerOnStart: true,
		Flatten:                new(true),
		Filter:                 target.Filter{{Type: "service_worker"}, {Exclude: true}},
	})
	if err != nil {
		return nil, fmt.Errorf("auto-attaching to service workers: %w", err)
	}
	go func() {
		for ev, err := range attached {
			if err != nil {
				return
			}
			// Sessions chromedp opens itself are reported too: only
			// workers paused by the auto-attach are new.
			if ev.TargetInfo == nil || ev.TargetInfo.Type != "service_worker" || !ev.WaitingForDebugger {
				continue
			}
			w.mu.Lock()
			v := w.visits[ev.TargetInfo.BrowserContextID]
			w.mu.Unlock()
			go w.attach(bctx, v, ev.TargetInfo.TargetID)
		}
	}()
	return w, nil
}

// attach gives a paused worker the visit's network, then lets it run.
func (w *workers) attach(bctx context.Context, v *workerVisit, id target.ID) {
	parent := bctx
	if v != nil {
		parent = v.ctx
	}
	sw, _ := chromedp.NewContext(parent, chromedp.WithTargetID(id))
	err := chromedp.Do(sw)
	if err == nil && v != nil {
		err = chromedp.Listen(sw, v.log.event)
		if err == nil {
			_, err = chromedp.Call(sw, browser.EmulateNetworkConditions, v.profile.conditions())
		}
		v.mu.Lock()
		v.n++
		v.mu.Unlock()
	}
	if err == nil {
		_, err = chromedp.Call(sw, runIfWaitingForDebugger, cdp.Empty{})
	}
	if err != nil && v != nil {
		v.mu.Lock()
		v.errs = append(v.errs, err)
		v.mu.Unlock()
	}
}

var runIfWaitingForDebugger = cdp.Command[cdp.Empty, cdp.Empty]{Method: "Runtime.runIfWaitingForDebugger"}

// register routes the workers of browser context id to v until the
// returned function is called.
func (w *workers) register(id cdp.BrowserContextID, v *workerVisit) (unregister func()) {
	w.mu.Lock()
	w.visits[id] = v
	w.mu.Unlock()
	return func() {
		w.mu.Lock()
		delete(w.visits, id)
		w.mu.Unlock()
	}
}

// check reports an error unless the visit's service worker ran with the
// benchmark attached to it.
func (v *workerVisit) check() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := errors.Join(v.errs...); err != nil {
		return fmt.Errorf("attaching to the service worker: %w", err)
	}
	if v.n == 0 {
		return errors.New("the service worker ran without the benchmark attached to it")
	}
	return nil
}
