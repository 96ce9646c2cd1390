#!/usr/bin/python3
# check-potfiles.py — po/POTFILES.in names exactly the files with translatable strings
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE-ROOT
#
# Scans src/**/*.c and *.h, resources/**/*.ui, the desktop entry (at the top
# of the tree or in data/), and data/**/*.in and data/**/*.xml (metainfo,
# MIME type, GSettings schema). Prints TAP, one line per file that has
# translatable strings or that POTFILES.in names: "not ok" when such a file
# is missing from POTFILES.in, or when POTFILES.in names a file that does not
# exist, has no translatable strings, or is named twice.

import pathlib
import re
import sys

# A string marked for translation in C: _("…"), C_("ctx", "…"), N_, NC_, Q_,
# and the plural and domain forms.
C_MARK = re.compile(r'(^|[^A-Za-z0-9_])(_|C_|N_|NC_|Q_)\(\s*"'
                    r'|(^|[^A-Za-z0-9_])(g_d?n?gettext|g_dc?gettext|g_dpgettext2?'
                    r'|d?c?n?gettext|d?c?pgettext)\s*\(', re.M)
# C comments and string literals, so that a mark in a comment does not count
# and a comment marker inside a string does not start one.
C_TOKENS = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
UI_MARK = re.compile(r'\btranslatable\s*=\s*"(yes|true|1)"', re.I)
XML_COMMENT = re.compile(r'<!--.*?-->', re.S)
# Desktop entry keys that msgfmt --desktop translates.
DESKTOP_MARK = re.compile(r'^(Name|GenericName|Comment|Keywords)\s*=\s*\S', re.M)
# AppStream metainfo elements that itstool / msgfmt --xml translate.
METAINFO_MARK = re.compile(r'<(name|summary|developer_name|p|li|caption|keyword)'
                           r'(?![^>]*translate="no")[^>/]*>\s*[^<\s]')
MIME_MARK = re.compile(r'<comment(?![^>]*translate="no")[^>/]*>\s*[^<\s]')
# A GSettings schema is translated when it names a gettext domain.
SCHEMA_DOMAIN = re.compile(r'<schemalist[^>]*\bgettext-domain\s*=\s*"[^"]+"')
SCHEMA_MARK = re.compile(r'<(summary|description)[^>/]*>\s*[^<\s]|<default[^>]*\bl10n\s*=')


def strip_c_comments (text):
    def keep_strings (match):
        token = match.group (0)
        return token if token[0] in '"\'' else ' '
    return C_TOKENS.sub (keep_strings, text)


def translatable (path):
    """(has translatable strings, why not / what kind) for one file."""
    name = path.name
    text = path.read_text (encoding='utf-8')
    if name.endswith (('.c', '.h')):
        return bool (C_MARK.search (strip_c_comments (text))), 'C source'
    if name.endswith ('.ui'):
        return bool (UI_MARK.search (XML_COMMENT.sub ('', text))), 'GtkBuilder file'
    if name.endswith (('.desktop', '.desktop.in')):
        return bool (DESKTOP_MARK.search (text)), 'desktop entry'
    text = XML_COMMENT.sub ('', text)
    if '.metainfo.xml' in name or '.appdata.xml' in name:
        return bool (METAINFO_MARK.search (text)), 'AppStream metainfo'
    if '<mime-info' in text:
        return bool (MIME_MARK.search (text)), 'MIME type'
    if '<schemalist' in text:
        return bool (SCHEMA_DOMAIN.search (text) and SCHEMA_MARK.search (text)), 'GSettings schema'
    return None, 'file of a kind this test does not know'


def scanned_files (root):
    patterns = ['src/**/*.c', 'src/**/*.h', 'resources/**/*.ui',
                '*.desktop', '*.desktop.in',
                'data/**/*.in', 'data/**/*.xml', 'data/**/*.desktop']
    found = set ()
    for pattern in patterns:
        found.update (p.relative_to (root).as_posix () for p in root.glob (pattern) if p.is_file ())
    return found


def read_potfiles (root):
    names = []
    for line in (root / 'po' / 'POTFILES.in').read_text (encoding='utf-8').splitlines ():
        line = line.strip ()
        if line and not line.startswith ('#'):
            names.append (line)
    return names


def main (argv):
    if len (argv) != 2:
        print ('usage: check-potfiles.py SOURCE-ROOT', file=sys.stderr)
        return 2
    root = pathlib.Path (argv[1]).resolve ()
    listed = read_potfiles (root)
    listed_set = set (listed)
    results = []

    for name in sorted (scanned_files (root) | listed_set):
        path = root / name
        if not path.is_file ():
            results.append ((False, f'{name}: named in po/POTFILES.in but does not exist'))
            continue
        has, kind = translatable (path)
        if has is None:
            if name in listed_set:
                results.append ((False, f'{name}: named in po/POTFILES.in, but is a {kind}'))
            continue
        if name in listed_set and listed.count (name) > 1:
            results.append ((False, f'{name}: named {listed.count (name)} times in po/POTFILES.in'))
        elif has and name in listed_set:
            results.append ((True, f'{name}: {kind} with translatable strings, in po/POTFILES.in'))
        elif has:
            results.append ((False, f'{name}: {kind} with translatable strings, missing from po/POTFILES.in'))
        elif name in listed_set:
            results.append ((False, f'{name}: named in po/POTFILES.in, but has no translatable strings'))

    print (f'1..{len (results)}')
    for number, (ok, text) in enumerate (results, 1):
        print (f'{"ok" if ok else "not ok"} {number} - {text}')
    failed = [text for ok, text in results if not ok]
    for text in failed:
        print (f'# {text}', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit (main (sys.argv))
