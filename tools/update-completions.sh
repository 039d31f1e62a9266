#!/usr/bin/env bash
# Regenerates completions/ from the CLI (a test fails when they are stale).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build -q
for pair in bash:omni.bash zsh:_omni fish:omni.fish powershell:_omni.ps1 elvish:omni.elv; do
  ./target/debug/omni completions "${pair%%:*}" > "completions/${pair#*:}"
done
