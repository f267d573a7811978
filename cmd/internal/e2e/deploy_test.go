//go:build browser

package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"symptomguide/app/guidedata"
	"symptomguide/cmd/internal/deploy"
	"symptomguide/cmd/internal/policy"
	"symptomguide/cmd/internal/site"
)

// TestDeploy serves the static export with real nginx, Caddy and Apache
// (and the Go server behind Caddy), each with the configuration make static
// writes and each started once, and checks them against the suite's Go
// server: the same headers on every path, the same 404s, and the visitor's
// walks, online and offline.
func TestDeploy(t *testing.T) {
	h := startStaticHosts(t)
	t.Run("Parity", func(t *testing.T) { testParity(t, h) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, h) })
	t.Run("QueryNeverStored", func(t *testing.T) { testQueryNeverStored(t, h) })
	for _, name := range []string{"nginx", "caddy"} {
		t.Run("Smoke/"+name, func(t *testing.T) {
			smokeWalk(t, newVisitorAt(t, h.base(t, name)), "deploy-"+name+"-result")
		})
		t.Run("Offline/"+name, func(t *testing.T) {
			offlineWalk(t, newVisitorAt(t, h.base(t, name)))
		})
	}
}

// parityPath is one request every host answers.
type parityPath struct {
	name, path, accept string
}

// parityPaths are the requests compared: a browser's Accept-Encoding, but
// gzip alone where the Go server renders the page from the answers in the
// query string: it compresses those at request time with gzip, where a
// static host sends its brotli copy of the page (see the report in README,
// Deploy).
func parityPaths() []parityPath {
	const browser = "br, gzip"
	article := "/articles/" + guidedata.Content.Articles[0].Slug
	return []parityPath{
		{"start", "/", browser},
		{"question with answers", "/q/pain?age=20-49&pain=sciatica", "gzip"},
		{"result with answers", "/result?age=20-49&pain=lower-back&duration=chronic&emergency=none&urgent=none&history=none&factors=stress&cautions=none", "gzip"},
		{"question without answers", "/q/age", browser},
		{"article index", "/articles", browser},
		{"article", article, browser},
		{"app.wasm (br)", "/web/app.wasm", browser},
		{"app.wasm (gzip)", "/web/app.wasm", "gzip"},
		{"embed.js", "/embed.js", browser},
		{"manifest", "/manifest.webmanifest", browser},
		{"service worker", "/app-worker.js", browser},
		{"robots.txt", "/robots.txt", browser},
		{"unknown page", "/no-such-page", browser},
		{"unknown article", "/articles/no-such-article", browser},
	}
}

// response is what a host answered: its status and the compared headers,
// normalised.
type response struct {
	status  int
	headers map[string]string
	// hostOwn lists the headers the host decides itself, which its
	// configuration does not set (only for _headers).
	hostOwn map[string]bool
}

// fetch asks base for p without following redirects or decoding.
func fetch(t *testing.T, base string, p parityPath) response {
	t.Helper()
	req, err := http.NewRequest("GET", base+p.path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", p.accept)
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatalf("GET %s%s: %v", base, p.path, err)
	}
	res.Body.Close()
	r := response{status: res.StatusCode, headers: map[string]string{}}
	for _, name := range policy.Compared {
		r.headers[name] = normalise(name, strings.Join(res.Header.Values(name), ", "))
	}
	return r
}

// normalise makes equal what means the same: case in types and encodings,
// spaces after separators.
func normalise(name, v string) string {
	switch name {
	case "Content-Type", "Vary", "Content-Encoding":
		v = strings.ToLower(v)
		v = regexp.MustCompile(`\s*([;,])\s*`).ReplaceAllString(v, "$1 ")
	}
	return strings.TrimSpace(v)
}

// testParity fetches the same paths from every host and fails on any
// difference from the Go server; with -v it prints the table.
func testParity(t *testing.T, h *staticHosts) {
	rules := parseHeaders(t, filepath.Join(h.dist, "_headers"))
	hosts := append([]host{{"go", suite.base}}, h.hosts...)
	var table bytes.Buffer
	names := []string{"go"}
	for _, x := range h.hosts {
		names = append(names, x.name)
	}
	names = append(names, "_headers")
	fmt.Fprintf(&table, "%-30s %-30s", "path / header", "go")
	for _, n := range names[1:] {
		fmt.Fprintf(&table, " %-9s", n)
	}
	table.WriteString("\n")
	for _, p := range parityPaths() {
		got := map[string]response{}
		for _, x := range hosts {
			got[x.name] = fetch(t, x.base, p)
		}
		got["_headers"] = rules.response(h.dist, p.path)
		fmt.Fprintf(&table, "%s  %s  [Accept-Encoding: %s]\n", p.name, p.path, p.accept)
		want := got["go"]
		row := func(label, goValue string, cell func(name string) string) {
			fmt.Fprintf(&table, "  %-28s %-30s", label, short(goValue))
			for _, n := range names[1:] {
				fmt.Fprintf(&table, " %-9s", cell(n))
			}
			table.WriteString("\n")
		}
		row("status", fmt.Sprint(want.status), func(n string) string {
			if got[n].status != want.status {
				t.Errorf("%s %s: %s answered %d, the Go server %d", p.name, p.path, n, got[n].status, want.status)
				return fmt.Sprintf("DIFF %d", got[n].status)
			}
			return "OK"
		})
		for _, header := range policy.Compared {
			row(header, want.headers[header], func(n string) string {
				r := got[n]
				if r.hostOwn[header] {
					return "host"
				}
				if r.headers[header] != want.headers[header] {
					t.Errorf("%s %s: %s sent %s %q, the Go server %q", p.name, p.path, n, header, r.headers[header], want.headers[header])
					return "DIFF"
				}
				return "OK"
			})
		}
	}
	t.Logf("header parity, path × host × header (OK: as the Go server; host: the host's own, which _headers cannot set):\n%s", table.String())
}

// short shortens a header value for the table.
func short(v string) string {
	switch {
	case v == "":
		return "(none)"
	case len(v) > 30:
		return v[:27] + "..."
	}
	return v
}

// testNotFound asserts every host answers 404 where the Go server does:
// addresses near the guide's own that a static file server would answer.
func testNotFound(t *testing.T, h *staticHosts) {
	slug := guidedata.Content.Articles[0].Slug
	for _, path := range []string{
		"/articles/", "/articles/" + slug + "/", "/q/", "/q/nope", "/web/", "/index", "/404",
		"/" + site.ErrorFile, "/web/app.wasm.br", "/web/guide.css.gz", "/_headers", "/_redirects", "/.htaccess",
	} {
		for _, x := range append([]host{{"go", suite.base}}, h.hosts...) {
			r := fetch(t, x.base, parityPath{path, path, "br, gzip"})
			if r.status != http.StatusNotFound {
				t.Errorf("%s %s: got %d, want 404 as on the Go server", x.name, path, r.status)
			}
			if got := r.headers["Cache-Control"]; got != policy.NoStore {
				t.Errorf("%s %s: got Cache-Control %q on a 404, want %s", x.name, path, got, policy.NoStore)
			}
		}
	}
}

// testQueryNeverStored asserts every server stores no page asked for with
// a query string, as the Go server, which renders it from the query, does
// not. (_headers cannot match a query string: see Headers in package
// deploy.)
func testQueryNeverStored(t *testing.T, h *staticHosts) {
	article := "/articles/" + guidedata.Content.Articles[0].Slug
	for _, path := range []string{"/?utm_source=clinic", "/articles?from=result", article + "?pain=sciatica", "/q/age?x=1"} {
		for _, x := range append([]host{{"go", suite.base}}, h.hosts...) {
			r := fetch(t, x.base, parityPath{path, path, "gzip"})
			if r.status != http.StatusOK || r.headers["Cache-Control"] != policy.NoStore {
				t.Errorf("%s %s: got %d with Cache-Control %q, want 200 with %s", x.name, path, r.status, r.headers["Cache-Control"], policy.NoStore)
			}
		}
	}
}

// headerRules is a parsed _headers file.
type headerRules []headerRule

type headerRule struct {
	pattern *regexp.Regexp
	source  string
	headers map[string]string
}

// parseHeaders reads a _headers file: a path pattern on its own line, its
// headers indented below it, # comments. Patterns use * for anything and
// :name for one path segment, as Netlify and Cloudflare Pages read them.
func parseHeaders(t *testing.T, file string) headerRules {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rules headerRules
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			var re strings.Builder
			for _, part := range regexp.MustCompile(`\*|:[A-Za-z]\w*|[^*:]+`).FindAllString(trimmed, -1) {
				switch {
				case part == "*":
					re.WriteString(".*")
				case part[0] == ':':
					re.WriteString("[^/]+")
				default:
					re.WriteString(regexp.QuoteMeta(part))
				}
			}
			rules = append(rules, headerRule{regexp.MustCompile("^" + re.String() + "$"), trimmed, map[string]string{}})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 {
				t.Fatalf("%s:%d: not a header of a rule: %q", file, n, line)
			}
			rules[len(rules)-1].headers[http.CanonicalHeaderKey(strings.TrimSpace(name))] = strings.TrimSpace(value)
		}
	}
	if len(rules) > 100 {
		t.Errorf("_headers has %d rules; Cloudflare Pages reads 100 at most", len(rules))
	}
	return rules
}

// response is what a Netlify or Cloudflare Pages site with these rules
// answers for path: the headers of every rule matching it (a header set
// by two matching rules is an error: the hosts merge them differently),
// status 200 for an address the export has a file for (pretty URLs) and
// 404 with 404.html for any other. The hosts compress by themselves and
// add their own Cache-Control and type where no rule sets one.
func (rules headerRules) response(dist, rawPath string) response {
	path, _, _ := strings.Cut(rawPath, "?")
	r := response{status: http.StatusNotFound, headers: map[string]string{}, hostOwn: map[string]bool{}}
	setBy := map[string]string{}
	for _, rule := range rules {
		if !rule.pattern.MatchString(path) {
			continue
		}
		for name, v := range rule.headers {
			if prev, ok := setBy[name]; ok {
				r.headers[name] = fmt.Sprintf("AMBIGUOUS: %s in %s and %s", name, prev, rule.source)
				continue
			}
			setBy[name] = rule.source
			r.headers[name] = normalise(name, v)
		}
	}
	for _, file := range []string{deploy.PageFile(path), strings.TrimPrefix(path, "/")} {
		if fi, err := os.Stat(filepath.Join(dist, file)); err == nil && !fi.IsDir() && (path == "/" || !strings.HasSuffix(path, "/")) {
			r.status = http.StatusOK
			break
		}
	}
	for _, name := range policy.Compared {
		if _, ok := r.headers[name]; !ok {
			r.hostOwn[name] = name == "Content-Encoding" || name == "Vary" || r.status == http.StatusNotFound
		}
	}
	return r
}
