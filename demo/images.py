"""Generated demo images: flat illustrations of clinic rooms, conditions and physicians.

Everything is drawn with Pillow and deterministic (seeded by the clinic and the page), so the
pictures look the same on every machine and nothing is downloaded. Each image comes with its
alt text and the box of its subject, which becomes Wagtail's focal point so ``fill-`` crops keep
the subject in frame. Portraits are drawings and their alt text says so: never a likeness of a
real clinician.

Drawing takes a fraction of a second per picture and the demo loads several times per test run
(each pass, each worker), so the bytes are kept in a small cache on disk, keyed by a hash of the
arguments and of the drawing code: a change to the drawing code draws everything again.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from clinic_pages.demo.illustrations import encode_jpeg, encode_png, rgb
from clinic_pages.demo.illustrations_body import draw_motif
from clinic_pages.demo.illustrations_portraits import draw_portrait
from clinic_pages.demo.illustrations_rooms import draw_room

FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
HERO_WIDTH, LISTING_WIDTH, PORTRAIT_WIDTH = 1600, 1200, 640
# Checked in order: the first whose words appear in the page's slug or title picks the picture.
ROOM_WORDS = [
    (("ketamine", "infusion", "series"), "treatment-room"),
    (("tens", "device", "mechanical", "stimulation"), "device-room"),
    (("physical", "exercise", "injury", "sports"), "therapy-room"),
    (("trigger", "injection", "block", "procedure"), "exam-room"),
]
BODY_WORDS = [
    (("migraine", "headache"), "head"),
    (("arthritis", "joint", "knee"), "knee"),
    (("fibromyalgia", "widespread"), "body"),
    (("diabetic", "feet", "foot"), "feet"),
    (("shingles", "postherpetic", "herpes"), "torso"),
    (("regional", "crps"), "hand"),
    (("spine", "back", "disc", "accident"), "spine"),
    (("neuropath", "neuralgia", "nerve", "shingles", "regional", "crps"), "nerves"),
]
# Where drawn pictures are kept between demo loads; "off" draws every time.
CACHE_ENV = "CLINIC_PAGES_DEMO_IMAGE_CACHE"


@dataclass(frozen=True)
class DemoImage:
    """A picture's bytes, its alt text and its focal point (centre x, centre y, width, height)."""

    data: bytes
    alt_text: str
    focal_point: tuple[int, int, int, int]


# --------------------------------------------------------------------- the cache


@cache
def _code_version() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([Path(__file__), *here.glob("illustrations*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_dir() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    # One folder per user: nobody else's files are read back as pictures.
    user = getattr(os, "getuid", lambda: "user")()
    return Path(tempfile.gettempdir()) / f"clinic-pages-demo-images-{user}"


def _cached(kind: str, args: tuple, draw) -> DemoImage:
    folder = _cache_dir()
    key = hashlib.sha256(repr((_code_version(), kind, args)).encode()).hexdigest()
    if folder is not None:
        try:
            meta = json.loads((folder / f"{key}.json").read_text())
            data = (folder / f"{key}.bin").read_bytes()
            if hashlib.sha256(data).hexdigest() == meta["sha256"]:
                return DemoImage(data, meta["alt_text"], tuple(meta["focal_point"]))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    image = draw()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            meta = {
                "alt_text": image.alt_text,
                "focal_point": image.focal_point,
                "sha256": hashlib.sha256(image.data).hexdigest(),
            }
            for suffix, content in ((".bin", image.data), (".json", json.dumps(meta).encode())):
                temporary = folder / f"{key}.{os.getpid()}.tmp"
                temporary.write_bytes(content)
                os.replace(temporary, folder / f"{key}{suffix}")
        except OSError:
            pass  # a read-only or full disk only costs drawing again next time
    return image


# --------------------------------------------------------------------- what to draw


def _pick(text: str, table: list[tuple[tuple[str, ...], str]]) -> str | None:
    text = text.lower()
    return next((kind for words, kind in table if any(word in text for word in words)), None)


def _sentence(description: str) -> str:
    return f"Illustration of {description}."


def room_kind(topic: str) -> str:
    return _pick(topic, ROOM_WORDS) or "treatment-room"


def body_kind(topic: str) -> str:
    return _pick(topic, BODY_WORDS) or "nerves"


def hero(brand: str, accent: str, seed: str) -> DemoImage:
    """A wide, people-free room for the home page: a waiting room or a treatment room."""
    kind = random.Random(f"hero/{seed}").choice(["waiting-room", "treatment-room"])
    return room(kind, brand, accent, seed, HERO_WIDTH)


def room(kind: str, brand: str, accent: str, seed: str, width: int = LISTING_WIDTH) -> DemoImage:
    def draw() -> DemoImage:
        image, focal_point, description = draw_room(kind, brand, accent, seed, width)
        return DemoImage(encode_jpeg(image), _sentence(description), focal_point)

    return _cached("room", (kind, brand, accent, seed, width), draw)


def condition(brand: str, accent: str, seed: str, kind: str) -> DemoImage:
    """A simple diagram of what a condition affects (spine, nerves, head, joints)."""

    def draw() -> DemoImage:
        image, focal_point, description = draw_motif(kind, brand, accent, seed, LISTING_WIDTH)
        return DemoImage(encode_jpeg(image), _sentence(description), focal_point)

    return _cached("condition", (kind, brand, accent, seed), draw)


def listing(brand: str, accent: str, seed: str, topic: str) -> DemoImage:
    """A card and header picture for a treatment or article: the room it happens in, or, for a
    topic about a part of the body (arthritis, migraine), a diagram of it."""
    room_match = _pick(topic, ROOM_WORDS)
    if room_match is None and _pick(topic, BODY_WORDS):
        return condition(brand, accent, seed, body_kind(topic))
    return room(room_match or "waiting-room", brand, accent, seed)


def portrait(name: str, brand: str, accent: str, seed: str) -> DemoImage:
    """A drawn head-and-shoulders figure in a white coat: an illustration, never a photo."""

    def draw() -> DemoImage:
        image, focal_point, _glasses = draw_portrait(brand, accent, seed, PORTRAIT_WIDTH)
        alt_text = f"Illustration of {name} in a white coat with a stethoscope (not a photo)"
        return DemoImage(encode_jpeg(image, quality=84), alt_text, focal_point)

    return _cached("portrait", (name, brand, accent, seed), draw)


# --------------------------------------------------------------------- the logo


@cache
def _font_path() -> str | None:
    return next((path for path in FONT_PATHS if Path(path).exists()), None)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def logo(name: str, brand: str, accent: str) -> DemoImage:
    """A 3:1 wordmark: the practice name in white on the brand colour, with an accent bar."""
    width, height = 900, 300
    image = Image.new("RGB", (width, height), rgb(brand))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 24, width, height), fill=rgb(accent))
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
    return DemoImage(encode_png(image), f"{name} logo", (width // 2, height // 2, width, height))
