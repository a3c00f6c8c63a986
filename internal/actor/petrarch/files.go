package petrarch

import (
	"fmt"
	"io"
	"os"
)

// ReadActorsFile is ReadActors on a file path (--petrarch-actors).
func ReadActorsFile(path string) ([]Actor, []ParseError, error) {
	return readFile(path, ReadActors)
}

// ReadAgentsFile is ReadAgents on a file path (--petrarch-agents).
func ReadAgentsFile(path string) ([]Agent, []ParseError, error) {
	return readFile(path, ReadAgents)
}

// ReadDiscardsFile is ReadDiscards on a file path.
func ReadDiscardsFile(path string) ([]Discard, []ParseError, error) {
	return readFile(path, ReadDiscards)
}

func readFile[T any](path string, read func(io.Reader, string) ([]T, []ParseError, error)) ([]T, []ParseError, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open petrarch dictionary: %w", err)
	}
	defer f.Close()
	return read(f, path)
}
