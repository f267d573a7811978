package main

import (
	"context"
	"fmt"
	"os/exec"
	"syscall"
	"time"
)

// process is a child process the benchmark runs: nginx, the Go server.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when it has exited
}

// startProcess starts cmd in its own process group, so a Ctrl+C in the
// terminal reaches the benchmark only, which then stops it with stop.
func startProcess(cmd *exec.Cmd) (*process, error) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(p.done) }()
	return p, nil
}

// stop ends the process gracefully: it sends sig (nginx finishes its
// requests on SIGQUIT, the Go server on SIGTERM) and waits up to grace,
// then kills it. It returns at once if the process has exited.
func (p *process) stop(sig syscall.Signal, grace time.Duration) {
	if p == nil {
		return
	}
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(sig)
	select {
	case <-p.done:
	case <-time.After(grace):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// wait waits for the process to exit by itself and returns how it exited;
// if ctx ends first, it stops the process (see stop) and returns ctx's
// error.
func (p *process) wait(ctx context.Context, sig syscall.Signal, grace time.Duration) error {
	select {
	case <-p.done:
	case <-ctx.Done():
		p.stop(sig, grace)
		return ctx.Err()
	}
	if st := p.cmd.ProcessState; st != nil && !st.Success() {
		return fmt.Errorf("it exited with %s", st)
	}
	return nil
}
