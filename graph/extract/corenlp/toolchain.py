"""Fetch Stanford CoreNLP's German models with Maven and compile the line-protocol tagger.

Files live under ``SKG_HOME/corenlp`` (``build/`` holds the pom and the classpath
per CoreNLP version, ``classes/`` the compiled tagger); the jars stay in Maven's
cache. :func:`tagger_command` is all a caller needs: the ``java`` command line
that starts a tagger and prints ``READY`` once the model is loaded.
"""

from __future__ import annotations

from pathlib import Path

from graph import jvm
from graph.errors import ExtractionError
from graph.settings import Settings

JAVA_SOURCE_DIR = Path(__file__).resolve().parent / "java"
MAIN_CLASS = "SkgTagger"
GERMAN_NER_MODEL = "edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz"


def _tool(home: Path) -> jvm.JavaTool:
    root = home / "corenlp"
    return jvm.JavaTool(name="corenlp", source_dir=JAVA_SOURCE_DIR, main_class=MAIN_CLASS,
                        build=root / "build", classes=root / "classes", error=ExtractionError,
                        retry_hint="`skg corenlp fetch`")


def _classpath_file(settings: Settings) -> tuple[jvm.JavaTool, Path]:
    tool = _tool(settings.home_path)
    return tool, tool.build / f"classpath-{settings.corenlp_version}.txt"


def fetched(settings: Settings) -> bool:
    """True when CoreNLP ``settings.corenlp_version`` is in Maven's cache (no network needed)."""
    return jvm.resolved(*_classpath_file(settings))


def fetch(settings: Settings) -> str:
    """Resolve CoreNLP ``settings.corenlp_version`` and its German models; return the classpath.

    The first call downloads about 210 MB from Maven Central; later ones read
    the cached classpath file.
    """
    version = str(settings.corenlp_version)
    tool, target = _classpath_file(settings)
    return jvm.resolve(tool, target, {"corenlp.version": version},
                       f"fetching Stanford CoreNLP {version} (German models) with Maven")


def tagger_command(settings: Settings) -> list[str]:
    """The command that starts a tagger process (fetching and compiling first when needed)."""
    classpath = fetch(settings)
    classes = jvm.compile_main(_tool(settings.home_path), classpath)
    heap = max(int(settings.corenlp_heap_mb), 128)
    java = jvm.require_tool("java", ExtractionError, "the `corenlp` recogniser")
    # Serial GC: one tagger thread, and the parallel collectors would take both cores.
    return [java, f"-Xmx{heap}m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-cp", f"{classes}:{classpath}", MAIN_CLASS, GERMAN_NER_MODEL]
