"""A docker command line to its pieces, their roles and the findings about it (pure, engine-free).

    read(ShellCommand(1, "docker ps -a", ("docker", "ps", "-a")))
    # Explanation(command="container ls", spelled="ps", pieces=(command ps, option -a), ...)

The split is docker's own (dockwrap.surface.split, against the table of docker's commands and
options); the operands get the names of the command's usage line (`IMAGE`, `COMMAND`, `ARG`);
`checks` reads the values and adds what a learner should know. Descriptions are not here: they
come from the installed docker's `--help` (`describe`).
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Sequence
from dataclasses import replace

from ..surface import HELP, Command, Operand
from ..surface.split import ParsedCommandLine, Problem, split
from . import checks
from .records import Explanation, Finding, Piece, Role
from .shell import ShellCommand

__all__ = ["read", "read_argv", "runs_docker"]

#: words before `docker` that are the shell's, not a command: a pasted prompt (`$ docker ps`,
#: `+ docker ps` as `bash -x` and `dockwrap -x` print it), reserved words, runners of a command
_PROMPTS = ("$", "+")
_LEADING = frozenset({"!", "{", "if", "then", "else", "elif", "do", "while", "until", "time", "exec", "sudo"})
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


def runs_docker(words: Sequence[str]) -> bool:
    """Whether a shell command's words run docker (after a prompt, variables, `sudo`, ...)."""
    at = _docker_at(words)
    return at < len(words) and os.path.basename(words[at]) == "docker"


def _docker_at(words: Sequence[str]) -> int:
    """The index of the word that should be `docker`: past the shell's own leading words."""
    at = 1 if words[:1] and words[0] in _PROMPTS else 0
    while at < len(words) and (words[at] in _LEADING or _ASSIGNMENT.match(words[at])):
        at += 1
    return at


def read(command: ShellCommand) -> Explanation:
    """One simple shell command: explained when it runs docker, else `skipped`."""
    words = command.words
    if not runs_docker(words):
        return Explanation(command.text, "skipped", command.line, words)
    at = _docker_at(words)
    environment = [
        Piece(
            "environment",
            (word,),
            name=word.partition("=")[0],
            value=word.partition("=")[2],
            note=checks.environment_note(word.partition("=")[0]),
        )
        for word in words[:at]
        if _ASSIGNMENT.match(word)
    ]
    explanation = read_argv(words[at + 1 :], text=command.text, line=command.line, environment=environment)
    if not command.expansions:
        return replace(explanation, words=words)
    shown = ", ".join(dict.fromkeys(command.expansions))
    expanded = Finding(
        "note", "shell-expansion", f"the shell replaces {shown} before docker runs: explained as written here"
    )
    return replace(explanation, words=words, findings=(*explanation.findings, expanded))


def read_argv(
    argv: Sequence[str], *, text: str | None = None, line: int | None = None, environment: Sequence[Piece] = ()
) -> Explanation:
    """ARGV, the words after `docker` (a leading `docker` is taken off)."""
    argv = tuple(argv)
    if argv[:1] == ("docker",):
        argv = argv[1:]
    parsed = split(argv)
    command = parsed.command
    operands = parsed.operands
    usage = _usage(command, operands) if command and not command.group else ()
    names = _operand_names(usage, len(operands))
    pieces = list(environment)
    findings = [_finding(problem) for problem in parsed.problems]
    at_operand = 0
    unknown = next((problem for problem in parsed.problems if problem.kind == "unknown-command"), None)
    for part in parsed.parts:
        if part.role == "command":
            if not any(piece.role == "command" for piece in pieces):
                pieces.append(_command_piece(parsed, command))
        elif part.role in ("global", "option"):
            role: Role = "global-option" if part.role == "global" else "option"
            for use in part.uses:
                name = f"--{use.option.long}" if use.option else None
                note = "docker prints the help and runs nothing" if use.option is HELP else None
                pieces.append(Piece(role, part.tokens, name, use.spelling, use.value, note=note))
        elif part.role == "end":
            pieces.append(Piece("end-of-options", part.tokens))
        elif unknown is not None and part.tokens == (unknown.token,):
            pieces.append(Piece("command", part.tokens, note=_unknown_command(unknown)))
            unknown = None
        else:
            pieces.append(Piece("operand", part.tokens, names[at_operand] if at_operand < len(names) else None))
            at_operand += 1
    pieces, more = checks.read_values(command, pieces)
    findings += more
    findings += _line_findings(parsed, usage, argv)
    return Explanation(
        text=text if text is not None else shlex.join(("docker", *argv)),
        status="explained",
        line=line,
        words=("docker", *argv),
        argv=argv,
        command=command.name if command else None,
        spelled=" ".join(parsed.spelled) or None,
        pieces=tuple(pieces),
        findings=tuple(findings),
    )


def _command_piece(parsed: ParsedCommandLine, command: Command | None) -> Piece:
    """The command's words: what they stand for, and the other ways to write it."""
    spelled = parsed.spelled
    if command is None:  # the split names a command whenever it takes command words
        return Piece("command", spelled)
    spellings = [" ".join(("docker", *alias)) for alias in (command.path, *command.aliases) if alias != spelled]
    note: str | None
    if spelled != command.path:
        note = f"short for docker {command.name}" if len(spelled) < len(command.path) else f"= docker {command.name}"
        others = [spelling for spelling in spellings if spelling != f"docker {command.name}"]
        note += f" (also: {', '.join(others)})" if others else ""
    else:
        note = f"also written: {', '.join(spellings)}" if spellings else None
    return Piece("command", spelled, command.name, note=note)


def _unknown_command(problem: Problem) -> str:
    return "not a docker command" + (f": did you mean docker {problem.suggestion}?" if problem.suggestion else "")


def _finding(problem: Problem) -> Finding:
    suggestion = problem.suggestion
    message = problem.message + (f" (did you mean {suggestion}?)" if suggestion else "")
    return Finding("error", problem.kind, message, problem.token, suggestion)


def _usage(command: Command, operands: Sequence[str]) -> tuple[Operand, ...]:
    """The usage line the operands follow (`cp` has two): one that takes their number, and of
    those the one whose `CONTAINER:` operand holds the word with a colon; else the nearest."""
    count = len(operands)

    def fits(usage: tuple[Operand, ...]) -> bool:
        required = sum(operand.required for operand in usage)
        return required <= count and (count <= len(usage) or _open_ended(usage))

    def colons(usage: tuple[Operand, ...]) -> int:
        # a usage may be shorter or longer than the words given: pair what both have
        pairs = zip(operands, usage, strict=False)
        return sum(":" in word and operand.name.startswith("CONTAINER:") for word, operand in pairs)

    fitting = [usage for usage in command.usages if fits(usage)]
    if fitting:
        return max(fitting, key=colons)
    if not command.usages:
        return ()
    return min(command.usages, key=lambda usage: sum(operand.required for operand in usage))


def _open_ended(usage: tuple[Operand, ...]) -> bool:
    # `top CONTAINER [ps OPTIONS]`: ps's options are any number of words
    return bool(usage) and (usage[-1].variadic or usage[-1].name.endswith("OPTIONS"))


def _operand_names(usage: tuple[Operand, ...], count: int) -> list[str | None]:
    names: list[str | None] = [operand.name for operand in usage[:count]]
    rest = count - len(names)
    return names + [usage[-1].name if _open_ended(usage) else None] * rest


def _usage_word(operand: Operand) -> str:
    name = operand.name + ("..." if operand.variadic else "")
    return name if operand.required else f"[{name}]"


def _line_findings(parsed: ParsedCommandLine, usage: tuple[Operand, ...], argv: tuple[str, ...]) -> list[Finding]:
    command = parsed.command
    if parsed.help or any(problem.kind == "unknown-command" for problem in parsed.problems):
        return []  # the --help piece says what happens; docker stops at an unknown command
    if command is None:
        return [Finding("note", "no-command", "docker alone prints its usage and the list of its commands")]
    if command.group:
        return [
            Finding(
                "note",
                "group",
                f"docker {command.name} is a group of commands: alone, it prints them (docker {command.name} --help)",
            )
        ]
    findings = []
    missing = [operand.name for operand in usage[len(parsed.operands) :] if operand.required]
    if missing:
        shown = " ".join(_usage_word(operand) for operand in usage)
        findings.append(
            Finding(
                "error",
                "missing-operand",
                f"missing {' '.join(missing)}: docker {' '.join(parsed.spelled)} takes {shown}",
                None,
            )
        )
    findings += checks.line_checks(parsed, argv)
    return findings
