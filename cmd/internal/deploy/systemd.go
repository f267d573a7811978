package deploy

import (
	"bytes"
	"fmt"
	"path/filepath"
)

// UnitName is the systemd unit's file name.
const UnitName = "symptom-guide.service"

// Systemd returns a hardened systemd unit for the Go server: a user made up
// for each run (DynamicUser), a read-only system (ProtectSystem=strict)
// with the web folder read-only too, no new privileges, no capabilities,
// only the system calls a service needs, and only loopback traffic (Caddy
// in front, see CaddyServer). The server writes nothing and logs no
// request, so it needs no state, cache or log folder.
func Systemd(p Params) []byte {
	args := fmt.Sprintf("%s -addr %s -web %s", p.Binary, p.Upstream, p.Web)
	if p.SiteURL != "" {
		args += " -site-url " + p.SiteURL
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# %s
#
# The Go server behind Caddy (Caddyfile.server). Copy the server program to %s
# and the built web folder to %s (go build -o server ./cmd/server after make build),
# this file to /etc/systemd/system/, then: systemctl daemon-reload && systemctl enable --now %s

[Unit]
Description=Symptom Guide (Go server)
After=network.target

[Service]
Type=simple
ExecStart=%s
Restart=on-failure

# A user of its own, made up for each run; nothing to write anywhere.
DynamicUser=yes
UMask=0077
ProtectSystem=strict
ReadOnlyPaths=%s
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
PrivateUsers=yes
PrivateIPC=yes
DevicePolicy=closed
ProtectProc=invisible
ProcSubset=pid
ProtectHostname=yes
ProtectClock=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes

# No privileges, no capabilities.
NoNewPrivileges=yes
CapabilityBoundingSet=
AmbientCapabilities=
RestrictSUIDSGID=yes
LockPersonality=yes
MemoryDenyWriteExecute=yes
RestrictRealtime=yes
RestrictNamespaces=yes
RemoveIPC=yes
KeyringMode=private

# Only the system calls a service needs, for this machine's architecture.
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged @resources
SystemCallErrorNumber=EPERM

# Only TCP on loopback, where Caddy reaches it.
RestrictAddressFamilies=AF_INET AF_INET6
IPAddressAllow=localhost
IPAddressDeny=any

[Install]
WantedBy=multi-user.target
`, generated, filepath.Dir(p.Binary), p.Web, UnitName, args, p.Web)
	return b.Bytes()
}
