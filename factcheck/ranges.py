"""Sorted character ranges and the one question asked of them: does [start, end) touch any?"""

from __future__ import annotations

import bisect


class Ranges(list):
    """Sorted, possibly overlapping character ranges with the running maximum of their ends, so
    that `overlaps` takes logarithmic time however many ranges there are."""

    def __init__(self, ranges=()):
        super().__init__(sorted(ranges))
        self.reach = []
        furthest = -1
        for _, high in self:
            furthest = max(furthest, high)
            self.reach.append(furthest)


def overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) touches any of the sorted, possibly overlapping `ranges`."""
    if not isinstance(ranges, Ranges):
        ranges = Ranges(ranges)
    index = bisect.bisect_left(ranges, (end, 0))
    return index > 0 and ranges.reach[index - 1] > start
