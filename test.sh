#!/usr/bin/env bash
# README's test command: installs the Debian packages the suite uses when they are missing (as root, or
# through sudo), then runs the whole suite. Extra arguments go to Maven (e.g. ./test.sh -pl server).
set -euo pipefail
cd "$(dirname "$0")"
bash .ci/prerequisites.sh --install
exec mvn -B verify "$@"
