"""The real docker command lines that test_explain_lines.py and test_explain_docker.py explain.

The lines are docker's documentation examples (docker/cli docs/reference/commandline/*.md at
v28.2.2, as `$ docker ...` prompts there), the docker calls of dockwrap's lessons (examples/*.sh
under -x) and learners' mistakes.
"""

# line | canonical command | pieces after the command: options as "--long" or "--long=value" (globals
# prefixed "G "), operands as "NAME:word", "env NAME" | finding codes, in order
CASES = [
    # docker docs: container_run.md, container_ls.md, network_*.md, service_create.md, image_*.md, ...
    ("$ docker run --name test -d nginx:alpine", "container run", "--name=test --detach IMAGE:nginx:alpine", ""),
    (
        "$ docker run --name test --net mynet -d nginx:alpine",
        "container run",
        "--name=test --net=mynet --detach IMAGE:nginx:alpine",
        "legacy-option",
    ),
    (
        '$ docker run --cidfile /tmp/docker_test.cid ubuntu echo "test"',
        "container run",
        "--cidfile=/tmp/docker_test.cid IMAGE:ubuntu COMMAND:echo ARG:test",
        "latest-tag",
    ),
    (
        "$ docker run -t -i --rm ubuntu bash",
        "container run",
        "--tty --interactive --rm IMAGE:ubuntu COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker run -w /path/to/dir/ ubuntu pwd",
        "container run",
        "--workdir=/path/to/dir/ IMAGE:ubuntu COMMAND:pwd",
        "latest-tag",
    ),
    (
        "$ docker run -d --tmpfs /run:rw,noexec,nosuid,size=65536k my_image",
        "container run",
        "--detach --tmpfs=/run:rw,noexec,nosuid,size=65536k IMAGE:my_image",
        "latest-tag",
    ),
    (
        "$ docker run --read-only -v /icanwrite busybox touch /icanwrite/here",
        "container run",
        "--read-only --volume=/icanwrite IMAGE:busybox COMMAND:touch ARG:/icanwrite/here",
        "latest-tag",
    ),
    (
        "$ docker run -t -i --mount type=bind,src=/data,dst=/data busybox sh",
        "container run",
        "--tty --interactive --mount=type=bind,src=/data,dst=/data IMAGE:busybox COMMAND:sh",
        "latest-tag",
    ),
    (
        "$ docker run -p 127.0.0.1:80:8080/tcp nginx:alpine",
        "container run",
        "--publish=127.0.0.1:80:8080/tcp IMAGE:nginx:alpine",
        "",
    ),
    ("$ docker run -P nginx:alpine", "container run", "--publish-all IMAGE:nginx:alpine", "all-interfaces"),
    ("$ docker run --pull=never hello-world", "container run", "--pull=never IMAGE:hello-world", "latest-tag"),
    (
        "$ docker run -e MYVAR1 --env MYVAR2=foo --env-file ./env.list ubuntu bash",
        "container run",
        "--env=MYVAR1 --env=MYVAR2=foo --env-file=./env.list IMAGE:ubuntu COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker run --env VAR1=value1 --env VAR2=value2 ubuntu env | grep VAR",
        "container run",
        "--env=VAR1=value1 --env=VAR2=value2 IMAGE:ubuntu COMMAND:env",
        "latest-tag",
    ),
    (
        "$ docker run -l my-label --label com.example.foo=bar ubuntu bash",
        "container run",
        "--label=my-label --label=com.example.foo=bar IMAGE:ubuntu COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker run -itd --network=my-net --ip=192.0.2.69 busybox",
        "container run",
        "--interactive --tty --detach --network=my-net --ip=192.0.2.69 IMAGE:busybox",
        "latest-tag",
    ),
    (
        "$ docker run -d -p 80:80 my_image nginx -g 'daemon off;'",
        "container run",
        "--detach --publish=80:80 IMAGE:my_image COMMAND:nginx ARG:-g ARG:daemon off;",
        "all-interfaces latest-tag",
    ),
    (
        "$ docker run --device=/dev/sda:/dev/xvdc --rm -it ubuntu fdisk  /dev/xvdc",
        "container run",
        "--device=/dev/sda:/dev/xvdc --rm --interactive --tty IMAGE:ubuntu COMMAND:fdisk ARG:/dev/xvdc",
        "latest-tag",
    ),
    (
        "$ docker run -a stdin -a stdout -i -t ubuntu /bin/bash",
        "container run",
        "--attach=stdin --attach=stdout --interactive --tty IMAGE:ubuntu COMMAND:/bin/bash",
        "latest-tag",
    ),
    (
        "$ docker run --restart=on-failure:10 redis",
        "container run",
        "--restart=on-failure:10 IMAGE:redis",
        "latest-tag",
    ),
    (
        '$ docker run --ulimit nofile=1024:1024 --rm debian sh -c "ulimit -n"',
        "container run",
        "--ulimit=nofile=1024:1024 --rm IMAGE:debian COMMAND:sh ARG:-c ARG:ulimit -n",
        "latest-tag",
    ),
    (
        "$ docker run --security-opt label=level:s0:c100,c200 -it fedora bash",
        "container run",
        "--security-opt=label=level:s0:c100,c200 --interactive --tty IMAGE:fedora COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker create --name test alpine:latest top",
        "container create",
        "--name=test IMAGE:alpine:latest COMMAND:top",
        "latest-tag",
    ),
    ("$ docker ps -a --filter 'exited=0'", "container ls", "--all --filter=exited=0", ""),
    (
        "$ docker container ls --format '{{.ID}}: {{.Command}}' --no-trunc",
        "container ls",
        "--format={{.ID}}: {{.Command}} --no-trunc",
        "",
    ),
    (
        "$ docker network create --subnet 172.20.0.0/16 --ip-range 172.20.240.0/20 multi-host-network",
        "network create",
        "--subnet=172.20.0.0/16 --ip-range=172.20.240.0/20 NETWORK:multi-host-network",
        "",
    ),
    (
        "$ docker network connect --alias db --alias mysql multi-host-network container2",
        "network connect",
        "--alias=db --alias=mysql NETWORK:multi-host-network CONTAINER:container2",
        "",
    ),
    ("$ docker network ls --filter driver=bridge", "network ls", "--filter=driver=bridge", ""),
    (
        '$ docker inspect -f "{{ .State.StartedAt }}" my-container',
        "inspect",
        "--format={{ .State.StartedAt }} NAME|ID:my-container",
        "",
    ),
    (
        "$ docker service create --name redis --hostname myredis redis:7.4.1",
        "service create",
        "--name=redis --hostname=myredis IMAGE:redis:7.4.1",
        "",
    ),
    (
        "$ docker service create --limit-memory=4GB --name=too-big nginx:alpine",
        "service create",
        "--limit-memory=4GB --name=too-big IMAGE:nginx:alpine",
        "",
    ),
    (
        "$ docker image pull --quiet --platform=linux/riscv64 alpine",
        "image pull",
        "--quiet --platform=linux/riscv64 NAME[:TAG|@DIGEST]:alpine",
        "",
    ),
    (
        "$ docker image tag myimage registry-host:5000/myname/myimage:v1.0",
        "image tag",
        "SOURCE_IMAGE[:TAG]:myimage TARGET_IMAGE[:TAG]:registry-host:5000/myname/myimage:v1.0",
        "",
    ),
    (
        '$ docker images --filter "label=com.example.version=0.1"',
        "image ls",
        "--filter=label=com.example.version=0.1",
        "",
    ),
    (
        '$ docker container prune --force --filter "until=2017-01-04T13:10:00"',
        "container prune",
        "--force --filter=until=2017-01-04T13:10:00",
        "",
    ),
    (
        "$ docker cp CONTAINER:/var/logs/ /tmp/app_logs",
        "container cp",
        "CONTAINER:SRC_PATH:CONTAINER:/var/logs/ DEST_PATH|-:/tmp/app_logs",
        "",
    ),
    (
        "$ docker cp ./some_file CONTAINER:/work",
        "container cp",
        "SRC_PATH|-:./some_file CONTAINER:DEST_PATH:CONTAINER:/work",
        "",
    ),
    (
        "$ docker update --cpu-shares 512 abebf7571666",
        "container update",
        "--cpu-shares=512 CONTAINER:abebf7571666",
        "",
    ),
    ("$ docker rm --force redis", "container rm", "--force CONTAINER:redis", ""),
    ("$ docker logs -f --until=2s test", "container logs", "--follow --until=2s CONTAINER:test", ""),
    # the lessons (examples/*.sh), as -x shows the docker calls they make
    (
        "docker container run --detach --init --name web --label dockwrap.example=02 --publish 127.0.0.1:0:80 "
        "--pull never busybox:latest sh -c 'exec httpd -f -p 80'",
        "container run",
        "--detach --init --name=web --label=dockwrap.example=02 --publish=127.0.0.1:0:80 --pull=never "
        "IMAGE:busybox:latest COMMAND:sh ARG:-c ARG:exec httpd -f -p 80",
        "latest-tag",
    ),
    ("docker container port web", "container port", "CONTAINER:web", ""),
    (
        "docker container exec -e GREETING=hello -w /tmp box sh -c 'cat note'",
        "container exec",
        "--env=GREETING=hello --workdir=/tmp CONTAINER:box COMMAND:sh ARG:-c ARG:cat note",
        "",
    ),
    ("docker container exec -i box sh", "container exec", "--interactive CONTAINER:box COMMAND:sh", ""),
    (
        "docker container stats --no-stream --format '{{json .}}' box",
        "container stats",
        "--no-stream --format={{json .}} CONTAINER:box",
        "",
    ),
    ("docker network connect --alias db net b", "network connect", "--alias=db NETWORK:net CONTAINER:b", ""),
    (
        "docker container exec a ping -c 1 -W 1 b",
        "container exec",
        "CONTAINER:a COMMAND:ping ARG:-c ARG:1 ARG:-W ARG:1 ARG:b",
        "",
    ),
    # mistakes: after the image, unknown option and command, missing value and operand, -t alone, -p, --link
    (
        "docker run nginx -d -p 8080:80",
        "container run",
        "IMAGE:nginx COMMAND:-d ARG:-p ARG:8080:80",
        "latest-tag after-image",
    ),
    ("docker exec web -it sh", "container exec", "CONTAINER:web COMMAND:-it ARG:sh", "after-container"),
    ("docker ps --formatt '{{.Names}}'", "container ls", "--formatt ?:{{.Names}}", "unknown-option"),
    ("docker imags ls", None, "?:ls", "unknown-command"),
    ("docker run --name", "container run", "--name", "missing-value missing-operand"),
    ("docker network connect net", "network connect", "NETWORK:net", "missing-operand"),
    (
        "docker run -t busybox:1.36 sh",
        "container run",
        "--tty IMAGE:busybox:1.36 COMMAND:sh",
        "tty-without-interactive",
    ),
    ("docker run -p 80:70000 busybox:1.36", "container run", "--publish=80:70000 IMAGE:busybox:1.36", "bad-publish"),
    (
        "docker run --link db:db --net-alias web busybox:1.36",
        "container run",
        "--link=db:db --net-alias=web IMAGE:busybox:1.36",
        "legacy-link legacy-option",
    ),
    (
        "docker run -e DB_PASSWORD=hunter2 busybox:1.36",
        "container run",
        "--env=DB_PASSWORD=hunter2 IMAGE:busybox:1.36",
        "secret-in-argv",
    ),
    ("DOCKER_HOST=ssh://me@box docker -D ps", "container ls", "env DOCKER_HOST G --debug", ""),
    ("docker --context prod stop -t 5 web", "container stop", "G --context=prod --timeout=5 CONTAINER:web", ""),
    ("docker network", "network", "", "group"),
    ("docker stop --time 5 web", "container stop", "--time=5 CONTAINER:web", "deprecated-option"),
]
