"""F3 and F4 of bench/fleet: 1,000 profiles at 50 ms latency (issue 26, point 3).

F3 runs `sessions all -o ndjson` over them with --concurrency 64 and 256; F4 runs the exporter
and probes every target every 15 s, spread over the interval, as Prometheus does. See
bench/fleet's docstring for what is measured and how.
"""

import asyncio
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

LATENCY_MS = 50
COPIES = 334
PROFILES = 1000
BACKENDS = ("smb", "cifs", "onefs")
INTERVAL = 15.0
TICK = os.sysconf("SC_CLK_TCK")


def say(msg):
    print(f"bench/fleet: {msg}", file=sys.stderr, flush=True)


def start_simulator(binary, work):
    config = work / "sim.toml"
    proc = subprocess.Popen(
        [binary, "simulate", "--write-config", config, "--copies", str(COPIES), "--sessions", "40",
         "--latency", f"{LATENCY_MS}ms", "--request-log"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while not config.exists():
        if time.monotonic() - t0 > 120 or proc.poll() is not None:
            raise SystemExit("bench/fleet: the simulator wrote no config")
        time.sleep(0.05)
    return proc, config, work / "sim.d" / "requests.log"


def fleet_config(sim_config, work):
    """A config with the first 1,000 profiles of the wanted backends (whole tables only)."""
    text = sim_config.read_text()
    tables = re.split(r"(?m)^(?=\[profiles\.)", text)
    head, kept = tables[0], []
    for t in tables[1:]:
        backend = re.search(r'^backend = "([^"]+)"', t, re.M).group(1)
        if backend in BACKENDS:
            kept.append(t)
    kept = kept[:PROFILES]
    names = [re.match(r"\[profiles\.([^\]]+)\]", t).group(1).strip('"') for t in kept]
    head = re.sub(r'(?m)^default_profile = .*$', f'default_profile = "{names[0]}"', head)
    path = work / "fleet.toml"
    path.write_text(head + "".join(kept))
    path.chmod(0o600)
    return path, names


def count_lines(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


class Sampler:
    """The most file descriptors and threads a process holds, sampled every 10 ms."""

    def __init__(self, pid):
        self.pid, self.fds, self.threads, self.stop = pid, 0, 0, False
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while not self.stop:
            try:
                self.fds = max(self.fds, len(os.listdir(f"/proc/{self.pid}/fd")))
                status = Path(f"/proc/{self.pid}/status").read_text()
                self.threads = max(self.threads, int(re.search(r"^Threads:\s+(\d+)", status, re.M).group(1)))
            except (OSError, AttributeError):
                pass
            time.sleep(0.01)

    def done(self):
        self.stop = True
        self.thread.join()


def cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def one_all(argv, env, log, sim_pid):
    before = count_lines(log)
    sim0 = cpu_seconds(sim_pid)
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    sampler = Sampler(proc.pid)
    out_lines = [0]
    err = []

    def drain_err():
        err.append(proc.stderr.read())

    te = threading.Thread(target=drain_err)
    te.start()
    for chunk in iter(lambda: proc.stdout.read(65536), b""):
        out_lines[0] += chunk.count(b"\n")
    te.join()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    sampler.done()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench/fleet: all exited {proc.returncode}: {err[0].decode()[:800]}")
    time.sleep(0.2)  # the log's last lines
    return {"wall_s": wall, "round_trips": count_lines(log) - before, "sessions": out_lines[0],
            "sim_cpu_s": cpu_seconds(sim_pid) - sim0,
            "peak_rss_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
            "max_fds": sampler.fds, "max_threads": sampler.threads}


def f3(binary, config, log, env, runs, sim_pid):
    result = {}
    for c in (64, 256):
        argv = [str(binary), "-c", str(config), "all", "-o", "ndjson", "--concurrency", str(c)]
        rs = [one_all(argv, env, log, sim_pid) for _ in range(runs)]
        med = sorted(rs, key=lambda r: r["wall_s"])[len(rs) // 2]
        rt = med["round_trips"]
        ideal = rt * LATENCY_MS / 1000 / c
        result[f"concurrency {c}"] = {**med, "concurrency": c, "ideal_s": ideal,
                                      "walls": [r["wall_s"] for r in rs],
                                      "ratio": med["wall_s"] / ideal}
        say(f"  F3 --concurrency {c}: {med['wall_s']:.2f} s (ideal {ideal:.2f} s, "
            f"{rt} round trips), {med['peak_rss_mb']:.1f} MB, {med['max_fds']} fds, "
            f"{med['cpu_s']:.2f} s CPU (simulator {med['sim_cpu_s']:.2f} s)")
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def probe(port, name):
    t0 = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET /probe?target={name} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Connection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(-1), 30)
        writer.close()
    except (OSError, asyncio.TimeoutError):
        return time.monotonic() - t0, False
    return time.monotonic() - t0, data.startswith(b"HTTP/1.1 200") and b"probe_success 1\n" in data


async def scrape(port, names, intervals):
    """Every target once per INTERVAL, target i at i/len × INTERVAL into each interval."""
    start = time.monotonic() + 0.5
    tasks = []
    for k in range(intervals):
        for i, name in enumerate(names):
            at = start + k * INTERVAL + i * INTERVAL / len(names)
            delay = at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(probe(port, name)))
    return await asyncio.gather(*tasks)


def f4(binary, config, log, env, intervals, sim_pid):
    port = free_port()
    exporter = subprocess.Popen(
        [binary, "-c", config, "exporter", "--web.listen-address", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        t0 = time.monotonic()
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() - t0 > 60 or exporter.poll() is not None:
                raise SystemExit("bench/fleet: the exporter never listened")
            time.sleep(0.05)
        names = re.findall(r"^\[profiles\.([^\]]+)\]", config.read_text(), re.M)
        names = [n.strip('"') for n in names]
        say(f"  F4: warming up ({len(names)} targets, two intervals of {INTERVAL:.0f} s)")
        warm = asyncio.run(scrape(port, names, 2))
        warm_failed = sum(1 for _, ok in warm if not ok)
        say(f"  F4: measuring {intervals} intervals")
        sampler = Sampler(exporter.pid)
        cpu0, rt0, w0 = cpu_seconds(exporter.pid), count_lines(log), time.monotonic()
        sim0 = cpu_seconds(sim_pid)
        results = asyncio.run(scrape(port, names, intervals))
        wall = time.monotonic() - w0
        cpu = cpu_seconds(exporter.pid) - cpu0
        sim_cpu = cpu_seconds(sim_pid) - sim0
        round_trips = count_lines(log) - rt0
        sampler.done()
        status = Path(f"/proc/{exporter.pid}/status").read_text()
        kb = lambda key: int(re.search(rf"^{key}:\s+(\d+) kB", status, re.M).group(1)) / 1024
        lat = sorted(d * 1000 for d, _ in results)
        pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p))]
        r = {"targets": len(names), "intervals": intervals, "probes": len(results),
             "failed": sum(1 for _, ok in results if not ok), "warm_failed": warm_failed,
             "wall_s": wall, "cpu_s": cpu, "cpu_share": cpu / wall,
             "cpu_ms_per_probe": cpu * 1000 / len(results), "round_trips": round_trips,
             "sim_cpu_ms_per_probe": sim_cpu * 1000 / len(results),
             "p50_ms": pct(0.5), "p99_ms": pct(0.99), "max_ms": lat[-1],
             "rss_mb": kb("VmRSS"), "peak_rss_mb": kb("VmHWM"), "max_fds": sampler.fds,
             "max_threads": sampler.threads}
        say(f"  F4: {r['probes']} probes ({r['failed']} failed), CPU {100 * r['cpu_share']:.1f}% "
            f"of a core, {r['cpu_ms_per_probe']:.2f} ms a probe (simulator "
            f"{r['sim_cpu_ms_per_probe']:.2f} ms), p99 {r['p99_ms']:.0f} ms, "
            f"RSS {r['rss_mb']:.1f} MB, {r['max_fds']} fds")
        return r
    finally:
        exporter.send_signal(signal.SIGTERM)
        exporter.wait()


def run(binary, work, env, only, quick, intervals):
    sim, sim_config, log = start_simulator(binary, work)
    try:
        config, names = fleet_config(sim_config, work)
        say(f"F3/F4: {len(names)} profiles at {LATENCY_MS} ms latency")
        result = {"profiles": len(names), "latency_ms": LATENCY_MS}
        if "F3" in only:
            result["f3"] = f3(binary, config, log, env, 3 if quick else 5, sim.pid)
        if "F4" in only:
            result["f4"] = f4(binary, config, log, env, intervals, sim.pid)
        result["load"] = os.getloadavg()
        return result
    finally:
        sim.send_signal(signal.SIGTERM)
        sim.wait()


def floor(v):
    return (v["cpu_s"] + v["sim_cpu_s"]) / os.cpu_count()


def write_doc(doc, r, machine, quick):
    day = time.strftime("%Y-%m-%d")
    load = " ".join(f"{x:.2f}" for x in r.get("load", os.getloadavg()))
    verdict = lambda ok: "met" if ok else "**not met**"
    parts = [f"Measured on {day} with `ONLY=F3,F4 bench/fleet`{' (QUICK=1)' if quick else ''} "
             f"({machine}); load average {load} at the end (a shared machine). Simulator, "
             f"`sessions` and load on the same machine, over loopback TLS; every answer of "
             f"the simulator delayed {r['latency_ms']} ms."]
    if "f3" in r:
        rows = "\n".join(
            f"| `--concurrency {v['concurrency']}` | {v['wall_s']:.2f} s | {v['ideal_s']:.2f} s "
            f"| {v['ratio']:.2f}× | {floor(v):.2f} s | {v['round_trips']:,} | {v['sessions']:,} "
            f"| {v['peak_rss_mb']:.1f} MB | {v['max_fds']} | {v['cpu_s']:.2f} s | {v['sim_cpu_s']:.2f} s |"
            for v in r["f3"].values())
        c256 = r["f3"]["concurrency 256"]
        parts.append(f"""**F3: `sessions all -o ndjson` over {r['profiles']:,} profiles** (334 Qumulo, 334 ONTAP
and 332 PowerScale profiles of one `sessions simulate --copies 334 --latency {r['latency_ms']}ms`,
40 sessions each, `token_cache = false`). The ideal is the round trips the simulator logged
(`--request-log`) × {r['latency_ms']} ms ÷ the concurrency. Median of the runs' wall times; peak RSS
is getrusage's `ru_maxrss` (what `/usr/bin/time -v` prints), descriptors the most seen in
`/proc/PID/fd` (sampled every 10 ms), CPU user + system of `sessions` and of the simulator
during the run. The CPU floor is both CPU times over the machine's {os.cpu_count()} cores: no run
can be faster than that here, whatever the latency.

| run | wall | ideal | × ideal | CPU floor | round trips | sessions | peak RSS | fds | CPU | simulator CPU |
|---|---|---|---|---|---|---|---|---|---|---|
{rows}

Targets at `--concurrency 256`: within 1.5× of the ideal: {verdict(c256['ratio'] <= 1.5)}
({c256['ratio']:.2f}×); RSS under 200 MB: {verdict(c256['peak_rss_mb'] < 200)} ({c256['peak_rss_mb']:.1f} MB).""")
    if "f4" in r:
        f = r["f4"]
        parts.append(f"""**F4: the exporter, scraped like Prometheus** ({f['targets']:,} targets, each probed once every
{INTERVAL:.0f} s, the targets' offsets spread evenly over the interval: {f['targets'] / INTERVAL:.0f} probes a second; one
connection per probe; two intervals of warm-up, in which every login is made, then
{f['intervals']} measured). CPU is the exporter's user + system time from `/proc/PID/stat` over the
measured intervals.

| probes | failed | CPU (share of one core) | CPU a probe | simulator CPU a probe | round trips | p50 | p99 | max | RSS (peak) | fds |
|---|---|---|---|---|---|---|---|---|---|---|
| {f['probes']:,} | {f['failed']} | {100 * f['cpu_share']:.1f}% | {f['cpu_ms_per_probe']:.2f} ms | {f['sim_cpu_ms_per_probe']:.2f} ms | {f['round_trips']:,} | {f['p50_ms']:.0f} ms | {f['p99_ms']:.0f} ms | {f['max_ms']:.0f} ms | {f['rss_mb']:.1f} MB ({f['peak_rss_mb']:.1f} MB) | {f['max_fds']} |

Target: {f['targets']:,} targets every 15 s on one core at under 50% CPU: {verdict(f['cpu_share'] < 0.5 and f['failed'] == 0)}
({100 * f['cpu_share']:.1f}%; {f['warm_failed']} of the warm-up's probes failed).""")
    start, end = "<!-- FLEET-SCALE:START -->", "<!-- FLEET-SCALE:END -->"
    block = start + "\n" + "\n\n".join(parts) + "\n" + end
    body = doc.read_text()
    if start in body:
        body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, body, flags=re.S)
    else:
        body = body.replace("<!-- FLEET:END -->", "<!-- FLEET:END -->\n\n" + block, 1)
    doc.write_text(body)
