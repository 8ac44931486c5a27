"""Atom feeds' common parts (the news feed, news.py; the data revisions' feed, changes_pages.py): elements in the
Atom namespace, written as text by ElementTree (never markup), and a day as an Atom date."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element `tag` of `parent` in the Atom namespace, with `text` (as text) and `attrs`."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def stamp(day: dt.date) -> str:
    """A day as an Atom date: midnight in China (the data and the history give days, not times)."""
    return f"{day.isoformat()}T00:00:00+08:00"
