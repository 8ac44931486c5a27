"""The editors' subcommands for `python -m generator`: scaffolds and the Excel round trip.

python -m generator new-zone ZONE_ID [--city CITY] [--name NAME] [--data DIR]
python -m generator new-year ZONE YEAR [--data DIR]
python -m generator new-case ZONE SLUG [--data DIR]
python -m generator export-template ZONE YEAR [-o FILE.xlsx] [--data DIR]   (default: sheets/ZONE-YEAR.xlsx)
python -m generator import-xlsx FILE.xlsx [--force] [--data DIR]

Exit 0 done, 1 refused (a file exists, the sheet has cells that cannot be read, …), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from generator.data.messages import editor_text
from generator.data.problems import terminal_text
from generator.editors.common import EditorError
from generator.i18n import bilingual, pbilingual

SHEETS = "sheets"  # exported workbooks by default: git-ignored, so a filled sheet is never committed by accident
EDITOR_COMMANDS = ("new-zone", "new-year", "new-case", "export-template", "import-xlsx")


def _year(text: str) -> int:
    if len(text) == 4 and text.isascii() and text.isdigit():
        return int(text)
    raise argparse.ArgumentTypeError(bilingual("a year is four digits") + f": {text!r}")


def add_editor_commands(sub: Any, default_data: Path) -> None:
    """Add the editors' subcommands to the CLI's subparsers."""
    zone = sub.add_parser("new-zone", help=bilingual("scaffold a new zone's zone.yaml"))
    zone.add_argument("zone", help=bilingual("zone id"))
    zone.add_argument("--city", help=bilingual("host city id"))
    zone.add_argument("--name", help=bilingual("zone name"))
    year = sub.add_parser("new-year", help=bilingual("scaffold annual/<year>.yaml"))
    year.add_argument("zone")
    year.add_argument("year", type=_year)
    case = sub.add_parser("new-case", help=bilingual("scaffold cases/<slug>.yaml"))
    case.add_argument("zone")
    case.add_argument("slug", help=bilingual("case id"))
    export = sub.add_parser("export-template", help=bilingual("write the annual-report workbook"))
    export.add_argument("zone")
    export.add_argument("year", type=_year)
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help=bilingual("output file", folder=SHEETS),
    )
    imp = sub.add_parser("import-xlsx", help=bilingual("read a filled workbook into YAML"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--force", action="store_true", help=pbilingual("editors", "replace"))
    for p in (zone, year, case, export, imp):
        p.add_argument("--data", type=Path, default=default_data, help=bilingual("data folder"))


def run_editor_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "import-xlsx":
            from generator.editors.excel_import import import_workbook

            lines, code = import_workbook(args.file, args.data, force=args.force)
            for line in lines:
                print(terminal_text(line))
            return code
        for line in _run(args):
            print(terminal_text(line))
    except EditorError as exc:  # sheet cells and file names are data: shown inert, like check's problems
        print(terminal_text(f"{exc.zh} / {exc.en}"), file=sys.stderr)
        for line in exc.details:
            print(f"  {terminal_text(line)}", file=sys.stderr)
        return exc.exit_code
    return 0


def _run(args: argparse.Namespace) -> list[str]:
    from generator.editors import scaffold

    if args.command == "new-zone":
        path = scaffold.scaffold_zone(args.data, args.zone, args.city, args.name)
        return [_created(path), " / ".join(editor_text("new-zone-written"))]
    if args.command == "new-year":
        path = scaffold.scaffold_year(args.data, args.zone, args.year)
        return [_created(path), bilingual("fill in submitted and the values")]
    if args.command == "new-case":
        path = scaffold.scaffold_case(args.data, args.zone, args.slug)
        return [_created(path), bilingual("fill in the fields")]
    if args.command == "export-template":
        from generator.editors.excel_export import export_template

        output = args.output or Path(SHEETS) / f"{args.zone}-{args.year}.xlsx"
        export_template(args.data, args.zone, args.year, output)
        return [pbilingual("editors", "written") + f": {output}"]
    raise AssertionError(args.command)


def _created(path: Path) -> str:
    return pbilingual("editors", "created") + f": {path}"
