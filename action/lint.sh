#!/usr/bin/env bash
# The GitHub Action's step (action.yml): expands the paths, runs the published
# package's `lint`, writes the report for upload-sarif, prints the findings as
# text in the log, and exits with lint's exit code (0 clean, 1 findings,
# 2 unusable input). KW_COMMAND replaces `npx kms-wizard@VERSION` (tests).
set -uo pipefail
shopt -s globstar nullglob

# A workflow command's message: GitHub reads %, CR and LF in it as %25, %0D
# and %0A ("Workflow commands for GitHub Actions"), so an input with a line
# break cannot end this command and start another.
command_data() {
  local text=${1//'%'/'%25'}
  text=${text//$'\r'/'%0D'}
  printf '%s' "${text//$'\n'/'%0A'}"
}

fail() {
  echo "::error::kms-wizard lint: $(command_data "$1")"
  exit 2
}

# The log shows what lint prints, and lint prints file names at the start of
# lines: a file named "::warning::x" would be read by the runner as a
# workflow command (a command is a line that starts with "::", after any
# blanks). Such a line is shown as ":\:..." instead.
escape_commands() {
  sed -u -e 's/^\([[:space:]]*\):\(:\)/\1:\\\2/'
}

# Runs lint with its output and its errors through escape_commands; returns lint's exit code.
run_lint() {
  "${command[@]}" lint "$@" 2> >(escape_commands >&2) | escape_commands
  local status=${PIPESTATUS[0]}
  wait
  return "$status"
}

format="${KW_FORMAT:-sarif}"
case "$format" in sarif | json | text) ;; *) fail "format must be sarif, json or text, not \"$format\"" ;; esac
strict=()
case "${KW_STRICT:-false}" in true) strict=(--strict) ;; false | '') ;; *) fail "strict must be true or false, not \"$KW_STRICT\"" ;; esac
output="${KW_OUTPUT:-kms-wizard.sarif}"
read -r -a command <<<"${KW_COMMAND:-npx --yes kms-wizard@${KW_VERSION:-latest}}"

files=()
set -f # split on whitespace first, then expand each pattern on its own
for pattern in ${KW_PATHS:-}; do
  set +f
  matches=($pattern)
  set -f
  if [[ ${#matches[@]} -eq 0 ]]; then fail "no file matches \"$pattern\""; fi
  files+=("${matches[@]}")
done
set +f
if [[ ${#files[@]} -eq 0 ]]; then fail 'give the files to check in the "paths" input'; fi

if [[ "$format" == text ]]; then
  run_lint ${strict[@]+"${strict[@]}"} -- "${files[@]}"
  exit $?
fi

"${command[@]}" lint --format "$format" ${strict[@]+"${strict[@]}"} -- "${files[@]}" >"$output" 2> >(escape_commands >&2)
status=$?
if [[ $status -eq 2 ]]; then exit 2; fi
# The same findings as text, for whoever reads the log.
NO_COLOR=1 run_lint ${strict[@]+"${strict[@]}"} -- "${files[@]}"
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then echo "report=$output" >>"$GITHUB_OUTPUT"; fi
exit $status
