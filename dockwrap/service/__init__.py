"""Swarm services: `service create|ls|ps|inspect|scale|logs|rm`."""
