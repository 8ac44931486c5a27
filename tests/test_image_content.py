"""Image bytes are verified as images of the format their name says (issue 12, item 1).

The suffix alone let anything through under an image's name: an HTML page named .jpg, a JPEG named .png,
an image cut short, a few bytes that say 100,000 × 100,000 pixels (a decompression bomb for every reader's
browser), an animation. Each is refused with one problem naming the file and what to do; real PNG, JPEG
(also a phone's multi-picture JPEG) and WebP images still pass. The exact report lines are in
tests/broken/image-damaged.yaml, image-dimensions.yaml and image-format-content.yaml.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, replace_once, run_check
from generator.build import build_site_sources
from generator.options import Options

CASE = "zones/demo-zone/cases/demo-case.yaml"
IMAGES = "zones/demo-zone/images"


def encoded(fmt: str, size: tuple[int, int] = (40, 30), mode: str = "RGB", **options: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 0 if mode == "1" else (180, 40, 40) if mode == "RGB" else 128).save(out, fmt, **options)
    return out.getvalue()


def animated(fmt: str) -> bytes:
    frames = [Image.new("RGB", (20, 20), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, fmt, save_all=True, append_images=frames[1:], duration=200, loop=0)
    return out.getvalue()


def multi_picture_jpeg() -> bytes:
    """What some phones and 3D cameras write: a JPEG carrying a second picture (MPO); browsers show the first."""
    out = io.BytesIO()
    first, second = Image.new("RGB", (40, 30), (10, 90, 10)), Image.new("RGB", (40, 30), (90, 10, 10))
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


def use_image(data: Path, name: str, content: bytes) -> str:
    """Put `content` into images/ as `name`, in place of demo.png, for the case that showed demo.png."""
    (data / IMAGES / "demo.png").unlink()
    (data / IMAGES / name).write_bytes(content)
    replace_once(data / CASE, "file: demo.png", f"file: {name}")
    return f"data/{IMAGES}/{name}"


REFUSED: list[tuple[str, Callable[[], bytes], str, str]] = [
    ("photo.png", lambda: encoded("JPEG"), "image-format", "改为 .jpg"),
    ("shot.jpg", lambda: encoded("PNG"), "image-format", "改为 .png"),
    ("shot.webp", lambda: encoded("PNG"), "image-format", "改为 .png"),
    ("page.jpg", lambda: b"<!doctype html><title>x</title><script>alert(1)</script>", "image-format", "不是"),
    ("empty.png", lambda: b"", "image-format", "不是"),
    ("cut.jpg", lambda: encoded("JPEG", (400, 300))[:-200], "image-damaged", "损坏"),
    ("cut.png", lambda: encoded("PNG", (400, 300), "L", compress_level=0)[:5000], "image-damaged", "损坏"),
    ("cut.webp", lambda: encoded("WEBP", (400, 300))[:40], "image-damaged", "损坏"),
    ("bomb.png", lambda: encoded("PNG", (10_000, 10_000), "1"), "image-dimensions", "10000 × 10000"),
    ("wide.png", lambda: encoded("PNG", (30_000, 1_000), "1"), "image-dimensions", "30000 × 1000"),
    ("moving.png", lambda: animated("PNG"), "image-format", "动图"),
    ("moving.webp", lambda: animated("WEBP"), "image-format", "动图"),
]


@pytest.mark.parametrize(("name", "make", "code", "says"), REFUSED, ids=[r[0] for r in REFUSED])
def test_an_image_that_is_not_what_its_name_says_is_refused_with_one_problem(
    data_copy: Path, tmp_path: Path, name: str, make: Callable[[], bytes], code: str, says: str
) -> None:
    shown = use_image(data_copy, name, make())
    code_seen, lines = run_check(Path("data"), "--strict")
    assert code_seen == 1
    assert len(lines) == 1 and lines[0].startswith(f"{shown}: [{code}] "), lines
    assert f"images/{name}" in lines[0] and says in lines[0], lines
    assert build_site_sources(Options(data=Path("data"), out=tmp_path / "out")).written is None


TAKEN: list[tuple[str, Callable[[], bytes]]] = [
    ("photo.jpg", lambda: encoded("JPEG")),
    ("photo.jpeg", lambda: encoded("JPEG", mode="L")),
    ("IMG_0001.JPG", lambda: encoded("JPEG", mode="CMYK")),
    ("stereo.jpg", multi_picture_jpeg),
    ("shot.png", lambda: encoded("PNG", mode="RGBA")),
    ("still.webp", lambda: encoded("WEBP")),
    ("lossless.webp", lambda: encoded("WEBP", lossless=True)),
    ("at-the-limit.png", lambda: encoded("PNG", (5_000, 5_000), "1")),
]


@pytest.mark.parametrize(("name", "make"), TAKEN, ids=[t[0] for t in TAKEN])
def test_real_images_pass_and_are_published_as_they_are(
    data_copy: Path, tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    content = make()
    use_image(data_copy, name, content)
    assert run_check(Path("data"), "--strict") == (0, [])
    result = build_site_sources(Options(data=Path("data"), out=tmp_path / "out", strict=True))
    assert result.written is not None
    assert (tmp_path / f"out/images/demo-zone/{name}").read_bytes() == content


def test_a_cut_image_is_refused_after_weasyprint_is_imported(data_copy: Path) -> None:
    """WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES when imported (`mkdocs serve` keeps it imported
    between rebuilds): the check must not take a cut image for a whole one then."""
    pytest.importorskip("weasyprint")
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    shown = use_image(data_copy, "cut.jpg", encoded("JPEG", (400, 300))[:-200])
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1 and len(lines) == 1 and lines[0].startswith(f"{shown}: [image-damaged] "), lines
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # left as WeasyPrint set it


def test_pillow_is_a_direct_dependency_pinned_as_the_lock_pins_it() -> None:
    """The check verifies images with Pillow: it is named in requirements.in (not only WeasyPrint's
    dependency), at the version requirements.lock pins."""
    wanted = re.findall(r"^pillow==(\S+)", (ROOT / "requirements.in").read_text(encoding="utf-8"), re.M | re.I)
    locked = re.findall(r"^pillow==([^\s\\]+)", (ROOT / "requirements.lock").read_text(encoding="utf-8"), re.M | re.I)
    assert wanted == locked and len(locked) == 1
