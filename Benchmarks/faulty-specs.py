#!/usr/bin/env python3
"""Writes a spec with many errors: N properties in types of ten, each referring to the misspelt type `strin`
(N errors, about 68 bytes each). Usage: faulty-specs.py N OUT_DIR"""
import os, sys

def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    lines = ["types:"]
    for index in range(0, count, 10):
        lines += [f"  Type{index // 10}Dto:", "    properties:"]
        lines += [f"      field{field}: {{ type: strin, description: Field {field} of type {index // 10} }}"
                  for field in range(min(10, count - index))]
    with open(os.path.join(out, "faulty.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
