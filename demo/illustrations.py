"""Drawing helpers for the demo's flat illustrations: a supersampled canvas and soft shapes.

Pillow draws without anti-aliasing, so scenes are drawn at twice their size on a fixed virtual
grid and scaled down once. Soft shadows and light are drawn into small blurred patches rather
than blurring the whole picture, which keeps a scene to a few tens of milliseconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageOps

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
SUPERSAMPLE = 2


def rgb(hex_colour: str) -> RGB:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> RGB:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))  # type: ignore[return-value]


def tint(colour: RGB, t: float) -> RGB:
    return mix(colour, WHITE, t)


def shade(colour: RGB, t: float) -> RGB:
    return mix(colour, (20, 24, 32), t)


@dataclass(frozen=True)
class Focus:
    """The subject of a picture in virtual units: where ``fill-`` crops must keep it."""

    left: float
    top: float
    right: float
    bottom: float


@dataclass
class Canvas:
    """A picture drawn on a ``width`` x ``height`` virtual grid, output at ``out_width`` px."""

    width: int
    height: int
    out_width: int
    background: RGB = WHITE
    image: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)

    def __post_init__(self) -> None:
        self.k = self.out_width / self.width * SUPERSAMPLE
        size = (round(self.width * self.k), round(self.height * self.k))
        self.image = Image.new("RGB", size, self.background)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    # ---------------------------------------------------------------- coordinates

    def px(self, value: float) -> int:
        return max(1, round(value * self.k))

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        k = self.k
        return (round(x0 * k), round(y0 * k), round(x1 * k), round(y1 * k))

    def points(self, pts: list[tuple[float, float]]) -> list[tuple[int, int]]:
        return [(round(x * self.k), round(y * self.k)) for x, y in pts]

    # ---------------------------------------------------------------- shapes

    def rect(self, box, fill, radius: float = 0, outline=None, width: float = 0) -> None:
        args = {"fill": fill, "outline": outline, "width": self.px(width) if width else 0}
        if radius:
            self.draw.rounded_rectangle(self.box(*box), radius=self.px(radius), **args)
        else:
            self.draw.rectangle(self.box(*box), **args)

    def ellipse(self, box, fill, outline=None, width: float = 0) -> None:
        self.draw.ellipse(
            self.box(*box), fill=fill, outline=outline, width=self.px(width) if width else 0
        )

    def circle(self, cx: float, cy: float, r: float, fill, outline=None, width: float = 0) -> None:
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill, outline, width)

    def polygon(self, pts, fill) -> None:
        self.draw.polygon(self.points(pts), fill=fill)

    def line(self, pts, fill, width: float) -> None:
        self.draw.line(self.points(pts), fill=fill, width=self.px(width), joint="curve")
        for x, y in (pts[0], pts[-1]):  # round caps
            self.circle(x, y, width / 2, fill)

    def arc(self, box, start: float, end: float, fill, width: float) -> None:
        self.draw.arc(self.box(*box), start, end, fill=fill, width=self.px(width))

    def gradient(self, box, top: RGB, bottom: RGB) -> None:
        x0, y0, x1, y1 = self.box(*box)
        height = max(y1 - y0, 1)
        column = Image.new("RGB", (1, height))
        column.putdata([mix(top, bottom, y / max(height - 1, 1)) for y in range(height)])
        self.image.paste(
            column.resize((max(x1 - x0, 1), height), Image.Resampling.NEAREST), (x0, y0)
        )

    def soft(self, shape: str, coords, colour: RGB, alpha: int, blur: float) -> None:
        """A blurred ellipse or polygon (shadow, glow, light), drawn in a small local patch."""
        if shape == "ellipse":
            xs, ys = (coords[0], coords[2]), (coords[1], coords[3])
        else:
            xs, ys = [p[0] for p in coords], [p[1] for p in coords]
        pad = blur * 3
        left, top = min(xs) - pad, min(ys) - pad
        scale = 4  # the patch is drawn at a quarter of the canvas resolution: it is blurred anyway
        k = self.k / scale
        size = (max(1, round((max(xs) + pad - left) * k)), max(1, round((max(ys) + pad - top) * k)))
        mask = Image.new("L", size, 0)
        draw = ImageDraw.Draw(mask)
        if shape == "ellipse":
            local = [(coords[0] - left) * k, (coords[1] - top) * k]
            local += [(coords[2] - left) * k, (coords[3] - top) * k]
            draw.ellipse(local, fill=alpha)
        else:
            draw.polygon([((x - left) * k, (y - top) * k) for x, y in coords], fill=alpha)
        mask = mask.filter(ImageFilter.GaussianBlur(max(blur * k, 0.5)))
        full = (round(size[0] * scale), round(size[1] * scale))
        mask = mask.resize(full, Image.Resampling.BILINEAR)
        self.image.paste(
            Image.new("RGB", full, colour), (round(left * self.k), round(top * self.k)), mask
        )

    def shadow(self, cx: float, cy: float, rx: float, ry: float, alpha: int = 70) -> None:
        self.soft("ellipse", (cx - rx, cy - ry, cx + rx, cy + ry), (40, 44, 60), alpha, ry * 0.8)

    def leaf(self, x: float, y: float, angle: float, length: float, width: float, fill) -> None:
        """A pointed leaf from (x, y) towards ``angle`` degrees (0 = right, 90 = down)."""
        a = math.radians(angle)
        ux, uy = math.cos(a), math.sin(a)
        nx, ny = -uy, ux
        pts = []
        for side in (1, -1):
            steps = range(0, 11) if side == 1 else range(10, -1, -1)
            for i in steps:
                t = i / 10
                w = math.sin(math.pi * t) * width / 2 * side
                pts.append((x + ux * length * t + nx * w, y + uy * length * t + ny * w))
        self.polygon(pts, fill)

    # ---------------------------------------------------------------- output

    def finish(self, mirror: bool = False) -> Image.Image:
        size = (self.out_width, round(self.height * self.out_width / self.width))
        # A box average of the supersampled pixels: as smooth as Lanczos here, and much faster.
        image = self.image.reduce(SUPERSAMPLE)
        if image.size != size:
            image = image.resize(size, Image.Resampling.BILINEAR)
        return ImageOps.mirror(image) if mirror else image

    def focal_point(self, focus: Focus, mirror: bool = False) -> tuple[int, int, int, int]:
        """Wagtail's focal point (centre x, centre y, width, height) in output pixels."""
        s = self.out_width / self.width
        left, right = (
            (self.width - focus.right, self.width - focus.left)
            if mirror
            else (
                focus.left,
                focus.right,
            )
        )
        return (
            round((left + right) / 2 * s),
            round((focus.top + focus.bottom) / 2 * s),
            round((right - left) * s),
            round((focus.bottom - focus.top) * s),
        )


def encode_jpeg(image: Image.Image, quality: int = 80) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def encode_png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
