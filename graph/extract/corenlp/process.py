"""One long-lived CoreNLP tagger process per model, spoken to over pipes.

Why a child process and not a server: extraction is a batch job inside one
``skg`` run. Loading the German model takes 2-5 s, so the process is started
on first use, kept for the rest of the run and closed at exit.

Protocol (see ``java/SkgTagger.java``): after ``READY`` each input line is one
sentence, tokens separated by tabs; each output line holds one label per token.
A reader thread drains the tagger's output into a queue, so writing a whole
document before reading can never deadlock on full pipe buffers, and every
wait has a timeout.
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from graph.errors import ExtractionError

READY_TIMEOUT_S = 180.0
ANSWER_TIMEOUT_S = 120.0
_CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
_HINT = "see the tagger log {log}; raise SKG_CORENLP_HEAP_MB or use extractors without corenlp"


def clean_token(token: str) -> str:
    """A token as the protocol can carry it: no tab or line break, never empty.

    >>> clean_token("a\\tb"), clean_token("")
    ('a b', '_')
    """
    return token.translate(_CLEAN) or "_"


class TaggerProcess:
    """A running ``SkgTagger``: :meth:`tag` sentences, :meth:`close` when done."""

    def __init__(self, command: Sequence[str], log: Path) -> None:
        self.log = log
        log.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._lines: queue.Queue[str | None] = queue.Queue()
        with log.open("ab") as err:
            self._proc = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=err)
        threading.Thread(target=self._drain, args=(self._proc.stdout,), daemon=True).start()
        first = self._next(READY_TIMEOUT_S, "loading the CoreNLP model")
        if first != "READY":
            self.close()
            raise self._failure(f"the CoreNLP tagger did not start (said {first!r})")

    def _drain(self, stream: IO[bytes] | None) -> None:
        """Reader thread: every output line into the queue, then ``None`` at end of stream."""
        assert stream is not None
        for raw in stream:
            self._lines.put(raw.decode("utf-8", errors="replace").rstrip("\r\n"))
        self._lines.put(None)

    def _next(self, timeout: float, doing: str) -> str:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.close()
            raise self._failure(f"the CoreNLP tagger gave no answer within {timeout:.0f} s while {doing}"
                                ) from None
        if line is None:
            self._lines.put(None)  # later callers see the end too
            raise self._failure(f"the CoreNLP tagger stopped while {doing} (exit {self._proc.poll()})")
        return line

    def _failure(self, message: str) -> ExtractionError:
        tail = ""
        if self.log.exists():
            lines = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            tail = "\n".join(lines[-5:])
        return ExtractionError(message + (f":\n{tail}" if tail else ""), hint=_HINT.format(log=self.log))

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self._proc.poll() is None

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One label per token of every sentence (CoreNLP's IO labels, e.g. ``PERSON`` or ``O``)."""
        if not sentences:
            return []
        payload = "".join("\t".join(clean_token(t) for t in s) + "\n" for s in sentences)
        with self._lock:
            stdin = self._proc.stdin
            if stdin is None or not self.alive:
                raise self._failure("the CoreNLP tagger is not running")
            try:
                stdin.write(payload.encode("utf-8", errors="replace"))
                stdin.flush()
            except BrokenPipeError:
                raise self._failure("the CoreNLP tagger stopped reading") from None
            answers = [self._next(ANSWER_TIMEOUT_S, "tagging") for _ in sentences]
        return [_labels(answer, len(sentence)) for answer, sentence in zip(answers, sentences, strict=True)]

    def close(self) -> None:
        """End the process: close its input, wait briefly, then kill."""
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)


def _labels(answer: str, expected: int) -> list[str]:
    labels = answer.split("\t") if answer else []
    if len(labels) != expected:
        raise ExtractionError(f"the CoreNLP tagger returned {len(labels)} labels for {expected} tokens",
                              hint="report it with the text that caused it; meanwhile leave out corenlp")
    return labels


_RUNNING: dict[tuple[str, ...], TaggerProcess] = {}
_RUNNING_LOCK = threading.Lock()


def shared_tagger(command: Sequence[str], log: Path) -> TaggerProcess:
    """The running tagger for ``command``, started on first use and closed at interpreter exit."""
    key = tuple(command)
    with _RUNNING_LOCK:
        proc = _RUNNING.get(key)
        if proc is None or not proc.alive:
            proc = TaggerProcess(command, log)
            _RUNNING[key] = proc
        return proc


@atexit.register
def close_all() -> None:
    """Close every shared tagger (also called by tests)."""
    with _RUNNING_LOCK:
        for proc in _RUNNING.values():
            proc.close()
        _RUNNING.clear()
