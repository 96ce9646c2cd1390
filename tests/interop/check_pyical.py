#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/interop/check_pyical.py — read an .ics with python3-icalendar (Debian's
# 4.0) and print its events as the normalised JSON list compare.py reads.
#
# Usage: /usr/bin/python3 check_pyical.py FILE.ics
# Exits 1 with a message on stderr on a parse failure or a violation of our
# rules: floating DATE-TIME, a TZID without its VTIMEZONE, a non-IANA TZID,
# or a VTIMEZONE that disagrees with the tz database.
#
# icalendar 4.0 resolves an IANA TZID through pytz (the system tz database)
# and uses the file's VTIMEZONE only for names pytz does not know. So each
# time is converted both ways: with the file's VTIMEZONE (Timezone.to_tz ())
# and with the tz database, and the two must agree.

import datetime
import json
import sys
import zoneinfo

import icalendar
import pytz

from interop_common import is_iana, utc_string

NAME = 'check_pyical'
DATETIME_PROPS = ('DTSTART', 'DTEND', 'RECURRENCE-ID', 'EXDATE', 'RDATE')


def main (argv):
    if len (argv) != 2:
        print (f'usage: {NAME}.py FILE.ics', file=sys.stderr)
        return 2
    path = argv[1]
    problems = []

    try:
        with open (path, 'rb') as f:
            cal = icalendar.Calendar.from_ical (f.read ())
    except Exception as e:  # the parser raises ValueError and friends
        print (f'{NAME}: {path}: parse failed: {type (e).__name__}: {e}', file=sys.stderr)
        return 1

    # Lines the lenient parser skipped or values it could not decode.
    for component in cal.walk ():
        for prop, message in getattr (component, 'errors', []):
            uid = component.get ('UID', '')
            problems.append (f'{component.name} {uid}: parse error in {prop or "a line"}: {message}')

    if cal.name != 'VCALENDAR':
        problems.append (f'top component is {cal.name}, not VCALENDAR')

    file_zones = {}
    notes = []
    for vtz in cal.walk ('VTIMEZONE'):
        tzid = str (vtz.get ('TZID', ''))
        if not tzid:
            problems.append ('VTIMEZONE without TZID')
            continue
        if not is_iana (tzid):
            problems.append (f'VTIMEZONE TZID is not an IANA name: {tzid}')
        try:
            file_zones[tzid] = vtz.to_tz ()
        except Exception as e:
            # icalendar itself converts IANA names with pytz and needs to_tz ()
            # only for others: for those, that is a failure; for IANA names
            # a note (the times are then checked against the tz database).
            message = f'VTIMEZONE {tzid}: Timezone.to_tz () failed: {type (e).__name__}: {e}'
            if is_iana (tzid):
                notes.append (message)
                file_zones[tzid] = None
            else:
                problems.append (message)

    out = []
    for vevent in cal.walk ('VEVENT'):
        uid = vevent.get ('UID')
        where = f'VEVENT {uid or "(no UID)"}'
        if uid is None:
            problems.append (f'{where}: no UID')
        if 'DTSTAMP' not in vevent:
            problems.append (f'{where}: no DTSTAMP')
        if 'DTSTART' not in vevent:
            problems.append (f'{where}: no DTSTART')
            continue

        for name in DATETIME_PROPS:
            props = vevent.get (name)
            if props is None:
                continue
            if not isinstance (props, list):
                props = [props]
            for prop in props:
                tzid = prop.params.get ('TZID')
                values = prop.dts if hasattr (prop, 'dts') else [prop]
                for v in values:
                    dt = v.dt
                    if not isinstance (dt, datetime.datetime):
                        continue
                    raw = prop.to_ical ().decode ()
                    if tzid:
                        if tzid not in file_zones:
                            problems.append (f'{where}: {name};TZID={tzid} has no VTIMEZONE in the file')
                            continue
                        if dt.tzinfo is None:
                            problems.append (f'{where}: {name};TZID={tzid}: icalendar could not resolve the zone')
                            continue
                        wall = dt.replace (tzinfo=None)
                        if file_zones[tzid] is None:
                            by_file = dt.astimezone (pytz.utc)   # icalendar's own reading
                        else:
                            by_file = file_zones[tzid].localize (wall).astimezone (pytz.utc)
                        if is_iana (tzid):
                            by_db = wall.replace (tzinfo=zoneinfo.ZoneInfo (tzid)).astimezone (datetime.timezone.utc)
                            if by_file != by_db:
                                problems.append (f'{where}: {name};TZID={tzid}:{raw} is {utc_string (by_file)} by the '
                                                 f'file\'s VTIMEZONE, but {utc_string (by_db)} by the tz database')
                    elif dt.tzinfo is None or dt.utcoffset () != datetime.timedelta (0):
                        problems.append (f'{where}: {name} is a floating time ({name}:{raw})')

        start = vevent.decoded ('DTSTART')
        if 'DTEND' in vevent:
            end = vevent.decoded ('DTEND')
        elif 'DURATION' in vevent:
            end = start + vevent.decoded ('DURATION')
        elif isinstance (start, datetime.datetime):
            end = start
        else:
            end = start + datetime.timedelta (days=1)
        all_day = not isinstance (start, datetime.datetime)
        if any (isinstance (t, datetime.datetime) and t.tzinfo is None for t in (start, end)):
            continue  # floating: reported above, no instant to compare
        if isinstance (end, datetime.datetime) == all_day:
            problems.append (f'{where}: DTSTART and DTEND differ in value type')
        else:
            if end < start:
                problems.append (f'{where}: ends before it starts')
            if all_day and end <= start:
                problems.append (f'{where}: all-day end is not exclusive (DTEND <= DTSTART)')

        categories = []
        cats = vevent.get ('CATEGORIES')
        if cats is not None:
            if not isinstance (cats, list):
                cats = [cats]
            for c in cats:
                categories.extend (str (x) for x in getattr (c, 'cats', [c]))

        rid = vevent.decoded ('RECURRENCE-ID') if 'RECURRENCE-ID' in vevent else None
        out.append ({
          'uid': str (uid) if uid is not None else None,
          'recurrence_id': utc_string (rid) if rid is not None else None,
          'summary': str (vevent['SUMMARY']) if 'SUMMARY' in vevent else None,
          'start_utc': utc_string (start),
          'end_utc': utc_string (end),
          'all_day': all_day,
          'status': str (vevent['STATUS']) if 'STATUS' in vevent else None,
          'sequence': int (vevent['SEQUENCE']) if 'SEQUENCE' in vevent else None,
          'location': str (vevent['LOCATION']) if 'LOCATION' in vevent else None,
          'categories': categories,
        })

    for n in notes:
        print (f'{NAME}: note: {n}', file=sys.stderr)
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
