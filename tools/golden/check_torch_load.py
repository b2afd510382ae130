#!/usr/bin/env python3
"""Check that torch.load reads a checkpoint written by cyborg's TorchCheckpoint.write.

    /usr/bin/python3 tools/golden/check_torch_load.py FILE.pt [EXPECTED.json]

Loads FILE with torch.load, both with weights_only=True (the restricted
unpickler: proves only safe globals are used) and without, checks that it is an
OrderedDict of contiguous CPU tensors, that every storage in the zip starts
64-byte aligned, and, given EXPECTED.json ({key: {"dtype": "F32"|"F64"|"I64",
"shape": [...], "sha256": hex of the little-endian bytes}}, as
TorchCheckpointWriteTest writes next to its golden file), that dtype, shape
and values are equal bit for bit. Exits non-zero on any mismatch.
Written against Debian 12's python3-torch 1.13.
"""
import collections
import hashlib
import json
import sys
import zipfile

import torch

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64}


def main():
    path = sys.argv[1]
    sd = torch.load(path, weights_only=True)
    plain = torch.load(path)
    assert type(sd) is collections.OrderedDict, type(sd)
    assert list(sd) == list(plain)
    with zipfile.ZipFile(path) as z, open(path, "rb") as f:
        for info in z.infolist():
            f.seek(info.header_offset + 26)
            name_len, extra_len = int.from_bytes(f.read(2), "little"), int.from_bytes(f.read(2), "little")
            start = info.header_offset + 30 + name_len + extra_len
            assert info.compress_type == zipfile.ZIP_STORED, info.filename
            assert start % 64 == 0, "%s starts at %d" % (info.filename, start)
    for k, t in sd.items():
        assert t.device.type == "cpu" and t.is_contiguous() and not t.requires_grad, k
        assert torch.equal(t, plain[k]) or (t.isnan() == plain[k].isnan()).all(), k
    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            expected = json.load(f)
        assert list(expected) == list(sd), (list(expected), list(sd))
        for k, e in expected.items():
            t = sd[k]
            assert t.dtype == DTYPES[e["dtype"]], (k, t.dtype)
            assert list(t.shape) == e["shape"], (k, t.shape)
            digest = hashlib.sha256(t.numpy().tobytes()).hexdigest()
            assert digest == e["sha256"], (k, "values differ")
    for k, t in sd.items():
        print("%-24s %-14s %s" % (k, str(t.dtype), list(t.shape)))
    print("OK: torch %s loads %s (%d tensors%s)" % (torch.__version__, path, len(sd),
          ", values equal bit for bit" if len(sys.argv) > 2 else ""))


if __name__ == "__main__":
    main()
