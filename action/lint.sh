#!/usr/bin/env bash
# The GitHub Action's step (action.yml): expands the paths, runs the published
# package's `lint`, writes the report for upload-sarif, prints the findings as
# text in the log, and exits with lint's exit code (0 clean, 1 findings,
# 2 unusable input). KW_COMMAND replaces `npx kms-wizard@VERSION` (tests).
set -uo pipefail
shopt -s globstar nullglob

fail() {
  echo "::error::kms-wizard lint: $1"
  exit 2
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
  "${command[@]}" lint ${strict[@]+"${strict[@]}"} -- "${files[@]}"
  exit $?
fi

"${command[@]}" lint --format "$format" ${strict[@]+"${strict[@]}"} -- "${files[@]}" >"$output"
status=$?
if [[ $status -eq 2 ]]; then exit 2; fi
# The same findings as text, for whoever reads the log.
NO_COLOR=1 "${command[@]}" lint ${strict[@]+"${strict[@]}"} -- "${files[@]}"
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then echo "report=$output" >>"$GITHUB_OUTPUT"; fi
exit $status
