#!/usr/bin/python3
# check-l10n-data.py — the built data files and catalogues carry every translation
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-l10n-data.py --po-dir PO-DIR --build-po-dir BUILD-PO-DIR
#                           --desktop FILE --metainfo FILE [--mime FILE]
#
# For each language in PO-DIR/LINGUAS, as TAP:
#   - the built desktop entry has NAME[lang]= for each of Name, GenericName,
#     Comment and Keywords that it has in English;
#   - the built AppStream metainfo (and MIME type) has an xml:lang="lang"
#     twin beside each English name, summary, description paragraph, …;
#   - BUILD-PO-DIR/lang/LC_MESSAGES/sofia-seminars.mo exists, loads, is for
#     that language, and is not older than PO-DIR/lang.po.

import argparse
import configparser
import gettext
import pathlib
import sys
import xml.etree.ElementTree as ET

DOMAIN = 'sofia-seminars'
DESKTOP_KEYS = ('Name', 'GenericName', 'Comment', 'Keywords')
# Elements that msgfmt --xml translates (gettext's AppStream and
# shared-mime-info ITS rules).
XML_TAGS = ('name', 'summary', 'developer_name', 'p', 'li', 'caption', 'keyword', 'comment')
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


class Tap:
    def __init__ (self):
        self.lines = []

    def check (self, ok, text, details=()):
        self.lines.append ((ok, text, list (details)))

    def finish (self):
        print (f'1..{len (self.lines)}')
        for number, (ok, text, details) in enumerate (self.lines, 1):
            print (f'{"ok" if ok else "not ok"} {number} - {text}')
            if not ok:
                for line in details:
                    print (f'# {line}')
        return 1 if any (not ok for ok, _, _ in self.lines) else 0


def read_linguas (po_dir):
    languages = []
    for line in (po_dir / 'LINGUAS').read_text (encoding='utf-8').splitlines ():
        languages.extend (line.split ('#', 1)[0].split ())
    return languages


def check_desktop (tap, path, lang):
    if not path.is_file ():
        tap.check (False, f'{lang}: the built desktop entry {path.name} exists', [str (path)])
        return
    parser = configparser.RawConfigParser (interpolation=None, strict=False)
    parser.optionxform = str
    parser.read (path, encoding='utf-8')
    entry = parser['Desktop Entry'] if parser.has_section ('Desktop Entry') else {}
    for key in DESKTOP_KEYS:
        if key not in entry:
            continue
        value = entry.get (f'{key}[{lang}]', '').strip ()
        ok = value != '' and (key != 'Keywords' or value.endswith (';'))
        tap.check (ok, f'{lang}: {path.name} has {key}[{lang}]',
                   [f'{key}={entry[key]}', f'{key}[{lang}]={value}'])


def check_xml (tap, path, lang):
    if not path.is_file ():
        tap.check (False, f'{lang}: the built {path.name} exists', [str (path)])
        return
    try:
        root = ET.parse (path).getroot ()
    except ET.ParseError as error:
        tap.check (False, f'{lang}: {path.name} is well-formed XML', [str (error)])
        return
    for parent in root.iter ():
        children = list (parent)
        for index, child in enumerate (children):
            tag = child.tag.rsplit ('}', 1)[-1]
            if tag not in XML_TAGS or child.get (XML_LANG) is not None:
                continue
            if child.get ('translate') == 'no' or not ''.join (child.itertext ()).strip ():
                continue
            english = ' '.join (''.join (child.itertext ()).split ())
            twin = None
            for other in children[index + 1:]:
                if other.tag != child.tag:
                    continue
                if other.get (XML_LANG) is None:
                    break
                if other.get (XML_LANG) == lang:
                    twin = other
                    break
            ok = twin is not None and ''.join (twin.itertext ()).strip () != ''
            short = english if len (english) <= 50 else english[:47] + '…'
            tap.check (ok, f'{lang}: {path.name} has <{tag} xml:lang="{lang}"> beside “{short}”',
                       [f'no translated <{tag}> follows the English one'])


def check_catalogue (tap, po_dir, build_po_dir, lang):
    mo = build_po_dir / lang / 'LC_MESSAGES' / f'{DOMAIN}.mo'
    po = po_dir / f'{lang}.po'
    if not mo.is_file ():
        tap.check (False, f'{lang}: the catalogue {mo.relative_to (build_po_dir.parent)} is built',
                   [f'{mo} is missing'])
        return
    try:
        with mo.open ('rb') as stream:
            catalogue = gettext.GNUTranslations (stream)
    except (OSError, ValueError) as error:
        tap.check (False, f'{lang}: the catalogue {mo.name} loads', [str (error)])
        return
    info = catalogue.info ()
    messages = len (catalogue._catalog) - 1      # without the header
    tap.check (info.get ('language') == lang and messages > 0,
               f'{lang}: {lang}/LC_MESSAGES/{mo.name} is a {lang} catalogue of {messages} messages',
               [f'Language: {info.get ("language")}'])
    fresh = po.is_file () and mo.stat ().st_mtime >= po.stat ().st_mtime
    tap.check (fresh, f'{lang}: {mo.name} is not older than po/{po.name}',
               [f'po/{po.name} changed after the catalogue was built: rebuild (ninja)'])


def main (argv):
    parser = argparse.ArgumentParser ()
    parser.add_argument ('--po-dir', type=pathlib.Path, required=True)
    parser.add_argument ('--build-po-dir', type=pathlib.Path, required=True)
    parser.add_argument ('--desktop', type=pathlib.Path, required=True)
    parser.add_argument ('--metainfo', type=pathlib.Path, required=True)
    parser.add_argument ('--mime', type=pathlib.Path)
    args = parser.parse_args (argv[1:])

    tap = Tap ()
    languages = read_linguas (args.po_dir)
    tap.check (len (languages) > 0, f'po/LINGUAS names {len (languages)} language(s)')
    for lang in languages:
        check_desktop (tap, args.desktop, lang)
        check_xml (tap, args.metainfo, lang)
        if args.mime is not None:
            check_xml (tap, args.mime, lang)
        check_catalogue (tap, args.po_dir, args.build_po_dir, lang)
    return tap.finish ()


if __name__ == '__main__':
    sys.exit (main (sys.argv))
