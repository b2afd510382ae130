#!/usr/bin/env python3
"""Generate the golden torch.save files that cyborg.io.torch's Java tests read.

Each case is saved with torch.save exactly as a user of the Python reference
would; expected.json records, per file and key, what TorchCheckpoint.read must
return: dtype (F32 or I64, or F64 with keepFloat64), shape, the first values
and the SHA-256 of the contiguous little-endian bytes (float64 is narrowed to
float32 with numpy's round-to-nearest, as Java's (float) cast does). Files that
must be rejected are listed under "errors".

Usage (from the repository root):
    /usr/bin/python3 tools/golden/make_torch_golden.py \
        --out cyborg-core/src/test/resources/cyborg/io/torch

The product never runs Python; re-run this only when the golden cases change.
Written against Debian 12's python3-torch 1.13 (which names the zip's folder
after the file; PyTorch 2 names it "archive" -- the reader accepts both).
"""
import argparse
import collections
import hashlib
import json
import os

import numpy as np
import torch


def expected(t, keep_f64=False):
    t = t.detach().contiguous()
    np.seterr(over="ignore")  # 1e300 narrows to inf on purpose, as in Java
    if t.dtype in (torch.float32, torch.float16, torch.bfloat16):
        a, dtype = t.float().numpy(), "F32"
    elif t.dtype == torch.float64:
        a, dtype = (t.numpy(), "F64") if keep_f64 else (t.numpy().astype(np.float32), "F32")
    else:
        a, dtype = t.long().numpy(), "I64"
    a = np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"))
    flat = a.reshape(-1)[:4]
    values = [float(v) if dtype != "I64" else int(v) for v in flat]
    return {"dtype": dtype, "shape": list(t.shape),
            "first": [v if v == v and abs(v) != float("inf") else str(v) for v in values],
            "sha256": hashlib.sha256(a.tobytes()).hexdigest()}


def record(cases, name, state, keep_f64=False, strip=False):
    out = collections.OrderedDict()
    for k, v in state.items():
        key = k[len("module."):] if strip and k.startswith("module.") else k
        out[key] = expected(v, keep_f64)
    cases[name] = out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    path = lambda n: os.path.join(args.out, n)
    torch.manual_seed(1234)
    cases, f64_cases = {}, {}

    # 1. a bare state dict of mixed dtypes, as model.state_dict() gives
    conv = torch.nn.Conv2d(3, 4, 3)
    bare = collections.OrderedDict()
    bare["conv.weight"] = conv.weight.detach()
    bare["conv.bias"] = conv.bias.detach()
    bare["head.double"] = torch.tensor([1.0 / 3, -2.5e-40, 1e300, 0.1, -0.0], dtype=torch.float64)
    bare["bn.num_batches_tracked"] = torch.tensor(12345678901, dtype=torch.long)
    # half: max, smallest subnormal, -0, inf, nan, an ordinary value
    bare["half"] = torch.tensor([65504.0, 6e-8, -0.0, float("inf"), float("nan"), -1.5], dtype=torch.float16)
    bare["bf16"] = torch.tensor([1.0, -3.140625, 1e38, 1e-39], dtype=torch.bfloat16)
    bare["int32"] = torch.tensor([[-7, 2147483647], [0, -2147483648]], dtype=torch.int32)
    bare["mask"] = torch.tensor([True, False, True])
    bare["empty"] = torch.zeros(0, 3)
    torch.save(bare, path("bare_state_dict.pt"))
    record(cases, "bare_state_dict.pt", bare)
    record(f64_cases, "bare_state_dict.pt", bare, keep_f64=True)

    # 2. a training checkpoint of a DataParallel model: {'state_dict', 'epoch', ...}
    net = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))
    dp = torch.nn.DataParallel(net)
    opt = torch.optim.Adam(dp.parameters(), lr=1e-3)
    dp(torch.randn(4, 3)).sum().backward()
    opt.step()
    torch.save({"epoch": 7, "arch": "resnet18", "best_acc": 0.875, "state_dict": dp.state_dict(),
                "optimizer": opt.state_dict()}, path("training_checkpoint.pt"))
    record(cases, "training_checkpoint.pt", dp.state_dict(), strip=True)

    # 3. views: transpose, slice with storage offset, strided slice, expand (stride 0),
    #    and two tensors sharing one storage
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) * 0.5
    shared = torch.arange(10, dtype=torch.float32) - 3
    views = collections.OrderedDict()
    views["transposed"] = base.t()
    views["row_slice"] = base[1:3]
    views["column_stride"] = base[:, 1::2]
    views["expanded"] = torch.tensor([1.0, 2.0, 3.0]).expand(2, 3)
    views["shared_a"] = shared[:6].view(2, 3)
    views["shared_b"] = shared[6:]
    views["long_view"] = torch.arange(12).reshape(3, 4)[:, 2]
    assert views["shared_a"].storage().data_ptr() == views["shared_b"].storage().data_ptr()
    assert views["row_slice"].storage_offset() == 6 and not views["transposed"].is_contiguous()
    torch.save(views, path("views.pt"))
    record(cases, "views.pt", views)

    # 4. nn.Parameters (torch._utils._rebuild_parameter) under 'model_state_dict', pickle protocol 4
    params = collections.OrderedDict(torch.nn.Linear(2, 2).named_parameters())
    torch.save({"model_state_dict": params, "epoch": 1}, path("parameters_protocol4.pt"), pickle_protocol=4)
    record(cases, "parameters_protocol4.pt", params)

    # files that must be rejected
    torch.save(torch.nn.Sequential(torch.nn.Linear(2, 1)), path("whole_module.pt"))
    torch.save(collections.OrderedDict(w=torch.ones(2)), path("legacy_format.pt"),
               _use_new_zipfile_serialization=False)

    with open(path("expected.json"), "w") as f:
        json.dump({"torch": torch.__version__, "read": cases, "read_keep_float64": f64_cases,
                   "errors": {"whole_module.pt": "state_dict()", "legacy_format.pt": "legacy"}}, f, indent=1)
    for n in sorted(os.listdir(args.out)):
        print(n, os.path.getsize(path(n)))


if __name__ == "__main__":
    main()
