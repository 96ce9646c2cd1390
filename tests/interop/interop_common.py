# interop_common.py — what the Python checkers share
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import zoneinfo


def utc_string (value):
    if isinstance (value, datetime.datetime):
        return value.astimezone (datetime.timezone.utc).strftime ('%Y-%m-%dT%H:%M:%SZ')
    return value.strftime ('%Y-%m-%d')


def is_iana (tzid):
    if '/' not in tzid and tzid != 'UTC':
        return False
    try:
        zoneinfo.ZoneInfo (tzid)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
