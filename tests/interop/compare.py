#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/interop/compare.py — check what a parser read from an export against
# the plan, or several parsers against each other.
#
#   compare.py expect --lists DIR --scope KIND ID [--lang LANG] CHECKER.json
#       DIR holds `sofia-seminars list PLAN WHAT --json` for WHAT = sessions,
#       events, delegations and people (as WHAT.json). KIND is event,
#       programme, delegation, person or room. Checks the same set of
#       sessions (by the UID's part before '@'), the same UTC start and end
#       and the summary (the title in LANG: --lang, else the person's
#       language for a person, else English; the other language when empty).
#       A delegation's calendar may hold the sessions its members attend, the
#       sessions of its event open to it, or both: all three are accepted.
#       A programme's calendar may also hold one all-day item per event (UID
#       <event id>@…): when there, its dates (DTEND exclusive) and title must
#       match the event.
#   compare.py agree NAME=CHECKER.json…
#       Checks that the parsers read the same events with the same fields.
#
# Prints one line saying what agreed; on a mismatch prints each difference on
# stderr and exits 1.

import argparse
import datetime
import json
import os
import sys

COMPARED = ('summary', 'start_utc', 'end_utc')


def load (path):
    with open (path, encoding='utf-8') as f:
        return json.load (f)


def session_key (uid):
    return (uid or '').split ('@', 1)[0]


def title (session, lang):
    t = session.get ('title') or {}
    other = 'bg' if lang == 'en' else 'en'
    return t.get (lang) or t.get (other) or ''


def expected_sets (lists, kind, ident):
    """Returns [(label, [session…])…]: the acceptable selections."""
    sessions = lists['sessions']
    if kind == 'event':
        return [('event', [s for s in sessions if s.get ('event') == ident])]
    if kind == 'programme':
        events = {e['id'] for e in lists['events'] if e.get ('programme') == ident}
        return [('programme', [s for s in sessions if s.get ('event') in events])]
    if kind == 'room':
        return [('room', [s for s in sessions if s.get ('room') == ident])]
    if kind == 'person':
        mine = {a['session'] for d in lists['delegations'] for a in d.get ('attendance', [])
                if a.get ('person') == ident}
        return [('own and facilitated sessions',
                 [s for s in sessions if s['id'] in mine or ident in s.get ('facilitators', [])])]
    if kind == 'delegation':
        d = next ((d for d in lists['delegations'] if d['id'] == ident), None)
        if d is None:
            sys.exit (f'compare: no delegation {ident} in the plan')
        attended = {a['session'] for a in d.get ('attendance', [])}
        open_to = [s for s in sessions if s.get ('event') == d.get ('event') and
                   (s.get ('audience', 'all') == 'all' or
                    (s.get ('audience') == 'delegations' and ident in s.get ('audience_delegations', [])))]
        open_ids = {s['id'] for s in open_to}
        return [('sessions its members attend', [s for s in sessions if s['id'] in attended]),
                ('sessions open to it', open_to),
                ('sessions open to it or attended', [s for s in sessions if s['id'] in attended or s['id'] in open_ids])]
    sys.exit (f'compare: unknown scope {kind}')


def event_items (lists, kind, ident):
    """The events whose all-day item may appear in the calendar."""
    if kind == 'programme':
        return {e['id']: e for e in lists['events'] if e.get ('programme') == ident}
    return {}


def check_event_item (e, event, lang):
    problems = []
    key = event['id']
    end = (datetime.date.fromisoformat (event['end_date']) + datetime.timedelta (days=1)).isoformat ()
    if not e.get ('all_day'):
        problems.append (f'event {key}: not an all-day item')
    if e.get ('start_utc') != event.get ('start_date'):
        problems.append (f'event {key}: starts {e.get ("start_utc")}, the plan says {event.get ("start_date")}')
    if e.get ('end_utc') != end:
        problems.append (f'event {key}: ends {e.get ("end_utc")} (exclusive), the plan says {end}')
    if e.get ('summary') != title (event, lang):
        problems.append (f'event {key}: summary {e.get ("summary")!r}, the plan\'s {lang} title is {title (event, lang)!r}')
    return problems


def diff_against (got, want, lang, events=None):
    problems = []
    got_by = {}
    events = events or {}
    for e in got:
        key = session_key (e.get ('uid'))
        if key in events:
            problems += check_event_item (e, events[key], lang)
            continue
        key = session_key (e.get ('uid'))
        if key in got_by:
            problems.append (f'UID {e.get ("uid")} appears twice')
        got_by[key] = e
    want_by = {s['id']: s for s in want}
    for key in sorted (set (want_by) - set (got_by)):
        problems.append (f'missing session {key}')
    for key in sorted (set (got_by) - set (want_by)):
        problems.append (f'unexpected event {got_by[key].get ("uid")}')
    for key in sorted (set (got_by) & set (want_by)):
        e, s = got_by[key], want_by[key]
        if e.get ('start_utc') != s.get ('start'):
            problems.append (f'{key}: starts {e.get ("start_utc")}, the plan says {s.get ("start")}')
        if e.get ('end_utc') != s.get ('end'):
            problems.append (f'{key}: ends {e.get ("end_utc")}, the plan says {s.get ("end")}')
        if e.get ('summary') != title (s, lang):
            problems.append (f'{key}: summary {e.get ("summary")!r}, the plan\'s {lang} title is {title (s, lang)!r}')
    return problems


def cmd_expect (args):
    lists = {w: load (os.path.join (args.lists, w + '.json'))
             for w in ('sessions', 'events', 'delegations', 'people')}
    kind, ident = args.scope
    lang = args.lang
    if not lang and kind == 'person':
        p = next ((p for p in lists['people'] if p['id'] == ident), None)
        if p is None:
            sys.exit (f'compare: no person {ident} in the plan')
        lang = p.get ('language') or 'en'
    lang = lang or 'en'
    got = load (args.checker)

    candidates = expected_sets (lists, kind, ident)
    items = event_items (lists, kind, ident)
    results = [(label, want, diff_against (got, want, lang, items)) for label, want in candidates]
    n_items = sum (1 for e in got if session_key (e.get ('uid')) in items)
    for label, want, problems in results:
        if not problems:
            extra = f' and {n_items} event items' if n_items else ''
            print (f'{len (got) - n_items} sessions{extra} agree with the plan ({kind} {ident}: {label}, {lang} titles)')
            return 0
    for label, want, problems in results:
        prefix = f'as {label}: ' if len (results) > 1 else ''
        print (f'compare: {args.checker}: {prefix}{len (problems)} difference(s) from the plan '
               f'({kind} {ident}, {len (want)} sessions, {lang} titles):', file=sys.stderr)
        for p in problems[:40]:
            print (f'compare:   {p}', file=sys.stderr)
        if len (problems) > 40:
            print (f'compare:   … and {len (problems) - 40} more', file=sys.stderr)
    return 1


def cmd_agree (args):
    readings = []
    for spec in args.checkers:
        name, _, path = spec.partition ('=')
        readings.append ((name, {(e['uid'], e.get ('recurrence_id')): e for e in load (path)}))
    base_name, base = readings[0]
    problems = []
    for name, other in readings[1:]:
        for key in sorted (set (base) | set (other), key=str):
            a, b = base.get (key), other.get (key)
            if a is None or b is None:
                problems.append (f'{key[0]}: only {base_name if b is None else name} has it')
                continue
            for field in sorted (set (a) | set (b)):
                if a.get (field) != b.get (field):
                    problems.append (f'{key[0]}: {field}: {base_name} {a.get (field)!r}, {name} {b.get (field)!r}')
    if problems:
        for p in problems:
            print (f'compare: {p}', file=sys.stderr)
        return 1
    print (f'{", ".join (n for n, _ in readings)} read the same {len (base)} events, field by field')
    return 0


def main ():
    parser = argparse.ArgumentParser (description='Compare parsed exports with the plan or each other.')
    sub = parser.add_subparsers (dest='command', required=True)
    p = sub.add_parser ('expect')
    p.add_argument ('--lists', required=True)
    p.add_argument ('--scope', nargs=2, metavar=('KIND', 'ID'), required=True)
    p.add_argument ('--lang', choices=('en', 'bg'))
    p.add_argument ('checker')
    p.set_defaults (func=cmd_expect)
    p = sub.add_parser ('agree')
    p.add_argument ('checkers', nargs='+', metavar='NAME=FILE')
    p.set_defaults (func=cmd_agree)
    args = parser.parse_args ()
    return args.func (args)


if __name__ == '__main__':
    sys.exit (main ())
