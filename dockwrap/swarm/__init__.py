"""Swarm: `swarm init|leave`, `node ls`, `service create|ls|ps|scale|logs|rm`."""
