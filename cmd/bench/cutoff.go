package main

import (
	"strings"
	"sync"

	"github.com/chromedp/cdproto/network"
)

// cutoffs records what netlog does not count: requests that never
// finished, such as app.wasm's download when a form sent to the server
// loads a new document (Chromium then reports neither its end nor its
// failure), and the bytes they had received by then (the sum of their
// Network.dataReceived events); and how many requests for app.wasm the
// pages sent.
type cutoffs struct {
	mu   sync.Mutex
	reqs map[network.RequestID]*cutoffRequest
}

type cutoffRequest struct {
	url                      string
	status                   int64
	cached, failed, finished bool
	bytes                    float64
	errorText                string
}

func newCutoffs() *cutoffs { return &cutoffs{reqs: map[network.RequestID]*cutoffRequest{}} }

// event handles one event; it runs in chromedp's read loop and must be fast.
func (c *cutoffs) event(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		c.reqs[ev.RequestID] = &cutoffRequest{url: ev.Request.URL}
	case *network.EventResponseReceived:
		if r, ok := c.reqs[ev.RequestID]; ok {
			r.status = ev.Response.Status
			r.cached = r.cached || ev.Response.FromDiskCache || ev.Response.FromServiceWorker || ev.Response.FromPrefetchCache
		}
	case *network.EventRequestServedFromCache:
		if r, ok := c.reqs[ev.RequestID]; ok {
			r.cached = true
		}
	case *network.EventDataReceived:
		if r, ok := c.reqs[ev.RequestID]; ok {
			r.bytes += float64(ev.EncodedDataLength)
		}
	case *network.EventLoadingFailed:
		if r, ok := c.reqs[ev.RequestID]; ok {
			r.failed, r.errorText = true, ev.ErrorText
		}
	case *network.EventLoadingFinished:
		if r, ok := c.reqs[ev.RequestID]; ok {
			r.finished = true
		}
	}
}

// dump lists the requests that did not finish, and app.wasm's, for -v.
func (c *cutoffs) dump() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range c.reqs {
		if !r.finished || strings.Contains(r.url, "/web/app.wasm") {
			progress("    page %d %s cached=%v finished=%v failed=%v %q received=%.0f", r.status, r.url, r.cached, r.finished, r.failed, r.errorText, r.bytes)
		}
	}
}

// cutoff is what the requests that ended unfinished received.
type cutoff struct {
	bytes     float64 // every such request's bytes
	wasmBytes float64 // app.wasm's among them
	// wasmStarted counts requests for app.wasm sent to the network;
	// wasmCut those cut off after at least wasmDownload bytes.
	wasmStarted, wasmCut int
}

// sum returns the bytes the unfinished requests received from the network,
// and how many app.wasm downloads were started and cut off. Call it once
// the visit is over: a request still on its way counts as cut off.
func (c *cutoffs) sum() cutoff {
	c.mu.Lock()
	defer c.mu.Unlock()
	var s cutoff
	for _, r := range c.reqs {
		if r.cached {
			continue
		}
		wasm := strings.HasSuffix(strings.SplitN(r.url, "?", 2)[0], "/web/app.wasm")
		if wasm {
			s.wasmStarted++
		}
		if r.finished {
			continue
		}
		s.bytes += r.bytes
		if wasm {
			s.wasmBytes += r.bytes
			if r.bytes >= wasmDownload {
				s.wasmCut++
			}
		}
	}
	return s
}
