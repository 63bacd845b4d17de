"""The local Neo4j server: start/stop/status on a temporary home, and its safety settings.

One server per module (C1-only JIT to halve the boot CPU) on a free, non-default port; it
needs Java and Maven (jars cached in ~/.m2) and skips without them (fails under CI=true).
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
import typer
from neo4j.exceptions import ClientError
from typer.testing import CliRunner

from graph.errors import BackendUnavailableError, ConfigError, InputError
from graph.settings import Settings, load_settings
from graph.store.neo4j_server import (
    bulk_import,
    ensure_running,
    is_running,
    local_credentials,
    memory,
    start,
    status,
    stop,
    verify,
)
from graph.store.neo4j_server.commands import register
from graph.store.neo4j_server.testing import free_port, neo4j_settings_or_skip, own_server, skip_or_fail


def _settings(home: Path, port: int, **extra: str) -> Settings:
    env = {"SKG_HOME": str(home), "SKG_NEO4J_BOLT_PORT": str(port), **extra}
    return load_settings(env=env, use_file=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A local server on a temporary home and a free port, stopped after the module."""
    settings, result = own_server(tmp_path_factory.mktemp("neo4j-home"))
    print("first start timings:", result.get("timings"))
    yield settings
    stop(settings)


def _driver(settings: Settings) -> neo4j.Driver:
    uri, user, password = local_credentials(settings)
    return neo4j.GraphDatabase.driver(uri, auth=(user, password))


def _error_of(settings: Settings, query: str) -> ClientError:
    with _driver(settings) as driver, pytest.raises(ClientError) as caught:
        driver.execute_query(query, database_="neo4j")
    return caught.value


def _listening_addresses(port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Local addresses of sockets listening on ``port``, read from /proc/net/tcp{,6}."""
    found: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            raw, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:
                continue
            words = [bytes.fromhex(raw[i:i + 8])[::-1] for i in range(0, len(raw), 8)]
            found.append(ipaddress.ip_address(b"".join(words)))
    return found


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_status_reports_running_server(server: Settings) -> None:
    info = status(server)
    assert info["running"] is True and is_running(server) and info["fast_boot"] is True
    cmdline = Path(f"/proc/{info['pid']}/cmdline").read_bytes().split(b"\0")
    assert b"-XX:TieredStopAtLevel=1" in cmdline and memory.plan().heap_flag.encode() in cmdline
    assert info["uri"] == f"bolt://127.0.0.1:{server.neo4j_bolt_port}"
    with _driver(server) as driver:
        records = driver.execute_query("CALL dbms.components() YIELD versions, edition "
                                       "RETURN versions[0] AS v, edition").records
    assert records[0]["v"] == server.neo4j_version and records[0]["edition"] == "community"


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_password_file_is_private_and_random(server: Settings) -> None:
    password_file = server.home_path / "neo4j" / "password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    _, user, password = local_credentials(server)
    assert user == "neo4j" and len(password) >= 24 and password != "neo4j"


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_listens_on_loopback_only(server: Settings) -> None:
    addresses = _listening_addresses(int(server.neo4j_bolt_port))
    assert addresses, "nothing listens on the Bolt port"
    for address in addresses:
        mapped = getattr(address, "ipv4_mapped", None)
        assert (mapped or address).is_loopback, f"Bolt listens on {address}"


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_rejects_wrong_password(server: Settings) -> None:
    wrong = _settings(server.home_path, int(server.neo4j_bolt_port),
                      SKG_NEO4J_URI=f"bolt://127.0.0.1:{server.neo4j_bolt_port}",
                      SKG_NEO4J_PASSWORD="not-the-password")
    with pytest.raises(BackendUnavailableError, match="refused the login"):
        verify(wrong)


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_has_no_apoc_and_no_security_procedures(server: Settings) -> None:
    assert "ProcedureNotFound" in str(_error_of(server, "CALL apoc.help('x')").code)
    with _driver(server) as driver:
        names = driver.execute_query(
            "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc' "
            "OR name STARTS WITH 'dbms.security' RETURN collect(name) AS names").records[0]["names"]
    assert names == []


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_refuses_load_csv_from_files(server: Settings) -> None:
    error = _error_of(server, "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")
    assert "allow_csv_import_from_file_urls" in str(error.message)


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_start_twice_reuses_the_running_server(server: Settings) -> None:
    before = status(server)["pid"]
    again = start(server)
    assert again["started"] is False and again["pid"] == before


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_cli_status_prints_json(server: Settings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKG_HOME", str(server.home_path))
    monkeypatch.setenv("SKG_NEO4J_BOLT_PORT", str(server.neo4j_bolt_port))
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """A root so that `neo4j` is a sub-command as in `skg`."""

    register(app)
    result = CliRunner().invoke(app, ["neo4j", "status", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["running"] is True


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_restart_keeps_data_and_applies_a_new_password(server: Settings) -> None:
    _, _, old_password = local_credentials(server)
    with _driver(server) as driver:
        driver.execute_query("MERGE (:SkgProbe {id: 'persisted'})", database_="neo4j")
    result = stop(server)
    assert result == {"stopped": True, "was_running": True, "clean": True}
    assert not is_running(server) and status(server)["running"] is False
    with pytest.raises(BackendUnavailableError, match="no Neo4j answers"):
        verify(server, timeout=2)
    assert stop(server)["was_running"] is False
    (server.home_path / "neo4j" / "password").write_text("a-new-password-for-the-test\n")
    ensure_running(server, timeout=300, fast_boot=True)
    assert local_credentials(server)[2] == "a-new-password-for-the-test"
    with _driver(server) as driver:
        count = driver.execute_query("MATCH (n:SkgProbe {id: 'persisted'}) RETURN count(n) AS c",
                                     database_="neo4j").records[0]["c"]
    assert count == 1
    old = _settings(server.home_path, int(server.neo4j_bolt_port),
                    SKG_NEO4J_URI=f"bolt://127.0.0.1:{server.neo4j_bolt_port}",
                    SKG_NEO4J_PASSWORD=old_password)
    with pytest.raises(BackendUnavailableError, match="refused the login"):
        verify(old)


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_server_bulk_import_replaces_the_database(server: Settings, tmp_path: Path) -> None:
    nodes = tmp_path / "entities.csv"
    nodes.write_text('id:ID,name,:LABEL\nv1,"Dataport, AöR",Entity;PublicITProvider\n'
                     "v2,Komm.ONE,Entity;PublicITProvider\nv3,Vitako,Entity;Association\n")
    rels = tmp_path / "member.csv"
    rels.write_text(":START_ID,:END_ID,weight:int\nv1,v3,2\nv2,v3,1\n")
    result = bulk_import(server, [nodes], [f"MEMBER_OF={rels}"])
    assert (result["nodes"], result["relationships"]) == (3, 2)
    assert is_running(server) and status(server)["fast_boot"] is True
    with _driver(server) as driver:
        rows = driver.execute_query(
            "MATCH (a:PublicITProvider)-[r:MEMBER_OF]->(b:Association) "
            "RETURN a.name AS a, r.weight AS w, b.name AS b ORDER BY a", database_="neo4j").records
        probes = driver.execute_query("MATCH (n:SkgProbe) RETURN count(n) AS c").records[0]["c"]
    assert [(r["a"], r["w"], r["b"]) for r in rows] == [("Dataport, AöR", 2, "Vitako"),
                                                        ("Komm.ONE", 1, "Vitako")]
    assert probes == 0, "the import replaces the database"


def test_neo4j_server_bulk_import_names_a_missing_file(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        bulk_import(settings, [tmp_path / "absent.csv"], [])


def test_neo4j_server_credentials_without_password_name_the_fix(settings: Settings) -> None:
    with pytest.raises(BackendUnavailableError, match="skg neo4j start"):
        local_credentials(settings)


def test_neo4j_server_not_running_is_a_clear_error(tmp_path: Path) -> None:
    settings = _settings(tmp_path, free_port())
    (tmp_path / "neo4j").mkdir()
    (tmp_path / "neo4j" / "password").write_text("some-password-123\n")
    assert not is_running(settings) and status(settings)["running"] is False
    with pytest.raises(BackendUnavailableError, match="no Neo4j answers") as caught:
        verify(settings, timeout=2)
    assert "skg neo4j start" in str(caught.value)


def test_neo4j_server_external_uri_is_used_as_configured(tmp_path: Path) -> None:
    settings = _settings(tmp_path, 7687, SKG_NEO4J_URI="bolt://db.example:7687",
                         SKG_NEO4J_USER="analyst", SKG_NEO4J_PASSWORD="pw")
    assert local_credentials(settings) == ("bolt://db.example:7687", "analyst", "pw")
    ensure_running(settings)  # a no-op: nothing is started for an external server
    assert not (tmp_path / "neo4j").exists()
    with pytest.raises(ConfigError, match="SKG_NEO4J_URI"):
        start(settings)


def test_neo4j_server_refuses_a_busy_port(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        settings = _settings(tmp_path, int(busy.getsockname()[1]))
        with pytest.raises(BackendUnavailableError, match="already in use"):
            start(settings)


def test_neo4j_server_testing_skips_without_server_and_fails_in_ci(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match="SKG_TEST_NEO4J_HOME"):
        neo4j_settings_or_skip(env={})
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        neo4j_settings_or_skip(env={"CI": "true"})
    env = {"SKG_TEST_NEO4J_HOME": str(tmp_path), "SKG_NEO4J_BOLT_PORT": str(free_port())}
    with pytest.raises(pytest.skip.Exception, match="no Neo4j server"):
        neo4j_settings_or_skip(env=env)



def test_neo4j_server_memory_plan_scales_with_ram_within_bounds() -> None:
    small, mid, big = memory.plan(2 * memory.GIB), memory.plan(24 * memory.GIB), memory.plan(256 * memory.GIB)
    assert (small.heap, small.pagecache) == (memory.GIB, 256 * memory.MIB)  # the floors
    assert mid.heap == mid.pagecache == 3 * memory.GIB and mid.tx_memory == mid.heap // 2
    assert (big.heap, big.pagecache) == (4 * memory.GIB, 4 * memory.GIB)  # the ceilings
    assert memory.physical_memory() >= memory.GIB


def test_neo4j_server_tx_memory_setting_reaches_the_java_command(tmp_path: Path) -> None:
    from graph.store.neo4j_server.launcher import _java_command
    from graph.store.neo4j_server.layout import Layout

    if not shutil.which("java"):
        skip_or_fail("java is needed to build the launcher command")
    layout = Layout.of(_settings(tmp_path, 7999))
    planned = _java_command(layout, 7999, False)
    capped = _java_command(layout, 7999, False, tx_memory_mb=64)
    assert f"tx_memory={memory.plan().tx_memory}" in planned
    assert f"tx_memory={64 * memory.MIB}" in capped
    assert _settings(tmp_path, 7999, SKG_NEO4J_TX_MEMORY_MB="64").neo4j_tx_memory_mb == 64
