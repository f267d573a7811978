package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"text/template"
	"time"
)

// brotliModule is where Debian's libnginx-mod-http-brotli-static puts the
// module.
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

// nginxConf serves the static export as a static host would: precompressed
// copies, each page as path.html, no access log. It lives in a temporary
// folder with every path nginx writes to; nothing of the system's nginx
// configuration is read or changed.
var nginxConf = template.Must(template.New("nginx.conf").Parse(`# Written by cmd/bench; removed when it ends.
{{if .Brotli}}load_module {{.BrotliModule}};
{{end}}daemon off;
master_process on;
worker_processes 2;
pid {{.Dir}}/nginx.pid;
error_log {{.Dir}}/nginx-error.log warn;

events {
    worker_connections 4096;
}

http {
    types {
        text/html                 html;
        text/css                  css;
        text/javascript           js;
        application/wasm          wasm;
        application/manifest+json webmanifest;
        application/json          json;
        image/png                 png;
        image/svg+xml             svg;
        text/plain                txt;
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/javascript application/manifest+json;

    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;

    client_body_temp_path {{.Dir}}/client_body;
    proxy_temp_path {{.Dir}}/proxy;
    fastcgi_temp_path {{.Dir}}/fastcgi;
    uwsgi_temp_path {{.Dir}}/uwsgi;
    scgi_temp_path {{.Dir}}/scgi;

    server {
        listen {{.Addr}};
        root {{.Root}};
        index index.html;
{{if .Brotli}}        brotli_static on;
{{end}}        gzip_static on;
        location / {
            # $uri/ lets the index module answer / with index.html.
            try_files $uri $uri.html $uri/ =404;
        }
    }
}
`))

// nginx is a running nginx serving the static export.
type nginx struct {
	addr    string // 127.0.0.1:port
	version string
	brotli  bool
	cmd     *exec.Cmd
	done    chan struct{}
	logFile string
}

// base returns the URL of the site's root, without the final slash.
func (n *nginx) base() string { return "http://" + n.addr }

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

// startNginx writes the configuration into dir and starts nginx as a child
// process on a free loopback port, serving root.
func startNginx(ctx context.Context, dir, root string) (*nginx, error) {
	bin, err := nginxPath()
	if err != nil {
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	n := &nginx{addr: addr, done: make(chan struct{}), logFile: filepath.Join(dir, "nginx-error.log")}
	if _, err := os.Stat(brotliModule); err == nil {
		n.brotli = true
	}
	if v, err := exec.Command(bin, "-v").CombinedOutput(); err == nil {
		n.version = strings.TrimPrefix(strings.TrimSpace(string(v)), "nginx version: ")
	}
	var conf bytes.Buffer
	err = nginxConf.Execute(&conf, map[string]any{
		"Brotli": n.brotli, "BrotliModule": brotliModule, "Dir": dir, "Addr": addr, "Root": root,
	})
	if err != nil {
		return nil, err
	}
	confFile := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confFile, conf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	// -e sends the errors nginx logs before it reads the configuration to
	// the temporary folder too, not to /var/log/nginx.
	n.cmd = exec.Command(bin, "-p", dir, "-c", confFile, "-e", n.logFile)
	n.cmd.Stdout = os.Stderr
	n.cmd.Stderr = os.Stderr
	// Its own process group, so a Ctrl+C in the terminal reaches the
	// benchmark only and nginx is stopped by stop.
	n.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := n.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting nginx: %w", err)
	}
	go func() { n.cmd.Wait(); close(n.done) }()
	if err := waitHTTP(ctx, n.base()+"/", n.done); err != nil {
		n.stop()
		log, _ := os.ReadFile(n.logFile)
		return nil, fmt.Errorf("nginx did not start: %w\n%s", err, log)
	}
	return n, nil
}

// stop ends nginx gracefully (SIGQUIT lets the workers finish), then kills
// it if it takes too long.
func (n *nginx) stop() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	select {
	case <-n.done:
		return
	default:
	}
	n.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-n.done:
	case <-time.After(5 * time.Second):
		n.cmd.Process.Kill()
		<-n.done
	}
}

// freeAddr returns a loopback address with a port that was free a moment
// ago.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr, nil
}

// waitHTTP waits until url answers, the process behind it exits (exited is
// closed) or ten seconds pass.
func waitHTTP(ctx context.Context, url string, exited <-chan struct{}) error {
	deadline := time.Now().Add(10 * time.Second)
	client := &http.Client{Timeout: time.Second}
	for {
		res, err := client.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("%s answered %s", url, res.Status)
		}
		if time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-exited:
			return errors.New("the process exited")
		case <-time.After(100 * time.Millisecond):
		}
	}
}
