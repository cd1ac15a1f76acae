#!/usr/bin/env python3
"""The benchmark behind Benchmarks/run: every tool on the same documents, in one run; medians of BENCH_RUNS
runs (3 by default). Writes docs/benchmarks.md and prints the same tables."""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

from report import report
from sdk_sources import file_declaring

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
WORK = os.path.join(ROOT, "Benchmarks", ".work")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "1"))  # untimed runs first, for every tool: caches, JIT, CPU clocks
OURS = os.path.join(ROOT, ".build", "release", "genauth-codegen")
OURS_DEBUG = os.path.join(ROOT, ".build", "debug", "genauth-codegen")
OAG = os.path.join(WORK, "venv", "bin", "openapi-generator-cli")
SOG = os.path.join(WORK, "build-peers", "release", "swift-openapi-generator")
RUNTIME = os.path.join(WORK, "build-runtime", "release", "RuntimeBenchmark")
BEFORE = "f605c3e"  # the last commit with one GenAuth module, before the ManagementClient


def run(command, cwd=None, quiet=True):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE if quiet else None, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        output = result.stdout or ""
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[:3000]}\n…\n{output[-2000:]}")
    return result.stdout or ""


def timed(command, cwd=None, prepare=None):
    """Median wall time of RUNS runs of command (prepare() runs before each, untimed) and peak RSS in MB."""
    times, peaks = [], []
    for _ in range(WARMUP):
        if prepare:
            prepare()
        run(command, cwd=cwd)
    for _ in range(RUNS):
        if prepare:
            prepare()
        start = time.perf_counter()
        out = run(["/usr/bin/time", "-f", "PEAK %M"] + command, cwd=cwd)
        times.append(time.perf_counter() - start)
        peaks.append(int(out.rsplit("PEAK ", 1)[1].split()[0]) / 1024)
    return statistics.median(times), max(peaks)


def files_under(folder):
    return sum(len(names) for _, _, names in os.walk(folder))


TRASH = os.path.join(WORK, "trash")


def set_aside(path):
    """Moves an earlier run's output out of the way instead of deleting it: ext4 skips the inodes of files deleted
    in the last few seconds when it allocates new ones, and scanning past 20,000 of them made creating files after
    a deletion up to ten times slower. Everything set aside is deleted once the benchmark is done."""
    if os.path.lexists(path):
        os.makedirs(TRASH, exist_ok=True)
        os.rename(path, os.path.join(tempfile.mkdtemp(dir=TRASH), "x"))


def fresh(path):
    set_aside(path)
    os.makedirs(path)


def repaired_document(name):
    """GenAuth's document with the security schemes its operations name but it does not define."""
    with open(os.path.join(ROOT, "openapi", f"{name}-openapi.json")) as f:
        document = json.load(f)
    schemes = document.setdefault("components", {}).setdefault("securitySchemes", {})
    used = {scheme for item in document["paths"].values() for operation in item.values() if isinstance(operation, dict)
            for requirement in (operation.get("security") or []) for scheme in requirement}
    added = sorted(used - set(schemes))
    for scheme in added:
        schemes[scheme] = {"type": "apiKey", "in": "header", "name": scheme}
    path = os.path.join(WORK, f"{name}-repaired.json")
    with open(path, "w") as f:
        json.dump(document, f, ensure_ascii=False)
    return path, added, sum(1 for item in document["paths"].values() for k in item if k != "parameters")


def ours_workspace(client):
    """A scratch copy of what genauth-codegen reads for one client: Templates/, its overlays and its specs."""
    folder = tempfile.mkdtemp(prefix=f"bench-ours-{client}-", dir=WORK)
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(folder, "Templates"))
    for item in ("overlays", "specs"):
        shutil.copytree(os.path.join(ROOT, item, client), os.path.join(folder, item, client))
    return folder


def import_and_generate(space, client, document):
    """genauth-codegen's whole job on a document: import it into specs/, then generate the SDK, docs and tests."""
    name = {"authentication": "AuthenticationClient", "management": "ManagementClient"}[client]
    return ["bash", "-c",
            f"'{OURS}' import-openapi '{document}' --client {name} --out specs/{client} --overlays overlays/{client} "
            f">/dev/null && '{OURS}' generate " + " ".join(outputs_args(space))]


def outputs_args(folder):
    return ["--sdk-output", f"{folder}/out/sdk", "--docs-output", f"{folder}/out/docs", "--tests-output", f"{folder}/out/tests"]


def generation(results):
    auth, added, operations = repaired_document("authentication")
    results["repairs"] = {"authentication": added}
    space = ours_workspace("authentication")
    document = os.path.join(ROOT, "openapi", "authentication-openapi.json")

    def clean(space):
        return lambda: (set_aside(os.path.join(space, "out")), set_aside(os.path.join(space, "specs")))
    rows = []
    t, m = timed(import_and_generate(space, "authentication", document), cwd=space, prepare=clean(space))
    rows.append(("genauth-codegen: import + generate", t, m, files_under(os.path.join(space, "out"))))
    generate_only = [OURS, "generate"] + outputs_args(space)
    t, m = timed(generate_only, cwd=space, prepare=lambda: set_aside(os.path.join(space, "out")))
    rows.append(("genauth-codegen: generate (from specs/)", t, m, files_under(os.path.join(space, "out"))))
    oag_out = os.path.join(WORK, "oag-auth")
    t, m = timed([OAG, "generate", "-g", "swift6", "-i", auth, "-o", oag_out], prepare=lambda: fresh(oag_out))
    rows.append(("openapi-generator swift6", t, m, files_under(oag_out)))
    sog_out = os.path.join(WORK, "sog-auth")
    t, m = timed([SOG, "generate", auth, "--mode", "types", "--mode", "client", "--access-modifier", "public",
                  "--output-directory", sog_out], prepare=lambda: fresh(sog_out))
    rows.append(("swift-openapi-generator", t, m, files_under(sog_out)))
    results["generation"] = {"operations": operations, "rows": rows}

    # The management document: 425 operations, of which 414 are visible to SDKs.
    management, added, operations = repaired_document("management")
    results["repairs"]["management"] = added
    space_m = ours_workspace("management")
    document = os.path.join(ROOT, "openapi", "management-openapi.json")
    rows = []
    t, m = timed(import_and_generate(space_m, "management", document), cwd=space_m, prepare=clean(space_m))
    rows.append(("genauth-codegen: import + generate", t, m, files_under(os.path.join(space_m, "out"))))
    t, m = timed([OURS, "generate"] + outputs_args(space_m), cwd=space_m, prepare=lambda: set_aside(os.path.join(space_m, "out")))
    rows.append(("genauth-codegen: generate (from specs/)", t, m, files_under(os.path.join(space_m, "out"))))
    run([OURS, "generate"] + outputs_args(space_m), cwd=space_m)
    results["ours_space_management"] = space_m

    def attempt(name, command, out):
        try:
            t, m = timed(command, prepare=lambda: fresh(out))
            rows.append((name, t, m, files_under(out)))
            return True
        except RuntimeError as error:
            text = str(error)
            lines = [line for line in text.splitlines() if "error:" in line or "Exception" in line]
            if "SpecValidationException" in text:
                reason = "its spec validation rejects the document (" + next(
                    (line.strip().lstrip("-") for line in text.splitlines() if "is unexpected" in line), "errors") + ")"
            elif lines:
                reason = lines[0].split("error:", 1)[-1].strip()[:160]
            else:
                reason = "exit status non-zero"

            rows.append((name, None, None, "failed: " + reason))
            results.setdefault("rejections", {})[name] = "\n".join(lines[:12]) or text[-1500:]
            return False
    out = os.path.join(WORK, "oag-management")
    if not attempt("openapi-generator swift6", [OAG, "generate", "-g", "swift6", "-i", management, "-o", out], out):
        attempt("openapi-generator swift6 --skip-validate-spec",
                [OAG, "generate", "-g", "swift6", "--skip-validate-spec", "-i", management, "-o", out], out)
    out = os.path.join(WORK, "sog-management")
    attempt("swift-openapi-generator", [SOG, "generate", management, "--mode", "types", "--mode", "client",
                                        "--access-modifier", "public", "--output-directory", out], out)
    results["management"] = {"operations": operations, "rows": rows}

    # A regeneration after a one-endpoint change.
    spec = os.path.join(space, "specs", "authentication", "message-service.yaml")
    run(generate_only, cwd=space)
    with open(spec) as f:
        original = f.read()
    def change():
        with open(spec, "w") as f:
            f.write(original.replace("summary: { en: Send SMS, zh: 发送短信 }", f"summary: {{ en: Send SMS {time.time()}, zh: 发送短信 }}"))
    t, _ = timed(generate_only, cwd=space, prepare=change)
    change()
    summary = run(generate_only, cwd=space)
    written = summary.split("→ ")[1].split(" files written")[0] if "→ " in summary else "?"
    results["regeneration"] = [("genauth-codegen", t, f"{written} of {files_under(os.path.join(space, 'out'))} files rewritten"),
                               ("openapi-generator swift6", rows_time(results, "openapi-generator swift6"), "every file rewritten"),
                               ("swift-openapi-generator", rows_time(results, "swift-openapi-generator"), "every file rewritten")]
    results["ours_space"] = space


def rows_time(results, name):
    return next(row[1] for row in results["generation"]["rows"] if row[0] == name)


def sdk_package(results):
    """A package of the SDK's modules as HEAD's Package.swift declares them with the default traits (GenAuthCore,
    GenAuthCrypto, the authentication client, the management client's six modules), their hand-written code from
    HEAD and their generated Swift from the benchmark's own runs."""
    package = tempfile.mkdtemp(prefix="bench-compile-ours-", dir=WORK)
    ignore = shutil.ignore_patterns("Generated", "*.docc")
    sources = os.path.join(package, "Sources")
    modules = sorted(m for m in os.listdir(os.path.join(ROOT, "Sources"))
                     if m in ("GenAuthCore", "GenAuthCrypto", "GenAuthAuthentication") or m.startswith("GenAuthManagement"))
    for module in modules:
        shutil.copytree(os.path.join(ROOT, "Sources", module), os.path.join(sources, module), ignore=ignore)
    for space in (results["ours_space"], results["ours_space_management"]):
        out = os.path.join(space, "out", "sdk")
        for module in os.listdir(out):
            if module in modules and os.path.isdir(os.path.join(out, module, "Generated")):
                shutil.copytree(os.path.join(out, module, "Generated"), os.path.join(sources, module, "Generated"),
                                dirs_exist_ok=True)
    log_product = '.product(name: "Logging", package: "swift-log")'
    domains = [m for m in modules if m.startswith("GenAuthManagement") and m not in ("GenAuthManagement", "GenAuthManagementCore")]
    targets = [f'.target(name: "GenAuthCore", dependencies: [{log_product}])', '.target(name: "GenAuthCrypto")',
               f'.target(name: "GenAuthAuthentication", dependencies: ["GenAuthCore", "GenAuthCrypto", {log_product}])',
               f'.target(name: "GenAuthManagementCore", dependencies: ["GenAuthCore", "GenAuthCrypto", {log_product}])']
    targets += [f'.target(name: "{d}", dependencies: ["GenAuthCore", "GenAuthManagementCore"])' for d in domains]
    targets.append('.target(name: "GenAuthManagement", dependencies: [%s])'
                   % ", ".join(f'"{m}"' for m in ["GenAuthManagementCore"] + domains))
    with open(os.path.join(package, "Package.swift"), "w") as f:
        f.write('// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: "Ours", '
                'platforms: [.macOS(.v13)], dependencies: [.package(url: "https://github.com/apple/swift-log", from: "1.6.0")], '
                'targets: [' + ", ".join(targets) + '])\n')
    return package, modules


def compile_package(results):
    """Clean debug build of each tool's generated module, and a rebuild after touching one generated file."""
    package, modules = sdk_package(results)
    authentication = ["GenAuthCore", "GenAuthCrypto", "GenAuthAuthentication"]
    rows = [measure_compile("genauth-codegen", package, "GenAuthAuthentication",
                            file_declaring(package, "GenAuthAuthentication", "SendSMSDto"), dependencies=["Logging"],
                            counted=authentication)]

    oag = os.path.join(WORK, "oag-auth")
    touched = next(os.path.join(d, n) for d, _, ns in os.walk(os.path.join(oag, "Sources")) for n in sorted(ns) if n == "SendSMSDto.swift")
    rows.append(measure_compile("openapi-generator swift6", oag, "OpenAPIClient", touched))

    sog = tempfile.mkdtemp(prefix="bench-compile-sog-", dir=WORK)
    target = os.path.join(sog, "Sources", "Generated")
    shutil.copytree(os.path.join(WORK, "sog-auth"), target)
    with open(os.path.join(sog, "Package.swift"), "w") as f:
        f.write('// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: "SOG", platforms: [.macOS(.v13)], '
                'dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")], '
                'targets: [.target(name: "Generated", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])])\n')
    rows.append(measure_compile("swift-openapi-generator", sog, "Generated", os.path.join(target, "Types.swift"),
                                dependencies=["OpenAPIRuntime"]))
    results["compile"] = rows

    # The management client: its six modules with GenAuthCore and GenAuthCrypto; swift-log built first, untimed.
    management = [m for m in modules if m.startswith("GenAuthManagement")]
    rows = [measure_compile("genauth-codegen", package, "GenAuthManagement",
                            file_declaring(package, "GenAuthManagement", "UserDto"), dependencies=["Logging"],
                            counted=["GenAuthCore", "GenAuthCrypto"] + management)]
    results["compile_management"] = {"rows": rows}
    compile_oag_management(results)


def compile_oag_management(results):
    """openapi-generator's management output, built as the management module is (when it compiles at all)."""
    rows = [row for row in results["compile_management"]["rows"] if row[0] == "genauth-codegen"]
    name = "openapi-generator swift6 --skip-validate-spec"
    oag = os.path.join(WORK, "oag-management")
    models_oag = next(d for d, _, ns in os.walk(os.path.join(oag, "Sources")) if "UserDto.swift" in ns)
    try:
        rows.append(measure_compile(name, oag, "OpenAPIClient", os.path.join(models_oag, "UserDto.swift")))
    except RuntimeError as error:
        errors = sorted({line.split(": error: ", 1)[1].strip() for line in str(error).splitlines()
                         if ".swift:" in line and ": error: " in line})
        rows.append((name, None, None, "does not compile (the compiler's errors are below)"))
        results["compile_management"]["oag_errors"] = errors[:8]
    results["compile_management"]["rows"] = rows


def app_build(results):
    """An app that depends on the authentication product only: its clean debug build against the SDK as it was
    before the modules were split (one GenAuth module, commit BEFORE) and as it is."""
    before = os.path.join(WORK, "sdk-before")
    if not os.path.isdir(before):
        run(["git", "worktree", "add", "--detach", before, BEFORE], cwd=ROOT)
    rows = []
    for name, sdk, product in (("before the split (GenAuth, %s)" % BEFORE[:7], before, "GenAuth"),
                               ("now (GenAuthAuthentication)", ROOT, "GenAuthAuthentication")):
        app = tempfile.mkdtemp(prefix="bench-app-", dir=WORK)
        os.makedirs(os.path.join(app, "Sources", "App"))
        with open(os.path.join(app, "Package.swift"), "w") as f:
            f.write('// swift-tools-version: 6.0\nimport PackageDescription\nlet package = Package(name: "App", '
                    f'platforms: [.macOS(.v13)], dependencies: [.package(path: "{sdk}")], targets: [.executableTarget('
                    f'name: "App", dependencies: [.product(name: "{product}", package: "{os.path.basename(sdk)}")])])\n')
        with open(os.path.join(app, "Sources", "App", "main.swift"), "w") as f:
            f.write(f"import {product}\n\nprint(AuthenticationClient.self)\n")
        scratch = os.path.join(app, ".build-bench")
        run(["swift", "package", "--scratch-path", scratch, "resolve"], cwd=app)
        times = []
        for _ in range(RUNS):
            for entry in os.listdir(scratch):  # the build, not the resolved checkouts
                if entry not in ("checkouts", "repositories", "workspace-state.json", "artifacts"):
                    set_aside(os.path.join(scratch, entry))
            start = time.perf_counter()
            run(["swift", "build", "--scratch-path", scratch], cwd=app)
            times.append(time.perf_counter() - start)
        rows.append((name, statistics.median(times)))
    results["app_build"] = rows


def measure_compile(name, package, target, touched, dependencies=(), counted=None):
    """Clean debug build of target (its dependencies built once beforehand, untimed, and restored before each run)
    and the rebuild after touching one file of it."""
    scratch = os.path.join(package, ".build-bench")
    seed = scratch + "-seed"
    set_aside(scratch)
    set_aside(seed)
    run(["swift", "package", "--scratch-path", scratch, "resolve"], cwd=package)
    for dependency in dependencies:
        run(["swift", "build", "--scratch-path", scratch, "--target", dependency], cwd=package)
    shutil.copytree(scratch, seed, symlinks=True)  # the same path each time: the build database holds absolute paths
    clean, rebuild = [], []
    for _ in range(RUNS):
        set_aside(scratch)
        shutil.copytree(seed, scratch, symlinks=True)
        start = time.perf_counter()
        run(["swift", "build", "--scratch-path", scratch, "--target", target], cwd=package)
        clean.append(time.perf_counter() - start)
        with open(touched, "a") as f:
            f.write("\n")
        start = time.perf_counter()
        run(["swift", "build", "--scratch-path", scratch, "--target", target], cwd=package)
        rebuild.append(time.perf_counter() - start)
    sources = [os.path.join(package, "Sources", folder) for folder in (counted or ["."])]
    swift_files = sum(1 for root in sources for d, _, ns in os.walk(root) if ".build" not in d for n in ns if n.endswith(".swift"))
    return (name, statistics.median(clean), statistics.median(rebuild), swift_files)


def scaling(results):
    rows = []
    for count in (100, 1000, 5000):
        folder = tempfile.mkdtemp(prefix=f"bench-scale-{count}-", dir=WORK)
        run([sys.executable, os.path.join(ROOT, "Benchmarks", "synthetic-specs.py"), str(count), os.path.join(folder, "specs")])
        shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(folder, "Templates"))
        t, m = timed([OURS, "generate"] + outputs_args(folder), cwd=folder,
                     prepare=lambda: set_aside(os.path.join(folder, "out")))
        rows.append((count, t, m, files_under(os.path.join(folder, "out"))))
    results["scaling"] = rows


def many_errors(results):
    """lint of a spec whose every property refers to a misspelt type: the cost of reporting errors, debug and release."""
    rows = []
    for count in (1_200, 12_000, 120_000):
        folder = tempfile.mkdtemp(prefix=f"bench-errors-{count}-", dir=WORK)
        specs = os.path.join(folder, "specs")
        run([sys.executable, os.path.join(ROOT, "Benchmarks", "faulty-specs.py"), str(count), specs])
        size = os.path.getsize(os.path.join(specs, "faulty.yaml")) / 1e6
        times = []
        for binary in (OURS_DEBUG, OURS):
            command = ["bash", "-c", f"'{binary}' lint --specs '{specs}' 2>&1 | tail -1; exit ${{PIPESTATUS[0]}}"]
            result = subprocess.run(command, stdout=subprocess.PIPE, text=True)
            if result.returncode != 1 or f"{count} errors" not in result.stdout:
                raise RuntimeError(f"lint of {count} faulty references: {result.stdout}")
            start = time.perf_counter()
            for _ in range(RUNS):
                subprocess.run(command, stdout=subprocess.DEVNULL)
            times.append((time.perf_counter() - start) / RUNS)
        rows.append((count, size, times[0], times[1]))
    results["many_errors"] = rows


def runtime(results):
    rows = []
    for line in run([RUNTIME]).splitlines():
        name, sdk, hand = line.split("\t")
        rows.append((name, int(sdk), int(hand)))
    results["runtime"] = rows


FULL_RUN = ["generation", "compile", "app", "scaling", "errors", "runtime"]
SECTIONS = {"generation": generation, "compile": compile_package, "app": app_build, "scaling": scaling,
            "errors": many_errors, "runtime": runtime,
            # Run again alone with --only (part of "compile" in a full run):
            "compile-oag-management": compile_oag_management}


def main():
    """`bench.py` runs every section; `bench.py --only compile,app` runs those again over the last run's results
    (compile needs generation's outputs); `bench.py --report-only` rewrites docs/benchmarks.md from the last run's
    results (after editing notes.md). Results are saved after each section."""
    saved = os.path.join(WORK, "results.json")
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    if "--report-only" in sys.argv or only:
        with open(saved) as f:
            results = json.load(f)
    else:
        results = {"runs": RUNS, "warmup": WARMUP}
        for name in os.listdir(WORK):  # the temporary folders of earlier runs
            if name.startswith("bench-"):
                set_aside(os.path.join(WORK, name))
        if os.path.exists(TRASH):
            shutil.rmtree(TRASH)
            time.sleep(15)  # see set_aside
    if "--report-only" not in sys.argv:
        for name in only or FULL_RUN:
            print(f"benchmark: {name}…", file=sys.stderr, flush=True)
            SECTIONS[name](results)
            with open(saved, "w") as f:
                json.dump(results, f)
        shutil.rmtree(TRASH, ignore_errors=True)
    notes_file = os.path.join(ROOT, "Benchmarks", "notes.md")
    if os.path.exists(notes_file):
        with open(notes_file) as f:
            results["notes"] = f.read()
    text = report(results, RUNS, WARMUP)
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
