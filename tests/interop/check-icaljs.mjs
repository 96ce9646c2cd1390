#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// tests/interop/check-icaljs.mjs — read an .ics with ical.js (Thunderbird's
// parser) and print its events as the normalised JSON list compare.py reads.
//
// Usage: node check-icaljs.mjs FILE.ics
// Exits 1 with a message on stderr on a parse failure or a violation of our
// rules (floating DATE-TIME, a TZID without its VTIMEZONE, a non-IANA TZID).

import { readFileSync } from 'node:fs';

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch (e) {
  console.error('check-icaljs: cannot load ical.js (run build-aux/setup, or `npm ci` in tests/interop): ' + e.message);
  process.exit(1);
}

const problems = [];
function fail (msg) {
  problems.push(msg);
}

function pad (n, w = 2) {
  return String(n).padStart(w, '0');
}

// An ICAL.Time in UTC as "YYYY-MM-DDTHH:MM:SSZ", or a DATE as "YYYY-MM-DD".
function utcString (t) {
  if (t.isDate)
    return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  const u = t.convertToZone(ICAL.Timezone.utcTimezone);
  return `${pad(u.year, 4)}-${pad(u.month)}-${pad(u.day)}T${pad(u.hour)}:${pad(u.minute)}:${pad(u.second)}Z`;
}

// Whether the runtime's tz database (ICU) knows the name.
function isIana (tzid) {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tzid });
    return tzid.includes('/') || tzid === 'UTC';
  } catch (e) {
    return false;
  }
}

// The wall-clock time in the IANA zone tzid at the instant of the UTC
// ICAL.Time u, as "YYYYMMDDTHHMMSS".
function ianaWallClock (u, tzid) {
  const ms = Date.UTC(u.year, u.month - 1, u.day, u.hour, u.minute, u.second);
  const parts = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: tzid, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)))
    parts[p.type] = p.value;
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

function main () {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: check-icaljs.mjs FILE.ics');
    process.exit(2);
  }
  const text = readFileSync(path, 'utf8');

  let vcalendar;
  try {
    vcalendar = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    console.error(`check-icaljs: ${path}: parse failed: ${e.name}: ${e.message}`);
    process.exit(1);
  }
  if (vcalendar.name !== 'vcalendar')
    fail(`top component is ${vcalendar.name}, not vcalendar`);

  const zones = new Set();
  for (const vtz of vcalendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (!tzid) {
      fail('VTIMEZONE without TZID');
      continue;
    }
    if (tzid.startsWith('/'))
      fail(`VTIMEZONE TZID has a prefix: ${tzid}`);
    else if (!isIana(tzid))
      fail(`VTIMEZONE TZID is not an IANA name: ${tzid}`);
    try {
      ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    } catch (e) {
      fail(`VTIMEZONE ${tzid}: ${e.message}`);
    }
    zones.add(tzid);
  }

  const out = [];
  for (const vevent of vcalendar.getAllSubcomponents('vevent')) {
    const uid = vevent.getFirstPropertyValue('uid');
    const where = `VEVENT ${uid ?? '(no UID)'}`;
    if (!uid)
      fail(`${where}: no UID`);
    if (!vevent.hasProperty('dtstamp'))
      fail(`${where}: no DTSTAMP`);
    if (!vevent.hasProperty('dtstart'))
      fail(`${where}: no DTSTART`);

    // Every date-time property: UTC or a TZID that the file defines.
    for (const name of ['dtstart', 'dtend', 'recurrence-id', 'exdate', 'rdate']) {
      for (const prop of vevent.getAllProperties(name)) {
        if (prop.type !== 'date-time')
          continue;
        const tzid = prop.getParameter('tzid');
        for (const v of prop.getValues()) {
          if (tzid) {
            if (!zones.has(tzid)) {
              fail(`${where}: ${name.toUpperCase()};TZID=${tzid} has no VTIMEZONE in the file`);
            } else if (isIana(tzid)) {
              // The file's VTIMEZONE must agree with the tz database.
              const u = v.convertToZone(ICAL.Timezone.utcTimezone);
              const wall = `${pad(v.year, 4)}${pad(v.month)}${pad(v.day)}T${pad(v.hour)}${pad(v.minute)}${pad(v.second)}`;
              const iana = ianaWallClock(u, tzid);
              if (wall !== iana)
                fail(`${where}: ${name.toUpperCase()};TZID=${tzid}:${wall} is ${utcString(u)} by the file's VTIMEZONE, but ${iana} there by the tz database`);
            }
          } else if (!(v instanceof ICAL.Time) || v.zone !== ICAL.Timezone.utcTimezone) {
            fail(`${where}: ${name.toUpperCase()} is a floating time (${prop.toICALString()})`);
          }
        }
      }
    }

    let event;
    try {
      event = new ICAL.Event(vevent);
    } catch (e) {
      fail(`${where}: ICAL.Event: ${e.message}`);
      continue;
    }
    const start = event.startDate;
    const end = event.endDate;
    if (start && end && start.isDate !== end.isDate)
      fail(`${where}: DTSTART and DTEND differ in value type`);
    if (start && end && end.compare(start) < 0)
      fail(`${where}: ends before it starts`);
    if (start && start.isDate && end && end.compare(start) <= 0)
      fail(`${where}: all-day end is not exclusive (DTEND <= DTSTART)`);

    const categories = [];
    for (const prop of vevent.getAllProperties('categories'))
      categories.push(...prop.getValues().map(String));

    const rid = vevent.getFirstPropertyValue('recurrence-id');
    const seq = vevent.getFirstPropertyValue('sequence');
    out.push({
      uid: uid ?? null,
      recurrence_id: rid ? utcString(rid) : null,
      summary: event.summary ?? null,
      start_utc: start ? utcString(start) : null,
      end_utc: end ? utcString(end) : null,
      all_day: start ? start.isDate : false,
      status: vevent.getFirstPropertyValue('status') ?? null,
      sequence: seq === null || seq === undefined ? null : Number(seq),
      location: event.location ?? null,
      categories,
    });
  }

  if (problems.length) {
    for (const p of problems)
      console.error(`check-icaljs: ${path}: ${p}`);
    process.exit(1);
  }
  out.sort((a, b) => (a.uid + (a.recurrence_id ?? '')).localeCompare(b.uid + (b.recurrence_id ?? '')));
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}

main();
