package main

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestProcess_Wait(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		p, err := startProcess(exec.Command("true"))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.wait(context.Background(), syscall.SIGTERM, time.Second); err != nil {
			t.Errorf("got %v, want nil", err)
		}
	})
	t.Run("ErrExit", func(t *testing.T) {
		p, err := startProcess(exec.Command("false"))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.wait(context.Background(), syscall.SIGTERM, time.Second); err == nil || !strings.Contains(err.Error(), "exit status 1") {
			t.Errorf("got %v, want exit status 1", err)
		}
	})
	t.Run("StoppedGracefully", func(t *testing.T) {
		// The shell traps the signal and exits 0, as wrk prints its
		// summary on SIGINT.
		p, err := startProcess(exec.Command("sh", "-c", `trap "exit 0" INT; sleep 2 & wait`))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		if err := p.wait(ctx, syscall.SIGINT, 5*time.Second); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("got %v, want the context's deadline", err)
		}
		if d := time.Since(start); d > 4*time.Second {
			t.Errorf("stopping took %s: the signal was not handled, it waited for the kill", d)
		}
	})
	t.Run("Killed", func(t *testing.T) {
		p, err := startProcess(exec.Command("sh", "-c", `trap "" INT; exec sleep 5`))
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		start := time.Now()
		p.stop(syscall.SIGINT, 300*time.Millisecond)
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("stop took %s, want the kill after the 300 ms grace", d)
		}
	})
}
