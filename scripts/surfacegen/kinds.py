"""The generator's hand-kept facts: how docker's type words become kinds, and the hidden spellings.

Everything else in the table is read from docker's `--help`. These lists are small on purpose and
each entry says where in docker/cli (github.com/docker/cli) it comes from; `record` checks every
hidden spelling against the client before `build` lets it into the table.
"""

from __future__ import annotations

#: docker's type word (what pflag prints after an option's name) -> kind. `flag` = boolean,
#: `value` = one value (a later one replaces it), `list` = repeatable, each occurrence one
#: item, `map` = repeatable `key=value`. A word not here stops the build: a person classifies it.
KINDS: dict[str | None, str] = {
    None: "flag",  # pflag prints no word for bool (UnquoteUsage: "bool" -> "")
    # one value: pflag's scalar types (UnquoteUsage prints int64 as "int", uint64 as "uint",
    # float64 as "float") and docker's scalar opts.
    "string": "value",
    "int": "value",
    "int32": "value",
    "uint": "value",
    "uint16": "value",
    "uint32": "value",
    "float": "value",
    "duration": "value",
    "bytes": "value",  # opts.MemBytes (opts/opts.go)
    "decimal": "value",  # opts.NanoCPUs (opts/opts.go)
    "command": "value",  # opts.ShlexOpt (opts/opts.go): one shell-like string, split by docker
    "credential-spec": "value",  # container.credentialSpecOpt (cli/command/service/opts.go)
    "external-ca": "list",  # swarm.ExternalCAOption appends (cli/command/swarm/opts.go)
    "node-addr": "value",  # swarm.NodeAddrOption (cli/command/swarm/opts.go)
    "pem-file": "value",  # swarm.PEMFile (cli/command/swarm/opts.go)
    "ip": "value",  # pflag IPVar
    "gpu-request": "list",  # opts.GpuOpts.Set appends (opts/gpus.go)
    # repeatable: docker's ListOpts family (opts/opts.go: Type() "list"), and the opts whose
    # Set appends one parsed item per occurrence.
    "list": "list",
    "filter": "list",  # opts.FilterOpt (opts/opts.go)
    "mount": "list",  # opts.MountOpt (opts/mount.go)
    "ulimit": "list",  # opts.UlimitOpt (opts/ulimit.go): one per name, a later one replaces it
    "port": "list",  # PortOpt (opts/swarmopts/port.go; opts/port.go before 28.0)
    "network": "list",  # opts.NetworkOpt (opts/network.go)
    "secret": "list",  # SecretOpt (opts/swarmopts/secret.go; opts/secret.go before 28.0)
    "config": "list",  # ConfigOpt (opts/swarmopts/config.go; opts/config.go before 28.0)
    "pref": "list",  # service.placementPrefOpts (cli/command/service/opts.go)
    "stringArray": "list",  # pflag StringArray: one item per occurrence
    "strings": "list",  # pflag StringSlice (UnquoteUsage: "stringSlice" -> "strings"), comma-split too
    "stringSlice": "list",
    "ipNetSlice": "list",  # pflag IPNetSlice: appends once set, comma-split too (ipnet_slice.go)
    # repeatable key=value
    "map": "map",  # opts.MapOpts (opts/opts.go: Type() "map")
    "stringToString": "map",  # pflag StringToString
}

#: hidden options docker accepts but does not print: (command, long name) -> (pflag type word,
#: where docker/cli defines and hides it). `record` verifies each against the client.
HIDDEN_OPTIONS: dict[tuple[str, str], tuple[str | None, str]] = {
    # cli/command/container/opts.go addFlags (run and create): MarkHidden("dns-opt"/"net"/"net-alias")
    **{
        (command, long): (word, "cli/command/container/opts.go")
        for command in ("container run", "container create")
        for long, word in (("dns-opt", "list"), ("net", "network"), ("net-alias", "list"))
    },
    # MarkDeprecated("time", "use --timeout instead") since 23.0; 20.10 lists --time
    ("container stop", "time"): ("int", "cli/command/container/stop.go"),
    ("container restart", "time"): ("int", "cli/command/container/restart.go"),
    # MarkHidden("kernel-memory") with a "deprecated" annotation since 20.10's successor
    ("container update", "kernel-memory"): ("bytes", "cli/command/container/update.go"),
    # flags.Lookup("name").Hidden = true: the name is the operand now
    ("volume create", "name"): ("string", "cli/command/volume/create.go"),
    # 20.10 only: MarkHidden("stream")
    ("image build", "stream"): (None, "cli/command/image/build.go"),
    # persistent flag of `stack`: MarkDeprecated("orchestrator", "option will be ignored") in 28.x
    **{
        (command, "orchestrator"): ("string", "cli/command/stack/cmd.go")
        for command in ("stack", "stack deploy", "stack ls", "stack ps", "stack rm", "stack services")
    },
}

#: a value docker accepts for a hidden option, to write `--name=VALUE --help` in a probe
#: (by long name, else by type word); a flag (no type word) is written bare
PROBE_VALUES: dict[str, str] = {
    "orchestrator": "swarm",  # 20.10 checks the value before it prints help
    "string": "x",
    "int": "1",
    "bytes": "1m",
    "list": "x",
    "network": "x",
}

#: commands docker runs but does not list in `--help`, with where docker/cli hides them
HIDDEN_COMMANDS: dict[str, str] = {
    "help": "cobra's default help command (github.com/spf13/cobra command.go InitDefaultHelpCmd)",
    "completion": "cobra's default completion command, HiddenDefaultCmd in cmd/docker/docker.go (28.x)",
    "system dial-stdio": "cli/command/system/dial_stdio.go: Hidden: true",
}
