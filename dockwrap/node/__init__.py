"""Swarm nodes: `node ls`."""
