package main

import (
	"context"
	"fmt"
	"os"

	"symptomguide/app/guide"
	"symptomguide/app/guidedata"
)

// session is what the Chromium parts of the benchmark share: the Go server
// running in-process, nginx serving the static export, one Chromium with
// the watch on its service workers, and the engine the pages come from.
type session struct {
	o       options
	hosts   []host // the Go server first, then nginx
	bctx    context.Context
	ws      *workers
	product string // Chromium's name and version
	g       *guide.Guide
}

// goHost is the in-process Go server.
func (s *session) goHost() host { return s.hosts[0] }

// browserBench runs the Chromium parts the options ask for, in order: the
// page loads, the walk to a result, the in-app steps, and then the bytes
// of a first visit from the loads and walks measured.
func browserBench(ctx context.Context, o options, ng *nginx, out *report, v *verdicts) error {
	if _, err := os.Stat(o.chromium); err != nil {
		return fmt.Errorf("Chromium not found at %s: make bench installs it (apt-get install -y chromium)", o.chromium)
	}
	g, err := guide.New(guidedata.Content)
	if err != nil {
		return err
	}
	hosts, stopGuide, err := startHosts(ctx, o, ng)
	if err != nil {
		return err
	}
	defer stopGuide()
	tmp, err := os.MkdirTemp("", "bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bctx, ws, product, stopBrowser, err := startBrowser(ctx, o, tmp)
	if err != nil {
		return err
	}
	defer stopBrowser()
	s := &session{o: o, hosts: hosts, bctx: bctx, ws: ws, product: product, g: g}

	var cold loads
	var walks walkResults
	if !o.skipLoad {
		if cold, err = loadBench(ctx, s, out, v); err != nil {
			return fmt.Errorf("load benchmark: %w", err)
		}
	}
	if !o.skipWalk {
		if walks, err = walkBench(ctx, s, out, v); err != nil {
			return fmt.Errorf("walk: %w", err)
		}
	}
	if !o.skipSteps {
		if err := stepBench(ctx, s, out, v); err != nil {
			return fmt.Errorf("in-app steps: %w", err)
		}
	}
	if cold != nil || walks != nil {
		printBytes(out, s, cold, walks)
	}
	return nil
}

// startHosts starts the Go server in-process and returns it and nginx, in
// the order every table shows them, until stop is called.
func startHosts(ctx context.Context, o options, ng *nginx) (hosts []host, stop func(), err error) {
	goBase, stop, err := startGuide(ctx, o.web)
	if err != nil {
		return nil, nil, err
	}
	return []host{{"Go server", goBase}, {"nginx static", ng.base()}}, stop, nil
}
