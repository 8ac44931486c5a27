"""The catalogue of words: every word a reader or an editor sees comes from here.

The words live in gettext catalogues, `generator/locale/<locale>/LC_MESSAGES/*.po` (one file per area, so that
changes to different areas do not touch the same file; a locale's files are merged into one catalogue). The
message ids are English, written in the code as `_("…")` (or `pgettext(context, "…")` where one English text
needs two translations) and in the templates as `{{ _("…") }}` through Jinja's i18n extension, the pair MkDocs
uses for its own theme. `pybabel extract -F babel.cfg` finds them; tests/test_catalogue.py fails when one is
missing from the catalogue.

Placeholders are named, in gettext's Python format, and filled by the same call in code and templates:
`_("%(count)s zones", count=3)`, in a template `{{ _("%(count)s zones", count=3) }}` (the i18n extension's new
style). The words are always formatted, so a literal percent sign is written `%%` in every entry.

Which locale is used is chosen by the entry point for the duration of a build or a check (`use(locale)`), read
through a context variable, never a global that keeps a value after the block. The locales:

- `zh_CN` — the site's language (the default);
- `qps` — the pseudo-locale of the tests: every entry of `zh_CN` wrapped in ⟦…⟧, so that a page built with it
  shows which of its words did not come from the catalogue.

A catalogue is compiled in memory with Babel (`read_po` → `write_mo`), once per locale: a pure function of the
package's files, memoised.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.resources
import io
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

import jinja2
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

SOURCE_LOCALE = "zh_CN"
PSEUDO_LOCALE = "qps"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"
LOCALES = (SOURCE_LOCALE, PSEUDO_LOCALE)

_locale: ContextVar[str] = ContextVar("locale", default=SOURCE_LOCALE)


def _po_files(locale: str) -> list[Any]:
    folder = importlib.resources.files("generator").joinpath("locale", locale, "LC_MESSAGES")
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".po")), key=lambda f: f.name)


@functools.cache
def catalogue(locale: str) -> Catalog:
    """All of a locale's .po files merged (a message in two files is an error: one place per word)."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; known: {', '.join(LOCALES)}")
    source = SOURCE_LOCALE if locale == PSEUDO_LOCALE else locale
    merged = Catalog(locale=source.replace("qps", "en"))
    seen: dict[tuple[str | None, Any], str] = {}
    for po in _po_files(source):
        with po.open("rb") as handle:
            part = read_po(handle, locale=source)
        for message in part:
            if not message.id:
                continue
            key = (message.context, message.id)
            if key in seen:
                raise ValueError(f"message {message.id!r} is in both {seen[key]} and {po.name}")
            seen[key] = po.name
            string = message.string
            if locale == PSEUDO_LOCALE:
                string = _pseudo(string)
            merged.add(message.id, string, context=message.context)
    return merged


def _pseudo(string: Any) -> Any:
    if isinstance(string, tuple):
        return tuple(_pseudo(s) for s in string)
    return f"{PSEUDO_OPEN}{string}{PSEUDO_CLOSE}" if string else string


@functools.cache
def translations(locale: str) -> Translations:
    buffer = io.BytesIO()
    write_mo(buffer, catalogue(locale))
    buffer.seek(0)
    return Translations(buffer)


def current_locale() -> str:
    return _locale.get()


@contextlib.contextmanager
def use(locale: str) -> Iterator[None]:
    """Words in `locale` inside the block (the build and the check run inside one)."""
    translations(locale)  # an unknown locale or a broken catalogue fails here, before anything is made
    token = _locale.set(locale)
    try:
        yield
    finally:
        _locale.reset(token)


def _gettext(message: str) -> str:
    return str(translations(_locale.get()).ugettext(message))


def _pgettext(context: str, message: str) -> str:
    return str(translations(_locale.get()).upgettext(context, message))


def _ngettext(singular: str, plural: str, n: int) -> str:
    return str(translations(_locale.get()).ungettext(singular, plural, n))


def _(message: str, /, **params: object) -> str:
    """The current locale's words for `message` (an English message id), its placeholders filled."""
    return _gettext(message) % params


def pgettext(context: str, message: str, /, **params: object) -> str:
    """The same, for a message whose English text needs a context to be translated (`msgctxt`)."""
    return _pgettext(context, message) % params


def ngettext(singular: str, plural: str, n: int, /, **params: object) -> str:
    """A message with a number (`%(num)s`), in the locale's plural form."""
    return _ngettext(singular, plural, n) % {"num": n, **params}


def bilingual(message: str, /, **params: object) -> str:
    """`<words> / English`, as the editors' tools print what they say: the locale's words, then the English message
    itself (once, when the locale is English)."""
    words, english = _(message, **params), message % params
    return words if words == english else f"{words} / {english}"


def pbilingual(context: str, message: str, /, **params: object) -> str:
    """`bilingual` for a message whose English text needs a context to be translated (`msgctxt`)."""
    words, english = pgettext(context, message, **params), message % params
    return words if words == english else f"{words} / {english}"


def N_(message: str) -> str:
    """Marks a message for the catalogue without translating it (an enum's label, translated where shown)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """The same for a message with a context: `(context, message)`, translated where shown with
    `pgettext(*marked)` (babel.cfg tells `pybabel extract` to read it)."""
    return context, message


def make_env(loader: jinja2.BaseLoader | None = None, **options: Any) -> jinja2.Environment:
    """The one template environment factory: the package's templates, strict about undefined names, with the
    catalogue installed (`{{ _("…") }}`, new-style: placeholders as keyword arguments)."""
    settings: dict[str, Any] = {"undefined": jinja2.StrictUndefined, "trim_blocks": True, "lstrip_blocks": True}
    env = jinja2.Environment(loader=loader or jinja2.PackageLoader("generator", "templates"), **(settings | options))
    install(env)
    return env


def install(env: jinja2.Environment, locale: str | None = None) -> None:
    """The catalogue in a template environment, through Jinja's i18n extension (new style): the current
    locale's, or always `locale`'s (the theme's environment, which MkDocs makes and renders outside the build's
    block: generator/mkdocs_bridge.py)."""
    env.add_extension("jinja2.ext.i18n")
    gettext: Callable[[str], str]
    ngettext_: Callable[[str, str, int], str]
    pgettext_: Callable[[str, str], str]
    if locale is None:
        gettext, ngettext_, pgettext_ = _gettext, _ngettext, _pgettext
    else:
        words = translations(locale)
        gettext, ngettext_, pgettext_ = words.ugettext, words.ungettext, words.upgettext
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=gettext, ngettext=ngettext_, pgettext=pgettext_, newstyle=True
    )
