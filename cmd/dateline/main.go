// Command dateline turns news text into PLOVER event data with evidence
// offsets. Each subcommand lives in its own file; this file only
// dispatches and maps errors to exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes. A script must be able to tell a run that finished with some
// bad records, whose output is complete for the good ones, from a run that
// stopped part-way, whose output is not.
const (
	exitOK      = 0
	exitSkipped = 1 // the run finished, but some records were skipped; see stderr
	exitUsage   = 2
	exitFatal   = 3 // the run stopped early: I/O or database error, or interrupted
)

// errUsage marks a usage error; the command has already printed help.
var errUsage = errors.New("usage error")

// errSkipped reports that the run finished but some input was skipped.
var errSkipped = errors.New("some records were skipped")

// env is what a command may touch, so tests can run commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"code", "code files, directories or stdin into JSON Lines", runCode},
		{"bench", "measure throughput on a generated corpus", runBench},
		{"ingest", "code inputs and store them in a database", runIngest},
		{"worker", "code documents queued on NATS by 'ingest --nats' into a database", runWorker},
		{"serve", "serve the JSON API and web app over a database", runServe},
		{"eval", "score against gold data (plover, docs, quotes, places)", runEval},
		{"version", "print the version and the provenance stored documents record", runVersion},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dateline <command> [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'dateline <command> -h' for a command's flags.")
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr})
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, e *env) int {
	if e.log == nil {
		e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = append([]string{"version"}, args[1:]...)
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, errUsage):
			return exitUsage
		case errors.Is(err, errSkipped):
			fmt.Fprintf(e.stderr, "dateline %s: %v\n", c.name, err)
			return exitSkipped
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(e.stderr, "dateline %s: interrupted; the output is incomplete\n", c.name)
			return exitFatal
		default:
			fmt.Fprintf(e.stderr, "dateline %s: %v\n", c.name, err)
			return exitFatal
		}
	}
	fmt.Fprintf(e.stderr, "dateline: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitUsage
}
