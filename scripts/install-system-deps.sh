#!/usr/bin/env bash
# Installs the system tools the test suite drives for real: tmux for terminal
# screenshots, zsh + fish so the completion scripts are tested in the shells
# they target, and on Linux Xvfb + xsel for the clipboard test (a real X
# clipboard). Debian/Ubuntu (apt-get) and macOS (Homebrew). On macOS the
# clipboard test is skipped (it needs an X server: Linux only), so Xvfb and
# xsel are not installed there.
# Skips what is already there; needs root (or sudo) only for apt-get, and
# only when something is missing.
set -euo pipefail

# command:package pairs for this system.
case "$(uname -s)" in
  Linux) wanted=(Xvfb:xvfb xsel:xsel tmux:tmux zsh:zsh fish:fish) ;;
  Darwin) wanted=(tmux:tmux zsh:zsh fish:fish) ;;
  *)
    echo "install-system-deps: $(uname -s) is not supported; install tmux, zsh and fish yourself" >&2
    exit 1
    ;;
esac

missing=()
for pair in "${wanted[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(uname -s)" = Darwin ]; then
  if ! command -v brew >/dev/null 2>&1; then
    echo "install-system-deps: please install ${missing[*]} (Homebrew was not found: https://brew.sh)" >&2
    exit 1
  fi
  echo "install-system-deps: installing ${missing[*]} with Homebrew" >&2
  HOMEBREW_NO_AUTO_UPDATE=1 brew install --quiet "${missing[@]}"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: please install ${missing[*]} with your package manager" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-system-deps: installing ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
