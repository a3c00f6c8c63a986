//go:build !unix

package source_test

import "errors"

func mkfifo(string) error { return errors.ErrUnsupported }
