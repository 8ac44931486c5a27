"""The command line: a thin edge that maps problems to exit codes (0 clean, 1 data problems, 2 usage).

python -m generator check [--data DIR] [--strict] [--format text|github]
python -m generator generate [--data DIR] [--out DIR]
python -m generator schema [--data DIR] [--check]
python -m generator diff BASE_REF [--data DIR]
python -m generator new-zone|new-year|new-case|export-template|import-xlsx …  (see generator/editors/commands.py)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from generator.data.problems import ProblemLog, Severity
from generator.i18n import bilingual, pbilingual
from generator.options import Options, flag, keep_count

DEFAULT_DATA = Path("zones_data")
DEFAULT_OUT = Path("site_src/generated")
DEFAULT_PDF_CACHE = Path("build/pdf-cache")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2, in both languages
        self.print_usage(sys.stderr)
        print(bilingual("usage error") + f": {message}", file=sys.stderr)
        sys.exit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator", description=bilingual("site generator"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help=bilingual("validate the data"))
    check.add_argument("--strict", action="store_true", help=bilingual("warnings fail the check"))
    check.add_argument("--format", choices=("text", "github"), default="text")
    gen = sub.add_parser("generate", help=bilingual("write the Markdown pages and data files"))
    gen.add_argument("--out", type=Path, default=DEFAULT_OUT)
    gen.add_argument("--strict", action="store_true")
    schema = sub.add_parser("schema", help=bilingual("write the JSON Schemas"))
    schema.add_argument("--check", action="store_true", help=bilingual("fail if the committed schemas are stale"))
    diff = sub.add_parser("diff", help=bilingual("what the data changes since BASE_REF, in Chinese Markdown"))
    diff.add_argument("base_ref", metavar="BASE_REF", help=bilingual("git revision to compare with"))
    for p in (check, gen, schema, diff):
        p.add_argument("--data", type=Path, default=DEFAULT_DATA, help=bilingual("data folder"))
    # --- editors' commands: scaffolds and the Excel round trip (generator/editors/) ---
    from generator.editors.commands import add_editor_commands

    add_editor_commands(sub, DEFAULT_DATA)
    # --- end of editors' commands ---
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.data.is_dir():
        print(bilingual("usage error") + ": " + bilingual("no data folder") + f": {args.data}", file=sys.stderr)
        return 2
    # --- editors' commands ---
    from generator.editors.commands import EDITOR_COMMANDS, run_editor_command

    if args.command in EDITOR_COMMANDS:
        return run_editor_command(args)
    # --- end of editors' commands ---
    if args.command == "check":
        return _check(args.data, args.strict, args.format)
    if args.command == "generate":
        return _generate(_generate_options(args))
    if args.command == "diff":
        return _diff(args.data, args.base_ref)
    return _schema(args.data, args.check)


def _print_problems(log: ProblemLog, strict: bool, fmt: str) -> None:
    for problem in log.sorted():
        print(problem.format_github(strict) if fmt == "github" else problem.format_text())
    sys.stdout.flush()
    errors, warnings, notices = (log.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTICE))
    counts = {"errors": errors, "warnings": warnings, "notices": notices}
    print(bilingual("%(errors)s errors, %(warnings)s warnings, %(notices)s notices", **counts), file=sys.stderr)


def _check(data: Path, strict: bool, fmt: str) -> int:
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    _catalog, log = validate_data(load_data(data))
    _print_problems(log, strict, fmt)
    return 1 if log.failing(strict) else 0


def _generate_options(args: argparse.Namespace) -> Options:
    """`generate`'s options: the folders from the command line; SITE_URL, PDF=0, PDF_CACHE, PDF_CACHE_KEEP and HISTORY=0 from
    the environment (the history is the working folder's work tree), as the MkDocs hook reads them (this and the hook are the only readers of the environment)."""
    return Options(
        data=args.data,
        out=args.out,
        site_url=os.environ.get("SITE_URL") or "",
        pdf=flag(os.environ.get("PDF"), True),
        pdf_cache=Path(os.environ.get("PDF_CACHE") or DEFAULT_PDF_CACHE),
        pdf_cache_keep=keep_count(os.environ.get("PDF_CACHE_KEEP")),
        strict=args.strict,
        history=Path(".") if flag(os.environ.get("HISTORY"), True) else None,
    )


def _generate(options: Options) -> int:
    from generator.build import build_site_sources, prune_pdf_cache_after

    result = build_site_sources(options)
    _print_problems(result.log, options.strict, "text")
    if result.log.failing(options.strict) or result.written is None:
        print(bilingual("data problems: nothing generated"), file=sys.stderr)
        return 1
    prune_pdf_cache_after(options, result)
    written = bilingual("%(changed)s changed of %(total)s", changed=result.written.changed, total=result.written.total)
    print(pbilingual("cli", "generated") + f": {written}", file=sys.stderr)
    return 0


def _schema(data: Path, check_only: bool) -> int:
    from generator.data.layout import SCHEMA
    from generator.data.load import NotRegular
    from generator.data.messages import editor_text
    from generator.data.schema import write_schemas

    try:
        stale = write_schemas(data, check_only=check_only)
    except NotRegular as refused:
        zh, en = editor_text(
            "write-through-link", path=f"{data}/{'/'.join(SCHEMA.folder)}", where="/".join(refused.rel)
        )
        print(f"{zh} / {en}", file=sys.stderr)
        return 1
    if check_only and stale:
        for name in stale:
            print(f"{data}/{SCHEMA.rel(schema=name)}: " + bilingual("stale: run make schemas"))
        return 1
    return 0


def _diff(data: Path, base_ref: str) -> int:
    from generator.diff import DiffError, describe_diff

    try:
        summary = describe_diff(data, base_ref)
    except DiffError as exc:
        print(bilingual("usage error") + f": {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary.lines))
    return 0
