#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/interop/check_khal.sh — import an .ics into khal (a throw-away
# configuration with one vdir calendar) and print what `khal list` shows as
# the normalised JSON list compare.py reads (uid, summary, start_utc,
# end_utc, all_day; the other members are null or empty: khal's list does
# not show them).
#
# Usage: check_khal.sh FILE.ics
# Exits 1 with a message on stderr when khal refuses the file, says anything
# on stderr while importing, or imports fewer events than the file has.
# khal (through python3-icalendar) silently drops lines it cannot parse, and
# converts IANA TZIDs with the tz database and others with the file's
# VTIMEZONE: those are caught by the other checkers and compare.py.

set -uo pipefail

name=check_khal
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if (($# != 1)); then
  echo "usage: $name.sh FILE.ics" >&2
  exit 2
fi
file="$1"
if ! command -v khal >/dev/null 2>&1; then
  echo "$name: khal is not installed (run build-aux/setup)" >&2
  exit 1
fi
if [[ ! -r "$file" ]]; then
  echo "$name: cannot read $file" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/sem-khal.XXXXXX")" || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/calendar" "$dir/config" "$dir/data"
sed "s|@DIR@|$dir|g" "$here/khal.conf.in" > "$dir/khal.conf"

# khal wants a UTF-8 locale and a timezone; keep it away from the user's
# own configuration and data.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
export XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data"
khal=(khal -c "$dir/khal.conf")

if ! "${khal[@]}" import --batch -a interop "$file" >"$dir/import.out" 2>"$dir/import.err"; then
  echo "$name: $file: khal import failed:" >&2
  sed "s/^/$name:   /" "$dir/import.err" "$dir/import.out" >&2
  exit 1
fi
if [[ -s "$dir/import.err" ]]; then
  echo "$name: $file: khal import complained:" >&2
  sed "s/^/$name:   /" "$dir/import.err" >&2
  exit 1
fi

# One line per event, fields separated by a unit separator (0x1f).
sep=$'\x1f'
if ! "${khal[@]}" list --once --notstarted \
    --format "{uid}$sep{title}$sep{start}$sep{end}$sep{all-day}" \
    --day-format '' 1900-01-01 2200-01-01 >"$dir/list.out" 2>"$dir/list.err" \
  && ! "${khal[@]}" list --once \
    --format "{uid}$sep{title}$sep{start}$sep{end}$sep{all-day}" \
    --day-format '' 1900-01-01 2200-01-01 >"$dir/list.out" 2>"$dir/list.err"; then
  echo "$name: $file: khal list failed:" >&2
  sed "s/^/$name:   /" "$dir/list.err" >&2
  exit 1
fi
if [[ -s "$dir/list.err" ]]; then
  echo "$name: $file: khal list complained:" >&2
  sed "s/^/$name:   /" "$dir/list.err" >&2
  exit 1
fi

/usr/bin/python3 - "$file" "$dir/list.out" "$dir/calendar" <<'PY'
import datetime, json, os, re, sys

path, listing, vdir = sys.argv[1:4]
name = 'check_khal'
with open (path, 'rb') as f:
    in_file = len (re.findall (rb'^BEGIN:VEVENT\r?$', f.read (), re.M))
stored = [n for n in os.listdir (vdir) if n.endswith ('.ics')]

out = {}
problems = []
with open (listing, encoding='utf-8') as f:
    for line in f:
        line = line.rstrip ('\n')
        if not line:
            continue
        fields = line.split ('\x1f')
        if len (fields) != 5:
            problems.append (f'unexpected line from khal list: {line!r}')
            continue
        uid, title, start, end, all_day = fields
        all_day = all_day.strip ().lower () in ('true', '1', 'yes')
        if all_day:
            # khal shows the last day of an all-day event; iCalendar's DTEND
            # (and the other checkers) give the day after it.
            end = (datetime.date.fromisoformat (end) + datetime.timedelta (days=1)).isoformat ()
        key = uid
        if key in out:
            if out[key]['start_utc'] != start:
                key = f'{uid} {start}'   # a recurrence instance
            else:
                continue
        out[key] = {
          'uid': uid, 'recurrence_id': None, 'summary': title,
          'start_utc': start, 'end_utc': end, 'all_day': all_day,
          'status': None, 'sequence': None, 'location': None, 'categories': [],
        }
if len (out) != in_file:
    problems.append (f'the file has {in_file} VEVENTs, khal stored {len (stored)} file(s) and lists {len (out)} event(s)')
if problems:
    for p in problems:
        print (f'{name}: {path}: {p}', file=sys.stderr)
    sys.exit (1)
events = sorted (out.values (), key=lambda e: (e['uid'], e['start_utc']))
json.dump (events, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write ('\n')
PY
