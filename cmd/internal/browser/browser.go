// Package browser holds what the browser test suite and the benchmark share
// to drive Debian's Chromium: the flags that work on this kind of machine and
// the network emulation that cdproto no longer generates.
package browser

import (
	"path/filepath"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// Options are the allocator options for Chromium at chromium: headless, no
// sandbox (tests run as root), nothing that reaches out to the network, a
// fresh profile and temporary folder under tmp (so no profile folders are
// left behind), reduced motion, and a window of width × height.
func Options(chromium, tmp string, width, height int) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("force-prefers-reduced-motion", true),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.Env("TMPDIR=" + tmp),
		chromedp.WindowSize(width, height),
	}
}

// NetworkConditions are the parameters of Network.emulateNetworkConditions.
// Throughputs are in bytes per second; -1 turns throttling off.
type NetworkConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// EmulateNetworkConditions is the raw Network.emulateNetworkConditions
// command. It applies to the target it is sent to only: a page's service
// worker needs its own.
var EmulateNetworkConditions = cdp.Command[NetworkConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

// Offline is the network with no connection.
var Offline = NetworkConditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}
