#!/usr/bin/env python3
"""Draws the pictures of the starter course "Literasi Digital" (our own code, no third-party art).

What it is: a small scanline rasteriser (rectangles, rounded rectangles, ellipses, rings, thick
lines, polygons, arcs, antialiased by 4x4 supersampling) plus one drawing function per picture.
It uses the Python 3 standard library only (zlib, struct, math, re) and writes 640x400 RGB PNG
files. The pictures hold no text, letters or digits, so they serve Indonesian and English alike.

How to run it, from the repository root:

    python3 scripts/draw_lesson_art.py [OUTDIR] [NAME.png ...]

OUTDIR defaults to assets/lessons/literasi-digital/images/ next to this script's repository;
naming pictures draws only those. The PNG files in that folder are this script's output: change
the drawings here and run it again rather than editing the images. The output is deterministic
(no timestamps, no randomness), so an unchanged script gives byte-identical files.

How it works: every shape is a function from a row's y to the x-spans it covers on that row. The
canvas keeps one palette index per supersampled pixel, in a bytearray per row, and paints spans
with slice assignment. Downsampling finds, per output row, the pixels whose 4x4 block is not one
colour (with big-integer XORs, so flat areas cost almost nothing) and averages only those.
"""

import math
import os
import re
import struct
import sys
import time
import zlib
from contextlib import contextmanager

W, H = 640, 400      # output size in pixels
SS = 4               # supersampling factor per axis (4x4 samples per output pixel)

# --------------------------------------------------------------------------------------------
# Span lists: sorted, non-overlapping [(xa, xb), ...] in picture coordinates.


def _union(a, b):
    if not a:
        return b
    if not b:
        return a
    out = []
    for xa, xb in sorted(a + b):
        if out and xa <= out[-1][1]:
            if xb > out[-1][1]:
                out[-1] = (out[-1][0], xb)
        else:
            out.append((xa, xb))
    return out


def _intersect(a, b):
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _subtract(a, b):
    out = []
    for xa, xb in a:
        for ya, yb in b:
            if yb <= xa or ya >= xb:
                continue
            if ya > xa:
                out.append((xa, ya))
            xa = max(xa, yb)
            if xa >= xb:
                break
        if xa < xb:
            out.append((xa, xb))
    return out


# --------------------------------------------------------------------------------------------
# Shapes. A shape covers rows y0 <= y < y1; spans(y) gives its spans on the row at height y.


class Shape:
    __slots__ = ("y0", "y1", "spans")

    def __init__(self, y0, y1, spans):
        self.y0, self.y1, self.spans = y0, y1, spans

    def has(self, y):
        return self.y0 <= y < self.y1


def rect(x0, y0, x1, y1):
    return Shape(y0, y1, lambda y: [(x0, x1)])


def rrect(x0, y0, x1, y1, r):
    """Rounded rectangle; r is one radius or (top-left, top-right, bottom-right, bottom-left)."""
    lim = min(x1 - x0, y1 - y0) / 2
    tl, tr, br, bl = (min(v, lim) for v in (r if isinstance(r, (tuple, list)) else (r,) * 4))

    def inset(rad, dy):
        return rad - math.sqrt(max(0.0, rad * rad - dy * dy))

    def spans(y):
        xa, xb = x0, x1
        if y < y0 + tl:
            xa += inset(tl, y0 + tl - y)
        elif y > y1 - bl:
            xa += inset(bl, y - (y1 - bl))
        if y < y0 + tr:
            xb -= inset(tr, y0 + tr - y)
        elif y > y1 - br:
            xb -= inset(br, y - (y1 - br))
        return [(xa, xb)] if xa < xb else []
    return Shape(y0, y1, spans)


def ellipse(cx, cy, rx, ry):
    def spans(y):
        t = (y - cy) / ry
        if t * t >= 1:
            return []
        dx = rx * math.sqrt(1 - t * t)
        return [(cx - dx, cx + dx)]
    return Shape(cy - ry, cy + ry, spans)


def circle(cx, cy, r):
    return ellipse(cx, cy, r, r)


def polygon(points, evenodd=False):
    """Filled polygon; points is one list of (x, y) or a list of such contours (holes by the
    fill rule: nonzero winding by default, or even-odd)."""
    contours = points if isinstance(points[0][0], (tuple, list)) else [points]
    edges = []
    for c in contours:
        for i in range(len(c)):
            (ax, ay), (bx, by) = c[i], c[(i + 1) % len(c)]
            if ay == by:
                continue
            d = 1
            if ay > by:
                ax, ay, bx, by, d = bx, by, ax, ay, -1
            edges.append((ay, by, ax, (bx - ax) / (by - ay), d))
    ymin = min(e[0] for e in edges)
    ymax = max(e[1] for e in edges)
    band = 4.0                      # edges are bucketed in horizontal bands for speed
    nb = int((ymax - ymin) / band) + 1
    buckets = [[] for _ in range(nb)]
    for e in edges:
        for b in range(int((e[0] - ymin) / band), min(nb - 1, int((e[1] - ymin) / band)) + 1):
            buckets[b].append(e)

    def spans(y):
        b = int((y - ymin) / band)
        if b < 0 or b >= nb:
            return []
        xs = sorted((ex + (y - ey0) * slope, d)
                    for ey0, ey1, ex, slope, d in buckets[b] if ey0 <= y < ey1)
        out, wind, start = [], 0, 0.0
        for x, d in xs:
            was = (wind & 1) if evenodd else wind != 0
            wind += 1 if evenodd else d
            now = (wind & 1) if evenodd else wind != 0
            if now and not was:
                start = x
            elif was and not now and x > start:
                out.append((start, x))
        return _union([], out) if out else out
    return Shape(ymin, ymax, spans)


def union(*shapes):
    shapes = [s for s in shapes if s is not None]

    def spans(y):
        out = []
        for s in shapes:
            if s.y0 <= y < s.y1:
                out = _union(out, s.spans(y))
        return out
    return Shape(min(s.y0 for s in shapes), max(s.y1 for s in shapes), spans)


def diff(a, b):
    return Shape(a.y0, a.y1, lambda y: _subtract(a.spans(y), b.spans(y)) if b.has(y) else a.spans(y))


def intersect(a, b):
    return Shape(max(a.y0, b.y0), min(a.y1, b.y1), lambda y: _intersect(a.spans(y), b.spans(y)))


def ring(cx, cy, r, w):
    """Circle outline: outer radius r, thickness w (inwards)."""
    return diff(circle(cx, cy, r), circle(cx, cy, r - w))


def ellipse_ring(cx, cy, rx, ry, w):
    return diff(ellipse(cx, cy, rx, ry), ellipse(cx, cy, rx - w, ry - w))


def rrect_ring(x0, y0, x1, y1, r, w):
    """Rounded-rectangle outline: outer edge (x0, y0, x1, y1), thickness w (inwards)."""
    return diff(rrect(x0, y0, x1, y1, r), rrect(x0 + w, y0 + w, x1 - w, y1 - w, max(0, r - w)))


def line(x0, y0, x1, y1, w, round_caps=True):
    """Thick line of width w, with round caps (or square-cut ends)."""
    dx, dy = x1 - x0, y1 - y0
    n = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / n * w / 2, dx / n * w / 2
    body = polygon([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])
    if not round_caps:
        return body
    return union(body, circle(x0, y0, w / 2), circle(x1, y1, w / 2))


def stroke(points, w, closed=False):
    """Thick polyline with round joins and caps."""
    pts = list(points) + ([points[0]] if closed else [])
    parts = [line(a[0], a[1], b[0], b[1], w, round_caps=False) for a, b in zip(pts, pts[1:])]
    parts += [circle(x, y, w / 2) for x, y in pts]
    return union(*parts)


def arc_points(cx, cy, r, a0, a1, n=None):
    """Points on a circle from angle a0 to a1 (degrees, counter-clockwise, 0 = right, 90 = up)."""
    n = n or max(6, int(abs(a1 - a0) / 4))
    return [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy - r * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def arc(cx, cy, r, a0, a1, w, round_caps=True):
    """Thick arc: centre-line radius r, from angle a0 to a1 (degrees, counter-clockwise)."""
    pts = arc_points(cx, cy, r + w / 2, a0, a1) + arc_points(cx, cy, r - w / 2, a1, a0)
    body = polygon(pts)
    if not round_caps:
        return body
    (xa, ya), (xb, yb) = arc_points(cx, cy, r, a0, a1, 1)
    return union(body, circle(xa, ya, w / 2), circle(xb, yb, w / 2))


def cubic(p0, p1, p2, p3, n=16):
    """Points along a cubic Bezier curve."""
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
                    u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1]))
    return out


def smooth(points, n=10):
    """Closed Catmull-Rom curve through points (for blobs such as continents)."""
    out = []
    k = len(points)
    for i in range(k):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % k], points[(i + 2) % k]
        for j in range(n):
            t = j / n
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * (2 * p1[c] + (p2[c] - p0[c]) * t
                                    + (2 * p0[c] - 5 * p1[c] + 4 * p2[c] - p3[c]) * t2
                                    + (3 * p1[c] - p0[c] - 3 * p2[c] + p3[c]) * t3) for c in (0, 1)))
    return out


def rounded_polygon(points, r, steps=8):
    """Convex polygon grown by r with round corners (a triangle with soft corners, a roof)."""
    area = sum(points[i - 1][0] * p[1] - p[0] * points[i - 1][1] for i, p in enumerate(points))
    sign = 1 if area > 0 else -1
    out = []
    k = len(points)
    for i in range(k):
        (ax, ay), (bx, by), (cx_, cy_) = points[i - 1], points[i], points[(i + 1) % k]
        a_in = math.atan2(-(bx - ax) * sign, (by - ay) * sign)     # outward normal, edge in
        a_out = math.atan2(-(cx_ - bx) * sign, (cy_ - by) * sign)  # outward normal, edge out
        d = (a_out - a_in + math.pi) % (2 * math.pi) - math.pi
        for j in range(steps + 1):
            a = a_in + d * j / steps
            out.append((bx + r * math.cos(a), by + r * math.sin(a)))
    return polygon(out)


def rotate(points, cx, cy, deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def rrect_points(cx, cy, w, h, r, deg=0, n=6):
    """Outline of a rounded rectangle centred on (cx, cy), rotated by deg (clockwise on screen)."""
    x0, y0, x1, y1 = cx - w / 2 + r, cy - h / 2 + r, cx + w / 2 - r, cy + h / 2 - r
    pts = (arc_points(x1, y0, r, 0, 90, n) + arc_points(x0, y0, r, 90, 180, n)
           + arc_points(x0, y1, r, 180, 270, n) + arc_points(x1, y1, r, 270, 360, n))
    return rotate(pts, cx, cy, deg)


# --------------------------------------------------------------------------------------------
# Colours


def rgb(c):
    return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) if isinstance(c, str) else tuple(c)


def mix(c1, c2, t):
    """Colour between c1 (t = 0) and c2 (t = 1), as #rrggbb."""
    a, b = rgb(c1), rgb(c2)
    return "#%02x%02x%02x" % tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def darker(c, t=0.1):
    return mix(c, "#000000", t)


# --------------------------------------------------------------------------------------------
# Canvas


class Canvas:
    def __init__(self, background):
        self.palette = []
        self._index = {}
        self._fills = []
        self.color(background)                       # palette index 0: every row starts as it
        self.rows = [bytearray(W * SS) for _ in range(H * SS)]
        self.clip = None
        self.background = background

    def color(self, c):
        c = rgb(c)
        i = self._index.get(c)
        if i is None:
            i = len(self.palette)
            if i > 255:
                raise ValueError("more than 256 colours in one picture")
            self.palette.append(c)
            self._index[c] = i
            self._fills.append(memoryview(bytes([i]) * (W * SS)))
        return i

    def fill(self, shape, c):
        src = self._fills[self.color(c)]
        clip = self.clip
        wss = W * SS
        r0 = max(0, math.ceil(shape.y0 * SS - 0.5))
        r1 = min(H * SS, math.ceil(shape.y1 * SS - 0.5))
        for r in range(r0, r1):
            y = (r + 0.5) / SS                      # sample at the centre of the sub-row
            spans = shape.spans(y)
            if clip is not None:
                spans = _intersect(spans, clip.spans(y)) if clip.has(y) else []
            row = self.rows[r]
            for xa, xb in spans:
                a = max(0, math.ceil(xa * SS - 0.5))
                b = min(wss, math.ceil(xb * SS - 0.5))
                if a < b:
                    row[a:b] = src[a:b]

    @contextmanager
    def clipped(self, shape):
        """Everything filled inside the with-block is limited to shape."""
        old = self.clip
        self.clip = shape if old is None else intersect(old, shape)
        try:
            yield
        finally:
            self.clip = old

    def scanlines(self):
        """The picture downsampled to W x H, as PNG scanlines (filter byte 0 + RGB)."""
        pal = self.palette + [(0, 0, 0)] * (256 - len(self.palette))
        tr, tg, tb = (bytes(p[k] for p in pal) for k in range(3))
        pr, pg, pb = ([p[k] for p in pal] for k in range(3))
        n, nn = SS, SS * SS
        half = nn // 2
        edge = re.compile(rb"[^\x00]+")
        out = bytearray()
        for y in range(H):
            rows = self.rows[y * n:(y + 1) * n]
            first = rows[0]
            # sub-columns differing between the sub-rows of this output row
            a = int.from_bytes(first, "little")
            vert = 0
            for r in rows[1:]:
                vert |= a ^ int.from_bytes(r, "little")
            # the n sub-columns of each output pixel, from the first sub-row
            cols = [first[k::n] for k in range(n)]
            c0 = int.from_bytes(cols[0], "little")
            mixed = 0
            for k in range(1, n):
                mixed |= c0 ^ int.from_bytes(cols[k], "little")
            if vert:
                vb = vert.to_bytes(W * n, "little")
                for k in range(n):
                    mixed |= int.from_bytes(vb[k::n], "little")
            line_ = bytearray(W * 3)
            line_[0::3] = cols[0].translate(tr)     # flat pixels: the colour of the block
            line_[1::3] = cols[0].translate(tg)
            line_[2::3] = cols[0].translate(tb)
            if mixed:                               # edge pixels: average the n x n samples
                for m in edge.finditer(mixed.to_bytes(W, "little")):
                    for x in range(m.start(), m.end()):
                        sr = sg = sb = 0
                        for r in rows:
                            for i in r[x * n:x * n + n]:
                                sr += pr[i]
                                sg += pg[i]
                                sb += pb[i]
                        line_[3 * x] = (sr + half) // nn
                        line_[3 * x + 1] = (sg + half) // nn
                        line_[3 * x + 2] = (sb + half) // nn
            out.append(0)
            out += line_
        return bytes(out)

    def png(self):
        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
        return (b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(self.scanlines(), 9))
                + chunk(b"IEND", b""))


# --------------------------------------------------------------------------------------------
# Palette of the course

INK = "#2f3b45"        # phone bodies, outlines, dark marks
INK_SOFT = "#5c6b77"
WHITE = "#ffffff"
PAPER = "#fbfcfd"
BAR = "#c9d3db"        # "text" lines on paper, as grey bars
BAR_DARK = "#8b9ba8"
BLUE = "#1e88e5"
BLUE_DARK = "#1565c0"
BLUE_LIGHT = "#90caf9"
SKY = "#bbdefb"
GREEN = "#43a047"
GREEN_DARK = "#2e7d32"
GREEN_LIGHT = "#a5d6a7"
WA_GREEN = "#25d366"
RED = "#e53935"
RED_DARK = "#b71c1c"
ORANGE = "#fb8c00"
AMBER = "#ffb300"
GOLD = "#fbc02d"
GOLD_DARK = "#f57f17"
PURPLE = "#7e57c2"
TEAL = "#00897b"
BROWN = "#8d6e63"
BROWN_DARK = "#6d4c41"
STEEL = "#90a4ae"
STEEL_DARK = "#607d8b"
SKIN = ("#f3c99f", "#d59a64", "#a86b3c")

# soft background per lesson
BG_COVER = "#fff3df"
BG_INTERNET = "#e3f1fc"
BG_MESSAGES = "#e4f5ec"
BG_PASSWORD = "#eee8fa"
BG_HOAX = "#ffeedd"
BG_SERVICES = "#fdf5d3"
BG_PAYMENT = "#dff3f2"


# --------------------------------------------------------------------------------------------
# Building blocks (all sizes in output pixels)


def shadow(cv, cx, cy, rx, ry=None):
    """A soft flat ground shadow under an object."""
    cv.fill(ellipse(cx, cy, rx, ry or rx * 0.12), darker(cv.background, 0.07))


def bars(cv, x0, y0, widths, h=12, gap=12, color=BAR):
    """Lines of text as rounded grey bars, one per width."""
    y = y0
    for w in widths:
        cv.fill(rrect(x0, y, x0 + w, y + h, h / 2), color)
        y += h + gap


def phone(cv, cx, cy, h, screen=WHITE, body=INK, buttons=False, aspect=0.5):
    """A smartphone seen from the front; returns the screen's (x0, y0, x1, y1, radius)."""
    w = h * aspect
    x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
    if buttons:
        side = darker(body, 0.25)
        cv.fill(rrect(x1 - 6, y0 + h * 0.20, x1 + 7, y0 + h * 0.33, 4), side)   # power
        cv.fill(rrect(x0 - 7, y0 + h * 0.17, x0 + 6, y0 + h * 0.26, 4), side)   # volume up
        cv.fill(rrect(x0 - 7, y0 + h * 0.29, x0 + 6, y0 + h * 0.38, 4), side)   # volume down
    cv.fill(rrect(x0, y0, x1, y1, w * 0.16), body)
    m = w * 0.065
    scr = (x0 + m, y0 + h * 0.085, x1 - m, y1 - h * 0.065, w * 0.08)
    cv.fill(rrect(*scr), screen)
    cv.fill(circle(cx, y0 + h * 0.043, w * 0.035), "#7d8c98")                 # camera
    return scr


def screen_clip(scr):
    return rrect(*scr)


def laptop(cv, cx, cy, w, screen=SKY):
    h = w * 0.62
    x0, y0 = cx - w / 2, cy - h / 2
    cv.fill(rrect(x0, y0, x0 + w, y0 + h, w * 0.06), INK)
    cv.fill(rrect(x0 + w * 0.06, y0 + w * 0.06, x0 + w * 0.94, y0 + h - w * 0.04, w * 0.025), screen)
    by = y0 + h
    cv.fill(rrect(x0 - w * 0.12, by, x0 + w * 1.12, by + w * 0.09, (0, 0, w * 0.05, w * 0.05)), STEEL_DARK)
    cv.fill(rrect(cx - w * 0.13, by, cx + w * 0.13, by + w * 0.03, (0, 0, 4, 4)), INK_SOFT)
    return (x0 + w * 0.06, y0 + w * 0.06, x0 + w * 0.94, y0 + h - w * 0.04)


def house(cv, cx, base, w, wall="#ffcc80", roof="#d84315"):
    h = w * 0.55
    x0, x1 = cx - w / 2, cx + w / 2
    cv.fill(rect(x0 + w * 0.06, base - h, x1 - w * 0.06, base), wall)
    cv.fill(rounded_polygon([(x0 + 4, base - h + 2), (cx, base - h - w * 0.42),
                             (x1 - 4, base - h + 2)], 6), roof)
    cv.fill(rrect(cx - w * 0.11, base - h * 0.6, cx + w * 0.11, base, (6, 6, 0, 0)), BROWN_DARK)
    cv.fill(rrect(x0 + w * 0.15, base - h * 0.72, x0 + w * 0.32, base - h * 0.42, 3), SKY)
    cv.fill(rrect(x1 - w * 0.32, base - h * 0.72, x1 - w * 0.15, base - h * 0.42, 3), SKY)


CONTINENTS = (   # blobs in unit-circle coordinates (x right, y down)
    [(-0.62, -0.55), (-0.2, -0.72), (0.05, -0.45), (-0.15, -0.2), (-0.35, 0.05), (-0.6, -0.1),
     (-0.82, -0.3)],
    [(-0.3, 0.15), (-0.05, 0.2), (0.0, 0.5), (-0.2, 0.85), (-0.35, 0.55)],
    [(0.25, -0.35), (0.55, -0.6), (0.85, -0.3), (0.7, 0.0), (0.45, 0.05), (0.3, -0.1)],
    [(0.45, 0.35), (0.75, 0.3), (0.8, 0.55), (0.55, 0.65)],
)


def globe(cv, cx, cy, r, ocean="#42a5f5", land="#66bb6a", grid="#7cc2f8"):
    disc = circle(cx, cy, r)
    cv.fill(disc, ocean)
    with cv.clipped(disc):
        w = max(3, r * 0.045)
        for f in (0.45, 0.85):
            cv.fill(ellipse_ring(cx, cy, r * f, r, w), grid)
        cv.fill(rect(cx - w / 2, cy - r, cx + w / 2, cy + r), grid)
        for f in (-0.5, 0, 0.5):
            cv.fill(rect(cx - r, cy + f * r - w / 2, cx + r, cy + f * r + w / 2), grid)
        for blob in CONTINENTS:
            cv.fill(polygon(smooth([(cx + x * r, cy + y * r) for x, y in blob])), land)
    cv.fill(ring(cx, cy, r, max(3, r * 0.06)), "#1976d2")


def book(cv, cx, cy, w, cover=RED, page=WHITE):
    """An open book: two pages over a coloured cover, lines as bars."""
    h = w * 0.62
    cv.fill(rrect(cx - w / 2 - w * 0.04, cy - h / 2 + w * 0.06, cx + w / 2 + w * 0.04,
                  cy + h / 2 + w * 0.06, w * 0.04), cover)
    for side in (-1, 1):
        xo = cx + side * w / 2
        pts = [(cx, cy - h / 2 + w * 0.06), (cx, cy + h / 2 + w * 0.02)]
        pts += [(xo, cy + h / 2 - w * 0.02), (xo, cy - h / 2)]
        pts += [(cx + side * w * 0.25, cy - h / 2 - w * 0.04)]
        cv.fill(polygon(pts), page)
        for k in range(4):
            yy = cy - h / 2 + w * (0.12 + 0.1 * k)
            xa, xb = cx + side * w * 0.08, cx + side * w * 0.42
            cv.fill(line(min(xa, xb), yy, max(xa, xb), yy, max(3, w * 0.035)), BAR)
    cv.fill(rect(cx - w * 0.012, cy - h / 2 + w * 0.05, cx + w * 0.012, cy + h / 2 + w * 0.03),
            darker(page, 0.15))


def padlock(cv, cx, cy, s, body=AMBER, shackle=STEEL, hole=INK):
    """A closed padlock of width s centred on (cx, cy) (shackle included)."""
    bh = s * 0.78
    top = cy - bh / 2 + s * 0.22
    sw = s * 0.66
    t = s * 0.14
    cv.fill(rrect_ring(cx - sw / 2, top - s * 0.52, cx + sw / 2, top + s * 0.3, sw / 2, t), shackle)
    cv.fill(rrect(cx - s / 2, top, cx + s / 2, top + bh, s * 0.12), body)
    cv.fill(circle(cx, top + bh * 0.42, s * 0.09), hole)
    cv.fill(polygon([(cx - s * 0.045, top + bh * 0.45), (cx + s * 0.045, top + bh * 0.45),
                     (cx + s * 0.065, top + bh * 0.72), (cx - s * 0.065, top + bh * 0.72)]), hole)


def check(cv, cx, cy, s, color=WHITE, w=None):
    """A check mark about s wide centred on (cx, cy)."""
    pts = [(cx - 0.42 * s, cy + 0.02 * s), (cx - 0.12 * s, cy + 0.3 * s), (cx + 0.42 * s, cy - 0.28 * s)]
    cv.fill(stroke(pts, w or s * 0.16), color)


def check_badge(cv, cx, cy, r, color=GREEN, ring_color=WHITE):
    if ring_color:
        cv.fill(circle(cx, cy, r + r * 0.12), ring_color)
    cv.fill(circle(cx, cy, r), color)
    check(cv, cx, cy + r * 0.03, r * 1.1)


def cross(cv, cx, cy, s, color=RED, w=None, outline=WHITE):
    """An X of size s; with a white outline so it reads on any colour."""
    d = s / 2
    w = w or s * 0.18
    if outline:
        cv.fill(union(line(cx - d, cy - d, cx + d, cy + d, w + 12),
                      line(cx - d, cy + d, cx + d, cy - d, w + 12)), outline)
    cv.fill(union(line(cx - d, cy - d, cx + d, cy + d, w),
                  line(cx - d, cy + d, cx + d, cy - d, w)), color)


def shield_points(cx, cy, w, h):
    x0, x1, y0, y1 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
    r = w * 0.12
    pts = arc_points(x0 + r, y0 + r, r, 90, 180, 5)
    pts += cubic((x0, y0 + h * 0.45), (x0, y0 + h * 0.78), (cx - w * 0.25, y1 - h * 0.08), (cx, y1))
    pts += cubic((cx, y1), (cx + w * 0.25, y1 - h * 0.08), (x1, y0 + h * 0.78), (x1, y0 + h * 0.45))
    pts += arc_points(x1 - r, y0 + r, r, 0, 90, 5)
    return pts


def shield(cv, cx, cy, w, h, color=GREEN, inner=None):
    cv.fill(polygon(shield_points(cx, cy, w, h)), color)
    if inner:
        cv.fill(polygon(shield_points(cx, cy - h * 0.02, w * 0.72, h * 0.72)), inner)


def envelope(cv, x0, y0, x1, y1, body=WHITE, flap="#dfe6eb", lines="#c5d0d8"):
    w, h = x1 - x0, y1 - y0
    r = min(w, h) * 0.07
    cv.fill(rrect(x0, y0, x1, y1, r), body)
    lw = max(3, w * 0.02)
    with cv.clipped(rrect(x0, y0, x1, y1, r)):
        cv.fill(line(x0, y1, x0 + w * 0.42, y0 + h * 0.5, lw), lines)
        cv.fill(line(x1, y1, x1 - w * 0.42, y0 + h * 0.5, lw), lines)
        cv.fill(rounded_polygon([(x0 + 2, y0), (x1 - 2, y0), (x0 + w / 2, y0 + h * 0.56)], r * 0.5), flap)
        cv.fill(stroke([(x0, y0), (x0 + w / 2, y0 + h * 0.56 + r * 0.4), (x1, y0)], lw), lines)


def bubble(cv, x0, y0, x1, y1, color, tail="left", r=None):
    """A chat bubble with a small tail at a bottom corner ('left', 'right') or 'down' (centre)."""
    h = y1 - y0
    r = r if r is not None else min(h * 0.3, 24)
    cv.fill(rrect(x0, y0, x1, y1, r), color)
    t = min(h * 0.45, 34)
    if tail == "left":
        cv.fill(polygon([(x0 + r * 0.3, y1 - t), (x0 + r + t * 0.4, y1 - 1),
                         (x0 - t * 0.45, y1 + t * 0.35)]), color)
    elif tail == "right":
        cv.fill(polygon([(x1 - r * 0.3, y1 - t), (x1 - r - t * 0.4, y1 - 1),
                         (x1 + t * 0.45, y1 + t * 0.35)]), color)
    elif tail == "down":
        cx = (x0 + x1) / 2
        cv.fill(polygon([(cx - t * 0.8, y1 - 2), (cx + t * 0.6, y1 - 2),
                         (cx - t * 0.5, y1 + t * 0.9)]), color)


def magnifier(cv, cx, cy, r, glass="#eaf6fd", rim=BLUE_DARK, handle=INK, angle=-45):
    """A magnifying glass; returns the glass disc (to clip magnified content into)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), -math.sin(a)
    cv.fill(line(cx + ux * r, cy + uy * r, cx + ux * r * 1.35, cy + uy * r * 1.35, r * 0.2), rim)
    cv.fill(line(cx + ux * r * 1.3, cy + uy * r * 1.3,
                 cx + ux * r * 2.05, cy + uy * r * 2.05, r * 0.3), handle)
    inner = circle(cx, cy, r * 0.84)
    if glass:
        cv.fill(inner, glass)
    cv.fill(ring(cx, cy, r, r * 0.17), rim)
    return inner


def glint(cv, cx, cy, r):
    """A small white highlight arc on glass."""
    cv.fill(arc(cx, cy, r * 0.62, 110, 160, r * 0.1), WHITE)


def warning(cv, cx, cy, s, color=ORANGE, mark=INK, outline=None):
    """A warning triangle s wide with an exclamation mark drawn as a bar and a dot."""
    h = s * 0.87
    pts = [(cx, cy - h / 2 + s * 0.07), (cx + s / 2 - s * 0.07, cy + h / 2 - s * 0.05),
           (cx - s / 2 + s * 0.07, cy + h / 2 - s * 0.05)]
    if outline:
        cv.fill(rounded_polygon(pts, s * 0.07 + s * 0.05), outline)
    cv.fill(rounded_polygon(pts, s * 0.07), color)
    cv.fill(line(cx, cy - h * 0.14, cx, cy + h * 0.16, s * 0.1), mark)
    cv.fill(circle(cx, cy + h * 0.32, s * 0.06), mark)


def no_sign(cv, cx, cy, r, w, color=RED):
    cv.fill(ring(cx, cy, r, w), color)
    d = (r - w / 2) * 0.72
    cv.fill(line(cx - d, cy - d, cx + d, cy + d, w, round_caps=False), color)


def person(cv, cx, top, r, skin, shirt, bottom=None, face=False, hijab=None, hair=None):
    """A person: a circle head and rounded shoulders (to `bottom`, default 2.1 head sizes down)."""
    hy = top + r
    sy = hy + r * 1.12
    bottom = bottom if bottom is not None else sy + r * 2.0
    cv.fill(rrect(cx - r * 1.75, sy, cx + r * 1.75, bottom, (r * 1.3, r * 1.3, 0, 0)), shirt)
    if hijab:       # a headscarf: round around the head, flaring over the shoulders
        cv.fill(rounded_polygon([(cx - r * 0.95, hy), (cx + r * 0.95, hy), (cx + r * 1.3, sy + r * 0.55),
                                 (cx - r * 1.3, sy + r * 0.55)], r * 0.25), hijab)
        cv.fill(circle(cx, hy - r * 0.02, r * 1.22), hijab)
        cv.fill(ellipse(cx, hy + r * 0.1, r * 0.84, r * 0.9), skin)
    else:
        if hair:    # hair behind the upper head, and a fringe on it
            back = circle(cx, hy - r * 0.05, r * 1.08)
            cv.fill(intersect(back, rect(cx - 2 * r, hy - 2 * r, cx + 2 * r, hy + r * 0.1)), hair)
        cv.fill(circle(cx, hy, r), skin)
        if hair:
            with cv.clipped(circle(cx, hy, r)):
                cv.fill(ellipse(cx + r * 0.15, hy - r * 0.82, r * 1.15, r * 0.5), hair)
    if face:
        fy = hy + (r * 0.12 if hijab else 0)
        cv.fill(circle(cx - r * 0.34, fy - r * 0.08, r * 0.1), INK)
        cv.fill(circle(cx + r * 0.34, fy - r * 0.08, r * 0.1), INK)
        cv.fill(arc(cx, fy + r * 0.05, r * 0.38, 215, 325, r * 0.09), INK)


def coin(cv, cx, cy, r, color=GOLD):
    cv.fill(circle(cx, cy, r), GOLD_DARK)
    cv.fill(circle(cx - r * 0.04, cy - r * 0.04, r * 0.94), color)
    cv.fill(ring(cx - r * 0.04, cy - r * 0.04, r * 0.7, r * 0.1), "#f9a825")
    cv.fill(arc(cx - r * 0.04, cy - r * 0.04, r * 0.48, 100, 170, r * 0.12), "#fff3c4")


def coin_stack(cv, cx, base, rx, n, color=GOLD):
    ry = rx * 0.3
    t = rx * 0.22
    side = t * 0.75                     # a sliver of each coin's top shows under the next one
    for i in range(n):
        y = base - i * t
        cv.fill(union(rect(cx - rx, y - side, cx + rx, y), ellipse(cx, y, rx, ry)), GOLD_DARK)
        cv.fill(ellipse(cx, y - side, rx, ry), color)
    cv.fill(ellipse_ring(cx, base - (n - 1) * t - side, rx * 0.7, ry * 0.7, rx * 0.07), "#f9a825")


def window(cv, x0, y0, x1, y1, bar=40, frame="#cfd8dc", body=WHITE):
    """A browser/app window: rounded frame with a title bar and three dots; returns content top."""
    cv.fill(rrect(x0, y0, x1, y1, 18), frame)
    cv.fill(rrect(x0 + 6, y0 + bar, x1 - 6, y1 - 6, (2, 2, 14, 14)), body)
    for i, c in enumerate(("#ef5350", "#ffca28", "#66bb6a")):
        cv.fill(circle(x0 + 26 + i * 24, y0 + bar / 2 + 2, 8), c)
    return y0 + bar


def building(cv, cx, base, w, color=WHITE, roof=STEEL, columns=4, shade="#dfe5e9"):
    """A classical public building: roof (pediment), columns, steps."""
    h = w * 0.72
    x0, x1 = cx - w / 2, cx + w / 2
    top = base - h
    cv.fill(rounded_polygon([(x0 + w * 0.02, top + h * 0.27), (cx, top + w * 0.02),
                             (x1 - w * 0.02, top + h * 0.27)], w * 0.02), roof)
    cv.fill(rrect(x0 + w * 0.04, top + h * 0.27, x1 - w * 0.04, top + h * 0.37, 3), roof)
    cv.fill(rect(x0 + w * 0.1, top + h * 0.37, x1 - w * 0.1, base - h * 0.14), shade)
    cw = w * 0.09
    for i in range(columns):
        x = x0 + w * 0.15 + (w * 0.7 - cw) * i / (columns - 1)
        cv.fill(rect(x, top + h * 0.37, x + cw, base - h * 0.14), color)
    cv.fill(rrect(x0 + w * 0.06, base - h * 0.14, x1 - w * 0.06, base - h * 0.07, 2), roof)
    cv.fill(rrect(x0, base - h * 0.07, x1, base, 3), darker(roof, 0.12))


def gauge(cv, x0, y0, x1, y1, frac, fill=GREEN, frame=INK):
    """A battery-like horizontal gauge filled to frac."""
    h = y1 - y0
    t = h * 0.13
    cv.fill(rrect(x1 - 2, y0 + h * 0.3, x1 + h * 0.2, y1 - h * 0.3, (0, h * 0.08, h * 0.08, 0)), frame)
    cv.fill(rrect_ring(x0, y0, x1, y1, h * 0.24, t), frame)
    p = t * 1.7
    cv.fill(rrect(x0 + p, y0 + p, x0 + p + (x1 - x0 - 2 * p) * frac, y1 - p, h * 0.1), fill)


def receipt_points(x0, y0, x1, y1, teeth, top_teeth=False):
    tw = (x1 - x0) / teeth
    d = tw * 0.55
    pts = []
    if top_teeth:
        for i in range(teeth):
            pts += [(x0 + i * tw, y0 + d), (x0 + (i + 0.5) * tw, y0)]
        pts.append((x1, y0 + d))
    else:
        pts += [(x0, y0), (x1, y0)]
    for i in range(teeth):
        pts += [(x1 - i * tw, y1 - d), (x1 - (i + 0.5) * tw, y1)]
    pts.append((x0, y1 - d))
    return pts


def clock(cv, cx, cy, r, face=WHITE, rim=BLUE, hands=INK):
    cv.fill(circle(cx, cy, r), rim)
    cv.fill(circle(cx, cy, r * 0.84), face)
    for i in range(12):
        a = math.radians(i * 30)
        rr = r * 0.7
        dot = r * (0.055 if i % 3 else 0.08)
        cv.fill(circle(cx + rr * math.cos(a), cy + rr * math.sin(a), dot), BAR_DARK)
    cv.fill(line(cx, cy, cx, cy - r * 0.55, r * 0.09), hands)
    cv.fill(line(cx, cy, cx + r * 0.36, cy + r * 0.12, r * 0.11), hands)
    cv.fill(circle(cx, cy, r * 0.09), RED)


def hand_stop(cv, cx, cy, s, color):
    """A raised open hand (palm facing us, fingers up), s is its height."""
    u = s / 10
    palm = (1.2 * u, 1.2 * u, 2.4 * u, 2.4 * u)
    cv.fill(rrect(cx - 2.3 * u, cy - 0.8 * u, cx + 2.5 * u, cy + 4.0 * u, palm), color)
    for dx, top in ((-1.75, -4.2), (-0.55, -5.0), (0.65, -4.8), (1.85, -3.9)):
        cv.fill(line(cx + dx * u, cy + 0.5 * u, cx + dx * u, cy + top * u, 1.05 * u), color)
    cv.fill(line(cx - 1.8 * u, cy + 1.6 * u, cx - 3.6 * u, cy - 0.5 * u, 1.15 * u), color)


def key(cv, x0, cy, length, color=GOLD, hole=None):
    """A key lying flat pointing right: ring head at the left."""
    r = length * 0.24
    cv.fill(circle(x0 + r, cy, r), color)
    cv.fill(circle(x0 + r * 0.85, cy, r * 0.38), hole or "#ffffff")
    t = length * 0.11
    x = x0 + r * 1.8
    xe = x0 + length
    cv.fill(rrect(x, cy - t / 2, xe, cy + t / 2, t * 0.3), color)
    cv.fill(rrect(xe - length * 0.12, cy, xe, cy + length * 0.16, (0, 0, 3, 3)), color)
    cv.fill(rrect(xe - length * 0.3, cy, xe - length * 0.19, cy + length * 0.12, (0, 0, 3, 3)), color)


def qr_pattern(cv, x0, y0, size, n=21, dark=INK, seed=20240521):
    """A QR-code-like pattern (three finder squares and fixed pseudo-random modules)."""
    m = size / n
    state = seed
    grid = [[False] * n for _ in range(n)]
    for y in range(n):
        for x in range(n):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            grid[y][x] = (state >> 16) & 1 == 1
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for y in range(-1, 8):
            for x in range(-1, 8):
                if 0 <= fy + y < n and 0 <= fx + x < n:
                    edge = x in (0, 6) or y in (0, 6)
                    core = 2 <= x <= 4 and 2 <= y <= 4
                    grid[fy + y][fx + x] = (0 <= x <= 6 and 0 <= y <= 6) and (edge or core)
    for y in range(n):
        x = 0
        while x < n:
            if grid[y][x]:
                s = x
                while x < n and grid[y][x]:
                    x += 1
                cv.fill(rect(x0 + s * m, y0 + y * m, x0 + x * m, y0 + (y + 1) * m), dark)
            else:
                x += 1


def dotted(cv, xa, ya, xb, yb, r, step, color):
    n = max(1, int(math.hypot(xb - xa, yb - ya) / step))
    for i in range(n + 1):
        t = i / n
        cv.fill(circle(xa + (xb - xa) * t, ya + (yb - ya) * t, r), color)


def arrow(cv, x, y0, y1, w, color, up=True):
    """A vertical arrow from y0 to y1 (pointing up or down)."""
    tip, tail = (min(y0, y1), max(y0, y1)) if up else (max(y0, y1), min(y0, y1))
    d = 1 if up else -1
    cv.fill(line(x, tail, x, tip + d * w * 0.8, w * 0.42), color)
    cv.fill(rounded_polygon([(x, tip + d * w * 0.15), (x + w * 0.55, tip + d * w * 0.8),
                             (x - w * 0.55, tip + d * w * 0.8)], w * 0.08), color)


# --------------------------------------------------------------------------------------------
# The pictures. Each function draws one file; the docstring says what it shows.


def sampul(cv):
    """Course cover: a village hall kiosk screen with a globe, a book and a padlock."""
    # the hall (pendopo) behind: roof and two pillars in soft tones
    cv.fill(rounded_polygon([(40, 150), (190, 58), (450, 58), (600, 150)], 8), "#f6d9ad")
    cv.fill(rect(86, 150, 112, 372), "#f2d2a2")
    cv.fill(rect(528, 150, 554, 372), "#f2d2a2")
    cv.fill(rect(0, 372, W, H), "#efd3a6")
    # the kiosk: stand, base, screen
    cv.fill(polygon([(300, 290), (340, 290), (352, 372), (288, 372)]), STEEL_DARK)
    cv.fill(rrect(236, 362, 404, 384, 10), INK)
    cv.fill(rrect(128, 34, 512, 300, 24), INK)
    scr = (144, 50, 496, 284)
    cv.fill(rrect(*scr, 12), "#e8f4fd")
    cv.fill(circle(320, 42, 3.5), "#7d8c98")
    globe(cv, 206, 168, 54)
    book(cv, 322, 172, 96, cover="#ef6c00")
    padlock(cv, 432, 170, 74, body=GREEN, shackle=STEEL_DARK)
    for i, c in enumerate((BLUE, "#ef6c00", GREEN)):
        cv.fill(rrect(172 + i * 110, 250, 252 + i * 110, 262, 6), c)


def internet_dunia(cv):
    """A globe with lines linking it to a phone, a laptop and a house."""
    for x, y in ((118, 200), (520, 118), (520, 300)):
        dotted(cv, 320, 200, x, y, 6, 22, "#64b5f6")
    shadow(cv, 320, 318, 80, 10)
    globe(cv, 320, 195, 100)
    shadow(cv, 118, 318, 50, 8)
    scr = phone(cv, 118, 200, 190)
    with cv.clipped(screen_clip(scr)):
        cv.fill(rect(scr[0], scr[1], scr[2], scr[3]), SKY)
        globe(cv, 118, 185, 28)
        bars(cv, 90, 230, (56, 40), 9, 9, BLUE_LIGHT)
    laptop(cv, 520, 112, 150)
    cv.fill(circle(520, 105, 24), "#ffffff")
    globe(cv, 520, 105, 20)
    shadow(cv, 520, 368, 90, 9)
    house(cv, 520, 365, 140)


def ponsel_bagian(cv):
    """A smartphone seen from the front: screen, camera dot, side buttons."""
    shadow(cv, 320, 388, 120, 9)
    scr = phone(cv, 320, 200, 364, screen=SKY, buttons=True)
    with cv.clipped(screen_clip(scr)):
        cv.fill(circle(360, 116, 26), "#ffd54f")
        cv.fill(ellipse(260, 330, 150, 90), "#81c784")
        cv.fill(ellipse(400, 345, 140, 80), "#66bb6a")
        cv.fill(rrect(290, 344, 350, 351, 4), WHITE)      # home bar
    cv.fill(circle(320, 200 - 182 + 364 * 0.043, 6), "#9aa8b3")


def sinyal_wifi(cv):
    """A cell tower with signal arcs on the left, a wifi fan symbol on the right."""
    tx, top = 165, 112
    cv.fill(rect(0, 372, W, H), darker(BG_INTERNET, 0.05))
    steel = "#546e7a"
    cv.fill(line(tx - 4, top + 20, tx - 58, 372, 12), steel)
    cv.fill(line(tx + 4, top + 20, tx + 58, 372, 12), steel)
    lvls = (170, 250, 330)
    for a, b in zip((top + 30,) + lvls[:-1], lvls):
        ha, hb = (a - top) / (372 - top) * 56, (b - top) / (372 - top) * 56
        cv.fill(line(tx - hb, b, tx + hb, b, 8), steel)
        cv.fill(line(tx - ha, a, tx + hb, b, 6), steel)
        cv.fill(line(tx + ha, a, tx - hb, b, 6), steel)
    cv.fill(rrect(tx - 9, top - 40, tx + 9, top + 40, 6), steel)
    cv.fill(circle(tx, top - 42, 12), RED)
    for i, r in enumerate((42, 72, 102)):
        cv.fill(arc(tx, top - 30, r, 145, 215, 13), BLUE)
        cv.fill(arc(tx, top - 30, r, -35, 35, 13), BLUE)
    # wifi fan
    wx, wy = 470, 300
    cv.fill(circle(wx, wy - 50, 150), "#d3e8fa")
    for r in (62, 112, 162):
        cv.fill(arc(wx, wy, r - 20, 45, 135, 30), BLUE_DARK)
    cv.fill(circle(wx, wy - 4, 20), BLUE_DARK)


def paket_data(cv):
    """A phone with a big horizontal gauge (like a battery) half filled: the data quota."""
    shadow(cv, 150, 368, 80, 9)
    scr = phone(cv, 150, 200, 320)
    with cv.clipped(screen_clip(scr)):
        cv.fill(rect(scr[0], scr[1], scr[2], scr[3]), "#e3f1fc")
        arrow(cv, 128, 150, 250, 46, BLUE, up=True)
        arrow(cv, 172, 150, 250, 46, GREEN, up=False)
    gauge(cv, 268, 130, 574, 270, 0.5)


def aplikasi(cv):
    """A phone whose screen is a 3x4 grid of coloured rounded app tiles."""
    shadow(cv, 320, 390, 110, 8)
    scr = phone(cv, 320, 200, 372, screen="#e8eef3", aspect=0.6)
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    colors = ("#ef5350", "#42a5f5", "#66bb6a", "#ffca28", "#ab47bc", "#26c6da",
              "#ff7043", "#5c6bc0", "#9ccc65", "#ec407a", "#29b6f6", "#8d6e63")
    gap = 12
    ts = (x1 - x0 - 4 * gap) / 3
    ty0 = y0 + 24
    for i, c in enumerate(colors):
        r, k = divmod(i, 3)
        tx = x0 + gap + k * (ts + gap)
        ty = ty0 + r * (ts + gap + 10)
        cv.fill(rrect(tx, ty, tx + ts, ty + ts, ts * 0.26), c)
        mx, my = tx + ts / 2, ty + ts / 2
        glyph = i % 4
        if glyph == 0:
            cv.fill(circle(mx, my, ts * 0.2), WHITE)
        elif glyph == 1:
            cv.fill(rounded_polygon([(mx - ts * 0.12, my - ts * 0.16), (mx + ts * 0.18, my),
                                     (mx - ts * 0.12, my + ts * 0.16)], ts * 0.04), WHITE)
        elif glyph == 2:
            cv.fill(ring(mx, my, ts * 0.22, ts * 0.08), WHITE)
        else:
            cv.fill(rrect(mx - ts * 0.18, my - ts * 0.18, mx + ts * 0.18, my + ts * 0.18, ts * 0.06), WHITE)
    cv.fill(rrect(290, 356, 350, 362, 3), "#9aa8b3")


def mesin_pencari(cv):
    """A web page (window with lines of text as grey bars) and a big magnifier."""
    shadow(cv, 240, 362, 200, 10)
    top = window(cv, 40, 40, 430, 350)
    cv.fill(rrect(70, top + 20, 400, top + 62, 21), "#b0bec5")
    cv.fill(rrect(73, top + 23, 397, top + 59, 18), WHITE)
    cv.fill(ring(95, top + 40, 9, 3.5), BAR_DARK)
    cv.fill(line(101, top + 46, 107, top + 52, 4), BAR_DARK)
    for k in range(3):
        y = top + 84 + k * 60
        cv.fill(rrect(70, y, 260 - k * 30, y + 14, 7), BLUE)
        bars(cv, 70, y + 24, (300, 230 - k * 20), 10, 9)
    lens = magnifier(cv, 448, 198, 92, glass="#e8f5fd")
    with cv.clipped(lens):
        cv.fill(rrect(380, 150, 600, 176, 13), BLUE)
        bars(cv, 380, 196, (170, 120), 20, 18, BAR)


def amplop_email(cv):
    """A closed envelope with an "at" swirl drawn as shapes (rings), flying lines."""
    for y, x0 in ((150, 60), (205, 30), (260, 75)):
        cv.fill(line(x0, y, 140, y, 12), "#9fd8b8")
    shadow(cv, 320, 336, 160, 10)
    envelope(cv, 160, 110, 480, 315)
    cx, cy, R = 468, 118, 70
    cv.fill(circle(cx, cy, R + 8), BG_MESSAGES)
    cv.fill(circle(cx, cy, R), BLUE)
    ri, ro, w = R * 0.24, R * 0.56, R * 0.13
    cv.fill(ring(cx, cy, ri + w / 2, w), WHITE)
    pts = [(cx + ri, cy - ri - w * 0.3)]
    pts += cubic((cx + ri, cy + ri * 0.25), (cx + ri, cy + ri * 1.3),
                 (cx + ro, cy + ri * 1.1), (cx + ro, cy - 2), 10)
    cv.fill(stroke(pts, w), WHITE)
    cv.fill(arc(cx, cy, ro, 0, 305, w), WHITE)


def kotak_masuk(cv):
    """An inbox tray holding three envelopes."""
    shadow(cv, 320, 366, 220, 10)
    cv.fill(polygon([(140, 212), (500, 212), (532, 258), (108, 258)]), BLUE_DARK)
    for i, (body, x, y) in enumerate(((WHITE, 150, 60), ("#fff4d6", 185, 102), ("#fde1e7", 220, 144))):
        envelope(cv, x, y, x + 240, y + 160, body=body)
    tray = diff(rrect(100, 250, 540, 360, (6, 6, 24, 24)),
                polygon([(228, 249), (412, 249), (390, 288), (250, 288)]))
    cv.fill(tray, BLUE)
    cv.fill(rrect(250, 278, 390, 290, 4), darker(BLUE, 0.12))


def chat_whatsapp(cv):
    """A phone with two chat bubbles: a white one on the left, a green one on the right."""
    shadow(cv, 320, 390, 110, 8)
    scr = phone(cv, 320, 200, 372, screen="#ece5dd")
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    with cv.clipped(screen_clip(scr)):
        cv.fill(rect(x0, y0, x1, y0 + 44), "#128c7e")
        cv.fill(circle(x0 + 26, y0 + 22, 12), "#d7f3ee")
        cv.fill(rrect(x0 + 46, y0 + 16, x0 + 110, y0 + 28, 6), "#a7ddd5")
        cv.fill(rrect(x0 + 8, y1 - 38, x1 - 48, y1 - 8, 15), WHITE)
        cv.fill(circle(x1 - 26, y1 - 23, 16), "#128c7e")
        send = [(x1 - 33, y1 - 31), (x1 - 16, y1 - 23), (x1 - 33, y1 - 15), (x1 - 29, y1 - 23)]
        cv.fill(polygon(send), WHITE)
    bubble(cv, x0 + 14, y0 + 66, x1 - 36, y0 + 126, WHITE, tail="left", r=14)
    bars(cv, x0 + 28, y0 + 80, (90, 60), 10, 10, "#b0bec5")
    bubble(cv, x0 + 36, y0 + 150, x1 - 14, y0 + 210, "#9be58f", tail="right", r=14)
    bars(cv, x0 + 52, y0 + 164, (92, 56), 10, 10, "#5fae55")


def kirim_foto(cv):
    """A small photo (mountain and sun) and a paper plane sending it."""
    for i in range(7):
        p = cubic((352, 262), (410, 330), (470, 300), (482, 228), 6)[i]
        cv.fill(circle(p[0], p[1], 6), "#9fd8b8")
    shadow(cv, 200, 340, 140, 10)
    cv.fill(rrect(66, 84, 334, 320, 12), WHITE)
    pic = rrect(84, 102, 316, 262, 4)
    with cv.clipped(pic):
        cv.fill(rect(84, 102, 316, 262), "#81d4fa")
        cv.fill(circle(262, 142, 24), "#ffd54f")
        hills = [(84, 262), (84, 230), (150, 160), (215, 220), (250, 190), (316, 250), (316, 262)]
        cv.fill(polygon(hills), "#66bb6a")
        cv.fill(polygon([(110, 262), (190, 200), (260, 262)]), "#43a047")
    nose, back, mid, tail = (590, 96), (404, 176), (486, 206), (506, 284)
    cv.fill(polygon([nose, back, mid]), "#64b5f6")
    cv.fill(polygon([nose, mid, tail]), BLUE)
    cv.fill(polygon([mid, (472, 252), (496, 232)]), BLUE_DARK)


def grup_chat(cv):
    """Three simple people (head and shoulders) under one big chat bubble."""
    bubble(cv, 150, 26, 490, 156, WA_GREEN, tail="down", r=34)
    for x in (262, 320, 378):
        cv.fill(circle(x, 91, 15), WHITE)
    person(cv, 180, 222, 34, SKIN[0], "#ff8a65", bottom=H)
    person(cv, 460, 222, 34, SKIN[2], "#7986cb", bottom=H)
    person(cv, 320, 196, 40, SKIN[1], "#26a69a", bottom=H, hijab="#8e5bb5")


def panggilan_video(cv):
    """A phone showing a person's face, with a video-camera symbol below."""
    shadow(cv, 320, 390, 110, 8)
    scr = phone(cv, 320, 200, 372, screen="#b2dfdb")
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    with cv.clipped(screen_clip(scr)):
        person(cv, 320, y0 + 62, 42, SKIN[1], "#ef6c00", bottom=y1 - 72, face=True, hair="#3e2723")
        cv.fill(rect(x0, y1 - 80, x1, y1), "#37474f")
    cv.fill(rrect(x1 - 56, y0 + 12, x1 - 12, y0 + 74, 8), "#455a64")
    person(cv, x1 - 34, y0 + 24, 8, SKIN[0], "#42a5f5", bottom=y0 + 74)
    cx, cy = 320, y1 - 40
    cv.fill(circle(cx, cy, 27), GREEN)
    cv.fill(rrect(cx - 17, cy - 10, cx + 5, cy + 10, 4), WHITE)
    cv.fill(polygon([(cx + 3, cy - 2), (cx + 16, cy - 10), (cx + 16, cy + 10), (cx + 3, cy + 2)]), WHITE)


def gembok(cv):
    """A big closed padlock."""
    shadow(cv, 320, 372, 150, 12)
    padlock(cv, 320, 205, 250, body=AMBER, shackle=STEEL)
    cv.fill(rrect(212, 204, 228, 340, 8), "#ffca4f")


def kata_sandi_kuat(cv):
    """A password field with eight dots and a green shield with a check mark."""
    cv.fill(rrect(30, 140, 410, 242, 26), PURPLE)
    cv.fill(rrect(37, 147, 403, 235, 20), WHITE)
    for i in range(8):
        cv.fill(circle(74 + i * 42, 191, 12), INK)
    for i in range(4):
        cv.fill(rrect(34 + i * 96, 266, 34 + i * 96 + 84, 280, 7), GREEN)
    shadow(cv, 530, 300, 80, 9)
    shield(cv, 530, 190, 170, 200, GREEN)
    check(cv, 530, 180, 96)


def kode_otp(cv):
    """A phone showing six empty digit boxes, and a message bubble."""
    shadow(cv, 250, 390, 110, 8)
    scr = phone(cv, 250, 200, 372)
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    padlock(cv, 250, y0 + 66, 46, body=PURPLE, shackle=STEEL, hole=WHITE)
    bars(cv, x0 + 30, y0 + 116, (x1 - x0 - 60,), 10, 0)
    bw, gap = 21, 5
    bx = (x0 + x1) / 2 - (6 * bw + 5 * gap) / 2
    for i in range(6):
        cv.fill(rrect_ring(bx + i * (bw + gap), y0 + 150, bx + i * (bw + gap) + bw, y0 + 184, 5, 3), PURPLE)
    cv.fill(rrect(x0 + 20, y1 - 70, x1 - 20, y1 - 36, 17), PURPLE)
    bubble(cv, 400, 50, 600, 150, WHITE, tail="left", r=26)
    for i in range(6):
        cv.fill(circle(432 + i * 27, 100, 9), PURPLE)


def verifikasi_dua_langkah(cv):
    """A key and a phone side by side, joined by a plus sign."""
    shadow(cv, 160, 286, 120, 10)
    key(cv, 40, 200, 250, color=GOLD, hole=BG_PASSWORD)
    cv.fill(rrect(334, 192, 394, 210, 9), INK_SOFT)
    cv.fill(rrect(355, 171, 373, 231, 9), INK_SOFT)
    shadow(cv, 510, 372, 90, 9)
    scr = phone(cv, 510, 200, 320)
    shield(cv, 510, 190, 90, 106, GREEN)
    check(cv, 510, 184, 52)
    bars(cv, scr[0] + 26, 270, (scr[2] - scr[0] - 52,), 10, 0, BAR)


def jangan_bagikan(cv):
    """A speech bubble with a padlock inside and a red "no" circle-slash over it."""
    bubble(cv, 100, 36, 540, 316, WHITE, tail="left", r=50)
    padlock(cv, 320, 180, 116, body=PURPLE, shackle=STEEL, hole=WHITE)
    no_sign(cv, 320, 176, 122, 24)


def hoaks_koran(cv):
    """A newspaper page with a big red question mark."""
    shadow(cv, 240, 360, 170, 10)
    cv.fill(rrect(80, 50, 400, 350, 10), "#e8e3da")
    cv.fill(rrect(80, 50, 392, 342, 10), PAPER)
    cv.fill(rrect(104, 72, 368, 100, 6), INK)
    cv.fill(rect(104, 112, 368, 116), BAR)
    cv.fill(rrect(104, 130, 230, 222, 6), "#b0bec5")
    cv.fill(circle(200, 154, 12), "#eceff1")
    cv.fill(polygon([(104, 222), (150, 170), (190, 210), (214, 190), (230, 206), (230, 222)]), "#90a4ae")
    bars(cv, 246, 132, (122, 100, 122, 80), 10, 12)
    bars(cv, 104, 240, (264, 230, 264, 200), 10, 12)
    cx, cy = 494, 178
    cv.fill(circle(cx, 200, 120), "#ffffff")
    cv.fill(arc(cx, cy - 28, 48, -90, 160, 36), RED)
    cv.fill(line(cx, cy + 20, cx, cy + 56, 36), RED)
    cv.fill(circle(cx, cy + 110, 22), RED)


def cek_fakta(cv):
    """A magnifier over a document, with a green check mark in the glass."""
    shadow(cv, 250, 360, 160, 10)
    cv.fill(rrect(110, 40, 350, 345, 12), PAPER)
    cv.fill(rrect(134, 66, 290, 86, 8), INK_SOFT)
    bars(cv, 134, 108, (190, 170, 190, 150, 190, 170, 120, 190, 160), 10, 11)
    lens = magnifier(cv, 380, 190, 96, glass="#f1faf1", rim=GREEN_DARK, handle=INK)
    with cv.clipped(lens):
        bars(cv, 240, 130, (200, 200, 200, 200, 200), 14, 18, "#dfe9df")
    check(cv, 380, 192, 110, GREEN, 22)


def pesan_penipuan(cv):
    """A phone with a message bubble and a big orange warning triangle."""
    shadow(cv, 230, 390, 110, 8)
    scr = phone(cv, 230, 200, 372)
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    cv.fill(circle(x0 + 26, y0 + 40, 14), "#b0bec5")
    cv.fill(rrect(x0 + 48, y0 + 34, x0 + 118, y0 + 46, 6), "#cfd8dc")
    bubble(cv, x0 + 12, y0 + 74, x1 - 12, y0 + 180, "#e3e8ec", tail="left", r=16)
    bars(cv, x0 + 26, y0 + 92, (118, 96, 118), 10, 10, BAR_DARK)
    cv.fill(rrect(x0 + 26, y0 + 152, x0 + 96, y0 + 166, 7), BLUE)
    shadow(cv, 455, 366, 130, 10)
    warning(cv, 455, 250, 250, ORANGE, INK, outline=BG_HOAX)


def hadiah_palsu(cv):
    """A gift box with a red warning triangle on it."""
    shadow(cv, 320, 366, 180, 12)
    box, lid, ribbon = "#26a69a", "#00897b", GOLD
    cv.fill(rect(180, 190, 460, 362), box)
    cv.fill(rrect(160, 140, 480, 196, 8), lid)
    cv.fill(rect(298, 140, 342, 362), ribbon)
    cv.fill(ellipse_ring(270, 112, 44, 28, 13), ribbon)
    cv.fill(ellipse_ring(370, 112, 44, 28, 13), ribbon)
    cv.fill(circle(320, 124, 19), GOLD_DARK)
    warning(cv, 320, 272, 128, RED, WHITE, outline=WHITE)


def tautan_mencurigakan(cv):
    """Two chain links with a red cross over the join."""
    links = []
    for cx, cy, col in ((230, 236, STEEL_DARK), (410, 164, STEEL)):
        outer = rrect_points(cx, cy, 250, 106, 53, -22)
        inner = rrect_points(cx, cy, 250 - 58, 106 - 58, 24, -22)
        links.append((polygon([outer, inner], evenodd=True), col))
    cv.fill(*links[0])
    cv.fill(*links[1])
    with cv.clipped(rect(200, 150, 320, 260)):       # the first link passes over the second
        cv.fill(intersect(links[0][0], circle(306, 212, 34)), links[0][1])
    cross(cv, 320, 200, 120, RED, 28)


def lapor_blokir(cv):
    """A raised hand "stop" inside a red circle, next to a shield."""
    cv.fill(circle(230, 200, 156), RED)
    cv.fill(ring(230, 200, 156, 14), RED_DARK)
    hand_stop(cv, 236, 210, 210, WHITE)
    shadow(cv, 500, 300, 80, 9)
    shield(cv, 500, 196, 160, 190, BLUE, inner="#64b5f6")


def ktp_elektronik(cv):
    """An ID card: a photo silhouette on the left, lines, a gold chip."""
    shadow(cv, 320, 346, 240, 10)
    card = rrect(80, 70, 560, 330, 24)
    cv.fill(card, "#9fd0f6")
    with cv.clipped(card):
        cv.fill(rect(80, 70, 560, 118), BLUE)
        cv.fill(ellipse(560, 330, 180, 90), "#8cc6f2")
    cv.fill(rrect(110, 140, 232, 300, 10), "#e6f3fd")
    with cv.clipped(rrect(110, 140, 232, 300, 10)):
        person(cv, 171, 168, 30, BLUE_DARK, BLUE_DARK, bottom=310)
    bars(cv, 258, 146, (170, 230, 200, 150), 14, 16, WHITE)
    cx0, cy0 = 450, 234
    cv.fill(rrect(cx0, cy0, cx0 + 84, cy0 + 66, 10), GOLD)
    for y in (cy0 + 22, cy0 + 44):
        cv.fill(rect(cx0, y - 2, cx0 + 84, y + 2), GOLD_DARK)
    cv.fill(rect(cx0 + 40, cy0, cx0 + 44, cy0 + 66), GOLD_DARK)
    cv.fill(rrect(cx0 + 28, cy0 + 18, cx0 + 56, cy0 + 48, 5), "#ffd54f")
    cv.fill(rrect(110, 85, 300, 101, 8), "#d6ecfc")


def dukcapil(cv):
    """A government office building with columns, a flag on top."""
    cv.fill(rect(0, 368, W, H), "#f2e6b4")
    building(cv, 320, 370, 410, color=WHITE, roof="#9eadb6", columns=4, shade="#cfd8dc")
    cv.fill(rrect(301, 260, 339, 331, (19, 19, 0, 0)), BROWN_DARK)
    cv.fill(rect(317, 14, 323, 96), INK)
    cv.fill(circle(320, 13, 7), GOLD)
    cv.fill(rect(322, 19, 406, 73), "#bfc6cc")
    cv.fill(rect(323, 20, 405, 46), RED)
    cv.fill(rect(323, 46, 405, 72), WHITE)


def bpjs_kesehatan(cv):
    """A green card with a white health cross."""
    cv.fill(rrect(140, 100, 560, 340, 28), "#a5d6b7")
    cv.fill(rrect(100, 70, 520, 310, 28), "#2e9e5b")
    with cv.clipped(rrect(100, 70, 520, 310, 28)):
        cv.fill(ellipse(520, 310, 210, 110), "#38ad67")
    cv.fill(rrect(195, 110, 255, 270, 12), WHITE)
    cv.fill(rrect(145, 160, 305, 220, 12), WHITE)
    bars(cv, 340, 130, (140, 110, 140), 16, 18, "#c8ecd6")


def lapor(cv):
    """A megaphone with sound arcs."""
    shadow(cv, 280, 362, 170, 10)
    cv.fill(rrect(224, 222, 262, 330, 14), INK)
    cv.fill(rrect(130, 162, 196, 246, 14), "#c62828")
    cv.fill(polygon([(186, 170), (396, 96), (396, 314), (186, 238)]), RED)
    cv.fill(ellipse(400, 205, 26, 110), RED_DARK)
    cv.fill(ellipse(404, 205, 14, 92), "#ef9a9a")
    for r in (70, 115, 160):
        cv.fill(arc(418, 205, r, -38, 38, 18), ORANGE)


def antre_online(cv):
    """A calendar page with a green check, and a clock."""
    shadow(cv, 230, 352, 150, 10)
    cal = rrect(90, 62, 364, 336, 20)
    cv.fill(cal, WHITE)
    with cv.clipped(cal):
        cv.fill(rect(90, 62, 364, 124), RED)
    for x in (150, 288):
        cv.fill(rrect(x, 42, x + 18, 94, 9), INK)
    for r in range(3):
        for k in range(4):
            x, y = 112 + k * 60, 144 + r * 60
            cv.fill(rrect(x, y, x + 48, y + 44, 8), "#c8e6c9" if (r, k) == (1, 2) else "#e6ebee")
    check_badge(cv, 338, 300, 46)
    shadow(cv, 500, 318, 90, 9)
    clock(cv, 500, 200, 108)


def situs_resmi(cv):
    """A browser window with a green padlock in the address bar."""
    shadow(cv, 320, 366, 260, 10)
    top = window(cv, 50, 36, 590, 356, bar=48)
    cv.fill(rrect(76, top + 12, 564, top + 80, 34), "#dfe6eb")
    padlock(cv, 120, top + 48, 40, body=GREEN, shackle=GREEN_DARK, hole=WHITE)
    cv.fill(rrect(156, top + 39, 420, top + 53, 7), "#a9b7c2")
    cv.fill(rrect(80, top + 104, 250, top + 250, 10), "#c8e6c9")
    cv.fill(circle(212, top + 136, 16), "#fff59d")
    cv.fill(polygon([(80, top + 250), (80, top + 220), (140, top + 160), (200, top + 230), (250, top + 200),
                     (250, top + 250)]), "#81c784")
    bars(cv, 276, top + 108, (270, 230, 270, 200, 250), 13, 16)


def qris(cv):
    """A QR-code-like square pattern next to a phone scanning it."""
    cv.fill(polygon([(300, 70), (440, 140), (440, 260), (300, 330)]), "#c6e9e7")
    shadow(cv, 190, 356, 140, 9)
    cv.fill(rrect(56, 66, 324, 334, 18), WHITE)
    qr_pattern(cv, 74, 84, 232)
    shadow(cv, 500, 384, 90, 8)
    scr = phone(cv, 500, 200, 340, screen="#263238")
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    cx, cy, s = 500, 190, 110
    cv.fill(rect(cx - s / 2 + 10, cy - s / 2 + 10, cx + s / 2 - 10, cy + s / 2 - 10), WHITE)
    qr_pattern(cv, cx - s / 2 + 16, cy - s / 2 + 16, s - 32, dark="#455a64")
    for sx in (-1, 1):
        for sy in (-1, 1):
            px, py = cx + sx * s / 2, cy + sy * s / 2
            cv.fill(stroke([(px, py - sy * 24), (px, py), (px - sx * 24, py)], 7), WHITE)
    cv.fill(rrect(cx - s / 2 - 4, cy - 3, cx + s / 2 + 4, cy + 3, 3), RED)
    cv.fill(circle(cx, y1 - 36, 20), WHITE)


def mobile_banking(cv):
    """A phone with a small bank building (columns and roof) on its screen."""
    shadow(cv, 320, 390, 110, 8)
    scr = phone(cv, 320, 200, 372)
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    with cv.clipped(screen_clip(scr)):
        cv.fill(rect(x0, y0, x1, y0 + 44), TEAL)
        cv.fill(rrect(x0 + 18, y0 + 16, x0 + 90, y0 + 28, 6), "#80cbc4")
    building(cv, 320, y0 + 200, 130, color=WHITE, roof=BLUE, columns=4, shade="#bbdefb")
    bars(cv, x0 + 22, y0 + 222, (x1 - x0 - 44, 80), 11, 11)
    cv.fill(rrect(x0 + 22, y1 - 60, x1 - 22, y1 - 26, 17), TEAL)
    coin(cv, 470, 320, 44)


def dompet_digital(cv):
    """A wallet with a coin, and a phone."""
    shadow(cv, 250, 356, 180, 10)
    cv.fill(rrect(120, 96, 300, 180, 10), BLUE)
    cv.fill(rrect(150, 110, 330, 190, 10), "#ffca28")
    cv.fill(rrect(80, 140, 400, 346, 30), BROWN)
    cv.fill(rrect(80, 140, 400, 176, (30, 30, 0, 0)), "#a1887f")
    cv.fill(rrect(300, 208, 420, 284, (24, 0, 0, 24)), BROWN_DARK)
    cv.fill(circle(340, 246, 15), GOLD)
    shadow(cv, 540, 384, 80, 8)
    scr = phone(cv, 540, 210, 300)
    x0, y0, x1, y1 = scr[0], scr[1], scr[2], scr[3]
    with cv.clipped(screen_clip(scr)):
        cv.fill(rect(x0, y0, x1, y0 + 90), TEAL)
    cv.fill(rrect(x0 + 16, y0 + 30, x1 - 16, y0 + 60, 10), "#b2dfdb")
    for i in range(4):
        cv.fill(circle(x0 + 26 + i * 30, y0 + 118, 11), ("#ef5350", "#42a5f5", "#66bb6a", "#ffca28")[i])
    bars(cv, x0 + 16, y0 + 150, (x1 - x0 - 32, 70, x1 - x0 - 50), 10, 12)
    coin(cv, 408, 322, 48)


def cek_nominal(cv):
    """A receipt with a magnifier over an amount (bars), coins beside it."""
    shadow(cv, 230, 372, 150, 10)
    cv.fill(polygon(receipt_points(100, 30, 340, 360, 10)), PAPER)
    cv.fill(rrect(130, 56, 250, 76, 10), INK_SOFT)
    for k in range(5):
        y = 104 + k * 30
        cv.fill(rrect(130, y, 230, y + 11, 5.5), BAR)
        cv.fill(rrect(262, y, 310, y + 11, 5.5), BAR)
    cv.fill(rect(130, 262, 310, 265), BAR)
    cv.fill(rrect(130, 282, 200, 298, 8), INK_SOFT)
    cv.fill(rrect(240, 280, 310, 300, 10), INK)
    lens = magnifier(cv, 300, 270, 70, glass="#f2f7fa", rim=TEAL, handle=INK, angle=-40)
    with cv.clipped(lens):
        cv.fill(rrect(240, 250, 400, 290, 20), INK)
    glint(cv, 300, 270, 70)
    coin_stack(cv, 520, 350, 62, 5)
    coin(cv, 548, 210, 44)


def pin_rahasia(cv):
    """A numeric keypad (3x4 round keys) with a hand covering part of it."""
    shadow(cv, 280, 386, 150, 8)
    cv.fill(rrect(150, 24, 410, 380, 28), "#37474f")
    for r in range(4):
        for k in range(3):
            cx, cy = 210 + k * 70, 90 + r * 78
            cv.fill(circle(cx, cy, 28), "#eceff1" if (r, k) != (3, 0) else GREEN)
    skin = SKIN[1]
    cv.fill(rrect(500, 118, 660, 250, (0, 0, 0, 0)), "#5c6bc0")
    for y, x_end in ((130, 268), (164, 250), (198, 256), (232, 282)):
        cv.fill(line(430, y, x_end, y + 6, 38), darker(skin, 0.18))
        cv.fill(line(430, y, x_end, y + 6, 32), skin)
    cv.fill(line(420, 250, 330, 288, 38), darker(skin, 0.18))
    cv.fill(line(420, 250, 330, 288, 32), skin)
    cv.fill(ellipse(452, 186, 90, 80), skin)


def struk_transaksi(cv):
    """A long paper receipt with a green check mark at the bottom."""
    shadow(cv, 320, 390, 130, 8)
    cv.fill(polygon(receipt_points(220, 12, 420, 390, 8, top_teeth=True)), PAPER)
    cv.fill(circle(320, 62, 22), TEAL)
    cv.fill(rrect(260, 96, 380, 108, 6), BAR_DARK)
    for k in range(6):
        y = 130 + k * 24
        cv.fill(rrect(244, y, 320 - (k % 3) * 12, y + 10, 5), BAR)
        cv.fill(rrect(356, y, 396, y + 10, 5), BAR)
    for x in range(244, 396, 16):
        cv.fill(rect(x, 280, x + 9, 283), BAR)
    cv.fill(rrect(244, 294, 300, 308, 7), INK_SOFT)
    cv.fill(rrect(340, 293, 396, 309, 8), INK)
    check_badge(cv, 320, 340, 26, GREEN, ring_color=None)


# file name -> (background, drawing function)
PICTURES = {
    "sampul.png": (BG_COVER, sampul),
    "internet-dunia.png": (BG_INTERNET, internet_dunia),
    "ponsel-bagian.png": (BG_INTERNET, ponsel_bagian),
    "sinyal-wifi.png": (BG_INTERNET, sinyal_wifi),
    "paket-data.png": (BG_INTERNET, paket_data),
    "aplikasi.png": (BG_INTERNET, aplikasi),
    "mesin-pencari.png": (BG_INTERNET, mesin_pencari),
    "amplop-email.png": (BG_MESSAGES, amplop_email),
    "kotak-masuk.png": (BG_MESSAGES, kotak_masuk),
    "chat-whatsapp.png": (BG_MESSAGES, chat_whatsapp),
    "kirim-foto.png": (BG_MESSAGES, kirim_foto),
    "grup-chat.png": (BG_MESSAGES, grup_chat),
    "panggilan-video.png": (BG_MESSAGES, panggilan_video),
    "gembok.png": (BG_PASSWORD, gembok),
    "kata-sandi-kuat.png": (BG_PASSWORD, kata_sandi_kuat),
    "kode-otp.png": (BG_PASSWORD, kode_otp),
    "verifikasi-dua-langkah.png": (BG_PASSWORD, verifikasi_dua_langkah),
    "jangan-bagikan.png": (BG_PASSWORD, jangan_bagikan),
    "hoaks-koran.png": (BG_HOAX, hoaks_koran),
    "cek-fakta.png": (BG_HOAX, cek_fakta),
    "pesan-penipuan.png": (BG_HOAX, pesan_penipuan),
    "hadiah-palsu.png": (BG_HOAX, hadiah_palsu),
    "tautan-mencurigakan.png": (BG_HOAX, tautan_mencurigakan),
    "lapor-blokir.png": (BG_HOAX, lapor_blokir),
    "ktp-elektronik.png": (BG_SERVICES, ktp_elektronik),
    "dukcapil.png": (BG_SERVICES, dukcapil),
    "bpjs-kesehatan.png": (BG_SERVICES, bpjs_kesehatan),
    "lapor.png": (BG_SERVICES, lapor),
    "antre-online.png": (BG_SERVICES, antre_online),
    "situs-resmi.png": (BG_SERVICES, situs_resmi),
    "qris.png": (BG_PAYMENT, qris),
    "mobile-banking.png": (BG_PAYMENT, mobile_banking),
    "dompet-digital.png": (BG_PAYMENT, dompet_digital),
    "cek-nominal.png": (BG_PAYMENT, cek_nominal),
    "pin-rahasia.png": (BG_PAYMENT, pin_rahasia),
    "struk-transaksi.png": (BG_PAYMENT, struk_transaksi),
}


def render(name):
    background, draw = PICTURES[name]
    cv = Canvas(background)
    draw(cv)
    return cv.png()


def main(argv):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default = os.path.join(repo, "assets", "lessons", "literasi-digital", "images")
    outdir = argv[1] if len(argv) > 1 else default
    names = argv[2:] or list(PICTURES)
    unknown = [n for n in names if n not in PICTURES]
    if unknown:
        sys.exit("unknown picture(s): %s (known: %s)" % (", ".join(unknown), ", ".join(PICTURES)))
    os.makedirs(outdir, exist_ok=True)
    start = time.monotonic()
    total = 0
    for name in names:
        data = render(name)
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        total += len(data)
        print("%-28s %7d bytes" % (name, len(data)))
    print("%d pictures, %d bytes, %.1f s -> %s" % (len(names), total, time.monotonic() - start, outdir))


if __name__ == "__main__":
    main(sys.argv)
