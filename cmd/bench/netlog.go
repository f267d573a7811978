package main

import (
	"strings"
	"sync"

	"github.com/chromedp/cdproto/network"
)

// netlog records the network events of one target (a tab or a service
// worker): which requests went to the network and how many bytes each
// received. Requests belong to the phase (cold or repeat visit) during
// which they were sent.
type netlog struct {
	mu    sync.Mutex
	phase phase
	reqs  map[network.RequestID]*request
}

type request struct {
	phase     phase
	url       string
	status    int64
	cached    bool // from the HTTP cache or the service worker
	finished  bool
	bytes     float64 // encodedDataLength: headers and body as received
	bodyBytes float64
}

func newNetlog() *netlog { return &netlog{reqs: map[network.RequestID]*request{}} }

// setPhase starts a new phase: the requests sent from now on belong to it.
func (n *netlog) setPhase(p phase) {
	n.mu.Lock()
	n.phase = p
	n.mu.Unlock()
}

// event handles one event; it runs in chromedp's read loop and must be fast.
func (n *netlog) event(ev any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if r, ok := n.reqs[ev.RequestID]; ok && ev.RedirectResponse != nil {
			// A redirect reuses the id; the hop before it is done.
			r.finished = true
		}
		n.reqs[ev.RequestID] = &request{phase: n.phase, url: ev.Request.URL}
	case *network.EventResponseReceived:
		if r, ok := n.reqs[ev.RequestID]; ok {
			r.status = ev.Response.Status
			r.cached = r.cached || ev.Response.FromDiskCache || ev.Response.FromServiceWorker || ev.Response.FromPrefetchCache
		}
	case *network.EventRequestServedFromCache:
		if r, ok := n.reqs[ev.RequestID]; ok {
			r.cached = true
		}
	case *network.EventLoadingFinished:
		if r, ok := n.reqs[ev.RequestID]; ok {
			r.finished = true
			r.bytes = ev.EncodedDataLength
			r.bodyBytes = ev.EncodedBodyLength
		}
	}
}

// dump lists a phase's requests, for -v.
func (n *netlog) dump(who string, p phase) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, r := range n.reqs {
		if r.phase == p {
			progress("    %s %d %s cached=%v finished=%v bytes=%.0f body=%.0f", who, r.status, r.url, r.cached, r.finished, r.bytes, r.bodyBytes)
		}
	}
}

// wasmDownload is the least a response of app.wasm with a body weighs on
// the wire; a revalidation (304) or a copy from the cache weighs less
// than a kilobyte.
const wasmDownload = 100_000

// traffic is what a phase's finished requests received from the network.
type traffic struct {
	total, wasm   float64 // bytes
	wasmDownloads int
}

func (t traffic) plus(u traffic) traffic {
	return traffic{total: t.total + u.total, wasm: t.wasm + u.wasm, wasmDownloads: t.wasmDownloads + u.wasmDownloads}
}

// sum returns the bytes received from the network by the finished requests
// of a phase, and app.wasm's bytes and downloads among them.
func (n *netlog) sum(p phase) traffic {
	n.mu.Lock()
	defer n.mu.Unlock()
	var t traffic
	for _, r := range n.reqs {
		if r.phase != p || !r.finished || r.cached {
			continue
		}
		t.total += r.bytes
		if strings.HasSuffix(strings.SplitN(r.url, "?", 2)[0], "/web/app.wasm") {
			t.wasm += r.bytes
			if r.bytes >= wasmDownload {
				t.wasmDownloads++
			}
		}
	}
	return t
}
