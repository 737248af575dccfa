"""Flat, people-free illustrations of clinic rooms in a clinic's brand colours.

Each scene is drawn on a 1600 x 900 grid (the floor line at y = 640) and returns its canvas with
the subject's box, which becomes the image's focal point. A seed picks the variations (which
wall the window is on, plants, pictures), so every clinic's rooms differ but never change.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from clinic_pages.demo.illustrations import RGB, WHITE, Canvas, Focus, mix, rgb, shade, tint

W, H, FLOOR = 1600, 900, 640
METAL: RGB = (168, 176, 188)
WOOD: RGB = (201, 158, 112)
LEAF: RGB = (72, 140, 96)


@dataclass(frozen=True)
class Palette:
    brand: RGB
    accent: RGB

    @classmethod
    def of(cls, brand: str, accent: str) -> Palette:
        return cls(rgb(brand), rgb(accent))

    @property
    def wall(self) -> RGB:
        return tint(mix(self.brand, (246, 238, 226), 0.55), 0.78)

    @property
    def floor(self) -> RGB:
        return mix((222, 196, 162), self.brand, 0.06)


# --------------------------------------------------------------------- the room


def shell(c: Canvas, p: Palette, rng: random.Random) -> None:
    """Wall, floor, skirting, a window with daylight falling across the floor."""
    c.gradient((0, 0, W, FLOOR), tint(p.wall, 0.35), p.wall)
    c.gradient((0, FLOOR, W, H), p.floor, shade(p.floor, 0.12))
    for x in range(-200, W + 200, 160):  # floor boards, in perspective
        c.line([(W / 2 + (x - W / 2) * 0.55, FLOOR), (x, H)], shade(p.floor, 0.06), 2)
    c.rect((0, FLOOR - 14, W, FLOOR), tint(p.wall, 0.6))
    # The window, with sky and a soft beam of light on the floor.
    x0, y0, x1, y1 = 120, 110, 520, 500
    c.soft("polygon", [(x0, y1), (x1, y1), (x1 + 420, H), (x0 + 180, H)], (255, 250, 228), 100, 30)
    c.rect((x0 - 18, y0 - 18, x1 + 18, y1 + 18), tint(p.wall, 0.7), radius=6)
    c.gradient((x0, y0, x1, y1), (186, 218, 240), (232, 242, 248))
    c.draw.chord(c.box(x0, y1 - 130, x0 + 250, y1 + 130), 180, 360, (170, 206, 176))  # trees
    c.draw.chord(c.box(x0 + 170, y1 - 90, x1, y1 + 90), 180, 360, (150, 192, 160))
    c.rect(((x0 + x1) / 2 - 6, y0, (x0 + x1) / 2 + 6, y1), WHITE)
    c.rect((x0, (y0 + y1) / 2 - 6, x1, (y0 + y1) / 2 + 6), WHITE)
    c.rect((x0 - 30, y1 + 10, x1 + 30, y1 + 28), WHITE, radius=4)  # sill
    c.polygon([(x0, y0), (x0 + 90, y0), (x0 + 20, y1), (x0, y1)], (255, 255, 255, 60))  # glare


def plant(c: Canvas, x: float, p: Palette, rng: random.Random, height: float = 200) -> None:
    base = FLOOR + 90
    c.shadow(x, base + 4, 70, 14)
    c.polygon(
        [(x - 55, base - 110), (x + 55, base - 110), (x + 42, base), (x - 42, base)], p.accent
    )
    c.rect((x - 60, base - 122, x + 60, base - 104), shade(p.accent, 0.15), radius=4)
    for _ in range(9):
        angle = -90 + rng.uniform(-70, 70)
        colour = mix(LEAF, (120, 180, 110), rng.random() * 0.6)
        length = height * rng.uniform(0.6, 1.0)
        c.leaf(x + rng.uniform(-10, 10), base - 115, angle, length, 46, colour)


def wall_art(c: Canvas, box: tuple[float, float, float, float], p: Palette, rng: random.Random):
    x0, y0, x1, y1 = box
    c.rect((x0 - 10, y0 - 10, x1 + 10, y1 + 10), shade(WOOD, 0.2))
    c.rect(box, tint(p.accent, 0.85))
    c.gradient((x0, y0 + (y1 - y0) * 0.62, x1, y1), tint(p.brand, 0.45), tint(p.brand, 0.2))
    r = (x1 - x0) * rng.uniform(0.12, 0.2)
    c.circle(
        x0 + (x1 - x0) * rng.uniform(0.25, 0.75), y0 + (y1 - y0) * 0.35, r, tint(p.accent, 0.2)
    )


def pendant(c: Canvas, x: float, colour: RGB) -> None:
    c.line([(x, 0), (x, 120)], (90, 90, 96), 3)
    c.soft("ellipse", (x - 120, 120, x + 120, 260), (255, 244, 210), 60, 30)
    c.polygon([(x - 60, 170), (x - 26, 116), (x + 26, 116), (x + 60, 170)], colour)


# --------------------------------------------------------------------- furniture


def recliner(c: Canvas, x: float, p: Palette) -> Focus:
    """A treatment recliner, its back to the left, the foot rest out to the right."""
    y = FLOOR + 100
    body, dark = p.brand, shade(p.brand, 0.25)
    c.shadow(x + 170, y + 8, 260, 22, 90)
    c.rect((x + 70, y - 40, x + 290, y - 12), (70, 74, 84), radius=10)  # base
    c.rect((x + 150, y - 100, x + 200, y - 30), (90, 94, 104))
    c.polygon([(x - 30, y - 340), (x + 50, y - 356), (x + 110, y - 120), (x + 30, y - 100)], body)
    c.circle(x + 10, y - 340, 42, body)
    c.rect((x - 12, y - 352, x + 56, y - 300), tint(body, 0.35), radius=24)  # head cushion
    c.rect((x + 20, y - 150, x + 330, y - 90), body, radius=30)  # seat
    c.polygon([(x + 300, y - 150), (x + 470, y - 130), (x + 470, y - 80), (x + 300, y - 90)], body)
    c.rect((x + 440, y - 138, x + 490, y - 78), body, radius=22)  # foot rest
    c.rect((x + 60, y - 205, x + 290, y - 170), dark, radius=18)  # arm rest
    c.rect((x + 230, y - 180, x + 270, y - 110), dark, radius=10)
    c.rect((x + 60, y - 145, x + 320, y - 128), tint(body, 0.25), radius=8)  # seam highlight
    return Focus(x - 60, y - 420, x + 500, y + 20)


def iv_stand(c: Canvas, x: float, p: Palette, tube_to: tuple[float, float]) -> None:
    y = FLOOR + 110
    c.shadow(x, y + 4, 70, 10, 80)
    for dx in (-56, -28, 28, 56):
        c.line([(x, y - 16), (x + dx, y)], (120, 126, 136), 6)
        c.circle(x + dx, y + 2, 7, (60, 62, 70))
    c.line([(x, y - 16), (x, 180)], METAL, 10)
    c.line([(x - 46, 190), (x + 46, 190)], METAL, 8)
    for hx in (x - 40, x + 40):
        c.arc((hx - 10, 186, hx + 10, 206), 0, 180, METAL, 4)
    c.rect(
        (x - 72, 206, x - 12, 300),
        (236, 246, 252, 230),
        radius=14,
        outline=(180, 200, 214),
        width=3,
    )
    c.rect((x - 68, 250, x - 16, 296), (196, 226, 244, 230), radius=10)
    c.rect((x - 48, 300, x - 36, 330), (214, 228, 238))
    tx, ty = tube_to
    pts = [(x - 42, 330)]
    for i in range(1, 21):  # a gently sagging tube
        t = i / 20
        pts.append((x - 42 + (tx - x + 42) * t, 330 + (ty - 330) * t + 120 * t * (1 - t) * 2))
    c.line(pts, (206, 220, 232), 4)


def side_table(c: Canvas, x: float, p: Palette) -> None:
    y = FLOOR + 70
    c.shadow(x, y + 6, 80, 12)
    c.rect((x - 8, y - 130, x + 8, y), shade(WOOD, 0.3))
    c.rect((x - 50, y - 6, x + 50, y + 4), shade(WOOD, 0.3), radius=4)
    c.ellipse((x - 80, y - 148, x + 80, y - 122), WOOD)
    c.rect((x - 20, y - 196, x + 6, y - 140), (220, 236, 246, 220), radius=4)  # a glass of water
    c.rect((x + 20, y - 162, x + 60, y - 140), tint(p.accent, 0.3), radius=4)  # a folded towel


def reception_desk(c: Canvas, x0: float, x1: float, p: Palette) -> Focus:
    y = FLOOR + 60
    c.shadow((x0 + x1) / 2, y + 8, (x1 - x0) / 2 + 40, 24, 90)
    c.rect((x0, y - 250, x1, y), p.brand, radius=8)
    c.rect((x0 - 20, y - 270, x1 + 20, y - 244), WOOD, radius=6)
    for i in range(1, 4):
        xs = x0 + (x1 - x0) * i / 4
        c.line([(xs, y - 230), (xs, y - 20)], shade(p.brand, 0.15), 4)
    c.rect((x0 + 30, y - 120, x1 - 30, y - 100), p.accent, radius=8)  # a band in the accent colour
    # A monitor and a small vase behind the counter.
    c.rect((x0 + 80, y - 380, x0 + 240, y - 290), (46, 50, 60), radius=8)
    c.rect((x0 + 150, y - 292, x0 + 170, y - 270), (70, 74, 84))
    c.rect((x1 - 140, y - 330, x1 - 100, y - 270), tint(p.accent, 0.4), radius=10)
    c.leaf(x1 - 120, y - 330, -110, 70, 22, LEAF)
    c.leaf(x1 - 120, y - 330, -60, 60, 20, mix(LEAF, WHITE, 0.2))
    return Focus(x0 - 40, y - 400, x1 + 40, y + 30)


def waiting_chair(c: Canvas, x: float, colour: RGB) -> None:
    y = FLOOR + 120
    c.shadow(x + 60, y + 4, 80, 12)
    c.line([(x + 10, y - 60), (x, y)], (70, 74, 84), 6)
    c.line([(x + 110, y - 60), (x + 120, y)], (70, 74, 84), 6)
    c.rect((x - 6, y - 190, x + 126, y - 110), colour, radius=26)  # back
    c.rect((x - 14, y - 90, x + 134, y - 52), shade(colour, 0.12), radius=18)  # seat
    c.rect((x - 4, y - 120, x + 124, y - 80), colour, radius=16)


def clock(c: Canvas, x: float, y: float, p: Palette) -> None:
    c.circle(x, y, 46, WHITE, outline=shade(p.brand, 0.2), width=6)
    c.line([(x, y), (x, y - 30)], (50, 54, 64), 5)
    c.line([(x, y), (x + 22, y + 8)], (50, 54, 64), 5)


def exam_table(c: Canvas, x: float, p: Palette) -> Focus:
    y = FLOOR + 100
    c.shadow(x + 220, y + 6, 270, 20, 90)
    c.rect((x + 40, y - 170, x + 400, y), tint(p.brand, 0.75), radius=10)  # cabinet base
    for dx in (60, 180, 300):
        c.rect((x + dx, y - 150, x + dx + 90, y - 20), tint(p.brand, 0.85), radius=6)
        c.rect((x + dx + 30, y - 90, x + dx + 60, y - 80), METAL, radius=4)
    c.rect((x, y - 220, x + 450, y - 168), p.brand, radius=22)  # padded top
    c.polygon(
        [(x - 10, y - 210), (x + 40, y - 330), (x + 110, y - 320), (x + 70, y - 190)], p.brand
    )
    c.rect((x + 120, y - 230, x + 430, y - 214), (246, 248, 250), radius=6)  # paper roll
    c.circle(x + 440, y - 222, 16, (236, 240, 244))
    return Focus(x - 40, y - 360, x + 480, y + 20)


def cabinet(c: Canvas, x: float, p: Palette) -> None:
    c.rect((x, 150, x + 300, 320), tint(p.brand, 0.82), radius=8)
    c.line([(x + 150, 160), (x + 150, 310)], tint(p.brand, 0.6), 3)
    for hx in (x + 130, x + 170):
        c.rect((hx - 4, 220, hx + 4, 260), METAL, radius=3)
    c.rect((x - 20, FLOOR - 180, x + 320, FLOOR - 160), WOOD, radius=4)  # counter
    c.rect((x, FLOOR - 160, x + 300, FLOOR + 40), tint(p.brand, 0.82), radius=6)
    c.rect((x + 40, FLOOR - 240, x + 100, FLOOR - 180), (232, 240, 246), radius=6)  # supplies
    c.rect((x + 120, FLOOR - 226, x + 170, FLOOR - 180), tint(p.accent, 0.5), radius=6)


def device_cart(c: Canvas, x: float, p: Palette) -> None:
    y = FLOOR + 110
    c.shadow(x + 80, y + 4, 110, 12)
    for dx in (10, 150):
        c.circle(x + dx, y - 6, 10, (60, 62, 70))
    c.rect((x, y - 250, x + 160, y - 20), (226, 230, 236), radius=10)
    c.rect((x + 12, y - 330, x + 148, y - 250), (60, 66, 78), radius=10)  # the device
    c.rect((x + 24, y - 318, x + 104, y - 272), tint(p.accent, 0.55), radius=6)  # its screen
    for i in range(3):
        c.circle(x + 126, y - 312 + i * 20, 6, tint(p.brand, 0.4))
    for i, colour in enumerate(((226, 86, 86), (70, 110, 200))):  # electrode leads
        pts = [(x + 40 + i * 40, y - 250), (x + 70 + i * 40, y - 180), (x + 60 + i * 50, y - 140)]
        c.line(pts, colour, 4)
        c.rect((pts[-1][0] - 14, y - 140, pts[-1][0] + 14, y - 112), (246, 246, 248), radius=5)


def exercise_ball(c: Canvas, x: float, p: Palette) -> Focus:
    y, r = FLOOR + 140, 120
    c.shadow(x, y + 4, r, 18, 90)
    c.circle(x, y - r, r, p.accent)
    c.arc((x - r + 24, y - 2 * r + 24, x + r - 24, y - 24), 200, 280, tint(p.accent, 0.5), 14)
    return Focus(x - r, y - 2 * r, x + r, y)


def wall_bars(c: Canvas, x: float) -> None:
    for rx in (x, x + 180):
        c.rect((rx, 100, rx + 18, FLOOR - 6), WOOD, radius=6)
    for y in range(140, FLOOR - 20, 60):
        c.rect((x + 10, y, x + 178, y + 12), shade(WOOD, 0.1), radius=5)


def floor_mat(c: Canvas, x: float, p: Palette) -> None:
    y = FLOOR + 100
    c.polygon([(x, y), (x + 420, y), (x + 470, y + 90), (x - 30, y + 90)], tint(p.brand, 0.35))
    c.circle(x + 540, y + 50, 40, shade(p.brand, 0.05))  # a rolled mat
    c.circle(x + 540, y + 50, 18, tint(p.brand, 0.3))


# --------------------------------------------------------------------- scenes

Scene = Callable[[Canvas, Palette, random.Random], Focus]


def treatment_room(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """An infusion room: a recliner by the window, an IV stand, a side table and a plant."""
    shell(c, p, rng)
    wall_art(c, (1180, 170, 1420, 350), p, rng)
    focus = recliner(c, 760, p)
    iv_stand(c, 690, p, (840, 600))
    side_table(c, 1300, p)
    plant(c, 1490, p, rng)
    return Focus(focus.left - 120, focus.top - 180, focus.right, focus.bottom)


def waiting_room(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A reception desk, a row of chairs, a clock, pendant lights and a plant."""
    shell(c, p, rng)
    pendant(c, 700, p.accent)
    pendant(c, 940, p.accent)
    clock(c, 1360, 230, p)
    focus = reception_desk(c, 560, 1060, p)
    for i in range(3):
        waiting_chair(c, 1140 + i * 150, tint(p.accent, 0.12 * i))
    plant(c, 440, p, rng, 240)
    return focus


def exam_room(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A procedure room: a padded exam table, wall cabinets and a counter."""
    shell(c, p, rng)
    cabinet(c, 1200, p)
    focus = exam_table(c, 640, p)
    plant(c, 560, p, rng, 160)
    return focus


def device_room(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A therapy room with a treatment table and a device on a cart beside it."""
    shell(c, p, rng)
    wall_art(c, (1260, 170, 1460, 330), p, rng)
    focus = exam_table(c, 620, p)
    device_cart(c, 1140, p)
    return Focus(focus.left, focus.top, 1320, focus.bottom)


def therapy_room(c: Canvas, p: Palette, rng: random.Random) -> Focus:
    """A physical therapy room: wall bars, an exercise ball and mats."""
    shell(c, p, rng)
    wall_bars(c, 1260)
    floor_mat(c, 640, p)
    ball = exercise_ball(c, 900, p)
    plant(c, 560, p, rng, 180)
    return Focus(ball.left - 260, 100, 1480, ball.bottom + 100)


SCENES: dict[str, tuple[Scene, str]] = {
    "treatment-room": (treatment_room, "a calm treatment room with a recliner and an IV stand"),
    "waiting-room": (waiting_room, "a bright waiting room with a reception desk and chairs"),
    "exam-room": (exam_room, "a procedure room with an exam table and cabinets"),
    "device-room": (device_room, "a therapy room with a treatment table and a stimulation device"),
    "therapy-room": (therapy_room, "a physical therapy room with wall bars and an exercise ball"),
}


def draw_room(kind: str, brand: str, accent: str, seed: str, out_width: int):
    """The scene ``kind`` as (image, focal point, description)."""
    scene, description = SCENES[kind]
    rng = random.Random(f"{kind}/{seed}")
    canvas = Canvas(W, H, out_width)
    focus = scene(canvas, Palette.of(brand, accent), rng)
    mirror = rng.random() < 0.5
    return canvas.finish(mirror), canvas.focal_point(focus, mirror), description
