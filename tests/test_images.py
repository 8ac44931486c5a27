"""Case images (issue 11): what the loader takes, and one accurate message for each image it refuses.

The exact report lines of each refused image are in tests/broken/image-*.yaml; these tests pin the limits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import replace_once, run_check
from generator.build import build_site_sources
from generator.data.image_size import image_size
from generator.data.load import IMAGE_SUFFIXES, MAX_IMAGE_BYTES
from generator.data.messages import CODES
from generator.options import Options

CASE = "zones/demo-zone/cases/demo-case.yaml"


def test_upper_case_suffixes_are_taken_and_published_under_their_name(data_copy: Path, tmp_path: Path) -> None:
    """Cameras write IMG_0001.JPG: the suffix is matched in any case, the name the case gives must be exact."""
    png = (data_copy / "zones/demo-zone/images/demo.png").read_bytes()
    (data_copy / "zones/demo-zone/images/demo.png").rename(data_copy / "zones/demo-zone/images/IMG_0001.PNG")
    replace_once(data_copy / CASE, "file: demo.png", "file: IMG_0001.PNG")
    assert run_check(Path("data"), "--strict") == (0, [])
    result = build_site_sources(Options(data=Path("data"), out=tmp_path / "out", strict=True))
    assert result.written is not None
    assert (tmp_path / "out/images/demo-zone/IMG_0001.PNG").read_bytes() == png


@pytest.mark.parametrize(
    ("size", "shown"),
    [(MAX_IMAGE_BYTES + 1, "2.1 MB（2,000,001 字节）"), (3_456_789, "3.5 MB（3,456,789 字节）")],
)
def test_an_image_over_the_limit_is_one_message_with_both_sizes(data_copy: Path, size: int, shown: str) -> None:
    (data_copy / "zones/demo-zone/images/demo.png").write_bytes(b"\x00" * size)
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1
    assert lines == [
        f"data/zones/demo-zone/images/demo.png: [file-too-large] 图片 images/demo.png 为 {shown}，超过上限 2 MB；"
        f"请压缩或缩小后再上传 / image images/demo.png is {shown.split('（')[0]} ({size:,} bytes), over the limit of "
        "2 MB; compress or scale it down（提示：网页上宽 1200 像素已足够；照片存为 JPEG 或 WebP 通常远小于 2 MB。）"
    ]


def test_an_image_at_the_limit_is_taken(data_copy: Path) -> None:
    """A real PNG padded after its end to exactly the limit (since issue 12 the bytes must be an image)."""
    png = (data_copy / "zones/demo-zone/images/demo.png").read_bytes()
    (data_copy / "zones/demo-zone/images/demo.png").write_bytes(png + b"\x00" * (MAX_IMAGE_BYTES - len(png)))
    assert run_check(Path("data"), "--strict") == (0, [])


def test_the_guide_states_the_limits_the_loader_enforces() -> None:
    """The editors' guide lists every code with its fix (generated from the catalogue): its image limit and
    formats are the loader's."""
    assert MAX_IMAGE_BYTES == 2_000_000 and IMAGE_SUFFIXES == (".png", ".jpg", ".jpeg", ".webp")
    assert "images/ 中的图片每张不应超过 2 MB（2,000,000 字节）" in CODES["file-too-large"].fix
    assert "PNG、JPEG、WebP 图片（扩展名 .png、.jpg、.jpeg、.webp，大小写均可）" in CODES["image-format"].fix


def test_a_truncated_png_is_refused_by_the_check_not_by_the_build(data_copy: Path, tmp_path: Path) -> None:
    """The image's size is read from its header to reserve its space; a header cut short (an upload broken off)
    leaves the size out, it does not crash. Since issue 12 the check refuses such a file (image-damaged), so the
    build never gets it."""
    png = (data_copy / "zones/demo-zone/images/demo.png").read_bytes()
    for cut in (16, 20, 23):
        assert image_size(png[:cut]) is None
    (data_copy / "zones/demo-zone/images/demo.png").write_bytes(png[:20])
    code, lines = run_check(Path("data"), "--strict")
    assert code == 1 and [line.split(" ")[:2] for line in lines] == [
        ["data/zones/demo-zone/images/demo.png:", "[image-damaged]"]
    ], lines
    assert build_site_sources(Options(data=Path("data"), out=tmp_path / "out", strict=True)).written is None
