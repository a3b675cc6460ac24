"""연습문제: one module per chapter registers its exercises with mnistlab.check.register.

The registry is filled from this list only, in this order (no scanning of the folder):
to add a chapter, write ``chNN.py`` in the existing ``register(...)`` style and add its
name here — one line.
"""

CHAPTERS = (
    "ch00",
    "ch01",
    "ch02",
    "ch03",
    "ch04",
    "ch05",
    "ch06",
    "ch07",
    "ch08",
    "ch09",
    "ch10",
    "ch11",
)
