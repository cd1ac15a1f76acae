"""Where things are in a tree of the SDK's sources, for both benchmark scripts (bench.py, app-builds.py)."""
import os, re


def client_modules(sdk, module):
    """The folders of a client's modules: `module` itself and, since the management client is split into modules,
    the modules whose names extend it (GenAuthManagementCore, GenAuthManagementDirectory, …)."""
    sources = os.path.join(sdk, "Sources")
    return sorted(os.path.join(sources, name) for name in os.listdir(sources)
                  if name.startswith(module) and os.path.isdir(os.path.join(sources, name)))


def file_declaring(sdk, module, type_name):
    """The generated file of a client's modules that declares the struct `type_name` (the models are grouped, several
    to a file, since 804b5a6)."""
    pattern = re.compile(r"\bstruct " + re.escape(type_name) + r"\b")
    for source in client_modules(sdk, module):
        for folder, _, names in sorted(os.walk(os.path.join(source, "Generated"))):
            for name in sorted(names):
                path = os.path.join(folder, name)
                if name.endswith(".swift") and pattern.search(open(path, encoding="utf-8").read()):
                    return path
    raise RuntimeError(f"no {type_name} in {module}")
