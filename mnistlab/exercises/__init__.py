"""연습문제: one module per chapter registers its exercises with mnistlab.check.register."""
