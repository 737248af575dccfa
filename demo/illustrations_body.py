"""Simple, stylised illustrations of what a condition affects: a spine, nerves, a head, joints.

Diagrams for a card or a page header, not anatomy: a soft disc in the clinic's colours behind
the subject, and a warm glow where the condition is felt. Drawn on the rooms' 1600 x 900 grid.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from clinic_pages.demo.illustrations import RGB, WHITE, Canvas, Focus, shade, tint
from clinic_pages.demo.illustrations_rooms import H, Palette, W

GLOW: RGB = (236, 96, 72)
BONE: RGB = (250, 246, 236)


def _backdrop(c: Canvas, p: Palette, rng: random.Random) -> None:
    c.gradient((0, 0, W, H), tint(p.brand, 0.9), tint(p.accent, 0.82))
    c.circle(W / 2, H / 2, 390, tint(p.brand, 0.72))
    for _ in range(14):  # a few quiet dots around the disc
        angle = rng.uniform(0, 2 * math.pi)
        radius = rng.uniform(440, 700)
        x, y = W / 2 + math.cos(angle) * radius, H / 2 + math.sin(angle) * radius * 0.6
        c.circle(x, y, rng.uniform(6, 16), (*WHITE, 150))


def _glow(c: Canvas, x: float, y: float, r: float) -> None:
    c.soft("ellipse", (x - r, y - r, x + r, y + r), GLOW, 150, r * 0.35)
    c.circle(x, y, r * 0.18, tint(GLOW, 0.2))


def spine(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A gently curved column of vertebrae with discs, the lower back glowing."""
    _backdrop(c, p, rng)
    count, top, bottom = 12, 90, 820
    step = (bottom - top) / count
    outline = shade(p.brand, 0.2)
    for i in range(count):
        y = top + i * step
        x = W / 2 + math.sin(i / count * math.pi * 1.6 - 0.4) * 30
        half = 64 + i * 6
        c.rect((x - half - 40, y + 14, x + half + 40, y + step * 0.45), BONE, radius=14)  # wings
        c.rect(
            (x - half, y + 4, x + half, y + step - 12), BONE, radius=18, outline=outline, width=3
        )
        if i < count - 1:
            c.rect((x - half + 8, y + step - 14, x + half - 8, y + step + 2), p.accent, radius=8)
    lumbar = top + step * (count - 2.5)
    _glow(c, W / 2 + math.sin((count - 2.5) / count * math.pi * 1.6 - 0.4) * 30, lumbar, 150)
    return Focus(W / 2 - 260, top, W / 2 + 260, bottom)


def _branch(c: Canvas, x, y, angle, length, width, depth, rng, colour, tips) -> None:
    a = math.radians(angle)
    end = (x + math.cos(a) * length, y + math.sin(a) * length)
    bend = (x + math.cos(a + 0.3) * length / 2, y + math.sin(a + 0.3) * length / 2)
    c.line([(x, y), bend, end], colour, width)
    if depth == 0:
        tips.append(end)
        return
    for turn in (-1, 1):
        new_angle = angle + turn * rng.uniform(18, 34)
        new_length = length * rng.uniform(0.62, 0.78)
        _branch(c, *end, new_angle, new_length, width * 0.7, depth - 1, rng, colour, tips)


def nerves(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A nerve trunk branching into fine paths, a few endings lit up."""
    _backdrop(c, p, rng)
    colour = shade(p.brand, 0.15)
    tips: list[tuple[float, float]] = []
    c.line([(W / 2, 40), (W / 2 - 10, 200), (W / 2, 300)], colour, 22)
    for angle in (20, 65, 115, 160):
        _branch(c, W / 2, 300, angle, 170, 14, 3, rng, colour, tips)
    for x, y in tips:
        c.circle(x, y, 9, tint(p.accent, 0.1))
    for x, y in rng.sample(tips, 4):
        _glow(c, x, y, 70)
    xs, ys = [t[0] for t in tips], [t[1] for t in tips]
    return Focus(max(min(xs), 0), 60, min(max(xs), W), min(max(ys), H))


def head(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A head and shoulders outline with pulsing arcs at one temple."""
    _backdrop(c, p, rng)
    body = shade(p.brand, 0.1)
    c.ellipse((W / 2 - 280, 640, W / 2 + 280, 1100), body)
    c.rect((W / 2 - 60, 500, W / 2 + 60, 680), body, radius=30)
    c.ellipse((W / 2 - 160, 170, W / 2 + 160, 570), body)
    tx, ty = W / 2 + 120, 300
    _glow(c, tx, ty, 120)
    for i, r in enumerate((150, 200, 250)):
        c.arc((tx - r, ty - r, tx + r, ty + r), -70, 20, (*tint(GLOW, 0.15 * i), 230), 12)
    return Focus(W / 2 - 280, 150, W / 2 + 420, 700)


def body_points(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A simple standing figure with tender points at the neck, shoulders, back and knees."""
    _backdrop(c, p, rng)
    figure = tint(p.brand, 0.2)
    cx = W / 2
    c.circle(cx, 160, 70, figure)
    c.rect((cx - 110, 250, cx + 110, 560), figure, radius=60)
    for side in (-1, 1):
        arm = [(cx + side * 100, 280), (cx + side * 170, 420), (cx + side * 190, 560)]
        c.line(arm, figure, 56)
        c.line([(cx + side * 55, 540), (cx + side * 70, 850)], figure, 70)
    for x, y in [(cx - 40, 240), (cx + 40, 240), (cx - 110, 300), (cx + 110, 300),
                 (cx - 60, 520), (cx + 60, 520), (cx - 66, 700), (cx + 66, 700)]:  # fmt: skip
        _glow(c, x, y, 46)
    return Focus(cx - 260, 80, cx + 260, 880)


def knee(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A knee joint: thigh bone, shin bone, kneecap and the cartilage between them."""
    _backdrop(c, p, rng)
    cx = W / 2
    outline = shade(p.brand, 0.2)
    c.rect((cx - 60, 60, cx + 60, 400), BONE, radius=40, outline=outline, width=3)
    c.circle(cx - 60, 420, 80, BONE, outline=outline, width=3)
    c.circle(cx + 60, 420, 80, BONE, outline=outline, width=3)
    c.rect((cx - 56, 380, cx + 56, 470), BONE)
    c.rect((cx - 140, 500, cx + 140, 530), p.accent, radius=14)  # cartilage
    c.rect((cx - 150, 540, cx + 150, 600), BONE, radius=24, outline=outline, width=3)
    c.rect((cx - 70, 590, cx + 70, 860), BONE, radius=40, outline=outline, width=3)
    c.rect((cx - 66, 580, cx + 66, 620), BONE)
    c.ellipse((cx + 120, 380, cx + 210, 500), BONE, outline=outline, width=3)  # kneecap
    _glow(c, cx, 515, 160)
    return Focus(cx - 260, 300, cx + 260, 720)


def feet(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """The soles of two feet with nerve paths to the toes, the toes glowing."""
    _backdrop(c, p, rng)
    nerve = shade(p.brand, 0.15)
    for side in (-1, 1):
        cx = W / 2 + side * 150
        c.ellipse((cx - 100, 260, cx + 100, 700), BONE, outline=shade(p.brand, 0.2), width=4)
        c.ellipse((cx - 82, 560, cx + 82, 800), BONE, outline=shade(p.brand, 0.2), width=4)
        c.rect((cx - 78, 600, cx + 78, 700), BONE)  # joins sole and heel without a seam
        toes = [(-62, 250, 32), (-18, 228, 28), (22, 232, 25), (56, 246, 22), (84, 272, 18)]
        for dx, y, r in toes:
            x = cx + side * dx
            c.circle(x, y, r, BONE, outline=shade(p.brand, 0.2), width=4)
            c.line([(cx, 740), (cx + side * dx * 0.3, 520), (x, y + r + 20)], nerve, 5)
        for dx, y, r in toes[:3]:
            _glow(c, cx + side * dx, y, r * 2.2)
    return Focus(W / 2 - 300, 190, W / 2 + 300, 810)


def torso(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A torso with one band of skin along a nerve highlighted, as shingles pain follows one."""
    _backdrop(c, p, rng)
    figure = tint(p.brand, 0.35)
    cx = W / 2
    c.circle(cx, 150, 80, figure)
    c.rect((cx - 40, 210, cx + 40, 280), figure)
    c.rect((cx - 210, 260, cx + 210, 900), figure, radius=90)
    band = [(cx, 430), (cx + 210, 380), (cx + 210, 470), (cx, 520)]
    c.soft("polygon", band, GLOW, 190, 14)
    c.line([(cx, 470), (cx + 100, 440), (cx + 200, 425)], tint(GLOW, 0.4), 5)
    return Focus(cx - 260, 60, cx + 260, 720)


def hand(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A forearm and hand, the hand glowing: regional pain in one limb."""
    _backdrop(c, p, rng)
    skin = BONE
    c.line([(W / 2 - 330, 820), (W / 2 - 40, 520)], skin, 150)  # the forearm
    cx, cy = W / 2 + 40, 430
    c.circle(cx, cy, 120, skin)  # the palm
    for angle, length in ((-150, 150), (-115, 190), (-90, 200), (-65, 185), (-35, 150)):
        a = math.radians(angle)
        start = (cx + math.cos(a) * 90, cy + math.sin(a) * 90)
        end = (cx + math.cos(a) * (90 + length), cy + math.sin(a) * (90 + length))
        c.line([start, end], skin, 52)
    _glow(c, cx, cy - 20, 150)
    return Focus(W / 2 - 360, 80, W / 2 + 360, 860)


Motif = Callable[[Canvas, Palette, random.Random], Focus]
MOTIFS: dict[str, tuple[Motif, str]] = {
    "spine": (spine, "a stylised spine, the lower back highlighted"),
    "nerves": (nerves, "branching nerve paths with some endings highlighted"),
    "head": (head, "the outline of a head with pulsing arcs at one temple"),
    "body": (body_points, "a simple standing figure with tender points highlighted"),
    "knee": (knee, "a stylised knee joint with the cartilage highlighted"),
    "feet": (feet, "the soles of two feet with nerve paths, the toes highlighted"),
    "torso": (torso, "a torso with one band of skin along a nerve highlighted"),
    "hand": (hand, "a forearm and hand, the hand highlighted"),
}


def draw_motif(kind: str, brand: str, accent: str, seed: str, out_width: int):
    """The motif ``kind`` as (image, focal point, description)."""
    motif, description = MOTIFS[kind]
    canvas = Canvas(W, H, out_width)
    focus = motif(canvas, Palette.of(brand, accent), random.Random(f"{kind}/{seed}"))
    return canvas.finish(), canvas.focal_point(focus), description
