package main

import (
	"math"
	"strings"
	"testing"
)

// wrkText is wrk 4.1's usual report, which comes before the script's line.
const wrkText = `Running 10s test @ http://127.0.0.1:41234/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52ms    1.10ms  31.21ms   90.12%
    Req/Sec    21.34k     1.71k   25.02k    71.00%
  Latency Distribution
     50%    1.33ms
     75%    1.80ms
     90%    2.51ms
     99%    4.61ms
  424719 requests in 10.00s, 1.76GB read
Requests/sec:  42461.13
Transfer/sec:    180.10MB
`

const wrkJSON = `BENCH-JSON {"duration_us":10002541,"requests":424719,"bytes":1888458510,"connect":0,"read":0,"write":0,"status":0,"timeout":0,"p50_us":1330,"p90_us":2510,"p99_us":4610,"max_us":31210,"mean_us":1520.4}
`

func TestParseWrk(t *testing.T) {
	tests := []struct {
		name    string
		output  string
		want    wrkResult
		rps     float64
		errors  float64
		wantErr string
	}{
		{
			name:   "clean run",
			output: wrkText + wrkJSON,
			want: wrkResult{DurationUS: 10002541, Requests: 424719, Bytes: 1888458510,
				P50US: 1330, P90US: 2510, P99US: 4610, MaxUS: 31210, MeanUS: 1520.4},
			rps: 42461.1,
		},
		{
			name: "socket errors and timeouts",
			output: strings.Replace(wrkText, "Requests/sec", "  Socket errors: connect 3, read 2, write 1, timeout 7\nRequests/sec", 1) +
				`BENCH-JSON {"duration_us":30000000,"requests":900000,"bytes":1,"connect":3,"read":2,"write":1,"status":0,"timeout":7,"p50_us":6000,"p90_us":9000,"p99_us":46000,"max_us":2000000,"mean_us":7000}` + "\n",
			want: wrkResult{DurationUS: 30e6, Requests: 900000, Bytes: 1, Connect: 3, Read: 2, Write: 1, Timeout: 7,
				P50US: 6000, P90US: 9000, P99US: 46000, MaxUS: 2e6, MeanUS: 7000},
			rps:    30000,
			errors: 13,
		},
		{
			name:   "error statuses counted by the script",
			output: wrkText + `BENCH-JSON {"duration_us":1000000,"requests":100,"bytes":1,"connect":0,"read":0,"write":0,"status":4,"timeout":0,"p50_us":1,"p90_us":1,"p99_us":1,"max_us":1,"mean_us":1}` + "\n",
			want:   wrkResult{DurationUS: 1e6, Requests: 100, Bytes: 1, Status: 4, P50US: 1, P90US: 1, P99US: 1, MaxUS: 1, MeanUS: 1},
			rps:    100,
			errors: 4,
		},
		{
			name: "non-2xx line larger than the script's count",
			output: strings.Replace(wrkText, "Requests/sec", "  Non-2xx or 3xx responses: 12\nRequests/sec", 1) +
				`BENCH-JSON {"duration_us":1000000,"requests":100,"bytes":1,"connect":0,"read":0,"write":0,"status":0,"timeout":0,"p50_us":1,"p90_us":1,"p99_us":1,"max_us":1,"mean_us":1}` + "\n",
			want:   wrkResult{DurationUS: 1e6, Requests: 100, Bytes: 1, Status: 12, P50US: 1, P90US: 1, P99US: 1, MaxUS: 1, MeanUS: 1},
			rps:    100,
			errors: 12,
		},
		{name: "no summary line", output: wrkText, wantErr: "no summary"},
		{name: "broken JSON", output: wrkText + "BENCH-JSON {\"duration_us\":1,\n", wantErr: "summary"},
		{name: "unknown field", output: wrkText + `BENCH-JSON {"duration_us":1,"requests":1,"nope":1}` + "\n", wantErr: "unknown"},
		{name: "no request completed", output: `BENCH-JSON {"duration_us":1000000,"requests":0,"bytes":0,"connect":64,"read":0,"write":0,"status":0,"timeout":0,"p50_us":0,"p90_us":0,"p99_us":0,"max_us":0,"mean_us":0}`, wantErr: "no request"},
		{name: "bad non-2xx count", output: "  Non-2xx or 3xx responses: many\n" + wrkJSON, wantErr: "Non-2xx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWrk(tt.output)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if math.Abs(got.rps()-tt.rps) > 0.1 {
				t.Errorf("got %.1f requests/s, want %.1f", got.rps(), tt.rps)
			}
			if got.errors() != tt.errors {
				t.Errorf("got %g errors, want %g", got.errors(), tt.errors)
			}
		})
	}
}

func TestParseStatusKB(t *testing.T) {
	status := "Name:\tserver\nVmPeak:\t 1256804 kB\nVmHWM:\t   53640 kB\nVmRSS:\t   32000 kB\nThreads:\t8\n"
	tests := []struct {
		key  string
		want float64
	}{
		{"VmRSS", 32000 * 1024},
		{"VmHWM", 53640 * 1024},
		{"VmSwap", math.NaN()},
	}
	for _, tt := range tests {
		got := parseStatusKB(status, tt.key)
		if got != tt.want && !(math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("%s: got %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestSummarise(t *testing.T) {
	tests := []struct {
		in   []float64
		want stats
	}{
		{[]float64{3, 1, 2}, stats{n: 3, median: 2, min: 1, max: 3}},
		{[]float64{4, 1, 3, 2}, stats{n: 4, median: 2.5, min: 1, max: 4}},
		{[]float64{math.NaN(), 5}, stats{n: 1, median: 5, min: 5, max: 5}},
	}
	for _, tt := range tests {
		if got := summarise(tt.in); got != tt.want {
			t.Errorf("summarise(%v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	if got := summarise(nil); got.n != 0 || !math.IsNaN(got.median) {
		t.Errorf("summarise(nil) = %+v, want no values", got)
	}
}
