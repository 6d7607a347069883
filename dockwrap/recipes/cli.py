from __future__ import annotations

import click


@click.group(name="recipe")
def recipe_group() -> None:
    """Run a container lesson, checked and cleaned up."""


@click.command(name="cleanup")
def cleanup_command() -> None:
    """Remove everything recipes left."""
