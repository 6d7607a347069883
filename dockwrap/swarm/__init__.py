"""The swarm itself: `swarm init|leave`, and this engine's swarm state."""
