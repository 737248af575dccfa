"""Illustrated physician portraits: a flat head-and-shoulders figure in a white coat.

Clearly a drawing, never a likeness: the demo's physicians are fictional or, for the one real
clinician, have no photo to use, and the alt text says "Illustration of ...". A seed varies skin
tone, hair, glasses and the shirt under the coat, so each physician looks like a different person.
"""

from __future__ import annotations

import random

from clinic_pages.demo.illustrations import RGB, Canvas, Focus, shade, tint
from clinic_pages.demo.illustrations_rooms import Palette

SIZE = 800
SKIN: list[RGB] = [
    (247, 214, 190),
    (236, 188, 150),
    (214, 160, 120),
    (184, 128, 92),
    (146, 96, 66),
    (108, 70, 48),
]
HAIR: list[RGB] = [(38, 30, 28), (74, 50, 36), (120, 80, 50), (150, 96, 60), (170, 170, 172)]
HAIR_STYLES = ("short", "side-part", "bob", "long", "bun", "curly")
SHIRTS: list[RGB] = [(96, 140, 190), (80, 150, 150), (120, 110, 170), (70, 90, 120)]
COAT: RGB = (250, 251, 252)
COAT_SHADE: RGB = (222, 228, 236)


def _hair_back(c: Canvas, style: str, colour: RGB) -> None:
    """Hair that falls behind the face and shoulders."""
    if style == "long":
        c.rect((258, 220, 542, 610), colour, radius=110)
    elif style == "bob":
        c.rect((262, 210, 538, 480), colour, radius=100)
    elif style == "bun":
        c.circle(400, 168, 62, colour)


def _hair_front(c: Canvas, style: str, colour: RGB, rng: random.Random) -> None:
    """The hair over the top of the head: a cap with a fringe or a parting."""
    if style == "curly":
        for i in range(11):
            angle_x = 284 + i * 23
            c.circle(angle_x, 236 + abs(i - 5) * 9 + rng.uniform(-6, 6), 38, colour)
        return
    c.draw.chord(c.box(270, 186, 530, 420), 180, 360, fill=colour)
    if style == "side-part":
        c.polygon([(300, 300), (330, 230), (470, 228), (520, 300), (420, 262)], colour)
    elif style in ("long", "bob"):
        c.polygon([(286, 330), (310, 240), (490, 240), (514, 330), (420, 270), (360, 290)], colour)
    else:
        c.polygon([(282, 318), (300, 250), (500, 250), (518, 318), (400, 278)], colour)


def _coat(c: Canvas, p: Palette, shirt: RGB) -> None:
    c.ellipse((90, 600, 710, 1120), COAT)  # shoulders
    c.polygon([(330, 600), (470, 600), (400, 760)], shirt)  # shirt in the V of the coat
    c.polygon([(400, 760), (350, 620), (366, 612)], tint(shirt, 0.25))  # collar edge
    c.polygon([(300, 610), (352, 606), (400, 780), (360, 800)], COAT_SHADE)  # left lapel
    c.polygon([(500, 610), (448, 606), (400, 780), (440, 800)], COAT_SHADE)
    c.line([(400, 780), (400, 800)], COAT_SHADE, 4)
    c.rect((220, 730, 320, 744), COAT_SHADE, radius=4)  # breast pocket with a pen
    c.rect((244, 700, 254, 740), p.brand, radius=3)


def _stethoscope(c: Canvas) -> None:
    tube, metal = (52, 56, 66), (180, 188, 198)
    left = [(344, 600), (318, 660), (322, 720), (346, 766), (390, 782), (424, 760)]
    right = [(456, 600), (478, 650), (474, 700), (452, 716)]
    c.line(left, tube, 12)
    c.line(right, tube, 12)
    c.circle(450, 740, 30, metal, outline=tube, width=8)  # chest piece
    c.circle(450, 740, 12, tint(metal, 0.5))


def _face(c: Canvas, skin: RGB, hair: RGB, glasses: bool) -> None:
    feature = shade(skin, 0.7)
    c.circle(272, 360, 26, shade(skin, 0.06))  # ears
    c.circle(528, 360, 26, shade(skin, 0.06))
    c.ellipse((276, 214, 524, 500), skin)
    for x in (350, 450):
        c.ellipse((x - 11, 344, x + 11, 368), feature)  # eyes
        c.line([(x - 24, 322), (x + 22, 318)], shade(hair, 0.1), 7)  # brows
    c.arc((366, 388, 434, 444), 25, 155, feature, 6)  # a smile
    c.line([(400, 372), (392, 404), (404, 406)], shade(skin, 0.25), 4)
    c.ellipse((306, 392, 346, 420), (*tint((230, 120, 110), 0.3), 60))  # cheeks
    c.ellipse((454, 392, 494, 420), (*tint((230, 120, 110), 0.3), 60))
    if glasses:
        frame = (46, 50, 60)
        for x in (350, 450):
            c.rect((x - 38, 330, x + 38, 382), None, radius=16, outline=frame, width=6)
        c.line([(388, 348), (412, 348)], frame, 5)


def draw_portrait(brand: str, accent: str, seed: str, out_width: int):
    """A portrait for ``seed`` as (image, focal point, features in words)."""
    rng = random.Random(f"portrait/{seed}")
    p = Palette.of(brand, accent)
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    style, shirt, glasses = rng.choice(HAIR_STYLES), rng.choice(SHIRTS), rng.random() < 0.4
    c = Canvas(SIZE, SIZE, out_width, background=tint(p.brand, 0.86))
    c.circle(400, 430, 330, tint(p.accent, 0.7))
    c.soft("ellipse", (140, 620, 660, 860), shade(p.brand, 0.3), 60, 40)
    _hair_back(c, style, hair)
    c.rect((352, 440, 448, 640), shade(skin, 0.1), radius=30)  # neck
    _coat(c, p, shirt)
    _stethoscope(c)
    _face(c, skin, hair, glasses)
    _hair_front(c, style, hair, rng)
    focus = Focus(240, 150, 560, 560)
    return c.finish(), c.focal_point(focus), glasses
