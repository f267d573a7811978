package main

import (
	"fmt"

	"symptomguide/cmd/internal/browser"
)

// profile is a network and CPU the page loads on.
type profile struct {
	name      string
	latencyMS float64
	down, up  float64 // bytes per second
	cpu       float64 // CPU slow-down factor
	goals     bool    // hold this profile's figures against the goals
}

// profiles are Lighthouse's slow 4G (its mobile default) and a 4G link.
var profiles = []profile{
	{name: "slow", latencyMS: 562.5, down: 1.47e6 / 8, up: 675e3 / 8, cpu: 4, goals: true},
	{name: "4G", latencyMS: 150, down: 9e6 / 8, up: 1.5e6 / 8, cpu: 4},
}

func (p profile) String() string {
	return fmt.Sprintf("%s: latency %g ms, download %.2f Mbps, upload %g kbps, CPU slowed %g×",
		p.name, p.latencyMS, p.down*8/1e6, p.up*8/1e3, p.cpu)
}

func (p profile) conditions() browser.NetworkConditions {
	return browser.NetworkConditions{Latency: p.latencyMS, DownloadThroughput: p.down, UploadThroughput: p.up}
}

// The viewport of a common phone.
const phoneWidth, phoneHeight = 412, 915
