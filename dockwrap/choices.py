"""The few words some docker options take, defined once for the API's checks and the CLI.

docker's own `--help` lists them in prose only, so the table (`dockwrap.surface`) cannot hold them.
"""

__all__ = ["PULL_POLICIES", "SERVICE_MODES", "ENDPOINT_MODES", "CHOICES"]

#: `run --pull`, `create --pull`: when docker may pull the image
PULL_POLICIES = ("always", "missing", "never")
#: `service create --mode`
SERVICE_MODES = ("replicated", "global", "replicated-job", "global-job")
#: `service create --endpoint-mode`: one virtual IP (needs IPVS), or DNS round robin
ENDPOINT_MODES = ("vip", "dnsrr")

#: docker's command -> option -> the words it takes (checked before any call: docker checks some
#: only in the daemon, after making what came before)
CHOICES: dict[str, dict[str, tuple[str, ...]]] = {
    "container run": {"pull": PULL_POLICIES},
    "container create": {"pull": PULL_POLICIES},
    "service create": {"mode": SERVICE_MODES, "endpoint-mode": ENDPOINT_MODES},
    "service update": {"endpoint-mode": ENDPOINT_MODES},
}
