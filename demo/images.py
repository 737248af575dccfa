"""Generated demo images: calm abstract shapes in each clinic's colours, drawn with Pillow.

Everything is deterministic (seeded by the image's title), so the pictures look the same on every
machine and nothing is downloaded. Text is kept out of pictures except the logo's name and a
portrait's initials, which the page also states in words.
"""

from __future__ import annotations

import random
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


@cache
def _font_path() -> str | None:
    return next((path for path in FONT_PATHS if Path(path).exists()), None)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    height = size[1]
    column = Image.new("RGB", (1, height))
    for y in range(height):
        column.putpixel((0, y), _mix(top, bottom, y / max(height - 1, 1)))
    return column.resize(size)


def _soft_shapes(image: Image.Image, colours: list[tuple], seed: str, count: int) -> Image.Image:
    rng = random.Random(seed)
    width, height = image.size
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(count):
        radius = rng.randint(height // 5, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = (*rng.choice(colours), rng.randint(40, 90))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    layer = layer.filter(ImageFilter.GaussianBlur(radius=height // 12))
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def logo(name: str, brand: str, accent: str) -> bytes:
    """A 3:1 wordmark: the practice name in white on the brand colour, with an accent bar."""
    width, height = 900, 300
    image = Image.new("RGB", (width, height), _rgb(brand))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 24, width, height), fill=_rgb(accent))
    draw.ellipse((40, 70, 170, 200), outline="white", width=10)
    draw.line((105, 95, 105, 175), fill="white", width=10)
    draw.line((65, 135, 145, 135), fill="white", width=10)
    size = 72
    while size > 24:
        font = _font(size)
        if draw.textlength(name, font=font) <= width - 240:
            break
        size -= 4
    draw.text((200, 135), name, fill="white", font=font, anchor="lm")
    return _encode(image, "PNG")


def hero(brand: str, accent: str, seed: str) -> bytes:
    """A wide, calm gradient with blurred circles: decorative, no text."""
    base = _gradient((1200, 600), _mix(_rgb(brand), (255, 255, 255), 0.55), (250, 248, 244))
    image = _soft_shapes(base, [_rgb(brand), _rgb(accent), (255, 255, 255)], seed, 9)
    return _encode(image, "JPEG")


def listing(brand: str, accent: str, seed: str) -> bytes:
    """A card image for a treatment or article: soft shapes and a few gentle arcs."""
    light = _mix(_rgb(accent), (255, 255, 255), 0.75)
    image = _soft_shapes(
        _gradient((800, 500), light, _mix(_rgb(brand), (255, 255, 255), 0.4)),
        [_rgb(brand), _rgb(accent)],
        seed,
        6,
    )
    rng = random.Random(seed + "/arcs")
    draw = ImageDraw.Draw(image)
    for i in range(3):
        inset = 60 + i * 45 + rng.randint(0, 20)
        draw.arc((inset, inset, 800 - inset, 1000 - inset), 200, 340, fill="white", width=4)
    return _encode(image, "JPEG")


def portrait(initials: str, brand: str, accent: str) -> bytes:
    """An abstract square portrait: a head-and-shoulders silhouette with the initials."""
    size = 600
    image = _gradient((size, size), _mix(_rgb(brand), (255, 255, 255), 0.7), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    colour = _rgb(brand)
    draw.ellipse((195, 110, 405, 320), fill=colour)
    draw.ellipse((90, 340, 510, 760), fill=colour)
    draw.rectangle((0, size - 18, size, size), fill=_rgb(accent))
    draw.text((300, 215), initials, fill="white", font=_font(88), anchor="mm")
    return _encode(image, "PNG")
