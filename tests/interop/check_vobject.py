#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/interop/check_vobject.py — read an .ics with python3-vobject (Debian's
# 0.9.6, used by khal, radicale and calendarserver tools) and print its events
# as the normalised JSON list compare.py reads.
#
# Usage: /usr/bin/python3 check_vobject.py FILE.ics
# Exits 1 with a message on stderr on a parse or validation failure
# (readOne (..., validate=True)) or a violation of our rules: floating
# DATE-TIME, a TZID without its VTIMEZONE, a non-IANA TZID, or a VTIMEZONE
# that disagrees with the tz database.
#
# vobject registers each VTIMEZONE of the file under its TZID while parsing
# and converts with it; the tz database is used only for names the file
# does not define. Each time is also converted with the tz database and the
# two must agree.

import datetime
import json
import logging
import sys
import zoneinfo

import vobject

from interop_common import is_iana, utc_string

NAME = 'check_vobject'
DATETIME_PROPS = ('dtstart', 'dtend', 'recurrence_id', 'exdate', 'rdate')


class _Collect (logging.Handler):
    def __init__ (self):
        super ().__init__ (logging.WARNING)
        self.messages = []

    def emit (self, record):
        self.messages.append (record.getMessage ())


def text (component, name):
    line = getattr (component, name, None) if name in component.contents else None
    return None if line is None else str (line.value)


def main (argv):
    if len (argv) != 2:
        print (f'usage: {NAME}.py FILE.ics', file=sys.stderr)
        return 2
    path = argv[1]
    problems = []
    log = _Collect ()
    logging.getLogger ().addHandler (log)

    try:
        with open (path, encoding='utf-8', newline='') as f:
            data = f.read ()
        cal = vobject.readOne (data, validate=True)
    except Exception as e:  # ParseError, ValidateError, NativeError, …
        print (f'{NAME}: {path}: parse failed: {type (e).__name__}: {e}', file=sys.stderr)
        return 1

    if cal.name != 'VCALENDAR':
        problems.append (f'top component is {cal.name}, not VCALENDAR')

    file_zones = set ()
    for vtz in cal.contents.get ('vtimezone', []):
        tzid = str (vtz.tzid.value) if 'tzid' in vtz.contents else ''
        if not tzid:
            problems.append ('VTIMEZONE without TZID')
            continue
        if not is_iana (tzid):
            problems.append (f'VTIMEZONE TZID is not an IANA name: {tzid}')
        file_zones.add (tzid)

    out = []
    for vevent in cal.contents.get ('vevent', []):
        uid = text (vevent, 'uid')
        where = f'VEVENT {uid or "(no UID)"}'
        if uid is None:
            problems.append (f'{where}: no UID')
        if 'dtstamp' not in vevent.contents:
            problems.append (f'{where}: no DTSTAMP')
        if 'dtstart' not in vevent.contents:
            problems.append (f'{where}: no DTSTART')
            continue

        floating = False
        for name in DATETIME_PROPS:
            for line in vevent.contents.get (name, []):
                # vobject moves TZID aside once it has converted the value.
                tzid = (line.params.get ('X-VOBJ-ORIGINAL-TZID') or line.params.get ('TZID') or [None])[0]
                values = line.value if isinstance (line.value, list) else [line.value]
                for dt in values:
                    if not isinstance (dt, datetime.datetime):
                        continue
                    label = name.upper ().replace ('_', '-')
                    if tzid:
                        if tzid not in file_zones:
                            problems.append (f'{where}: {label};TZID={tzid} has no VTIMEZONE in the file')
                            continue
                        if dt.tzinfo is None:
                            problems.append (f'{where}: {label};TZID={tzid}: vobject could not resolve the zone')
                            floating = True
                            continue
                        if is_iana (tzid):
                            wall = dt.replace (tzinfo=None)
                            by_db = wall.replace (tzinfo=zoneinfo.ZoneInfo (tzid))
                            if dt.astimezone (datetime.timezone.utc) != by_db.astimezone (datetime.timezone.utc):
                                problems.append (f'{where}: {label};TZID={tzid}:{wall:%Y%m%dT%H%M%S} is {utc_string (dt)} '
                                                 f'by the file\'s VTIMEZONE, but {utc_string (by_db)} by the tz database')
                    elif dt.tzinfo is None or dt.utcoffset () != datetime.timedelta (0):
                        problems.append (f'{where}: {label} is a floating time ({dt.isoformat ()})')
                        floating = True
        if floating:
            continue

        start = vevent.dtstart.value
        if 'dtend' in vevent.contents:
            end = vevent.dtend.value
        elif 'duration' in vevent.contents:
            end = start + vevent.duration.value
        elif isinstance (start, datetime.datetime):
            end = start
        else:
            end = start + datetime.timedelta (days=1)
        all_day = not isinstance (start, datetime.datetime)
        if isinstance (end, datetime.datetime) == all_day:
            problems.append (f'{where}: DTSTART and DTEND differ in value type')
        else:
            if end < start:
                problems.append (f'{where}: ends before it starts')
            if all_day and end <= start:
                problems.append (f'{where}: all-day end is not exclusive (DTEND <= DTSTART)')

        categories = []
        for line in vevent.contents.get ('categories', []):
            values = line.value if isinstance (line.value, list) else [line.value]
            categories.extend (str (v) for v in values)

        rid = vevent.recurrence_id.value if 'recurrence_id' in vevent.contents else None
        seq = text (vevent, 'sequence')
        out.append ({
          'uid': uid,
          'recurrence_id': utc_string (rid) if rid is not None else None,
          'summary': text (vevent, 'summary'),
          'start_utc': utc_string (start),
          'end_utc': utc_string (end),
          'all_day': all_day,
          'status': text (vevent, 'status'),
          'sequence': int (seq) if seq is not None else None,
          'location': text (vevent, 'location'),
          'categories': categories,
        })

    for message in log.messages:
        problems.append (f'vobject logged: {message}')
    if problems:
        for p in problems:
            print (f'{NAME}: {path}: {p}', file=sys.stderr)
        return 1
    out.sort (key=lambda e: (e['uid'] or '', e['recurrence_id'] or ''))
    json.dump (out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write ('\n')
    return 0


if __name__ == '__main__':
    sys.exit (main (sys.argv))
