"""The re-check at close: which proposed cuts of a story are taken."""

from __future__ import annotations

import numpy as np

from newsprism.stories import refine


def _two_halves(within: float, across: float) -> np.ndarray:
    """Similarities of eight members, four and four, ``within`` inside a half and ``across`` between."""
    half = np.arange(8) < 4
    sims = np.where(half[:, None] == half[None, :], within, across)
    np.fill_diagonal(sims, 1.0)
    return sims


def test_a_uniform_event_is_kept_whole_although_its_neighbour_graph_falls_in_two():
    # Every member's nearest neighbours lie in its own half, so the sparse
    # neighbour graph has two components (normalised cut 0), yet the halves
    # are nearly as alike across as within: one event told from two angles.
    sims = _two_halves(within=0.60, across=0.55)
    graph = refine._neighbour_graph(sims)
    assert graph[:4, 4:].sum() == 0
    assert refine._bisect(sims, list(range(8))) == [list(range(8))]


def test_two_events_whose_halves_differ_clearly_are_cut():
    sims = _two_halves(within=0.60, across=0.20)
    assert sorted(refine._bisect(sims, list(range(8)))) == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_separation_is_the_cross_mean_over_the_mean_within():
    sims = _two_halves(within=0.60, across=0.30)
    assert abs(refine._separation(sims, [0, 1, 2, 3], [4, 5, 6, 7]) - 0.5) < 1e-9
