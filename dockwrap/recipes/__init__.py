"""Recipes: the classic container lessons as checked, self-cleaning programs."""
from __future__ import annotations


class Recipes:
    def __init__(self, docker: object) -> None:
        self._docker = docker
