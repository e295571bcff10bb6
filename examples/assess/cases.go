package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place"
)

// Exit statuses of -test.
const (
	exitPass = 0 // every case passes
	exitFail = 1 // a case fails (or the output cannot be written)
)

// runTests runs the scheme test cases of the file cfg.test: the report
// (text or json) on standard output; problems as for a cohort (exit 2).
func runTests(cfg config, stdout, stderr io.Writer) int {
	f, err := os.Open(cfg.test)
	if err != nil {
		ps := fileProblem(cfg.test, dangjian.ErrInvalid, "-test cannot be read: "+err.Error())
		if werr := reportProblems(stdout, stderr, cfg.format, ps); werr != nil {
			fmt.Fprintf(stderr, "assess: writing the output: %v\n", werr)
		}
		return exitInput
	}
	defer f.Close()
	rep, err := assess.RunCases(f, assess.CaseOptions{File: cfg.test, Resolve: resolveScheme, Limits: cfg.limits})
	if err != nil {
		if werr := reportProblems(stdout, stderr, cfg.format, dangjian.ProblemsOf(err)); werr != nil {
			fmt.Fprintf(stderr, "assess: writing the output: %v\n", werr)
		}
		return exitInput
	}
	w := bufio.NewWriter(stdout)
	if cfg.format == "json" {
		err = encodeJSON(w, rep)
	} else {
		err = rep.WriteText(w)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "assess: writing the output: %v\n", err)
		return exitFail
	}
	if rep.Failed > 0 {
		return exitFail
	}
	return exitPass
}

// resolveScheme resolves a case file's scheme name: the names -scheme
// knows ([place.SchemeNames]), each with the policy that goes with it.
func resolveScheme(name string) (assess.Scheme, *assess.GradePolicy, error) {
	if !slices.Contains(place.SchemeNames(), name) {
		return assess.Scheme{}, nil, &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Value: name,
			Detail: "not a scheme this program knows; they are " + strings.Join(place.SchemeNames(), ", ")}
	}
	s, err := place.Scheme(name)
	if err != nil {
		return s, nil, err
	}
	p, err := place.Policy(name)
	if err != nil {
		return s, nil, err
	}
	return s, &p, nil
}
