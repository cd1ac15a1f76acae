#!/usr/bin/env python3
"""What the SDK costs the apps that use it (issue 18): small throwaway app packages, one per SDK tree, each
depending on its tree by `.package(path:)`, built side by side in one run. Writes the section "What an app pays
to build the SDK" of docs/benchmarks.md (through report.py) and keeps every other section as it is.

    Benchmarks/run apps                     # or: python3 Benchmarks/app-builds.py
    APPS_RUNS=3 APPS_BUDGET_MINUTES=55 …    # passes wanted (at least 2) and the time the passes may take
    python3 Benchmarks/app-builds.py --report-only   # the section again from the saved results (after notes.md)

The trees: BASELINE (issue 18's baseline), BEFORE_SPLIT (one GenAuth module, before the management client) and
the HEAD commit, each exported with `git archive` under $APPS_DIR (default /tmp/genauth-apps), outside the
repository. Every build runs under `nice -n 10` and `/usr/bin/time -v`; the trees are interleaved (A, B, then
B, A in the next pass) so that load from other builds on the machine hits both sides alike, and each figure is
the median of the passes that ran. Results are saved after every build, so a run cut short still reports what
it measured. Clean builds keep every dependency's build in the timed build (that is what an app pays): only
the resolved checkouts survive between runs.
"""
import json, os, re, shutil, statistics, subprocess, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import splice_apps  # noqa: E402
from sdk_sources import client_modules, file_declaring  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "Benchmarks", ".work")
SAVED = os.path.join(WORK, "app-builds.json")
BASE = os.environ.get("APPS_DIR", "/tmp/genauth-apps")
RUNS = max(2, int(os.environ.get("APPS_RUNS", "3")))
BUDGET = float(os.environ.get("APPS_BUDGET_MINUTES", "55")) * 60
BASELINE = "3aa0428"
BEFORE_SPLIT = "f605c3e"
OAG = os.path.join(WORK, "venv", "bin", "openapi-generator-cli")
NICENESS = 10
KEEP = ("checkouts", "repositories", "workspace-state.json", "artifacts")  # what a clean build keeps: the resolution

MANAGEMENT_MAIN = """import GenAuthManagement

let management = ManagementClient(options: ManagementClientOptions(accessKeyId: "id", accessKeySecret: "secret"))
let user = try await management.getUser(userId: "6229ffaxxxxxxxxcade3e3d9")
print(user.data.userId)
"""
AUTHENTICATION_MAIN = "import {module}\n\nprint(AuthenticationClient.self)\n"


def sh(command, cwd=None, check=True):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}")
    return result.stdout


def log(message):
    print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)


# Trees and apps -------------------------------------------------------------------------------------------------

def tree(label, commit):
    """The SDK at commit, exported (no .git) to BASE/trees/label/genauth-swift: every tree has the same package
    identity, so the apps differ only in the path."""
    folder = os.path.join(BASE, "trees", label, "genauth-swift")
    if not os.path.isdir(folder):
        os.makedirs(folder)
        archive = subprocess.Popen(["git", "-C", ROOT, "archive", commit], stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", folder], stdin=archive.stdout, check=True)
        if archive.wait() != 0:
            raise RuntimeError(f"git archive {commit} failed")
    return folder


def app(name, sdk, product, main):
    folder = os.path.join(BASE, "apps", name)
    os.makedirs(os.path.join(folder, "Sources", "App"), exist_ok=True)
    with open(os.path.join(folder, "Package.swift"), "w") as f:
        f.write('// swift-tools-version: 6.0\nimport PackageDescription\n\nlet package = Package(\n    name: "App",\n'
                '    platforms: [.macOS(.v13)],\n'
                f'    dependencies: [.package(path: "{sdk}")],\n'
                '    targets: [.executableTarget(name: "App", dependencies: [\n'
                f'        .product(name: "{product}", package: "genauth-swift")])]\n)\n')
    with open(os.path.join(folder, "Sources", "App", "main.swift"), "w") as f:
        f.write(main)
    return folder


def swift_files(folder):
    return sum(1 for d, _, ns in os.walk(folder) for n in ns if n.endswith(".swift"))


def client_files(sdk, module):
    """`77 in 1 module`: the Swift files of a client's modules, and how many modules."""
    folders = client_modules(sdk, module)
    count = len(folders)
    return f"{sum(swift_files(f) for f in folders)} in {count} module{'s' if count != 1 else ''}"


def pins(folder):
    path = os.path.join(folder, "Package.resolved")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        data = json.load(f)
    return sorted(f"{p['identity']} {p.get('state', {}).get('version') or p.get('state', {}).get('revision', '')[:7]}"
                  for p in data.get("pins", []))


# Timing ---------------------------------------------------------------------------------------------------------

TRASH = os.path.join(BASE, "trash")


def set_aside(path):
    """Moves a build folder aside; it is deleted before the next build, not the one right after (ext4 is slower
    to create files just after many were deleted)."""
    if os.path.lexists(path):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(path, os.path.join(TRASH, f"{time.time_ns()}"))


def empty_trash(keep_last=True):
    if not os.path.isdir(TRASH):
        return
    entries = sorted(os.listdir(TRASH))
    for entry in entries[:-1] if keep_last else entries:
        shutil.rmtree(os.path.join(TRASH, entry), ignore_errors=True)


def clean(scratch):
    empty_trash()
    if os.path.isdir(scratch):
        for entry in os.listdir(scratch):
            if entry not in KEEP:
                set_aside(os.path.join(scratch, entry))


def descendants_rss(root):
    """Sum of the resident memory of root and its descendants, in kB (from /proc). Also renices them: swift-build
    starts its compiler jobs at niceness 0 whatever its own, so `nice -n 10` alone would not hold for them."""
    children, rss = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
            rss[int(pid)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            pass
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
        try:
            if os.getpriority(os.PRIO_PROCESS, pid) < NICENESS:
                os.setpriority(os.PRIO_PROCESS, pid, NICENESS)
        except OSError:
            pass
    return total


def build(folder, scratch, extra=()):
    """One `swift build` under nice and /usr/bin/time -v: wall time, CPU time, the largest single process's peak
    RSS (what /usr/bin/time reports) and the peak of the sum over the build's processes (sampled every 0.25 s)."""
    command = ["nice", "-n", str(NICENESS), "/usr/bin/time", "-v", "swift", "build", "--scratch-path", scratch, *extra]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak_sum = [0]

    def sample():
        while process.poll() is None:
            peak_sum[0] = max(peak_sum[0], descendants_rss(process.pid))
            time.sleep(0.25)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    wall = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"swift build {' '.join(extra)} in {folder} failed:\n{output[-3000:]}")
    def field(name):
        match = re.search(re.escape(name) + r":\s*([\d.:]+)", output)
        return match.group(1) if match else None
    return {"wall": wall, "cpu": float(field("User time (seconds)") or 0) + float(field("System time (seconds)") or 0),
            "max_rss_mb": int(field("Maximum resident set size (kbytes)") or 0) / 1024,
            "sum_rss_mb": peak_sum[0] / 1024, "load_before": load, "load_after": os.getloadavg()[0]}


def modules_built(scratch, configuration="debug"):
    """The modules a build compiled: its `<configuration>/<module>.build` folders that hold object files (SwiftPM
    makes a folder for every target of the graph, compiled or not)."""
    folder = os.path.join(scratch, configuration)
    names = sorted(n[:-len(".build")] for n in os.listdir(folder) if n.endswith(".build") and any(
        f.endswith(".o") for _, _, fs in os.walk(os.path.join(folder, n)) for f in fs)) if os.path.isdir(folder) else []
    return {"modules": names, "configuration": configuration,
            "boringssl": any(n.startswith("CCryptoBoringSSL") for n in names),
            "nio": sorted(n for n in names if n.startswith("NIO") or n.startswith("CNIO"))}


def recheck_modules():
    """The modules of the last builds left in the apps' build folders, into the saved results: the authentication
    apps' debug builds, the management apps' last build (release, the run's last measurement)."""
    with open(SAVED) as f:
        results = json.load(f)
    for key in list(results.get("modules_built", {})):
        kind, side = key.split()
        name = {"before_split": "before"}.get(side, side)
        scratch = os.path.join(BASE, "apps", f"{kind}-{name}", ".build")
        configuration = "release" if kind == "management" else "debug"
        results["modules_built"][key] = modules_built(scratch, configuration)
    with open(SAVED, "w") as f:
        json.dump(results, f, indent=1)
    write_report(results)


# The run --------------------------------------------------------------------------------------------------------

class Run:
    def __init__(self, results):
        self.results = results
        self.started = time.perf_counter()

    def save(self):
        self.results["elapsed_minutes"] = (time.perf_counter() - self.started) / 60
        with open(SAVED, "w") as f:
            json.dump(self.results, f, indent=1)
        try:
            write_report(self.results)
        except Exception as error:  # the report of a partial run must not stop the measuring
            log(f"report not written: {error}")

    def record(self, measure, side, figures, run):
        figures.update({"measure": measure, "side": side, "pass": run})
        self.results["builds"].append(figures)
        log(f"  {measure} {side}: {figures['wall']:.1f} s wall, {figures['cpu']:.0f} s CPU, "
            f"{figures['max_rss_mb']:.0f} MB largest process, {figures['sum_rss_mb']:.0f} MB sum (load {figures['load_before']:.1f})")
        self.save()


def setup(results):
    head = sh(["git", "-C", ROOT, "rev-parse", "--short=7", "HEAD"]).strip()
    results["commits"] = {"head": head, "baseline": BASELINE, "before_split": BEFORE_SPLIT,
                          "head_subject": sh(["git", "-C", ROOT, "log", "-1", "--format=%s", head]).strip()[:80]}
    trees = {"head": tree("head-" + head, head), "baseline": tree("baseline-" + BASELINE, BASELINE),
             "before_split": tree("before-" + BEFORE_SPLIT, BEFORE_SPLIT)}
    apps = {
        ("management", "baseline"): app("management-baseline", trees["baseline"], "GenAuthManagement", MANAGEMENT_MAIN),
        ("management", "head"): app("management-head", trees["head"], "GenAuthManagement", MANAGEMENT_MAIN),
        ("authentication", "before_split"): app("authentication-before", trees["before_split"], "GenAuth",
                                                AUTHENTICATION_MAIN.format(module="GenAuth")),
        ("authentication", "baseline"): app("authentication-baseline", trees["baseline"], "GenAuthAuthentication",
                                            AUTHENTICATION_MAIN.format(module="GenAuthAuthentication")),
        ("authentication", "head"): app("authentication-head", trees["head"], "GenAuthAuthentication",
                                        AUTHENTICATION_MAIN.format(module="GenAuthAuthentication")),
    }
    results["files"] = {side: {"management": client_files(t, "GenAuthManagement"),
                               "authentication": swift_files(os.path.join(t, "Sources", "GenAuthAuthentication"))}
                        for side, t in trees.items()}
    results["resolved"] = {}
    for (kind, side), folder in apps.items():  # warms SwiftPM's caches (manifests, mirrors) before any timing
        scratch = os.path.join(folder, ".build")
        sh(["swift", "package", "--scratch-path", scratch, "resolve"], cwd=folder)
        results["resolved"][f"{kind} {side}"] = pins(folder)
    touched = {side: file_declaring(trees[side], "GenAuthManagement", "UserDto") for side in ("baseline", "head")}
    results["touched"] = {side: os.path.relpath(path, trees[side]) for side, path in touched.items()}
    return trees, apps, touched


def module_packages(trees, results):
    """Measurement 6 (bench.py's "Compiling the generated module"): HEAD's GenAuthCore + GenAuthCrypto +
    GenAuthAuthentication against openapi-generator swift6's output for the same document, each module's dependencies (swift-log) built
    once beforehand and restored before each clean build, as bench.py does."""
    head = trees["head"]
    ours = os.path.join(BASE, "module-ours")
    if os.path.isdir(ours):
        shutil.rmtree(ours)
    # GenAuthCrypto (the SDK's own SHA-256, HMAC and RSA, since 7b5006f) is the client's other dependency.
    crypto = os.path.isdir(os.path.join(head, "Sources", "GenAuthCrypto"))
    for module in ("GenAuthCore", "GenAuthCrypto", "GenAuthAuthentication") if crypto else ("GenAuthCore", "GenAuthAuthentication"):
        shutil.copytree(os.path.join(head, "Sources", module), os.path.join(ours, "Sources", module),
                        ignore=shutil.ignore_patterns("*.docc"))
    with open(os.path.join(ours, "Package.swift"), "w") as f:
        f.write('// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: "Ours", '
                'platforms: [.macOS(.v13)], dependencies: [.package(url: "https://github.com/apple/swift-log", from: "1.6.0")], '
                'targets: [.target(name: "GenAuthCore", dependencies: [.product(name: "Logging", package: "swift-log")]), '
                + ('.target(name: "GenAuthCrypto"), ' if crypto else '')
                + '.target(name: "GenAuthAuthentication", dependencies: ["GenAuthCore", '
                + ('"GenAuthCrypto", ' if crypto else '')
                + '.product(name: "Logging", package: "swift-log")])])\n')
    with open(os.path.join(head, "openapi", "authentication-openapi.json")) as f:
        document = json.load(f)
    schemes = document.setdefault("components", {}).setdefault("securitySchemes", {})
    used = {scheme for item in document["paths"].values() for operation in item.values() if isinstance(operation, dict)
            for requirement in (operation.get("security") or []) for scheme in requirement}
    for scheme in sorted(used - set(schemes)):
        schemes[scheme] = {"type": "apiKey", "in": "header", "name": scheme}
    repaired = os.path.join(BASE, "authentication-repaired.json")
    with open(repaired, "w") as f:
        json.dump(document, f, ensure_ascii=False)
    oag = os.path.join(BASE, "module-oag")
    if os.path.isdir(oag):
        shutil.rmtree(oag)
    sh([OAG, "generate", "-g", "swift6", "-i", repaired, "-o", oag])
    packages = {}
    for side, folder, target, deps, touched in (
            ("genauth-codegen", ours, "GenAuthAuthentication", ["Logging"], file_declaring(ours, "GenAuthAuthentication", "SendSMSDto")),
            ("openapi-generator swift6", oag, "OpenAPIClient", [],
             next(os.path.join(d, n) for d, _, ns in os.walk(os.path.join(oag, "Sources")) for n in ns if n == "SendSMSDto.swift"))):
        scratch = os.path.join(folder, ".build-bench")
        sh(["swift", "package", "--scratch-path", scratch, "resolve"], cwd=folder)
        for dependency in deps:
            sh(["swift", "build", "--scratch-path", scratch, "--target", dependency], cwd=folder)
        seed = scratch + "-seed"
        shutil.copytree(scratch, seed, symlinks=True)
        counted = [os.path.join(folder, "Sources")]
        packages[side] = {"folder": folder, "scratch": scratch, "seed": seed, "target": target, "touched": touched}
        results.setdefault("module_files", {})[side] = sum(swift_files(c) for c in counted)
    return packages


def restore(package):
    empty_trash()
    set_aside(package["scratch"])
    shutil.copytree(package["seed"], package["scratch"], symlinks=True)


def amend(arguments):
    """After a run: `--drop MEASURE:SIDE:PASS:REASON` removes a build from the results (the reason is reported),
    `--extra MEASURE:SIDE` builds one more of a measurement, recorded as pass "extra" (run these alternately,
    A, B, when the machine allows). Neither runs while a run is going: the run rewrites the saved results."""
    with open(SAVED) as f:
        results = json.load(f)
    run = Run(results)
    run.started -= results.get("elapsed_minutes", 0) * 60
    pairs = list(zip(arguments[::2], arguments[1::2]))
    for option, value in pairs:
        if option == "--drop":
            measure, side, number, reason = value.split(":", 3)
            kept = [b for b in results["builds"] if not (b["measure"] == measure and b["side"] == side and str(b["pass"]) == number)]
            results.setdefault("dropped", []).extend(
                f"{measure}, {side}, pass {number}: {reason}" for _ in range(len(results["builds"]) - len(kept)))
            results["builds"] = kept
            run.save()
    for option, value in pairs:
        if option != "--extra":
            continue
        measure, side = value.split(":")
        kind = measure.split()[0]
        folder = os.path.join(BASE, "apps", f"{kind}-{ {'before_split': 'before'}.get(side, side) }")
        scratch = os.path.join(folder, ".build")
        clean(scratch)
        log(f"extra: {measure} {side}")
        if measure == "management release clean":
            run.record(measure, side, build(folder, scratch, ["-c", "release"]), "extra")
        else:
            run.record(measure, side, build(folder, scratch), "extra")
            if measure == "management debug clean":
                with open(os.path.join(folder, "Package.swift")) as f:  # the tree this app builds
                    sdk = re.search(r'\.package\(path: "([^"]+)"\)', f.read()).group(1)
                touched = os.path.join(sdk, results["touched"][side])
                with open(touched, "a") as f:
                    f.write(f"\n// touched by Benchmarks/app-builds.py {time.time()}\n")
                run.record("management debug rebuild", side, build(folder, scratch), "extra")
    empty_trash(keep_last=False)


def main():
    os.makedirs(WORK, exist_ok=True)
    if "--drop" in sys.argv or "--extra" in sys.argv:
        amend(sys.argv[1:])
        return
    if "--recheck-modules" in sys.argv:
        recheck_modules()
        return
    if "--report-only" in sys.argv:
        with open(SAVED) as f:
            write_report(json.load(f))
        return
    os.makedirs(BASE, exist_ok=True)
    results = {"runs_wanted": RUNS, "date": time.strftime("%Y-%m-%d"), "builds": [], "passes": 0,
               "cpus": os.cpu_count(), "load_at_start": os.getloadavg()}
    log("setting up: trees, apps, resolution")
    trees, apps, touched = setup(results)
    run = Run(results)
    run.save()
    packages = None
    if os.path.exists(OAG):
        try:
            log("setting up: openapi-generator's output and the module packages")
            packages = module_packages(trees, results)
        except Exception as error:
            results["module_error"] = str(error)[-1500:]
            log(f"module comparison skipped: {error}")
    else:
        results["module_error"] = "openapi-generator-cli is not installed (Benchmarks/run installs it)"
    run.save()
    group_times = {}

    def group(name, pass_number, body):
        if pass_number > 2:  # a third pass only where the budget allows it
            elapsed = time.perf_counter() - run.started
            if elapsed + group_times.get(name, 0) > BUDGET:
                log(f"pass {pass_number}: {name} skipped (budget)")
                return
        log(f"pass {pass_number}: {name}")
        start = time.perf_counter()
        try:
            body(pass_number)
        except RuntimeError as error:
            message = str(error)
            results.setdefault("errors", []).append(f"{name}, pass {pass_number}: {message.splitlines()[0]}\n{message[-1500:]}")
            log(f"{name} failed: {error}")
            run.save()
        group_times[name] = time.perf_counter() - start

    def ordered(sides, pass_number):
        return sides if pass_number % 2 else list(reversed(sides))

    def management_debug(p):
        for side in ordered(["baseline", "head"], p):
            folder = apps[("management", side)]
            scratch = os.path.join(folder, ".build")
            clean(scratch)
            run.record("management debug clean", side, build(folder, scratch), p)
            if p == 1:
                results.setdefault("modules_built", {})[f"management {side}"] = modules_built(scratch)
            with open(touched[side], "a") as f:
                f.write(f"\n// touched by Benchmarks/app-builds.py {time.time()}\n")
            run.record("management debug rebuild", side, build(folder, scratch), p)

    def management_release(p):
        for side in ordered(["baseline", "head"], p):
            folder = apps[("management", side)]
            scratch = os.path.join(folder, ".build")
            clean(scratch)
            run.record("management release clean", side, build(folder, scratch, ["-c", "release"]), p)

    def authentication(p):
        sides = ["before_split", "baseline", "head"]
        for side in sides[p % 3:] + sides[:p % 3]:  # each tree first once in three passes
            folder = apps[("authentication", side)]
            scratch = os.path.join(folder, ".build")
            clean(scratch)
            run.record("authentication debug clean", side, build(folder, scratch), p)
            if p == 1:
                results.setdefault("modules_built", {})[f"authentication {side}"] = modules_built(scratch)

    def modules(p):
        for side in ordered(["genauth-codegen", "openapi-generator swift6"], p):
            package = packages[side]
            restore(package)
            run.record("module debug clean", side, build(package["folder"], package["scratch"], ["--target", package["target"]]), p)
            with open(package["touched"], "a") as f:
                f.write(f"\n// touched {time.time()}\n")
            run.record("module debug rebuild", side, build(package["folder"], package["scratch"], ["--target", package["target"]]), p)

    for p in range(1, RUNS + 1):
        group("management app, debug", p, management_debug)
        group("authentication-only app", p, authentication)
        if packages:
            group("generated module vs openapi-generator", p, modules)
        group("management app, release", p, management_release)
        results["passes"] = p
        run.save()
    empty_trash(keep_last=False)
    results["finished"] = True
    run.save()
    log(f"done in {(time.perf_counter() - run.started) / 60:.1f} min; docs/benchmarks.md written")


def write_report(results):
    notes_file = os.path.join(ROOT, "Benchmarks", "notes.md")
    notes = open(notes_file).read() if os.path.exists(notes_file) else ""
    target = os.path.join(ROOT, "docs", "benchmarks.md")
    with open(target) as f:
        text = f.read()
    text = splice_apps(text, results, notes)
    with open(target, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
