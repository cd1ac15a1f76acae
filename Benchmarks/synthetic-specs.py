#!/usr/bin/env python3
"""Writes a synthetic API description in genauth-codegen's spec format: N endpoints, each with its own
request and response types, spread over files of 50 endpoints. Usage: synthetic-specs.py N OUT_DIR"""
import os, sys

def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    per_file = 50
    for file_index in range(0, count, per_file):
        lines = [
            "client: AuthenticationClient",
            f"module: {{ en: Module {file_index // 1000}, zh: 模块 {file_index // 1000} }}",
            f"group: {{ en: Group {file_index // per_file}, zh: 分组 {file_index // per_file} }}",
            "endpoints:",
        ]
        types = ["types:"]
        for i in range(file_index, min(count, file_index + per_file)):
            lines += [
                f"  operation{i}:",
                f"    summary: {{ en: Operation {i}, zh: 操作 {i} }}",
                f"    description: {{ en: Does thing number {i} with the user's data., zh: 对用户数据执行第 {i} 项操作。 }}",
                "    method: POST",
                f"    path: /api/v3/operation-{i}/{{userId}}",
                "    auth: accessToken",
                "    pathParams:",
                "      userId: { type: string, description: { en: The user's ID., zh: 用户 ID。 }, example: 6229ffaxxxxxxxxcade3e3d9 }",
                "    query:",
                "      page: { type: integer, default: 1, description: { en: Page number., zh: 页码。 } }",
                f"    request: Operation{i}Dto",
                f"    response: Operation{i}RespDto",
            ]
            types += [
                f"  Operation{i}Dto:",
                "    properties:",
                "      name: { type: string, required: true, description: { en: A name., zh: 名称。 }, example: alice }",
                "      count: { type: integer, description: { en: How many., zh: 数量。 }, example: 3 }",
                "      mode:",
                "        description: { en: The mode., zh: 模式。 }",
                "        example: fast",
                "        enum: { fast: { en: Fast, zh: 快 }, safe: { en: Safe, zh: 稳 } }",
                "      tags: { type: [string], example: [a, b] }",
                "      extra: { type: json, description: { en: Anything else., zh: 其他。 } }",
                f"  Operation{i}RespDto:",
                "    properties:",
                "      statusCode: { type: integer, required: true, example: 200 }",
                "      message: { type: string, required: true, example: ok }",
                "      requestId: { type: string, example: 934108e5-9fbf-4d24-8da1-c330328abd6c }",
                f"      data: {{ type: Operation{i}Dto }}",
            ]
        with open(os.path.join(out, f"group-{file_index // per_file:04d}.yaml"), "w") as f:
            f.write("\n".join(lines + types) + "\n")

if __name__ == "__main__":
    main()
