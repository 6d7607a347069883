"""Run a command beside a test sshd and a TLS second engine, then stop both.

    .venv/bin/python -m tests.remote_scene tests/fixtures/record_remote.sh
    .venv/bin/python -m tests.remote_scene bash       # try things by hand; exit to stop them

The command gets the scene in its environment (nothing else is changed):

    DWR_SSH_URL          ssh://root@127.0.0.1:PORT (the test sshd: tests/sshd.py)
    DWR_SSH_BIN_<V>      the directory of the `ssh` wrapper of each variant, to put first on PATH:
                         TRUSTED, UNKNOWN_HOST, WRONG_KEY, NO_DOCKER
    DWR_SSH_REFUSED_URL  ssh://root@127.0.0.1:PORT where nothing listens
    DWR_ENGINE_DIR       the second engine's directory (its socket: $DWR_ENGINE_DIR/docker.sock)
    DWR_TLS_HOST         tcp://127.0.0.1:PORT, the engine with --tlsverify
    DWR_TLS_CERTS        its certificates (tests/certs.py; client/ is a DOCKER_CERT_PATH)

The command's exit status is this program's.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.engines import SecondEngine
from tests.harness import free_port
from tests.sshd import VARIANTS, SSHServer


def scene_env(server: SSHServer, engine: SecondEngine) -> dict[str, str]:
    assert engine.dir is not None and engine.certs is not None
    env = {
        "DWR_SSH_URL": server.url(),
        "DWR_SSH_REFUSED_URL": f"ssh://root@127.0.0.1:{free_port()}",
        "DWR_ENGINE_DIR": str(engine.dir),
        "DWR_TLS_HOST": engine.tls_host,
        "DWR_TLS_CERTS": str(engine.certs.dir),
    }
    for variant in VARIANTS:
        env[f"DWR_SSH_BIN_{variant.upper().replace('-', '_')}"] = str(server.bin_dir(variant))
    return env


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    with SSHServer() as server, SecondEngine(tls=True) as engine:
        print(f"remote_scene: sshd at {server.url()}, TLS engine at {engine.tls_host}", file=sys.stderr)
        try:
            return subprocess.run(argv, env={**os.environ, **scene_env(server, engine)}).returncode
        except KeyboardInterrupt:
            return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
