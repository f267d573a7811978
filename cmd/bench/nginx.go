package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"symptomguide/cmd/internal/deploy"
	"symptomguide/cmd/internal/loopback"
)

// brotliModule is where Debian's libnginx-mod-http-brotli-static puts the
// module; the generated server block needs it.
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

// nginx is a running nginx serving the static export with the server block
// `make static` writes (deploy.Nginx): the same headers, types, encodings
// and 404s as a clinic's nginx, so wrk compares like with like.
type nginx struct {
	addr    string // 127.0.0.1:port
	version string
	proc    *process
	logFile string
}

// base returns the URL of the site's root, without the final slash.
func (n *nginx) base() string { return "http://" + n.addr }

// stop ends nginx gracefully (SIGQUIT lets the workers finish).
func (n *nginx) stop() { n.proc.stop(syscall.SIGQUIT, 5*time.Second) }

// nginxPath finds the nginx binary: root's PATH has /usr/sbin, others' may
// not.
func nginxPath() (string, error) {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p, nil
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx", nil
	}
	return "", errors.New("nginx is not installed: make bench installs it (apt-get install -y nginx libnginx-mod-http-brotli-static wrk)")
}

// nginxMain is the configuration around the generated server block, in
// a folder of the benchmark's own with every path nginx writes to; nothing
// of the system's nginx configuration is read or changed. Its http block
// has Debian's defaults for static files (sendfile, tcp_nopush), and one
// worker per core.
func nginxMain(dir, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by cmd/bench; removed when it ends.\nload_module %s;\ndaemon off;\nmaster_process on;\nworker_processes %d;\npid %s/nginx.pid;\nerror_log %s/nginx-error.log warn;\n",
		brotliModule, numCPU(), dir, dir)
	if os.Geteuid() == 0 {
		b.WriteString("user nobody nogroup;\n")
	}
	b.WriteString("events {\n    worker_connections 4096;\n}\nhttp {\n    sendfile on;\n    tcp_nopush on;\n    keepalive_timeout 65;\n")
	for _, temp := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&b, "    %s_temp_path %s/%s;\n", temp, dir, temp)
	}
	fmt.Fprintf(&b, "    include %s;\n}\n", block)
	return b.String()
}

// startNginx writes the configuration into dir and starts nginx as a child
// process on a free loopback port, serving the export in root described
// by st.
func startNginx(ctx context.Context, dir, root string, st deploy.Site) (*nginx, error) {
	bin, err := nginxPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(brotliModule); err != nil {
		return nil, errors.New("nginx's brotli module is missing: make bench installs it (apt-get install -y libnginx-mod-http-brotli-static)")
	}
	addr, err := loopback.FreeAddr()
	if err != nil {
		return nil, err
	}
	n := &nginx{addr: addr, logFile: filepath.Join(dir, "nginx-error.log")}
	if v, err := exec.Command(bin, "-v").CombinedOutput(); err == nil {
		n.version = strings.TrimPrefix(strings.TrimSpace(string(v)), "nginx version: ")
	}
	block := filepath.Join(dir, "guide-nginx.conf")
	if err := os.WriteFile(block, deploy.Nginx(st, deploy.Params{Listen: addr, Root: root, Host: "localhost"}.Defaults("")), 0o644); err != nil {
		return nil, err
	}
	confFile := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(nginxMain(dir, block)), 0o644); err != nil {
		return nil, err
	}
	// -e sends the errors nginx logs before it reads the configuration to
	// the temporary folder too, not to /var/log/nginx.
	cmd := exec.Command(bin, "-p", dir, "-c", confFile, "-e", n.logFile)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if n.proc, err = startProcess(cmd); err != nil {
		return nil, fmt.Errorf("starting nginx: %w", err)
	}
	if err := loopback.WaitUp(ctx, n.base()+"/", n.proc.done); err != nil {
		n.stop()
		log, _ := os.ReadFile(n.logFile)
		return nil, fmt.Errorf("nginx did not start: %w\n%s", err, log)
	}
	return n, nil
}

// describe says how nginx runs, for the report.
func (n *nginx) describe() string {
	return fmt.Sprintf("nginx: %s, brotli_static and gzip_static, serving the static export with the server block make static writes (deploy.Nginx), %d workers, on %s",
		n.version, numCPU(), n.addr)
}
