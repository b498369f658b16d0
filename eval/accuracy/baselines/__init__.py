"""Baselines run in the same process on the same input as newsprism, so every figure has a reference."""
