#!/usr/bin/python3
# check-po.py — every translation in po/LINGUAS is valid, complete and current
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py PO-DIR
#
# For each language in PO-DIR/LINGUAS, as TAP:
#   - `msgfmt --check --statistics` accepts LANG.po (header, format strings,
#     plural forms);
#   - its statistics count no fuzzy and no untranslated message;
#   - `msgcmp` finds every message of the sources translated in LANG.po
#     (fuzzy and untranslated ones do not count): the template is made afresh
#     from po/POTFILES.in with xgettext, as `meson compile sofia-seminars-pot`
#     does (meson's "glib" preset), so a string added to the code and not yet
#     translated fails here even before anyone updates po/.

import os
import pathlib
import re
import subprocess
import sys
import tempfile

DOMAIN = 'sofia-seminars'
# msgfmt's summary, on stderr: "N translated messages, M fuzzy translations,
# K untranslated messages." (the parts with a zero count are left out).
STATISTICS = re.compile (r'(\d+) translated messages?'
                         r'(?:, (\d+) fuzzy translations?)?'
                         r'(?:, (\d+) untranslated messages?)?\.')


# meson's i18n.gettext (preset: 'glib') arguments for xgettext.
XGETTEXT_GLIB = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


class Tap:
    def __init__ (self):
        self.number = 0
        self.failed = 0

    def check (self, ok, text, details=''):
        self.number += 1
        print (f'{"ok" if ok else "not ok"} {self.number} - {text}')
        if not ok:
            self.failed += 1
            for line in details.strip ().splitlines ():
                print (f'# {line}')


def run (argv):
    # English messages, whatever the test's locale.
    env = dict (os.environ, LC_ALL='C', LANGUAGE='')
    return subprocess.run (argv, env=env, capture_output=True, text=True)


def read_linguas (po_dir):
    languages = []
    for line in (po_dir / 'LINGUAS').read_text (encoding='utf-8').splitlines ():
        languages.extend (line.split ('#', 1)[0].split ())
    return languages


def main (argv):
    if len (argv) != 2:
        print ('usage: check-po.py PO-DIR', file=sys.stderr)
        return 2
    po_dir = pathlib.Path (argv[1]).resolve ()
    languages = read_linguas (po_dir)
    tap = Tap ()
    scratch = tempfile.TemporaryDirectory (prefix='sem-check-po-')
    pot = pathlib.Path (scratch.name) / f'{DOMAIN}.pot'

    print (f'1..{1 + 4 * len (languages)}')
    result = run (['xgettext', f'--directory={po_dir.parent}',
                   f'--files-from={po_dir / "POTFILES.in"}', f'--default-domain={DOMAIN}',
                   '--output', str (pot)] + XGETTEXT_GLIB)
    tap.check (len (languages) > 0 and result.returncode == 0 and pot.is_file (),
               f'po/LINGUAS names {len (languages)} language(s); xgettext makes the template '
               'from po/POTFILES.in', result.stderr)

    for lang in languages:
        po = po_dir / f'{lang}.po'
        if not po.is_file ():
            tap.check (False, f'{lang}: po/{po.name} exists')
            for what in ('msgfmt --check', 'nothing fuzzy or untranslated', 'msgcmp'):
                tap.check (False, f'{lang}: {what} (no po file)')
            continue
        tap.check (True, f'{lang}: po/{po.name} exists')

        result = run (['msgfmt', '--check', '--statistics', '-o', os.devnull, str (po)])
        tap.check (result.returncode == 0, f'{lang}: msgfmt --check accepts po/{po.name}',
                   result.stderr)

        match = STATISTICS.search (result.stderr)
        if match is None:
            tap.check (False, f'{lang}: msgfmt --statistics gives the counts',
                       'no statistics line in:\n' + result.stderr)
        else:
            translated, fuzzy, untranslated = (int (n or 0) for n in match.groups ())
            tap.check (fuzzy == 0 and untranslated == 0 and translated > 0,
                       f'{lang}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated',
                       match.group (0))

        result = run (['msgcmp', str (po), str (pot)])
        tap.check (result.returncode == 0,
                   f'{lang}: msgcmp finds every message of the sources translated in po/{po.name}',
                   result.stderr)

    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit (main (sys.argv))
