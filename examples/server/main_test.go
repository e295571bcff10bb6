package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServe starts the server on a free port, asks it a few things and
// stops it as a signal would: it shuts down and returns 0.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-max-body", "1024"}, &stderr, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case status := <-done:
		t.Fatalf("run returned %d before listening: %s", status, stderr.String())
	}
	base := "http://" + addr
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	status, body := get("/healthz")
	assert.Equal(t, 200, status)
	assert.JSONEq(t, `{"status":"ok"}`, body)
	status, _ = get("/openapi.json")
	assert.Equal(t, 200, status)
	status, body = get("/")
	assert.Equal(t, 200, status)
	assert.Contains(t, body, "<")
	tree, err := os.ReadFile("../orgchart/testdata/tree.csv")
	require.NoError(t, err)
	resp, err := http.Post(base+"/v1/orgs/validate?asOf=2025-06-30", "text/csv", bytes.NewReader(tree))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 413, resp.StatusCode, "-max-body 1024 is the server's limit")
	resp, err = http.Post(base+"/v1/assess", "application/json", strings.NewReader(`{"scheme":"nope","subjects":[]}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 422, resp.StatusCode)

	cancel()
	select {
	case status := <-done:
		assert.Equal(t, exitOK, status, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not shut down")
	}
	assert.Contains(t, stderr.String(), "shutting down")
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-max-body", "0"},
		{"-timeout", "-1s"},
		{"-max-in-flight", "0"},
		{"-max-rows", "-1"},
		{"extra"},
		{"-nope"},
	} {
		var stderr bytes.Buffer
		assert.Equal(t, exitUsage, run(context.Background(), args, &stderr, nil), "%v", args)
		assert.Contains(t, stderr.String(), "usage: server", "%v", args)
	}
	var stderr bytes.Buffer
	assert.Equal(t, exitOK, run(context.Background(), []string{"-h"}, &stderr, nil))
}

// TestListenFails: an address in use is exit 1.
func TestListenFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	var stderr bytes.Buffer
	assert.Equal(t, exitServe, run(context.Background(), []string{"-addr", ln.Addr().String()}, &stderr, nil))
	assert.Contains(t, stderr.String(), "address already in use")
}
