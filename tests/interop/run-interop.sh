#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/interop/run-interop.sh — export a calendar from a plan and read it with
# parsers nobody here wrote: ical.js (Thunderbird's), python3-icalendar,
# python3-vobject and khal. Speaks TAP (meson: protocol 'tap').
#
# Usage: run-interop.sh PLAN.json SCOPE-ARGS…
#   SCOPE-ARGS are the export's own: --event ID | --programme ID,
#   --delegation ID | --person ID | --room ID, --lang bg|en.
# Environment:
#   SEM_TEST_CLI          the built sofia-seminars (required)
#   SEM_INTEROP_ICS       check this file instead of exporting (to debug the
#                         harness); the byte-identical test is then skipped
#   SEM_INTEROP_KEEP      set to 1 to keep the work directory (it is printed)

set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=/usr/bin/python3

if (($# < 2)); then
  echo "usage: run-interop.sh PLAN.json SCOPE-ARGS…" >&2
  exit 2
fi
plan="$1"
shift
scope_args=("$@")

# The scope for compare.py: the narrowest of the export's options.
kind="" ident="" lang=()
while (($#)); do
  case "$1" in
    --event|--programme) [[ -z "$kind" ]] && { kind="${1#--}"; ident="$2"; }; shift 2 ;;
    --delegation|--person|--room) kind="${1#--}"; ident="$2"; shift 2 ;;
    --lang) lang=(--lang "$2"); shift 2 ;;
    *) echo "run-interop.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$kind" ]]; then
  echo "run-interop.sh: no scope (--event, --programme, --delegation, --person or --room)" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/sem-interop.XXXXXX")" || exit 1
if [[ "${SEM_INTEROP_KEEP:-0}" == 1 ]]; then
  echo "# work directory: $work"
else
  trap 'rm -rf "$work"' EXIT
fi

n=0
failed=0
echo "1..7"

# ok/not ok with the output of a failed step as TAP diagnostics.
report ()
{
  local status="$1" description="$2" log="$3"
  n=$((n + 1))
  if ((status == 0)); then
    echo "ok $n - $description"
    # What a parser said even though it accepted the file.
    if [[ -s "$log" ]]; then
      sed 's/^/# /' "$log"
    fi
  else
    failed=1
    echo "not ok $n - $description"
    if [[ -s "$log" ]]; then
      sed 's/^/# /' "$log"
    fi
  fi
}

cli="${SEM_TEST_CLI:-}"
ics="$work/export.ics"
exported=1
if [[ -n "${SEM_INTEROP_ICS:-}" ]]; then
  cp "$SEM_INTEROP_ICS" "$ics"
  report 0 "export: using $SEM_INTEROP_ICS" /dev/null
elif [[ -z "$cli" || ! -x "$cli" ]]; then
  echo "SEM_TEST_CLI is not set to the built program" > "$work/export.log"
  report 1 "export ${scope_args[*]}" "$work/export.log"
  exported=0
else
  "$cli" export "$plan" -o "$ics" "${scope_args[@]}" > "$work/export.log" 2>&1
  status=$?
  if ((status == 0)) && [[ ! -s "$ics" ]]; then
    echo "the export wrote no file" >> "$work/export.log"
    status=1
  fi
  report "$status" "export ${scope_args[*]} ($(grep -c '^BEGIN:VEVENT' "$ics" 2>/dev/null || echo 0) events)" "$work/export.log"
  ((status == 0)) || exported=0
fi

# What the plan says, independently of the exporter.
lists_ok=1
mkdir -p "$work/lists"
if [[ -n "$cli" && -x "$cli" ]]; then
  for what in sessions events delegations people; do
    if ! "$cli" list "$plan" "$what" --json > "$work/lists/$what.json" 2> "$work/lists.log"; then
      lists_ok=0
    fi
  done
else
  lists_ok=0
fi

# Each checker: parse, then compare with the plan.
agree=()
for checker in icaljs pyical vobject khal; do
  out="$work/$checker.json" log="$work/$checker.log"
  : > "$log"
  if ((!exported)); then
    echo "nothing to check: the export failed" > "$log"
    report 1 "$checker" "$log"
    continue
  fi
  case "$checker" in
    icaljs)
      if ! command -v node >/dev/null 2>&1; then
        echo "node is not installed (run build-aux/setup)" > "$log"; status=1
      elif [[ ! -d "$here/node_modules/ical.js" ]]; then
        echo "tests/interop/node_modules is missing: run build-aux/setup (npm ci in tests/interop)" > "$log"; status=1
      else
        node "$here/check-icaljs.mjs" "$ics" > "$out" 2> "$log"; status=$?
      fi ;;
    pyical) "$python" "$here/check_pyical.py" "$ics" > "$out" 2> "$log"; status=$? ;;
    vobject) "$python" "$here/check_vobject.py" "$ics" > "$out" 2> "$log"; status=$? ;;
    khal) bash "$here/check_khal.sh" "$ics" > "$out" 2> "$log"; status=$? ;;
  esac
  summary="$checker"
  if ((status == 0)); then
    if ((!lists_ok)); then
      echo "could not list the plan with SEM_TEST_CLI" >> "$log"; status=1
    elif summary="$checker: $("$python" "$here/compare.py" expect --lists "$work/lists" \
        --scope "$kind" "$ident" "${lang[@]}" "$out" 2>> "$log")"; then
      [[ "$checker" == khal ]] || agree+=("$checker=$out")
    else
      status=1
      summary="$checker"
    fi
  fi
  report "$status" "$summary" "$log"
done

# The three parsers that see every field read the same thing.
log="$work/agree.log"
if ((${#agree[@]} == 3)); then
  summary="$("$python" "$here/compare.py" agree "${agree[@]}" 2> "$log")"
  report $? "agree: ${summary:-the parsers differ}" "$log"
else
  echo "not every parser read the file" > "$log"
  report 1 "agree: icaljs, pyical and vobject read the same fields" "$log"
fi

# An unchanged plan exports byte-identical files.
log="$work/again.log"
if [[ -n "${SEM_INTEROP_ICS:-}" ]]; then
  n=$((n + 1))
  echo "ok $n - # SKIP byte-identical re-export: checking a given file"
elif ((exported)); then
  "$cli" export "$plan" -o "$work/again.ics" "${scope_args[@]}" > "$log" 2>&1 \
    && cmp "$ics" "$work/again.ics" >> "$log" 2>&1
  report $? "exporting again gives identical bytes" "$log"
else
  report 1 "exporting again gives identical bytes" /dev/null
fi

# The TAP lines carry the verdict; meson counts a non-zero exit as an error.
exit 0
