"""Splitting docker command lines as docker's pflag/cobra do (dockwrap/surface/split.py).

The lines are docker's documentation examples and the calls dockwrap's recipes and lessons make
(`dockwrap --dry-run recipe ...`). The problem messages are the ones docker 28.2.2 printed for
the same words, engine-free.
"""

from __future__ import annotations

import random
import shlex

import pytest

from dockwrap import surface
from dockwrap.surface import HELP, Option, lookup
from dockwrap.surface.build import option_args
from dockwrap.surface.split import Part, split

# line | canonical command | options as "spelling" or "spelling=value" (globals prefixed "G ") | operands
CASES = [
    # docker docs: run reference, getting started, and the example
    ("run -d -p 8080:80 --name web nginx", "container run", "-d -p=8080:80 --name=web", "nginx"),
    ("run -it --rm busybox sh", "container run", "-i -t --rm", "busybox sh"),
    ("run -dit --name c1 busybox", "container run", "-d -i -t --name=c1", "busybox"),
    ("run -dp 127.0.0.1:3000:3000 getting-started", "container run", "-d -p=127.0.0.1:3000:3000", "getting-started"),
    (
        "run -e MYVAR1 --env MYVAR2=foo --env-file ./env.list ubuntu bash",
        "container run",
        "-e=MYVAR1 --env=MYVAR2=foo --env-file=./env.list",
        "ubuntu bash",
    ),
    ("run --rm -e=A busybox env", "container run", "--rm -e=A", "busybox env"),
    ("run -p8080:80 busybox", "container run", "-p=8080:80", "busybox"),
    ("run --name=web busybox", "container run", "--name=web", "busybox"),
    ("run --rm=false busybox", "container run", "--rm=false", "busybox"),
    ("run --rm busybox ls --rm -l", "container run", "--rm", "busybox ls --rm -l"),
    (
        "run -d -v data:/data --restart unless-stopped busybox sleep 60",
        "container run",
        "-d -v=data:/data --restart=unless-stopped",
        "busybox sleep 60",
    ),
    (
        "run --mount type=bind,source=/src/target,target=/app nginx:latest",
        "container run",
        "--mount=type=bind,source=/src/target,target=/app",
        "nginx:latest",
    ),
    (
        "run -m 64m --cpus 0.5 -u 1000:1000 --cap-add NET_ADMIN --add-host db:10.0.0.2 busybox",
        "container run",
        "-m=64m --cpus=0.5 -u=1000:1000 --cap-add=NET_ADMIN --add-host=db:10.0.0.2",
        "busybox",
    ),
    (
        "run --health-cmd 'wget -q -O- localhost || exit 1' --health-interval=5s busybox",
        "container run",
        "--health-cmd=wget -q -O- localhost || exit 1 --health-interval=5s",
        "busybox",
    ),
    ("run -P --read-only --tmpfs /run busybox", "container run", "-P --read-only --tmpfs=/run", "busybox"),
    ("run --net host --net-alias web busybox", "container run", "--net=host --net-alias=web", "busybox"),
    ("run --sig-proxy=false busybox", "container run", "--sig-proxy=false", "busybox"),
    ("run -h box busybox hostname", "container run", "-h=box", "busybox hostname"),  # run's -h: --hostname
    ("run --name --rm busybox", "container run", "--name=--rm", "busybox"),  # a value is the next word
    ("run busybox -- sh", "container run", "", "busybox -- sh"),
    ("run -- busybox", "container run", "", "busybox"),
    # dockwrap's recipes and lessons
    (
        "container run --detach --init --name dw-a --label dockwrap.recipe=pingable-pair --network dw-net "
        "--pull never busybox:latest sleep 3600",
        "container run",
        "--detach --init --name=dw-a --label=dockwrap.recipe=pingable-pair --network=dw-net --pull=never",
        "busybox:latest sleep 3600",
    ),
    (
        "container run --detach --init --name dw-s1 --hostname dw-s1 --network-alias web --pull never busybox:latest "
        "sh -c 'exec httpd -f -p 80 -h /www'",
        "container run",
        "--detach --init --name=dw-s1 --hostname=dw-s1 --network-alias=web --pull=never",
        "busybox:latest sh -c 'exec httpd -f -p 80 -h /www'",
    ),
    (
        "container run --detach --init --name dw-web --publish 127.0.0.1:8080:80 --pull never busybox:latest",
        "container run",
        "--detach --init --name=dw-web --publish=127.0.0.1:8080:80 --pull=never",
        "busybox:latest",
    ),
    ("container exec dw-a ping -c 3 -W 2 dw-b", "container exec", "", "dw-a ping -c 3 -W 2 dw-b"),
    ("exec -it web sh -c 'echo hi'", "container exec", "-i -t", "web sh -c 'echo hi'"),
    ("container exec -u root -w /tmp web ls", "container exec", "-u=root -w=/tmp", "web ls"),
    ("container rm --force dw-a dw-b", "container rm", "--force", "dw-a dw-b"),
    (
        "network create --label dockwrap.recipe=pingable-pair dw-net",
        "network create",
        "--label=dockwrap.recipe=pingable-pair",
        "dw-net",
    ),
    (
        "network create --driver overlay --attachable --label a=b mesh",
        "network create",
        "--driver=overlay --attachable --label=a=b",
        "mesh",
    ),
    (
        "network create -d bridge --subnet 172.28.0.0/16 --ip-range 172.28.5.0/24 --gateway 172.28.5.254 br0",
        "network create",
        "-d=bridge --subnet=172.28.0.0/16 --ip-range=172.28.5.0/24 --gateway=172.28.5.254",
        "br0",
    ),
    ("network inspect dw-net", "network inspect", "", "dw-net"),
    ("network connect --alias db net1 c1", "network connect", "--alias=db", "net1 c1"),
    ("swarm init --advertise-addr 127.0.0.1", "swarm init", "--advertise-addr=127.0.0.1", ""),
    (
        "service create --detach --no-resolve-image --name dw-dnsrr --replicas 3 --endpoint-mode dnsrr "
        "--network name=mesh,alias=web --hostname '{{.Service.Name}}.{{.Task.Slot}}' busybox:latest sh -c 'httpd -f'",
        "service create",
        "--detach --no-resolve-image --name=dw-dnsrr --replicas=3 --endpoint-mode=dnsrr "
        "--network=name=mesh,alias=web --hostname={{.Service.Name}}.{{.Task.Slot}}",
        "busybox:latest sh -c 'httpd -f'",
    ),
    (
        "service create --replicas 1 --name helloworld alpine ping docker.com",
        "service create",
        "--replicas=1 --name=helloworld",
        "alpine ping docker.com",
    ),
    (
        "service ps --filter desired-state=running dw-dnsrr --format '{{json .}}'",
        "service ps",
        "--filter=desired-state=running --format={{json .}}",
        "dw-dnsrr",
    ),
    ("service rm dw-dnsrr dw-vip", "service rm", "", "dw-dnsrr dw-vip"),
    ("container top fxrec-web -o pid,comm", "container top", "", "fxrec-web -o pid,comm"),  # top stops at its operand
    (
        "container stats --no-stream --format '{{json .}}' fxrec-web",
        "container stats",
        "--no-stream --format={{json .}}",
        "fxrec-web",
    ),
    # listing, shortcuts and aliases
    (
        "ps -a --filter status=exited --format '{{.ID}}'",
        "container ls",
        "-a --filter=status=exited --format={{.ID}}",
        "",
    ),
    ("ps -aq", "container ls", "-a -q", ""),
    ("container list --all --no-trunc", "container ls", "--all --no-trunc", ""),
    ("images --format json", "image ls", "--format=json", ""),
    ("rmi -f busybox:latest", "image rm", "-f", "busybox:latest"),
    ("stop -t 5 web", "container stop", "-t=5", "web"),
    ("stop --time 5 web", "container stop", "--time=5", "web"),  # hidden, deprecated
    ("logs -f --tail 10 web", "container logs", "-f --tail=10", "web"),
    ("logs web -f", "container logs", "-f", "web"),  # options may follow the operand
    ("tag busybox:latest myimg:v1", "image tag", "", "busybox:latest myimg:v1"),
    ("commit -c 'CMD sh' web img", "container commit", "-c=CMD sh", "web img"),
    ("cp ./file web:/tmp/", "container cp", "", "./file web:/tmp/"),
    ("cp - web:/tmp", "container cp", "", "- web:/tmp"),
    ("image build -t app:1 --build-arg A=1 .", "image build", "-t=app:1 --build-arg=A=1", "."),
    ("builder build -t app .", "image build", "-t=app", "."),
    ("system prune -af --volumes", "system prune", "-a -f --volumes", ""),
    ("events --since 1m --filter type=container", "system events", "--since=1m --filter=type=container", ""),
    ("volume create --name data", "volume create", "--name=data", ""),  # hidden: the operand is the new way
    ("inspect --type container web", "inspect", "--type=container", "web"),
    ("update --memory 128m --memory-swap 256m web", "container update", "--memory=128m --memory-swap=256m", "web"),
    (
        "login -u user --password-stdin registry.example.com",
        "login",
        "-u=user --password-stdin",
        "registry.example.com",
    ),
    ("stack --orchestrator=swarm ls", "stack ls", "--orchestrator=swarm", ""),
    ("version --format '{{.Server.Version}}'", "version", "--format={{.Server.Version}}", ""),
    # docker's global options
    ("-H ssh://user@host ps", "container ls", "G -H=ssh://user@host", ""),
    ("--context remote container ls", "container ls", "G --context=remote", ""),
    ("-D --log-level=debug version", "version", "G -D G --log-level=debug", ""),
    ("--tls --tlsverify -H=tcp://h:2376 info", "system info", "G --tls G --tlsverify G -H=tcp://h:2376", ""),
    ("-v", None, "G -v", ""),
    ("", None, "", ""),
    ("container", "container", "", ""),
    # help
    ("--help", None, "G --help", ""),
    ("ps --help", "container ls", "--help", ""),
    ("ps -h", "container ls", "-h", ""),
    ("container -h", "container", "-h", ""),
]


def uses(line) -> str:
    return " ".join(
        ("G " if part.role == "global" else "") + use.spelling + ("" if use.value is None else f"={use.value}")
        for part in line.parts
        if part.role in ("global", "option")
        for use in part.uses
    )


@pytest.mark.parametrize("text, command, options, operands", CASES, ids=[case[0][:60] for case in CASES])
def test_docker_command_lines(text, command, options, operands):
    argv = shlex.split(text)
    line = split(argv)
    assert line.problems == ()
    assert (line.command.name if line.command else None) == command
    assert uses(line) == options
    assert line.operands == tuple(shlex.split(operands))
    assert line.tokens == tuple(argv) and line.argv == tuple(argv)
    assert all(use.option is not None for use in (*line.global_options, *line.options))


def test_the_spelling_the_user_wrote_and_the_parts():
    line = split(["-H", "unix:///x.sock", "ps", "-aq", "--filter", "label=a"])
    assert line.spelled == ("ps",) and line.command.path == ("container", "ls")
    assert line.parts == (
        Part("global", ("-H", "unix:///x.sock"), line.parts[0].uses),
        Part("command", ("ps",)),
        Part("option", ("-aq",), line.parts[2].uses),
        Part("option", ("--filter", "label=a"), line.parts[3].uses),
    )
    bundle = [(use.spelling, use.value, use.attached) for use in line.parts[2].uses]
    assert bundle == [("-a", None, False), ("-q", None, False)]
    assert line.parts[0].uses[0].option.long == "host"
    assert split(["container", "list"]).spelled == ("container", "list")


def test_a_bundle_gives_the_rest_or_the_next_word_to_its_last_letter():
    attached = split(["run", "-dp8080:80", "img"]).options
    assert [(u.spelling, u.value, u.attached) for u in attached] == [("-d", None, False), ("-p", "8080:80", True)]
    apart = split(["run", "-dp", "8080:80", "img"])
    assert [(u.spelling, u.value, u.attached) for u in apart.options] == [("-d", None, False), ("-p", "8080:80", False)]
    assert apart.parts[1].tokens == ("-dp", "8080:80")
    # a flag written -d=false: pflag reads "=false" as its value
    assert [(u.spelling, u.value) for u in split(["ps", "-a=false"]).options] == [("-a", "false")]
    # -e= gives "=" as the value: only -e=X with X not empty is "X"
    assert [(u.spelling, u.value) for u in split(["run", "-e=", "img"]).options] == [("-e", "=")]


def test_help():
    assert split(["ps", "--help"]).help and split(["--help"]).help and split(["ps", "-h"]).help
    assert split(["ps", "-h"]).options[0].option is HELP
    hostname = split(["run", "-h", "box", "img"])
    assert not hostname.help and hostname.options[0].option.long == "hostname"


@pytest.mark.parametrize(
    "argv, message, suggestion",
    [
        (["ps", "--bogus"], "unknown flag: --bogus", None),
        (["ps", "--formatt", "x"], "unknown flag: --formatt", "--format"),
        (["container", "ls", "--al"], "unknown flag: --al", "--all"),
        (["ps", "-x"], "unknown shorthand flag: 'x' in -x", None),
        (["ps", "-ax"], "unknown shorthand flag: 'x' in -x", None),
        (["ps", "-e="], "unknown shorthand flag: 'e' in -e=", None),
        (["ps", "--debug"], "unknown flag: --debug", None),  # global options only before the command
        (["--bogus", "ps"], "unknown flag: --bogus", None),
        (["-x", "ps"], "unknown shorthand flag: 'x' in -x", None),
        (["run", "-e"], "flag needs an argument: 'e' in -e", None),
        (["run", "-de"], "flag needs an argument: 'e' in -e", None),
        (["run", "--name"], "flag needs an argument: --name", None),
        (["-H"], "flag needs an argument: 'H' in -H", None),
        (["ps", "---x"], "bad flag syntax: ---x", None),
        (["ps", "--=x"], "bad flag syntax: --=x", None),
        (["imags"], "unknown command: docker imags", "images"),
        (["container", "lss"], "unknown command: docker container lss", "container ls"),
        (["container", "foo", "bar"], "unknown command: docker container foo", None),
        (["container", "-a", "ls"], "unknown shorthand flag: 'a' in -a", None),
    ],
)
def test_problems_in_dockers_words(argv, message, suggestion):
    line = split(argv)
    assert [(p.message, p.suggestion) for p in line.problems][:1] == [(message, suggestion)]
    assert line.tokens == tuple(argv)


def test_an_unknown_option_does_not_stop_the_split():
    line = split(["ps", "--bogus=1", "-a", "--nope", "--format", "x"])
    assert [p.token for p in line.problems] == ["--bogus=1", "--nope"]
    assert [(u.spelling, u.value, u.option is None) for u in line.options] == [
        ("--bogus", "1", True),
        ("-a", None, False),
        ("--nope", None, True),
        ("--format", "x", False),
    ]
    assert split(["nope", "-a", "b"]).operands == ("nope", "-a", "b")


VOCABULARY = [
    "run",
    "ps",
    "container",
    "ls",
    "exec",
    "service",
    "create",
    "network",
    "-d",
    "-dit",
    "-dp",
    "-p",
    "-p80",
    "-e=A",
    "-e=",
    "--name",
    "--name=x",
    "--rm",
    "--rm=false",
    "--",
    "-",
    "",
    "---",
    "--=",
    "-h",
    "--help",
    "-H",
    "--context",
    "busybox",
    "sh",
    "-c",
    "a b",
    "=",
    "-x",
    "--bogus",
    "ünï",
    "caf\udce9",
    "-é",
    " ",
]


@pytest.mark.parametrize("seed", range(300))
def test_joining_the_parts_gives_the_input_back(seed):
    rng = random.Random(seed)
    argv = [rng.choice(VOCABULARY) for _ in range(rng.randrange(0, 12))]
    line = split(argv)
    assert line.tokens == tuple(argv)
    assert all(part.tokens for part in line.parts)
    assert set(line.operands) <= set(argv)


RUN = surface.lookup(("container", "run"))
SAMPLES = {"flag": True, "value": "v=1 -x", "list": ["a", "--b", ""], "map": {"k": "v", "k2": ""}}


@pytest.mark.parametrize("seed", range(100))
def test_what_option_args_writes_splits_back_into_the_same_options(seed):
    rng = random.Random(seed)
    chosen = rng.sample(RUN.options, 8)
    keywords = {option.keyword: SAMPLES[option.kind] for option in chosen}
    argv = option_args(RUN, keywords)
    line = split(["container", "run", *argv, "busybox", "--rm"])
    assert line.problems == () and line.operands == ("busybox", "--rm")
    expected = []
    for option in chosen:
        value = SAMPLES[option.kind]
        if option.kind == "flag":
            expected.append((option.long, None))
        elif option.kind == "value":
            expected.append((option.long, value))
        else:
            items = value if isinstance(value, list) else [f"{k}={v}" for k, v in value.items()]
            expected += [(option.long, item) for item in items]
    assert [(use.option.long, use.value) for use in line.options] == expected


def test_extra_options_are_read_where_dockers_are_and_never_shadow_them():
    """dockwrap's own options of a verb (`--json`) split by docker's rules; docker's own win."""
    json_option = Option("json", None, "flag", None)
    shadow = Option("all", "q", "flag", None)  # docker's ls has --all/-a and -q/--quiet
    line = split(["container", "ls", "-a", "--json", "-q"], extra=(json_option, shadow))
    assert [(use.spelling, use.option) for use in line.options] == [
        ("-a", lookup("container ls").option("all")),
        ("--json", json_option),
        ("-q", lookup("container ls").option("quiet")),
    ]
    # run stops at its first operand: after the image, --json is the container's
    line = split(["run", "--json", "busybox", "echo", "--json"], extra=(json_option,))
    assert [use.spelling for use in line.options] == ["--json"] and line.operands == ("busybox", "echo", "--json")
    assert not split(["network", "ls", "--json"], extra=(json_option,)).problems
    assert split(["network", "ls", "--json"]).problems[0].message == "unknown flag: --json"
