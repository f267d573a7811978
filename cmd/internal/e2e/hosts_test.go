//go:build browser

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"symptomguide/cmd/internal/deploy"
	"symptomguide/cmd/internal/loopback"
)

// The Debian programs the deploy tests run; make deploy-deps installs them.
const (
	nginxBin     = "/usr/sbin/nginx"
	brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
	caddyBin     = "/usr/bin/caddy"
	apacheBin    = "/usr/sbin/apache2"
	apacheMods   = "/usr/lib/apache2/modules"
)

// host is one server of the guide: the suite's Go server, or a real web
// server serving the static export with its generated configuration.
type host struct {
	name string
	base string // such as http://127.0.0.1:43123
}

// staticHosts is the static export served by nginx, Caddy and Apache, and
// the Go server behind Caddy, each started once, on loopback ports, from a
// configuration in a temporary folder, as a visitor's server would be: the
// configurations package deploy writes, with only the address, the folder
// and the host name set for the test.
type staticHosts struct {
	dir   string // the temporary folder: configurations, logs, pid files
	dist  string // the static export, as make static writes it
	site  deploy.Site
	hosts []host // nginx, caddy, apache, caddy→go
	procs []*process
}

// process is a server the tests started.
type process struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
	log  string
}

// startStaticHosts exports the guide and starts every host, stopping them
// all when t ends. It fails with a clear line when a server is missing.
func startStaticHosts(t *testing.T) *staticHosts {
	t.Helper()
	for _, bin := range []string{nginxBin, brotliModule, caddyBin, apacheBin} {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("%s is missing: run make deploy-deps (apt-get install -y nginx libnginx-mod-http-brotli-static caddy apache2)", bin)
		}
	}
	// The web servers' workers may run as another user (nobody when the
	// tests run as root): they must reach the export.
	dir, err := os.MkdirTemp("", "symptomguide-hosts-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	h := &staticHosts{dir: dir, dist: filepath.Join(dir, "dist")}
	t.Cleanup(func() {
		h.stop()
		os.RemoveAll(dir)
	})
	// Exactly what make static does (cmd/static).
	h.site, err = deploy.Export(webDir, h.dist, filepath.Join(dir, "deploy"), "", deploy.Params{})
	if err != nil {
		t.Fatalf("exporting: %v", err)
	}
	for _, start := range []func() error{h.startNginx, h.startCaddy, h.startApache} {
		if err := start(); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

// base returns the URL of the host called name.
func (h *staticHosts) base(t *testing.T, name string) string {
	t.Helper()
	for _, x := range h.hosts {
		if x.name == name {
			return x.base
		}
	}
	t.Fatalf("no host %s", name)
	return ""
}

// startNginx runs nginx with the generated server block, inside an http
// block of a configuration of the test's own.
func (h *staticHosts) startNginx() error {
	addr, err := loopback.FreeAddr()
	if err != nil {
		return err
	}
	block := deploy.Nginx(h.site, deploy.Params{Listen: addr, Root: h.dist, Host: "localhost"}.Defaults(""))
	if err := os.WriteFile(filepath.Join(h.dir, "guide-nginx.conf"), block, 0o644); err != nil {
		return err
	}
	var conf bytes.Buffer
	fmt.Fprintf(&conf, "load_module %s;\ndaemon off;\nmaster_process on;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/nginx-error.log warn;\n", brotliModule, h.dir, h.dir)
	if os.Geteuid() == 0 {
		conf.WriteString("user nobody nogroup;\n")
	}
	conf.WriteString("events {\n    worker_connections 256;\n}\nhttp {\n")
	for _, temp := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&conf, "    %s_temp_path %s/%s;\n", temp, h.dir, temp)
	}
	fmt.Fprintf(&conf, "    include %s/guide-nginx.conf;\n}\n", h.dir)
	file := filepath.Join(h.dir, "nginx.conf")
	if err := os.WriteFile(file, conf.Bytes(), 0o644); err != nil {
		return err
	}
	log := filepath.Join(h.dir, "nginx-error.log")
	return h.start("nginx", "http://"+addr, log, nginxBin, "-p", h.dir, "-c", file, "-e", log)
}

// startCaddy runs one Caddy with both generated Caddyfiles: the static
// export, and the suite's Go server behind Caddy.
func (h *staticHosts) startCaddy() error {
	static, err := loopback.FreeAddr()
	if err != nil {
		return err
	}
	proxy, err := loopback.FreeAddr()
	if err != nil {
		return err
	}
	p := deploy.Params{Site: "http://" + static, Proxy: "http://" + proxy, Root: h.dist, Upstream: strings.TrimPrefix(suite.base, "http://")}.Defaults("")
	var conf bytes.Buffer
	// Plain HTTP on loopback, no admin endpoint, nothing kept.
	conf.WriteString("{\n\tadmin off\n\tauto_https off\n}\n\n")
	conf.Write(deploy.Caddy(h.site, p))
	conf.WriteString("\n")
	conf.Write(deploy.CaddyServer(h.site, p))
	file := filepath.Join(h.dir, "Caddyfile")
	if err := os.WriteFile(file, conf.Bytes(), 0o644); err != nil {
		return err
	}
	log := filepath.Join(h.dir, "caddy.log")
	if err := h.start("caddy", "http://"+static, log, caddyBin, "run", "--config", file, "--adapter", "caddyfile"); err != nil {
		return err
	}
	h.hosts = append(h.hosts, host{"caddy→go", "http://" + proxy})
	return nil
}

// startApache runs Apache with a configuration of the test's own that
// serves the export as shared hosting does: AllowOverride All, so the
// generated .htaccess in the export does the rest.
func (h *staticHosts) startApache() error {
	addr, err := loopback.FreeAddr()
	if err != nil {
		return err
	}
	var conf bytes.Buffer
	fmt.Fprintf(&conf, "ServerRoot %s\nServerName localhost\nListen %s\nPidFile %s/apache.pid\nErrorLog %s/apache-error.log\nLogLevel warn\nDefaultRuntimeDir %s\nMutex file:%s default\n",
		h.dir, addr, h.dir, h.dir, h.dir, h.dir)
	for _, m := range []string{"mpm_event", "authz_core", "mime", "headers", "rewrite", "dir", "env", "filter", "deflate"} {
		fmt.Fprintf(&conf, "LoadModule %s_module %s/mod_%s.so\n", m, apacheMods, m)
	}
	if os.Geteuid() == 0 {
		conf.WriteString("User nobody\nGroup nogroup\n")
	}
	fmt.Fprintf(&conf, "StartServers 1\nServerLimit 1\nThreadsPerChild 16\nMaxRequestWorkers 16\nMinSpareThreads 1\nMaxSpareThreads 16\n")
	fmt.Fprintf(&conf, "TypesConfig /etc/mime.types\nDocumentRoot %s\n<Directory />\n    AllowOverride None\n    Require all denied\n</Directory>\n<Directory %s>\n    AllowOverride All\n    Require all granted\n</Directory>\n", h.dist, h.dist)
	file := filepath.Join(h.dir, "apache.conf")
	if err := os.WriteFile(file, conf.Bytes(), 0o644); err != nil {
		return err
	}
	log := filepath.Join(h.dir, "apache-error.log")
	return h.start("apache", "http://"+addr, log, apacheBin, "-f", file, "-DFOREGROUND")
}

// start runs a server in a process group of its own and waits until base
// answers its start page.
func (h *staticHosts) start(name, base, log, bin string, args ...string) error {
	cmd := exec.Command(bin, args...)
	cmd.Dir = h.dir
	// Caddy keeps its data and configuration under HOME and XDG folders.
	cmd.Env = append(os.Environ(), "HOME="+h.dir, "XDG_DATA_HOME="+h.dir, "XDG_CONFIG_HOME="+h.dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, done: make(chan struct{}), log: log}
	go func() { cmd.Wait(); close(p.done) }()
	h.procs = append(h.procs, p)
	if err := loopback.WaitUp(context.Background(), base+"/", p.done); err != nil {
		logged, _ := os.ReadFile(log)
		return fmt.Errorf("%s did not start: %v\n%s%s", name, err, out.String(), logged)
	}
	h.hosts = append(h.hosts, host{name, base})
	return nil
}

// stop ends every server the tests started, and waits for them.
func (h *staticHosts) stop() {
	for _, p := range h.procs {
		select {
		case <-p.done:
			continue
		default:
		}
		// SIGTERM ends each of them at once; their workers go with them.
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
			<-p.done
		}
	}
}
